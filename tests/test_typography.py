"""Repair cases as data (tests/data/repairs.json): what each fixer must and must not do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleantext import Cleaner, Config, RuleSet

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "repairs.json").read_text(encoding="utf-8")
)
REPAIR_ONLY = Cleaner(Config(), RuleSet.from_specs([]))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_repair(case: dict[str, Any]) -> None:
    report = REPAIR_ONLY.explain(case["original"], language=case["language"])
    assert report.cleaned == case["fixed"]
    assert all(edit.action == "repair" for edit in report.edits)
    assert report.apply(case["original"]) == case["fixed"]


def test_french_is_detected_from_the_text() -> None:
    text = "Le ministre a parlé\u00a0: « Nous sommes prêts\u00a0! » Et les syndicats\u00a0?"
    assert REPAIR_ONLY.clean(text) == text


def test_each_repair_is_one_small_edit() -> None:
    report = REPAIR_ONLY.explain("one\u00a0two , three")
    assert [(e.rule, e.text, e.replacement) for e in report.edits] == [
        ("repair.space-between-words", "\u00a0", " "),
        ("repair.space-before-punctuation", " ", ""),
    ]
