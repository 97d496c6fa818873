#!/usr/bin/env python3
"""Runs ziping's worked-example tests through the real CLI binary.

Two shapes, one runner:

* tests/cases/**/*.case — a text file (pandoc command tests, ledger .test):
      # name: ...            comment lines at the top
      % ziping ARGS...       the command (ziping = the binary under test; cwd = repo root)
      ...stdin lines...      optional, ended by a line "^D"
      expected stdout        lines as printed; lines starting "2> " are expected stderr
      => N                   the exit code
* tests/golden/<case>/ — a directory with input.json (or input.*), `args` (extra arguments,
  one line), and for each of `check.txt`, `score.json`, `exit` present: the expected output of
  `ziping check input.* ARGS`, of `ziping score input.* ARGS --format json`, and the exit
  code of check. Reader cases add `form.json`, the form as read (`ziping convert input.* -`);
  an empty file named `reader` asks UPDATE_GOLDEN to create it. Commands run inside the case
  directory so printed paths are stable.

UPDATE_GOLDEN=1 rewrites the expectations from the actual output; read the diff before you
commit it.
"""
import argparse
import difflib
import os
import pathlib
import shlex
import stat
import subprocess
import sys

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def run(binary, args, cwd, stdin=None):
    proc = subprocess.run([binary] + args, cwd=cwd, input=stdin, capture_output=True, timeout=60)
    # A command that writes to a device must leave it one (cli/convert-to-device).
    if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        sys.exit(f"ziping {shlex.join(args)} replaced /dev/null with a regular file")
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode


def diff(expected, actual, label):
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                 f"expected {label}", f"actual {label}")
    return "".join(lines)


def parse_case(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    index = 0
    while index < len(lines) and not lines[index].startswith("% "):
        index += 1
    if index == len(lines):
        raise SystemExit(f"{path}: no '% ziping ...' command line")
    header = lines[:index]
    command = shlex.split(lines[index][2:])
    rest = lines[index + 1:]
    stdin = None
    if "^D" in rest:
        cut = rest.index("^D")
        stdin = "\n".join(rest[:cut]) + "\n"
        rest = rest[cut + 1:]
    if not rest or not rest[-1].startswith("=> "):
        raise SystemExit(f"{path}: must end with '=> EXIT'")
    exit_code = int(rest[-1][3:])
    stdout = [l for l in rest[:-1] if not l.startswith("2> ") and l != "2>"]
    stderr = [l[3:] if l.startswith("2> ") else "" for l in rest[:-1] if l.startswith("2>")]
    return header, lines[index], command, stdin, stdout, stderr, exit_code


def run_case_file(binary, path, root):
    header, command_line, command, stdin, out_lines, err_lines, exit_code = parse_case(path)
    if command[0] != "ziping":
        raise SystemExit(f"{path}: the command must start with 'ziping'")
    out, err, code = run(binary, command[1:], root, stdin.encode() if stdin is not None else None)
    expected_out = "".join(l + "\n" for l in out_lines)
    expected_err = "".join(l + "\n" for l in err_lines)
    if UPDATE:
        body = header + [command_line]
        if stdin is not None:
            body += stdin.rstrip("\n").split("\n") + ["^D"]
        body += out.rstrip("\n").split("\n") if out else []
        body += ["2> " + l if l else "2>" for l in err.rstrip("\n").split("\n")] if err else []
        body += [f"=> {code}"]
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
        return []
    problems = []
    if out != expected_out:
        problems.append(diff(expected_out, out, "stdout"))
    if err != expected_err:
        problems.append(diff(expected_err, err, "stderr"))
    if code != exit_code:
        problems.append(f"exit code: expected {exit_code}, got {code}\n")
    return problems


def reader_args(extra):
    """The options of `args` that convert understands (--from, --kind), without the rest."""
    kept, index = [], 0
    while index < len(extra):
        if extra[index] in ("--from", "--kind") and index + 1 < len(extra):
            kept += extra[index:index + 2]
            index += 2
        else:
            index += 1
    return kept


def run_golden_dir(binary, case, root):
    # The input is input.* in the case directory, or the repository file named in `source`
    # (the examples), run from the repository root so paths print as in the README.
    source = case / "source"
    if source.exists():
        inputs, cwd = [source.read_text(encoding="utf-8").strip()], root
    else:
        inputs, cwd = sorted(p.name for p in case.iterdir() if p.name.startswith("input.")), case
    if len(inputs) != 1:
        raise SystemExit(f"{case}: needs exactly one input.* file or a source file")
    args_file = case / "args"
    extra = shlex.split(args_file.read_text(encoding="utf-8")) if args_file.exists() else []
    problems = []
    check_out, check_err, check_code = run(binary, ["check", inputs[0]] + extra, cwd)
    score_out, _, _ = run(binary, ["score", inputs[0]] + extra + ["--format", "json"], cwd)
    expectations = [("check.txt", check_out), ("score.json", score_out), ("exit", f"{check_code}\n")]
    # Reader cases also pin the form they read: `form.json` is `ziping convert INPUT -`.
    if (case / "form.json").exists() or (UPDATE and (case / "reader").exists()):
        form_out, _, _ = run(binary, ["convert", inputs[0], "-"] + reader_args(extra), cwd)
        expectations.append(("form.json", form_out))
    for name, actual in expectations:
        target = case / name
        if UPDATE:
            target.write_text(actual, encoding="utf-8")
            continue
        if not target.exists():
            problems.append(f"{target} is missing (run with UPDATE_GOLDEN=1 and review it)\n")
            continue
        expected = target.read_text(encoding="utf-8")
        if expected != actual:
            problems.append(diff(expected, actual, name))
    if check_err:
        problems.append(f"unexpected stderr from check:\n{check_err}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("cases", nargs="+")
    options = parser.parse_args()
    root = pathlib.Path(options.root)
    failed = 0
    for name in options.cases:
        path = pathlib.Path(name)
        problems = run_golden_dir(options.ziping, path, root) if path.is_dir() else \
            run_case_file(options.ziping, path, root)
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for problem in problems:
                print(problem)
        else:
            print(f"ok   {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
