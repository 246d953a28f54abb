"""The page-level heuristics (`cleantext.layout`, `cleantext.page`) on hand-written pages as
a crude scraper renders them: every visible line, menus and footers included, one block
element per line."""

from __future__ import annotations

from typing import Any

import pytest

from cleantext.config import Config
from cleantext.document import Document
from cleantext.engine import Cleaner
from cleantext.heuristics import HEURISTICS
from cleantext.layout import compute_layout, main_body, maximal_segments, page_layout
from cleantext.lineshapes import (
    is_credit,
    is_nav_label,
    is_sentence,
    is_structure,
    word_count,
)
from cleantext.page import (
    _amount_lists,
    _inner_edges,
    _is_data,
    page_edges,
    page_menu_run,
    page_repeated_line,
    page_symbol_line,
)
from cleantext.ruleset.loader import load_library
from cleantext.ruleset.select import select_rules

NEWS_PAGE = "\n".join(
    [
        "Skip to main content",
        "Harbour Herald",
        "Home",
        "Local",
        "Business",
        "Sport",
        "Weather",
        "Local",
        "Ferry timetable changes from Monday",
        "Two evening sailings are dropped to make room for a new early service.",
        "By Tom Albright",
        "4 June 2024",
        "The island ferry will run a new 6.10 am sailing from Monday, the operator said, "
        "after commuters asked for an earlier connection to the mainland trains.",
        "To keep the crew within their working hours, the 9.40 pm and 10.50 pm sailings "
        "will no longer run on weekdays. The last weekday ferry now leaves at 8.30 pm.",
        "The changes were agreed with the island council, whose members said the early "
        "sailing had been the most common request in last year's survey.",
        "Passengers with tickets for the dropped sailings can change them free of charge "
        "at the terminal.",
        "0 Comments",
        "Share",
        "|",
        "Related stories",
        "Harbour car park fees to rise in July",
        "Lifeboat crew rescues two kayakers",
        "Read more",
        "Home",
        "Local",
        "Business",
        "Sport",
        "Weather",
        "© 2024 Harbour Herald",
    ]
)

ARTICLE = "\n".join(
    [
        "How to store winter squash",
        "Squash picked in autumn keeps for months if it is cured and stored well. A few "
        "simple steps make the difference between a squash that lasts until spring and one "
        "that rots by Christmas.",
        "Curing",
        "Leave the squash in the sun for a week after picking, or in a warm room if the "
        "weather turns. The skin hardens and small scratches heal over.",
        "You will need for storing:",
        "a cool, dry room",
        "slatted shelves or crates",
        "newspaper for wrapping",
        "Check the squash every few weeks and use any with soft spots first.",
        "My grandmother sang the same song every autumn while she sorted them.",
        "Harbour lights,",
        "harbour lights,",
        "who keeps the door for the ones still out?",
        "Harbour lights,",
        "harbour lights,",
        "who keeps the door for the ones still out?",
    ]
)


def lines_of(heuristic: Any, text: str, params: dict[str, Any] | None = None) -> list[str]:
    document = Document(text)
    return [document.lines[index] for index, _, _ in heuristic(document, params or {})]


# -- line shapes -------------------------------------------------------------------------


def test_sentences_are_punctuated_lines_of_several_words() -> None:
    assert is_sentence("Bake for 12 minutes until golden.")
    assert is_sentence("„Wir kommen wieder“, sagte sie.")
    assert not is_sentence("Read more.")
    assert not is_sentence("Ferry timetable changes from Monday")


def test_nav_labels_are_short_capitalised_or_linked() -> None:
    assert is_nav_label("About Us", 4)
    assert is_nav_label("[contact](https://example.org/contact)", 4)
    assert not is_nav_label("a cool, dry room", 4)
    assert not is_nav_label("Privacy Policy And Terms Of Use", 4)


def test_credits_bylines_and_datelines() -> None:
    assert is_credit("By Tom Albright")
    assert is_credit("Foto: Jana Reuter")
    assert is_credit("22.05.2024, 17:45 Uhr")
    assert is_credit("4 min read")
    assert not is_credit("Por que os idosos compartilham mais correntes falsas")
    assert not is_credit("Ferry timetable changes: what passengers need to know")


def test_markup_of_extracted_text_is_structure() -> None:
    assert is_structure("| Waterproof | Yes | No |")
    assert is_structure("## Ingredients")
    assert is_structure("- 250 g flour")
    assert is_structure("    return total")
    assert not is_structure("* [Home](https://example.org/)")
    assert not is_structure("Home")


def test_wide_characters_count_as_half_words() -> None:
    assert word_count("フェリーの時刻表が変わります") == 7


# -- layout ------------------------------------------------------------------------------


def test_maximal_segments_split_where_the_gap_costs_more_than_either_side() -> None:
    assert maximal_segments([300, -120, 300]) == [(0, 2, 480.0)]
    assert maximal_segments([300, -400, 300]) == [(0, 0, 300.0), (2, 2, 300.0)]
    assert maximal_segments([-5, -5]) == []


def test_main_body_drops_weak_segments_far_from_the_article() -> None:
    # A newsletter pitch, a menu, two paragraphs split by a heading, a menu, a blurb.
    weights = [120.0, -120.0, -120.0, -120.0, 900.0, -120.0, 800.0, -120.0, -120.0, 150.0]
    assert main_body(weights) == [(4, 6)]


def test_news_page_zones() -> None:
    layout = compute_layout(Document(NEWS_PAGE))
    lines = NEWS_PAGE.split("\n")

    def zone(line: str) -> str:
        return layout.zones[lines.index(line)]

    assert zone("Home") == "head"
    assert zone("Ferry timetable changes from Monday") == "lead"
    assert zone("Two evening sailings are dropped to make room for a new early service.") == "lead"
    assert zone("By Tom Albright") == "head"
    assert zone("0 Comments") == "tail"
    assert layout.zones.count("body") == 4


def test_text_without_a_sentence_has_no_edges() -> None:
    layout = compute_layout(Document("Home\nNews\nContact"))
    assert set(layout.zones) == {"body"}


def test_an_announced_list_keeps_the_paragraph_after_it_in_the_article() -> None:
    layout = compute_layout(Document(ARTICLE))
    lines = ARTICLE.split("\n")
    assert layout.zones[lines.index("newspaper for wrapping")] in ("body", "gap")
    check = lines.index("Check the squash every few weeks and use any with soft spots first.")
    assert layout.zones[check] == "body"


def test_hard_wrapped_lines_and_stanzas_are_prose() -> None:
    text = (
        "Every morning the small gate asks me\n"
        "whether I consent to being known,\n"
        "and every morning, late for the train,\n"
        "I say yes to everything."
    )
    assert all(compute_layout(Document(text)).prose)


def test_page_layout_is_computed_once_per_document() -> None:
    document = Document(NEWS_PAGE)
    assert page_layout(document) is page_layout(document)


# -- heuristics --------------------------------------------------------------------------


def test_edges_remove_header_and_footer_and_keep_title_and_article() -> None:
    removed = lines_of(page_edges, NEWS_PAGE)
    menu = ["Home", "Local", "Business", "Sport", "Weather"]
    assert removed[:8] == ["Skip to main content", "Harbour Herald", *menu, "Local"]
    assert "Ferry timetable changes from Monday" not in removed
    assert "By Tom Albright" in removed
    assert removed[-1] == "© 2024 Harbour Herald"
    assert not any("ferry" in line.casefold() and len(line) > 60 for line in removed)


def test_edges_keep_tail_prose_when_asked() -> None:
    page = NEWS_PAGE + "\nWe use cookies to give you the best experience on our website."
    assert page.split("\n")[-1] in lines_of(page_edges, page)
    assert page.split("\n")[-1] not in lines_of(page_edges, page, {"tail_prose": False})


def test_edges_leave_a_title_and_sign_off_alone() -> None:
    text = (
        "Club news\n"
        "Spring 2024\n"
        "The clubhouse opens an hour earlier from April, so that the early training groups "
        "can use the changing rooms before work.\n"
        "Members who want to help with the new morning shifts can sign up at the front desk.\n"
        "Best wishes\n"
        "The committee"
    )
    assert lines_of(page_edges, text) == []


def test_a_piece_of_a_larger_document_has_only_the_edges_it_reaches() -> None:
    middle = Document(NEWS_PAGE, before=5_000, after=5_000)
    assert list(page_edges(middle, {})) == []
    first = Document(NEWS_PAGE, before=0, after=5_000)
    removed = [first.lines[index] for index, _, _ in page_edges(first, {})]
    assert "Home" in removed
    assert "© 2024 Harbour Herald" not in removed


def test_edges_never_take_the_articles_table() -> None:
    text = NEWS_PAGE.replace("0 Comments", "| Sailing | Old | New |\n| First | 7.00 | 6.10 |")
    removed = lines_of(page_edges, text)
    assert "| First | 7.00 | 6.10 |" not in removed
    assert "Related stories" in removed


SIDEBAR_PAGE = "\n".join(
    [
        "Skip to content",
        "Harbourside Times",
        "Home",
        "News",
        "Culture",
        "Sport",
        "Weather",
        "Harbour museum reopens after two-year refit",
        "The maritime museum on Quay Street opened its doors again on Saturday, two years "
        "after a leaking roof forced it to close and move its collection into storage.",
        "More than 1,200 visitors queued in the rain for the first tour of the new galleries, "
        "which show the town's fishing fleet from the first sailing smacks to today's trawlers.",
        "Most read",
        "Ferry Fares Rise Again",
        "Council Approves Cycle Lane",
        "New Bakery Opens On Mill Road",
        "Lifeboat Crew Honoured",
        "Opening hours: Tuesday to Sunday, 10 am to 5 pm",
        "Newsletter",
        "A roof that finally keeps the rain out",
        "The refit cost £3.4 million, most of it raised by a lottery grant and a public appeal "
        "that ran for eighteen months.",
        '"We wanted the museum to feel like the harbour itself, busy and a little bit salty," '
        "said the curator, Ruth Evans, who has worked there for twenty years.",
        "Newsletter",
        "About us",
        "Contact",
    ]
)


def test_edges_remove_a_sidebar_between_two_parts_of_the_article() -> None:
    removed = lines_of(page_edges, SIDEBAR_PAGE)
    sidebar = ["Most read", "Ferry Fares Rise Again", "Lifeboat Crew Honoured", "Newsletter"]
    assert all(line in removed for line in sidebar)
    # The article's data, the title of its second part and its prose stay.
    assert "Opening hours: Tuesday to Sunday, 10 am to 5 pm" not in removed
    assert "A roof that finally keeps the rain out" not in removed
    assert not any(line.startswith(("The refit", "More than")) for line in removed)


def test_a_gap_without_page_chrome_stays() -> None:
    # The same page with three lines between its parts, none of them a menu or repeated
    # outside the article: a short list of the article's own.
    lines = SIDEBAR_PAGE.split("\n")
    start, end = lines.index("Most read"), lines.index("A roof that finally keeps the rain out")
    kept = ["Ferry Fares Rise Again", "Council Approves Cycle Lane", "Lifeboat Crew Honoured"]
    page = "\n".join([*lines[:start], *kept, *lines[end:]])
    removed = lines_of(page_edges, page)
    assert not any(line in removed for line in kept)
    assert removed == lines_of(page_edges, page, {"between": False})


def test_lines_shaped_like_data_stay_between_two_parts() -> None:
    assert _is_data("Admission: free for residents")
    assert _is_data("250 g flour")
    assert _is_data("a pinch of salt")
    assert _is_data("When the leader walks past, the follower pulls him back by the hip")
    assert not _is_data("Most read")
    assert not _is_data("Council Approves Cycle Lane")
    assert not _is_data("Sign up for our newsletter")


def test_a_gap_stays_if_removing_it_would_change_the_article() -> None:
    # Removing the menu between the article and its comments would let the article
    # absorb the first comment on the next pass and push the other comments out of
    # it: the next pass must find the article where this one did.
    comments = []
    for name, text in [
        (
            "Jenny",
            "We drove along there on Saturday and the waves were already coming over "
            "the wall, I am not surprised at all that it gave way in the end.",
        ),
        (
            "Mark",
            "Fifteen minutes longer each way is a lot for people who commute to Helston "
            "every day, the council should put on extra buses this week.",
        ),
        (
            "Alan",
            "The wall has needed repairs for years, everyone in the village knew it, and "
            "now we all pay for the delay with a closed road.",
        ),
        (
            "Priya",
            "Thanks to the engineers who have been out there in the rain since Sunday "
            "morning, it cannot be pleasant work in that weather.",
        ),
    ]:
        comments += [f"{name} says", "Reply", "Report", "Like", text]
    menu = ["Home", "News", "Sport", "Weather"]
    page = "\n".join(
        [
            "Skip to content",
            *menu,
            "Storm closes coastal road for a week",
            "The coastal road between Porthleven and Helston will stay closed until next "
            "Friday after Sunday's storm washed away part of the sea wall.",
            "Engineers found a twenty-metre hole under the carriageway, and the council says "
            "the road cannot reopen until it has been filled and surveyed.",
            "Buses will use the inland route, which adds about fifteen minutes to each journey.",
            *menu,
            *comments,
            "About us",
            "Privacy",
            "Terms",
        ]
    )
    document = Document(page)
    layout = page_layout(document)
    gap = [i for i, zone in enumerate(layout.zones) if zone == "gap"]
    assert document.lines[gap[0]] == "Home"
    assert _inner_edges(document, layout, set(), set()) == []
    assert not any(line in menu for line in lines_of(page_edges, page)[5:])


RECIPE_PAGE = "\n".join(
    [
        "Zum Inhalt springen",
        "Omas Backstube",
        "Rezepte",
        "Kuchen",
        "Kontakt",
        "Haferflockenkekse wie bei Oma",
        "Zubereitungszeit: 20 Minuten",
        "Zutaten:",
        "200 g zarte Haferflocken",
        "125 g weiche Butter",
        "100 g brauner Zucker",
        "1 Ei",
        "1 Prise Salz",
        "1/2 TL Zimt",
        "Zubereitung:",
        "Die Butter mit dem Zucker schaumig rühren, dann das Ei und das Salz unterrühren.",
        "Haferflocken und Zimt dazugeben und alles zu einem klebrigen Teig verkneten.",
        "Bei 180 Grad etwa zwölf Minuten backen, bis die Ränder goldbraun sind.",
        "Das könnte dir auch gefallen",
        "Schneller Apfelkuchen",
        "Impressum",
        "Datenschutz",
    ]
)


def test_edges_keep_an_ingredient_list_with_its_heading_and_title() -> None:
    removed = lines_of(page_edges, RECIPE_PAGE)
    assert removed[:5] == ["Zum Inhalt springen", "Omas Backstube", "Rezepte", "Kuchen", "Kontakt"]
    kept = [line for line in RECIPE_PAGE.split("\n") if line not in removed]
    assert kept[:3] == ["Haferflockenkekse wie bei Oma", "Zutaten:", "200 g zarte Haferflocken"]
    assert "1/2 TL Zimt" in kept and "Zubereitung:" in kept
    assert removed[-4:] == [
        "Das könnte dir auch gefallen",
        "Schneller Apfelkuchen",
        "Impressum",
        "Datenschutz",
    ]


def test_an_ingredient_list_at_the_end_is_no_footer() -> None:
    text = (
        "Our children ask for these pancakes every weekend, and after years of tinkering this "
        "is the batter we keep coming back to.\n"
        "Let it rest for half an hour while you make the coffee: they come out thicker.\n"
        "For eight pancakes you need:\n"
        "250 g plain flour\n2 tsp baking powder\n1 pinch of salt\n2 large eggs\n"
        "300 ml whole milk"
    )
    assert lines_of(page_edges, text) == []
    # Set in two cells per line, as recipe sites do: "125 g" / "Mehl".
    cells = "Zutaten\n125 g\nMehl\n65 g\nZucker\n1\nEi\n1 TL\nBackpulver\n500 ml\nMilch"
    assert len(_amount_lists(compute_layout(Document(cells)), 4)) == 11


def test_figures_that_are_no_ingredient_list() -> None:
    def amounts(*lines: str) -> set[int]:
        return _amount_lists(compute_layout(Document("\n".join(lines))), 4)

    # Counters, the age of teasers, a numbered "Most read" list, options of a form.
    assert not amounts("273 Posts", "236 Tags", "1.132 Comments", "62 Links", "53 Categories")
    assert not amounts("3 hours ago", "Rain Again", "5 hours ago", "Bus Strike", "7 hours ago")
    assert not amounts("1 Ferry fares rise", "2 New mayor", "3 Bus strike", "4 Lifeboat crew")
    assert not amounts("12 Monate", "24 Monate", "36 Monate", "48 Monate", "60 Monate")
    assert not amounts("12.03.2024", "13.03.2024", "14.03.2024", "15.03.2024")


def test_menu_runs_outside_and_inside_the_article() -> None:
    removed = lines_of(page_menu_run, NEWS_PAGE)
    assert removed[:6] == ["Harbour Herald", "Home", "Local", "Business", "Sport", "Weather"]
    assert removed[-6:] == [
        "Home",
        "Local",
        "Business",
        "Sport",
        "Weather",
        "© 2024 Harbour Herald",
    ]
    article = (
        "The quiz raised £1,240 for the village hall roof, a record for the spring series.\n"
        "The winning team were:\n"
        "Sarah Jones\nMike Patel\nAnna Novak\nTom Price\n"
        "They gave their prize, a dinner voucher, to the raffle for the next quiz night."
    )
    assert lines_of(page_menu_run, article) == []


def test_separators_between_labels_belong_to_the_run() -> None:
    page = "Home\n|\nNews\n|\nContact\n" + "The ferry runs every hour on weekdays. " * 4
    assert lines_of(page_menu_run, page) == ["Home", "|", "News", "|", "Contact"]


def test_repeated_lines_go_everywhere_once_one_stands_outside() -> None:
    removed = lines_of(page_repeated_line, NEWS_PAGE)
    menu = ["Home", "Local", "Business", "Sport", "Weather"]
    assert removed == [*menu, "Local", *menu]


def test_a_refrain_inside_the_article_stays() -> None:
    assert lines_of(page_repeated_line, ARTICLE) == []


def test_repeated_hits_come_in_line_order() -> None:
    # The engine merges a rule's adjacent line hits as they come: out of order, a hit
    # for line 20 followed by one for line 2 would become a block from 2 to 20.
    document = Document(NEWS_PAGE)
    found = [index for index, _, _ in page_repeated_line(document, {})]
    assert found == sorted(found)


def test_symbol_lines_outside_and_inside_the_article() -> None:
    params = {"counters": ["comments"], "date_words": ["june"]}
    assert lines_of(page_symbol_line, NEWS_PAGE, params) == ["4 June 2024", "0 Comments", "|"]
    article = (
        "The ferry carried more passengers than ever last year, the operator said in its "
        "annual report, mostly thanks to day trippers in the summer months.\n"
        "|\n"
        "Passengers per year\n"
        "2023\n"
        "412,000\n"
        "* * *\n"
        "The operator expects the new early sailing to add another ten thousand trips a year, "
        "most of them commuters who now drive to the airport ferry instead."
    )
    assert lines_of(page_symbol_line, article, params) == ["|"]


# -- the preset --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_cleaner() -> Cleaner:
    return Cleaner(Config(preset="page"))


def test_page_preset_cleans_a_page_and_explains_every_line(page_cleaner: Cleaner) -> None:
    report = page_cleaner.explain(NEWS_PAGE)
    assert report.cleaned.startswith("Ferry timetable changes from Monday\n")
    assert report.cleaned.endswith("change them free of charge at the terminal.")
    assert all(edit.rule for edit in report.edits)
    assert any(edit.rule.startswith("page.") for edit in report.edits)


def test_page_preset_is_idempotent(page_cleaner: Cleaner) -> None:
    once = page_cleaner.clean(NEWS_PAGE)
    assert page_cleaner.clean(once) == once


def test_page_preset_leaves_a_clean_article_alone(page_cleaner: Cleaner) -> None:
    assert page_cleaner.clean(ARTICLE) == ARTICLE


def test_only_the_page_preset_selects_the_page_pack() -> None:
    # The page heuristics assume a whole page around the article; on extracted text
    # they would take its title and last lines, so no other preset may select them.
    library = load_library()
    for preset in ("default", "strict"):
        chosen = select_rules(library, preset, None, (), (), (), preview=True)
        assert not [spec.id for spec in chosen if spec.id.startswith("page.")]
    page = {spec.id for spec in select_rules(library, "page", None, (), (), (), preview=False)}
    assert {"page.edges", "page.menu-run", "page.repeated-line", "page.symbol-line"} <= page


def test_heuristics_are_registered() -> None:
    for name in ("page-edges", "page-menu-run", "page-repeated-line", "page-symbol-line"):
        assert name in HEURISTICS
