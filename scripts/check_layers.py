#!/usr/bin/env python3
"""Fails when a source file includes a module it may not depend on (ARCHITECTURE.md's table)
or a third-party header outside the folder that wraps it."""
import pathlib
import re
import sys

# module -> modules it may include (its own is always allowed)
ALLOWED = {
    "text": set(),
    "num": set(),
    "diag": {"text"},
    "model": {"num", "diag"},
    "value": {"num", "diag", "text"},
    "rules": {"model", "value", "num", "diag", "text"},
    "check": {"rules", "model", "value", "num", "diag", "text"},
    "report": {"rules", "check", "model", "value", "num", "diag", "text"},
    "sample": {"rules", "model", "value", "num", "diag", "text"},
    "chain": {"rules", "model", "value", "num", "diag", "text"},
    "io/json": {"model", "num", "diag", "text"},
    "io/csv": {"model", "value", "num", "diag", "text"},
    "io/xlsx": {"io/csv", "model", "rules", "check", "report", "value", "num", "diag", "text"},
    "io/print": {"model", "rules", "check", "report", "value", "num", "diag", "text"},
    "io/html": {"io/print", "model", "rules", "check", "report", "value", "num", "diag", "text"},
    "io/pdf_writer": {"io/print", "model", "rules", "check", "report", "value", "num", "diag", "text"},
    "io/html_reader": {"io/text", "io/csv", "model", "num", "diag", "text"},
    "io": {"io/json", "io/text", "io/html_reader", "io/pdf", "io/xlsx", "io/csv", "io/html", "io/pdf_writer", "rules", "value", "model", "num", "diag", "text"},
    "io/text": {"model", "value", "num", "diag", "text"},
    "io/pdf": {"io/text", "model", "num", "diag", "text"},
    "crypto": set(),
    "access": {"io/csv", "diag", "text"},
    "store": {"store/migrations", "model", "num", "diag", "text", "io/json", "access", "crypto"},
    "store/migrations": {"store"},
    "store/sqlite": {"store", "model", "num", "diag"},
    "store/postgres": {"store", "model", "num", "diag"},
    "store/open": {"store", "store/sqlite", "store/postgres"},
    "facts": {"store", "check", "rules", "model", "value", "num", "diag", "text", "access", "crypto"},
    "server": {"facts", "store", "store/open", "io", "io/json", "report", "check", "chain", "sample", "rules", "value", "model",
               "num", "diag", "text", "access", "crypto"},
    "cli": None,  # the program: may include everything
}
# folders whose subfolders are modules of their own (io/json, store/sqlite, …)
NESTED = ("io", "store")
# third-party header prefix -> modules (folders) that may include it
THIRD_PARTY = {
    "toml++/": {"rules"},
    "unicode/": {"value", "io/text"},
    "poppler/": {"io/pdf"},
    "zlib.h": {"io/pdf"},  # the inflate budget checked before poppler runs
    "CLI/": {"cli"},
    "nlohmann/": set(),
    "xlsxwriter": {"io/xlsx"},
    "zip.h": {"io/xlsx"},
    "zipconf.h": {"io/xlsx"},
    "pugixml": {"io/xlsx"},
    "iconv.h": {"io/csv"},
    "gumbo.h": {"io/html_reader"},
    "tag_enum.h": {"io/html_reader"},
    "pango/": {"io/pdf_writer"},
    "cairo": {"io/pdf_writer"},
    "SQLiteCpp/": {"store/sqlite"},
    "sqlite3.h": {"store/sqlite"},
    "pqxx/": {"store/postgres"},
    "libpq-fe.h": {"store/postgres"},
    "httplib.h": set(),  # the tests' HTTP client only
    "boost/": {"server"},  # Beast/Asio, in server/transport.cc
    "sodium": {"crypto"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def module_of(path, src):
    rel = path.relative_to(src).as_posix()
    if rel.startswith("cli/"):
        return "cli"
    rel = rel[len("ziping/"):]
    parts = rel.split("/")
    if parts[0] in NESTED and len(parts) > 2:
        return parts[0] + "/" + parts[1]
    return parts[0]


def included_module(header):
    parts = header[len("ziping/"):].split("/")
    if parts[0] in NESTED and len(parts) > 2:
        return parts[0] + "/" + parts[1]
    return parts[0]


def main():
    root = pathlib.Path(sys.argv[1])
    src = root / "src"
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cc"):
            continue
        module = module_of(path, src)
        if module not in ALLOWED:
            problems.append(f"{path}: module '{module}' is not in the layering table")
            continue
        for header in INCLUDE.findall(path.read_text(encoding="utf-8")):
            if header.startswith("ziping/"):
                target = included_module(header)
                allowed = ALLOWED[module]
                if target != module and allowed is not None and target not in allowed:
                    problems.append(f"{path}: {module} may not include {header}")
            for prefix, owners in THIRD_PARTY.items():
                if header.startswith(prefix) and module not in owners:
                    problems.append(f"{path}: {header} belongs only in {sorted(owners) or 'no module yet'}")
    for problem in problems:
        print(problem)
    print(f"layering: {'FAILED' if problems else 'ok'} ({len(problems)} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
