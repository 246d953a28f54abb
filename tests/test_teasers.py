"""Teaser blurbs below an article (`cleantext.teasers`): which sentences the read-more
links around them give away, and which stay because nothing shows they are cards."""

from __future__ import annotations

from cleantext.document import Document
from cleantext.teasers import teaser_excerpts

PARAMS = {"labels": ["Read more", "Weiterlesen", "Continue reading"]}

ARTICLE = (
    "The council approved the new cycle bridge on Tuesday night after a debate of almost "
    "four hours. Construction is due to start in the spring and will take two years.\n"
    "The bridge will link the old harbour with the station district, the mayor said.\n"
)


def removed(text: str, before: int = 0, after: int = 0) -> list[str]:
    document = Document(text, before, after)
    return [document.lines[index] for index, _, _ in teaser_excerpts(document, PARAMS)]


def test_a_box_of_cards_loses_blurbs_and_links_but_keeps_titles() -> None:
    text = (
        ARTICLE
        + "More from the city desk\n"
        + "Harbour festival draws record crowds\n"
        + "More than 40,000 visitors came to the harbour over the weekend.\n"
        + "Read more »\n"
        + "Night buses for the old town are planned from May, the transport office says.\n"
        + "[Read more](https://example.org/night-buses)\n"
    )
    assert removed(text) == [
        "More than 40,000 visitors came to the harbour over the weekend.",
        "Read more »",
        "Night buses for the old town are planned from May, the transport office says.",
        "[Read more](https://example.org/night-buses)",
    ]


def test_a_single_card_goes_only_when_it_ends_the_text() -> None:
    card = (
        "Also in the magazine\n"
        "Herbs on the balcony\n"
        "Basil, thyme and rosemary grow well in pots if they get sun and well-drained soil.\n"
        "Weiterlesen →\n"
    )
    assert removed(ARTICLE + card) == [
        "Basil, thyme and rosemary grow well in pots if they get sun and well-drained soil.",
        "Weiterlesen →",
    ]
    more = "The works start in May.\n"
    assert removed(ARTICLE + card + more) == []
    # A piece of a longer document does not end the text even when it ends the piece.
    assert removed(ARTICLE + card, after=500) == []


def test_the_article_s_own_paragraphs_stay() -> None:
    # Below prose: the last paragraph with a "Read more" heading after it.
    below_prose = ARTICLE + "The works start in May, the council said.\nRead more\n"
    # Below a subheading that follows prose: the article's own section, even with a
    # card after it.
    subheading = (
        ARTICLE
        + "What happens next\n"
        + "The works start in May, the council said.\n"
        + "Read more\n"
        + "Night buses for the old town are planned from May, the office says.\n"
        + "Read more\n"
    )
    # Over a list of links: "Read more" heads the list, it is no card's link.
    over_a_list = (
        ARTICLE
        + "Timeline: 2024\n"
        + "The works start in May, the council said.\n"
        + "Read more\n"
        + "- How the old bridge was built\n"
    )
    assert removed(below_prose) == []
    assert removed(subheading) == [
        "Night buses for the old town are planned from May, the office says.",
        "Read more",
    ]
    assert removed(over_a_list) == []


def test_links_further_up_than_the_tail_are_the_article_s_own() -> None:
    card = (
        "Related\n"
        "Harbour festival\n"
        "More than 40,000 visitors came to the harbour over the weekend.\n"
        "Continue reading\n"
    )
    long_ending = "\n".join(["The council's finance committee met again that week."] * 40)
    assert removed(ARTICLE + card + "Other notes\n" + long_ending) == []
    assert removed(ARTICLE + card) != []


def test_titled_cards_followed_by_a_footer() -> None:
    text = (
        ARTICLE
        + "More from the garden desk\n"
        + "Lifting dahlias\n"
        + "When the first frost blackens the leaves, it is time to dig the tubers.\n"
        + "Read more\n"
        + "Green manures\n"
        + "Sown in September, these crops protect bare soil through the winter.\n"
        + "Read more\n"
        + "© 2024 Example Gardener. All rights reserved.\n"
    )
    # The first card's title is left to the related rules; the second one goes with its
    # card, between the first card's link and its own blurb.
    assert removed(text) == [
        "When the first frost blackens the leaves, it is time to dig the tubers.",
        "Read more",
        "Green manures",
        "Sown in September, these crops protect bare soil through the winter.",
        "Read more",
    ]
