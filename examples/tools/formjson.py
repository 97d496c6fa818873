"""Read and re-write the canonical form JSON of docs/form-json.md (standard library only).

load() keeps every number's digits (Decimal for fractions, int for integers) and refuses
repeated keys; dump() writes the canonical text; check_canonical() lists what in a file's
bytes differs from the canonical layout (key order, indentation, escapes, trailing newline).
"""
import json
from decimal import Decimal

TOP = ["format", "format_version", "kind", "title", "year", "department", "project",
       "implementing_unit", "money_unit", "budget", "goals", "total", "grade", "conclusion"]
TOP_OPTIONAL = ["problems", "improvements", "project_leader", "finance_leader"]
BUDGET = ["initial", "annual", "executed", "weight", "score", "rate", "deviation_reason",
          "sources"]
SOURCE = ["label", "initial", "annual", "executed", "rate"]
GOAL = ["number", "target", "actual", "deviation_reason", "weight", "score", "indicators"]
INDICATOR = ["level1", "level2", "name", "target", "actual", "weight", "score",
             "deviation_reason"]
INDICATOR_OPTIONAL = ["adjusted_target", "nature", "unit", "score_coefficient", "core",
                      "scoring_standard"]
TOTAL = ["weight", "score"]


def _no_dup(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("repeated key in %r" % keys)
    return dict(pairs)


def load(raw):
    text = raw.decode("utf-8")
    return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_dup)


def dump(value, indent=0):
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, Decimal)):
        s = str(value)
        if "E" in s or "e" in s:
            raise ValueError("exponent in number %s" % s)
        return s
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + dump(v, indent + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{\n" + ",\n".join(inner + json.dumps(k, ensure_ascii=False) + ": "
                                  + dump(v, indent + 1) for k, v in value.items()) \
            + "\n" + pad + "}"
    raise TypeError(type(value))


def _order(obj, core, optional, where, out):
    keys = list(obj)
    want = core + [k for k in optional if k in obj]
    if keys != want:
        out.append("%s: keys %r, expected %r" % (where, keys, want))
    for k in optional:
        if k in obj and obj[k] in ("", None):
            out.append("%s: optional field %s present but empty" % (where, k))


def check_canonical(raw):
    out = []
    if raw.startswith(b"\xef\xbb\xbf"):
        out.append("BOM")
    text = raw.decode("utf-8")
    if "\\u" in text:
        out.append("\\u escape in text")
    if not text.endswith("}\n") or text.endswith("\n\n"):
        out.append("not exactly one trailing newline")
    form = load(raw)
    if dump(form) + "\n" != text:
        out.append("bytes differ from the canonical re-dump (indentation or number spelling)")
    _order(form, TOP, TOP_OPTIONAL, "document", out)
    if form.get("format") != "ziping-form" or form.get("format_version") != 1:
        out.append("format / format_version")
    _order(form["budget"], BUDGET, [], "budget", out)
    for i, s in enumerate(form["budget"]["sources"]):
        _order(s, SOURCE, [], "budget.sources[%d]" % i, out)
    _order(form["total"], TOTAL, [], "total", out)
    for gi, g in enumerate(form["goals"]):
        _order(g, GOAL, [], "goals[%d]" % gi, out)
        for ii, ind in enumerate(g["indicators"]):
            _order(ind, INDICATOR, INDICATOR_OPTIONAL, "goals[%d].indicators[%d]" % (gi, ii), out)
    return out
