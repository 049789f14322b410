"""The committed JSON Schemas of the language, judged by Python's jsonschema (draft 2020-12).

Every contract of the example workspace and of the golden base workspace must validate; a
misspelled key and a word outside a choice must not. The schemas are generated from the
compiler's key tables (`accessc schema`); a Swift test keeps docs/ equal to that output.
"""
import json
import pathlib

import jsonschema
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
WORKSPACES = [ROOT / "specs", ROOT / "Tests" / "AccessSpecCoreTests" / "Golden" / "base"]


class CoreSchemaLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as accessc reads it: only true/false are booleans, and dates
    stay text (PyYAML's defaults are YAML 1.1's, where `off` is false)."""


CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def validator(name):
    schema = json.loads((DOCS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


CONTRACT = validator("accessspec.schema.json")
WORKSPACE = validator("accessspec-workspace.schema.json")


def load(text):
    return yaml.load(text, Loader=CoreSchemaLoader)


def files():
    for workspace in WORKSPACES:
        for path in sorted(workspace.rglob("*.yaml")):
            yield pytest.param(path, id=str(path.relative_to(ROOT)))


@pytest.mark.parametrize("path", list(files()))
def test_every_workspace_file_validates(path):
    schema = WORKSPACE if path.name == "accessspec.yaml" else CONTRACT
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema.iter_errors(load(path.read_text(encoding="utf-8")))]
    assert errors == []


SHANDONG = (ROOT / "specs" / "shandong.yaml").read_text(encoding="utf-8")


def test_a_misspelled_key_is_rejected():
    contract = load(SHANDONG)
    contract["platform"]["identiy"] = contract["platform"].pop("name")
    messages = [e.message for e in CONTRACT.iter_errors(contract)]
    assert any("identiy" in m for m in messages), messages


def test_a_word_outside_a_choice_is_rejected():
    contract = load(SHANDONG)
    contract["platform"]["level"] = "provinical"
    errors = list(CONTRACT.iter_errors(contract))
    assert [list(e.absolute_path) for e in errors] == [["platform", "level"]]
    assert "provinical" in errors[0].message


def test_a_missing_required_key_and_a_bad_type_name_are_rejected():
    contract = load(SHANDONG)
    del contract["platform"]["region"]
    contract["types"] = {"ticket-request": {"fields": {}}}
    paths = sorted(str(list(e.absolute_path)) for e in CONTRACT.iter_errors(contract))
    assert paths == ["['platform']", "['types']"], paths


def test_an_unknown_rule_severity_is_rejected():
    config = load((ROOT / "specs" / "accessspec.yaml").read_text(encoding="utf-8")) or {}
    config["rules"] = {"OPS002": "loud"}
    assert [list(e.absolute_path) for e in WORKSPACE.iter_errors(config)] == [["rules", "OPS002"]]


def test_every_key_is_described_in_both_languages():
    schema = json.loads((DOCS / "accessspec.schema.json").read_text(encoding="utf-8"))

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                description = value.get("description", "")
                assert "\n\n" in description and all(part.strip() for part in description.split("\n\n")), f"{path}/{key}"
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}")

    walk(schema, "")


def test_sections_left_empty_and_numbers_for_words_validate_as_accessc_reads_them():
    contract = load(SHANDONG)
    contract["types"] = None
    contract["errors"] = None
    contract["imports"] = None
    contract["license"] = None
    contract["security"]["transport"]["minTls"] = 1.3
    assert [e.message for e in CONTRACT.iter_errors(contract)] == []
