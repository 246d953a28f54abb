"""Import contracts: rich is drawn in, only where a terminal is drawn, and only then."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import ROOT, SEED

RICH_IMPORTERS = {"cleantext/report/diff.py", "cleantext/cli/progress.py"}


def test_only_the_drawing_modules_import_rich() -> None:
    importing = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "cleantext").rglob("*.py")
        if re.search(r"^\s*(?:import rich|from rich[. ])", path.read_text(), re.M)
    }
    assert importing <= RICH_IMPORTERS


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_import_cleantext_and_its_commands_stays_light() -> None:
    modules = ", ".join(
        f"cleantext.{name}"
        for name in (
            "cli",
            "cli.diff",
            "cli.check",
            "cli.rules",
            "cli.explain",
            "cli.inplace",
            "cli.filter",
            "report",
            "report.unified",
            "docs",
        )
    )
    result = run_python(f"import sys, cleantext, {modules}; print('rich' in sys.modules)")
    assert result.stdout == "False\n", result.stderr


def test_piped_diff_never_imports_rich() -> None:
    code = (
        "import sys, cleantext.cli\n"
        f"status = cleantext.cli.main(['diff', {str(SEED / 'input.txt')!r}])\n"
        "print(status, 'rich' in sys.modules, file=sys.stderr)\n"
    )
    result = run_python(code)
    assert result.stderr == "1 False\n"
    assert result.stdout.startswith("--- ")
