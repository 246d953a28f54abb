"""Score cleaning on a labelled corpus: which lines it removed, against what it should have.

A corpus is a folder of cases, each a folder (at any depth) with ``input.txt``, the
expected output and ``case.toml`` (``language``, ``kind``). The expected output is
``expected-<preset>.txt`` when the case has one for the preset being scored, else
``expected.txt``. The lines that should go are the non-blank lines of the input absent from
the expected output; the lines that went are those absent from the cleaned output (both
found by `removed_lines`, so repairs count as neither). A removed line is a positive:
precision is the share of removed lines that should have gone, recall the share of lines
that should have gone that did, and the characters of content lost are those of the lines
removed wrongly, the cost that matters most.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleantext.config import Config
from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.evaluation.lines import removed_lines
from cleantext.evaluation.scores import Confusion
from cleantext.model import Report

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled document of the corpus."""

    name: str
    language: str
    kind: str
    input: str
    expected: str


@dataclass(frozen=True, slots=True)
class LineRemoval:
    """A line cleaning removed, the rule that removed it, and whether it should have gone."""

    line: int  # 1-based, in the input
    rule: str
    category: str
    correct: bool
    chars: int


@dataclass(frozen=True, slots=True)
class CaseResult:
    """How cleaning did on one case."""

    case: Case
    counts: Confusion
    removals: tuple[LineRemoval, ...]
    missed: tuple[int, ...]  # 1-based lines that should have gone and stayed
    kept_chars: int  # characters of the lines that should stay

    @property
    def lost_chars(self) -> int:
        return sum(r.chars for r in self.removals if not r.correct)

    @property
    def wrong(self) -> bool:
        return bool(self.missed) or any(not r.correct for r in self.removals)

    def to_dict(self) -> dict[str, Any]:
        """The dump record: the lines this case got wrong."""
        lines = self.case.input.splitlines()
        return {
            "case": self.case.name,
            "language": self.case.language,
            "kind": self.case.kind,
            "wrongly_removed": [
                {"line": r.line, "rule": r.rule, "text": lines[r.line - 1]}
                for r in self.removals
                if not r.correct
            ],
            "missed": [{"line": n, "text": lines[n - 1]} for n in self.missed],
        }


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts and lost characters over a group of cases or removals."""

    counts: Confusion
    lost_chars: int
    kept_chars: int

    def to_dict(self) -> dict[str, Any]:
        share = self.lost_chars / self.kept_chars if self.kept_chars else 0.0
        return {
            **self.counts.to_dict(),
            "lost_chars": self.lost_chars,
            "lost_share": round(share, 5),
        }


@dataclass(frozen=True, slots=True)
class RemovalTally:
    """Lines one rule (or category) removed: without labels per rule, recall has no meaning."""

    removed: int
    wrong: int
    lost_chars: int

    @property
    def precision(self) -> float:
        return Confusion(tp=self.removed - self.wrong, fp=self.wrong).precision

    def to_dict(self) -> dict[str, Any]:
        return {
            "removed": self.removed,
            "wrong": self.wrong,
            "precision": round(self.precision, 4),
            "lost_chars": self.lost_chars,
        }


@dataclass(frozen=True)
class CorpusEvaluation:
    """Every case's result, and the totals by language, kind, rule and category."""

    root: Path
    preset: str
    ruleset: str
    results: tuple[CaseResult, ...]

    def total(self) -> Tally:
        return _tally(self.results)

    def by_case(self, key: Callable[[Case], str]) -> dict[str, Tally]:
        groups: dict[str, list[CaseResult]] = {}
        for result in self.results:
            groups.setdefault(key(result.case), []).append(result)
        return {name: _tally(group) for name, group in sorted(groups.items())}

    def by_removal(self, key: Callable[[LineRemoval], str]) -> dict[str, RemovalTally]:
        """Per rule or category: the lines it removed, and how many of them wrongly."""
        groups: dict[str, list[LineRemoval]] = {}
        for result in self.results:
            for removal in result.removals:
                groups.setdefault(key(removal), []).append(removal)
        return {name: _removal_tally(group) for name, group in sorted(groups.items())}

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": str(self.root),
            "cases": len(self.results),
            "preset": self.preset,
            "ruleset": self.ruleset,
            "total": self.total().to_dict(),
            "by_language": _dicts(self.by_case(lambda case: case.language)),
            "by_kind": _dicts(self.by_case(lambda case: case.kind)),
            "by_category": _dicts(self.by_removal(lambda removal: removal.category)),
            "by_rule": _dicts(self.by_removal(lambda removal: removal.rule)),
        }


def evaluate_corpus(root: Path, config: Config) -> CorpusEvaluation:
    """Clean every case of the corpus with ``config`` and score the removed lines."""
    cases = load_corpus(root, config.preset)
    cleaner = Cleaner(config)
    results = tuple(score_case(case, cleaner.explain(case.input, id=case.name)) for case in cases)
    return CorpusEvaluation(root, config.preset, cleaner.ruleset.digest, results)


def score_case(case: Case, report: Report) -> CaseResult:
    """Compare the lines ``report`` removed with those the case's expected output lacks."""
    gold = removed_lines(case.input, case.expected)
    predicted = removed_lines(case.input, report.cleaned)
    lines = case.input.splitlines()
    removals = tuple(
        LineRemoval(index + 1, *_attribute(index + 1, report), index in gold, len(lines[index]))
        for index in sorted(predicted)
    )
    counts = Confusion(
        tp=len(predicted & gold),
        fp=len(predicted - gold),
        fn=len(gold - predicted),
        tn=sum(1 for i, line in enumerate(lines) if line.strip() and i not in gold | predicted),
    )
    kept = sum(len(line) for i, line in enumerate(lines) if line.strip() and i not in gold)
    missed = tuple(index + 1 for index in sorted(gold - predicted))
    return CaseResult(case, counts, removals, missed, kept)


def load_corpus(root: Path, preset: str) -> tuple[Case, ...]:
    """Every case under ``root`` (folders holding an ``input.txt``), sorted by path."""
    if not root.is_dir():
        raise InputError(f"{root}: no such directory; pass the folder of a labelled corpus")
    folders = sorted(path.parent for path in root.rglob("input.txt"))
    if not folders:
        raise InputError(f"{root}: no cases (folders with an input.txt) in this corpus")
    return tuple(_load_case(folder, root, preset) for folder in folders)


def _load_case(folder: Path, root: Path, preset: str) -> Case:
    expected = folder / f"expected-{preset}.txt"
    if not expected.is_file():
        expected = folder / "expected.txt"
    meta: dict[str, Any] = {}
    if (folder / "case.toml").is_file():
        try:
            meta = tomllib.loads(_read(folder / "case.toml"))
        except tomllib.TOMLDecodeError as error:
            raise InputError(f"{folder / 'case.toml'}: invalid TOML: {error}") from None
    return Case(
        name=folder.relative_to(root).as_posix(),
        language=str(meta.get("language", UNKNOWN)),
        kind=str(meta.get("kind", UNKNOWN)),
        input=_read(folder / "input.txt"),
        expected=_read(expected),
    )


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: missing; every case needs input.txt and expected.txt") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: invalid utf-8 at byte offset {error.start}") from None


def _attribute(line: int, report: Report) -> tuple[str, str]:
    """The rule and category of the removal that covers ``line`` (1-based)."""
    for edit in report.removals:
        if edit.lines[0] <= line <= edit.lines[1]:
            return edit.rule, edit.category
    # The alignment saw the line go but no removal spans it: a line merged into another.
    return "(unattributed)", "other"


def _tally(results: Iterable[CaseResult]) -> Tally:
    results = list(results)
    return Tally(
        Confusion.total(r.counts for r in results),
        sum(r.lost_chars for r in results),
        sum(r.kept_chars for r in results),
    )


def _removal_tally(removals: list[LineRemoval]) -> RemovalTally:
    wrong = [r for r in removals if not r.correct]
    return RemovalTally(len(removals), len(wrong), sum(r.chars for r in wrong))


def _dicts(tallies: Mapping[str, Tally | RemovalTally]) -> dict[str, dict[str, Any]]:
    return {name: tally.to_dict() for name, tally in tallies.items()}
