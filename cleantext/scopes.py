"""From a match to what a rule removes: scope expansion and the guards that bound it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from cleantext.document import Document
from cleantext.matchers import Found, Matcher, compile_matcher, lazy_pattern, phrase_pattern
from cleantext.prefilter import collapse_spaces, prepare, regex_triggers, triggers_for
from cleantext.ruleset.schema import GuardSpec, MatchSpec, RuleSpec, ScopeSpec


@dataclass(frozen=True, slots=True)
class Hit:
    """What one rule would remove: whole lines ``first..last``, or a span inside a line."""

    rule: CompiledRule
    first: int
    last: int
    start: int
    end: int
    whole_lines: bool
    anchor: int  # the matched line the hit grew from


# The required literals of each member test of a block scope: its phrases (when it has
# any), then each of its regexes; None for a test without any.
MemberWords = tuple[frozenset[str] | None, ...]


def member_words(scope: ScopeSpec) -> MemberWords:
    """What `CompiledRule.belongs` looks for before it runs a member test. Finding them
    means parsing every pattern (~20 ms for a large block rule), so the rule-set cache
    keeps them with the selection."""
    tests: list[frozenset[str] | None] = []
    if scope.continue_phrases:
        tests.append(triggers_for(MatchSpec("phrase", phrases=scope.continue_phrases))[0])
    tests += [regex_triggers(pattern) for pattern in scope.continue_regex]
    return tuple(tests)


class CompiledRule:
    """A rule ready to run: its spec, and its matcher and block membership tests, which
    are compiled on first use: a short document runs few rules, and a large pattern takes
    milliseconds to compile, so start-up pays only for the rules a document needs."""

    def __init__(self, spec: RuleSpec, member_words: MemberWords | None = None) -> None:
        self.spec = spec
        self._member_words = member_words

    @classmethod
    def build(cls, spec: RuleSpec, member_words: MemberWords | None = None) -> CompiledRule:
        """``member_words``: `member_words(spec.scope)`, when known (from the cache)."""
        return cls(spec, member_words)

    def __repr__(self) -> str:
        return f"CompiledRule({self.spec.id!r})"

    @cached_property
    def matcher(self) -> Matcher:
        return compile_matcher(self.spec.match)

    @cached_property
    def continue_phrases(self) -> regex.Pattern[str] | None:
        phrases = self.spec.scope.continue_phrases
        return phrase_pattern(phrases) if phrases else None

    @cached_property
    def _member_triggers(self) -> tuple[Any | None, frozenset[int]]:
        """Which member tests can pass on a line, as the prefilter decides which rules can
        match a document: an automaton from each test's required literals to the test
        (the phrases are test 0 when there are any, then each pattern), and the tests that
        have none. Next to a widget lie long article lines; searching each of them for a
        few hundred phrases and a dozen patterns costs ~100 us, this check ~2 us."""
        import ahocorasick

        tests = self._member_words
        if tests is None:
            tests = member_words(self.spec.scope)
        owners: dict[str, set[int]] = {}
        for test, words in enumerate(tests):
            for word in words or ():
                owners.setdefault(word, set()).add(test)
        automaton = ahocorasick.Automaton()
        for word, owned in owners.items():
            automaton.add_word(word, frozenset(owned))
        automaton.make_automaton()
        always = frozenset(test for test, words in enumerate(tests) if words is None)
        return (automaton if owners else None), always

    def _tests_with_words(self, prepared: str) -> set[int]:
        """The member tests whose required literals are in a prepared line."""
        automaton, always = self._member_triggers
        found = set(always)
        for _end, tests in automaton.iter(prepared) if automaton is not None else ():
            found |= tests
        return found

    @cached_property
    def continue_regex(self) -> tuple[Callable[[], regex.Pattern[str]], ...]:
        """Each pattern compiled on first use: a block rule lists a dozen languages' member
        lines, a document needs its own language's, and compiling them all cost a command
        run ~40 ms the first time a widget was found."""
        return tuple(lazy_pattern(p, regex.IGNORECASE) for p in self.spec.scope.continue_regex)

    @property
    def id(self) -> str:
        return self.spec.id

    def belongs(self, document: Document, index: int) -> bool:
        """Whether a line is one of the block's continue lines."""
        phrases = self.continue_phrases
        if phrases is not None:
            line = document.normalized(index)  # the phrases are looked for in it
            if 0 in self._tests_with_words(line) and phrases.search(line):
                return True
        if not self.continue_regex:
            return False
        possible = self._tests_with_words(collapse_spaces(prepare(document.lines[index])))
        first = 1 if phrases is not None else 0
        return any(
            pattern().search(document.lines[index])
            for test, pattern in enumerate(self.continue_regex, start=first)
            if test in possible
        )


# A span whose removal leaves only this on its line takes the whole line.
_LEFTOVER = regex.compile(r"^[\s\p{P}\p{S}]*$")


def expand(rule: CompiledRule, document: Document, found: list[Found]) -> list[Hit]:
    """Turn a rule's matches into hits; a block's anchors merge when their blocks meet."""
    scope = rule.spec.scope
    anchors = {f.line for f in found}
    hits: list[Hit] = []
    for match in found:
        line = match.line
        if scope.remove == "match":
            hits.append(_span_hit(rule, document, match))
            continue
        if scope.remove == "line":
            first = last = line
        elif scope.remove == "block":
            first, last = _block(rule, document, line, anchors, scope)
        elif scope.remove == "to-end":
            first, last = line, max(document.last_content_line, line)
        else:  # from-start
            first, last = 0, line
        anchor = line
        if hits and hits[-1].whole_lines and first <= hits[-1].last + 1:
            previous = hits.pop()
            first, last = min(first, previous.first), max(last, previous.last)
            # A to-end rule is bounded from its first anchor; every other from its last.
            anchor = previous.anchor if scope.remove == "to-end" else line
        hits.append(_line_hit(rule, document, first, last, anchor))
    return hits


def _line_hit(rule: CompiledRule, document: Document, first: int, last: int, anchor: int) -> Hit:
    return Hit(rule, first, last, document.starts[first], document.line_end(last), True, anchor)


def _span_hit(rule: CompiledRule, document: Document, match: Found) -> Hit:
    line = match.line
    text = document.lines[line]
    offset = document.starts[line]
    rest = text[: match.start - offset] + text[match.end - offset :]
    if _LEFTOVER.match(rest):
        return _line_hit(rule, document, line, line, line)
    return Hit(rule, line, line, match.start, match.end, False, line)


def _block(
    rule: CompiledRule, document: Document, anchor: int, anchors: set[int], scope: ScopeSpec
) -> tuple[int, int]:
    first = last = anchor
    if scope.direction in ("down", "both"):
        last = _extend(rule, document, anchor, anchors, scope, step=1)
    if scope.direction in ("up", "both"):
        first = _extend(rule, document, anchor, anchors, scope, step=-1)
    return first, last


def _extend(
    rule: CompiledRule,
    document: Document,
    anchor: int,
    anchors: set[int],
    scope: ScopeSpec,
    step: int,
) -> int:
    """Walk away from the anchor over member lines, blank lines and short bridged lines."""
    reached = anchor
    gap = 0
    index = anchor + step
    while 0 <= index < len(document) and abs(index - anchor) < scope.max_lines:
        if document.is_blank(index):
            pass
        elif index in anchors or rule.belongs(document, index):
            reached, gap = index, 0
        elif gap < scope.max_gap and len(document.lines[index].strip()) <= scope.max_gap_chars:
            gap += 1
        else:
            break
        index += step
    return reached


def refusal(hit: Hit, document: Document, scope: ScopeSpec, guard: GuardSpec) -> str | None:
    """Why a guard refuses the hit, or None when it may fire.

    Rules that remove to an edge are bounded from their anchor: a to-end rule's
    ``max_chars_after`` counts what follows the anchor line, all of which it would remove.
    """
    text_length = len(document.text) + document.before + document.after
    start, end = hit.start, hit.end
    if scope.remove == "from-start":
        start = document.starts[hit.anchor]
    if scope.remove == "to-end":
        end = document.line_end(hit.anchor)
    before = document.text_before(start)
    after = document.text_after(end)
    if guard.min_chars_before is not None and before < guard.min_chars_before:
        return f"min_chars_before: {before} characters before it, needs {guard.min_chars_before}"
    if guard.max_chars_before is not None and before > guard.max_chars_before:
        return f"max_chars_before: {before} characters before it, allows {guard.max_chars_before}"
    if guard.max_chars_after is not None and after > guard.max_chars_after:
        return f"max_chars_after: {after} characters after it, allows {guard.max_chars_after}"
    if guard.max_share is not None and text_length:
        share = (hit.end - hit.start) / text_length
        if share > guard.max_share:
            allowed = guard.max_share
            return f"max_share: it would remove {share:.0%} of the document, allows {allowed:.0%}"
    return None
