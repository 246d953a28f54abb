"""The blurbs of teaser cards that a box of more articles leaves below an article.

A card is a title, a sentence or two of blurb, and a lone "Read more" link. The title and
the link are short lines other rules recognise; the blurb is a sentence like any in the
article, so only its place tells it apart: right above a lone read-more link, right below
a teaser title or the previous card's link, in the last part of the text. A paragraph of
the article followed by a "Read more" heading over a list of links has prose, not a title,
above it, or a list below the link, and is kept.

Registered in `cleantext.heuristics.HEURISTICS` as ``teaser-excerpt``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from cleantext.document import Document, normalize_line
from cleantext.lineshapes import ends_sentence, is_list_item, is_sentence, is_structure

Hits = Iterator[tuple[int, int, int]]


def teaser_excerpts(document: Document, params: dict[str, Any]) -> Hits:
    """Each teaser blurb and its read-more link in the last ``tail_chars`` (default 1,500)
    characters of the text.

    A blurb is a sentence line whose next line is a lone read-more link (one of the
    ``labels``) and whose previous line is the previous card's link or a teaser title: at
    most ``title_max_chars`` (default 110), not ending like a sentence, and not right
    below a sentence, where it would be a subheading of the article. It goes only where
    the cards are evidently a box: another card right above or below (each with or
    without its title), or a card that ends the text. A title goes with its blurb only
    between two cards, right below the previous card's link; the first card's title is
    left to the related rules.
    """
    labels = read_more_labels(params)
    tail_chars = int(params.get("tail_chars", 1500))
    title_max_chars = int(params.get("title_max_chars", 110))
    lines = _tail_lines(document, tail_chars)

    def text(position: int) -> str:
        return document.lines[lines[position]].strip() if 0 <= position < len(lines) else ""

    def is_link(position: int) -> bool:
        return 0 <= position < len(lines) and document.normalized(lines[position]) in labels

    def is_blurb(position: int) -> bool:
        line = text(position)
        return is_sentence(line) and not is_structure(line) and not is_link(position)

    def is_title(position: int) -> bool:
        line = text(position)
        return (
            0 < len(line) <= title_max_chars
            and not ends_sentence(line)
            and not is_list_item(line)
            and not is_link(position)
            and not is_sentence(text(position - 1))
        )

    for position in range(1, len(lines) - 1):
        link = lines[position + 1]
        if not (is_blurb(position) and is_link(position + 1)):
            continue
        if document.text_after(document.line_end(link)) > tail_chars:
            continue
        after_link = is_link(position - 1)
        if not (after_link or is_title(position - 1)):
            continue
        ends_text = position + 2 == len(lines) and not document.after
        card_above = after_link or is_link(position - 2)
        card_below = is_blurb(position + 2) and is_link(position + 3)
        titled_card_below = is_title(position + 2) and is_blurb(position + 3)
        card_below = card_below or (titled_card_below and is_link(position + 4))
        if ends_text or card_above or card_below:
            # A title between the previous card's link and this blurb is this card's.
            title = [lines[position - 1]] if not after_link and is_link(position - 2) else []
            for index in (*title, lines[position], link):
                yield index, document.starts[index], document.line_end(index)


def read_more_labels(params: dict[str, Any]) -> frozenset[str]:
    """The rule's read-more labels as lines compare (`normalize_line`); also the words the
    prefilter looks for, since a card needs one of them on a line of its own."""
    return _normalized(tuple(params["labels"]))


@cache
def _normalized(labels: tuple[str, ...]) -> frozenset[str]:
    """Normalised once per label list, not once per document."""
    return frozenset(normalize_line(label) for label in labels)


def _tail_lines(document: Document, tail_chars: int) -> list[int]:
    """Indexes of the text lines that can belong to a card whose link ends within the last
    ``tail_chars`` characters: those lines, and the three above them (a blurb, its title
    and the line that tells a title from a subheading)."""
    found: list[int] = []
    after = document.after
    above = 3
    for index in range(len(document) - 1, -1, -1):
        if document.is_blank(index):
            continue
        if after > tail_chars:
            if above == 0:
                break
            above -= 1
        found.append(index)
        after += len(document.lines[index])
    found.reverse()
    return found
