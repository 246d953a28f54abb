"""Apply changes to text, and carry them across stages back to the original coordinates.

Each stage (a repair fixer, a removal pass) sees the output of the one before and reports
`Change`s against that text. `compose` folds a stage's changes into the changes made so far,
so that the final list is always relative to the original input: applying it to the
original gives the cleaned text, and it can be read backwards to restore the original.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter

from cleantext.model import Change, Edit


def apply_edits(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Replace each ``(start, end, replacement)`` span; spans are sorted and disjoint.

    >>> apply_edits("Hello  world", [(5, 7, " ")])
    'Hello world'
    """
    pieces: list[str] = []
    position = 0
    for start, end, replacement in spans:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    return apply_edits(text, ((c.start, c.end, c.replacement) for c in changes))


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether two spans share text, or an empty span sits strictly inside the other.

    Spans that only touch do not overlap: a deletion right before a removal stays a
    separate edit, which keeps repairs and removals apart in the report.
    """
    if a0 == a1 and b0 == b1:
        return a0 == b0
    if a0 == a1:
        return b0 < a0 < b1
    if b0 == b1:
        return a0 < b0 < a1
    return max(a0, b0) < min(a1, b1)


def compose(first: Sequence[Change], second: Sequence[Change], middle: str) -> list[Change]:
    """Fold ``second`` (changes to ``middle``, the text ``first`` produced) into ``first``.

    Where a later change overlaps earlier ones, they merge into one change attributed to
    the later change: a removal swallows the repairs inside the lines it removes.

    >>> repair = [Change(1, 2, " ", "repair.nbsp", "typography", "repair")]
    >>> removal = [Change(0, 4, "", "x.line", "other", "remove")]
    >>> [(c.start, c.end, c.rule) for c in compose(repair, removal, "a b\\nad\\n")]
    [(0, 4, 'x.line')]
    """
    if not first or not second:
        return list(first or second)
    landed: list[tuple[int, int]] = []  # where each earlier change sits in ``middle``
    deltas: list[int] = []
    offset = 0
    for change in first:
        start = change.start + offset
        landed.append((start, start + len(change.replacement)))
        deltas.append(len(change.replacement) - (change.end - change.start))
        offset += deltas[-1]
    landed_ends = [end for _, end in landed]
    prefix = [0]
    for delta in deltas:
        prefix.append(prefix[-1] + delta)

    absorbed: set[int] = set()
    merged: list[Change] = []
    for later, earlier in _cluster(second, landed):
        if not earlier and len(later) == 1:  # most changes: only moved by earlier ones
            start, end, replacement, rule, category, action = second[later[0]]
            shift = prefix[bisect_right(landed_ends, start)]
            merged.append(Change(start - shift, end - shift, replacement, rule, category, action))
            continue
        absorbed.update(earlier)
        lo = min([second[i].start for i in later] + [landed[j][0] for j in earlier])
        hi = max([second[i].end for i in later] + [landed[j][1] for j in earlier])
        shift = prefix[bisect_right(landed_ends, lo)]
        inner = sum(deltas[j] for j in earlier)
        lead = second[later[0]]
        merged.append(
            Change(
                lo - shift,
                hi - shift - inner,
                _window_after(middle, [second[i] for i in later], lo, hi),
                lead.rule,
                lead.category,
                lead.action,
            )
        )
    merged.extend(change for j, change in enumerate(first) if j not in absorbed)
    merged.sort(key=lambda c: (c.start, c.end))
    return merged


def _cluster(
    second: Sequence[Change], landed: list[tuple[int, int]]
) -> list[tuple[list[int], list[int]]]:
    """Group later changes with the earlier changes they overlap, transitively."""
    landed_starts = [start for start, _ in landed]
    groups: list[tuple[list[int], list[int]]] = []
    for index, change in enumerate(second):
        touching = []
        for j in range(max(bisect_left(landed_starts, change.start) - 1, 0), len(landed)):
            start, end = landed[j]
            if start > change.end:
                break
            if _overlaps(change.start, change.end, start, end):
                touching.append(j)
        previous = groups[-1][1] if groups else []
        if touching and previous and previous[-1] >= touching[0]:
            groups[-1][0].append(index)
            previous.extend(j for j in touching if j not in previous)
        else:
            groups.append(([index], touching))
    return groups


def _window_after(middle: str, changes: list[Change], lo: int, hi: int) -> str:
    """The text of ``middle[lo:hi]`` once ``changes`` (all inside it) are applied."""
    pieces: list[str] = []
    position = lo
    for change in changes:
        pieces.append(middle[position : change.start])
        pieces.append(change.replacement)
        position = change.end
    pieces.append(middle[position:hi])
    return "".join(pieces)


def to_edits(original: str, changes: Sequence[Change]) -> tuple[Edit, ...]:
    """Attach line numbers and original text to changes made against ``original``.

    Lines are counted from one change to the next (the changes come sorted), so a report
    costs a pass over the text, not a search per change. A repaired page can have
    hundreds of changes, most of them inside one line: those take the short way.
    """
    edits = []
    count = original.count
    line, counted_to = 1, 0  # ``line`` is the line of position ``counted_to``
    for start, end, replacement, rule, category, action in sorted(changes, key=_start):
        text = original[start:end]
        if text == replacement:
            continue
        if "\n" in text:
            first_at, last_at = _visible_span(text, start, end)
            line += count("\n", counted_to, first_at)
            counted_to = first_at
            last = line + count("\n", first_at, max(first_at, last_at - 1))
        else:
            line += count("\n", counted_to, start)
            counted_to = start
            last = line
        edits.append(Edit(rule, category, action, start, end, (line, last), text, replacement))
    return tuple(edits)


_start = itemgetter(0)


def _visible_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``text``'s visible part (leading and trailing blank lines aside), which
    the edit's line numbers name; a change of white space only keeps its own span."""
    stripped = text.strip()
    if not stripped or stripped == text:
        return start, end
    start += text.index(stripped[0])
    return start, start + len(stripped)
