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


def test_block_member_tests_run_only_where_they_can_pass() -> None:
    """`belongs` skips the member tests whose literals a line lacks; on every line of the
    corpus, for every block rule, it answers as running every test would."""
    from cleantext.document import Document

    blocks = [rule for rule in STRICT.ruleset.rules if rule.spec.scope.remove == "block"]
    assert len(blocks) > 20
    for text in DOCUMENTS:
        document = Document(text)
        for rule in blocks:
            phrases = rule.continue_phrases
            for index in range(len(document)):
                every_test = bool(phrases and phrases.search(document.normalized(index))) or any(
                    p().search(document.lines[index]) for p in rule.continue_regex
                )
                assert rule.belongs(document, index) == every_test, (rule.id, index)


# Bylines of the kinds the metadata rules describe, whose names the patterns read with
# classes such as [\p{L}\p{N}]: a class that once gave a bogus trigger.
BYLINES = [
    "Geschrieben von Anna Muster am 3. Mai 2021",
    "Posté par Marie le 3 mai 2021",
    "Escrito por Ana el 3 de mayo de 2021",
    "Scritto da Giulia il 3 maggio 2021",
    "Opublikowane przez Anna 3 maja 2021",
]


def test_every_regex_match_holds_one_of_its_triggers() -> None:
    """Triggers are necessary conditions: wherever a rule's pattern matches a line of an
    example or a corpus document, one of that pattern's triggers is in the line as the
    scanners see it. (A trigger misread from a class such as [\\p{L}.] once broke this.)"""
    import regex

    from cleantext.prefilter import collapse_spaces, prepare, regex_triggers
    from cleantext.ruleset.loader import load_library

    lines = {line for text in DOCUMENTS for line in text.split("\n") if line.strip()}
    lines.update(BYLINES)
    library = load_library()
    for spec in library.rules.values():
        lines.update(
            line for example in spec.examples for line in example.text.split("\n") if line.strip()
        )
    prepared = {line: collapse_spaces(prepare(line)) for line in lines}
    checked = 0
    for spec in library.rules.values():
        for pattern in spec.match.patterns if spec.match.kind == "regex" else ():
            triggers = regex_triggers(pattern)
            if triggers is None:
                continue
            compiled = regex.compile(pattern, regex.MULTILINE | regex.IGNORECASE)
            for line in lines:
                if compiled.search(line):
                    checked += 1
                    assert any(t in prepared[line] for t in triggers), (spec.id, line)
    assert checked > 500


def test_a_rare_sign_outside_ascii_is_a_trigger_of_its_own() -> None:
    """A pattern whose only literal is "©" runs only on lines holding it; a lone ASCII
    mark or letter would be no filter at all."""
    from cleantext.prefilter import regex_triggers

    assert regex_triggers(r"(?<=[^\n]{8}[.!?])\h*©\h*\p{Lu}\w+$") == frozenset({"©"})
    assert regex_triggers(r"^\w+:\h*\d+$") is None
    assert regex_triggers(r"^é\w+$") is None


def test_a_heuristic_with_trigger_words_runs_only_where_they_stand() -> None:
    """`related.teaser-excerpt` needs a lone read-more link: without one in the text the
    prefilter leaves it out, and with one it gives what running it everywhere gives, on
    its examples in every markup a link label comes in."""
    from cleantext.ruleset.loader import load_library

    spec = load_library().rules["related.teaser-excerpt"]
    ruleset = RuleSet.from_specs([spec])
    filtered = Cleaner(Config(repair=False), ruleset)
    unfiltered = Cleaner(Config(repair=False), _Unfiltered(ruleset.rules, "unfiltered"))
    texts = [example.text for example in spec.examples + spec.counterexamples]
    for label in ("[Read more](https://example.org/a)", "**Read  more**", "READ MORE »"):
        texts.append(
            "The council approved the bridge after a debate of almost four hours. "
            "Construction starts in spring and will take two years, the mayor said.\n"
            "More from the city desk\nHarbour festival\n"
            f"More than 40,000 visitors came to the harbour over the weekend.\n{label}\n"
        )
    for text in texts:
        assert filtered.explain(text).edits == unfiltered.explain(text).edits
    assert all(filtered.explain(text).removals for text in texts[-3:])
    assert ruleset.candidates("Prices rose again, the bank said.\n") == []
