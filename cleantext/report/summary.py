"""Per-rule totals for one document or a whole run: what the summary tables show.

``chars`` is the net number of characters a rule took out (a repair of a non-breaking
space to a space takes none, a doubled space one), so the rows add up to the difference
between the input and the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleantext.model import Report


@dataclass(frozen=True, slots=True)
class RuleTotal:
    rule: str
    category: str
    action: str
    hits: int
    lines: int
    chars: int


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    changed: int
    chars_in: int
    chars_out: int
    lines_in: int
    lines_out: int
    lines_touched: int
    rows: tuple[RuleTotal, ...]

    @property
    def chars_removed(self) -> int:
        return self.chars_in - self.chars_out

    @property
    def hits(self) -> int:
        return sum(row.hits for row in self.rows)

    def share(self, chars: int) -> float:
        """``chars`` as a share of the input; 0 for empty input."""
        return chars / self.chars_in if self.chars_in else 0.0


def summarize(reports: Sequence[Report]) -> Summary:
    """Totals per rule, removals first, each group in order of first appearance.

    >>> from cleantext import clean_and_explain
    >>> report = clean_and_explain("Hello\\u00a0 world .")
    >>> [(r.rule, r.hits, r.chars) for r in summarize([report]).rows]
    [('repair.space-between-words', 1, 1), ('repair.space-before-punctuation', 1, 1)]
    """
    totals: dict[str, list[int]] = {}
    kinds: dict[str, tuple[str, str]] = {}
    touched = 0
    for report in reports:
        lines: dict[str, set[int]] = {}
        for edit in report.edits:
            kinds.setdefault(edit.rule, (edit.category, edit.action))
            entry = totals.setdefault(edit.rule, [0, 0, 0])
            entry[0] += 1
            entry[2] += len(edit.text) - len(edit.replacement)
            lines.setdefault(edit.rule, set()).update(range(edit.lines[0], edit.lines[1] + 1))
        for rule, numbers in lines.items():
            totals[rule][1] += len(numbers)
        touched += len(set().union(*lines.values())) if lines else 0
    rows = [RuleTotal(rule, *kinds[rule], *values) for rule, values in totals.items()]
    rows.sort(key=lambda row: row.action != "remove")  # stable: keeps first appearance
    stats = [report.stats() for report in reports]
    return Summary(
        documents=len(reports),
        changed=sum(1 for report in reports if report.changed),
        chars_in=sum(s["chars_in"] for s in stats),
        chars_out=sum(s["chars_out"] for s in stats),
        lines_in=sum(s["lines_in"] for s in stats),
        lines_out=sum(s["lines_out"] for s in stats),
        lines_touched=touched,
        rows=tuple(rows),
    )
