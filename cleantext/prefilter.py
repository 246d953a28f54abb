"""Decide cheaply which rules can possibly match a document, before any rule runs.

Each rule gets a set of *triggers*: literal strings of which every match of the rule must
contain at least one (for a phrase, its longest word; for a regex, a set of required
literal factors read off its syntax tree). One scan of the case-folded document with a
multi-pattern matcher finds the triggers present; only the rules they belong to run their
exact matcher. A rule whose matches cannot be bounded this way (a heuristic, a line-shape
predicate, a regex made only of character classes) always runs. Because triggers are
necessary conditions, the result never depends on which scanner found them: Hyperscan
where its wheels exist, pyahocorasick otherwise, and plain substring tests as a last
resort give the same edits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Python's own regex parser (re._parser since 3.11); a pattern it cannot read always runs.
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any

from cleantext.document import normalize_line
from cleantext.ruleset.schema import MatchSpec
from cleantext.scanners import Scanner, make_scanner

# Removed before scanning, as `normalize_line` removes them before comparing lines, so that
# a phrase's words are found whatever emphasis markers split them.
_MARKUP = ("**", "__", "`")


def prepare(text: str) -> str:
    """The document as triggers are looked up in: markup-free and case-folded."""
    for marker in _MARKUP:
        if marker in text:
            text = text.replace(marker, "")
    return text.casefold()


def triggers_for(match: MatchSpec) -> tuple[frozenset[str] | None, ...]:
    """Per unit of the match (each regex pattern is one, any other match is one): literals
    of which every match of that unit contains one, or None when it must always run.

    >>> from cleantext.ruleset.schema import MatchSpec
    >>> phrases = MatchSpec("phrase", phrases=("Leave a Reply", "Share this:"))
    >>> [sorted(units) for units in triggers_for(phrases)]
    [['leave', 'share']]
    >>> pattern = r"^(?:\\*\\s)?(Log|Sign) ?in to comment$"
    >>> triggers_for(MatchSpec("regex", patterns=(pattern, r"^\\w+$")))
    (frozenset({'in to comment'}), None)
    """
    if match.kind == "phrase":
        return (frozenset(_longest_word(phrase) for phrase in match.phrases),)
    if match.kind == "regex":
        return tuple(regex_triggers(pattern) for pattern in match.patterns)
    pattern = dict(match.predicates).get("pattern") if match.kind == "lines" else None
    return (regex_triggers(pattern) if pattern else None,)


def _longest_word(phrase: str) -> str:
    return max(normalize_line(phrase).split() or [phrase.casefold()], key=len)


def regex_triggers(pattern: str) -> frozenset[str] | None:
    """Required literal factors of a regex (case-folded), or None if it has none we can read."""
    try:
        tree = _sre_parse.parse(_as_re_syntax(pattern))
    except Exception:  # syntax only the `regex` module knows, such as \p{L}
        return None
    factors = _sequence_factors(list(tree))
    if not factors or min(len(f) for f in factors) < 2:
        return None
    return frozenset(f.casefold() for f in factors)


# Escapes only the `regex` module knows, as the nearest class Python's parser reads. A
# class never yields a factor, so the triggers stay necessary conditions.
_REGEX_ONLY_ESCAPE = re.compile(r"(\\\\)|\\[hH]|\\[pP]\{[^}]*\}|\\[pP]\w")


def _as_re_syntax(pattern: str) -> str:
    r"""``\h`` (horizontal space) and ``\p{..}`` (a Unicode property) as plain classes.

    >>> _as_re_syntax(r"share\h+this \p{Lu} \\h")
    'share\\s+this . \\\\h'
    """
    return _REGEX_ONLY_ESCAPE.sub(
        lambda m: m.group(1) or ("\\s" if m.group()[1] in "hH" else "."), pattern
    )


def _sequence_factors(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best required-factor set of a sequence: any one element's set will do."""
    choices: list[set[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            # Zero-width: the literals around it stay adjacent in the match; and what a
            # lookahead or lookbehind requires, the match requires too.
            if op is _sre.ASSERT:
                required = _sequence_factors(list(value[1]))
                if required:
                    choices.append(required)
            continue
        if run:
            choices.append({"".join(run)})
            run = []
        factors = _element_factors(op, value)
        if factors:
            choices.append(factors)
    if run:
        choices.append({"".join(run)})
    if not choices:
        return None
    return max(choices, key=lambda s: (min(len(f) for f in s), -len(s)))


def _element_factors(op: Any, value: Any) -> set[str] | None:
    if op is _sre.SUBPATTERN:
        return _sequence_factors(list(value[-1]))
    if op is _sre.ATOMIC_GROUP:
        return _sequence_factors(list(value))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, item = value
        return _sequence_factors(list(item)) if low >= 1 else None
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            factors = _sequence_factors(list(alternative))
            if not factors:
                return None
            found |= factors
        return found
    return None


# A unit of a rule's match: (rule index, unit index); see `triggers_for`.
Unit = tuple[int, int]
# For one rule: unit index -> the lines worth searching (None: all of them).
Where = dict[int, frozenset[int] | None]


@dataclass(frozen=True)
class Prefilter:
    """Which rules to run on a document, which of their patterns, and on which lines."""

    always: frozenset[Unit]  # units that run on every line
    owners: tuple[frozenset[Unit], ...]  # trigger id -> the units it belongs to
    scan: Scanner
    backend: str

    @classmethod
    def build(
        cls,
        rule_triggers: Sequence[Sequence[frozenset[str] | None]],
        backend: str | None = None,
    ) -> Prefilter:
        """From each rule's `triggers_for`."""
        owners: dict[str, set[Unit]] = {}
        always: set[Unit] = set()
        for rule, units in enumerate(rule_triggers):
            for unit, found in enumerate(units):
                if found is None:
                    always.add((rule, unit))
                for trigger in found or ():
                    owners.setdefault(trigger, set()).add((rule, unit))
        words = list(owners)
        name, scan = make_scanner(words, backend)
        return cls(frozenset(always), tuple(frozenset(owners[w]) for w in words), scan, name)

    def candidates(self, text: str) -> dict[int, Where]:
        """Rule index -> where its units may match: the lines holding one of their triggers.

        A rule matches within one line, so a line without any of a unit's triggers
        cannot hold a match of that unit.
        """
        seen: dict[Unit, set[int]] = {}
        if self.owners:
            for trigger, line in self.scan(prepare(text)):
                for owner in self.owners[trigger]:
                    seen.setdefault(owner, set()).add(line)
        found: dict[int, Where] = {}
        for (rule, unit), lines in seen.items():
            found.setdefault(rule, {})[unit] = frozenset(lines)
        for rule, unit in self.always:
            found.setdefault(rule, {})[unit] = None
        return found
