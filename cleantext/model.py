"""The records cleaning produces: edits, skips and the per-document report.

Everything here is immutable (frozen dataclasses; the internal `Change` a named tuple) so
that a report can be shared between threads and compared in tests; the logic that builds
them lives in `edits`, `engine` and `removal`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Action = Literal["remove", "repair"]


class Change(NamedTuple):
    """A replacement of ``text[start:end]`` by ``replacement``, before lines are known.

    Stages produce changes against their own input; `edits.compose` carries them back to
    the coordinates of the original document. A named tuple, not a frozen dataclass: a
    repaired page makes hundreds, and a tuple is made about three times faster.
    """

    start: int
    end: int
    replacement: str
    rule: str
    category: str
    action: Action


@dataclass(frozen=True, slots=True)
class Edit:
    """One explained edit, in the coordinates of the original input.

    ``text`` is ``original[start:end]``; ``lines`` are the 1-based first and last line it
    touches. Applying every edit of a report to the original reproduces the cleaned text.
    """

    rule: str
    category: str
    action: Action
    start: int
    end: int
    lines: tuple[int, int]
    text: str
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "action": self.action,
            "start": self.start,
            "end": self.end,
            "lines": list(self.lines),
            "text": self.text,
            "replacement": self.replacement,
        }


@dataclass(frozen=True, slots=True)
class Skip:
    """A hit that was not applied, and why: it lost an overlap, or a guard refused it."""

    rule: str
    lines: tuple[int, int]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "lines": list(self.lines), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Report:
    """What cleaning did to one document.

    >>> from cleantext import clean_and_explain
    >>> report = clean_and_explain("Hello\\u00a0world .")
    >>> report.cleaned
    'Hello world.'
    >>> [(e.rule, e.text, e.replacement) for e in report.edits]
    [('repair.space-between-words', '\\xa0', ' '), ('repair.space-before-punctuation', ' ', '')]
    >>> report.apply(report.original) == report.cleaned
    True
    """

    id: str
    version: str
    ruleset: str
    original: str
    cleaned: str
    edits: tuple[Edit, ...]
    skips: tuple[Skip, ...] = ()
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    @property
    def removals(self) -> tuple[Edit, ...]:
        return tuple(edit for edit in self.edits if edit.action == "remove")

    @property
    def repairs(self) -> tuple[Edit, ...]:
        return tuple(edit for edit in self.edits if edit.action == "repair")

    def apply(self, original: str) -> str:
        """Replay the edits on ``original``; equals ``cleaned`` for this report's input."""
        from cleantext.edits import apply_edits

        return apply_edits(original, [(e.start, e.end, e.replacement) for e in self.edits])

    def restore(self, cleaned: str) -> str:
        """Rebuild the original text from the cleaned text and the edits."""
        pieces: list[str] = []
        position = 0  # in the cleaned text
        previous_end = 0  # in the original text
        for edit in self.edits:
            kept = edit.start - previous_end
            pieces.append(cleaned[position : position + kept])
            pieces.append(edit.text)
            position += kept + len(edit.replacement)
            previous_end = edit.end
        pieces.append(cleaned[position:])
        return "".join(pieces)

    def stats(self) -> dict[str, Any]:
        """Counts for machines: sizes, removed and repaired characters, hits per rule, and
        the language (the one the repairs used, else guessed from the cleaned text)."""
        from cleantext.language import guess_language

        by_rule: dict[str, dict[str, int]] = {}
        for edit in self.edits:
            entry = by_rule.setdefault(edit.rule, {"edits": 0, "chars": 0})
            entry["edits"] += 1
            entry["chars"] += edit.end - edit.start
        removed = sum(e.end - e.start for e in self.removals)
        return {
            "chars_in": len(self.original),
            "chars_out": len(self.cleaned),
            "lines_in": _count_lines(self.original),
            "lines_out": _count_lines(self.cleaned),
            "removed_chars": removed,
            "removed_share": round(removed / len(self.original), 4) if self.original else 0.0,
            "repairs": len(self.repairs),
            "removals": len(self.removals),
            "by_rule": by_rule,
            "language": self.language or guess_language(self.cleaned),
            "skips": [skip.to_dict() for skip in self.skips],
            **self.extra,
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: exactly ``id``, ``version``, ``ruleset``, ``edits``, ``stats``."""
        return {
            "id": self.id,
            "version": self.version,
            "ruleset": self.ruleset,
            "edits": [edit.to_dict() for edit in self.edits],
            "stats": self.stats(),
        }


def _count_lines(text: str) -> int:
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)
