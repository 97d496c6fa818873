#!/usr/bin/env python3
"""The batch commands end to end through the CLI (issue 13): `ziping generate` a small province,
`org import` its tree, `load` it (twice: the second run skips everything by content hash; an
unreadable file is named and fails the run), `report` the year as CSV (compared with
tests/batch/golden/report_2023.csv), HTML and XLSX, and `rescore` (skips what is up to date,
--force redoes all, another rule set redoes all).

    batch_cli.py --ziping BIN [--db sqlite|postgresql]

PostgreSQL comes from ZIPING_TEST_PG_URL (scripts/pg_throwaway.sh); its CSV report must be the
same golden file, byte for byte, as SQLite's. UPDATE_GOLDEN=1 rewrites the golden file (read the
diff before committing it).
"""
import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "report_2023.csv"
failures = []


def run(args, cwd, expect=0):
    proc = subprocess.run([ZIPING] + args, cwd=cwd, capture_output=True, text=True, timeout=300)
    if proc.returncode != expect:
        failures.append(f"ziping {' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                        f"{proc.stdout}{proc.stderr}")
    return proc


def expect(condition, what):
    if not condition:
        failures.append(what)


def number(pattern, text):
    found = re.search(pattern, text)
    return int(found.group(1).replace(",", "")) if found else None


parser = argparse.ArgumentParser()
parser.add_argument("--ziping", required=True)
parser.add_argument("--db", default="sqlite")
options = parser.parse_args()
ZIPING = str(pathlib.Path(options.ziping).resolve())

with tempfile.TemporaryDirectory() as folder:
    work = pathlib.Path(folder)
    if options.db == "postgresql":
        db = os.environ.get("ZIPING_TEST_PG_URL")
        if not db:
            sys.exit("batch_cli: ZIPING_TEST_PG_URL is not set (run under scripts/pg_throwaway.sh)")
    else:
        db = str(work / "batch.db")
    run(["generate", "-o", "gen", "-n", "90", "--seed", "7"], work)
    run(["org", "import", "gen/orgs.csv", "--db", db], work)

    # One worker: form ids then follow the files' order, so the golden report's ids are stable
    # (parallel workers file chunks in whatever order they finish). The resumed run is parallel.
    first = run(["load", "--db", db, "gen/forms", "-j", "1"], work)
    expect(number(r"([\d,]+) 新存 loaded", first.stdout) == 90, "first load: " + first.stdout)
    second = run(["load", "--db", db, "gen/forms", "-j", "2"], work)
    expect(number(r"([\d,]+) 新存 loaded", second.stdout) == 0, "second load: " + second.stdout)
    expect(number(r"([\d,]+) 已存跳过", second.stdout) == 90, "second load: " + second.stdout)
    expect("\r" not in second.stderr, "a progress line was drawn without a terminal")

    bad = work / "bad"
    bad.mkdir()
    (bad / "broken.json").write_text("{ not json", encoding="utf-8")
    broken = run(["load", "--db", db, str(bad)], work, expect=2)
    expect("broken.json" in broken.stderr, "the unreadable file is not named: " + broken.stderr)

    run(["report", "--db", db, "--year", "2023", "-o", "report.csv"], work)
    actual = (work / "report.csv").read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1" and options.db == "sqlite":
        GOLDEN.write_text(actual, encoding="utf-8")
    elif actual != GOLDEN.read_text(encoding="utf-8"):
        import difflib
        diff = difflib.unified_diff(GOLDEN.read_text(encoding="utf-8").splitlines(),
                                    actual.splitlines(), "golden", "actual", lineterm="")
        failures.append("report.csv differs from the golden file:\n" + "\n".join(list(diff)[:60]))
    run(["report", "--db", db, "--year", "2023", "-o", "report.html"], work)
    html = (work / "report.html").read_text(encoding="utf-8")
    expect("<svg" in html and 'id="target_changes"' in html, "report.html lacks charts or tables")
    run(["report", "--db", db, "--year", "2023", "-o", "report.xlsx"], work)
    expect((work / "report.xlsx").read_bytes()[:2] == b"PK", "report.xlsx is not a zip")
    run(["report", "--db", db, "--year", "2023", "-o", "report.pdf"], work, expect=2)

    same = run(["rescore", "--db", db], work)
    expect(number(r"([\d,]+) 已是最新跳过", same.stdout) == 90, "rescore skipped: " + same.stdout)
    forced = run(["rescore", "--db", db, "--force", "--year", "2023"], work)
    expect(number(r"([\d,]+) 已重新计分", forced.stdout) == 30, "rescore --force: " + forced.stdout)
    other = run(["rescore", "--db", db, "--rules", "tianjin-2022"], work)
    expect(number(r"([\d,]+) 已重新计分", other.stdout) == 90, "another rule set: " + other.stdout)

for failure in failures:
    print(failure)
print(f"batch_cli ({options.db}): {'FAILED' if failures else 'ok'}")
sys.exit(1 if failures else 0)
