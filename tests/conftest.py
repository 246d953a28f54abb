"""Shared fixtures: where the project's data lies, the golden-update switch, and a
cache folder of the test run's own."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = ROOT / "corpus" / "en-meduza-nato"


def pytest_configure(config: pytest.Config) -> None:
    """Tests and the commands they start cache compiled rules in a folder of their own,
    not in the user's cache (set before any test module builds a cleaner)."""
    folder = tempfile.mkdtemp(prefix="cleantext-test-cache-")
    os.environ["CLEANTEXT_CACHE_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the corpus's expected outputs and reports from the current rules",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
