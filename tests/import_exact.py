#!/usr/bin/env python3
"""`ziping import INPUT -o -` must print exactly EXPECTED (byte for byte).

usage: import_exact.py ZIPING INPUT EXPECTED [ziping import options...]"""
import difflib
import subprocess
import sys

binary, source, expected_path = sys.argv[1:4]
proc = subprocess.run([binary, "import", source, "-o", "-"] + sys.argv[4:], capture_output=True,
                      timeout=60)
expected = open(expected_path, "rb").read()
if proc.returncode != 0 or proc.stdout != expected:
    print(f"FAIL import {source} (exit {proc.returncode}) differs from {expected_path}")
    sys.stdout.writelines(difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(True),
        proc.stdout.decode("utf-8", "replace").splitlines(True), expected_path, "imported"))
    sys.exit(1)
print(f"ok   import {source} == {expected_path}")
