"""A rule described in words: what ``cleantext rules show`` prints and the catalogue uses.

Everything here reads a `RuleSpec` as its file declared it; nothing runs the rule.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from cleantext.ruleset.schema import RuleSpec, ScopeSpec

_INDENT = "  "


def scope_summary(spec: RuleSpec) -> str:
    """The scope in a few words.

    >>> from cleantext.ruleset.schema import GuardSpec, MatchSpec
    >>> spec = RuleSpec("a.b", "T", "other", ("en",), "stable", "", MatchSpec("phrase"),
    ...                 ScopeSpec("block", max_lines=60), GuardSpec())
    >>> scope_summary(spec)
    'block (down, at most 60 lines)'
    """
    scope = spec.scope
    if scope.remove != "block":
        return scope.remove
    gap = f", gaps of {scope.max_gap}" if scope.max_gap else ""
    return f"block ({scope.direction}, at most {scope.max_lines} lines{gap})"


def rule_file(spec: RuleSpec) -> str:
    """Where the rule lives, as ``rules/<pack>/<file>`` for a built-in rule."""
    return f"rules/{spec.pack}/{Path(spec.path).name}" if spec.path else "(no file)"


def guard_lines(spec: RuleSpec) -> list[str]:
    guard = spec.guard
    found = [
        ("min_chars_before", guard.min_chars_before),
        ("max_chars_before", guard.max_chars_before),
        ("max_chars_after", guard.max_chars_after),
        ("max_share", guard.max_share),
    ]
    return [f"{key} = {value}" for key, value in found if value is not None]


def match_lines(spec: RuleSpec) -> list[str]:
    """The match table, one setting or one list item per line."""
    match = spec.match
    lines = [f"kind = {match.kind}"]
    if match.kind == "phrase":
        lines.append(f"whole_line = {str(match.whole_line).lower()}")
        lines += _items("phrases", match.phrases)
    elif match.kind == "regex":
        lines.append(f"ignore_case = {str(match.ignore_case).lower()}")
        lines += _items("patterns", match.patterns)
    elif match.kind == "lines":
        lines += [f"{key} = {value!r}" for key, value in match.predicates]
    else:
        lines.append(f"name = {match.name}")
        lines += [f"params.{key} = {value!r}" for key, value in match.params]
    return lines


def scope_lines(scope: ScopeSpec) -> list[str]:
    lines = [f"remove = {scope.remove}"]
    if scope.remove == "block":
        lines.append(f"direction = {scope.direction}")
        lines.append(f"max_lines = {scope.max_lines}")
        if scope.max_gap:
            lines.append(f"max_gap = {scope.max_gap}, max_gap_chars = {scope.max_gap_chars}")
        lines += _items("continue", scope.continue_phrases)
        lines += _items("continue_regex", scope.continue_regex)
    return lines


def _items(name: str, values: tuple[str, ...]) -> list[str]:
    return [f"{name} ({len(values)}):"] + [f"{_INDENT}{value}" for value in values]


def describe_rule(spec: RuleSpec, selected: bool | None = None, width: int = 88) -> str:
    """The rule's declaration in plain text: identity, description, match, scope, guard."""
    head = [
        f"{spec.id}: {spec.title}",
        f"{_INDENT}file:      {rule_file(spec) if spec.pack else spec.path}",
        f"{_INDENT}category:  {spec.category}",
        f"{_INDENT}languages: {', '.join(spec.languages)}",
        f"{_INDENT}status:    {spec.status}",
        f"{_INDENT}scope:     {scope_summary(spec)}",
    ]
    if selected is not None:
        head.append(
            f"{_INDENT}selected:  {'yes' if selected else 'no (not in the current selection)'}"
        )
    if spec.overrides:
        head.append(f"{_INDENT}overrides: {spec.overrides}")
    sections = ["\n".join(head), "description:\n" + _paragraphs(spec.description, width)]
    for title, lines in (
        ("match", match_lines(spec)),
        ("scope", scope_lines(spec.scope)),
        ("guard", guard_lines(spec) or ["none"]),
    ):
        sections.append(f"{title}:\n" + "\n".join(_INDENT + line for line in lines))
    return "\n\n".join(sections) + "\n"


def _paragraphs(text: str, width: int) -> str:
    return "\n\n".join(
        textwrap.fill(
            " ".join(paragraph.split()),
            width=width,
            initial_indent=_INDENT,
            subsequent_indent=_INDENT,
        )
        for paragraph in text.split("\n\n")
        if paragraph.strip()
    )
