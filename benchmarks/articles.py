"""Generated news articles for benchmarks and tests: templates filled with varied states, officials,
events, places and dates. The officials are invented (no fact about a real person is implied); states
and cities are real, so that the reference knowledge base recognises them.

    python benchmarks/articles.py OUT_DIR 1000      # writes OUT_DIR/gen-00000.txt ...
"""
from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

STATES = {  # state: (demonym, a city)
    "Armenia": ("Armenian", "Yerevan"), "Azerbaijan": ("Azerbaijani", "Baku"), "Russia": ("Russian", "Moscow"),
    "Turkey": ("Turkish", "Ankara"), "France": ("French", "Paris"), "Iran": ("Iranian", "Tehran"),
    "Georgia": ("Georgian", "Tbilisi"), "Qatar": ("Qatari", "Doha"), "Egypt": ("Egyptian", "Cairo"),
    "Ethiopia": ("Ethiopian", "Addis Ababa"), "Eritrea": ("Eritrean", "Asmara"), "Sudan": ("Sudanese", "Khartoum"),
    "Kenya": ("Kenyan", "Nairobi"), "Colombia": ("Colombian", "Bogota"), "Norway": ("Norwegian", "Oslo"),
    "Serbia": ("Serbian", "Belgrade"), "Kosovo": ("Kosovar", "Pristina"), "Germany": ("German", "Berlin"),
    "India": ("Indian", "New Delhi"), "Pakistan": ("Pakistani", "Islamabad"), "Israel": ("Israeli", "Jerusalem"),
    "Jordan": ("Jordanian", "Amman"), "Ukraine": ("Ukrainian", "Kyiv"), "Moldova": ("Moldovan", "Chisinau"),
}
GIVEN = ["Anna", "Boris", "Carmen", "Daniel", "Elif", "Farid", "Greta", "Hamid", "Ines", "Jonas", "Karim", "Lena",
         "Marek", "Nadia", "Omar", "Petra", "Rustam", "Sofia", "Tariq", "Vera"]
FAMILY = ["Aliyev-Sand", "Brenner", "Castell", "Dorvan", "Eskander", "Falkow", "Grigoryan-Lind", "Halloran", "Ivaro",
          "Jendrik", "Kovalen", "Lamberti", "Morrow", "Novak-Ede", "Orlan", "Petrosse", "Quenby", "Rastani", "Selim",
          "Tamberg"]
POSTS = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "Ambassador"]
EVENTS = [
    "{a_title} {a_name} held talks with {b_title} {b_name} of {b} in {city} {day}.",
    "{a} and {b} agreed to a ceasefire after talks in {city} {day}, {a_demonym} officials said.",
    "{a_title} {a_name} called for an immediate ceasefire between {b} and {c} {day}.",
    "{a} accused {b} of shelling villages near the border {day}.",
    "{a_demonym} forces attacked positions held by {b} {day}, the defence ministry of {b} said.",
    "{a_title} {a_name} spoke by telephone with {b_title} {b_name} {day} about the conflict.",
    "{c} offered to mediate between {a} and {b}, {c_title} {c_name} told reporters in {city} {day}.",
    "{a_title} {a_name} of {a} visited {city} {day} and met {b_title} {b_name}.",
    "{a} and {b} signed an agreement on prisoner exchanges in {city} {day}.",
    "{a} denied that its troops had crossed into {b} {day}.",
]
CASUALTIES = "The {a_demonym} health ministry said {day} that {n} civilians had been killed and {m} wounded."


def article(number: int, seed: int = 0) -> tuple[str, str]:
    """(file name, text) of generated article `number`: the same number and seed give the same article."""
    rng = random.Random(seed * 1_000_003 + number)
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    states = rng.sample(sorted(STATES), 3)
    people = {s: (rng.choice(POSTS), f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}") for s in states}
    sentences = []
    for _ in range(rng.randint(3, 8)):
        a, b, c = rng.sample(states, 3)
        values = {"a": a, "b": b, "c": c, "city": STATES[rng.choice(states)][1], "day": _day(rng, published),
                  "n": rng.randint(2, 400), "m": rng.randint(2, 900)}
        for key, state in (("a", a), ("b", b), ("c", c)):
            post, name = people[state]
            values |= {f"{key}_demonym": STATES[state][0], f"{key}_name": name,
                       f"{key}_title": f"{STATES[state][0]} {post}"}
        template = CASUALTIES if rng.random() < 0.15 else rng.choice(EVENTS)
        sentences.append(template.format(**values))
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    headline = f"{states[0]} and {states[1]} in new round of diplomacy"
    return f"gen-{number:05d}.txt", f"date {published.isoformat()}\n{headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def _day(rng: random.Random, published: date) -> str:
    choice = rng.random()
    if choice < 0.4:
        return "on " + (published - timedelta(days=rng.randint(0, 6))).strftime("%A")
    if choice < 0.8:
        day = published - timedelta(days=rng.randint(0, 30))
        return f"on {day.day} {day.strftime('%B')}"
    return rng.choice(["yesterday", "last week", "earlier this month"])


def write_articles(directory: str | Path, count: int, seed: int = 0) -> list[Path]:
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name, text = article(number, seed)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/articles.py OUT_DIR COUNT")
    print(f"wrote {len(write_articles(sys.argv[1], int(sys.argv[2])))} articles to {sys.argv[1]}")
