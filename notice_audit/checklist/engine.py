"""Judging a Document against a Checklist: the mechanism, with no vocabulary of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from notice_audit.checklist.model import Checklist, Concept, Element
from notice_audit.document import BlockKind, Document, Location, Sentence
from notice_audit.language.lexicon import tables

MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Evidence:
    text: str
    location: Location


@dataclass
class ElementResult:
    element: Element
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    message: str = ""
    severity: str = "error"


@dataclass
class Evaluation:
    articles: list[str]
    results: list[ElementResult]

    @property
    def coverage(self) -> float | None:
        """Share of applicable elements that are present."""
        applicable = [r for r in self.results if r.status != "not_applicable"]
        if not applicable:
            return None
        return round(sum(r.status == "present" for r in applicable) / len(applicable), 3)


class _Matcher:
    """Which sentences each concept matches, computed once per (concept, sentence)."""

    def __init__(self, document: Document, checklist: Checklist) -> None:
        # The page's header and footer come last, read only by concepts marked `page_chrome`.
        self.sentences = document.sentences() + document.chrome_sentences()
        self.chrome_from = len(document.sentences())
        self.concepts = checklist.concepts
        self._memo: dict[tuple[str, int], bool] = {}
        self._plain_texts: dict[int, tuple[str, str]] = {}
        self._all: dict[str, list[int]] = {}
        self._anywhere: dict[str, bool] = {}
        self.section_of = [self._section(s) for s in self.sentences]
        self.titles = _titles(document)
        self._title_names: dict[str, re.Pattern[str] | None] = {}
        # Headings and table-of-contents entries name topics; the statements are in the other blocks.
        self.content = [
            i for i, s in enumerate(self.sentences[: self.chrome_from])
            if s.block.kind is not BlockKind.HEADING and not s.block.is_contents_entry
        ]

    @staticmethod
    def _section(sentence: Sentence) -> tuple[str, ...]:
        block = sentence.block
        if block.kind is BlockKind.HEADING:
            return (*block.heading_path, block.text)
        return block.heading_path

    def _asked_before(self, index: int) -> str:
        """In question-and-answer notices ('**How long do you keep it?** Six years.'), the question the
        sentence answers: the sentence before it in the same paragraph, when that ends with '?'."""
        if index == 0:
            return ""
        previous, sentence = self.sentences[index - 1], self.sentences[index]
        if previous.block is sentence.block and previous.text.rstrip().endswith("?") and not sentence.text.rstrip().endswith("?"):
            return previous.text
        return ""

    def _plain(self, index: int) -> tuple[str, str]:
        """The sentence with its list introduction, and alone, with curly quotes made straight."""
        if index not in self._plain_texts:
            sentence = self.sentences[index]
            self._plain_texts[index] = (_straight(sentence.context), _straight(sentence.text))
        return self._plain_texts[index]

    def matches(self, name: str, index: int) -> bool:
        key = (name, index)
        if key not in self._memo:
            self._memo[key] = self._matches(self.concepts[name], index)
        return self._memo[key]

    def _matches(self, concept: Concept, index: int) -> bool:
        if index >= self.chrome_from and not concept.page_chrome:
            return False
        sentence = self.sentences[index]
        context, alone = self._plain(index)
        text = context
        heading = _straight(self._asked_before(index) or (sentence.block.heading_path[-1] if sentence.block.heading_path else ""))
        # An answer under a question heading ("How long do you keep it?") means nothing without it.
        if heading and (concept.heading_context or heading.rstrip().endswith("?")):
            # A full stop keeps a pattern from reading the heading's last words into the sentence, unless the
            # sentence goes on from its heading: a card's 'Request transfer' then 'of your personal data to …'.
            runs_on = alone[:1].islower() and sentence.block.kind is not BlockKind.LIST_ITEM
            text = f"{heading}{'' if runs_on or heading.rstrip()[-1:] in '.?!:' else '.'} {text}"
        # Patterns tied to the sentence's start (^) are tried on the sentence alone too:
        # "Consent – we asked you first" after "Our lawful bases are:" starts with its basis.
        others = [t for t in dict.fromkeys((context, alone)) if t != text]
        hit = (
            any(p.search(text) or any(p.search(t) for t in others) for p in concept.patterns)
            or any(self.matches(n, index) for n in concept.include)
        )
        if not hit and concept.title_beside:
            names = self._names_in_titles(concept)
            hit = names is not None and names.search(alone) is not None
        if not hit and not concept.patterns and not concept.include and concept.link:
            hit = True  # a concept defined by its links alone
        if not hit:
            return False
        if concept.link and not any(
            link.target is not None and any(p.search(link.target) for p in concept.link) for link in sentence.block.links
        ):
            return False
        if concept.in_section and not any(p.search(h) for h in sentence.block.heading_path for p in concept.in_section):
            return False
        if concept.in_column and not any(p.search(sentence.block.column) for p in concept.in_column):
            return False
        if any(p.search(text) for p in concept.unless) or any(self.matches(n, index) for n in concept.exclude):
            return False
        if any(self.anywhere(n) for n in concept.unless_anywhere):
            return False
        return all(self.matches(n, index) for n in concept.all_of)

    def _names_in_titles(self, concept: Concept) -> re.Pattern[str] | None:
        """The names a title gives beside its generic part ('ShelterBox' in 'Privacy | ShelterBox'), as one
        pattern finding any of them as a word of their own (not inside an address); None when there are none."""
        if concept.name not in self._title_names:
            names = []
            for title in self.titles:
                parts = [p.strip() for p in _TITLE_PARTS.split(title) if p.strip()]
                generic = [p for p in parts if any(pattern.search(p) for pattern in concept.title_beside)]
                if generic:
                    names += [p for p in parts if p not in generic and _TITLE_NAME.match(p)]
            alternatives = "|".join(re.escape(name) for name in dict.fromkeys(names))
            self._title_names[concept.name] = re.compile(rf"(?<![\w.@/])(?:{alternatives})(?![\w@/]|\.\w)") if names else None
        return self._title_names[concept.name]

    def matching(self, name: str) -> list[int]:
        """Content sentences (not headings) matching `name`, in document order; then, for a concept
        marked `page_chrome`, the page's header and footer."""
        if name not in self._all:
            chrome = range(self.chrome_from, len(self.sentences)) if self.concepts[name].page_chrome else range(0)
            self._all[name] = [i for i in (*self.content, *chrome) if self.matches(name, i)]
        return self._all[name]

    def anywhere(self, name: str) -> bool:
        # asked once per sentence by a concept's `unless_anywhere`: computed once per concept
        if name not in self._anywhere:
            self._anywhere[name] = any(self.matches(name, i) for i in range(len(self.sentences)))
        return self._anywhere[name]

    def in_scope(self, name: str, index: int, scope: str) -> bool:
        if scope == "sentence":
            return self.matches(name, index)
        if scope == "document":
            return self.anywhere(name)
        anchor = self.sentences[index]
        if scope == "row" and not anchor.block.row:
            return False  # outside a table there is no row
        for other, sentence in enumerate(self.sentences):
            if scope == "row":
                same = sentence.block.row == anchor.block.row
            elif scope == "block":
                same = sentence.block is anchor.block
            else:
                same = self.section_of[other] == self.section_of[index]
            if same and self.matches(name, other):
                return True
        return False


# A page title's parts: 'Privacy Policy | Christian Aid', 'UK Parliament - Privacy Policy', and with no
# sign between them, 'Privacy notice Anne Saunders Physiotherapy', 'Thanos Realty Fair Processing Notice'.
_TITLE_PARTS = re.compile(
    r"\s+[|\u2013\u2014-]\s+|\s*\|\s*|:\s+|(?:(?<=[Pp]rivacy [Nn]otice)|(?<=[Pp]rivacy [Pp]olicy)|(?<=[Pp]rivacy [Ss]tatement))\s+(?=[A-Z])"
    r"|\s+(?=(?:[Pp]rivacy|[Ff]air [Pp]rocessing) (?:[Nn]otice|[Pp]olicy|[Ss]tatement)\s*$)"
)
# A name: capitalised, up to six words, no figures ('Last updated 2019' is no name), not a phrase ('For Our Customers').
_TITLE_NAME = re.compile(r"^(?=[A-Z])(?!(?:For|Of|And|At|In|On|To|By|With|Our|Your|This|The)\b)(?!.*\d)\S+(?:\s+\S+){0,5}$")


def _titles(document: Document) -> list[str]:
    """The notice's titles: its metadata title and its first heading."""
    titles = [document.metadata[key] for key in ("title", "page_title") if document.metadata.get(key)]
    first_heading = next((b for b in document.blocks if b.kind is BlockKind.HEADING), None)
    if first_heading is not None:
        titles.append(first_heading.text)
    return list(dict.fromkeys(titles))


# Patterns are written with straight quotes: "don’t" and "don't" read the same.
_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=1)
def _abbreviation_stops() -> re.Pattern[str]:
    """The full stops of abbreviations ('Art. 6(1)(f)'), which patterns' `[^.]` would read as a sentence's end."""
    words = sorted({a.rstrip(".") for a in tables().abbreviations}, key=len, reverse=True)
    return re.compile(rf"(?<![\w.])({'|'.join(map(re.escape, words))})\.(?=\s)")


@lru_cache(maxsize=8192)
def _straight(text: str) -> str:
    """What patterns read: straight quotes, and no full stop after an abbreviation (headings recur, so it is cached)."""
    return _abbreviation_stops().sub(r"\1", text.translate(_STRAIGHT))


def evaluate(document: Document, checklist: Checklist) -> Evaluation:
    matcher = _Matcher(document, checklist)
    articles = [a for a, names in checklist.articles.items() if any(matcher.matching(n) for n in names)]
    if not articles:
        articles = ["13"]
    results = [_judge(element, matcher, articles) for element in checklist.elements]
    return Evaluation(articles=sorted(articles), results=results)


def _evidence(matcher: _Matcher, indices: list[int]) -> list[Evidence]:
    """The sentences found, the first rule's first: 'the right to complain to the Information Commissioner'
    comes before a table heading naming the ICO that a looser rule also found."""
    seen = list(dict.fromkeys(indices))
    return [Evidence(matcher.sentences[i].text, matcher.sentences[i].location) for i in seen[:MAX_EVIDENCE]]


def _judge(element: Element, matcher: _Matcher, articles: list[str]) -> ElementResult:
    severity = element.severity
    if element.severity_article13_only and articles == ["13"]:
        severity = element.severity_article13_only
    result = ElementResult(element, "missing", severity=severity)
    if element.articles_required and not set(element.articles_required) & set(articles):
        result.status = "not_applicable"
        result.message = f"applies only under Article {' or '.join(element.articles_required)}, which this notice does not engage"
        return result
    triggers: list[int] = []
    if element.trigger:
        triggers = [i for name in element.trigger for i in matcher.matching(name)]
        if not triggers:
            result.status = "not_applicable"
            result.message = "not triggered: nothing in the notice calls for it"
            return result

    strong: list[int] = []
    weak: list[int] = []
    lacking: list[str] = []
    # A mention no rule for its concept makes good, and what it lacks: 'held in the EU' needs a safeguard
    # said of Europe or of every transfer out of the UK (two rules), not one named for the US.
    unmet_with: dict[tuple[str, int], str] = {}
    met: set[tuple[str, int]] = set()
    for rule in element.present:
        for index in matcher.matching(rule.concept):
            if any(matcher.matches(name, index) for name in element.incidental):
                weak.append(index)
            elif all(matcher.in_scope(name, index, rule.scope) for name in rule.with_):
                strong.append(index)
                met.add((rule.concept, index))
            elif rule.lacking:  # without `lacking`, an unmet `with` is simply no evidence
                unmet_with.setdefault((rule.concept, index), rule.lacking)
    for mention, reason in unmet_with.items():
        if mention not in met:
            weak.append(mention[1])
            lacking.append(reason)
    for name in element.partial:
        weak.extend(matcher.matching(name))

    if strong and element.every_mention and lacking:
        # 'Stored in the EEA' with no safeguard is not made good by the US data bridge named for another supplier.
        result.status, result.evidence = "partial", _evidence(matcher, weak)
        result.message = f"{element.title}: {lacking[0]}"
        return result
    if strong:
        unmet = [req for req in element.require if not any(matcher.in_scope(req.concept, i, req.scope) for i in strong)]
        if not unmet:
            result.status, result.evidence = "present", _evidence(matcher, strong)
            return result
        result.status, result.evidence = "partial", _evidence(matcher, strong)
        result.message = f"{element.title}: {unmet[0].lacking or 'a required part is missing'}"
        return result
    if weak:
        result.status, result.evidence = "partial", _evidence(matcher, weak)
        result.message = f"{element.title}: {lacking[0] if lacking else element.partial_message or 'only partly given'}"
        return result
    result.status = element.when_absent if element.trigger else "missing"
    if triggers:
        first = matcher.sentences[min(triggers)]
        result.evidence = _evidence(matcher, triggers)
        detail = element.partial_message if result.status == "partial" and element.partial_message else f"not found; looked for {element.looked_for}"
        result.message = f"{element.title}: {detail} (called for by line {first.location.line}: \u201c{_clip(first.text)}\u201d)"
    else:
        result.message = f"{element.title} not found: looked for {element.looked_for}"
    return result


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
