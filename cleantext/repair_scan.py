"""The repair stage's cues, answered by one Hyperscan scan.

Before a fixer runs, the repair stage asks whether its cue is in the text: can it hold
mojibake or control characters (`may_need_ftfy`), can a spacing fixer find anything in
it (`may_need_spacing`, then each spacing fixer's own cue), does it hold a carriage
return or a zero-width character? In Python these are a regex search or a few substring
searches each, 5 to 15 us on a 3 KB document; most documents answer no to all. Where
Hyperscan is installed, one scan answers all of them in less time than one of those
searches. The answers are the same (tests/test_typography.py checks that on random
text); without Hyperscan, or for text it cannot take (lone surrogates do not encode),
the functions answer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import cache
from typing import Any

from cleantext.scanners import hyperscan_database
from cleantext.typography import FIXERS, LINE_SPACES, may_need_spacing

# `may_need_ftfy` in Hyperscan's syntax, which has no lookarounds: an unusual character
# next to any non-ASCII non-space one, Î Ð Ø Ù before a no-break space, or a control
# character or one of Â Ã Œ œ. Classes as in `cleantext.typography`.
_PLAIN_SCRIPT = (
    r"\x{370}-\x{383}\x{386}-\x{3ff}\x{400}\x{401}\x{403}-\x{48f}\x{492}-\x{4ff}"
    r"\x{590}-\x{6ff}\x{900}-\x{e7f}\x{3040}-\x{30ff}\x{3400}-\x{9fff}\x{ac00}-\x{d7af}"
)
_SPACE = (
    r"\t\n\x0b\x0c\r\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
_UNUSUAL = rf"[^\x00-\x7f{_SPACE}{_PLAIN_SCRIPT}]"
_NON_ASCII_LETTER = rf"[^\x00-\x7f{_SPACE}]"
_ENCODING = (
    rf"{_UNUSUAL}{_NON_ASCII_LETTER}|{_NON_ASCII_LETTER}{_UNUSUAL}"
    r"|[\x{ce}\x{d0}\x{d8}\x{d9}]\x{a0}"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x{80}-\x{9f}\x{c2}\x{c3}\x{152}\x{153}]"
)
# The cues as Hyperscan expressions, in the order of the database's: `may_need_spacing`,
# then each fixer's own cue. White space at the very end of the text is checked apart.
_FIXER_CUES = {
    "line-endings": r"\r",
    "encoding": _ENCODING,
    "zero-width": r"[\x{200b}\x{2060}\x{feff}]",
    "space-before-punctuation": r"[\x20\x{a0}\x{202f}][,.;:!?)]",
    "space-after-parenthesis": r"\([\x20\x{a0}\x{202f}]",
    "space-between-words": r"\x20\x20|[\x{a0}\x{202f}]",
    "trailing-whitespace": r"[\x20\t\x{a0}\x{202f}\x{3000}]\n",
}
_CUES: dict[Callable[[str], bool], str] = {
    may_need_spacing: r" [,.;:!?) \n]|\( |\t|[\x{a0}\x{202f}\x{3000}]",
    **{fixer.cue: _FIXER_CUES[fixer.name] for fixer in FIXERS},
}
_TRAILING_SPACE_CUE = next(fixer.cue for fixer in FIXERS if fixer.name == "trailing-whitespace")

Answers = dict[Callable[[str], bool], bool]
_NOTHING_FOUND: Answers = dict.fromkeys(_CUES, False)


def repair_cues(text: str) -> Answers:
    """The answers of the `_CUES` for ``text``, or none."""
    scan = _scanner()
    if scan is None:
        return {}
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: let the regexes answer
        return {}
    found = scan(data)
    at_the_end = text.endswith(LINE_SPACES)  # white space the expressions leave out
    if not found and not at_the_end:  # most documents
        return dict(_NOTHING_FOUND)
    answers: Answers = {cue: number in found for number, cue in enumerate(_CUES)}
    if at_the_end:
        answers[may_need_spacing] = answers[_TRAILING_SPACE_CUE] = True
    return answers


@cache
def _scanner() -> Callable[[bytes], set[int]] | None:
    """One scan for all the `_CUES`, compiled on first use (and cached on disk)."""
    try:
        import hyperscan
    except ImportError:
        return None
    expressions = [pattern.encode() for pattern in _CUES.values()]
    flags = [hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH] * len(expressions)
    database, scratch = hyperscan_database(expressions, flags)

    def scan(data: bytes) -> set[int]:
        found: set[int] = set()

        def on_match(ident: int, start: int, end: int, flags: int, context: Any) -> bool:
            found.add(ident)
            return len(found) == len(expressions)  # every question answered: stop

        with contextlib.suppress(hyperscan.ScanTerminated):  # stopped early
            database.scan(data, match_event_handler=on_match, scratch=scratch())
        return found

    return scan
