"""Which rules run: a preset, then ``select``, ``extend-select`` and ``ignore`` selectors.

Selectors are a rule id, a glob over ids (``wordpress.*``), ``category:<name>`` or
``pack:<name>``, as users know them from ruff. A selector that matches nothing is an
error with the closest suggestion: a typo must never silently turn a rule off.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable

from cleantext.errors import ConfigError
from cleantext.ruleset.loader import Library
from cleantext.ruleset.schema import CATEGORIES, RuleSpec


def matching(library: Library, selector: str) -> set[str]:
    """The ids a selector names; raises `ConfigError` when it names nothing."""
    kind, _, value = selector.partition(":")
    if value and kind == "category":
        if value not in CATEGORIES:
            raise ConfigError(_unknown("category", value, CATEGORIES))
        return {i for i, r in library.rules.items() if r.category == value}
    if value and kind == "pack":
        if value not in library.packs:
            raise ConfigError(_unknown("pack", value, library.packs))
        return {i for i, r in library.rules.items() if r.pack == value}
    if any(char in selector for char in "*?["):
        ids = set(fnmatch.filter(library.rules, selector))
        if not ids:
            raise ConfigError(
                f"selector {selector!r} matches no rule; `cleantext rules` lists them"
            )
        return ids
    if selector in library.rules:
        return {selector}
    raise ConfigError(_unknown("rule", selector, library.rules))


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {what} {value!r}{hint}"


def preset_selection(library: Library, name: str, seen: tuple[str, ...] = ()) -> set[str]:
    """The ids a preset selects, following ``extends``."""
    preset = library.presets.get(name)
    if preset is None:
        raise ConfigError(_unknown("preset", name, library.presets))
    if name in seen:
        raise ConfigError(f"{preset.path}: extends: presets extend each other in a loop")
    chosen = preset_selection(library, preset.extends, (*seen, name)) if preset.extends else set()
    for selector in preset.select:
        chosen |= matching(library, selector)
    for selector in preset.ignore:
        chosen -= matching(library, selector)
    return chosen


def select_rules(
    library: Library,
    preset: str,
    select: tuple[str, ...] | None,
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    languages: tuple[str, ...],
    preview: bool,
) -> list[RuleSpec]:
    """Resolve the selection to rule specs, sorted by id so the result is reproducible.

    The user's own rules run unless ignored: adding a rule file is asking for it.
    Preview rules need ``preview``; deprecated ones must be named by their exact id.
    """
    if select is None:
        chosen = preset_selection(library, preset) | set(library.user_rules)
    else:
        chosen = set().union(*(matching(library, s) for s in select)) if select else set()
    for selector in extend_select:
        chosen |= matching(library, selector)
    for selector in ignore:
        chosen -= matching(library, selector)
    named = set((select or ()) + extend_select)
    rules = []
    for rule_id in sorted(chosen):
        spec = library.rules[rule_id]
        if spec.status == "preview" and not preview and rule_id not in named:
            continue
        if spec.status == "deprecated" and rule_id not in named:
            continue
        if spec.applies_to(languages):
            rules.append(spec)
    return rules
