"""Named heuristics for rules of ``kind = "python"``: line tests too structural for a phrase
or a regex. Each is a pure function of the document and the rule's ``params`` that returns
``(line, start, end)`` triples; `HEURISTICS` maps the name a rule file uses to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

from cleantext.document import Document
from cleantext.page import page_edges, page_menu_run, page_repeated_line, page_symbol_line

Heuristic = Callable[[Document, dict[str, Any]], Iterator[tuple[int, int, int]]]

_NETWORKS = frozenset(
    " ".join(
        [
            "facebook twitter x linkedin pinterest whatsapp telegram reddit tumblr pocket",
            "email e-mail mail print drucken imprimer imprimir печать vk vkontakte вконтакте",
            "ok одноклассники xing flipboard mastodon threads bluesky instagram youtube tiktok",
            "messenger viber line skype sms copy link копировать share teilen partager",
            "compartir поделиться tweet tweeten pin pinnen",
        ]
    ).split(" ")
)
_TOKEN = regex.compile(r"[\w-]+(?:\.\w+)?")
_SEPARATORS = regex.compile(r"^[\s|•·/,;:\-–—*+()\[\]0-9]*$")


def share_button_row(document: Document, params: dict[str, Any]) -> Iterator[tuple[int, int, int]]:
    """A line made only of social network and share-button names: "Facebook Twitter Email".

    Why structural: every name is also an ordinary word ("Print", "Email", "Line"), so no
    phrase can tell a row of buttons from prose; a line holding nothing but such names,
    at least ``min_names`` of them, is a button row in any language.

    >>> doc = Document("Share: Facebook | Twitter | WhatsApp | Email\\nWe emailed Twitter.")
    >>> [line for line, _, _ in share_button_row(doc, {})]
    [0]
    """
    min_names = int(params.get("min_names", 3))
    for index, line in enumerate(document.lines):
        tokens = _TOKEN.findall(line.casefold())
        if len(tokens) < min_names or len(line) > 200:
            continue
        if all(token in _NETWORKS for token in tokens):
            leftover = _TOKEN.sub("", line.casefold())
            if _SEPARATORS.match(leftover):
                yield index, document.starts[index], document.line_end(index)


HEURISTICS: dict[str, Heuristic] = {
    "share-button-row": share_button_row,
    # Page-level heuristics for naive full-page text (`cleantext.page`).
    "page-edges": page_edges,
    "page-menu-run": page_menu_run,
    "page-repeated-line": page_repeated_line,
    "page-symbol-line": page_symbol_line,
}
