"""`cleantext eval`: the snippet scoring arithmetic, the corpus scorer and the command."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleantext import Config, InputError
from cleantext.evaluation.corpus import evaluate_corpus
from cleantext.evaluation.lines import removed_lines
from cleantext.evaluation.scores import Confusion
from cleantext.evaluation.snippet_run import evaluate_snippet_set
from cleantext.evaluation.snippets import SnippetPage, load_snippet_set, score_text

pytest.importorskip("trafilatura")

SNIPPETS = Path(__file__).parent / "data" / "snippets"
WITH, WITHOUT = 6, 7  # snippets in tests/data/snippets/expectations.json
AKISMET = "This site uses Akismet to reduce spam. Learn how your comment data is processed."
ARTICLE = (
    "The council met on Monday and agreed on the budget for next year.\n"
    "Spending on roads rises by four per cent, the treasurer said after the vote.\n"
)


# --- snippet scoring -----------------------------------------------------------------------


def test_snippets_match_after_white_space_is_normalised() -> None:
    page = SnippetPage("p", "p", ("rose by four per cent", "Prices"), ("Share on Facebook",))
    score = score_text(page, "Prices\u00a0rose by\nfour  per cent.\n\nShare on\tFacebook")
    assert score.counts == Confusion(tp=2, fp=1, fn=0, tn=0)
    assert score.surviving == ("Share on Facebook",)
    # Nothing but white space is normalised: case and characters must match.
    score = score_text(page, "PRICES rose by four per cent")
    assert (score.counts, score.missed) == (Confusion(tp=1, fp=0, fn=1, tn=1), ("Prices",))


def test_scores_follow_trafilaturas_formulas() -> None:
    counts = Confusion(tp=6, fp=3, fn=2, tn=4)
    assert counts.precision == 6 / 9
    assert counts.recall == 6 / 8
    assert counts.f1 == 12 / (12 + 3 + 2)
    assert counts.accuracy == 10 / 15
    assert Confusion.total([counts, Confusion(tp=1, tn=1)]) == Confusion(7, 3, 2, 5)
    assert counts.to_dict()["f1"] == 0.7059


def test_the_naive_baseline_keeps_every_snippet() -> None:
    """The hand-made pages hold every snippet in their visible text, chrome included."""
    evaluation = evaluate_snippet_set(SNIPPETS, Config(), modes=["naive"], jobs=1)
    assert evaluation.pages == 2
    assert evaluation.total("naive", baseline=True) == Confusion(tp=WITH, fp=WITHOUT)


def test_each_mode_scores_every_snippet_once() -> None:
    evaluation = evaluate_snippet_set(SNIPPETS, Config(), jobs=1)
    for mode in ("extracted", "naive", "html"):
        for baseline in (True, False):
            counts = evaluation.total(mode, baseline)
            assert (counts.tp + counts.fn, counts.fp + counts.tn) == (WITH, WITHOUT)
    # trafilatura keeps the three article snippets of each page and none of the chrome.
    assert evaluation.total("html") == Confusion(tp=WITH, tn=WITHOUT)
    assert evaluation.errors("html") == 0


def test_a_pool_gives_the_same_results_as_one_process() -> None:
    one = evaluate_snippet_set(SNIPPETS, Config(), jobs=1)
    two = evaluate_snippet_set(SNIPPETS, Config(), jobs=2)
    assert one.results == two.results


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no expectations.json"),
        ("[{", "invalid JSON"),
        ('{"page": "x"}', "expected a non-empty list of pages"),
        ('[{"page": "pages/0000.html.gz", "with": "text", "without": []}]', "'with' must be"),
        ('[{"page": "pages/0009.html.gz", "with": [], "without": []}]', "no such file"),
    ],
)
def test_malformed_snippet_sets_are_one_line_errors(
    tmp_path: Path, content: str | None, message: str
) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "0000.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    if content is not None:
        (tmp_path / "expectations.json").write_text(content)
    with pytest.raises(InputError, match=message) as error:
        load_snippet_set(tmp_path)
    assert "\n" not in str(error.value)


# --- the labelled corpus -------------------------------------------------------------------


def test_repaired_lines_are_not_removed_lines() -> None:
    original = "Title\nCaf\u00c3\u00a9 prices rose ,  again.\nShare this\n\nEnd"
    kept = "Title\nCafé prices rose, again.\n\nEnd"
    assert removed_lines(original, kept) == {2}
    assert removed_lines(original, original) == set()
    # Cyrillic read as cp1251 shares no character with its repair; ftfy pairs them.
    church = "Преображенская церковь стоит в лесах."
    mojibake = church.encode("utf-8").decode("cp1251")
    assert removed_lines(f"Title\n{mojibake}\nShare", f"Title\n{church}") == {2}


def write_case(root: Path, name: str, text: str, expected: str, **meta: str) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "input.txt").write_text(text, encoding="utf-8")
    (folder / "expected.txt").write_text(expected, encoding="utf-8")
    (folder / "case.toml").write_text("".join(f'{k} = "{v}"\n' for k, v in meta.items()))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    # Right: the notice goes, as labelled.
    write_case(
        tmp_path, "en-right", ARTICLE + "\n" + AKISMET, ARTICLE, language="en", kind="widget"
    )
    # Wrong: the label keeps the notice (say, an article quoting it), and a line the rules
    # do not know ("Tags: budget") should have gone.
    write_case(
        tmp_path,
        "de-wrong",
        ARTICLE + "Tags: budget\n" + AKISMET,
        ARTICLE + AKISMET,
        language="de",
        kind="hard-negative",
    )
    return tmp_path


def test_corpus_scores_removed_lines(corpus: Path) -> None:
    evaluation = evaluate_corpus(corpus, Config(select=("akismet.notice",)))
    total = evaluation.total()
    assert total.counts == Confusion(tp=1, fp=1, fn=1, tn=4)
    assert total.lost_chars == len(AKISMET)
    assert total.kept_chars == 2 * len(ARTICLE.replace("\n", "")) + len(AKISMET)
    languages = evaluation.by_case(lambda case: case.language)
    assert languages["en"].counts == Confusion(tp=1, tn=2)
    assert languages["de"].counts == Confusion(fp=1, fn=1, tn=2)
    [rule] = evaluation.by_removal(lambda removal: removal.rule).items()
    assert rule[0] == "akismet.notice"
    assert (rule[1].removed, rule[1].wrong, rule[1].precision) == (2, 1, 0.5)
    assert evaluation.to_dict()["by_category"]["spam-protection"]["lost_chars"] == len(AKISMET)


def test_expected_output_per_preset(corpus: Path) -> None:
    (corpus / "de-wrong" / "expected-strict.txt").write_text(ARTICLE, encoding="utf-8")
    strict = evaluate_corpus(corpus, Config(preset="strict", select=("akismet.notice",)))
    assert strict.by_case(lambda case: case.kind)["hard-negative"].lost_chars == 0


def test_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such directory"):
        evaluate_corpus(tmp_path / "missing", Config())
    with pytest.raises(InputError, match="no cases"):
        evaluate_corpus(tmp_path, Config())
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "input.txt").write_text("text")
    with pytest.raises(InputError, match=r"expected\.txt: missing"):
        evaluate_corpus(tmp_path, Config())


# --- the command ---------------------------------------------------------------------------


def cleantext(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_eval_snippets_json_and_dump(tmp_path: Path) -> None:
    dump = tmp_path / "misses.jsonl"
    result = cleantext(
        "eval", "snippets", str(SNIPPETS), "--mode", "naive", "--baseline",
        "--format", "json", "--dump", str(dump),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]
    assert [(r["mode"], r["input"]) for r in rows] == [
        ("naive", "baseline"),
        ("naive", "cleantext"),
    ]
    assert (rows[0]["tp"], rows[0]["fp"], rows[0]["precision"]) == (WITH, WITHOUT, 0.4615)
    records = [json.loads(line) for line in dump.read_text().splitlines()]
    baseline = [r for r in records if r["input"] == "baseline"]
    assert {r["page"] for r in baseline} == {"pages/0000.html.gz", "pages/0001.html.gz"}
    assert "Leave a Reply" in baseline[0]["surviving_without"]
    assert all("rules" in r for r in records if r["input"] == "cleantext")


def test_eval_snippets_text_table() -> None:
    result = cleantext("eval", "snippets", str(SNIPPETS), "--mode", "html", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()[1:3]
    assert header.split()[:6] == ["mode", "input", "precision", "recall", "f1", "accuracy"]
    assert row.split()[:5] == ["html", "cleantext", "1.000", "1.000", "1.000"]


def test_eval_corpus_command(corpus: Path, tmp_path: Path) -> None:
    result = cleantext("eval", "corpus", str(corpus), "--select", "akismet.notice")
    assert result.returncode == 0, result.stderr
    assert "precision 0.500, recall 0.500" in result.stdout
    assert "akismet.notice" in result.stdout
    dump = tmp_path / "corpus-misses.jsonl"
    args = ["--select", "akismet.notice", "--format", "json", "--dump", str(dump)]
    result = cleantext("eval", "corpus", str(corpus), *args)
    assert json.loads(result.stdout)["by_language"]["de"]["lost_chars"] == len(AKISMET)
    [record] = [json.loads(line) for line in dump.read_text().splitlines()]
    assert record["case"] == "de-wrong"
    assert record["missed"] == [{"line": 3, "text": "Tags: budget"}]
    assert record["wrongly_removed"] == [{"line": 4, "rule": "akismet.notice", "text": AKISMET}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eval", "snippets", "no-such-dir"], "no-such-dir: no such directory"),
        (["eval", "corpus", "no-such-dir"], "no-such-dir: no such directory"),
        (["eval", "snippets", str(SNIPPETS), "--preset", "strictt"], "unknown preset"),
    ],
)
def test_eval_errors_are_one_line(args: list[str], message: str) -> None:
    result = cleantext(*args)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("cleantext: error: ") and message in line


def test_eval_malformed_expectations_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "expectations.json").write_text('[{"page": 3}]')
    result = cleantext("eval", "snippets", str(tmp_path))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.endswith("expectations.json: entry 0: 'page' must be the path of an HTML file")
