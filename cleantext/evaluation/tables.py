"""Plain-text tables of evaluation results, for terminals and for bench/accuracy.md."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cleantext.evaluation.corpus import CorpusEvaluation, RemovalTally, Tally
from cleantext.evaluation.snippet_run import SnippetEvaluation

_SCORES = ("precision", "recall", "f1", "accuracy")
_COUNTS = ("tp", "fp", "fn", "tn")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns padded to their widest cell; text left-aligned, numbers right-aligned.

    >>> print(table(["mode", "f1"], [["naive", 0.5], ["html", 0.9251]]), end="")
    mode      f1
    naive  0.500
    html   0.925
    """
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    numeric = [bool(rows) and not isinstance(rows[0][i], str) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        padded = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(padded).rstrip() + "\n"

    return line(list(headers)) + "".join(line(row) for row in cells)


def render_snippets(evaluation: SnippetEvaluation, baseline: bool) -> str:
    """The scores of each mode, with its baseline above it when asked for."""
    head = (
        f"snippet set {evaluation.root}: {evaluation.pages} pages, "
        f"ruleset {evaluation.ruleset}, {evaluation.seconds:.0f} s\n"
    )
    rows = []
    for mode in evaluation.modes:
        for is_baseline in (True, False) if baseline else (False,):
            c = evaluation.total(mode, is_baseline)
            name = "baseline" if is_baseline else "cleantext"
            rows.append(
                [mode, name, c.precision, c.recall, c.f1, c.accuracy, c.tp, c.fp, c.fn, c.tn]
            )
    notes = "".join(
        f"{mode}: {evaluation.errors(mode)} pages failed and count as full misses "
        "(--dump shows why)\n"
        for mode in evaluation.modes
        if evaluation.errors(mode)
    )
    return head + table(["mode", "input", *_SCORES, *_COUNTS], rows) + notes


def render_corpus(evaluation: CorpusEvaluation) -> str:
    """The totals, then the breakdowns by language, kind, category and rule."""
    total = evaluation.total()
    lost = total.to_dict()
    parts = [
        f"corpus {evaluation.root}: {len(evaluation.results)} cases, preset "
        f"{evaluation.preset}, ruleset {evaluation.ruleset}\n",
        f"removed lines: precision {total.counts.precision:.3f}, recall "
        f"{total.counts.recall:.3f}, f1 {total.counts.f1:.3f} (tp {total.counts.tp}, "
        f"fp {total.counts.fp}, fn {total.counts.fn}); content lost: {total.lost_chars:,} "
        f"chars ({100 * lost['lost_share']:.2f} % of the text to keep)\n",
    ]
    for title, groups in (
        ("language", evaluation.by_case(lambda case: case.language)),
        ("kind", evaluation.by_case(lambda case: case.kind)),
    ):
        parts.append("\n" + _case_table(title, groups))
    for title, removals in (
        ("category", evaluation.by_removal(lambda removal: removal.category)),
        ("rule", evaluation.by_removal(lambda removal: removal.rule)),
    ):
        parts.append("\n" + _removal_table(title, removals))
    return "".join(parts)


def _case_table(title: str, groups: Mapping[str, Tally]) -> str:
    rows = []
    for name, t in groups.items():
        c = t.counts
        # A group with nothing to remove and nothing removed (hard negatives) has no
        # precision or recall: "-", not a score of 0 that reads as a failure.
        scores = [
            c.precision if c.tp + c.fp else None,
            c.recall if c.tp + c.fn else None,
            c.f1 if c.tp + c.fp + c.fn else None,
        ]
        rows.append([name, *scores, c.tp, c.fp, c.fn, c.tn, t.lost_chars])
    headers = [title, "precision", "recall", "f1", "tp", "fp", "fn", "tn", "lost chars"]
    return table(headers, rows)


def _removal_table(title: str, groups: Mapping[str, RemovalTally]) -> str:
    if not groups:
        return f"{title}: no removals\n"
    rows = [[name, t.removed, t.wrong, t.precision, t.lost_chars] for name, t in groups.items()]
    return table([title, "removed", "wrong", "precision", "lost chars"], rows)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
