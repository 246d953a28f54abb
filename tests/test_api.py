"""The library API as pipelines use it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from cleantext import Cleaner, Config, clean_and_explain, clean_text

from .conftest import SEED

SEED_TEXT = (SEED / "input.txt").read_text(encoding="utf-8")
SEED_EXPECTED = (SEED / "expected.txt").read_text(encoding="utf-8")


def test_clean_text_and_explain_agree() -> None:
    report = clean_and_explain(SEED_TEXT)
    assert clean_text(SEED_TEXT) == report.cleaned == SEED_EXPECTED
    assert report.to_dict()["version"] == report.version


def test_one_cleaner_is_safe_across_threads() -> None:
    cleaner = Cleaner(Config(preset="strict"))
    documents = [SEED_TEXT, SEED_TEXT + "\n", SEED_TEXT.replace("\u00a0", " ")] * 40
    expected = [cleaner.explain(doc).edits for doc in documents]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda doc: cleaner.explain(doc).edits, documents))
    assert results == expected


def test_the_digest_names_the_rule_selection() -> None:
    default, strict = Cleaner(), Cleaner(Config(preset="strict"))
    assert default.ruleset.digest != strict.ruleset.digest
    assert Cleaner().ruleset.digest == default.ruleset.digest
    assert clean_and_explain(SEED_TEXT, preset="strict").ruleset == strict.ruleset.digest


def test_stats_count_what_was_done() -> None:
    report = clean_and_explain(SEED_TEXT)
    stats = report.stats()
    assert (stats["removals"], stats["lines_in"], stats["lines_out"]) == (2, 37, 19)
    assert stats["removed_chars"] == sum(len(e.text) for e in report.removals)
    assert stats["chars_in"] - stats["chars_out"] == sum(
        len(e.text) - len(e.replacement) for e in report.edits
    )
    assert stats["language"] == "en"
