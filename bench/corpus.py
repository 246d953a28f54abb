"""A deterministic generator of realistic scraped documents for the benchmarks.

Documents are 2-3 KB of article-like prose in five languages; about 4 % of their lines
are boilerplate (widget lines taken from the rule packs' own examples), a few percent of
documents carry mojibake, and some have the no-break and doubled spaces that scraping
leaves. The same seed always gives the same corpus, so runs compare.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from cleantext.ruleset.loader import load_library

_WORDS = {
    "en": "the council said on monday that its budget for next year would rise while "
    "schools and roads wait for money residents asked why the plan took so long and "
    "officials promised a public meeting in the spring before any final vote",
    "de": "der rat sagte am montag dass der haushalt für das nächste jahr steigen werde "
    "während schulen und straßen auf geld warten die bewohner fragten warum der plan so "
    "lange dauerte und die verwaltung versprach eine öffentliche sitzung im frühjahr",
    "fr": "le conseil a déclaré lundi que son budget pour l'année prochaine augmenterait "
    "tandis que les écoles et les routes attendent des fonds les habitants ont demandé "
    "pourquoi le projet a pris tant de temps et la mairie a promis une réunion publique",
    "es": "el consejo dijo el lunes que su presupuesto para el próximo año aumentaría "
    "mientras las escuelas y las carreteras esperan dinero los vecinos preguntaron por qué "
    "el plan tardó tanto y el ayuntamiento prometió una reunión pública en primavera",
    "ru": "совет заявил в понедельник что его бюджет на следующий год вырастет пока школы "
    "и дороги ждут денег жители спросили почему план занял так много времени и "
    "администрация пообещала провести публичное собрание весной до окончательного решения",
}
BOILERPLATE_SHARE = 0.04
MOJIBAKE_SHARE = 0.03
NBSP_SHARE = 0.15


def widget_lines() -> list[str]:
    """Boilerplate lines as the rule packs' examples show them (non-blank, short)."""
    lines = set()
    for spec in load_library().rules.values():
        for example in spec.examples:
            kept = set((example.expect or "").split("\n"))
            lines.update(
                line for line in example.text.split("\n") if line.strip() and line not in kept
            )
    return sorted(lines)


def _sentence(rng: random.Random, words: list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(8, 22))]
    return " ".join(chosen).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def _paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(_sentence(rng, words) for _ in range(rng.randint(2, 5)))


def _damage(rng: random.Random, line: str) -> str:
    """No-break spaces between some words and a space before a comma, as scrapers leave."""
    words = line.split(" ")
    for index in rng.sample(range(len(words) - 1), k=min(3, len(words) - 1)):
        words[index] += "\u00a0"
    return " ".join(words).replace("\u00a0 ", "\u00a0").replace(",", " ,", 1)


def _mojibake(line: str) -> str:
    return line.encode("utf-8").decode("cp1252", errors="replace")


def generate(count: int, seed: int = 1234) -> Iterator[str]:
    """``count`` documents, the same ones for the same seed."""
    rng = random.Random(seed)
    widgets = widget_lines()
    vocabularies = {language: text.split() for language, text in _WORDS.items()}
    for _ in range(count):
        words = vocabularies[rng.choice(list(vocabularies))]
        lines: list[str] = [_sentence(rng, words).rstrip(".!?")]
        while sum(len(line) for line in lines) < rng.randint(2000, 3000):
            if rng.random() < BOILERPLATE_SHARE:
                lines.append(rng.choice(widgets))
            else:
                lines.append(_paragraph(rng, words))
        if rng.random() < NBSP_SHARE:
            lines = [_damage(rng, line) if rng.random() < 0.3 else line for line in lines]
        if rng.random() < MOJIBAKE_SHARE:
            lines = [_mojibake(line) if rng.random() < 0.5 else line for line in lines]
        yield "\n\n".join(lines) + "\n"
