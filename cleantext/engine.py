"""The cleaning pipeline: repair, then removal, repeated until a pass changes nothing.

Looping to a fixed point is what makes ``clean(clean(x)) == clean(x)``: a removal can
leave a gap that a repair then closes, or a repair can reveal a widget line.
Every stage's changes are composed into one list against the original text, so the report
explains the whole run, not its last pass.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Literal

from cleantext._version import __version__
from cleantext.cache import cached_selection
from cleantext.config import Config
from cleantext.document import Document
from cleantext.edits import apply_changes, compose, to_edits
from cleantext.errors import ConfigError, InputError
from cleantext.language import guess_language
from cleantext.matchers import Where
from cleantext.model import Change, Report, Skip
from cleantext.prefilter import Prefilter, triggers_for
from cleantext.removal import remove_boilerplate
from cleantext.repair_context import RepairContext
from cleantext.repair_scan import repair_cues
from cleantext.ruleset.loader import load_library
from cleantext.ruleset.schema import RuleSpec
from cleantext.ruleset.select import select_rules
from cleantext.scopes import CompiledRule, MemberWords, member_words
from cleantext.typography import FIXERS, SPACING_FIXERS, Cues, Fixer

MAX_PASSES = 8

# What `Cleaner.explain` is given: plain text, or an HTML page to extract the text from.
InputKind = Literal["text", "html"]


@dataclass(frozen=True)
class RuleSet:
    """The resolved rules, compiled, with a digest that names exactly this selection."""

    rules: tuple[CompiledRule, ...]
    digest: str
    triggers: tuple[tuple[frozenset[str] | None, ...], ...] | None = field(
        default=None, compare=False
    )
    scanner: str | None = field(default=None, compare=False)  # None: the fastest installed
    prefilter: Prefilter = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        triggers = self.triggers
        if triggers is None:
            triggers = tuple(triggers_for(rule.spec.match) for rule in self.rules)
        object.__setattr__(self, "prefilter", Prefilter.build(triggers, self.scanner))

    def candidates(self, text: str) -> list[tuple[CompiledRule, Where]]:
        """The rules that can match ``text``, each with where it may match, in rule order
        (see `cleantext.prefilter`)."""
        chosen = self.prefilter.candidates(text)
        return [(self.rules[index], chosen[index]) for index in sorted(chosen)]

    @classmethod
    def from_specs(
        cls,
        specs: Sequence[RuleSpec],
        triggers: Sequence[tuple[frozenset[str] | None, ...]] | None = None,
        members: Sequence[MemberWords | None] | None = None,
    ) -> RuleSet:
        """Rules sorted by id; ``triggers`` and block ``members`` (`member_words`), when
        known (from the cache), in that order."""
        ordered = sorted(specs, key=lambda spec: spec.id)
        known = tuple(triggers) if triggers is not None else None
        words = members if members is not None else [None] * len(ordered)
        rules = tuple(CompiledRule.build(s, w) for s, w in zip(ordered, words, strict=True))
        return cls(rules, _digest(ordered), known)

    @property
    def specs(self) -> tuple[RuleSpec, ...]:
        return tuple(rule.spec for rule in self.rules)


def _digest(specs: Sequence[RuleSpec]) -> str:
    """A content hash of the rules (not of where their files lie), with the tool version."""
    canonical = [{k: v for k, v in asdict(s).items() if k != "path"} for s in specs]
    payload = json.dumps([__version__, canonical], sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(payload.encode()).hexdigest()[:16]


def load_ruleset(config: Config | None = None) -> RuleSet:
    """Load the built-in packs and the configured user rules, and compile the selection.

    The resolved selection and its prefilter triggers are kept in an on-disk cache keyed
    by the rule files and the options (`cleantext.cache`): reading and validating the
    TOML files costs far more than a command on a small document otherwise would.
    """
    config = config or Config()

    def resolve() -> tuple[
        list[RuleSpec], list[tuple[frozenset[str] | None, ...]], list[MemberWords | None]
    ]:
        library = load_library(config.rule_dirs)
        specs = select_rules(
            library,
            preset=config.preset,
            select=config.select,
            extend_select=config.extend_select,
            ignore=config.ignore,
            languages=config.languages,
            preview=config.preview,
        )
        specs.sort(key=lambda spec: spec.id)
        members = [
            member_words(spec.scope) if spec.scope.remove == "block" else None for spec in specs
        ]
        return specs, [triggers_for(spec.match) for spec in specs], members

    specs, triggers, members = cached_selection(config, resolve)
    return RuleSet.from_specs(specs, triggers, members)


class Cleaner:
    """Cleans many documents with one compiled rule set; safe to share between threads.

    >>> cleaner = Cleaner()
    >>> article = "The council met on Monday and agreed on the budget for next year."
    >>> cleaner.clean(article + "\\n\\nThis site uses Akismet to reduce spam. "
    ...               "Learn how your comment data is processed.")
    'The council met on Monday and agreed on the budget for next year.'
    """

    def __init__(self, config: Config | None = None, ruleset: RuleSet | None = None) -> None:
        self.config = config or Config()
        self.ruleset = ruleset if ruleset is not None else load_ruleset(self.config)

    def clean(
        self,
        text: str | bytes,
        *,
        language: str | None = None,
        input: InputKind = "text",
        outside: tuple[int, int] = (0, 0),
    ) -> str:
        """The cleaned text; the same as ``explain(...).cleaned`` without its bookkeeping.

        ``outside``: the characters before and after ``text`` when it is a piece of a
        larger document (see `cleantext.stream`).
        """
        prepared, _extra = _prepare_input(text, input)
        return self._run(prepared, language, explain=False, outside=outside).cleaned

    def explain(
        self,
        text: str | bytes,
        *,
        id: str = "",
        language: str | None = None,
        input: InputKind = "text",
        outside: tuple[int, int] = (0, 0),
    ) -> Report:
        """The cleaned text with every edit explained, in the original's coordinates.

        With ``input="html"`` the page goes through trafilatura first: the report's
        original is the extracted text, its spans refer to it, and ``Report.extra`` records
        the extraction options.
        """
        text, extra = _prepare_input(text, input)
        run = self._run(text, language, explain=True, outside=outside)
        return Report(
            id=id,
            version=__version__,
            ruleset=self.ruleset.digest,
            original=text,
            cleaned=run.cleaned,
            edits=to_edits(text, run.changes),
            skips=tuple(run.skips),
            language=run.language,
            extra=extra,
        )

    def _run(
        self, text: str, language: str | None, explain: bool, outside: tuple[int, int] = (0, 0)
    ) -> _Run:
        """Repair, then remove, until a removal pass changes nothing.

        Only the first pass runs every fixer: removal only deletes text, so it cannot
        bring mojibake, control characters or line endings back. A later pass runs the
        spacing fixers again when they can have new work: a span was cut out of a line
        (which may leave "word ,"), or the language decided a spacing question and may
        have changed with what was removed (a French widget around an English article).
        """
        current = text
        changes: list[Change] = []
        skips: list[Skip] | None = None
        fixers: tuple[Fixer, ...] = FIXERS if self.config.repair else ()
        guess = _LazyGuess(language or self._fixed_language(), text)
        for _ in range(MAX_PASSES):
            current, changes = _repair(current, changes, guess, fixers, explain)
            candidates = self.ruleset.candidates(current)
            if not candidates:  # most documents: no rule's trigger is in the text
                break
            document = Document(current, *outside)
            result = remove_boilerplate(document, candidates)
            if skips is None:
                # First pass: repair keeps the line count, so these line numbers are the
                # original's; later passes only repeat them in shifted coordinates.
                skips = result.skips
            if not result.changes:
                break
            if explain:
                changes = compose(changes, result.changes, current)
            current = apply_changes(current, result.changes)
            spacing_may_change = guess.done or _cut_inside_a_line(document, result.changes)
            fixers = SPACING_FIXERS if self.config.repair and spacing_may_change else ()
            guess = _LazyGuess(language or self._fixed_language(), current)
        # The language of the last pass, if a fixer needed it; the report guesses it from
        # the cleaned text otherwise, when asked (the guess costs as much as a fixer).
        return _Run(current, changes, skips or [], guess.value if guess.done else None)

    def _fixed_language(self) -> str | None:
        """The language the configuration names, when it names exactly one."""
        if len(self.config.languages) == 1 and self.config.languages[0] != "*":
            return self.config.languages[0]
        return None


def _prepare_input(text: str | bytes, input: InputKind) -> tuple[str, dict[str, Any]]:
    """The text the stages clean, and what the report records about how it was obtained."""
    if input == "html":
        from cleantext.html import extract_text  # trafilatura only when HTML is cleaned

        extraction = extract_text(text)
        return extraction.text, extraction.describe()
    if input != "text":
        raise ConfigError(f"unknown input kind {input!r}; use 'text' or 'html'")
    if isinstance(text, bytes):
        raise InputError("text input must be str: decode the bytes first, or pass input='html'")
    return text, {}


class _LazyGuess:
    """A document's language, guessed on first use (and given, when the user said it)."""

    def __init__(self, given: str | None, text: str) -> None:
        self.done = given is not None
        self._value, self._text = given, text

    @property
    def value(self) -> str | None:
        if not self.done:
            self._value, self.done = guess_language(self._text), True
        return self._value

    def __call__(self) -> str | None:
        return self.value


@dataclass(frozen=True, slots=True)
class _Run:
    cleaned: str
    changes: list[Change]
    skips: list[Skip]
    language: str | None


def _cut_inside_a_line(document: Document, removals: list[Change]) -> bool:
    """Whether a removal took a span out of a line rather than whole lines."""
    return any(
        change.start != document.starts[document.line_at(change.start)]
        and document.text[change.start] != "\n"
        for change in removals
    )


def _repair(
    text: str,
    changes: list[Change],
    language: _LazyGuess,
    fixers: tuple[Fixer, ...],
    explain: bool,
) -> tuple[str, list[Change]]:
    """Run each fixer whose cue is in the text (most clean documents run none), again
    until nothing changes: removing a zero-width space can reveal mojibake behind it.
    One scan answers the first cues of each new text (`cleantext.repair_scan`)."""
    known = repair_cues(text) if fixers else None
    if known and not any(known.values()):  # the scan answered every cue: none is there
        return text, changes
    cues = Cues(text, known)
    if cues.rule_out(fixers):
        return text, changes
    for _ in range(MAX_PASSES):
        context = RepairContext(language, text)
        changed = False
        for fixer in fixers:
            if fixer not in cues:
                continue
            found = fixer.find(text, context)
            if found:
                if explain:
                    changes = compose(changes, found, text)
                text = apply_changes(text, found)
                context, cues = RepairContext(language, text), Cues(text, repair_cues(text))
                changed = True
        if not changed:
            break
    return text, changes


@lru_cache(maxsize=32)
def cached_cleaner(config: Config) -> Cleaner:
    """One cleaner per configuration, so module-level calls compile rules only once."""
    return Cleaner(config)
