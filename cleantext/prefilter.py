"""Decide cheaply which rules can possibly match a document, before any rule runs.

Each rule gets a set of *triggers*: literal strings of which every match of the rule must
contain at least one (for a phrase, its longest word; for a regex, a set of required
literal factors read off its syntax tree). One scan of the case-folded document with a
multi-pattern matcher finds the triggers present; only the rules they belong to run their
exact matcher. A rule whose matches cannot be bounded this way (a heuristic that names no
words in `cleantext.heuristics.TRIGGERS`, a line-shape predicate, a regex made only of
character classes) always runs. Because triggers are necessary conditions, the result
never depends on which scanner found them: Hyperscan where its wheels exist,
pyahocorasick otherwise, and plain substring tests as a last resort give the same edits.
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
from cleantext.heuristics import heuristic_triggers
from cleantext.ruleset.schema import MatchSpec
from cleantext.scanners import Scanner, make_scanner

# Removed before scanning, as `normalize_line` removes them before comparing lines, so that
# a phrase's words are found whatever emphasis markers split them.
_MARKUP = ("**", "__", "`")


def prepare(text: str) -> str:
    """The document as triggers are looked up in: markup-free and case-folded."""
    for marker in _MARKUP:
        if marker[0] in text and marker in text:  # one character is found fastest
            text = text.replace(marker, "")
    return text.lower() if text.isascii() else text.casefold()  # the same on ASCII


# White space within a line other than one plain space: two spaces, or any other
# character for which str.isspace() is true but the line break. A trigger's space stands
# for any run of white space, so a text holding one of these is scanned again with each
# run collapsed to one space (`collapse_spaces`); most texts hold none.
# (str.isspace() is true for exactly these and " " and "\n"; tests/test_prefilter.py checks.)
_OTHER_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
ODD_SPACES = ("  ", *_OTHER_SPACES)
_SPACE_RUN = re.compile(f"[ {_OTHER_SPACES}]{{2,}}|[{_OTHER_SPACES}]")


def collapse_spaces(text: str) -> str:
    """Every run of white space within a line as one space, as triggers spell it.

    >>> collapse_spaces("follow\\u00a0 us\\ton\\n x")
    'follow us on\\n x'
    """
    return _SPACE_RUN.sub(" ", text)


def triggers_for(match: MatchSpec) -> tuple[frozenset[str] | None, ...]:
    """Per unit of the match (each regex pattern is one, any other match is one): literals
    of which every match of that unit contains one, or None when it must always run.

    >>> from cleantext.ruleset.schema import MatchSpec
    >>> phrases = MatchSpec("phrase", phrases=("Leave a Reply", "Share this:"))
    >>> [sorted(units) for units in triggers_for(phrases)]
    [['reply', 'share']]
    >>> pattern = r"^(?:\\*\\s)?(Log|Sign) ?in\\s+to comment$"
    >>> first, second = triggers_for(MatchSpec("regex", patterns=(pattern, r"^\\w+$")))
    >>> sorted(first), second
    (['log in to comment', 'login to comment', 'sign in to comment', 'signin to comment'], None)
    """
    if match.kind == "phrase":
        return (frozenset(_longest_word(phrase) for phrase in match.phrases),)
    if match.kind == "regex":
        return tuple(regex_triggers(pattern) for pattern in match.patterns)
    if match.kind == "python":
        return (heuristic_triggers(match.name, dict(match.params)),)
    pattern = dict(match.predicates).get("pattern") if match.kind == "lines" else None
    return (regex_triggers(pattern) if pattern else None,)


def _longest_word(phrase: str) -> str:
    """The phrase's longest word; of equally long ones the last, which in a button label
    is the object ("Spring naar recept": "recept", not "spring", a word of any text)."""
    words = normalize_line(phrase).split() or [phrase.casefold()]
    return max(reversed(words), key=len)


def regex_triggers(pattern: str) -> frozenset[str] | None:
    """Required literal factors of a regex (case-folded), or None if it has none we can read."""
    readable = _as_re_syntax(pattern)
    try:
        tree = _sre_parse.parse(readable) if readable is not None else None
    except Exception:  # other syntax only the `regex` module knows
        tree = None
    if tree is None:
        return None
    factors = _sequence_factors(list(tree))
    if not factors or not all(_selective(factor) for factor in factors):
        return None
    return frozenset(f.casefold() for f in factors)


def _selective(factor: str) -> bool:
    """Whether a factor is rare enough to be worth scanning for: two characters or more,
    or one sign outside ASCII that is no letter or digit ("©", "→"; not "a", ":", "é")."""
    if len(factor) >= 2:
        return True
    return len(factor) == 1 and not factor.isascii() and not factor.isalnum()


# Escapes only the `regex` module knows, as classes Python's parser reads that match at
# least as much (so that the triggers stay necessary conditions): \h (horizontal space)
# as \s, and \H or a Unicode property \p{..} as any character; inside a class as class
# items, outside as whole classes. Inside a negated class an item must match no more
# than the escape did: \h becomes a tab, \H a line break; a property has no such item.
_REGEX_ONLY_ESCAPE = re.compile(r"\\[hH]|\\[pP]\{[^}]*\}|\\[pP]\w")
_AS_ITEMS = {"h": "\\s", "H": "\\s\\S", "p": "\\s\\S", "P": "\\s\\S"}
_AS_NEGATED_ITEMS = {"h": "\\t", "H": "\\n"}


def _as_re_syntax(pattern: str) -> str | None:
    r"""The pattern with the `regex` module's own escapes replaced (see above), or None.

    >>> _as_re_syntax(r"share\h+this \p{Lu} [\p{L}.] [^\h)] \\h")
    'share[\\s]+this [\\s\\S] [\\s\\S.] [^\\t)] \\\\h'
    """
    out: list[str] = []
    position, in_class, negated = 0, False, False
    while position < len(pattern):
        char = pattern[position]
        escape = _REGEX_ONLY_ESCAPE.match(pattern, position) if char == "\\" else None
        if escape:
            kind = escape.group()[1]
            if not in_class:
                out.append(f"[{_AS_ITEMS[kind]}]")
            elif not negated:
                out.append(_AS_ITEMS[kind])
            elif kind in _AS_NEGATED_ITEMS:
                out.append(_AS_NEGATED_ITEMS[kind])
            else:
                return None
            position = escape.end()
            continue
        if char == "\\":  # any other escape, such as \\ or \[, stays as it is
            out.append(pattern[position : position + 2])
            position += 2
            continue
        if char == "[" and not in_class:
            in_class, negated = True, pattern.startswith("[^", position)
            opening = "[^" if negated else "["
            # A "]" right after "[" or "[^" is a literal member, not the end.
            closing_first = pattern.startswith("]", position + len(opening))
            out.append(opening + ("]" if closing_first else ""))
            position += len(opening) + closing_first
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        position += 1
    return "".join(out)


# How many spellings a stretch of literals may have before it is cut ("e-?mail" has two).
_MAX_SPELLINGS = 32


def _sequence_factors(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best required-factor set of a sequence: any one element's set will do.

    Consecutive elements that match one of a few fixed strings (literals, short
    alternations, optional characters, white space) join into one stretch with every
    spelling it can have; white space inside a line (a literal or a required run such as
    ``\\s+``) reads as one space, which the scanners take for any run of white space
    (`cleantext.scanners`). So ``(?:find|join)\\h+us\\h+on`` needs "find us on" or
    "join us on": far rarer on a line than "find" or "join".
    """
    choices: list[set[str]] = []
    stretch: set[str] = {""}

    def close_stretch() -> None:
        nonlocal stretch
        if stretch != {""}:
            choices.append(stretch)
        stretch = {""}

    for op, value in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            # Zero-width: the literals around it stay adjacent in the match; and what a
            # lookahead requires, the match's line holds too (the rules' lookaheads stay
            # within the line). A lookbehind may reach back into earlier lines: not used.
            if op is _sre.ASSERT and value[0] > 0:
                required = _sequence_factors(list(value[1]))
                if required:
                    choices.append(required)
            continue
        spellings = _spellings(op, value)
        if spellings is not None and len(stretch) * len(spellings) <= _MAX_SPELLINGS:
            stretch = {_join(head, tail) for head in stretch for tail in spellings}
            continue
        close_stretch()
        if spellings is not None:  # too many spellings to join: a stretch of its own
            stretch = spellings
            continue
        factors = _element_factors(op, value)
        if factors:
            choices.append(factors)
    close_stretch()
    choices = [_shortest_needed({factor.strip() for factor in found}) for found in choices]
    if not choices:
        return None
    return max(choices, key=lambda s: (min(len(f) for f in s), -len(s)))


def _shortest_needed(factors: set[str]) -> set[str]:
    """Drop each factor that holds another: where it occurs, the shorter one does too.

    >>> sorted(_shortest_needed({"comment", "comments", "* log in", "log in"}))
    ['comment', 'log in']
    """
    kept: list[str] = []
    for factor in sorted(factors, key=len):
        if not any(shorter in factor for shorter in kept):
            kept.append(factor)
    return set(kept)


def _join(head: str, tail: str) -> str:
    """Two pieces of a stretch, with the white space between them as one space."""
    if head.endswith(" ") and tail.startswith(" "):
        return head + tail[1:]
    return head + tail


def _spellings(op: Any, value: Any) -> set[str] | None:
    """Every string an element can match, when they are few and fixed; else None.
    Any white space within a line is spelled " "."""
    if op is _sre.LITERAL:
        char = chr(value)
        if char == "\n":
            return None
        return {" "} if char.isspace() else {char}
    if _is_space_run(op, value):
        return {" "}
    if op is _sre.SUBPATTERN:
        return _sequence_spellings(list(value[-1]))
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            spellings = _sequence_spellings(list(alternative))
            if spellings is None:
                return None
            found |= spellings
        return found if len(found) <= _MAX_SPELLINGS else None
    if op is _sre.IN and value and all(item_op is _sre.LITERAL for item_op, _ in value):
        chars = {chr(item) for _, item in value}
        if "\n" in chars or len(chars) > 4:
            return None
        return {" " if char.isspace() else char for char in chars}
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and value[:2] == (0, 1):  # x?
        optional = _sequence_spellings(list(value[2]))
        return None if optional is None else optional | {""}
    return None


def _sequence_spellings(items: list[tuple[Any, Any]]) -> set[str] | None:
    stretch = {""}
    for op, value in items:
        spellings = _spellings(op, value)
        if spellings is None or len(stretch) * len(spellings) > _MAX_SPELLINGS:
            return None
        stretch = {_join(head, tail) for head in stretch for tail in spellings}
    return stretch


def _is_space_run(op: Any, value: Any) -> bool:
    """Whether an element matches one or more white space characters and nothing else."""
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, item = value
        return low >= 1 and len(item) == 1 and _is_space_run(*item[0])
    if op is not _sre.IN:
        return False
    if value and value[0][0] is _sre.NEGATE:  # [^\S\n]: not a non-space, so a space
        return (_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE) in value
    return all(_is_space_item(item_op, item) for item_op, item in value)


def _is_space_item(op: Any, value: Any) -> bool:
    if op is _sre.CATEGORY:
        return bool(value is _sre.CATEGORY_SPACE)
    if op is _sre.LITERAL:
        return chr(value) != "\n" and chr(value).isspace()
    if op is _sre.RANGE:
        low, high = value
        return all(chr(c) != "\n" and chr(c).isspace() for c in range(low, high + 1))
    return False


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
        words = sorted(owners)  # one order in every process, so the compiled database is cached
        # The odd spaces are scanned for with the triggers, after them: one scan tells
        # whether the text must be scanned again with its spaces collapsed.
        odd = range(len(words), len(words) + len(ODD_SPACES))
        name, scan = make_scanner([*words, *ODD_SPACES], backend, once=frozenset(odd))
        return cls(frozenset(always), tuple(frozenset(owners[w]) for w in words), scan, name)

    def candidates(self, text: str) -> dict[int, Where]:
        """Rule index -> where its units may match: the lines holding one of their triggers.

        A rule matches within one line, so a line without any of a unit's triggers
        cannot hold a match of that unit.
        """
        seen: dict[Unit, set[int]] = {}
        if self.owners:
            prepared = prepare(text)
            hits = self.scan(prepared)
            if any(trigger >= len(self.owners) for trigger, _line in hits):
                hits = self.scan(collapse_spaces(prepared))
            for trigger, line in hits:
                for owner in self.owners[trigger]:
                    seen.setdefault(owner, set()).add(line)
        found: dict[int, Where] = {}
        for (rule, unit), lines in seen.items():
            found.setdefault(rule, {})[unit] = frozenset(lines)
        for rule, unit in self.always:
            found.setdefault(rule, {})[unit] = None
        return found
