"""Generate the JSON Schema files of newsassert's outputs (``src/newsassert/schemas/``).

Run it after a change to the claim classes or the report::

    python scripts/gen_schemas.py

- ``claim.schema.json``: one claim, as ``newsassert extract`` writes a line
  and as the JSON report quotes it (``Claim.to_dict``);
- ``report.schema.json``: the JSON report (``newsassert check --format json``,
  ``--report FILE.json``, ``--newsassert-report``).

The enumerations (kinds, qualifiers, sections, mention types) and the claim
schema version come from :mod:`newsassert.model`, so the files follow the
code; ``tests/test_schemas.py`` checks that they are this script's output and
validates real output against them. Other fields may be added in a later
version of a schema, so objects allow properties they do not list.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsassert.check.verdict import ROLES, STATUSES  # noqa: E402
from newsassert.model import (  # noqa: E402
    CLAIM_CLASSES,
    KINDS,
    MENTION_TYPES,
    MOODS,
    POLARITIES,
    QUALIFIERS,
    SCHEMA_VERSION,
    SECTIONS,
)
from newsassert.report.json_report import REPORT_VERSION  # noqa: E402

OUT = ROOT / "src" / "newsassert" / "schemas"
BASE = "https://github.com/newsassert/newsassert/blob/main/src/newsassert/schemas/"
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


COMMON: dict[str, Any] = {
    "schema": {"const": SCHEMA_VERSION, "description": "the claim schema's version"},
    "id": {"type": "string", "description": "stable across runs and machines"},
    "article": {"type": "string"},
    "outlet": _null({"type": "string"}),
    "published": _null(DATE),
    "kind": {"enum": list(KINDS)},
    "lang": {"type": "string"},
    "section": {"enum": list(SECTIONS)},
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
    "text": {"type": "string", "description": "article_text[start:end]"},
    "sentence": {"type": "string"},
}

KIND_FIELDS: dict[str, dict[str, Any]] = {
    "quantity": {
        "value": _null({"type": "number"}),
        "qualifier": {"enum": list(QUALIFIERS)},
        "low": _null({"type": "number"}),
        "high": _null({"type": "number"}),
        "unit": _null({"type": "string"}),
        "unit_text": _null({"type": "string"}),
        "place": _null({"type": "string"}),
        "currency": _null({"type": "string"}),
    },
    "date": {
        "year": _null({"type": "integer"}),
        "month": _null({"type": "integer", "minimum": 1, "maximum": 12}),
        "day": _null({"type": "integer", "minimum": 1, "maximum": 31}),
        "resolved": _null(DATE),
        "relative": {"type": "boolean"},
        # An interval of days: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD without a year.
        "low": _null({"type": "string", "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$"}),
        "high": _null({"type": "string", "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$"}),
    },
    "mention": {
        "type": {"enum": list(MENTION_TYPES)},
        "name": {"type": "string"},
        "key": {"type": "string"},
        "entity": _null({"type": "string"}),
    },
    "role": {
        "title": {"type": "string"},
        "country": _null({"type": "string"}),
        "person": {"type": "string"},
        "key": {"type": "string"},
    },
    "statement": {
        "predicate": {"type": "string", "description": "family key or stem"},
        "polarity": {"enum": list(POLARITIES)},
        "negation": _null({"type": "string"}),
        "negation_start": _null({"type": "integer", "minimum": 0}),
        "negation_end": _null({"type": "integer", "minimum": 0}),
        "anchors": {"type": "array", "items": {"type": "string"}},
        "terms": {"type": "array", "items": {"type": "string"}},
        "theme": {"type": "array", "items": {"type": "string"}},
        "mood": {"enum": list(MOODS)},
        "clause": {"type": "string"},
        "clause_start": {"type": "integer", "minimum": 0},
        "clause_end": {"type": "integer", "minimum": 0},
    },
}


def claim_schema() -> dict[str, Any]:
    variants = []
    for kind, cls in CLAIM_CLASSES.items():
        fields = KIND_FIELDS[kind]
        # A field a claim class gained without a line above fails here, not silently.
        missing = [f for f in cls.KIND_FIELDS if f not in fields]
        if missing:
            raise SystemExit(f"gen_schemas.py: describe the {kind} fields {missing}")
        variants.append(
            {
                "title": f"{kind} claim",
                "properties": {"kind": {"const": kind}, **fields},
                "required": list(cls.KIND_FIELDS),
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + "claim.schema.json",
        "title": "newsassert claim",
        "description": f"One claim (schema version {SCHEMA_VERSION}): a line of "
        "`newsassert extract`, a claim of the JSON report.",
        "type": "object",
        "properties": COMMON,
        "required": list(COMMON),
        "oneOf": variants,
    }


def report_schema() -> dict[str, Any]:
    claim = {"$ref": "#/$defs/claim"}
    keys = {"type": "array", "items": {"type": "string"}}
    key_lists = {"type": "object", "additionalProperties": keys}
    verdict = {
        "type": "object",
        "required": [
            "check", "holds", "summary", "query", "majority", "failures", "by_kind", "evidence"
        ],
        "properties": {
            "check": {"type": "string"},
            "holds": {"type": "boolean"},
            "summary": {"type": "string"},
            "query": {"type": "string"},
            "majority": _null({"type": "string"}),
            "failures": keys,
            "by_kind": {
                "type": "object",
                "description": "the failing rows by claim kind",
                "additionalProperties": {"type": "integer"},
            },
            "evidence": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["role", "value", "note", "claim", "against"],
                    "properties": {
                        "role": {"enum": list(ROLES)},
                        "value": {"type": "string"},
                        "note": {"type": "string"},
                        "claim": claim,
                        "against": keys,
                    },
                },
            },
        },
    }
    check = {
        "type": "object",
        "required": ["name", "query", "expect", "status", "location", "error", "verdict", "claims"],
        "properties": {
            "name": {"type": "string"},
            "query": {"type": "string"},
            "expect": {"type": "string"},
            "status": {"enum": list(STATUSES)},
            "location": _null(
                {
                    "type": "array",
                    "prefixItems": [{"type": "string"}, {"type": "integer"}],
                    "minItems": 2,
                    "maxItems": 2,
                }
            ),
            "error": _null({"type": "string"}),
            "verdict": verdict,
            "claims": {"type": "array", "items": claim},
            "baseline": _null(
                {
                    "type": "object",
                    "description": "with a baseline: whether the failure is new",
                    "required": ["status", "new", "accepted"],
                    "properties": {
                        "status": {"enum": ["new", "accepted"]},
                        "new": keys,
                        "accepted": keys,
                    },
                }
            ),
        },
    }
    article = {
        "type": "object",
        "required": ["id", "path", "outlet", "published", "lang", "title"],
        "properties": {
            "id": {"type": "string"},
            "path": _null({"type": "string"}),
            "outlet": _null({"type": "string"}),
            "published": _null(DATE),
            "lang": {"type": "string"},
            "title": _null({"type": "string"}),
        },
    }
    inner = claim_schema()
    for key in ("$schema", "$id"):
        inner.pop(key)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + "report.schema.json",
        "title": "newsassert JSON report",
        "description": f"`newsassert check --format json` (report version {REPORT_VERSION}).",
        "type": "object",
        "required": ["report", "newsassert", "articles", "totals", "by_kind", "checks"],
        "properties": {
            "report": {"const": REPORT_VERSION},
            "newsassert": {"type": "string"},
            "articles": {"type": "array", "items": article},
            "totals": {
                "type": "object",
                "required": list(STATUSES),
                "properties": {s: {"type": "integer", "minimum": 0} for s in STATUSES},
            },
            "by_kind": {
                "type": "object",
                "description": "the failing rows of the failed checks by claim kind",
                "additionalProperties": {"type": "integer", "minimum": 0},
            },
            "checks": {"type": "array", "items": check},
            "baseline": {
                "type": "object",
                "required": ["new", "baselined", "stale"],
                "properties": {"new": key_lists, "baselined": key_lists, "stale": key_lists},
            },
        },
        "$defs": {"claim": inner},
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


SCHEMAS = {"claim.schema.json": claim_schema, "report.schema.json": report_schema}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in SCHEMAS.items():
        (OUT / name).write_text(render(build()), encoding="utf-8")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
