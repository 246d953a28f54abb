"""Run cleantext over a snippet set in its three input modes, on a pool of processes.

The same page reaches cleantext three ways, as text arrives from real pipelines:

- ``extracted``: after trafilatura's own extraction with its default settings
  (``trafilatura.extract(html)``), the most common way scraped corpora are made;
- ``naive``: the whole page as a crude scraper renders it (`render_naive_text`), menus,
  headers and footers included;
- ``html``: the raw page through ``input="html"``, that is cleantext's own choice of
  trafilatura options (`cleantext.html.EXTRACTION_OPTIONS`), then the rules.

Each mode's input, scored unchanged, is that mode's baseline: it says what the rules add.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from cleantext.config import Config
from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.evaluation.naive import render_naive_text
from cleantext.evaluation.scores import Confusion
from cleantext.evaluation.snippets import SnippetPage, load_snippet_set, normalize, score_text
from cleantext.html import EXTRACTION_OPTIONS, import_trafilatura
from cleantext.model import Report

MODES = ("extracted", "naive", "html")

# Pages per task handed to a worker: small enough that both cores stay busy until the
# last pages (a few pages take seconds), large enough to amortise the pickling.
_MAX_CHUNK = 8


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page in one mode, cleaned (``baseline`` false) or as the mode's input left it."""

    page: str
    id: str
    mode: str
    baseline: bool
    counts: Confusion
    missed: tuple[str, ...] = ()
    surviving: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The dump record: what went wrong on this page, for a person to inspect."""
        record: dict[str, Any] = {
            "page": self.page,
            "id": self.id,
            "mode": self.mode,
            "input": "baseline" if self.baseline else "cleantext",
            "missed_with": list(self.missed),
            "surviving_without": list(self.surviving),
        }
        if not self.baseline:
            # `with` snippets the input had and cleaning lost: the rules' own mistakes.
            record["removed_with"] = list(self.removed)
            record["rules"] = list(self.rules)
        if self.error:
            record["error"] = self.error
        return record

    @property
    def wrong(self) -> bool:
        return bool(self.missed or self.surviving or self.error)


@dataclass(frozen=True)
class SnippetEvaluation:
    """Totals per mode, cleaned and baseline, with every page's result for the dump."""

    root: Path
    pages: int
    modes: tuple[str, ...]
    ruleset: str
    seconds: float
    results: tuple[PageResult, ...] = field(repr=False)

    def total(self, mode: str, baseline: bool = False) -> Confusion:
        return Confusion.total(
            r.counts for r in self.results if r.mode == mode and r.baseline == baseline
        )

    def errors(self, mode: str) -> int:
        return sum(1 for r in self.results if r.mode == mode and r.error and not r.baseline)

    def to_dict(self, baseline: bool = True) -> dict[str, Any]:
        rows = []
        for mode in self.modes:
            for is_baseline in (True, False) if baseline else (False,):
                row = {"mode": mode, "input": "baseline" if is_baseline else "cleantext"}
                row.update(self.total(mode, is_baseline).to_dict())
                rows.append(row)
        return {
            "snippet_set": str(self.root),
            "pages": self.pages,
            "ruleset": self.ruleset,
            "html_extraction": dict(EXTRACTION_OPTIONS),
            "errors": {mode: self.errors(mode) for mode in self.modes},
            "seconds": round(self.seconds, 1),
            "results": rows,
        }


def evaluate_snippet_set(
    root: Path,
    config: Config,
    modes: Sequence[str] = MODES,
    jobs: int = 2,
    limit: int | None = None,
) -> SnippetEvaluation:
    """Score every page of the set in each mode; ``jobs`` processes share the pages."""
    unknown = [mode for mode in modes if mode not in MODES]
    if unknown:
        raise InputError(f"unknown mode {unknown[0]!r}; choose from {', '.join(MODES)}")
    pages = load_snippet_set(root)[:limit]
    import_trafilatura()  # every mode needs it (or lxml, which comes with it): fail early
    cleaner = Cleaner(config)  # also checks the selection before any worker starts
    started = time.monotonic()
    tasks = [(page, tuple(modes)) for page in pages]
    if jobs <= 1:
        _start_worker(config, root, cleaner)
        results = [result for task in tasks for result in _evaluate_page(task)]
    else:
        chunk = max(1, min(_MAX_CHUNK, len(tasks) // (jobs * 16)))
        with Pool(jobs, initializer=_start_worker, initargs=(config, root)) as pool:
            batches = pool.imap(_evaluate_page, tasks, chunksize=chunk)
            results = [result for batch in batches for result in batch]
    return SnippetEvaluation(
        root=root,
        pages=len(pages),
        modes=tuple(modes),
        ruleset=cleaner.ruleset.digest,
        seconds=time.monotonic() - started,
        results=tuple(results),
    )


# --- in the worker processes --------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(config: Config, root: Path, cleaner: Cleaner | None = None) -> None:
    # trafilatura logs a warning for every page it finds no article in; the evaluation
    # reports those pages in its counts, so the log lines would only bury the scores.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    _WORKER["cleaner"] = cleaner or Cleaner(config)
    _WORKER["root"] = root


def _evaluate_page(task: tuple[SnippetPage, tuple[str, ...]]) -> list[PageResult]:
    page, modes = task
    html = page.read_html(_WORKER["root"])
    results: list[PageResult] = []
    for mode in modes:
        try:
            report = _clean(mode, html, _WORKER["cleaner"], page.id)
        except Exception as error:  # a crash on one page counts as a full miss, as in
            # trafilatura's evaluation, and is reported rather than ending the run
            failed = Confusion(fn=len(page.keep), tn=len(page.remove))
            message = f"{type(error).__name__}: {error}"
            results.append(PageResult(page.page, page.id, mode, True, failed, error=message))
            results.append(PageResult(page.page, page.id, mode, False, failed, error=message))
            continue
        results.append(_result(page, mode, report.original, baseline=True))
        results.append(_result(page, mode, report.cleaned, baseline=False, report=report))
    return results


def _clean(mode: str, html: bytes, cleaner: Cleaner, id: str) -> Report:
    if mode == "html":
        return cleaner.explain(html, id=id, input="html")
    if mode == "naive":
        return cleaner.explain(render_naive_text(html), id=id)
    trafilatura = import_trafilatura()
    return cleaner.explain(trafilatura.extract(html) or "", id=id)


def _result(
    page: SnippetPage, mode: str, text: str, baseline: bool, report: Report | None = None
) -> PageResult:
    score = score_text(page, text)
    removed: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    if report is not None:
        before = normalize(report.original)
        removed = tuple(s for s in score.missed if normalize(s) in before)
        rules = tuple(sorted({edit.rule for edit in report.removals}))
    return PageResult(
        page.page,
        page.id,
        mode,
        baseline,
        score.counts,
        missed=score.missed,
        surviving=score.surviving,
        removed=removed,
        rules=rules,
    )
