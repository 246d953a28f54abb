"""The prefilter only decides what runs: every scanner gives the same edits, and so does
running every rule on every line."""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import pytest

from cleantext import Cleaner, Config, RuleSet
from cleantext.matchers import Where
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
