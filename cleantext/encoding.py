"""The encoding repair: mojibake and control characters, undone with ftfy where a cheap
search says a line can hold them.

ftfy's own test and fix cost far more than a search; most text, Russian and Japanese
included, never reaches them. The repairs come back as the smallest replacements
(`_diff`), one per re-decoded run, so a report shows exactly which characters changed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import cache
from typing import TYPE_CHECKING, Any

from cleantext.model import Change
from cleantext.repair_context import RepairContext

if TYPE_CHECKING:
    from ftfy import TextFixerConfig


def _repair(start: int, end: int, replacement: str) -> Change:
    return Change(start, end, replacement, "repair.encoding", "encoding", "repair")


# Every sequence ftfy's `is_bad` flags (BADNESS_RE in ftfy.badness) holds a C1 control,
# one of Â Ã Œ œ, one of Î Ð Ø Ù before a no-break space, or two adjacent non-ASCII,
# non-space characters of which at least one is not a letter of an ordinary non-Latin
# alphabet (Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, CJK); Ђ Ґ ґ and the Greek tonos
# do occur in ftfy's patterns, so they count. Besides mojibake, ftfy removes control
# characters, lone surrogates and terminal escapes (which start with a control, ESC).
# One search finds all of these, so ftfy's expensive test runs on few lines: Russian and
# Japanese text, and French text with its no-break spaces, pass it untouched.
# tests/test_typography.py checks on random text that it never hides what ftfy would fix.
_PLAIN_SCRIPT = (
    "\u0370-\u0383\u0386-\u03ff\u0400\u0401\u0403-\u048f\u0492-\u04ff"
    "\u0590-\u06ff\u0900-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
)
# Python's \s outside ASCII, except NEL (U+0085), which is a C1 control.
_WIDE_SPACE = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
_NON_ASCII_LETTER = "[^\\x00-\\x7f\\s]"  # any non-ASCII, non-space character
# The search starts from one character class, a control or an unusual character, which
# Python's engine scans for at hundreds of MB/s; the lookarounds then look at its
# neighbours. (An alternation of classes would try every branch at every position.)
_MAY_NEED_FTFY = re.compile(
    f"[^\\t\\n\\r\\x20-\\x7e{_WIDE_SPACE}{_PLAIN_SCRIPT}]"
    f"(?:(?<={_NON_ASCII_LETTER}.)|(?={_NON_ASCII_LETTER})"
    f"|(?<=[{_CONTROL}\u00c2\u00c3\u0152\u0153])|(?<=[\u00ce\u00d0\u00d8\u00d9])(?=\u00a0))"
)
# Text, other than the line breaks and tabs, that has no unprintable character at all has
# no control character: str.isprintable answers that at C speed.
_LAYOUT_AS_SPACE = str.maketrans("\n\t\r", "   ")
# What ftfy removes besides mojibake, on a line the search above let through.
_CONTROLS = re.compile(f"[{_CONTROL}]")


def may_need_ftfy(text: str) -> bool:
    """Whether ``text`` can hold mojibake or control characters: false for most text.

    >>> may_need_ftfy("Caf\u00e9, \u0447\u0430\u0439"), may_need_ftfy("don\u00e2\u20ac\u2122t")
    (False, True)
    """
    if text.isascii():  # no mojibake; str.translate is fast only on ASCII text
        return not text.translate(_LAYOUT_AS_SPACE).isprintable()
    return _MAY_NEED_FTFY.search(text) is not None


def fix_encoding(text: str, context: RepairContext) -> list[Change]:
    """Undo mojibake and drop control characters with ftfy, only on lines that need it.

    ftfy runs with every restyling fix turned off (see `_ftfy_config`): it may repair
    "donâ€™t" but must not straighten the author's curly quotes.

    >>> context = RepairContext(None, "", protect=False)
    >>> [c.replacement for c in fix_encoding("Caf\\u00c3\\u00a9 “ok”", context)]
    ['é']
    """
    changes: list[Change] = []
    start = 0
    for line in text.split("\n"):
        if may_need_ftfy(line):  # ftfy's own first test (`is_bad`) costs far more
            fixed = ftfy_line(line)
            if fixed != line and "\n" not in fixed:
                changes.extend(_diff(line, fixed, start))
        start += len(line) + 1
    return changes


def ftfy_line(line: str) -> str:
    """``ftfy.fix_text(line, _ftfy_config())``, at half the cost on plain mojibake.

    fix_text runs all its steps a second time to see that the result is stable; on a line
    without control characters, every step but the encoding fix has nothing to do, and
    that fix loops until stable by itself. Should its result hold a control character
    (for the steps after it), the whole of fix_text runs.
    """
    import ftfy

    if not _CONTROLS.search(line):
        fixed = fix_mojibake(line)
        if not _CONTROLS.search(fixed):
            return fixed
    return str(ftfy.fix_text(line, _ftfy_config()))


def fix_mojibake(line: str) -> str:
    """``ftfy.fix_encoding(line)``, without its last and most expensive test.

    ftfy undoes one layer of mojibake at a time until a step changes nothing, and that
    last step runs ftfy's badness test over the whole repaired line: on clean text the
    test cannot stop early, and it costs three times the repair. Text `may_need_ftfy`
    clears is never bad (tests/test_typography.py checks), so the loop stops there.
    """
    found = _ftfy_step()
    if found is None:  # an ftfy without its one-step function: its own loop
        import ftfy

        return str(ftfy.fix_encoding(line))
    step, config = found
    while may_need_ftfy(line):
        fixed = str(step(line, config).text)
        if fixed == line:
            break
        line = fixed
    return line


@cache
def _ftfy_step() -> tuple[Callable[[str, TextFixerConfig], Any], TextFixerConfig] | None:
    """ftfy's one-step repair and the configuration ``ftfy.fix_encoding`` runs it with,
    looked up once (every damaged line needs them); None if this ftfy lacks it."""
    import ftfy

    step = getattr(ftfy, "_fix_encoding_one_step_and_explain", None)
    return None if step is None else (step, ftfy.TextFixerConfig())


def _ftfy_config() -> TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,  # "&amp;" in text about HTML is the author's
        fix_latin_ligatures=False,  # restyling, not repair
        fix_character_width=False,  # full-width forms are correct in CJK text
        uncurl_quotes=False,  # curly quotes are the author's typography
        fix_line_breaks=False,  # line endings are our own fixer; lines must not move
        normalization=None,  # NFC would rewrite characters that are not damaged
        explain=False,
    )


def _diff(old: str, new: str, offset: int) -> list[Change]:
    """The smallest replacements that turn ``old`` into ``new``, as encoding repairs.

    Mojibake never touches ASCII, so when both lines have the same ASCII characters in
    the same order, the repairs are the non-ASCII stretches between them: found in one
    pass. Otherwise (ftfy also dropped a control character or a space) a general diff.

    >>> [(c.start, c.end, c.replacement) for c in _diff("donâ€™t", "don’t", 0)]
    [(3, 6, '’')]
    """
    if _ascii_skeleton(old) == _ascii_skeleton(new):
        return _diff_between_ascii(old, new, offset)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        _repair(offset + i1, offset + i2, new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


_NON_ASCII_RUNS = re.compile(r"[^\x00-\x7f]+")
_AROUND_NON_ASCII = re.compile(r"([^\x00-\x7f]+)")  # split: ASCII, run, ASCII, ...


def _ascii_skeleton(text: str) -> bytes:
    """The text's ASCII characters, in order (the codec drops the others at C speed)."""
    return text.encode("ascii", "ignore")


def _diff_between_ascii(old: str, new: str, offset: int) -> list[Change]:
    """Pair the non-ASCII runs of both lines by how many ASCII characters precede them.

    Mostly each run of mojibake became one run of repaired text: then splitting both
    lines at their runs gives the same ASCII pieces, and the runs pair up in order.
    """
    old_pieces, new_pieces = _AROUND_NON_ASCII.split(old), _AROUND_NON_ASCII.split(new)
    if len(old_pieces) != len(new_pieces) or old_pieces[::2] != new_pieces[::2]:
        return _pair_by_position(old, new, offset)
    changes = []
    position = offset
    for index in range(1, len(old_pieces), 2):
        position += len(old_pieces[index - 1])
        run, repaired = old_pieces[index], new_pieces[index]
        if run != repaired:
            changes.append(_repair(position, position + len(run), repaired))
        position += len(run)
    return changes


def _pair_by_position(old: str, new: str, offset: int) -> list[Change]:
    """`_diff_between_ascii` where a run appeared or vanished: where only one line has a
    run, the other's is empty, at the same ASCII position."""
    old_runs, new_runs = _runs_by_ascii_position(old), _runs_by_ascii_position(new)
    changes = []
    old_next = new_next = 0  # the next run of each line
    old_shift = new_shift = 0  # the non-ASCII characters of each line before `position`
    while old_next < len(old_runs) or new_next < len(new_runs):
        old_at = old_runs[old_next][0] if old_next < len(old_runs) else sys.maxsize
        new_at = new_runs[new_next][0] if new_next < len(new_runs) else sys.maxsize
        position = min(old_at, new_at)
        old_start = old_end = position + old_shift
        if old_at == position:
            _, old_start, old_end = old_runs[old_next]
            old_next += 1
        new_start = new_end = position + new_shift
        if new_at == position:
            _, new_start, new_end = new_runs[new_next]
            new_next += 1
        old_shift += old_end - old_start
        new_shift += new_end - new_start
        replacement = new[new_start:new_end]
        if old[old_start:old_end] != replacement:
            changes.append(_repair(offset + old_start, offset + old_end, replacement))
    return changes


def _runs_by_ascii_position(text: str) -> list[tuple[int, int, int]]:
    """Each run of non-ASCII characters: how many ASCII characters precede it, its span."""
    runs = []
    non_ascii = 0
    for match in _NON_ASCII_RUNS.finditer(text):
        start, end = match.span()
        runs.append((start - non_ascii, start, end))
        non_ascii += end - start
    return runs
