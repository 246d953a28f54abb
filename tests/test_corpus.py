"""Golden corpus: each document in ``corpus/`` must clean to its expected text and report.

``expected.txt`` is the default preset's output (``expected-strict.txt``, where present,
the strict preset's); ``report.json`` lists the removals by rule and line range and counts
the repairs by fixer. After an intentional change to the rules, review the diff of
``pytest tests/test_corpus.py --update-golden`` before committing it.

A document whose ``case.toml`` has ``known_failure = "why"`` is one the rules do not get
right yet (a widget they miss): it runs as a strict xfail, so the day the rules get it
right the test fails until the mark is removed, and ``--update-golden`` never rewrites
its hand-written ``expected.txt``. Hard negatives cannot be marked: removing an author's
words is never a known failure.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cleantext import Cleaner, Config, Report

from .conftest import CORPUS

CASES = sorted(p for p in CORPUS.iterdir() if (p / "input.txt").is_file())
CLEANERS = {preset: Cleaner(Config(preset=preset)) for preset in ("default", "strict")}


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def summary(report: Report) -> dict[str, Any]:
    repairs: dict[str, int] = {}
    for edit in report.repairs:
        repairs[edit.rule] = repairs.get(edit.rule, 0) + 1
    return {
        "removals": [
            {"rule": e.rule, "lines": list(e.lines), "chars": e.end - e.start}
            for e in report.removals
        ],
        "repairs": dict(sorted(repairs.items())),
    }


def dump(data: dict[str, Any]) -> str:
    """The summary as JSON with one removal per line, so that diffs read well."""
    removals = ",\n".join(
        "    " + json.dumps(removal, ensure_ascii=False) for removal in data["removals"]
    )
    repairs = json.dumps(data["repairs"], ensure_ascii=False)
    body = f"[\n{removals}\n  ]" if removals else "[]"
    return f'{{\n  "removals": {body},\n  "repairs": {repairs}\n}}\n'


def meta_of(case: Path) -> dict[str, Any]:
    return tomllib.loads(read(case / "case.toml"))


def golden(case: Path) -> Any:
    """A case as a pytest parameter, marked when it is a known failure."""
    reason = meta_of(case).get("known_failure")
    if reason is None:
        return case
    return pytest.param(case, marks=pytest.mark.xfail(reason=reason, strict=True))


@pytest.mark.parametrize("case", [golden(case) for case in CASES], ids=[p.name for p in CASES])
def test_golden_document(case: Path, update_golden: bool) -> None:
    meta = meta_of(case)
    original = read(case / "input.txt")
    report = CLEANERS[meta.get("preset", "default")].explain(original, id=case.name)
    assert report.apply(original) == report.cleaned
    expected_report = dump(summary(report))
    if "known_failure" in meta:
        # The hand-written expectation is the target; the report follows once it is met.
        assert report.cleaned == read(case / "expected.txt")
        return
    if update_golden:
        (case / "expected.txt").write_bytes(report.cleaned.encode("utf-8"))
        (case / "report.json").write_text(expected_report, encoding="utf-8")
        return
    assert report.cleaned == read(case / "expected.txt")
    assert expected_report == read(case / "report.json")


STRICT_CASES = [p for p in CASES if (p / "expected-strict.txt").is_file()]


@pytest.mark.parametrize("case", STRICT_CASES, ids=[p.name for p in STRICT_CASES])
def test_golden_document_strict(case: Path, update_golden: bool) -> None:
    cleaned = CLEANERS["strict"].clean(read(case / "input.txt"))
    if update_golden:
        (case / "expected-strict.txt").write_bytes(cleaned.encode("utf-8"))
        return
    assert cleaned == read(case / "expected-strict.txt")


def test_corpus_is_varied() -> None:
    metas = [meta_of(case) for case in CASES]
    assert len(CASES) >= 25
    assert sum(1 for meta in metas if meta["kind"] == "hard-negative") >= 8
    assert len({meta["language"] for meta in metas}) >= 5


def test_known_failures_are_widget_misses() -> None:
    marked = [case.name for case in CASES if "known_failure" in meta_of(case)]
    assert all(meta_of(CORPUS / name)["kind"] == "widgets" for name in marked)


def test_hard_negatives_lose_nothing() -> None:
    """Articles about cookies, logins and comments may be repaired, never cut."""
    for case in CASES:
        meta = meta_of(case)
        if meta["kind"] == "hard-negative":
            report = CLEANERS["default"].explain(read(case / "input.txt"))
            assert report.removals == (), f"{case.name}: {report.removals}"
