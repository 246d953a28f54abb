"""Page-level heuristics for naive full-page text: what lies around the article.

Each heuristic is a pure function of the document and its rule's ``params`` that yields
``(line, start, end)``, in line order, for every line it removes, so each removed line is
explained by its own rule. All of them read the shared `cleantext.layout.page_layout`
and follow one policy: aggressive outside the article's main body, conservative inside
it, where the headings, list items and short paragraphs of the article live; between
two parts of the body only a block that holds page chrome goes, and no edge takes an
ingredient list (`page_edges`). None of them removes the article's own markup (tables,
list items, code: see `cleantext.lineshapes.is_structure`).

They are registered in `cleantext.heuristics.HEURISTICS` as ``page-edges``,
``page-menu-run``, ``page-repeated-line`` and ``page-symbol-line``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from cleantext.amounts import NAME_WORDS, amount_lists
from cleantext.document import Document
from cleantext.layout import LEAD_SKIP, Layout, compute_layout, page_layout
from cleantext.lineshapes import is_credit, is_nav_label, word_count

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
# A labelled value ("Baking time: 25 minutes", "Eintritt: 3 €"): a short label that
# starts with a letter, a colon, and a value that is no URL path.
_LABELLED_VALUE = regex.compile(r"^\p{L}[^:]{1,39}:\s*[^\s/]")


def _hit(document: Document, index: int) -> tuple[int, int, int]:
    return index, document.starts[index], document.line_end(index)


# -- page-edges ---------------------------------------------------------------------------


def page_edges(document: Document, params: dict[str, Any]) -> Hits:
    """Everything above the article that is not prose, everything below it, and the
    sidebars and widgets that a scraper put between two of its parts.

    The head of a page is its header, menus and breadcrumbs; its tail is the related
    teasers, sidebars, footer and cookie notice. Only prose survives in the head (a
    page's intro text, kept out of caution); in the tail a stray sentence is a teaser
    blurb or a footer's "About us", so ``tail_prose`` (default true) removes it too.
    An edge goes only when it holds at least ``min_lines`` (default 3) lines that are
    not prose: a title and a byline above an extracted article, or its sign-off ("Best
    wishes / The board") below it, are no page header or footer. The article's title
    right above its first paragraph is never an edge (see `cleantext.layout`).

    Between two parts of the article (``between``, default true), a gap that holds a
    menu or a line the page repeats outside the article is a sidebar or widget block
    (see `_inner_edges`).

    An ingredient or parts list is never an edge, wherever the layout puts it (a recipe
    card below the blog post, the ingredients above the method): a run of at least
    ``min_amounts`` (default 4) amounts, see `_amount_lists`.
    """
    layout = page_layout(document)
    tail_prose = bool(params.get("tail_prose", True))
    min_lines = int(params.get("min_lines", 3))
    amounts = _amount_lists(layout, int(params.get("min_amounts", 4)))
    # A piece of a larger document (`cleantext.stream`) has the page's head only if
    # nothing stands before it, and its tail only if nothing follows it.
    head = _edge_lines(layout, "head", False, amounts) if not document.before else []
    tail = _edge_lines(layout, "tail", tail_prose, amounts) if not document.after else []
    head = head if _not_prose(layout, head) >= min_lines else []
    tail = tail if _not_prose(layout, tail) >= min_lines else []
    between: list[int] = []
    if params.get("between", True):
        between = _inner_edges(document, layout, {*head, *tail}, amounts)
    for index in sorted({*head, *between, *tail}):
        yield _hit(document, index)


def _not_prose(layout: Layout, lines: list[int]) -> int:
    return sum(1 for index in lines if not layout.prose[index])


def _edge_lines(layout: Layout, zone: str, prose: bool, keep: set[int]) -> list[int]:
    """The lines of an edge that may go: text that is not the article's own markup or
    one of the ``keep`` lines, and prose only if asked."""
    return [
        index
        for index, where in enumerate(layout.zones)
        if where == zone
        and layout.texts[index]
        and not layout.structure[index]
        and index not in keep
        and (prose or not layout.prose[index])
    ]


def _inner_edges(
    document: Document, layout: Layout, removed: set[int], keep: set[int]
) -> list[int]:
    """The lines that are not prose of each gap between two parts of the article that
    holds page chrome: a menu (`page_menu_run`) or a line the page repeats outside the
    article (`page_repeated_line`). A crude scraper renders a sidebar, a comment form
    or a "Most read" box that sits between the article's paragraphs there; the headings
    and short lines of the article itself rarely share a gap with a menu.

    What looks like the article's own data stays (`_is_data`): a labelled value
    ("Baking time: 25 minutes"), a quantity ("250 g flour", "2"), a line that runs on in
    lower case ("a pinch of salt"); so do the ``keep`` lines (an ingredient list), prose
    and the title of the part below the gap.

    The engine cleans until nothing changes, laying the page out anew each time, and
    the gaps weigh in that layout: with the chrome between its paragraphs gone, a
    comment section can read as one dense run of prose that outweighs the article (the
    next pass would take the article for the page's head), or the article can absorb
    the first comment and push the others out. So the gaps go only if every sentence of
    the article's body stays inside it once they are gone, along with the ``removed``
    edges and the menus and repeated lines (`_article_lines`); otherwise they all stay.
    """
    chrome = {index for index, _, _ in page_menu_run(document, {})}
    chrome.update(index for index, _, _ in page_repeated_line(document, {}))
    lines: list[int] = []
    for first, last in _gaps(layout):
        if any(index in chrome for index in range(first, last + 1)):
            title = _title_above(layout, last + 1)
            lines.extend(
                index
                for index in range(first, last + 1)
                if index != title
                and layout.texts[index]
                and not layout.structure[index]
                and not layout.prose[index]
                and index not in keep
                and not _is_data(layout.texts[index])
            )
    if not lines:
        return []
    inside = _article_lines(document, removed | chrome)
    after = _article_lines(document, removed | chrome | set(lines))
    if any(index not in after for index in inside if _body_sentence(layout, index)):
        return []
    return lines


def _body_sentence(layout: Layout, index: int) -> bool:
    return layout.zones[index] == "body" and layout.prose[index]


def _article_lines(document: Document, removed: set[int]) -> set[int]:
    """The lines inside the article (`Layout.inside`) once the ``removed`` lines are
    gone, as the next pass will lay the page out; by their index in ``document``."""
    kept = [index for index in range(len(document.lines)) if index not in removed]
    layout = compute_layout(Document("\n".join(document.lines[index] for index in kept)))
    return {index for new, index in enumerate(kept) if layout.inside(new)}


def _title_above(layout: Layout, start: int) -> int:
    """Where the title of the article's part that begins at ``start`` begins: the last
    line of three words or more above it, found over at most `LEAD_SKIP` bylines,
    dates and short lines, as `cleantext.layout` finds the article's lead ("Why our
    bread looks different every week / By Jan de Wit, 26 January 2024"); ``start`` if
    there is none."""
    skipped = 0
    for index in range(start - 1, -1, -1):
        text = layout.texts[index]
        if not text:
            continue
        if is_credit(text) or word_count(text) < 3:
            skipped += 1
            if skipped > LEAD_SKIP:
                break
        else:
            return index
    return start


def _gaps(layout: Layout) -> Iterator[tuple[int, int]]:
    """The first and last line of each run of ``gap`` lines."""
    first: int | None = None
    for index, zone in enumerate(layout.zones):
        in_gap = zone == "gap"
        if in_gap and first is None:
            first = index
        elif not in_gap and first is not None:
            yield first, index - 1
            first = None
    # The article ends with a part of its body, so the last gap is closed too.


def _is_data(text: str) -> bool:
    """A line shaped like an article's data rather than a link: a labelled value, a
    quantity, or a line that starts in lower case.

    >>> _is_data("Baking time: 25 minutes"), _is_data("250 g flour"), _is_data("Most read")
    (True, True, False)
    """
    if _LABELLED_VALUE.match(text) or text[:1].isdigit() or text[:1].islower():
        return True
    words = _WORD.findall(text)
    return len(words) >= 8 and sum(1 for word in words if word[0].islower()) * 2 >= len(words)


def _amount_lists(layout: Layout, min_amounts: int) -> set[int]:
    """The lines of ingredient and parts lists (`cleantext.amounts.amount_lists`), with
    the short line above each, its heading ("Ingredients"), and the title above that
    (`_title_above`), as the recipe's title stands above it."""
    lines: set[int] = set()
    for run in amount_lists(layout.texts, min_amounts):
        lines.update(run)
        first = run[0]
        heading = _previous_line(layout.texts, first)
        if heading is not None and word_count(layout.texts[heading]) <= NAME_WORDS:
            lines.add(heading)
            first = heading
        title = _title_above(layout, first)
        if title < first:
            lines.add(title)
    return lines


def _previous_line(texts: tuple[str, ...], index: int) -> int | None:
    """The last line with text above ``index``, if any."""
    return next((i for i in range(index - 1, -1, -1) if texts[i]), None)


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
