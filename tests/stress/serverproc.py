"""The real `ziping serve` on 127.0.0.1 for the stress suite: start on a free port, raw
requests over sockets, the server's resident memory from /proc. Loopback only, always."""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import time

HOST = "127.0.0.1"

# The credentials every request of this process carries (act_for()): writes need an account
# since issue 10.
AUTH = {}


def act_for(ziping, db, department):
    """Makes `department` a unit (under a test 主管部门 and 财政局) and its 单位负责人 with an API
    token, through the CLI as an operator would; every later request carries the token."""
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", delete=False) as f:
        f.write(f"类型,名称,上级,代码\n财政局,压力测试财政局,,\n主管部门,压力测试主管部门,压力测试财政局,\n"
                f"预算单位,{department},压力测试主管部门,\n")
        csv = f.name
    try:
        subprocess.run([ziping, "org", "import", csv, "--db", db], check=True, capture_output=True)
    finally:
        os.unlink(csv)
    login = "stress-" + str(abs(hash(department)) % 10**8)
    subprocess.run([ziping, "user", "add", login, "--role", "unit_head", "--org", department,
                    "--generate-password", "--db", db], check=True, capture_output=True)
    out = subprocess.run([ziping, "token", "add", login, "--db", db], check=True,
                         capture_output=True).stdout.decode()
    token = re.search(r"(zpt_[A-Za-z0-9_-]+)", out).group(1)
    AUTH["Authorization"] = "Bearer " + token


class Server:
    def __init__(self, ziping, db, *args, env=None):
        self.proc = subprocess.Popen(
            [ziping, "serve", "--host", HOST, "--port", "0", "--db", db, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.ziping, self.db = ziping, db
        self.port = None
        deadline = time.time() + 30
        lines = []
        while time.time() < deadline:
            line = self.proc.stdout.readline().decode("utf-8", "replace")
            if not line:
                break
            lines.append(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            self.proc.kill()
            raise RuntimeError("server did not start: " + "".join(lines) +
                               self.proc.stderr.read().decode("utf-8", "replace"))

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
        return 0.0

    def request(self, method, path, body=None, headers=None, timeout=60):
        c = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers={**AUTH, **(headers or {})})
            r = c.getresponse()
            return r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read()
        finally:
            c.close()

    def json(self, method, path, value=None, timeout=60):
        body = None if value is None else json.dumps(value, ensure_ascii=False).encode()
        status, headers, data = self.request(method, path, body,
                                             {"Content-Type": "application/json"}, timeout)
        return status, json.loads(data) if data else None

    def raw(self, data, timeout=10):
        """Sends bytes as they are; returns the status line's code and the whole answer."""
        s = socket.create_connection((HOST, self.port), timeout=timeout)
        try:
            s.sendall(data)
            reply = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except (ConnectionResetError, socket.timeout):
                    break
                if not chunk:
                    break
                reply += chunk
                if b"\r\n\r\n" in reply:
                    head, _, rest = reply.partition(b"\r\n\r\n")
                    m = re.search(rb"(?i)content-length:\s*(\d+)", head)
                    if m and len(rest) >= int(m.group(1)):
                        break
            m = re.match(rb"HTTP/1\.[01] (\d{3})", reply)
            return (int(m.group(1)) if m else None), reply
        finally:
            s.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class Checks:
    """Named assertions; every failure is reported, the exit status says whether any failed."""

    def __init__(self):
        self.failed = []

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if not ok:
            self.failed.append(what)

    def exit(self):
        if self.failed:
            print(f"{len(self.failed)} check(s) failed", flush=True)
            raise SystemExit(1)
        print("all checks passed", flush=True)
