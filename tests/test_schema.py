"""Rule files: every schema error names the file, the key and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext import Cleaner, Config, RuleError
from cleantext.errors import ConfigError

GOOD_RULE = """
id = "mysite.footer"
title = "My site's footer"
category = "other"
languages = ["en"]
description = "The footer line of my site."
[match]
kind = "phrase"
phrases = ["Powered by MySite"]
[[example]]
text = "Story.\\n\\nPowered by MySite"
expect = "Story."
[[counterexample]]
text = "The site is powered by MySite, the founder said."
"""


def write_pack(root: Path, body: str, name: str = "footer", pack: str = "mysite") -> Path:
    folder = root / pack
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(f'name = "{pack}"\ndescription = "Mine."\n')
    (folder / f"{name}.toml").write_text(body)
    return folder


def load(root: Path) -> Cleaner:
    return Cleaner(Config(rule_dirs=(root,)))


def test_a_user_rule_runs(tmp_path: Path) -> None:
    write_pack(tmp_path, GOOD_RULE)
    assert load(tmp_path).clean("Story.\n\nPowered by MySite\n") == "Story.\n"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('category = "other"', 'category = "footer"'), "category: 'footer' is not one of"),
        (('kind = "phrase"', 'kind = "phrases"'), "match.kind: 'phrases' is not one of"),
        (
            ('id = "mysite.footer"', 'id = "mysite.foot"'),
            "id: 'mysite.foot' must be 'mysite.footer'",
        ),
        (('title = "My', 'titel = "My'), "titel: unknown key (did you mean 'title'?)"),
        (('languages = ["en"]', 'languages = "en"'), "languages: expected list"),
        (('phrases = ["Powered by MySite"]', "phrases = []"), "match.phrases: a phrase rule needs"),
        (
            ('kind = "phrase"', 'kind = "regex"\npattern = "(unclosed"'),
            "match.pattern: invalid regular",
        ),
        (
            ("[match]", '[scope]\nremove = "to-end"\n[match]'),
            "guard.max_chars_after: a to-end rule",
        ),
        (('expect = "Story."', ""), "example[1].expect: is required"),
        (
            ('phrases = ["Powered by MySite"]', 'phrases = ["Powered by MySite"]\nlist_items = 0'),
            "match.list_items: expected bool",
        ),
        (
            ('kind = "phrase"', 'kind = "phrase"\nwhole_line = false\nlist_items = false'),
            "match.list_items: only whole-line phrases",
        ),
    ],
)
def test_schema_errors_name_file_key_and_problem(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    folder = write_pack(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(RuleError) as error:
        load(tmp_path)
    assert str(error.value).startswith(str(folder / "footer.toml"))
    assert message in str(error.value)


def test_a_heading_rule_can_leave_list_items_alone(tmp_path: Path) -> None:
    """`list_items = false`: "- Powered by MySite" is one entry of the author's list."""
    write_pack(
        tmp_path, GOOD_RULE.replace('kind = "phrase"', 'kind = "phrase"\nlist_items = false')
    )
    cleaner = load(tmp_path)
    assert cleaner.clean("Story.\n\nPowered by MySite\n") == "Story.\n"
    listed = "Story.\n\nFooters we found:\n- Powered by MySite\n- Made with love\n"
    assert cleaner.clean(listed) == listed


FRAGMENT_RULE = GOOD_RULE.replace(
    'kind = "phrase"\nphrases = ["Powered by MySite"]',
    """kind = "regex"
pattern = '^{{credit}}\\h+{{site}}$'
[match.fragments]
site = 'MySite|YourSite'
credit = '(?:proudly\\h+)?powered\\h+by'
""",
)


def test_fragments_are_spelled_once_and_used_in_patterns(tmp_path: Path) -> None:
    write_pack(
        tmp_path,
        FRAGMENT_RULE.replace("'MySite|YourSite'", "'My{{word}}|Your{{word}}'").replace(
            "[match.fragments]", "[match.fragments]\nword = 'Site'"
        ),
    )
    cleaner = load(tmp_path)
    assert cleaner.clean("Story.\n\nProudly powered by YourSite\n") == "Story.\n"
    assert cleaner.clean("Story.\n\nPowered by YourSite today\n") == (
        "Story.\n\nPowered by YourSite today\n"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("{{site}}$", "{{sites}}$"), "match.patterns: unknown fragment {{sites}} (did you mean"),
        (("site = 'MySite|YourSite'", "site = 'MySite|YourSite'\nunused = 'x'"), "never used"),
        (("site = 'MySite|YourSite'", "Site = 'MySite|YourSite'"), "use a lowercase name"),
        (("site = 'MySite|YourSite'", "site = '(MySite'"), "invalid regular expression"),
    ],
)
def test_fragment_errors_name_the_fragment(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    write_pack(tmp_path, FRAGMENT_RULE.replace(*change))
    with pytest.raises(RuleError) as error:
        load(tmp_path)
    assert message in str(error.value)


def test_invalid_toml_is_a_rule_error(tmp_path: Path) -> None:
    write_pack(tmp_path, "id = ")
    with pytest.raises(RuleError, match="invalid TOML"):
        load(tmp_path)


def test_replacing_a_builtin_needs_overrides(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("mysite.footer", "akismet.notice")
    write_pack(tmp_path, body, name="notice", pack="akismet")
    with pytest.raises(RuleError, match=r'add overrides = "akismet\.notice"'):
        load(tmp_path)


def test_overrides_replaces_a_builtin(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("title =", 'overrides = "akismet.notice"\ntitle =')
    write_pack(tmp_path, body)
    cleaner = load(tmp_path)
    ids = {spec.id for spec in cleaner.ruleset.specs}
    assert "mysite.footer" in ids and "akismet.notice" not in ids
    akismet = (
        "Story.\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed."
    )
    assert cleaner.clean(akismet) == akismet


def test_unknown_selectors_suggest(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown category 'cookie'; did you mean 'cookies'"):
        Cleaner(Config(ignore=("category:cookie",)))
    with pytest.raises(ConfigError, match="unknown pack 'wordpres'; did you mean 'wordpress'"):
        Cleaner(Config(select=("pack:wordpres",)))
