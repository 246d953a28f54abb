"""Page-level heuristics for naive full-page text: what lies around the article.

Each heuristic is a pure function of the document and its rule's ``params`` that yields
``(line, start, end)``, in line order, for every line it removes, so each removed line is
explained by its own rule. All of them read the shared `cleantext.layout.page_layout`
and follow one policy: aggressive outside the article's main body, conservative inside
it, where the headings, list items and short paragraphs of the article live. None of
them removes the article's own markup (tables, list items, code: see
`cleantext.lineshapes.is_structure`).

They are registered in `cleantext.heuristics.HEURISTICS` as ``page-edges``,
``page-menu-run``, ``page-repeated-line`` and ``page-symbol-line``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from cleantext.document import Document
from cleantext.layout import Layout, page_layout
from cleantext.lineshapes import is_nav_label, word_count

Hits = Iterator[tuple[int, int, int]]

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_FIGURE = regex.compile(r"\p{N}")
# A line of numbers and signs only: counters, pagers, separators, scores ("12",
# "| | |", "»", "1 / 3", "4.5 ★", "© ", "+1").
_SYMBOLS_ONLY = regex.compile(r"^[\s\p{P}\p{S}\p{N}]+$")
# Inside the article only the separators and arrows of navigation go ("|", "»", "/ /"):
# an author's section break ("* * *", "---") stays, and so do brackets, braces and
# semicolons, which close a code block ("});"), and figures, which are a table's cells.
_SEPARATORS = regex.compile(r"^[\s|/\\»«›‹→←>•·▪►◄]+$")


def _hit(document: Document, index: int) -> tuple[int, int, int]:
    return index, document.starts[index], document.line_end(index)


# -- page-edges ---------------------------------------------------------------------------


def page_edges(document: Document, params: dict[str, Any]) -> Hits:
    """Everything above the article that is not prose, and everything below it.

    The head of a page is its header, menus and breadcrumbs; its tail is the related
    teasers, sidebars, footer and cookie notice. Only prose survives in the head (a
    page's intro text, kept out of caution); in the tail a stray sentence is a teaser
    blurb or a footer's "About us", so ``tail_prose`` (default true) removes it too.
    An edge goes only when it holds at least ``min_lines`` (default 3) lines that are
    not prose: a title and a byline above an extracted article, or its sign-off ("Best
    wishes / The board") below it, are no page header or footer. The article's title
    right above its first paragraph is never an edge (see `cleantext.layout`).
    """
    layout = page_layout(document)
    tail_prose = bool(params.get("tail_prose", True))
    min_lines = int(params.get("min_lines", 3))
    # A piece of a larger document (`cleantext.stream`) has the page's head only if
    # nothing stands before it, and its tail only if nothing follows it.
    head = _edge_lines(layout, "head", prose=False) if not document.before else []
    tail = _edge_lines(layout, "tail", prose=tail_prose) if not document.after else []
    for lines in (head, tail):
        if sum(1 for index in lines if not layout.prose[index]) >= min_lines:
            for index in lines:
                yield _hit(document, index)


def _edge_lines(layout: Layout, zone: str, prose: bool) -> list[int]:
    """The lines of an edge that may go: text that is not the article's own markup,
    and prose only if asked."""
    return [
        index
        for index, where in enumerate(layout.zones)
        if where == zone
        and layout.texts[index]
        and not layout.structure[index]
        and (prose or not layout.prose[index])
    ]


# -- page-menu-run ------------------------------------------------------------------------


def page_menu_run(document: Document, params: dict[str, Any]) -> Hits:
    """Runs of navigation labels: consecutive lines that each read as a link label
    (`cleantext.lineshapes.is_nav_label`: at most ``max_words``, default 4, words, no
    punctuation, every word capitalised or a link). Outside the article ``min_run``
    (default 3) such lines are a menu. Inside it a run needs ``min_run_inside`` (default
    4) lines and must not follow a line that introduces a list ("You will need:"):
    a short list of names or products in an article looks the same."""
    layout = page_layout(document)
    max_words = int(params.get("max_words", 4))
    outside = int(params.get("min_run", 3))
    inside = int(params.get("min_run_inside", 4))
    for run in _label_runs(layout, max_words):
        if _is_menu(run, layout, outside, inside):
            for index in run:
                yield _hit(document, index)


def _label_runs(layout: Layout, max_words: int) -> Iterator[list[int]]:
    """Maximal runs of label lines. Lone separators ("|", "•") between two labels
    belong to the run, as crude scrapers put them on lines of their own; blank lines
    do not break it."""
    run: list[int] = []
    separators: list[int] = []
    for index, text in enumerate(layout.texts):
        if not text:
            continue
        if is_nav_label(text, max_words) and not layout.structure[index]:
            run.extend(separators)
            run.append(index)
            separators = []
        elif run and _SEPARATORS.match(text):
            separators.append(index)
        else:
            if run:
                yield run
            run, separators = [], []
    if run:
        yield run


def _is_menu(run: list[int], layout: Layout, outside: int, inside: int) -> bool:
    labels = sum(1 for index in run if not _SEPARATORS.match(layout.texts[index]))
    if not any(layout.inside(index) for index in run):
        return labels >= outside
    if labels < inside:
        return False
    before = next((layout.texts[i] for i in range(run[0] - 1, -1, -1) if layout.texts[i]), "")
    return not before.endswith(":")


# -- page-repeated-line -------------------------------------------------------------------


def page_repeated_line(document: Document, params: dict[str, Any]) -> Hits:
    """A short line printed several times on the page: the menu in header and footer,
    "Read more" under each teaser, the category label on every card.

    Lines of at most ``max_words`` (default 12) words that are not prose and occur at
    least ``min_count`` (default 2) times, compared as rules compare lines (case,
    Markdown and decoration ignored). Every occurrence goes, provided one of them
    stands outside the article: a poem's refrain, a table's repeated "yes" or a
    recipe's repeated "1 egg" repeat only inside it and stay.
    """
    layout = page_layout(document)
    max_words = int(params.get("max_words", 12))
    min_count = int(params.get("min_count", 2))
    places: dict[str, list[int]] = {}
    for index, text in enumerate(layout.texts):
        if not text or layout.prose[index] or layout.structure[index]:
            continue
        if word_count(text) <= max_words:
            key = document.normalized(index)
            if key:
                places.setdefault(key, []).append(index)
    repeated = [
        index
        for lines in places.values()
        if len(lines) >= min_count and not all(layout.inside(index) for index in lines)
        for index in lines
    ]
    # In line order: the engine merges a rule's adjacent line hits as they come.
    for index in sorted(repeated):
        yield _hit(document, index)


# -- page-symbol-line ---------------------------------------------------------------------


def page_symbol_line(document: Document, params: dict[str, Any]) -> Hits:
    """Lines without words, of at most ``max_chars`` (default 40) characters:
    separators, arrows, counters and dates ("|", "»", "12", "© ", "0 Comments",
    "12.03.2024", "March 3, 2024").

    A counter is a number with one or two of the ``counters`` words ("0 Comments", "12
    Shares"); a date is figures with at most four ``date_words`` (month and day names,
    "Uhr", "de"). Inside the article only separators and counters go: a section break
    ("* * *"), code ("});"), dates and figures ("14,6 Mio.", "370 €"), which may be the
    cells of a table, stay.
    """
    layout = page_layout(document)
    counters = _word_set(params.get("counters", ()))
    dates = _word_set(params.get("date_words", ()))
    max_chars = int(params.get("max_chars", 40))
    for index, raw in enumerate(document.lines):
        line = raw.strip()
        if not line or len(line) > max_chars or layout.structure[index]:
            continue
        if layout.inside(index):
            if _SEPARATORS.match(line) or _is_counter(line, counters):
                yield _hit(document, index)
        elif _SYMBOLS_ONLY.match(line) or _is_counter(line, counters) or _is_date(line, dates):
            yield _hit(document, index)


def _word_set(words: Any) -> frozenset[str]:
    return frozenset(str(word).casefold() for word in words)


def _words(line: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(line)]


def _is_counter(line: str, counters: frozenset[str]) -> bool:
    """A number and one or two counter words: "0 Comments", "12 Shares", "3 Antworten".

    >>> _is_counter("12 Comments", frozenset({"comments"})), _is_counter("12 eggs", frozenset())
    (True, False)
    """
    words = _words(line)
    return bool(_FIGURE.search(line)) and 0 < len(words) <= 2 and set(words) <= counters


def _is_date(line: str, dates: frozenset[str]) -> bool:
    """Figures with at most four date words: "3 March 2024", "12. März 2024, 10:15 Uhr"."""
    words = _words(line)
    return bool(_FIGURE.search(line)) and len(words) <= 4 and set(words) <= dates
