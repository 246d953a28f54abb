"""The on-disk cache: a second start reads what the first compiled, a changed rule file
is never served stale, old entries are pruned, and a cache that cannot be used only
costs speed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleantext import cache
from cleantext.config import Config

RULE = """
[[rule]]
id = "local.promo"
category = "promo"
description = "Our own promotion line."
[rule.match]
phrases = ["Buy our mugs"]
[[rule.example]]
text = "Buy our mugs"
"""


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(folder))
    return folder


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_selection_is_built_once_and_then_read(cache_folder: Path) -> None:
    calls, build = _counting(["resolved"])
    assert cache.cached_selection(Config(), build) == ["resolved"]
    assert cache.cached_selection(Config(), build) == ["resolved"]
    assert len(calls) == 1
    assert len(list(cache_folder.glob("selection-*"))) == 1


def test_a_changed_rule_file_is_never_served_stale(cache_folder: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULE, encoding="utf-8")
    config = Config(rule_dirs=(rules,))
    calls, build = _counting("first")
    cache.cached_selection(config, build)
    rules.write_text(RULE.replace("Buy our mugs", "Buy our caps"), encoding="utf-8")
    os.utime(rules, ns=(0, 10**9))  # a different size and time, as any edit gives
    cache.cached_selection(config, build)
    assert len(calls) == 2


def test_bytes_are_compiled_once(cache_folder: Path) -> None:
    calls: list[int] = []

    def compile_database() -> bytes:
        calls.append(1)
        return b"\x00compiled"

    assert cache.cached_bytes("scanner", "k1", compile_database) == b"\x00compiled"
    assert cache.cached_bytes("scanner", "k1", compile_database) == b"\x00compiled"
    assert len(calls) == 1


def test_old_entries_are_pruned_and_used_ones_kept(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "KEEP", 3)
    for number in range(3):
        cache.cached_bytes("scanner", f"k{number}", lambda: b"x")
        os.utime(cache_folder / f"scanner-k{number}.bin", ns=(0, number * 10**9))
    cache.cached_bytes("scanner", "k0", lambda: b"x")  # used again: now the newest
    cache.cached_bytes("scanner", "k3", lambda: b"x")
    kept = sorted(path.name for path in cache_folder.glob("scanner-*"))
    assert kept == ["scanner-k0.bin", "scanner-k2.bin", "scanner-k3.bin"]


def test_an_unwritable_cache_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(blocker / "cache"))
    calls, build = _counting("built")
    assert cache.cached_selection(Config(), build) == "built"
    assert cache.cached_selection(Config(), build) == "built"
    assert len(calls) == 2
    assert cache.cached_bytes("scanner", "k", lambda: b"y") == b"y"


def test_the_cache_can_be_turned_off(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANTEXT_NO_CACHE", "1")
    calls, build = _counting("built")
    cache.cached_selection(Config(), build)
    cache.cached_selection(Config(), build)
    assert len(calls) == 2
    assert not cache_folder.exists()


def test_a_damaged_compiled_database_is_compiled_anew(cache_folder: Path) -> None:
    """A cached database that does not load (cut short, or built for another CPU) costs a
    compilation, never a failed scan."""
    pytest.importorskip("hyperscan")
    from cleantext.scanners import make_scanner

    words = ["leave a reply", "share this"]
    make_scanner(words, "hyperscan")
    for entry in cache_folder.glob("hyperscan-*"):
        entry.write_bytes(entry.read_bytes()[:40])
    _name, scan = make_scanner(words, "hyperscan")
    assert scan("intro\nshare this\n") == {(1, 1)}


def test_a_cached_selection_keeps_the_block_rules_member_words(cache_folder: Path) -> None:
    """A block rule's member words come from the cache on the second start, and they are
    what parsing its member tests again gives."""
    from cleantext.engine import load_ruleset
    from cleantext.scopes import member_words

    load_ruleset(Config(preset="strict"))
    blocks = [
        r for r in load_ruleset(Config(preset="strict")).rules if r.spec.scope.remove == "block"
    ]
    assert len(blocks) > 20
    for rule in blocks:
        assert rule._member_words == member_words(rule.spec.scope), rule.id
