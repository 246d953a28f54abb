"""``cleantext rules``: what would run, one rule in detail, the rules' own tests, the catalogue.

    cleantext rules [SELECTION]         the rules cleaning with SELECTION runs
    cleantext rules show ID             a rule's declaration, its examples drawn as diffs
    cleantext rules test [PATH ...]     run the embedded examples; exit 1 on a failure
    cleantext rules docs                the Markdown catalogue of the built-in rules

The listing resolves the selection exactly as cleaning does (same options, same config
file), so what it shows is what will run.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from cleantext.cli.io import EXIT_CHANGED, EXIT_OK
from cleantext.cli.options import add_selection_options, config_from_args
from cleantext.cli.terminal import add_color_option, is_terminal, wants_color, wants_drawing
from cleantext.engine import load_ruleset
from cleantext.errors import ConfigError
from cleantext.report.rule_info import describe_rule
from cleantext.report.unified import unified_diff
from cleantext.ruleset.loader import load_library
from cleantext.ruleset.schema import RuleSpec
from cleantext.ruleset.select import select_rules
from cleantext.testing import Case, check_case, cleaner_for, iter_cases

HEADERS = ("id", "category", "pack", "languages", "status", "scope")
WHOLE = 1_000_000  # context lines: examples are short, show them whole


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext rules",
        description="List the rules the selection runs (tab-separated when piped); "
        "`show`, `test` and `docs` do more.",
        epilog="Examples: cleantext rules --preset strict; cleantext rules show "
        "wordpress.comment-form; cleantext rules test my-rules/",
    )
    add_selection_options(parser)
    add_color_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="{show,test,docs}")
    # Values given after the action must not be reset by the action's defaults.
    quiet = argparse.SUPPRESS
    show = actions.add_parser("show", help="describe one rule", argument_default=quiet)
    show.add_argument("rule", metavar="ID", help="a rule id, such as wordpress.comment-form")
    test = actions.add_parser("test", help="run the rules' examples", argument_default=quiet)
    test.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="your rule files or pack folders"
    )
    test.add_argument("-k", dest="keyword", default="", help="only cases whose id contains this")
    for sub in (show, test):
        add_selection_options(sub)
        add_color_option(sub, default=quiet)
    actions.add_parser("docs", help="print the rule catalogue (docs/rules.md)")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.action == "show":
        return show_rule(args)
    if args.action == "test":
        return test_rules(args)
    if args.action == "docs":
        from cleantext.docs import render_catalogue

        sys.stdout.write(render_catalogue(load_library()))
        return EXIT_OK
    return list_rules(args)


def list_rules(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    specs = load_ruleset(config).specs
    drawing = wants_drawing(args.color, is_terminal(sys.stdout))
    comma = ", " if drawing else ","  # a drawn table wraps languages at the spaces
    rows = [
        (s.id, s.category, s.pack, comma.join(s.languages), s.status, s.scope.remove) for s in specs
    ]
    if not drawing:
        sys.stdout.write("".join("\t".join(row) + "\n" for row in (HEADERS, *rows)))
        return EXIT_OK
    from cleantext.report.diff import draw_table, make_console

    by = f"preset {config.preset}" if config.select is None else "--select"
    console = make_console(sys.stdout, wants_color(args.color, is_terminal(sys.stdout)))
    draw_table(console, HEADERS, rows, title=f"{len(rows)} rules selected ({by})")
    return EXIT_OK


def show_rule(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    library = load_library(config.rule_dirs)
    spec = library.rules.get(args.rule)
    if spec is None:
        close = difflib.get_close_matches(args.rule, list(library.rules), n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else "; `cleantext rules` lists them"
        raise ConfigError(f"unknown rule {args.rule!r}{hint}")
    selected = spec.id in {s.id for s in load_ruleset(config).specs}
    print(describe_rule(spec, selected))
    drawing = wants_drawing(args.color, is_terminal(sys.stdout))
    failures = 0
    for case in iter_cases([spec]):
        failures += _show_case(case, drawing, args.color)
    return EXIT_CHANGED if failures else EXIT_OK


def _show_case(case: Case, drawing: bool, color: str) -> int:
    """Print one example: its verdict, then what the rule does to it (1 if it fails)."""
    example = case.example
    kind = "example" if example.expect is not None else "counterexample"
    problem = check_case(case)
    heading = f"{kind} {example.name}: {'ok' if problem is None else 'FAILED'}"
    report = cleaner_for([case.rule]).explain(example.text, id=heading)
    if report.changed and drawing:
        from cleantext.report.diff import draw_report, make_console

        console = make_console(sys.stdout, wants_color(color, is_terminal(sys.stdout)))
        draw_report(console, report, context=WHOLE, summary=False)
    elif report.changed:
        sys.stdout.write(f"{heading}\n{unified_diff(report, WHOLE)}")
    else:
        print(f"{heading} (left unchanged)")
        print("".join(f"  {line}\n" for line in example.text.strip("\n").split("\n")), end="")
    if problem is not None:
        print(f"expected and actual output differ:\n{problem}", end="")
    print()
    return 0 if problem is None else 1


def test_rules(args: argparse.Namespace) -> int:
    """Every embedded example of the built-in rules and of the given files; each failure
    is a unified diff of the expected against the actual output."""
    config = config_from_args(args)
    library = load_library((*config.rule_dirs, *(Path(p) for p in args.paths)))
    specs: list[RuleSpec] = sorted(library.rules.values(), key=lambda spec: spec.id)
    everything = cleaner_for(select_rules(library, "strict", None, (), (), (), preview=True))
    cases = [case for case in iter_cases(specs) if args.keyword in case.id]
    failed = 0
    for case in cases:
        problem = check_case(case, everything)
        if problem is not None:
            failed += 1
            print(f"FAILED {case.id}\n{problem}")
    rules = len({case.rule.id for case in cases})
    print(
        f"{len(cases)} examples of {rules} rules: {len(cases) - failed} passed"
        + (f", {failed} failed" if failed else "")
    )
    return EXIT_CHANGED if failed else EXIT_OK
