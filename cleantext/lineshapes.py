"""What one line of a page looks like: prose, a label, a credit, or the article's markup.

The page heuristics (`cleantext.layout`, `cleantext.page`) judge lines by their shape,
never by their words, so that they work in any language: a sentence ends with
punctuation and has a few words; a link label has a few capitalised words and no
punctuation; a byline carries a date or a "By"; a table row, a list item or code keeps
its markup in extracted text. Thresholds are in characters and words, with a Chinese or
Japanese character counted as half a word and two characters (`word_count`,
`visual_length`).
"""

from __future__ import annotations

import regex

# Markdown decoration that says nothing about the words of a line (see `plain_text`).
_LINK = regex.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MARKERS = regex.compile(r"^(?:\s*(?:[*+\-•·▪►]|\d{1,3}[.)]|#{1,6}|>)(?=\s))+\s*")
_EMPHASIS = regex.compile(r"\*\*|__|`")
_URL = regex.compile(r"https?://\S+|www\.\S+|\[[^\]\n]*\]\([^)\n]*\)")
_BULLET = regex.compile(r"^\s*(?:[*+\-•·▪►–—]|\d{1,3}[.)])\s+\S")
_HEADING = regex.compile(r"^\s*#{1,6}\s+\S")
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_FENCE = regex.compile(r"^\s*(?:```|~~~)")
# Indented by a tab or four spaces (code, a poem set by hand), or columns aligned by
# runs of spaces ("Adults      24 Euro    yearly").
_PREFORMATTED = regex.compile(r"^(?:\t| {4,})\S|\S {3,}\S.* {3,}\S")
# A sentence ends with one of these, maybe followed by closing quotes or brackets
# ("…sagte sie.“", "« Il pleut. »", "。」"); a line ending in a quote closes a quotation,
# but a bare "»" is the arrow of a link ("Read more »").
_TERMINAL = regex.compile(r"[.!?…;:。！？；：](?:\s?[\"'’”“»«)\]」』）])*$|[\"”“」』]$")
_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._-]*")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_WIDE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_FIGURE = regex.compile(r"\p{N}")
# Credits, bylines and datelines (`is_credit`).
_CREDIT_SIGN = regex.compile(r"[©|]|\((?:[^)\s]+\s?){1,2}\)$")
_LABELLED = regex.compile(r"^(?:\S+\s?){1,2}:\s")
_BYLINE = regex.compile(
    r"^(?:by|von|par|por|di|da|door|od|от|автор)\s+(?-i:\p{Lu})"
    r"|\b(?:foto|fotos|photo|photograph|bild|image|credit|crédit|crédito|quelle|source"
    r"|fuente|fonte|źródło|fot|фото|写真)\s?[.:/]",
    regex.IGNORECASE,
)
_DATE = regex.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"  # 12.03.2024, 2024-03-12, 27/05/2024
    r"|\b\d{1,2}\.?\s\p{L}{3,}\.?\s\d{4}\b"  # 3 June 2024, 12. März 2024
    r"|\b\p{L}{3,}\.?\s\d{1,2},\s\d{4}\b"  # March 4, 2024
)

# A sentence has at least this many words and characters: "Bake for 12 minutes." is
# one, "Read more." and "Home." are not (a German menu line "Jetzt spenden!" has two).
SENTENCE_WORDS = 3
SENTENCE_CHARS = 20
# An unpunctuated line this long is prose that lost its full stop (a paragraph ending
# in an emoji or a link), never a menu label; teaser headlines stay well below it.
LONG_CHARS = 150


def plain_text(line: str) -> str:
    """The words of a line: Markdown links, list and heading markers and emphasis
    removed, case kept (Title Case is evidence of a menu label).

    >>> plain_text("* [Contact us](https://example.org/contact) ")
    'Contact us'
    """
    text = _LINK.sub(r"\1", line)
    text = _MARKERS.sub("", text)
    return str(_EMPHASIS.sub("", text)).strip()


def word_count(text: str) -> int:
    """Words, with two Chinese or Japanese characters counted as one word.

    >>> word_count("Read more"), word_count("今日は雨が降ります")
    (2, 4)
    """
    wide = len(_WIDE.findall(text))
    return len(_WORDS.findall(_WIDE.sub(" ", text))) + wide // 2


def visual_length(text: str) -> int:
    """Characters, a Chinese or Japanese character counted twice: a 40-character Chinese
    sentence says as much as an 80-character English one."""
    return len(text) + len(_WIDE.findall(text))


def ends_sentence(text: str) -> bool:
    """Whether the line ends like a sentence (or a quotation, or a list intro).

    >>> ends_sentence("She said: „Wir kommen.“"), ends_sentence("Read more »")
    (True, False)
    """
    return bool(_TERMINAL.search(text))


def is_sentence(text: str) -> bool:
    """A punctuated line of a few words: the unit of article prose."""
    return (
        visual_length(text) >= SENTENCE_CHARS
        and ends_sentence(text)
        and word_count(text) >= SENTENCE_WORDS
    )


def is_prose(text: str) -> bool:
    """A sentence, or a line too long to be anything but prose."""
    return is_sentence(text) or visual_length(text) >= LONG_CHARS


def is_nav_label(text: str, max_words: int) -> bool:
    """A line that reads as a link label: at most ``max_words`` words, no sentence
    punctuation, and either a link or every word capitalised ("Contact", "About Us",
    "SERVICES"; "Über uns" fails on "uns").

    >>> is_nav_label("Privacy Policy", 4), is_nav_label("2 eggs, beaten", 4)
    (True, False)
    """
    if not text or ends_sentence(text) or word_count(text) > max_words:
        return False
    if _URL.search(text):
        return True
    words = _WORD.findall(text)
    return bool(words) and all(word[0].isupper() for word in words)


def is_list_item(line: str) -> bool:
    """A Markdown or extractor list item ("* ", "- ", "1. ", "• ")."""
    return bool(_BULLET.match(line))


def is_structure(line: str) -> bool:
    """The shape of an article's own content in text that kept its markup: a Markdown
    heading ("## Ingredients"), a table row ("| 250 g | flour |"), preformatted text
    (code, a table aligned with spaces), or a list item that is not a link ("- 250 g
    flour"; "* [Home](/)" is a menu entry). A crude scraper's plain lines have none.

    >>> is_structure("| 250 g | flour |"), is_structure("* [Home](https://example.org/)")
    (True, False)
    """
    if _TABLE_ROW.match(line) or _HEADING.match(line) or _PREFORMATTED.match(line):
        return True
    return is_list_item(line) and not _LINK.search(line) and "://" not in line


def structure_lines(lines: list[str]) -> list[bool]:
    """`is_structure` per line, and every line of a fenced code block ("```")."""
    structure: list[bool] = []
    fenced = False
    for line in lines:
        fence = bool(_FENCE.match(line))
        structure.append(fence or fenced or is_structure(line))
        fenced = fenced != fence
    return structure


def is_credit(text: str) -> bool:
    """A photo credit, byline or dateline: "Foto: dpa", "© Reuters", "(Foto: Archiv)",
    "Ana Ruiz | Agencia EFE", "By Jana Reuter", "Updated 12.03.2024", "6 min read". A
    title with a subtitle ("Lista Robinson: cómo dejar de recibir llamadas") is none.

    >>> is_credit("Foto: Kay Nietfeld"), is_credit("Lista Robinson: cómo dejar de recibir spam")
    (True, False)
    """
    if _CREDIT_SIGN.search(text) or _DATE.search(text) or _BYLINE.search(text):
        return True
    if _FIGURE.search(text) and word_count(text) <= 4:
        return True
    return bool(_LABELLED.match(text)) and word_count(text) <= 5
