"""The prefilter only decides what runs: every scanner gives the same edits, and so does
running every rule on every line."""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import pytest

from cleantext import Cleaner, Config, RuleSet
from cleantext.matchers import Where
from cleantext.prefilter import ODD_SPACES
from cleantext.scopes import CompiledRule

from .conftest import CORPUS

DOCUMENTS = [
    (case / "input.txt").read_bytes().decode("utf-8")
    for case in sorted(CORPUS.iterdir())
    if (case / "input.txt").is_file()
]
STRICT = Cleaner(Config(preset="strict"))
SCANNERS = [
    name
    for name, module in (
        ("hyperscan", "hyperscan"),
        ("ahocorasick", "ahocorasick"),
        ("plain", None),
    )
    if module is None or importlib.util.find_spec(module) is not None
]


class _Unfiltered(RuleSet):
    """A rule set whose prefilter lets every rule run on every line."""

    def candidates(self, text: str) -> list[tuple[CompiledRule, Where]]:
        return [(rule, None) for rule in self.rules]


@pytest.mark.parametrize("scanner", SCANNERS)
def test_every_scanner_gives_the_same_edits(scanner: str) -> None:
    ruleset = replace(STRICT.ruleset, scanner=scanner)
    assert ruleset.prefilter.backend == scanner
    cleaner = Cleaner(STRICT.config, ruleset)
    for document in DOCUMENTS:
        assert cleaner.explain(document).edits == STRICT.explain(document).edits


def test_the_prefilter_changes_nothing_but_speed() -> None:
    unfiltered = Cleaner(STRICT.config, _Unfiltered(STRICT.ruleset.rules, "unfiltered"))
    for document in DOCUMENTS:
        assert unfiltered.explain(document).edits == STRICT.explain(document).edits


def test_odd_spaces_are_every_space_but_the_plain_one_and_the_line_break() -> None:
    every_space = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert set(ODD_SPACES[1:]) == every_space - {" ", "\n"}
    assert ODD_SPACES[0] == "  "


@pytest.mark.parametrize("scanner", SCANNERS)
@pytest.mark.parametrize("gap", [" ", "  ", "\u00a0", "\t", " \u202f ", "\u3000"])
def test_a_trigger_space_stands_for_any_run_of_white_space(scanner: str, gap: str) -> None:
    """Triggers span words ("follow us on"); the words may be set apart by any spaces."""
    ruleset = replace(STRICT.ruleset, scanner=scanner)
    text = f"The article.\n\nFollow{gap}us{gap}on{gap}Twitter\n"
    chosen = {rule.spec.id: where for rule, where in ruleset.candidates(text)}
    assert chosen["share.follow-us"] == {0: frozenset({2})}
    unfiltered = Cleaner(STRICT.config, _Unfiltered(STRICT.ruleset.rules, "unfiltered"))
    cleaner = Cleaner(STRICT.config, ruleset)
    assert cleaner.explain(text).edits == unfiltered.explain(text).edits
