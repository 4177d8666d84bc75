"""The SPARQL queries diplokg sends to Wikidata (prefixes are added by the client).

Each builder returns query text for one question. Values from outside (Q-ids, names from articles) are
written into the text only after they are checked (Q-ids) or escaped (names), never pasted raw.
"""
from __future__ import annotations

import re

from .vocab import (APPLIES_TO_JURISDICTION, COUNTRY, DEMONYM, END_TIME, HUMAN, INSTANCE_OF, MEMBER_OF,
                    ORGANISATION_CLASSES, POSITION_CLASSES, POSITION_HELD, START_TIME, STATE_OFFICES, SUBCLASS_OF,
                    qid_of)

_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_LONGEST_NAME = 200
_ECHAR = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

_STATEMENT_DATES = f"""  ?statement wikibase:rank ?rank .
  OPTIONAL {{ ?statement pqv:{START_TIME} ?startValue .
             ?startValue wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision }}
  OPTIONAL {{ ?statement pqv:{END_TIME} ?endValue .
             ?endValue wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision }}"""


def _values(var: str, qids) -> str:
    items = sorted({q for q in qids if qid_of(f"http://www.wikidata.org/entity/{q}")})
    if not items:
        raise ValueError(f"no Wikidata ids for ?{var}")
    return f"  VALUES ?{var} {{ {' '.join('wd:' + q for q in items)} }}\n"


def sparql_string(text: str, lang: str | None = None) -> str:
    """A SPARQL string literal for any text: quotes escaped, line breaks and tabs as escapes, backslashes and
    other control characters dropped (a \\u sequence is decoded before the query is parsed, even in quotes)."""
    out = []
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif ord(ch) >= 0x20 and ord(ch) != 0x7F and ch != "\\":
            out.append(ch)
    literal = '"' + "".join(out) + '"'
    if lang is not None:
        if not _LANG.match(lang):
            raise ValueError(f"not a language tag: {lang!r}")
        literal += "@" + lang
    return literal


def usable_name(name: str) -> bool:
    """Names worth asking for: not empty, not absurdly long, encodable."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return 0 < len(name.strip()) <= _LONGEST_NAME


def labels(qids, languages: tuple[str, ...]) -> str:
    """Labels and aliases in the given languages and English demonyms of some items."""
    langs = ", ".join(sparql_string(lang) for lang in languages)
    return f"""SELECT ?item ?kind ?text WHERE {{
{_values("item", qids)}  {{ ?item rdfs:label ?text . BIND("label" AS ?kind) FILTER(LANG(?text) IN ({langs})) }}
  UNION {{ ?item skos:altLabel ?text . BIND("alias" AS ?kind) FILTER(LANG(?text) IN ({langs})) }}
  UNION {{ ?item wdt:{DEMONYM} ?text . BIND("demonym" AS ?kind) FILTER(LANG(?text) = "en") }}
}}"""


def post_statements(states=None, holders=None) -> str:
    """Who held the posts diplokg knows (heads of state and government, ministers) of which state, when.

    Heads come from the state's own statements (P35, P6) and from the holders of the office the state's
    item names (P1906, P1313); ministers from holders of positions of a minister class that apply to the
    state's jurisdiction (P1001). Give the states, the holders, or both."""
    arms = []
    for post, (statement_property, office_property) in STATE_OFFICES.items():
        arms.append(f'{{ ?state p:{statement_property} ?statement . ?statement ps:{statement_property} ?holder . '
                    f'BIND("{post}" AS ?post) }}')
        arms.append(f'{{ ?state wdt:{office_property} ?office . ?holder p:{POSITION_HELD} ?statement . '
                    f'?statement ps:{POSITION_HELD} ?office . BIND("{post}" AS ?post) }}')
    for post, cls in POSITION_CLASSES.items():
        arms.append(f'{{ ?office (wdt:{INSTANCE_OF}|wdt:{SUBCLASS_OF})/wdt:{SUBCLASS_OF}* wd:{cls} ; '
                    f'wdt:{APPLIES_TO_JURISDICTION} ?state . '
                    f'?holder p:{POSITION_HELD} ?statement . ?statement ps:{POSITION_HELD} ?office . '
                    f'BIND("{post}" AS ?post) }}')
    given = (_values("state", states) if states else "") + (_values("holder", holders) if holders else "")
    if not given:
        raise ValueError("post_statements needs states or holders")
    union = "\n  UNION ".join(arms)
    return f"""SELECT ?state ?post ?holder ?statement ?rank ?start ?startPrecision ?end ?endPrecision WHERE {{
{given}  {union}
  ?holder wdt:{INSTANCE_OF} wd:{HUMAN} .
{_STATEMENT_DATES}
}}"""


def membership_statements(members=None, organisations=None) -> str:
    """Memberships (P463) with their dates, of some members or in some organisations."""
    given = (_values("member", members) if members else "") + \
        (_values("organisation", organisations) if organisations else "")
    if not given:
        raise ValueError("membership_statements needs members or organisations")
    return f"""SELECT ?member ?organisation ?statement ?rank ?start ?startPrecision ?end ?endPrecision WHERE {{
{given}  ?member p:{MEMBER_OF} ?statement . ?statement ps:{MEMBER_OF} ?organisation .
{_STATEMENT_DATES}
}}"""


def items_named(names, languages: tuple[str, ...]) -> str:
    """Items whose label or alias is exactly one of the names, in one of the languages."""
    literals = sorted({sparql_string(n, lang) for n in names if usable_name(n) for lang in languages})
    if not literals:
        raise ValueError("no usable names")
    return f"""SELECT ?name ?item ?kind WHERE {{
  VALUES ?name {{ {' '.join(literals)} }}
  {{ ?item rdfs:label ?name . BIND("label" AS ?kind) }} UNION {{ ?item skos:altLabel ?name . BIND("alias" AS ?kind) }}
}}"""


def item_facts(qids) -> str:
    """English label, whether human or an organisation (P31, through P279 subclasses), and countries (P17)."""
    organisations = " ".join(f"wd:{q}" for q in ORGANISATION_CLASSES)
    return f"""SELECT ?item ?fact ?value ?label WHERE {{
{_values("item", qids)}  {{ ?item rdfs:label ?label . FILTER(LANG(?label) = "en") BIND("label" AS ?fact) }}
  UNION {{ ?item wdt:{INSTANCE_OF} wd:{HUMAN} . BIND(wd:{HUMAN} AS ?value) BIND("class" AS ?fact) }}
  UNION {{ VALUES ?value {{ {organisations} }} ?item wdt:{INSTANCE_OF}/wdt:{SUBCLASS_OF}* ?value .
          BIND("organisation" AS ?fact) }}
  UNION {{ ?item wdt:{COUNTRY} ?value . BIND("country" AS ?fact) }}
}}"""
