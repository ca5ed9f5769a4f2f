"""A name's particles (da, von der, al-) are part of it, and do not count toward its length."""

from __future__ import annotations

import pytest

import newsassert


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("President Luiz Inacio Lula da Silva visited the region.", "Luiz Inacio Lula da Silva"),
        ("Commission President Ursula von der Leyen spoke on Monday.", "Ursula von der Leyen"),
        ("Prime Minister Mohammed Shia al-Sudani said on Monday.", "Mohammed Shia al-Sudani"),
        ("Luiz Inacio Lula da Silva said on Monday.", "Luiz Inacio Lula da Silva"),
    ],
)
def test_a_titled_name_keeps_its_particles(text: str, person: str) -> None:
    claims = newsassert.extract(text)
    assert [c.name for c in claims if c.kind == "mention" and c.type == "person"] == [person]
    roles = [c for c in claims if c.kind == "role"]
    assert all(r.person == person for r in roles)
