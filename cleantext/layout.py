"""Where the article is on a whole page: the layout that the `page` heuristics share.

A crude scraper keeps every visible line of a page, so the article sits somewhere between
menus, teasers and footers. Line-by-line rules fail on such text in both directions: a
rule strict enough to remove a menu label also removes an article's heading or list
item. The page heuristics therefore look at blocks. Each line gets a weight, positive for
prose (`cleantext.lineshapes.is_prose`) and negative for everything else, and the runs of
lines with the highest total weight (the maximal scoring segments, Ruzzo and Tompa's
linear algorithm) are the article's main body. Rules are conservative inside it and
aggressive outside it.

Zones, in document order: ``head`` (before the body), ``lead`` (the title or deck right
above the body), ``body`` (the chosen segments), ``gap`` (between two of them), ``tail``
(after the body). A document without a single sentence has no body: every line is
``body``, so no heuristic takes a page it cannot read.

>>> layout = page_layout(Document("Home\\nNews\\nRain all weekend\\n" + "It will rain. " * 9
...                               + "\\nContact\\nImprint"))
>>> layout.zones
('head', 'head', 'lead', 'body', 'tail', 'tail')
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Literal

from cleantext.document import Document
from cleantext.lineshapes import (
    LONG_CHARS,
    ends_sentence,
    is_credit,
    is_prose,
    is_sentence,
    plain_text,
    structure_lines,
    visual_length,
    word_count,
)

Zone = Literal["head", "lead", "body", "gap", "tail"]

# What a line that is not prose costs the segment around it. A menu of five labels
# (-600) cuts a 400-character teaser blurb off the article, while a heading between two
# paragraphs of more than 120 characters (-120) keeps them in one segment. Cheaper
# penalties (60, 90) let the chrome next to an article join it: on the development set
# they keep 10 to 20 more snippets of article text and 50 to 150 more of chrome.
SHORT_PENALTY = 120
# Segments weaker than this share of the strongest one are not the article: a one-line
# newsletter pitch (+120) beside a 3,000-character article stays outside it, while a
# second half of the article after an embedded teaser box (+1,000) joins it.
BODY_SHARE = 0.3
# Nor is any segment weaker than this: one sentence of a cookie notice or a footer blurb.
MIN_BODY_SCORE = 100
# A weaker segment separated from the body by at most this many lines that are not
# prose joins it: the last paragraph of an article after a single heading or caption.
ATTACH_LINES = 1
# The title and deck right above the body: this many lines at most. A news page
# renders "Rubric / Title / Deck / Byline / Date" above the first paragraph.
LEAD_LINES = 2
# Between title and first paragraph a news page prints up to four lines of metadata:
# "By Jana Reuter / 22.05.2024, 17:45 / Caption. Photo: Jana Reuter / 4 min read".
LEAD_SKIP = 4
# An announced list (`_announced`) has at most this many items: an ingredient list has
# ten or fifteen, while a sentence ending in a colon above a 40-line menu announces none.
LIST_LINES = 15
# A line at least this long that runs on into a lower-case line is hard-wrapped prose:
# menu labels are shorter ("über uns" / "kontakt" stay two labels).
WRAPPED_CHARS = 30


@dataclass(frozen=True, slots=True)
class Layout:
    """Per line: its words (`plain_text`), whether it is prose, whether it is the
    article's own markup (`cleantext.lineshapes.is_structure`), and its zone."""

    texts: tuple[str, ...]
    prose: tuple[bool, ...]
    structure: tuple[bool, ...]
    zones: tuple[Zone, ...]

    def inside(self, index: int) -> bool:
        """In the article: the body, the gaps between its parts, or its title."""
        return self.zones[index] in ("body", "gap", "lead")


_LAYOUTS: weakref.WeakKeyDictionary[Document, Layout] = weakref.WeakKeyDictionary()


def page_layout(document: Document) -> Layout:
    """The layout of a document, computed once however many page rules ask for it."""
    layout = _LAYOUTS.get(document)
    if layout is None:
        layout = _LAYOUTS[document] = compute_layout(document)
    return layout


def compute_layout(document: Document) -> Layout:
    """The layout, computed afresh (`page_layout` caches it per document)."""
    texts = tuple(plain_text(line) for line in document.lines)
    prose = tuple(_prose_lines(texts))
    structure = tuple(structure_lines(document.lines))
    listed = _announced(texts, prose)
    weights = [
        _weight(text, is_prose_line, is_structure_line or is_listed)
        for text, is_prose_line, is_structure_line, is_listed in zip(
            texts, prose, structure, listed, strict=True
        )
    ]
    return Layout(texts, prose, structure, _zones(texts, main_body(weights)))


def _announced(texts: tuple[str, ...], prose: tuple[bool, ...]) -> list[bool]:
    """The lines of a list that a sentence announces ("The winning team were:" / four
    names): up to `LIST_LINES` lines that are not prose after a sentence of at least
    four words that ends with a colon. They weigh nothing, like a table, so that the
    paragraph after the list stays part of the article."""
    listed = [False] * len(texts)
    budget = 0
    for index, text in enumerate(texts):
        if not text:
            continue
        if prose[index]:
            budget = LIST_LINES if text.endswith(":") and word_count(text) >= 4 else 0
        elif budget:
            listed[index] = True
            budget -= 1
    return listed


def line_weight(text: str) -> float:
    """A line's contribution to the body: its length for a sentence, half of it for a
    long unpunctuated line (sidebar teaser blurbs are often long), a fixed cost for
    anything else, nothing for a blank line."""
    if not text:
        return 0.0
    if is_sentence(text):
        return float(visual_length(text))
    if visual_length(text) >= LONG_CHARS:
        return visual_length(text) / 2
    return -float(SHORT_PENALTY)


def _weight(text: str, prose: bool, structure: bool) -> float:
    """`line_weight`, with two exceptions: a line of a hard-wrapped paragraph counts its
    length, and a table row, list item or code line costs nothing, as it belongs to
    whatever surrounds it (an article's table must not split the article in two)."""
    if prose and not is_prose(text):
        return float(visual_length(text))
    if structure and not prose:
        return 0.0
    return line_weight(text)


def _prose_lines(texts: tuple[str, ...]) -> list[bool]:
    """`is_prose` per line, a hard-wrapped paragraph or a stanza judged as a whole
    (see `_continues`): "Decorators in Python enable you to modify the / behaviour of
    existing functions."; "Children under four are not counted as / paying guests."."""
    prose = [is_prose(text) for text in texts]
    first = 0
    while first < len(texts):
        last = first
        while last + 1 < len(texts) and _continues(texts[last], texts[last + 1]):
            last += 1
        if last > first and is_prose(" ".join(texts[first : last + 1])):
            prose[first : last + 1] = [True] * (last + 1 - first)
        first = last + 1
    return prose


def _continues(text: str, following: str) -> bool:
    """Whether a line runs on into the next: it stops mid-sentence, after a comma
    ("late for the train," / "I say yes to everything.") or before a lower-case word."""
    if not following or ends_sentence(text):
        return False
    if text.endswith(","):
        return True
    return len(text) >= WRAPPED_CHARS and following[:1].isalpha() and following[:1].islower()


def maximal_segments(weights: list[float]) -> list[tuple[int, int, float]]:
    """All maximal scoring segments as ``(first, last, score)``, in order (Ruzzo and
    Tompa, 1999): the runs of lines whose total weight no extension can raise.

    >>> maximal_segments([5, -1, 3, -20, 4, -2, -2, 1])
    [(0, 2, 7.0), (4, 4, 4.0), (7, 7, 1.0)]
    """
    # Each open segment: [first, last, cumulative before it, cumulative at its end].
    found: list[list[float]] = []
    total = 0.0
    for index, weight in enumerate(weights):
        if weight <= 0:
            total += weight
            continue
        segment = [index, index, total, total + weight]
        total += weight
        while True:
            j = len(found) - 1
            while j >= 0 and found[j][2] >= segment[2]:
                j -= 1
            if j < 0 or found[j][3] >= segment[3]:
                found.append(segment)
                break
            segment = [found[j][0], index, found[j][2], segment[3]]
            del found[j:]
    return [(int(s[0]), int(s[1]), s[3] - s[2]) for s in found]


def main_body(weights: list[float]) -> list[tuple[int, int]]:
    """The segments that make up the article: the strongest one, every other one at
    least `BODY_SHARE` as strong (and at least `MIN_BODY_SCORE`), and the segments that
    `ATTACH_LINES` lines or fewer separate from those."""
    segments = maximal_segments(weights)
    if not segments:
        return []
    best = max(score for _, _, score in segments)
    floor = max(MIN_BODY_SCORE, BODY_SHARE * best)
    chosen = [score >= floor or score == best for _, _, score in segments]
    for order in (range(1, len(segments)), range(len(segments) - 2, -1, -1)):
        for k in order:
            near = k - 1 if order.step == 1 else k + 1
            if chosen[near] and not chosen[k]:
                chosen[k] = _lines_between(weights, segments[near], segments[k]) <= ATTACH_LINES
    return [(first, last) for (first, last, _), keep in zip(segments, chosen, strict=True) if keep]


def _lines_between(
    weights: list[float], one: tuple[int, int, float], other: tuple[int, int, float]
) -> int:
    """Lines that are not prose (negative weight) between two segments."""
    low, high = sorted((one, other))
    return sum(1 for weight in weights[low[1] + 1 : high[0]] if weight < 0)


def _zones(texts: tuple[str, ...], body: list[tuple[int, int]]) -> tuple[Zone, ...]:
    if not body:
        return tuple("body" for _ in texts)
    start, end = body[0][0], body[-1][1]
    zones: list[Zone] = [
        "head" if index < start else "tail" if index > end else "gap" for index in range(len(texts))
    ]
    for first, last in body:
        zones[first : last + 1] = ["body"] * (last - first + 1)
    for index in _lead(texts, start):
        zones[index] = "lead"
    return tuple(zones)


def _lead(texts: tuple[str, ...], start: int) -> list[int]:
    """The lines right above the body that read as its title or deck: up to
    `LEAD_LINES` lines of three words or more ("Rain expected all weekend"), found over
    at most `LEAD_SKIP` bylines, dates, captions and names between them and the body
    (`is_credit`, or fewer than three words: "Irene Castaño"), which are not part of
    the lead. One more such line ends the search: that is a menu, not a byline."""
    lead: list[int] = []
    skipped = 0
    index = start - 1
    while index >= 0 and len(lead) < LEAD_LINES:
        text = texts[index]
        if text:
            if is_credit(text) or word_count(text) < 3:
                skipped += 1
                if skipped > LEAD_SKIP:
                    break
            else:
                lead.append(index)
        index -= 1
    return lead
