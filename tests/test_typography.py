"""Repair cases as data (tests/data/repairs.json): what each fixer must and must not do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Cleaner, Config, RuleSet
from cleantext.typography import _CONTROLS

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


def _alphabet() -> str:
    import ftfy.badness

    chars = set("aeoxAZ .,'\"-")
    for category in ftfy.badness.MOJIBAKE_CATEGORIES.values():
        chars.update(char for char in category if char != "-")
    chars.update("абвгдеёжзийклмнопрстуфхцчшщъыьэюяЂђҐґ΄΅αβγδΒΓΞΟ日本語テキストÂÃ")
    return "".join(sorted(chars))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_alphabet(), min_size=2, max_size=8))
def test_the_cheap_gate_lets_through_everything_ftfy_would_fix(text: str) -> None:
    """The gate before ftfy must never hide text that ftfy would have repaired."""
    import ftfy
    from ftfy.badness import is_bad

    from cleantext.typography import _MAY_BE_MOJIBAKE, _ftfy_config

    if is_bad(text) or ftfy.fix_text(text, _ftfy_config()) != text:
        assert _MAY_BE_MOJIBAKE.search(text) or _CONTROLS.search(text), text
