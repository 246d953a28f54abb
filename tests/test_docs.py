"""The rule catalogue is generated from the rule files and must be kept fresh."""

from __future__ import annotations

from cleantext.docs import COMMAND, render_catalogue
from cleantext.ruleset.loader import load_library

from .conftest import ROOT

CATALOGUE = ROOT / "docs" / "rules.md"


def test_rule_catalogue_is_fresh() -> None:
    expected = render_catalogue(load_library())
    actual = CATALOGUE.read_text(encoding="utf-8")
    assert actual == expected, f"docs/rules.md is stale: rebuild it with `{COMMAND}`"


def test_catalogue_has_a_section_per_rule_with_its_examples() -> None:
    library = load_library()
    text = render_catalogue(library)
    for spec in library.rules.values():
        assert f"\n### {spec.id}\n\n**{spec.title}**\n" in text
        for example in spec.examples:
            assert f"Example `{example.name}`:" in text
    assert "\n-Leave a Reply\n" in text  # examples are drawn as diffs


def test_fences_outlast_backticks_in_examples() -> None:
    from cleantext.docs import fenced

    assert fenced("use ``` to open code", "text") == ["````text", "use ``` to open code", "````"]
