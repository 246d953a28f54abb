"""The removal stage: run the rules, settle overlaps, and turn hits into changes.

Overlaps are settled the same way whatever the order of the rules: the hit that starts
first wins, then the longer one, then the smaller rule id. Losers and hits a guard refuses
are kept as skips, so a user can always find out why something was not removed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cleantext.document import Document
from cleantext.matchers import RegexTimeout, Where
from cleantext.model import Change, Skip
from cleantext.repair_context import fenced_spans
from cleantext.scopes import CompiledRule, Hit, expand, refusal


@dataclass(frozen=True, slots=True)
class RemovalResult:
    changes: list[Change]
    skips: list[Skip]


def remove_boilerplate(
    document: Document, rules: Sequence[tuple[CompiledRule, Where]]
) -> RemovalResult:
    """Run each rule where the prefilter says it may match, and settle the hits."""
    hits: list[Hit] = []
    skips: list[Skip] = []
    code = fenced_spans(document.text)
    for rule, where in rules:
        try:
            found = rule.matcher(document, where)
        except RegexTimeout:
            skips.append(Skip(rule.id, (1, len(document)), "regex timed out; rule skipped"))
            continue
        for hit in expand(rule, document, found):
            guard = refusal(hit, document, rule.spec.scope, rule.spec.guard)
            if _touches(hit, code):
                skips.append(_skip(hit, "it touches a fenced code block, which is the author's"))
            elif guard is not None:
                skips.append(_skip(hit, f"guard {guard}"))
            else:
                hits.append(hit)
    accepted = _settle_overlaps(hits, skips, document)
    return RemovalResult(_to_changes(document, accepted), skips)


def _touches(hit: Hit, code: list[tuple[int, int]]) -> bool:
    """Fenced code is the author's, even when it shows a widget (a tutorial's sample)."""
    return any(start < hit.end and hit.start < end for start, end in code)


def _skip(hit: Hit, reason: str) -> Skip:
    return Skip(hit.rule.id, (hit.first + 1, hit.last + 1), reason)


def _settle_overlaps(hits: list[Hit], skips: list[Skip], document: Document) -> list[Hit]:
    """Keep the hit that starts first (then the longer one); a later line hit keeps the
    lines no earlier hit took, since its rule says those lines are boilerplate too (a
    related-posts block that runs into a comment form must not save the form's tail)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.rule.id))
    accepted: list[Hit] = []
    for hit in hits:
        winners = [a for a in accepted if a.start < hit.end and hit.start < a.end]
        if not winners:
            accepted.append(hit)
            continue
        reason = f"overlaps {winners[0].rule.id}, which starts first or is longer"
        skips.append(_skip(hit, reason))
        if hit.whole_lines and all(w.whole_lines for w in winners):
            taken = {i for w in winners for i in range(w.first, w.last + 1)}
            accepted.extend(_remainders(hit, taken, document))
    return accepted


def _remainders(hit: Hit, taken: set[int], document: Document) -> list[Hit]:
    """The stretches of a line hit's lines that no other hit took and that hold text."""
    stretches: list[list[int]] = []
    for index in range(hit.first, hit.last + 1):
        if index in taken:
            stretches.append([])
        elif stretches and stretches[-1]:
            stretches[-1].append(index)
        else:
            stretches.append([index])
    return [
        replace(
            hit, first=s[0], last=s[-1], start=document.starts[s[0]], end=document.line_end(s[-1])
        )
        for s in stretches
        if any(not document.is_blank(i) for i in s)
    ]


def _to_changes(document: Document, hits: list[Hit]) -> list[Change]:
    owners: dict[int, CompiledRule] = {}
    changes: list[Change] = []
    for hit in hits:
        if hit.whole_lines:
            for index in range(hit.first, hit.last + 1):
                if not document.is_blank(index):
                    owners[index] = hit.rule
        else:
            changes.append(_span_change(document, hit))
    changes.extend(_line_changes(document, owners))
    changes.sort(key=lambda c: c.start)
    return changes


def _change(rule: CompiledRule, start: int, end: int) -> Change:
    return Change(start, end, "", rule.id, rule.spec.category, "remove")


def _span_change(document: Document, hit: Hit) -> Change:
    """Remove a span inside a line with one of the spaces around it, so no gap doubles."""
    text = document.text
    start, end = hit.start, hit.end
    line_start, line_end = document.starts[hit.first], document.line_end(hit.first)
    if start > line_start and text[start - 1] == " ":
        start -= 1
    elif end < line_end and text[end] == " ":
        end += 1
    return _change(hit.rule, start, end)


def _line_changes(document: Document, owners: dict[int, CompiledRule]) -> list[Change]:
    """Changes for removed lines, with the blank lines around them tidied.

    A run of removed lines takes the blank lines after it, so the paragraphs around it
    stay separated by the blank lines before it. A run at the end takes the blank lines
    before it instead, so the text ends right after the last kept line and keeps the
    input's final-newline convention.
    """
    if not owners:  # no whole line removed
        return []
    changes: list[Change] = []
    content = [i for i, line in enumerate(document.lines) if line and not line.isspace()]
    runs: list[list[int]] = []
    for position, index in enumerate(content):
        if index not in owners:
            continue
        previous = content[position - 1] if position else None
        if runs and previous is not None and previous == runs[-1][-1]:
            runs[-1].append(index)
        else:
            runs.append([index])
    text = document.text
    kept = [index for index in content if index not in owners]
    for run in runs:
        starts = _owner_starts(run, owners)
        after = _next_kept(kept, run[-1])
        before = _previous_kept(kept, run[0])
        if after is not None or document.after:
            # In the middle (or more text follows this piece): take the blank lines after.
            end = document.starts[after] if after is not None else len(text)
            cuts = [document.starts[i] for i in starts] + [end]
        elif before is not None:
            # At the end: take the blank lines before; keep the final-newline convention.
            cuts = [document.line_end(before)]
            cuts += [document.line_end(_line_before(content, i)) for i in starts[1:]]
            cuts.append(len(text) - (1 if text.endswith("\n") else 0))
        else:  # nothing is kept
            cuts = [0, *(document.starts[i] for i in starts[1:]), len(text)]
        for index, start, stop in zip(starts, cuts, cuts[1:], strict=False):
            changes.append(_change(owners[index], start, stop))
    return changes


def _owner_starts(run: list[int], owners: dict[int, CompiledRule]) -> list[int]:
    """The lines of a run where a new rule's stretch begins."""
    return [i for n, i in enumerate(run) if n == 0 or owners[i] is not owners[run[n - 1]]]


def _next_kept(kept: list[int], index: int) -> int | None:
    position = bisect_right(kept, index)
    return kept[position] if position < len(kept) else None


def _previous_kept(kept: list[int], index: int) -> int | None:
    position = bisect_left(kept, index)
    return kept[position - 1] if position else None


def _line_before(content: list[int], index: int) -> int:
    return content[bisect_left(content, index) - 1]
