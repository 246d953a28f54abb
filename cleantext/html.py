"""HTML input: trafilatura finds the article, then the rule stages clean what it kept.

trafilatura is the optional ``html`` extra and is imported only when HTML is processed, so
``import cleantext`` stays fast and works without it. The options below were chosen by
measuring ``cleantext eval snippets --mode html`` on the development set (bench/accuracy.md
has the figures); each one says why it is set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cleantext.errors import CleantextError

INSTALL_HINT = "pip install 'cleantext-web[html]'"

EXTRACTION_OPTIONS: Mapping[str, Any] = MappingProxyType(
    {
        # Plain text, one paragraph (or list item, heading, table row) per line: the shape
        # the line rules are written for.
        "output_format": "txt",
        # Reader comments are not the article, and extracting them hands the rules a whole
        # widget to find again (dev set: 29 more boilerplate snippets kept with comments).
        "include_comments": False,
        # Data tables are content: dropping them lost 30 kept snippets of the dev set and
        # removed only 5 boilerplate ones.
        "include_tables": True,
        # Markdown markers (`**`, `*`) would sit inside sentences and the rules' phrases
        # (dev set recall 0.946 -> 0.921 with them).
        "include_formatting": False,
        "include_links": False,
        "include_images": False,
        # A metadata header (title, author, date) is not body text, and the title already
        # opens the extracted text when trafilatura finds it in the body.
        "with_metadata": False,
        # trafilatura's balanced mode. Precision mode drops article paragraphs that no rule
        # can bring back (dev set recall 0.946 -> 0.921), while the boilerplate that the
        # balanced mode lets through is what the rule packs are for. Recall mode scored
        # lower on both counts (precision 0.898, recall 0.943).
        "favor_precision": False,
        "favor_recall": False,
        # The fallback extractors (readability, jusText) rescue pages whose main block
        # trafilatura misses: fast=True lost 37 kept snippets of 2,951 on the dev set and
        # dropped only 6 more boilerplate ones.
        "fast": False,
        # trafilatura's deduplication keeps a cache shared by every later call in the
        # process, so a paragraph's fate would depend on which pages came before it; a
        # cleaner must give the same output for the same page (it also cost recall).
        "deduplicate": False,
    }
)


class MissingExtraError(CleantextError):
    """An optional dependency is missing; the message says which extra to install."""


@dataclass(frozen=True)
class Extraction:
    """The text trafilatura extracted from one page, and how it was extracted.

    ``found`` is false when trafilatura kept nothing (an empty or non-article page); the
    text is then empty rather than None, so the rule stages run on it as on any text.
    """

    text: str
    options: Mapping[str, Any]
    extractor: str
    html_length: int
    found: bool = True

    def describe(self) -> dict[str, Any]:
        """What a report records: the input kind and the extraction that produced its text."""
        return {
            "input": "html",
            "extraction": {
                "extractor": self.extractor,
                "options": dict(self.options),
                "html_length": self.html_length,
                "found": self.found,
            },
        }


def import_trafilatura() -> Any:
    """The trafilatura module, or a one-line error that says how to install it."""
    try:
        import trafilatura
    except ImportError as error:
        # A broken install (lxml without lxml_html_clean, say) raises ImportError from
        # deep inside trafilatura: name the cause, the fix is the same.
        raise MissingExtraError(
            f"HTML input needs trafilatura, which cannot be imported ({error}); "
            f"install the html extra: {INSTALL_HINT}"
        ) from None
    return trafilatura


def extract_text(html: str | bytes, options: Mapping[str, Any] | None = None) -> Extraction:
    """Run trafilatura on one page with `EXTRACTION_OPTIONS` (``options`` override them).

    Bytes are passed through undecoded so that trafilatura reads the page's own charset
    declaration.
    """
    trafilatura = import_trafilatura()
    used = {**EXTRACTION_OPTIONS, **(options or {})}
    text = trafilatura.extract(html, **used) if html.strip() else None
    return Extraction(
        text=text or "",
        options=MappingProxyType(used),
        extractor=f"trafilatura {trafilatura.__version__}",
        html_length=len(html),
        found=bool(text),
    )
