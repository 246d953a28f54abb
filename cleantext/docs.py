"""The rule catalogue, ``docs/rules.md``, generated from the rule files.

The catalogue is never written by hand: a rule's file is its documentation, and a test
fails when the committed catalogue differs from what this module renders. Rebuild it with
``cleantext rules docs > docs/rules.md`` (or ``python -m cleantext.docs > docs/rules.md``).
"""

from __future__ import annotations

import difflib
import re
import sys

from cleantext.report.rule_info import rule_file, scope_summary
from cleantext.ruleset.loader import Library, load_library
from cleantext.ruleset.schema import Example, RuleSpec
from cleantext.ruleset.select import preset_selection

COMMAND = "cleantext rules docs > docs/rules.md"


def render_catalogue(library: Library) -> str:
    """Markdown: an index, then one section per pack and one per rule, sorted by id."""
    specs = sorted(library.rules.values(), key=lambda spec: spec.id)
    presets = {name: preset_selection(library, name) for name in sorted(library.presets)}
    packs = sorted({spec.pack for spec in specs})
    out = [
        "# Rule catalogue",
        "",
        f"<!-- Generated from the rule files by `{COMMAND}`; do not edit. -->",
        "",
        f"{len(specs)} rules in {len(packs)} packs. Presets (`preset = ...` in the config, "
        "`--preset` on the command line; preview rules also need `preview = true`):",
        "",
        *(f"- **{name}**: {library.presets[name].description.strip()}" for name in presets),
        "",
        "| rule | category | status | presets |",
        "| --- | --- | --- | --- |",
    ]
    for spec in specs:
        member = ", ".join(name for name, ids in presets.items() if spec.id in ids) or "none"
        out.append(
            f"| [{spec.id}](#{_anchor(spec.id)}) | {spec.category} | {spec.status} | {member} |"
        )
    for pack in packs:
        out += ["", f"## Pack `{pack}`", "", library.packs.get(pack, "").strip()]
        for spec in (s for s in specs if s.pack == pack):
            chosen_by = [name for name, ids in presets.items() if spec.id in ids]
            out += ["", *_rule_section(spec, chosen_by)]
    return "\n".join(out).rstrip("\n") + "\n"


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to dashes."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _rule_section(spec: RuleSpec, presets: list[str]) -> list[str]:
    out = [
        f"### {spec.id}",
        "",
        f"**{spec.title}**",
        "",
        f"- category: `{spec.category}`",
        f"- languages: {', '.join(f'`{code}`' for code in spec.languages)}",
        f"- status: {spec.status}",
        f"- scope: {scope_summary(spec)}",
        f"- presets: {', '.join(presets) or 'none (select it by id)'}",
        f"- file: `{rule_file(spec)}`",
        "",
        *(" ".join(p.split()) + "\n" for p in spec.description.split("\n\n") if p.strip()),
    ]
    for example in spec.examples:
        out += [f"Example `{example.name}`:", "", *fenced(_example_diff(example), "diff"), ""]
    for example in spec.counterexamples:
        out += [
            f"Counterexample `{example.name}` (left unchanged):",
            "",
            *fenced(example.text.strip("\n"), "text"),
            "",
        ]
    lines = [line.rstrip() for part in out for line in part.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _example_diff(example: Example) -> str:
    """The example's text with the lines its rule removes marked ``-``, whole."""
    before = example.text.strip("\n").split("\n")
    after = (example.expect or "").strip("\n").split("\n")
    lines = difflib.unified_diff(before, after, lineterm="", n=len(before) + len(after))
    return "\n".join(line.rstrip() for line in list(lines)[3:])


def fenced(text: str, language: str) -> list[str]:
    """A code block whose fence is longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", text, fence]


def main() -> None:
    sys.stdout.write(render_catalogue(load_library()))


if __name__ == "__main__":
    main()
