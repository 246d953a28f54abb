"""Named heuristics for rules of ``kind = "python"``: line tests too structural for a phrase
or a regex. Each is a pure function of the document and the rule's ``params`` that returns
``(line, start, end)`` triples; `HEURISTICS` maps the name a rule file uses to it.

A heuristic that can only fire where certain words stand names them in `TRIGGERS`, so that
the prefilter (`cleantext.prefilter`) skips documents without them, as it does for phrase
and regex rules; the others run on every document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cleantext.document import Document
from cleantext.page import page_edges, page_menu_run, page_repeated_line, page_symbol_line
from cleantext.teasers import read_more_labels, teaser_excerpts

Heuristic = Callable[[Document, dict[str, Any]], Iterator[tuple[int, int, int]]]

HEURISTICS: dict[str, Heuristic] = {
    # Page-level heuristics for naive full-page text (`cleantext.page`).
    "page-edges": page_edges,
    "page-menu-run": page_menu_run,
    "page-repeated-line": page_repeated_line,
    "page-symbol-line": page_symbol_line,
    # Teaser cards below an article (`cleantext.teasers`).
    "teaser-excerpt": teaser_excerpts,
}


TRIGGERS: dict[str, Callable[[dict[str, Any]], frozenset[str]]] = {
    "teaser-excerpt": read_more_labels,
}


def heuristic_triggers(name: str, params: dict[str, Any]) -> frozenset[str] | None:
    """Literals one of which every hit's document holds, or None when it always runs."""
    triggers = TRIGGERS.get(name)
    return triggers(params) if triggers is not None else None
