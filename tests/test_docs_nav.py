"""The documentation site lists every page, and every page it lists exists.

``mkdocs build --strict`` fails on a nav entry without a page, but only
mentions a page missing from the nav; this test fails on both, so a new page
cannot be left unreachable.
"""

from __future__ import annotations

from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# A nav line: "  - Title: path/to/page.md" (or "  - path.md").
NAV_PAGE = regex.compile(r"^\s*-\s+(?:[^:\n]+:\s+)?(?P<page>[\w./-]+\.md)\s*$", regex.M)


def _nav_pages() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text.split("\nnav:\n", 1)[1]
    return [m["page"] for m in NAV_PAGE.finditer(nav)]


def test_every_page_is_in_the_nav() -> None:
    pages = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))
    missing = [p for p in pages if p not in _nav_pages()]
    assert not missing, f"pages not in mkdocs.yml's nav: {missing}"


def test_every_nav_entry_exists() -> None:
    nav = _nav_pages()
    assert "index.md" in nav
    absent = [p for p in nav if not (DOCS / p).is_file()]
    assert not absent, f"mkdocs.yml's nav lists pages that do not exist: {absent}"
    assert len(nav) == len(set(nav)), "a page is listed twice in the nav"
