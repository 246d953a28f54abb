"""Compiled matchers: where in a document each rule's `[match]` is found.

A matcher is compiled once per rule set and then shared by every document and thread; it
holds only compiled patterns and frozen parameters. Each returns `Found` records: the line
and the span of the text it matched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from cleantext.document import Document, normalize_line
from cleantext.heuristics import HEURISTICS
from cleantext.lineshapes import is_list_item
from cleantext.ruleset.schema import MatchSpec


@dataclass(frozen=True, slots=True, order=True)
class Found:
    line: int
    start: int  # offsets in the document text
    end: int


class RegexTimeout(Exception):
    """A rule's pattern took longer than its time budget on this document."""


# A matcher gets the document and, per unit of its match (each regex pattern is one), the
# lines worth looking at (see `cleantext.prefilter`); None: every unit on every line.
Lines = frozenset[int] | None
Where = dict[int, Lines] | None
Matcher = Callable[[Document, Where], list[Found]]


def phrase_pattern(phrases: tuple[str, ...], ignore_case: bool = True) -> regex.Pattern[str]:
    """One pattern for a phrase list: words separated by any run of white space, on word
    boundaries, longest phrase first so that the longest wins.

    >>> bool(phrase_pattern(("share",)).search("Shareholders met"))
    False
    >>> phrase_pattern(("log out",)).search("Log\\u00a0 Out now").group()
    'Log\\xa0 Out'
    """
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = phrase.split()
        body = r"\s+".join(regex.escape(word) for word in words)
        head = r"(?<!\w)" if regex.match(r"\w", phrase) else ""
        tail = r"(?!\w)" if regex.search(r"\w$", phrase) else ""
        alternatives.append(f"{head}{body}{tail}")
    flags = regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile("|".join(alternatives), flags)


def compile_matcher(spec: MatchSpec) -> Matcher:
    if spec.kind == "phrase" and spec.whole_line:
        return _whole_line_phrases(spec.phrases, spec.list_items)
    if spec.kind == "phrase":
        pattern = phrase_pattern(spec.phrases)
        return _searcher([lambda: pattern], spec.timeout_ms)
    if spec.kind == "regex":
        flags = regex.MULTILINE | (regex.IGNORECASE if spec.ignore_case else 0)
        return _searcher([lazy_pattern(p, flags) for p in spec.patterns], spec.timeout_ms)
    if spec.kind == "lines":
        return _line_predicates(dict(spec.predicates), spec.timeout_ms)
    heuristic = HEURISTICS.get(spec.name)
    if heuristic is None:
        raise KeyError(spec.name)
    params = dict(spec.params)
    # Sorted by line: scopes merge a rule's adjacent hits only when they come in order.
    return lambda document, where: sorted(Found(*hit) for hit in heuristic(document, params))


def lazy_pattern(pattern: str, flags: int) -> Callable[[], regex.Pattern[str]]:
    """Compile on first use: one pattern per language is typical, and a document needs
    only its own language's (a large pattern takes milliseconds to compile)."""
    compiled: list[regex.Pattern[str]] = []

    def get() -> regex.Pattern[str]:
        if not compiled:
            compiled.append(regex.compile(pattern, flags))
        return compiled[0]

    return get


def _lines_of(where: Where, document: Document) -> range | list[int]:
    """The lines to test for a single-unit match."""
    lines = None if where is None else where.get(0)
    return range(len(document)) if lines is None else sorted(lines)


def _whole_line_phrases(phrases: tuple[str, ...], list_items: bool = True) -> Matcher:
    """Lines equal to a phrase once normalised; with ``list_items`` false not a list item,
    which is one entry of a list the author wrote, never the heading of a widget."""
    wanted = frozenset(normalize_line(phrase) for phrase in phrases)

    def match(document: Document, where: Where) -> list[Found]:
        return [
            Found(index, document.starts[index], document.line_end(index))
            for index in _lines_of(where, document)
            if document.normalized(index) in wanted
            and (list_items or not is_list_item(document.lines[index]))
        ]

    return match


def _searcher(patterns: list[Callable[[], regex.Pattern[str]]], timeout_ms: int) -> Matcher:
    """The first match in each line, of the first pattern that matches there.

    A pattern without candidate lines searches the whole text at once (far faster than
    line by line); a match that runs across line breaks is searched again in each of its
    lines, so both ways give the same result.
    """
    timeout = timeout_ms / 1000

    def in_line(index: int, units: list[int], document: Document) -> Found | None:
        start, end = document.starts[index], document.line_end(index)
        for unit in units:
            hit = patterns[unit]().search(document.text, start, end, timeout=timeout)
            if hit is not None and hit.end() > hit.start():
                return Found(index, hit.start(), hit.end())
        return None

    def whole_text(unit: int, document: Document) -> set[int]:
        """The lines worth a per-line search: those the whole-text search stopped on."""
        found: set[int] = set()
        for hit in patterns[unit]().finditer(document.text, timeout=timeout):
            first = document.line_at(hit.start())
            last = document.line_at(hit.end()) if "\n" in hit.group() else first
            found.update(range(first, last + 1))
        return found

    def match(document: Document, where: Where) -> list[Found]:
        chosen: dict[int, Lines] = dict.fromkeys(range(len(patterns))) if where is None else where
        try:
            units_on: dict[int, list[int]] = {}
            for unit in sorted(chosen):
                lines = chosen[unit]
                for index in whole_text(unit, document) if lines is None else lines:
                    units_on.setdefault(index, []).append(unit)
            hits = (in_line(index, units_on[index], document) for index in sorted(units_on))
            return [hit for hit in hits if hit is not None]
        except TimeoutError as error:
            raise RegexTimeout(str(error)) from None

    return match


_URL = regex.compile(r"https?://\S+|www\.\S+|\[[^\]]*\]\([^)]*\)")
_TERMINAL = regex.compile(r"[.!?…:;][\"'’”»)\]]*$")
_WORDS = regex.compile(r"\w+")


def _line_predicates(predicates: dict[str, Any], timeout_ms: int) -> Matcher:
    pattern = predicates.get("pattern")
    compiled = regex.compile(pattern, regex.IGNORECASE) if pattern else None

    def holds(line: str) -> bool:
        text = line.strip()
        if not text:
            return False
        if not _within(len(text), predicates.get("min_chars"), predicates.get("max_chars")):
            return False
        if "min_words" in predicates or "max_words" in predicates:
            words = len(_WORDS.findall(text))
            if not _within(words, predicates.get("min_words"), predicates.get("max_words")):
                return False
        wants_terminal = predicates.get("ends_with_punctuation")
        if wants_terminal is not None and bool(_TERMINAL.search(text)) != wants_terminal:
            return False
        if "min_uppercase_share" in predicates:
            letters = [c for c in text if c.isalpha()]
            upper = sum(1 for c in letters if c.isupper())
            if not letters or upper / len(letters) < predicates["min_uppercase_share"]:
                return False
        if "link_like" in predicates:
            linked = sum(len(m.group()) for m in _URL.finditer(text))
            if (linked >= len(text) / 2) != predicates["link_like"]:
                return False
        return compiled is None or compiled.search(text, timeout=timeout_ms / 1000) is not None

    def match(document: Document, where: Where) -> list[Found]:
        try:
            return [
                Found(index, document.starts[index], document.line_end(index))
                for index in _lines_of(where, document)
                if holds(document.lines[index])
            ]
        except TimeoutError as error:
            raise RegexTimeout(str(error)) from None

    return match


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)
