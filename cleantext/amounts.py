"""Ingredient and parts lists: the runs of amounts a page heuristic must never take.

A recipe card or a parts list sits outside a page's main prose and reads like a menu
(short lines without sentences), so the page heuristics would strip it as page chrome.
Its lines state amounts ("250 g flour", "1 TL Zimt", "125 g" over "Mehl"); these
functions find runs of them that read as a list of things to measure, and not as the
figures a page lists too (counters, "2 hours ago", a numbered "Most read" list).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import regex

from cleantext.lineshapes import word_count

# An amount and what it measures, the line of an ingredient list or a parts list: figures,
# a fraction or a range, then words ("250 g flour", "1/2 tsp salt", "2-3 Eier", "½ cup
# milk"). Dates, clock times, percentages and temperatures are figures but no amounts.
_AMOUNT = regex.compile(
    r"^(?:\d{1,4}(?:[.,/]\d{1,3})?|[½¼¾⅓⅔⅛])(?:\s?[½¼¾⅓⅔⅛])?"
    r"(?:\s?[-–]\s?\d{1,4}(?:[.,/]\d{1,3})?)?(?:\s?(\p{L}.*))?$"
)
_NOT_AMOUNT = regex.compile(r"\b(?:1[89]|20)\d\d\b|\d{1,2}:\d\d|[%°]")
_LEADING_NUMBER = regex.compile(r"^(\d{1,4})(?![.,/]\d)")
# An amount with a unit or a lower-case word after it ("300 g", "1 TL", "120g rice", "2
# lemons", "1/2 teaspoon"), as ingredient lists write most of their lines; a counter or
# a teaser ("133 Comments", "5min.at - Graz") has neither.
_UNIT = regex.compile(
    r"^[\d½¼¾⅓⅔⅛.,/–-]+(?:\s?[\d½¼¾⅓⅔⅛.,/–-]+)*(?:\s\p{Ll}|\s?\p{L}{1,3}\.?(?:\s|$))"
)
# An ingredient or a sub-heading set on a line of its own has a few words at most
# ("Butter oder Margarine", "Für die Füllung:").
NAME_WORDS = 6


def amount_lists(texts: tuple[str, ...], min_amounts: int) -> Iterator[list[int]]:
    """Runs of at least ``min_amounts`` lines that state an amount (`_measured`), each
    maybe followed by one short line ("For the filling:", the ingredient of an amount
    set in a cell of its own), that read as a list of things to measure
    (`_is_amount_list`): most amounts have a unit or a lower-case word after the figure
    ("133 Comments" has neither), they measure different things in two words or more
    ("2 hours ago" under every teaser, "273 Posts / 236 Tags" do not), and the figures
    do not count up (a "Most read" top ten numbers its entries 1, 2, 3)."""
    for run in _amount_runs(texts):
        if _is_amount_list([texts[index] for index in run], min_amounts):
            yield run


def _amount_runs(texts: tuple[str, ...]) -> Iterator[list[int]]:
    """Maximal runs of amount lines, each with the single short line that may follow
    it; blank lines do not break a run, and a long line ends it (the headline under
    "86 comments")."""
    run: list[int] = []
    after = False
    for index, text in enumerate(texts):
        if not text:
            continue
        if _measured(text) is not None:
            run.append(index)
            after = False
        elif run and not after and word_count(text) <= NAME_WORDS:
            run.append(index)
            after = True
        else:
            if run:
                yield run
            run, after = [], False
    if run:
        yield run


def _measured(text: str) -> str | None:
    """What an amount measures ("g flour" in "250 g flour"; nothing for a bare "2"
    whose eggs stand on the next line), or None for other lines.

    >>> _measured("1/2 tsp salt"), _measured("2"), _measured("12.03.2024"), _measured("Home")
    ('tsp salt', '', None, None)
    """
    found = _AMOUNT.match(text)
    if found is None or _NOT_AMOUNT.search(text) or word_count(text) > 10:
        return None
    return str(found.group(1) or "").casefold()


def _is_amount_list(texts: list[str], min_amounts: int) -> bool:
    """Whether a run of amounts (`_amount_runs`) reads as a list of things to measure.

    >>> _is_amount_list(["250 g flour", "2 eggs", "1 tsp salt", "100 ml milk"], 4)
    True
    >>> _is_amount_list(["3 hours ago", "Rain again", "5 hours ago", "Bus strike",
    ...                  "7 hours ago", "New mayor", "9 hours ago"], 4)
    False
    """
    things = [_thing(texts, k) for k, text in enumerate(texts) if _measured(text) is not None]
    if len(things) < min_amounts or len(set(things)) < 0.8 * len(things):
        return False
    if sum(1 for thing in things if len(thing.split()) >= 2) * 2 < len(things):
        return False
    if sum(1 for text in texts if _UNIT.match(text)) * 2 < len(things):
        return False
    numbers = [int(found.group(1)) for found in map(_LEADING_NUMBER.match, texts) if found]
    steps = sum(1 for a, b in pairwise(numbers) if b == a + 1)
    return len(numbers) < 2 or steps * 2 < len(numbers) - 1


def _thing(texts: list[str], k: int) -> str:
    """What the amount on line ``k`` measures: the words after its figure, or, when
    those are a unit at most ("125 g", "2"), the line after it too if that holds no
    amount ("125 g / Mehl", as a page sets the two in separate cells)."""
    measured = _measured(texts[k]) or ""
    following = texts[k + 1] if k + 1 < len(texts) else ""
    if len(measured.split()) <= 1 and following and _measured(following) is None:
        return f"{measured} {following.casefold()}".strip()
    return measured
