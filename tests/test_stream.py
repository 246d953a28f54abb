"""Large documents cleaned in pieces give the same text as cleaned whole."""

from __future__ import annotations

import io

import pytest

from cleantext import Cleaner, InputError
from cleantext.stream import clean_pieces, decode_blocks, explain_pieces, split_pieces

from .conftest import SEED

SEED_TEXT = (SEED / "input.txt").read_text(encoding="utf-8")
CLEANER = Cleaner()


def pieces_of(text: str, limit: int, lookahead: int = 50) -> list[str]:
    return [
        piece.text
        for piece in split_pieces(
            [text[i : i + 7] for i in range(0, len(text), 7)], limit, lookahead
        )
    ]


def test_pieces_cut_at_paragraph_breaks_and_lose_nothing() -> None:
    pieces = pieces_of(SEED_TEXT * 3, limit=500)
    assert "".join(pieces) == SEED_TEXT * 3
    assert all(len(piece) <= 500 for piece in pieces)
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def test_cleaning_in_pieces_equals_cleaning_whole() -> None:
    document = "\n\n".join([SEED_TEXT.split("\n\n(C)")[0]] * 6 + [SEED_TEXT])
    whole = CLEANER.clean(document)
    written: list[str] = []
    blocks = [document[i : i + 300] for i in range(0, len(document), 300)]
    clean_pieces(CLEANER, split_pieces(blocks, limit=1500, lookahead=600), written.append)
    assert len(written) > 3
    assert "".join(written) == whole
    report = explain_pieces(CLEANER, split_pieces(blocks, limit=1500, lookahead=600), "big")
    assert report.cleaned == whole
    assert report.apply(document) == whole
    assert [e.lines for e in report.removals] == [
        e.lines for e in CLEANER.explain(document).removals
    ]


def test_a_widget_near_a_cut_is_bounded_by_the_whole_document() -> None:
    """A tail rule must not fire at the end of a piece when the document goes on."""
    document = SEED_TEXT + "\n\n" + "More article text follows here. " * 300
    written: list[str] = []
    blocks = [document[i : i + 100] for i in range(0, len(document), 100)]
    clean_pieces(
        CLEANER, split_pieces(blocks, limit=len(SEED_TEXT) + 2, lookahead=200), written.append
    )
    assert "".join(written) == CLEANER.clean(document)


def test_decoding_errors_name_the_absolute_byte_offset() -> None:
    data = ("é" * 10).encode() * 200_000 + b"\xff" + b"tail"
    with pytest.raises(InputError, match=f"byte offset {len(data) - 5}"):
        list(decode_blocks(io.BytesIO(data), "utf-8", "<stdin>"))
