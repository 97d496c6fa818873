#!/usr/bin/env python3
"""docs/openapi.yaml and the server's routes name the same endpoints, and every $ref in the
file resolves: the UI is built against the OpenAPI file, so it must not drift from the code."""
import pathlib
import re
import sys

import yaml

root = pathlib.Path(sys.argv[1])
spec = yaml.safe_load((root / "docs/openapi.yaml").read_text(encoding="utf-8"))

# Routes are registered by their row of the authorization table: router.add(E::form_get, …);
# the row (src/ziping/access/endpoints.def) gives the method and the path.
ROUTE = re.compile(r'router\.add\(E::(\w+)\s*,')
ROW = re.compile(r'^ZP_ENDPOINT\((\w+),\s*(\w+),\s*"([^"]*)",\s*"([^"]*)"', re.M)
rows = {name: (method.lower(), path)
        for name, method, path, _variant in ROW.findall(
            (root / "src/ziping/access/endpoints.def").read_text(encoding="utf-8"))}

code_routes = set()
for path in sorted((root / "src/ziping/server").glob("routes_*.cc")):
    for name in ROUTE.findall(path.read_text(encoding="utf-8")):
        if name not in rows:
            print(f"route {name} has no row in endpoints.def")
            sys.exit(1)
        code_routes.add(rows[name])

# An operation marked `x-planned: true` is the API's contract for a route not routed yet
# (its row in src/ziping/access/endpoints.def is Planned).
spec_routes = {(method, path) for path, item in spec["paths"].items() for method in item
               if method in ("get", "post", "put", "delete", "patch")
               and not item[method].get("x-planned")}

problems = []
for method, path in sorted(code_routes - spec_routes):
    problems.append(f"route {method.upper()} {path} is served but not in docs/openapi.yaml")
for method, path in sorted(spec_routes - code_routes):
    problems.append(f"docs/openapi.yaml describes {method.upper()} {path}, which no route serves")


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


for ref in sorted(set(refs(spec))):
    if ref.startswith("#/"):
        node = spec
        for part in ref[2:].split("/"):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            problems.append(f"unresolved $ref {ref}")
    elif not (root / "docs" / ref).is_file():
        problems.append(f"$ref {ref} names no file in docs/")

for problem in problems:
    print(problem)
print(f"openapi: {len(code_routes)} routes, {len(spec_routes)} described, "
      f"{'FAILED' if problems else 'ok'}")
sys.exit(1 if problems else 0)
