from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsassert.load import make_article
from newsassert.store import Store, fingerprint


def _article() -> object:
    return make_article("وشنت الفصائل نحو 150 هجوماً.\nThe troops left.\n", id="a1", path="a1.txt")


def test_a_stored_article_comes_back_equal_with_its_claims(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    article = _article()
    key = Store.key(b"bytes", "a1.txt", fingerprint())
    assert store.get(key) is None
    store.put(key, [article])  # type: ignore[list-item]
    (back,) = store.get(key) or ()
    assert back == article
    assert back.claims == article.claims  # type: ignore[attr-defined]


def test_the_key_changes_with_content_path_and_fingerprint() -> None:
    base = Store.key(b"x", "a.txt", "f1")
    assert base != Store.key(b"y", "a.txt", "f1")
    assert base != Store.key(b"x", "b.txt", "f1")
    assert base != Store.key(b"x", "a.txt", "f2")


def test_a_foreign_sqlite_file_is_rebuilt_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE other (x)")
    db.commit()
    db.close()
    store = Store(path)
    with pytest.warns(UserWarning, match="rebuilding"):
        assert store.get("k") is None
    store.put("k", [_article()])  # type: ignore[list-item]
    assert store.get("k") is not None
    assert (tmp_path / "c.sqlite3.corrupt").exists()


def test_a_garbage_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = Store(path)
    with pytest.warns(UserWarning, match="rebuilding"):
        store.put("k", [_article()])  # type: ignore[list-item]
    assert store.get("k") is not None


def test_clear_empties_the_cache(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    store.put("k", [_article()])  # type: ignore[list-item]
    assert store.clear() == 1
    assert store.get("k") is None


def test_claims_are_decoded_when_first_asked_for(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    article = _article()
    store.put("k", [article])  # type: ignore[list-item]
    (back,) = store.get("k") or ()
    assert back._stored_claims is not None  # read, not yet decoded
    assert back.claims == article.claims  # type: ignore[attr-defined]
    assert back._stored_claims is None
    # Claims of one sentence share one string.
    first, *rest = [c for c in back.claims if c.sentence == back.claims[0].sentence]
    assert all(c.sentence is first.sentence for c in rest)


def test_unreadable_stored_claims_are_extracted_again(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    store = Store(path)
    article = _article()
    store.put("k", [article])  # type: ignore[list-item]
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET claims = '[[[\"quantity\", 1]], []]'")
    (back,) = Store(path).get("k") or ()
    assert back.claims == article.claims  # type: ignore[attr-defined]


def test_check_results_come_back_equal(tmp_path: Path) -> None:
    import newsassert
    from newsassert.check.auto import builtin_checks

    corpus = newsassert.load(Path(__file__).parent.parent / "seeds")
    results = builtin_checks(corpus)
    store = Store(tmp_path / "c.sqlite3")
    assert store.results_key() is None  # nothing loaded through this store
    store.asked.append("some file's key")
    key = store.results_key()
    assert key is not None
    assert store.get_results(key) is None
    store.put_results(key, results)
    assert store.get_results(key) == results
    assert store.results_key([__file__]) != key  # a check file is part of the key


def test_results_of_every_shape_come_back_equal_and_a_plugin_value_is_not_cached(
    tmp_path: Path,
) -> None:
    import attrs

    import newsassert
    from newsassert.check.auto import builtin_checks
    from newsassert.check.verdict import CheckResult

    corpus = newsassert.load(Path(__file__).parent.parent / "seeds")
    results = [
        *builtin_checks(corpus),
        CheckResult.failed_to_run(
            "troops", "quantity where", "agree", "a query error", location=("a.checks.toml", 3)
        ),
    ]
    assert any(r.verdict.evidence for r in results) and any(r.verdict.majority for r in results)
    store = Store(tmp_path / "c.sqlite3")
    store.put_results("k", results)
    assert store.get_results("k") == results
    # A verdict holding a value newsassert cannot read back is not stored.
    odd = attrs.evolve(results[0], verdict=attrs.evolve(results[0].verdict, majority=42))
    store.put_results("odd", [odd])
    assert store.get_results("odd") is None


def test_the_results_key_covers_the_options_that_choose_the_articles() -> None:
    # The articles kept are a function of the files, these options and
    # newsassert: the key covers all of them, so it is known before loading.
    store = Store("unused.sqlite3")
    store.asked.append("some file's key")
    strict = store.results_key(options="skip_bad=False|max_article_chars=100")
    lenient = store.results_key(options="skip_bad=True|max_article_chars=100")
    assert strict != lenient
    assert store.results_key(keys=["another file's key"]) != store.results_key()
    assert store.results_key(keys=[]) is None
