"""Run the examples embedded in rule files; shipped so third-party packs test the same way.

An ``[[example]]`` runs with only its own rule and no repair stage, so its ``expect`` is
exactly what that rule removes. A ``[[counterexample]]`` must come out unchanged, both with
its own rule alone and with every rule of the library, since it stands for article prose
that no rule may touch.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleantext.config import Config
from cleantext.engine import Cleaner, RuleSet
from cleantext.ruleset.schema import Example, RuleSpec


@dataclass(frozen=True, slots=True)
class Case:
    """One embedded example, named ``<rule-id>::<example-name>`` as in the test ids."""

    rule: RuleSpec
    example: Example

    @property
    def id(self) -> str:
        return f"{self.rule.id}::{self.example.name}"

    @property
    def expected(self) -> str:
        return self.example.text if self.example.expect is None else self.example.expect


def iter_cases(specs: Sequence[RuleSpec]) -> Iterator[Case]:
    for spec in specs:
        for example in spec.examples + spec.counterexamples:
            yield Case(spec, example)


def cleaner_for(specs: Sequence[RuleSpec]) -> Cleaner:
    """A cleaner that runs only ``specs``, without repairs."""
    return Cleaner(Config(repair=False), RuleSet.from_specs(specs))


def check_case(case: Case, everything: Cleaner | None = None) -> str | None:
    """None when the case passes, else a unified diff of expected against actual output."""
    actual = cleaner_for([case.rule]).clean(case.example.text)
    problem = _diff(case.expected, actual, case.id)
    if problem is None and case.example.expect is None and everything is not None:
        problem = _diff(
            case.expected, everything.clean(case.example.text), f"{case.id} (all rules)"
        )
    return problem


def _diff(expected: str, actual: str, name: str) -> str | None:
    if expected == actual:
        return None
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{name} expected",
        tofile=f"{name} actual",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
