#!/usr/bin/env python3
"""Durability and concurrency of saves through the real server (issue 11): clients save one
form concurrently (optimistic, with base_revision) while the server is killed with SIGKILL
at random moments; after each restart every acknowledged save is there with its own content,
and no revision number was acknowledged twice (no lost update). Bounded: CYCLES kills, well
under a minute. SQLite in a temporary file, or PostgreSQL at $ZIPING_TEST_PG_URL (run through
scripts/pg_throwaway.sh).

usage: durability.py --ziping BUILD/ziping --backend sqlite|postgresql [--cycles N]"""
import argparse
import json
import os
import random
import signal
import tempfile
import threading
import time
from pathlib import Path

from serverproc import Checks, Server, act_for

ROOT = Path(__file__).resolve().parents[2]


def saver(server, form_id, content, acked, errors, stop, name):
    while not stop.is_set():
        try:
            status, doc = server.json("GET", f"/api/forms/{form_id}", timeout=5)
            if status != 200:
                continue
            base = doc["revision"]["number"]
            token = f"{name}-{random.getrandbits(48):012x}"
            status, doc = server.json("PUT", f"/api/forms/{form_id}", {
                "content": content, "base_revision": base, "author": name, "comment": token},
                timeout=5)
            if status == 200:
                acked.append((doc["revision"]["number"], token))
            elif status not in (409, 503):
                errors.append(status)
        except (OSError, ValueError):
            time.sleep(0.05)  # the server is being killed or restarted


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], required=True)
    parser.add_argument("--cycles", type=int, default=4)
    parser.add_argument("--clients", type=int, default=6)
    args = parser.parse_args()
    checks = Checks()
    tmp = tempfile.TemporaryDirectory()
    if args.backend == "sqlite":
        db = os.path.join(tmp.name, "durable.db")
    else:
        db = os.environ.get("ZIPING_TEST_PG_URL", "")
        if not db:
            raise SystemExit("ZIPING_TEST_PG_URL is not set: run through scripts/pg_throwaway.sh")
    content = json.loads((ROOT / "examples" / "county-roads-2023-proj.json").read_text("utf-8"))

    server = Server(args.ziping, db)
    act_for(args.ziping, db, content["department"])
    status, created = server.json("POST", "/api/forms", {"content": content, "comment": "start"})
    checks.check(status == 201, f"form created ({status})")
    form_id = created["form"]["id"]
    # The same bad input gets the same answer on both backends.
    status, _ = server.json("POST", "/api/forms", {"content": content, "author": "x\u0000y"})
    checks.check(status == 400, f"{args.backend}: a NUL in author → 400 ({status})")
    status, _ = server.json("PUT", f"/api/forms/{form_id}", {
        "content": content, "base_revision": 1, "comment": "nul\u0000here"})
    checks.check(status == 400, f"{args.backend}: a NUL in comment → 400 ({status})")
    status, headers, body = server.request("GET", "/api/health")
    checks.check(status == 200 and b"/tmp" not in body and b"host=" not in body,
                 f"{args.backend}: /api/health names no path or socket")

    acked, errors = [], []
    start = time.time()
    for cycle in range(args.cycles):
        stop = threading.Event()
        threads = [threading.Thread(target=saver, args=(server, form_id, content, acked, errors,
                                                        stop, f"c{i}"))
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(1.0, 2.5))
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        stop.set()
        for t in threads:
            t.join()
        server = Server(args.ziping, db)
    status, history = server.json("GET", f"/api/forms/{form_id}/revisions")
    server.stop()
    by_number = {r["number"]: r["comment"] for r in history["revisions"]}
    numbers = [n for n, _ in acked]
    lost = [(n, t) for n, t in acked if by_number.get(n) != t]
    checks.check(len(acked) > 0, f"{args.backend}: {len(acked)} saves acknowledged over "
                 f"{args.cycles} kill -9 cycles in {time.time() - start:.1f} s")
    checks.check(len(numbers) == len(set(numbers)), "no revision number acknowledged twice")
    checks.check(not lost, f"every acknowledged save survived the kills ({len(lost)} lost: {lost[:3]})")
    checks.check(not errors, f"no unexpected answers during the saves ({errors[:5]})")
    tmp.cleanup()
    checks.exit()


if __name__ == "__main__":
    main()
