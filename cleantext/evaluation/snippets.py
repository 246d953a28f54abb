"""Snippet sets: HTML pages with text a cleaner must keep and text it must remove.

The format is that of the development set (``expectations.json`` and
``pages/NNNN.html.gz``), taken from trafilatura's evaluation: a list of
``{"page", "id", "with": [...], "without": [...]}`` objects, ``page`` being the path of a
gzipped HTML page relative to the set's folder.

Scoring follows trafilatura's own (``count_item`` in its ``tests/eval_common.py``): a
snippet "is in" an output when, after both have every run of white space replaced by one
space and been stripped, the snippet is a substring of the output. Nothing else is
normalised: case, punctuation and the characters themselves must match, so a repair that
changes a snippet's characters costs a match like a removal does. A ``with`` snippet found
is a true positive (missing: a false negative); a ``without`` snippet found is a false
positive (missing: a true negative).
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleantext.errors import InputError
from cleantext.evaluation.scores import Confusion

EXPECTATIONS = "expectations.json"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SnippetPage:
    """One page of a snippet set and its expectations."""

    page: str
    id: str
    keep: tuple[str, ...]
    remove: tuple[str, ...]

    def read_html(self, root: Path) -> bytes:
        """The page's raw HTML bytes (gunzipped when the file name ends in .gz)."""
        path = root / self.page
        try:
            data = path.read_bytes()
            return gzip.decompress(data) if path.suffix == ".gz" else data
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error.strerror}") from None
        except (gzip.BadGzipFile, EOFError, zlib.error):
            raise InputError(f"{path}: not a valid gzip file") from None


@dataclass(frozen=True, slots=True)
class PageScore:
    """How one output did on one page: counts, and the snippets it got wrong."""

    counts: Confusion
    missed: tuple[str, ...]
    surviving: tuple[str, ...]


def normalize(text: str) -> str:
    """White space as trafilatura's evaluation sees it: runs become one space, ends trimmed.

    >>> normalize("  Leave a\\u00a0Reply\\n\\n Cancel ")
    'Leave a Reply Cancel'
    """
    return _SPACES.sub(" ", text).strip()


def contains(output: str, snippet: str) -> bool:
    """Whether ``snippet`` is in ``output`` (``output`` already normalised)."""
    return normalize(snippet) in output


def score_text(page: SnippetPage, output: str) -> PageScore:
    """Score one output against one page's expectations.

    >>> page = SnippetPage("p.html", "p", ("Prices rose.",), ("Share on Facebook",))
    >>> score_text(page, "Prices  rose.\\nShare on Facebook").counts
    Confusion(tp=1, fp=1, fn=0, tn=0)
    """
    text = normalize(output)
    missed = tuple(s for s in page.keep if not contains(text, s))
    surviving = tuple(s for s in page.remove if contains(text, s))
    counts = Confusion(
        tp=len(page.keep) - len(missed),
        fp=len(surviving),
        fn=len(missed),
        tn=len(page.remove) - len(surviving),
    )
    return PageScore(counts, missed, surviving)


def load_snippet_set(root: Path) -> tuple[SnippetPage, ...]:
    """Read and check ``root/expectations.json``; every problem is a one-line `InputError`."""
    if not root.is_dir():
        raise InputError(f"{root}: no such directory; pass the folder of a snippet set")
    path = root / EXPECTATIONS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{root}: no {EXPECTATIONS}; is this a snippet set?") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: invalid JSON: {error}") from None
    if not isinstance(data, list) or not data:
        raise InputError(f"{path}: expected a non-empty list of pages")
    pages = tuple(_page(entry, index, path) for index, entry in enumerate(data))
    for page in pages:
        if not (root / page.page).is_file():
            raise InputError(f"{path}: page {page.page!r} ({page.id}): no such file")
    return pages


def _page(entry: Any, index: int, path: Path) -> SnippetPage:
    where = f"{path}: entry {index}"
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected an object with page, with and without")
    page = entry.get("page")
    if not isinstance(page, str) or not page:
        raise InputError(f"{where}: 'page' must be the path of an HTML file")
    lists = {}
    for key in ("with", "without"):
        value = entry.get(key)
        if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
            raise InputError(f"{where} ({page}): {key!r} must be a list of non-empty strings")
        lists[key] = tuple(value)
    return SnippetPage(page, str(entry.get("id", page)), lists["with"], lists["without"])
