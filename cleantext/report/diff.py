"""Reports drawn in the terminal with rich: the annotated diff, summaries and tables.

This is the only renderer that imports rich, and nothing imports it until a terminal is
being drawn, so ``import cleantext`` and piped commands stay light. The view is the
original document with what cleaning does marked on it: removed lines struck through in
red with their rule and category in a gutter, repairs inline as ``[old→new]`` with
invisible characters spelled out, and unchanged runs folded away.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from rich import box
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from cleantext.model import Edit, Report
from cleantext.report.lines import Line, annotate, hunk_ranges, printable, reveal
from cleantext.report.summary import Summary, summarize

SIDE_BY_SIDE_MIN_WIDTH = 120
REMOVED = "red strike"
OLD = "red"
NEW = "green bold"
MARK = "dim"
MARKERS = {"removed": ("-", "bold red"), "changed": ("~", "yellow"), "kept": (" ", "")}


def make_console(
    file: IO[str] | None, color: bool, width: int | None = None, record: bool = False
) -> Console:
    """A console that colours exactly when told to, whatever rich would guess.

    Only the 16 standard colours are used, so they are asked for directly: output is the
    same on every terminal, and ``--color always`` works even where TERM is ``dumb``.
    """
    return Console(
        file=file,
        force_terminal=True if color else None,
        no_color=not color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        record=record,
    )


def draw_report(
    console: Console,
    report: Report,
    *,
    context: int = 3,
    side_by_side: bool = False,
    title: str | None = None,
    summary: bool = True,
) -> None:
    """One document: a header, the folded annotated lines, and its summary table."""
    name = title if title is not None else report.id or "<stdin>"
    console.print(Rule(Text(printable(name), style="bold"), align="left", style="dim"))
    if not report.changed:
        console.print(Text("no changes", style="dim"))
        return
    lines = annotate(report)
    table = _grid(side_by_side, lines, console.width)
    shown = 0
    for start, stop in hunk_ranges([line.state != "kept" for line in lines], context):
        if start > shown:
            _fold(table, start - shown, side_by_side)
        labels = _gutter(lines[start:stop])
        for line, label in zip(lines[start:stop], labels, strict=True):
            _row(table, line, label, side_by_side)
        shown = stop
    if shown < len(lines):
        _fold(table, len(lines) - shown, side_by_side)
    console.print(table)
    if summary:
        console.print(summary_table(summarize([report]), name))


def draw_run_summary(console: Console, reports: Sequence[Report]) -> None:
    """The totals of a run over several documents."""
    summary = summarize(reports)
    title = f"{summary.changed} of {summary.documents} documents would change"
    if len(reports) == 1:
        title = reports[0].id or "<stdin>"
    console.print(summary_table(summary, title))


def summary_table(summary: Summary, title: str) -> Table:
    """Rule, category, hits, lines and characters removed, and the share of the input."""
    headline = (
        f"{printable(title)}: {summary.chars_removed:,} of {summary.chars_in:,} chars removed "
        f"({summary.share(summary.chars_removed):.1%}), "
        f"{summary.lines_in:,} → {summary.lines_out:,} lines"
    )
    table = Table(
        title=headline, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False
    )
    table.add_column("rule", overflow="fold")  # on a narrow terminal ids wrap, never cut
    table.add_column("category", overflow="fold")
    for header in ("hits", "lines", "chars removed", "share"):
        table.add_column(header, justify="right", no_wrap=True)
    for index, row in enumerate(summary.rows):
        style = "red" if row.action == "remove" else "yellow"
        table.add_row(
            Text(row.rule, style=style),
            row.category,
            f"{row.hits:,}",
            f"{row.lines:,}",
            f"{row.chars:,}",
            f"{summary.share(row.chars):.1%}",
            end_section=index == len(summary.rows) - 1,
        )
    table.add_row(
        Text("total", style="bold"),
        "",
        f"{summary.hits:,}",
        f"{summary.lines_touched:,}",
        f"{summary.chars_removed:,}",
        f"{summary.share(summary.chars_removed):.1%}",
    )
    return table


def draw_table(
    console: Console, headers: Sequence[str], rows: Sequence[Sequence[str]], title: str = ""
) -> None:
    """A plain table of strings, for listings such as ``cleantext rules``."""
    table = Table(title=title or None, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for index, header in enumerate(headers):
        table.add_column(header, overflow="fold", no_wrap=index == 0)  # ids stay whole
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)


def _grid(side_by_side: bool, lines: Sequence[Line], width: int) -> Table:
    table = Table.grid(padding=(0, 1), expand=side_by_side)
    number_width = len(str(len(lines)))
    table.add_column(justify="right", style="dim", min_width=number_width)
    table.add_column(width=1)
    if side_by_side:
        table.add_column(ratio=1, overflow="fold")
    longest = max((len(label) for label in _labels(lines)), default=0)
    table.add_column(max_width=max(12, min(longest, width // 3)), overflow="fold")
    if side_by_side:
        table.add_column(justify="right", style="dim", min_width=number_width)
    table.add_column(ratio=1, overflow="fold")
    return table


def _labels(lines: Sequence[Line]) -> list[str]:
    return [edit.rule for line in lines for edit in line.edits] + [
        edit.category for line in lines for edit in line.edits if edit.action == "remove"
    ]


def _owner(line: Line) -> Edit:
    """The edit that removed a line: the one that took its text, else its newline."""
    return next((p.edit for p in line.pieces if p.edit is not None), line.edits[-1])


def _gutter(lines: Sequence[Line]) -> list[Text]:
    """The rule id and category beside the first lines of each removed block, and the
    rules that repaired a changed line beside it."""
    labels: list[Text] = []
    owners = [_owner(line) if line.state == "removed" else None for line in lines]
    position = 0  # of the line in its removed block
    for index, line in enumerate(lines):
        owner = owners[index]
        if owner is None:
            rules = dict.fromkeys(p.edit.rule for p in line.pieces if p.edit is not None)
            labels.append(Text("\n".join(rules), style="yellow"))
            continue
        position = position + 1 if index and owners[index - 1] == owner else 0
        if position == 0:
            label = Text(owner.rule, style="bold red")
            if index + 1 == len(lines) or owners[index + 1] != owner:
                label.append("\n" + owner.category, style="red dim")
            labels.append(label)
        else:
            labels.append(Text(owner.category if position == 1 else "", style="red dim"))
    return labels


def _fold(table: Table, hidden: int, side_by_side: bool) -> None:
    note = Text(f"⋯ {hidden:,} unchanged line{'s' if hidden != 1 else ''}", style="dim italic")
    cells: list[Text | str] = ["", "", note, "", "", ""] if side_by_side else ["", "", "", note]
    table.add_row(*cells)


def _row(table: Table, line: Line, label: Text, side_by_side: bool) -> None:
    marker, marker_style = MARKERS[line.state]
    number = str(line.number)
    if not side_by_side:
        table.add_row(number, Text(marker, marker_style), label, _inline(line))
        return
    new_number = "" if line.new_number is None else str(line.new_number)
    table.add_row(
        number, Text(marker, marker_style), _before(line), label, new_number, _after(line)
    )


def _inline(line: Line) -> Text:
    """One column: the original line with removals struck and repairs as old→new."""
    return _marked(line, show_replacements=True)


def _before(line: Line) -> Text:
    """The left column: the original line, with what goes marked in red."""
    return _marked(line, show_replacements=False)


def _marked(line: Line, show_replacements: bool) -> Text:
    if line.state == "removed":
        return Text().append(printable(line.text), REMOVED)
    text = Text()
    for piece in line.pieces:
        if piece.edit is None:
            text.append(printable(piece.text))
        elif piece.edit.action == "remove" and not piece.replacement:
            text.append("[-", MARK).append(printable(piece.text), REMOVED).append("-]", MARK)
        else:
            text.append("[", MARK).append(reveal(piece.text), OLD)
            if show_replacements:
                text.append("→", MARK).append(reveal(piece.replacement), NEW)
            text.append("]", MARK)
    return text


def _after(line: Line) -> Text:
    """The right column: the line as it comes out, with what the repairs put in green."""
    text = Text()
    if line.state == "removed":
        return text
    for piece in line.pieces:
        if piece.edit is None:
            text.append(printable(piece.text))
        elif piece.replacement or piece.edit.action == "repair":
            text.append("[", MARK).append(reveal(piece.replacement), NEW).append("]", MARK)
    return text
