"""Every rule's embedded examples and counterexamples, one test each.

Test ids are ``<rule-id>::<example-name>``, so ``pytest -k wordpress.comment-form`` runs
one rule's cases.
"""

from __future__ import annotations

import pytest

from cleantext.config import Config
from cleantext.ruleset.loader import load_library
from cleantext.ruleset.select import select_rules
from cleantext.testing import Case, check_case, cleaner_for, iter_cases

LIBRARY = load_library()
CASES = list(iter_cases(sorted(LIBRARY.rules.values(), key=lambda spec: spec.id)))
EVERY_RULE = cleaner_for(select_rules(LIBRARY, "strict", None, (), (), (), preview=True))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_example(case: Case) -> None:
    problem = check_case(case, EVERY_RULE)
    assert problem is None, problem


def test_every_rule_has_examples_and_counterexamples() -> None:
    missing = [
        spec.id for spec in LIBRARY.rules.values() if not spec.examples or not spec.counterexamples
    ]
    assert missing == []


def test_presets_select_rules() -> None:
    default = {s.id for s in select_rules(LIBRARY, "default", None, (), (), (), False)}
    strict = {s.id for s in select_rules(LIBRARY, "strict", None, (), (), (), False)}
    assert default and default < strict
    assert all(LIBRARY.rules[i].category != "copyright" for i in default)
    assert any(LIBRARY.rules[i].category == "copyright" for i in strict)
    assert Config().preset == "default"
