#!/usr/bin/env python3
"""docs/openapi.yaml and the server's routes name the same endpoints, and every $ref in the
file resolves: the UI is built against the OpenAPI file, so it must not drift from the code."""
import pathlib
import re
import sys

import yaml

root = pathlib.Path(sys.argv[1])
spec = yaml.safe_load((root / "docs/openapi.yaml").read_text(encoding="utf-8"))

ROUTE = re.compile(r'(?:server|router)\.(Get|Post|Put|Delete|Patch)\((?:R"\((.*?)\)"|"([^"]*)")\s*,')
PARAMS = [(r"(\d+)", "{id}"), (r"([A-Za-z0-9_.-]+)", "{name}")]

code_routes = set()
for path in sorted((root / "src/ziping/server").glob("routes_*.cc")):
    for method, raw, plain in ROUTE.findall(path.read_text(encoding="utf-8")):
        pattern = raw or plain
        for regex, name in PARAMS:
            pattern = pattern.replace(regex, name)
        code_routes.add((method.lower(), pattern))

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
