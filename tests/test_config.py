"""Configuration discovery and layering."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext import Cleaner, ConfigError, clean_text, load_config

AKISMET = (
    "Story.\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed."
)


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleantext]\npreset = "strict"\nignore = ["pack:akismet"]\n'
    )
    (tmp_path / "src").mkdir()
    config = load_config(start=tmp_path / "src")
    assert (config.preset, config.ignore) == ("strict", ("pack:akismet",))
    assert Cleaner(config).clean(AKISMET) == AKISMET


def test_cleantext_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\npreset = "strict"\n')
    (tmp_path / "cleantext.toml").write_text('preset = "default"\n')
    assert load_config(start=tmp_path).preset == "default"


def test_rule_dirs_are_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text('rule-dirs = ["my-rules"]\n')
    assert load_config(start=tmp_path).rule_dirs == (tmp_path / "my-rules",)


def test_unknown_config_key_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text('extend_select = ["x"]\n')
    with pytest.raises(ConfigError, match="unknown key 'extend_select'"):
        load_config(start=tmp_path)


def test_library_options() -> None:
    assert clean_text(AKISMET) == "Story."
    assert clean_text(AKISMET, ignore="akismet.notice") == AKISMET
    assert clean_text(AKISMET, select=["category:cookies"]) == AKISMET
    with pytest.raises(ConfigError):
        clean_text(AKISMET, colour="red")
