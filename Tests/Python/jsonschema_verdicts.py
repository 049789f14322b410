#!/usr/bin/env python3
"""Validate instances against an AccessSpec OpenAPI 3.1 export with jsonschema.

    python3 jsonschema_verdicts.py OPENAPI.yaml CASES.json

CASES.json: [{"schema": "ComponentName", "instance": <any JSON>}, ...]
stdout:     [{"valid": true|false, "error": "first error message" | null}, ...] (same order)

Validation: Draft 2020-12 (jsonschema.Draft202012Validator), $refs resolved inside the document
through a referencing.Registry, and a FormatChecker that asserts ONLY AccessSpec's formats
(uscc, resident-id, division-code, license-id, date, date-time), with values.py. Other formats
(item-code, ...) are annotations, as in JSON Schema. The YAML is read with YAML 1.2 core scalar
rules (no timestamps, no yes/no booleans, 1e2 is a number) so that examples and enums stay what
the exporter wrote. Exit status: 0 (verdicts printed), 2 for bad input (message on stderr).
"""
from __future__ import annotations

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import yaml  # noqa: E402
from jsonschema import Draft202012Validator, FormatChecker  # noqa: E402
from referencing import Registry, Resource  # noqa: E402
from referencing.jsonschema import DRAFT202012  # noqa: E402

import values  # noqa: E402

DOC_URI = "urn:accessspec:openapi"


class Yaml12Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader with YAML 1.2 core schema scalar resolution."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _construct_int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)


def _construct_float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith("inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    if v == ".nan":
        return float("nan")
    return float(v)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_openapi(path: str):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def format_checker() -> FormatChecker:
    fc = FormatChecker(formats=())

    def reg(name, fn):
        # formats apply to strings only; other types pass (JSON Schema)
        fc.checks(name)(lambda v, fn=fn: not isinstance(v, str) or fn(v))

    reg("uscc", values.is_uscc)
    reg("resident-id", values.is_resident_id)
    reg("division-code", values.is_division_code)
    reg("license-id", values.is_license_id)
    reg("date", values.is_date)
    reg("date-time", values.is_datetime)
    return fc


class Verdicts:
    def __init__(self, document):
        if not isinstance(document, dict):
            raise ValueError("the OpenAPI document is not a mapping")
        self.schemas = ((document.get("components") or {}).get("schemas") or {})
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(DOC_URI, resource)
        self.checker = format_checker()
        self._validators: dict[str, Draft202012Validator] = {}

    def validator(self, name: str) -> Draft202012Validator:
        v = self._validators.get(name)
        if v is None:
            if name not in self.schemas:
                raise KeyError(name)
            pointer = name.replace("~", "~0").replace("/", "~1")
            schema = {"$ref": f"{DOC_URI}#/components/schemas/{pointer}"}
            v = Draft202012Validator(schema, registry=self.registry, format_checker=self.checker)
            self._validators[name] = v
        return v

    def verdict(self, name: str, instance) -> dict:
        try:
            validator = self.validator(name)
        except KeyError:
            return {"valid": False, "error": f"no schema named {name!r} in components.schemas"}
        err = next(iter(validator.iter_errors(instance)), None)
        if err is None:
            return {"valid": True, "error": None}
        where = "/".join(str(p) for p in err.absolute_path)
        return {"valid": False, "error": (f"at /{where}: " if where else "") + err.message}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: jsonschema_verdicts.py OPENAPI.yaml CASES.json", file=sys.stderr)
        return 2
    try:
        doc = load_openapi(argv[0])
        with open(argv[1], encoding="utf-8") as f:
            cases = json.load(f)
        if not isinstance(cases, list):
            raise ValueError("CASES.json must be an array")
        v = Verdicts(doc)
    except (OSError, ValueError, yaml.YAMLError) as e:
        print(f"jsonschema_verdicts: {e}", file=sys.stderr)
        return 2
    out = []
    for i, case in enumerate(cases):
        if not isinstance(case, dict) or "schema" not in case or "instance" not in case:
            out.append({"valid": False, "error": f"case {i} needs 'schema' and 'instance'"})
            continue
        out.append(v.verdict(case["schema"], case["instance"]))
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
