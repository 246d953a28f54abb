"""Rule files as data: parse one TOML rule into a `RuleSpec`, or say precisely what is wrong.

Every error names the file, the key and the problem, because the people who read them are
writing their own rule packs and need to know what to change.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from cleantext.errors import RuleError

CATEGORIES = (
    "comments",
    "spam-protection",
    "login",
    "cookies",
    "share",
    "newsletter",
    "related",
    "navigation",
    "ads",
    "copyright",
    "metadata",
    "other",
)
STATUSES = ("stable", "preview", "deprecated")
MATCH_KINDS = ("phrase", "regex", "lines", "python")
SCOPES = ("match", "line", "block", "to-end", "from-start")
DIRECTIONS = ("down", "up", "both")
LINE_PREDICATES = (
    "min_chars",
    "max_chars",
    "min_words",
    "max_words",
    "ends_with_punctuation",
    "min_uppercase_share",
    "link_like",
    "pattern",
)
RULE_KEYS = (
    "id",
    "title",
    "category",
    "languages",
    "status",
    "description",
    "overrides",
    "match",
    "scope",
    "guard",
    "example",
    "counterexample",
)
MATCH_KEYS = (
    "kind",
    "phrases",
    "whole_line",
    "list_items",
    "patterns",
    "ignore_case",
    "timeout_ms",
    "name",
    "params",
    "fragments",
    *LINE_PREDICATES,
)
SCOPE_KEYS = (
    "remove",
    "continue",
    "continue_regex",
    "direction",
    "max_gap",
    "max_gap_chars",
    "max_lines",
)
GUARD_KEYS = ("min_chars_before", "max_chars_before", "max_chars_after", "max_share")
EXAMPLE_KEYS = ("name", "text", "expect")
_ID = regex.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$")
_LANGUAGE = regex.compile(r"^(?:\*|[a-z]{2,3})$")


@dataclass(frozen=True, slots=True)
class MatchSpec:
    kind: str
    phrases: tuple[str, ...] = ()
    whole_line: bool = True
    list_items: bool = True  # whole-line phrases: may a list item ("- Read more") match?
    patterns: tuple[str, ...] = ()
    ignore_case: bool = True
    timeout_ms: int = 50
    predicates: tuple[tuple[str, Any], ...] = ()
    name: str = ""
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class ScopeSpec:
    remove: str = "line"
    continue_phrases: tuple[str, ...] = ()
    continue_regex: tuple[str, ...] = ()
    direction: str = "down"
    max_gap: int = 0
    max_gap_chars: int = 60
    max_lines: int = 40


@dataclass(frozen=True, slots=True)
class GuardSpec:
    min_chars_before: int | None = None
    max_chars_before: int | None = None
    max_chars_after: int | None = None
    max_share: float | None = None


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    text: str
    expect: str | None  # None for a counterexample: the text must come out unchanged


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule as its file declares it, validated."""

    id: str
    title: str
    category: str
    languages: tuple[str, ...]
    status: str
    description: str
    match: MatchSpec
    scope: ScopeSpec
    guard: GuardSpec
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[Example, ...] = ()
    overrides: str | None = None
    path: str = ""
    pack: str = field(default="")

    def applies_to(self, languages: tuple[str, ...]) -> bool:
        """Whether the rule is meant for any of ``languages`` (all, when none are given)."""
        return not languages or "*" in self.languages or bool(set(languages) & set(self.languages))


class _Table:
    """Reads one TOML table, checking types and reporting unknown keys with a suggestion."""

    def __init__(self, data: Any, path: Path, prefix: str, known: tuple[str, ...]) -> None:
        if not isinstance(data, dict):
            raise RuleError(f"{path}: {prefix or 'file'}: expected a table")
        self.data, self.path, self.prefix = data, path, prefix
        for key in data:
            if key not in known:
                raise self.fail(key, f"unknown key{_hint(key, known)}")

    def fail(self, key: str, problem: str) -> RuleError:
        return RuleError(f"{self.path}: {self.prefix}{key}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.fail(key, f"expected a number, got {value!r}")
        if not isinstance(value, kind):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.fail(key, f"expected {names}, got {type(value).__name__} {value!r}")
        return value

    def require(self, key: str, kind: type | tuple[type, ...]) -> Any:
        value = self.get(key, kind)
        if value is None:
            raise self.fail(key, "is required")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(key, "expected a list of non-empty strings")
        return tuple(values)

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.get(key, str, default)
        if value is None:
            raise self.fail(key, f"is required (one of {', '.join(choices)})")
        if value not in choices:
            raise self.fail(
                key, f"{value!r} is not one of {', '.join(choices)}{_hint(value, choices)}"
            )
        return str(value)


def _hint(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def parse_rule(data: dict[str, Any], path: Path, pack: str, defaults: dict[str, Any]) -> RuleSpec:
    """Validate one rule file's data; ``defaults`` come from the pack's ``[defaults]``."""
    merged = _merge(defaults, data)
    table = _Table(merged, path, "", RULE_KEYS)
    rule_id = table.require("id", str)
    expected = f"{pack}.{path.stem}"
    if rule_id != expected:
        raise table.fail("id", f"{rule_id!r} must be {expected!r} (<pack>.<file stem>)")
    if not _ID.match(rule_id):
        raise table.fail("id", "use lowercase letters, digits and dashes: <pack>.<slug>")
    languages = table.strings("languages")
    if not languages or not all(_LANGUAGE.match(code) for code in languages):
        raise table.fail("languages", 'expected ISO 639-1 codes such as ["en", "de"], or ["*"]')
    spec = RuleSpec(
        id=rule_id,
        title=table.require("title", str),
        category=table.choice("category", CATEGORIES),
        languages=languages,
        status=table.choice("status", STATUSES, "stable"),
        description=table.require("description", str).strip(),
        match=_parse_match(_Table(table.require("match", dict), path, "match.", MATCH_KEYS), path),
        scope=_parse_scope(_Table(table.get("scope", dict, {}), path, "scope.", SCOPE_KEYS)),
        guard=_parse_guard(_Table(table.get("guard", dict, {}), path, "guard.", GUARD_KEYS)),
        examples=_parse_examples(table, "example", path),
        counterexamples=_parse_examples(table, "counterexample", path),
        overrides=table.get("overrides", str),
        path=str(path),
        pack=pack,
    )
    _check_scope_fits(spec, table)
    return spec


def _merge(defaults: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    merged = dict(defaults)
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _parse_match(table: _Table, path: Path) -> MatchSpec:
    kind = table.choice("kind", MATCH_KINDS)
    fragments = _Fragments(table)
    spec = MatchSpec(
        kind=kind,
        phrases=table.strings("phrases"),
        whole_line=table.get("whole_line", bool, True),
        list_items=table.get("list_items", bool, True),
        patterns=fragments.expand_all(table.strings("patterns") + _single_pattern(table, kind)),
        ignore_case=table.get("ignore_case", bool, True),
        timeout_ms=table.get("timeout_ms", int, 50),
        predicates=_parse_predicates(table, fragments) if kind == "lines" else (),
        name=table.get("name", str, ""),
        params=tuple(sorted(table.get("params", dict, {}).items())),
    )
    if kind == "phrase" and not spec.phrases:
        raise table.fail("phrases", "a phrase rule needs at least one phrase")
    if not spec.list_items and not (kind == "phrase" and spec.whole_line):
        raise table.fail("list_items", "only whole-line phrases can leave list items out")
    if kind == "regex" and not spec.patterns:
        raise table.fail("pattern", "a regex rule needs `pattern` or `patterns`")
    if kind == "python" and not spec.name:
        raise table.fail("name", "a python rule names a built-in heuristic")
    if kind == "lines" and not spec.predicates:
        raise table.fail("kind", f"a lines rule needs at least one of {', '.join(LINE_PREDICATES)}")
    for pattern in spec.patterns + tuple(v for k, v in spec.predicates if k == "pattern"):
        _check_regex(table, "pattern", pattern)
    fragments.check_all_used()
    return spec


class _Fragments:
    """``[match.fragments]``: named pieces of regex that patterns spell ``{{name}}``.

    A month list or a set of labels that several patterns share is written once, so a
    pattern reads as its structure (``^{{label}}?{{date}}$``) rather than as 3,000
    characters of alternatives. A fragment is a regex or a list of alternatives (a line per
    language reads better than one long line); it may use the fragments defined before it,
    and each use becomes a non-capturing group. Double braces cannot clash with regex syntax.
    """

    _USE = regex.compile(r"\{\{([^{}]*)\}\}")

    def __init__(self, table: _Table) -> None:
        self.table = table
        self.defined: dict[str, str] = {}
        self.used: set[str] = set()
        for name, piece in table.get("fragments", dict, {}).items():
            if isinstance(piece, list) and piece and all(isinstance(p, str) for p in piece):
                piece = "|".join(piece)  # a list is a set of alternatives, one line each
            if not isinstance(piece, str) or not piece.strip():
                raise table.fail(
                    f"fragments.{name}", "expected a regex, or a list of regex alternatives"
                )
            if not regex.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise table.fail(f"fragments.{name}", "use a lowercase name: letters, digits, _")
            self.defined[name] = self.expand(piece, f"fragments.{name}")

    def expand(self, pattern: str, key: str = "patterns") -> str:
        def substitute(use: regex.Match[str]) -> str:
            name = use.group(1)
            if name not in self.defined:
                known = tuple(self.defined)
                raise self.table.fail(key, f"unknown fragment {{{{{name}}}}}{_hint(name, known)}")
            self.used.add(name)
            return f"(?:{self.defined[name]})"

        return str(self._USE.sub(substitute, pattern))

    def expand_all(self, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.expand(pattern) for pattern in patterns)

    def check_all_used(self) -> None:
        unused = [name for name in self.defined if name not in self.used]
        if unused:
            raise self.table.fail(f"fragments.{unused[0]}", "is never used")


def _single_pattern(table: _Table, kind: str) -> tuple[str, ...]:
    """``pattern = "..."``: the regex of a regex rule (a lines rule reads it as a predicate)."""
    pattern = table.get("pattern", str) if kind == "regex" else None
    return (pattern,) if pattern else ()


def _parse_predicates(table: _Table, fragments: _Fragments) -> tuple[tuple[str, Any], ...]:
    kinds: dict[str, type | tuple[type, ...]] = {
        "min_chars": int,
        "max_chars": int,
        "min_words": int,
        "max_words": int,
        "ends_with_punctuation": bool,
        "min_uppercase_share": (int, float),
        "link_like": bool,
        "pattern": str,
    }
    found = []
    for key in LINE_PREDICATES:
        value = table.get(key, kinds[key])
        if value is not None:
            found.append((key, fragments.expand(value, key) if key == "pattern" else value))
    return tuple(found)


def _check_regex(table: _Table, key: str, pattern: str) -> None:
    try:
        regex.compile(pattern, regex.MULTILINE | regex.IGNORECASE)
    except regex.error as error:
        raise table.fail(key, f"invalid regular expression {pattern!r}: {error}") from None


def _parse_scope(table: _Table) -> ScopeSpec:
    spec = ScopeSpec(
        remove=table.choice("remove", SCOPES, "line"),
        continue_phrases=table.strings("continue"),
        continue_regex=table.strings("continue_regex"),
        direction=table.choice("direction", DIRECTIONS, "down"),
        max_gap=table.get("max_gap", int, 0),
        max_gap_chars=table.get("max_gap_chars", int, 60),
        max_lines=table.get("max_lines", int, 40),
    )
    for pattern in spec.continue_regex:
        _check_regex(table, "continue_regex", pattern)
    return spec


def _parse_guard(table: _Table) -> GuardSpec:
    spec = GuardSpec(
        min_chars_before=table.get("min_chars_before", int),
        max_chars_before=table.get("max_chars_before", int),
        max_chars_after=table.get("max_chars_after", int),
        max_share=table.get("max_share", (int, float)),
    )
    if spec.max_share is not None and not 0 < spec.max_share <= 1:
        raise table.fail("max_share", "expected a share between 0 and 1")
    return spec


def _parse_examples(table: _Table, key: str, path: Path) -> tuple[Example, ...]:
    examples = []
    for number, item in enumerate(table.get(key, list, []), start=1):
        entry = _Table(item, path, f"{key}[{number}].", EXAMPLE_KEYS)
        text = entry.require("text", str)
        expect = entry.require("expect", str) if key == "example" else None
        examples.append(Example(entry.get("name", str, f"{key}-{number}"), text, expect))
    return tuple(examples)


def _check_scope_fits(spec: RuleSpec, table: _Table) -> None:
    """Rules that remove up to an edge must say how far from that edge they may fire."""
    scope, guard = spec.scope.remove, spec.guard
    if scope == "to-end" and guard.max_chars_after is None:
        raise table.fail("guard.max_chars_after", "a to-end rule must bound how much it removes")
    if scope == "from-start" and guard.max_chars_before is None:
        raise table.fail(
            "guard.max_chars_before", "a from-start rule must bound how much it removes"
        )
    if scope == "match" and spec.match.kind not in ("phrase", "regex"):
        raise table.fail("scope.remove", "`match` scope needs a phrase or regex match")
    if scope != "block" and (spec.scope.continue_phrases or spec.scope.continue_regex):
        raise table.fail("scope.continue", 'continue lines only make sense with remove = "block"')
