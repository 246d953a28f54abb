"""The text a crude scraper makes of a whole page: every visible line, chrome included.

This is the "naive full-page text" input of the evaluation: menus, headers, sidebars,
cookie banners and footers stay, one block element per line, as `get_text()`-style
scrapers leave them. Only what a browser never shows as text is dropped (scripts, styles,
``<noscript>`` fallbacks, templates, the ``<head>``). No CSS is read: a crude scraper does
not know that a menu is hidden, so neither does this one.

>>> render_naive_text(b"<html><head><title>T</title></head><body><nav><a>Home</a> "
...                   b"<a>News</a></nav><p>Hello <b>big</b> world.<br>Bye</p>"
...                   b"<script>var x;</script><footer>(c) 2024</footer></body></html>")
'Home News\\nHello big world.\\nBye\\n(c) 2024'
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import Any

from cleantext.html import INSTALL_HINT, MissingExtraError

# Never shown as text by a browser.
_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object"})

# Elements that start a new line (HTML's block and table elements, plus form controls
# that render on their own, such as the options of a menu).
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "pre",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)

# HTML's inter-element white space is ASCII only; a no-break space is text and stays.
_SPACES = re.compile(r"[ \t\n\r\f]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Browsers with scripting on read <noscript> as raw text; libxml2 parses its markup, so an
# unclosed <div> inside it swallows the whole page ("<noscript><div id=x></noscript>").
_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.I | re.S)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_page(data: bytes) -> str:
    """Decode a page as a browser would, roughly: BOM, then UTF-8, then the declared charset.

    Valid UTF-8 wins over a declaration because pages that declare ``iso-8859-1`` and
    serve UTF-8 are common, while Latin-1 text is almost never valid UTF-8 by chance.

    >>> decode_page("Café".encode("cp1252"))
    'Café'
    >>> decode_page(b'<meta charset="koi8-r">' + "Мир".encode("koi8-r"))[-3:]
    'Мир'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:8192])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def render_naive_text(html: str | bytes) -> str:
    """Every visible text line of the page; block elements break lines, inline ones do not."""
    root = _parse(html)
    if root is None:
        return ""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(buffer)).strip()
        buffer.clear()
        if line:
            lines.append(line)

    etree = _import_lxml()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _DROPPED:
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                flush()
            if tag == "pre":
                _add_preformatted(element, lines, flush)
                walker.skip_subtree()
            elif element.text:
                buffer.append(element.text)
        else:
            if tag in _BLOCKS:
                flush()
            if element.tail:
                buffer.append(element.tail)
    flush()
    return "\n".join(lines)


def _add_preformatted(element: Any, lines: list[str], flush: Callable[[], None]) -> None:
    """A ``<pre>`` keeps its own line breaks: code and poetry are laid out by hand."""
    flush()
    for line in "".join(element.itertext()).splitlines():
        if line.strip():
            lines.append(line.rstrip())


def _parse(html: str | bytes) -> Any:
    etree = _import_lxml()
    text = decode_page(html) if isinstance(html, bytes) else html
    # lxml refuses str input that declares its own encoding.
    text = _NOSCRIPT.sub(" ", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True)
    return etree.fromstring(text, parser)


def _import_lxml() -> Any:
    try:
        from lxml import etree
    except ImportError:
        raise MissingExtraError(
            f"the naive page renderer needs lxml, which comes with the html extra: {INSTALL_HINT}"
        ) from None
    return etree
