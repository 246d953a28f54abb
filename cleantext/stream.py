"""Clean a document too large to hold at once, piece by piece, in bounded memory.

A document longer than `MAX_PIECE_CHARS` is cut into pieces of at most that size at
paragraph breaks: after a blank line, failing that after a line break; inside a line longer
than the limit, before white space; a text without any is cut at the limit. Every piece
is cleaned knowing how many characters stand before and after it, so guards still measure
positions in the whole document and blank lines are tidied as if the rest were there.
Rules match within a line and widgets are a few lines long, so a cut at a paragraph break
changes nothing in practice; a widget that a cut splits is cleaned as two parts.

Input is decoded block by block; a decoding error names the absolute byte offset.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.model import Edit, Report, Skip

MAX_PIECE_CHARS = 1_000_000
# A piece is cut only once this much text after it is known (or the input has ended):
# far beyond any guard's distance, so "what follows" is never underestimated.
LOOKAHEAD_CHARS = 100_000
READ_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    before: int  # characters of the document before this piece
    after: int  # characters after it: exact for the last pieces, else a lower bound


def decode_blocks(stream: BinaryIO, encoding: str, label: str) -> Iterator[str]:
    """The stream's text, block by block, or an `InputError` naming the bad byte."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from None
    consumed = 0
    while True:
        data = stream.read(READ_BYTES)
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            pending = len(decoder.getstate()[0]) if hasattr(decoder, "getstate") else 0
            offset = consumed - pending + error.start
            raise InputError(
                f"{label}: invalid {encoding} at byte offset {offset}; "
                "pass the real encoding with --encoding (for example --encoding cp1252)"
            ) from None
        consumed += len(data)
        if text:
            yield text
        if not data:
            return


def split_pieces(
    blocks: Iterable[str], limit: int = MAX_PIECE_CHARS, lookahead: int = LOOKAHEAD_CHARS
) -> Iterator[Piece]:
    """Cut the text into pieces of at most ``limit`` characters at paragraph breaks."""
    buffer = ""
    before = 0
    for block in blocks:
        buffer += block
        while len(buffer) >= limit + lookahead:
            cut = _cut(buffer, limit)
            yield Piece(buffer[:cut], before, len(buffer) - cut)
            before += cut
            buffer = buffer[cut:]
    while len(buffer) > limit:
        cut = _cut(buffer, limit)
        yield Piece(buffer[:cut], before, len(buffer) - cut)
        before += cut
        buffer = buffer[cut:]
    if buffer or not before:
        yield Piece(buffer, before, 0)


def _cut(text: str, limit: int) -> int:
    """Where to end a piece: after the last paragraph break within ``limit``, else after
    the last line break; inside an over-long line, before a run of spaces (a piece must
    not end in spaces that the repairs would take for the end of a line)."""
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, 0, limit)
        if found > 0:
            return found + len(separator)
    found = text.rfind(" ", 0, limit)
    while found > 0 and text[found - 1] == " ":
        found -= 1
    return found if found > 0 else limit


def clean_pieces(cleaner: Cleaner, pieces: Iterable[Piece], write: Callable[[str], object]) -> None:
    """Clean each piece and hand its text to ``write`` at once: memory stays bounded."""
    for piece in pieces:
        write(cleaner.clean(piece.text, outside=(piece.before, piece.after)))


def explain_pieces(cleaner: Cleaner, pieces: Iterable[Piece], id: str) -> Report:
    """One report for the whole document: the pieces' edits moved to its coordinates.

    A report holds the whole original and cleaned text, so this path is as large in
    memory as the document; `clean_pieces` is the bounded one.
    """
    reports: list[tuple[Piece, Report]] = []
    for piece in pieces:
        reports.append(
            (piece, cleaner.explain(piece.text, id=id, outside=(piece.before, piece.after)))
        )
    if len(reports) == 1:
        return reports[0][1]
    edits: list[Edit] = []
    skips: list[Skip] = []
    lines_before = 0
    for piece, report in reports:
        for edit in report.edits:
            first, last = edit.lines
            edits.append(
                replace(
                    edit,
                    start=edit.start + piece.before,
                    end=edit.end + piece.before,
                    lines=(first + lines_before, last + lines_before),
                )
            )
        skips.extend(
            replace(skip, lines=(skip.lines[0] + lines_before, skip.lines[1] + lines_before))
            for skip in report.skips
        )
        lines_before += piece.text.count("\n")
    first_report = reports[0][1]
    return replace(
        first_report,
        original="".join(piece.text for piece, _ in reports),
        cleaned="".join(report.cleaned for _, report in reports),
        edits=tuple(edits),
        skips=tuple(skips),
    )
