"""Properties that must hold for any text, checked on generated documents.

The documents mix article-like sentences, widget lines taken from the rules' own
examples, and typographic damage, so that removals and repairs meet and overlap.
"""

from __future__ import annotations

import random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Cleaner, Config, RuleSet
from cleantext.ruleset.loader import load_library
from cleantext.ruleset.select import select_rules
from cleantext.scopes import CompiledRule

LIBRARY = load_library()
STRICT_SPECS = select_rules(LIBRARY, "strict", None, (), (), (), preview=False)
STRICT = Cleaner(Config(preset="strict"))
REPAIR_ONLY = Cleaner(Config(), RuleSet.from_specs([]))

WIDGET_LINES = sorted(
    {
        line
        for spec in LIBRARY.rules.values()
        for example in spec.examples
        for line in example.text.split("\n")
    }
)
PROSE = [
    "The council met on Monday , and the vote was close.",
    "Leave a reply below if you tried the recipe.",
    "We use cookies in this recipe: butter, sugar and flour.",
    "Prices rose\u00a0again ( the third time ) this year .",
    "Caf\u00c3\u00a9 owners said the rent doubled.",
    "    indented  code  stays  as  it  is",
    "| a  | table  | row |",
    "Vraiment ? Oui !",
    "",
    "",
]
DAMAGE = st.text(alphabet=" \u00a0\u202f\t,.;:!?()abc\u200b\r\u00c3\u00a9«»", max_size=12)
LINE = st.one_of(st.sampled_from(PROSE), st.sampled_from(WIDGET_LINES), DAMAGE)
DOCUMENT = st.builds(
    lambda lines, final: "\n".join(lines) + ("\n" if final else ""),
    st.lists(LINE, max_size=30),
    st.booleans(),
)
UNIVERSAL_NEWLINE = regex.compile(r"\r\n|\r|\n")


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_cleaning_is_idempotent(text: str) -> None:
    once = STRICT.clean(text)
    assert STRICT.clean(once) == once
    assert STRICT.explain(text).cleaned == once


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_report_replays_and_restores(text: str) -> None:
    report = STRICT.explain(text)
    assert report.apply(text) == report.cleaned
    assert report.restore(report.cleaned) == text
    previous_end = 0
    for edit in report.edits:
        assert previous_end <= edit.start <= edit.end
        assert text[edit.start : edit.end] == edit.text
        assert edit.text != edit.replacement
        previous_end = edit.end


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_repair_keeps_the_line_count(text: str) -> None:
    repaired = REPAIR_ONLY.clean(text)
    assert len(UNIVERSAL_NEWLINE.split(repaired)) == len(UNIVERSAL_NEWLINE.split(text))


@settings(max_examples=100, deadline=None)
@given(DOCUMENT, st.randoms(use_true_random=False))
def test_rule_order_does_not_change_the_result(text: str, rng: random.Random) -> None:
    shuffled = list(STRICT_SPECS)
    rng.shuffle(shuffled)
    ruleset = RuleSet(tuple(CompiledRule.build(s) for s in shuffled), "shuffled")
    assert Cleaner(Config(), ruleset).explain(text).edits == STRICT.explain(text).edits
