from __future__ import annotations

import attrs
import pytest

from newsassert.model import QuantityClaim, Segment, claim_from_dict, claim_id


def test_claim_round_trips_through_its_json_record() -> None:
    claim = QuantityClaim(
        id="x", article="a", start=0, end=4, text="2500", value=2500.0, unit="soldier"
    )
    record = claim.to_dict()
    assert record["kind"] == "quantity"
    assert record["value"] == 2500 and isinstance(record["value"], int)
    assert list(record)[:12] == ["schema", "id", "article", "outlet", "published", "kind",
                                 "lang", "section", "start", "end", "text", "sentence"]
    assert claim_from_dict(record) == claim


def test_claim_id_is_stable_and_depends_on_the_article() -> None:
    a = claim_id("000", "quantity", "نحو 150 هجوماً", 4, "150")
    assert a == claim_id("000", "quantity", "نحو 150 هجوماً", 4, "150")
    assert a != claim_id("001", "quantity", "نحو 150 هجوماً", 4, "150")
    assert len(a) == 16


def test_segment_rejects_an_end_before_its_start() -> None:
    with pytest.raises(ValueError, match="'end' must be >= start"):
        Segment(start=5, end=2, section="body", lang="ar")


def test_claims_are_frozen() -> None:
    claim = QuantityClaim(id="x", article="a", start=0, end=1, text="3", value=3.0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.value = 4.0  # type: ignore[misc]
