#!/usr/bin/env python3
"""The transport under attack, against a real `ziping serve` on 127.0.0.1 (issue 11):
strict parsing (400), header limits (431), a 2 GiB chunked body (413 as soon as the limit
passes, server RSS growing < 50 MB), slow clients (header and body deadlines), and 500 slow
connections held for 30 s while /api/health answers every probe within 200 ms.

usage: transport.py --ziping BUILD/ziping [--quick]"""
import argparse
import os
import select
import socket
import tempfile
import threading
import time

from serverproc import HOST, Checks, Server


def strict_parsing(server, checks):
    def req(lines, body=b""):
        return server.raw(("\r\n".join(lines) + "\r\n\r\n").encode() + body)[0]

    host = f"Host: {HOST}:{server.port}"
    post = "POST /api/check HTTP/1.1"
    cases = {
        "two Content-Length": [post, host, "Content-Length: 2", "Content-Length: 2"],
        "two differing Content-Length": [post, host, "Content-Length: 2", "Content-Length: 3"],
        "Content-Length: abc": [post, host, "Content-Length: abc"],
        "Content-Length: -1": [post, host, "Content-Length: -1"],
        "Content-Length with Transfer-Encoding": [post, host, "Content-Length: 2",
                                                  "Transfer-Encoding: chunked"],
        "Transfer-Encoding: gzip": [post, host, "Transfer-Encoding: gzip"],
        "two Transfer-Encoding": [post, host, "Transfer-Encoding: chunked",
                                  "Transfer-Encoding: chunked"],
        "HTTP/1.1 without Host": ["GET /api/health HTTP/1.1"],
        "two Host headers": ["GET /api/health HTTP/1.1", host, host],
        "not HTTP": ["NOT-HTTP"],
        "HTTP/2.0 request line": ["GET /api/health HTTP/2.0", host],
        "absolute target": ["GET http://evil/api/health HTTP/1.1", host],
        "broken escape in path": ["GET /api/%zz HTTP/1.1", host],
        "bad chunk size": None,
    }
    for name, lines in cases.items():
        if lines is None:
            status = server.raw((f"{post}\r\n{host}\r\nTransfer-Encoding: chunked\r\n"
                                 "Content-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").encode())[0]
        else:
            status = req(lines)
        checks.check(status == 400, f"strict: {name} → 400 (got {status})")
    ok = req(["GET /api/health HTTP/1.0"])
    checks.check(ok == 200, f"HTTP/1.0 without Host is served (got {ok})")
    # Limits on the header block.
    many = ["GET /api/health HTTP/1.1", host] + [f"X-H{i}: v" for i in range(100_000)]
    status = req(many)
    checks.check(status == 431, f"100,000 header lines → 431 (got {status})")
    status = req(["GET /api/health HTTP/1.1", host] + [f"X-H{i}: v" for i in range(150)])
    checks.check(status == 431, f"150 header fields → 431 (got {status})")
    status = req(["GET /api/health HTTP/1.1", host, "X-Big: " + "a" * 40_000])
    checks.check(status == 431, f"a 40 kB header → 431 (got {status})")
    # A body with neither Content-Length nor Transfer-Encoding is no body: answered at once.
    t = time.time()
    status, reply = server.raw((f"{post}\r\n{host}\r\nContent-Type: application/json\r\n\r\n"
                                "{\"format\":").encode(), timeout=5)
    checks.check(status in (400, 422) and time.time() - t < 2,
                 f"a body without length is not waited for (got {status})")
    status, headers, body = server.request("GET", "/api/health", headers={"Range": "bytes=0-3"})
    checks.check(status == 200 and body.startswith(b"{"), f"Range is ignored, whole answer (got {status})")
    status, headers, body = server.request("GET", "/api/forms/99999999999999999999999")
    checks.check(status == 404 and b"99999999999999999999999" in body and b"-1" not in body,
                 f"a 23-digit id is named as given (got {status} {body[:120]!r})")
    status, headers, body = server.request("GET", "/api/health")
    checks.check(b"/tmp" not in body and b".db" not in body,
                 f"/api/health names no path ({body!r})")


def chunked_2gib(server, checks, limit_mb):
    before = server.rss_mb()
    s = socket.create_connection((HOST, server.port), timeout=10)
    s.sendall((f"POST /api/check HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n").encode())
    chunk = b" " * (1 << 20)
    frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    sent = 0
    reply = b""
    peak = before
    start = time.time()
    try:
        while sent < (2 << 30):
            readable, _, _ = select.select([s], [], [], 0)
            if readable:
                break
            s.sendall(frame)
            sent += len(chunk)
            if sent % (8 << 20) == 0:
                peak = max(peak, server.rss_mb())
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        s.settimeout(5)
        while b"}}}" not in reply:
            data = s.recv(65536)
            if not data:
                break
            reply += data
    except (ConnectionResetError, socket.timeout):
        pass
    s.close()
    peak = max(peak, server.rss_mb())
    elapsed = time.time() - start
    checks.check(reply.startswith(b"HTTP/1.1 413") and b"ZP0714" in reply,
                 f"2 GiB chunked body → 413 ZP0714 (got {reply[:60]!r})")
    checks.check(sent <= (limit_mb + 16) << 20,
                 f"refused once the limit passed: {sent >> 20} MiB sent of 2048 for a {limit_mb} MiB limit")
    checks.check(peak - before < 50,
                 f"server RSS grew {peak - before:.1f} MB (< 50) in {elapsed:.1f} s")
    status, _, _ = server.request("GET", "/api/health")
    checks.check(status == 200, "the server still answers after the refused body")


def trickle(server, head, piece, deadline):
    """Sends `head`, then `piece` once a second; returns after how many seconds the server
    closed the connection, or None when it was still open `deadline` + 6 s later."""
    s = socket.create_connection((HOST, server.port), timeout=deadline + 10)
    s.sendall(head)
    start = time.time()
    closed_after = None
    while time.time() - start < deadline + 6:
        try:
            s.sendall(piece)
            r, _, _ = select.select([s], [], [], 1)
            if r and not s.recv(4096):
                closed_after = time.time() - start
                break
        except (BrokenPipeError, ConnectionResetError):
            closed_after = time.time() - start
            break
    s.close()
    return closed_after


def slow_deadlines(server, checks, header_timeout, body_timeout):
    """Headers trickled a line a second and a body a byte a second, both at once: each cut at
    its deadline, not kept alive by each piece."""
    probes = {
        "headers sent a line a second": (b"GET /api/health HTTP/1.1\r\nHost: x\r\n", b"X-Slow: 1\r\n",
                                         header_timeout),
        "body sent a byte a second": (b"POST /api/check HTTP/1.1\r\nHost: x\r\n"
                                      b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n",
                                      b" ", body_timeout),
    }
    closed = {}
    threads = [threading.Thread(target=lambda name=name, p=p: closed.__setitem__(name, trickle(server, *p)))
               for name, p in probes.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name, (_, _, deadline) in probes.items():
        after = closed.get(name)
        checks.check(after is not None and after < deadline + 2,
                     f"{name}: closed after {after} s (deadline {deadline} s)")


def slowloris(server, checks, connections, seconds):
    socks = []

    def connect():
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex((HOST, server.port))
        return [s, 0]

    for _ in range(connections):
        socks.append(connect())
    probes = []
    stop = threading.Event()

    def probe():
        while not stop.is_set():
            t = time.time()
            try:
                status, _, _ = server.request("GET", "/api/health", timeout=5)
            except OSError:
                status = None
            probes.append((status, time.time() - t))
            time.sleep(0.25)

    prober = threading.Thread(target=probe)
    prober.start()
    start = time.time()
    reconnects = 0
    while time.time() - start < seconds:
        for entry in socks:
            s, step = entry
            try:
                if step == 0:
                    s.send(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
                else:
                    s.send(b"X-a: b\r\n")
                entry[1] += 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                s.close()
                entry[:] = connect()
                reconnects += 1
        time.sleep(2)
    stop.set()
    prober.join()
    for s, _ in socks:
        s.close()
    slow = [p for p in probes if p[0] != 200 or p[1] > 0.2]
    worst = max(p[1] for p in probes) if probes else None
    checks.check(len(probes) >= seconds * 2 and not slow,
                 f"{connections} slow connections for {seconds} s: {len(probes)} health probes, "
                 f"{len(slow)} slow or failed, worst {worst:.3f} s; {reconnects} reconnects after the header deadline")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("--quick", action="store_true", help="shorter slowloris, for development")
    args = parser.parse_args()
    checks = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "stress.db")
        with Server(args.ziping, db, "--header-timeout", "4", "--body-timeout", "4") as short, \
                Server(args.ziping, db) as server:
            strict_parsing(short, checks)
            chunked_2gib(short, checks, 16)
            # The deadline probes only wait (a line or a byte a second, on the other server):
            # they run while the slow connections are held instead of before them.
            deadlines = threading.Thread(target=slow_deadlines, args=(short, checks, 4, 4))
            deadlines.start()
            slowloris(server, checks, 500, 10 if args.quick else 30)
            deadlines.join()
    checks.exit()


if __name__ == "__main__":
    main()
