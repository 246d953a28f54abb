"""HTML input: trafilatura's extraction, then the rule stages, explained like plain text."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from cleantext import Cleaner, ConfigError, InputError, clean_and_explain, clean_text
from cleantext.evaluation.naive import decode_page, render_naive_text
from cleantext.html import EXTRACTION_OPTIONS, MissingExtraError, extract_text

pytest.importorskip("trafilatura")

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "html" / "article.html").read_bytes()
BLOG = (DATA / "html" / "blog.html").read_bytes()
# An article whose theme prints the spam-protection notice inside the post body, where
# trafilatura keeps it: the rules must take it out after extraction.
NOTICE_IN_BODY = """<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council agrees budget</h1>
<p>The council met on Monday and agreed on the budget for next year after a debate that
lasted most of the afternoon.</p>
<p>Spending on roads rises by four per cent, while the library keeps its opening hours.</p>
<p>This site uses Akismet to reduce spam. Learn how your comment data is processed.</p>
</article><footer>Copyright 2024 Town Herald</footer></body></html>"""


def test_extraction_keeps_the_article_and_drops_the_chrome() -> None:
    extraction = extract_text(ARTICLE)
    text = extraction.text
    assert text.startswith("Harbour bridge reopens after repairs\n")
    assert "after eleven weeks of repairs to its corroded steel bearings" in text
    assert text.endswith("continue to use the temporary lane on the eastern side.")
    for chrome in ("Local News", "We use cookies", "Leave a Reply", "Post Comment", "Imprint"):
        assert chrome not in text
    assert extraction.found
    assert dict(extraction.options) == dict(EXTRACTION_OPTIONS)


def test_one_paragraph_per_line() -> None:
    lines = extract_text(BLOG).text.splitlines()
    assert lines[0] == "Sourdough in a cold kitchen"
    assert len(lines) == 4
    assert lines[2].startswith("The trick is to feed the starter")


def test_html_input_runs_the_rules_on_the_extracted_text() -> None:
    report = clean_and_explain(NOTICE_IN_BODY, input="html")
    assert report.original == extract_text(NOTICE_IN_BODY).text
    assert "Akismet" in report.original and "Akismet" not in report.cleaned
    [removal] = report.removals
    assert (removal.rule, removal.lines) == ("akismet.notice", (4, 4))
    # Spans refer to the extracted text, so the edits replay on it.
    assert report.original[removal.start : removal.end] == removal.text
    assert report.apply(report.original) == report.cleaned
    assert clean_text(NOTICE_IN_BODY.encode(), input="html") == report.cleaned


def test_the_report_records_the_extraction() -> None:
    stats = clean_and_explain(ARTICLE, input="html").to_dict()["stats"]
    assert stats["input"] == "html"
    extraction = stats["extraction"]
    assert extraction["options"] == dict(EXTRACTION_OPTIONS)
    assert extraction["extractor"].startswith("trafilatura ")
    assert extraction["html_length"] == len(ARTICLE)
    assert "input" not in clean_and_explain("Plain text.").stats()


def test_a_page_without_an_article_gives_empty_text() -> None:
    report = Cleaner().explain("<html><body></body></html>", input="html")
    assert report.cleaned == ""
    assert report.stats()["extraction"]["found"] is False


def test_input_kind_is_checked() -> None:
    with pytest.raises(ConfigError, match="unknown input kind 'pdf'"):
        Cleaner().explain("text", input="pdf")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="input='html'"):
        Cleaner().explain(b"bytes are not text")


def test_missing_trafilatura_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'cleantext-web\[html\]'"):
        clean_text("<p>x</p>", input="html")


def test_cli_html_reads_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(NOTICE_IN_BODY, encoding="utf-8")
    result = _cleantext("--html", str(page), "--report", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().endswith("keeps its opening hours.")
    assert b'"input": "html"' in result.stderr


def test_cli_html_without_trafilatura_is_one_line() -> None:
    code = (
        "import sys; sys.modules['trafilatura'] = None\n"
        "from cleantext.cli import main; sys.exit(main(['--html']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=b"<p>x</p>", capture_output=True, check=False
    )
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("cleantext: error: HTML input needs trafilatura")
    assert line.endswith("pip install 'cleantext-web[html]'")


def test_importing_cleantext_does_not_import_trafilatura() -> None:
    code = "import sys, cleantext; print('trafilatura' in sys.modules, 'lxml' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stdout.decode().split() == ["False", "False"]


# --- the naive full-page renderer ----------------------------------------------------------


def test_naive_text_keeps_every_visible_line() -> None:
    lines = render_naive_text(ARTICLE).splitlines()
    assert lines[:3] == ["Skip to content", "Riverside Gazette", "Home"]
    for chrome in ("We use cookies to improve", "Leave a Reply Cancel reply", "Name *"):
        assert any(line.startswith(chrome) for line in lines), chrome
    assert lines[-1] == "Privacy policy | Imprint"
    text = "\n".join(lines)
    # Not visible: the head, scripts, styles, and the <noscript> fallback, even unclosed.
    for hidden in ("| Riverside Gazette", "dataLayer", "position: fixed", "enable JavaScript"):
        assert hidden not in text


def test_naive_text_breaks_lines_at_blocks_only() -> None:
    html = "<div>One <b>bold</b> <i>word</i><p>Two</p>three<br>four<ul><li>a</li><li>b</li></ul>"
    assert render_naive_text(html) == "One bold word\nTwo\nthree\nfour\na\nb"
    pre = "<p>Code:</p><pre>def f():\n    return 1</pre><p>after</p>"
    assert render_naive_text(pre) == "Code:\ndef f():\n    return 1\nafter"
    assert render_naive_text("") == ""
    assert render_naive_text('<?xml version="1.0" encoding="utf-8"?><p>x</p>') == "x"


def test_an_unclosed_tag_in_noscript_does_not_hide_the_page() -> None:
    page = "<body><noscript><div class=nojs>Enable JavaScript</noscript><p>Article</p></body>"
    assert render_naive_text(page) == "Article"


def test_pages_are_decoded_from_their_bytes() -> None:
    assert decode_page("naïve".encode()) == "naïve"
    latin = '<meta charset="iso-8859-1"><p>Gr\xfc\xdfe</p>'.encode("latin-1")
    assert render_naive_text(latin) == "Grüße"
    assert decode_page(b"\xef\xbb\xbfBOM") == "BOM"
    assert decode_page(b'<meta charset="no-such-codec">\xe9') == '<meta charset="no-such-codec">é'


def test_the_test_snippet_pages_are_the_html_sources() -> None:
    pages = DATA / "snippets" / "pages"
    assert gzip.decompress((pages / "0000.html.gz").read_bytes()) == ARTICLE
    assert gzip.decompress((pages / "0001.html.gz").read_bytes()) == BLOG


def _cleantext(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args], capture_output=True, check=False, timeout=120
    )
