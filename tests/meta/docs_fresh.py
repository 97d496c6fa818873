#!/usr/bin/env python3
"""docs/diagnostics.md must equal `ziping diagnostics --markdown` (run `make docs`)."""
import pathlib
import subprocess
import sys

binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
generated = subprocess.run([binary, "diagnostics", "--markdown"], capture_output=True, check=True).stdout
committed = (root / "docs" / "diagnostics.md").read_bytes()
if generated != committed:
    print("docs/diagnostics.md is stale: run `make docs` and commit it")
    sys.exit(1)
print("docs/diagnostics.md is current")
