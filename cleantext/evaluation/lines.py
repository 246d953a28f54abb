"""Which lines of a document a cleaned version dropped, seeing through the repairs.

A repair changes a line without removing it (a no-break space, mojibake, a space before a
comma), so "absent from the cleaned text" cannot mean "not found verbatim". The lines
are aligned in order (difflib on white-space-normalised lines); where a run of lines was
replaced by another, a line with a partner in that run at least `SIMILAR_ENOUGH` alike,
as it is or once ftfy has repaired it, is a repaired line, not a removed one.
"""

from __future__ import annotations

import difflib

import ftfy

# "Ã©tÃ© chaud" repaired to "été chaud" is about 0.7 alike; a line cut down to a third by a
# match-scope removal is about 0.5 and counts as changed, not removed. 0.6 sits between.
SIMILAR_ENOUGH = 0.6


def removed_lines(original: str, kept: str) -> frozenset[int]:
    """The 0-based numbers of the non-blank lines of ``original`` that ``kept`` dropped.

    >>> removed_lines("Title\\nShare this\\nBody\\u00a0text .\\n", "Title\\nBody text.\\n")
    frozenset({1})
    >>> removed_lines("a\\n\\nb", "a\\n\\nb")
    frozenset()
    """
    before = original.splitlines()
    after = kept.splitlines()
    matcher = difflib.SequenceMatcher(
        None, [_key(line) for line in before], [_key(line) for line in after], autojunk=False
    )
    removed: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            removed.update(range(i1, i2))
        elif tag == "replace":
            removed.update(i1 + i for i in _unpaired(before[i1:i2], after[j1:j2]))
    return frozenset(i for i in removed if before[i].strip())


def _unpaired(old: list[str], new: list[str]) -> list[int]:
    """Indices of ``old`` lines with no similar line in ``new``, pairing in order."""
    unpaired: list[int] = []
    start = 0  # pairs do not cross: a line pairs only after the previous pair
    for index, line in enumerate(old):
        partner = next(
            (j for j in range(start, len(new)) if _similar(line, new[j])),
            None,
        )
        if partner is None:
            unpaired.append(index)
        else:
            start = partner + 1
    return unpaired


def _similar(old: str, new: str) -> bool:
    # Mojibake of a non-Latin script ("РџСЂРµ" for "Пре") shares no character with its
    # repair, so a line is also compared as ftfy repairs it.
    return _alike(old, new) or _alike(ftfy.fix_text(old), new)


def _alike(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, _key(a), _key(b), autojunk=False)
    return matcher.quick_ratio() >= SIMILAR_ENOUGH and matcher.ratio() >= SIMILAR_ENOUGH


def _key(line: str) -> str:
    return " ".join(line.split())
