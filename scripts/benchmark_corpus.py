"""A realistic national-scale corpus for scripts/benchmark, made from the real content.

The words and sentences come from content/ at run time: the Markdown bodies and
the text fields of the real items are split into sentences, and each generated
sentence is a real one (its length, its function words, its punctuation) with
about half of its longer words swapped for others of the real vocabulary. On top
of that come what the real texts have: Markdown lists, links to other generated
items (relative addresses within the site, as the portal takes them), references
to Serviceloven in the forms the sources write them, `##` fields, 2 to 4
documents per municipality of the five document types, statuses where a
follow-up reports them, the real milestone date phrasings, activities per item
like Hillerød's, `units: activities` on some documents, themes and tags.

It is seeded (`random.Random(items)`), so one size always gives the same files,
and it writes 10,000 items in a few seconds.

`generate(folder, items)` writes folder/content and returns a `Corpus`: the
municipalities, documents, sections, items and activities as plain values, which
the Hugo peer (benchmark_hugo.py) writes as a Hugo site.
"""
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEMES = ["faellesskaber", "beskaeftigelse", "sundhed", "egenmestring", "sammenhaeng",
          "civilsamfund", "meningsfuldhed", "organisation", "tilbud", "digitalisering"]
ITEMS_PER_MUNICIPALITY = 102  # 98 municipalities at 10,000 items, 10 at 1,000

# The document types with their weights, the source's names for sections and items,
# and what each kind of document has (as in the real content).
DOCUMENT_KINDS = [
    # type, weight, section label, item label, organisation
    ("udviklingsplan", 30, "Ambition", "Indsats", "Borger- og Socialservice"),
    ("virksomhedsplan", 25, "Politisk mål", "Indsats", "Center for Sociale Indsatser"),
    ("opfoelgning", 15, "Udviklingstema", "Mål", "Center for Handicap, Socialpsykiatri og Misbrug"),
    ("idekatalog", 15, "Hovedindsats", "Idé", "Voksenspecialenheden"),
    ("politik", 15, "Ambition", "Indsats", "Social og Sundhed"),
]
DOCUMENT_TITLES = {
    "udviklingsplan": "Udviklingsplan {period}", "virksomhedsplan": "Virksomhedsplan {period}",
    "opfoelgning": "Opfølgning på Udviklingsaftalen {period}", "idekatalog": "Idekatalog forebyggende indsatser {period}",
    "politik": "Politik for det sociale område {period}",
}
# The real milestone date phrasings: those without a year take the document's year
# (its period is then one year); those with one fit any period.
WHEN_WITHOUT_YEAR = ["Ultimo marts", "Ultimo maj", "Ultimo november", "Ultimo august", "Ultimo juni",
                     "Ultimo januar", "Ultimo april", "Ultimo september", "Ultimo oktober", "Ultimo februar",
                     "Primo november", "Primo maj", "Medio marts", "Ultimo december", "Primo juli",
                     "Primo december", "Primo august", "Primo april", "Medio juni", "6. september"]
WHEN_WITH_YEAR = ["Ultimo {y}", "Februar {y}", "Ultimo september {y}", "Ultimo marts {y}", "Ultimo juni {y}",
                  "Ultimo januar {y}", "Ultimo december {y}", "September til december {y}",
                  "Primo august {y} – ultimo marts {z}", "Oktober {y}", "Marts {y}", "Løbende gennem {y}",
                  "Juni {y}", "Forårssemester og efterårssemester {y}", "April {z}"]
# References to Serviceloven in the forms the real texts write them, and the phrases around them.
PARAGRAPHS = [("§ 85", ["85"]), ("§85", ["85"]), ("§ 103", ["103"]), ("§103", ["103"]), ("§§ 103/104", ["103", "104"]),
              ("§§103 og 104", ["103", "104"]), ("Servicelovens § 141", ["141"]), ("servicelovens § 83 a", ["83a"]),
              ("§82a og §82b", ["82a", "82b"]), ("§ 82", ["82"]), ("SEL § 85", ["85"]), ("§ 85, stk. 2", ["85"]),
              ("§ 107", ["107"]), ("§ 108", ["108"]), ("§ 104", ["104"]), ("§ 99", ["99"])]
PARAGRAPH_PHRASES = ["Indsatsen er et supplement til {p}.", "Det gælder borgere omfattet af {p}.",
                     "Vi udvikler vores tilbud inden for {p}.", "Målgruppen er borgere visiteret efter {p}.",
                     "Der er tale om en gråzone mellem {p} og det almindelige arbejdsmarked.",
                     "Kvalitetsstandarderne for {p} revideres i perioden."]
FIELD_HEADINGS = ["Formål", "Baggrund", "Hvordan kunne en indsats se ud?", "Hvordan kan det hjælpe på sigt",
                  "Forventet effekt", "Organisering"]
EVALUATION = ["Midtvejsevaluering dato", "Evaluerings december {z}", "Har I indfriet jeres succeskriterier?",
              "Resultaternes forankring", "Hvad er den vigtigste effekt, indsatsen har skabt for borgerne?"]
STATUS_TEXTS = {
    "realiseret": "Målet er nået, og indsatsen er forankret i den daglige drift.",
    "i-gang": "Arbejdet er i gang og fortsætter i den kommende periode.",
    "fravalgt": "Indsatsen er fravalgt, da ressourcerne er prioriteret til andre mål.",
}
MUNICIPALITY_NAMES = ["Ager", "Bak", "Bro", "Dal", "Eng", "Fjord", "Hav", "Holm", "Kær", "Lund", "Mose", "Næs",
                      "Skov", "Sø", "Strand", "Vang", "Vig", "Høj", "Ås", "Rød"]


@dataclass
class Activity:
    slug: str
    number: str
    title: str
    text: str
    status: str | None
    themes: list
    tags: list


@dataclass
class Item:
    id: str
    slug: str
    number: str
    type: str
    title: str
    section: "Section"
    status: str | None
    status_text: str | None
    themes: list
    tags: list
    body: str
    activities: list
    goals: list
    success_criteria: list
    milestones: list  # (text, when)
    evaluation: list
    local_themes: list
    paragraphs: list  # the § cited (for the Hugo peer's § taxonomy)


@dataclass
class Section:
    id: str
    slug: str
    number: str
    title: str
    themes: list
    body: str
    document: "Document" = None
    items: list = field(default_factory=list)


@dataclass
class Document:
    id: str
    slug: str
    type: str
    title: str
    period: str
    organisation: str
    section_label: str
    item_label: str
    units_are_activities: bool
    reports_status: bool
    body: str
    municipality: "Municipality" = None
    local_themes: list = field(default_factory=list)  # (number, title, themes)
    sections: list = field(default_factory=list)


@dataclass
class Municipality:
    id: str
    slug: str
    title: str
    short_title: str
    order: int
    documents: list = field(default_factory=list)


@dataclass
class Corpus:
    municipalities: list
    tags: list
    warnings_expected: int = 0

    @property
    def items(self):
        return [i for m in self.municipalities for d in m.documents for s in d.sections for i in s.items]


class Text:
    """Sentences and words of the real content, and new sentences made from them."""

    WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]+")
    WORD_SPLIT = re.compile(r"([A-Za-zÆØÅæøåÉéÜü]+)")

    def __init__(self, content: Path, rng: random.Random):
        self.rng = rng
        sentences, titles = [], []
        for path in sorted(content.glob("kommuner/**/*.md")):
            text = path.read_text(encoding="utf-8")
            _, _, rest = text.partition("---\n")
            front, _, body = rest.partition("\n---\n")
            for line in body.splitlines():
                if line.strip() and not line.lstrip().startswith(("#", "-", "*", "|", ">", "<", "!")):
                    sentences += self.split(line)
            for match in re.finditer(r'^\s*(?:- |text: |  - text: )"(.+)"$', front, re.M):
                sentences += self.split(match.group(1).replace('\\"', '"'))
            for match in re.finditer(r'^\s*title: "(.+)"$', front, re.M):
                titles.append(match.group(1).replace('\\"', '"'))
        clean = re.compile(r"^[A-ZÆØÅ][^\[\]<>|*#`\\_{}]*[.!?]$")
        self.sentences = [s for s in dict.fromkeys(sentences) if clean.match(s) and 4 <= len(s.split()) <= 45
                          and "§" not in s and "http" not in s and "www" not in s]
        self.titles = [t for t in dict.fromkeys(titles) if 2 <= len(t.split()) <= 14 and not re.search(r"[\[\]<>|*#`\\§]", t)]
        words = [w for s in self.sentences for w in self.WORD.findall(s) if len(w) >= 5 and w.islower()]
        self.words = sorted(set(words))
        if len(self.sentences) < 50 or len(self.words) < 500:
            raise SystemExit("benchmark: the real content has too little text to make a corpus from")
        self.sentence_templates = [self.template(t) for t in self.sentences]
        self.title_templates = [self.template(t) for t in self.titles]

    @staticmethod
    def split(text):
        return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text.strip()) if s.strip()]

    @classmethod
    def template(cls, text):
        """The text cut into words and what lies between, and the places of the longer lower-case words."""
        parts = cls.WORD_SPLIT.split(text)
        return parts, [i for i, part in enumerate(parts) if len(part) >= 5 and part.islower() and cls.WORD.fullmatch(part)]

    def varied(self, template) -> str:
        """The template's text with about half its longer lower-case words replaced."""
        parts, slots = template
        parts = list(parts)
        random, words = self.rng.random, self.words
        for slot in slots:
            if random() < 0.5:
                parts[slot] = words[int(random() * len(words))]
        return "".join(parts)

    def sentence(self) -> str:
        return self.varied(self.rng.choice(self.sentence_templates))

    def sentences_(self, low, high) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        title = self.varied(self.rng.choice(self.title_templates)).rstrip(".")
        return title[:1].upper() + title[1:]


def q(value) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values) -> str:
    return "[" + ", ".join(values) + "]"


def generate(folder: Path, items: int) -> Corpus:
    """Writes a national-scale content set of `items` items into folder/content."""
    rng = random.Random(items)
    text = Text(ROOT / "content", rng)
    content = folder / "content"
    for shared in ("temaer", "tags", "sider"):
        shutil.copytree(ROOT / "content" / shared, content / shared)
    site = (ROOT / "content/site.yaml").read_text(encoding="utf-8")
    (content / "site.yaml").write_text(site.replace("featured_documents: [kalundborg-idekatalog-h24]", "featured_documents: []"),
                                       encoding="utf-8")
    tags = sorted(p.stem for p in (ROOT / "content/tags").glob("*.md"))
    municipalities = max(1, round(items / ITEMS_PER_MUNICIPALITY))
    corpus = Corpus([], tags)
    plan(corpus, text, rng, municipalities, items)
    link_items(corpus, text, rng)
    for municipality in corpus.municipalities:
        write_municipality(content, municipality)
    return corpus


def plan(corpus, text, rng, municipalities, items):
    """The entities, without files: items spread over 2-4 documents per municipality."""
    per_municipality = [items // municipalities + (1 if m < items % municipalities else 0) for m in range(municipalities)]
    tag_turn = 0
    for m in range(municipalities):
        name = MUNICIPALITY_NAMES[m % len(MUNICIPALITY_NAMES)] + ("" if m < len(MUNICIPALITY_NAMES) else str(m // len(MUNICIPALITY_NAMES)))
        mid = f"kommune-{m:02d}"
        municipality = Municipality(mid, mid, f"{name} Kommune", name, m + 1)
        corpus.municipalities.append(municipality)
        kinds = [rng.choices(DOCUMENT_KINDS, weights=[k[1] for k in DOCUMENT_KINDS])[0] for _ in range(rng.randint(2, 4))]
        # Item shares: a policy holds few items, the others share the rest.
        shares = [0.3 if k[0] == "politik" else 1.0 + rng.random() for k in kinds]
        counts = [int(per_municipality[m] * s / sum(shares)) for s in shares]
        counts[max(range(len(counts)), key=lambda i: shares[i])] += per_municipality[m] - sum(counts)
        for d, (kind, count) in enumerate(zip(kinds, counts)):
            doc_type, _, section_label, item_label, organisation = kind
            year = 2014 + rng.randint(0, 9)
            one_year = doc_type in ("virksomhedsplan", "opfoelgning") or rng.random() < 0.5
            period = str(year) if one_year else f"{year}-{year + 2}"
            slug = f"{doc_type}-{period}-{d + 1}"
            document = Document(
                f"{mid}-{slug}", slug, doc_type, DOCUMENT_TITLES[doc_type].format(period=period), period, organisation,
                section_label, item_label,
                units_are_activities=doc_type == "opfoelgning" or (doc_type == "udviklingsplan" and rng.random() < 0.5),
                reports_status=doc_type == "opfoelgning", body=paragraphs(text, rng, 2, 5), municipality=municipality)
            municipality.documents.append(document)
            if doc_type == "idekatalog":
                document.local_themes = [(n + 1, text.title(), rng.sample(THEMES, rng.randint(1, 2))) for n in range(5)]
            section_count = max(1, min(rng.randint(3, 6), count or 1))
            for s in range(section_count):
                section = Section(f"{document.id}-s{s + 1}", f"{section_label.split()[-1].lower().replace('å', 'aa')}-{s + 1}",
                                  str(s + 1), text.title(), rng.sample(THEMES, rng.randint(1, 2)),
                                  text.sentences_(1, 3) if rng.random() < 0.6 else "", document)
                document.sections.append(section)
            for i in range(count):
                section = document.sections[i * section_count // count]
                tag_count = rng.randint(1, 3)
                item_tags = [corpus.tags[(tag_turn + k) % len(corpus.tags)] for k in range(tag_count)]
                tag_turn += tag_count
                section.items.append(make_item(text, rng, document, section, i, item_tags))


def paragraphs(text, rng, low, high):
    return "\n\n".join(text.sentences_(2, 5) for _ in range(rng.randint(low, high)))


def when(rng, document):
    year = int(document.period[:4])
    if "-" not in document.period and rng.random() < 0.6:
        return rng.choice(WHEN_WITHOUT_YEAR)
    return rng.choice(WHEN_WITH_YEAR).format(y=year, z=year + 1)


def make_item(text, rng, document, section, i, tags):
    idea = document.type == "idekatalog"
    status = None
    if document.reports_status:
        status = rng.choices(["realiseret", "i-gang", "fravalgt"], weights=[5, 4, 1])[0]
    elif idea:
        status = "forslag"
    item = Item(
        id=f"{document.id}-{'ide' if idea else 'indsats'}-{i + 1:03d}", slug=f"{'ide' if idea else 'indsats'}-{i + 1}",
        number=f"{i + 1})" if document.type == "opfoelgning" else str(i + 1), type="idea" if idea else "initiative",
        title=text.title(), section=section, status=status,
        status_text=STATUS_TEXTS[status] if status in STATUS_TEXTS else None,
        themes=rng.sample(THEMES, rng.randint(0, 2)), tags=tags, body="", activities=[], goals=[], success_criteria=[],
        milestones=[], evaluation=[], local_themes=[], paragraphs=[])
    if idea:
        item.local_themes = sorted(rng.sample(range(1, 6), rng.randint(1, 3)))
    if document.type in ("udviklingsplan", "opfoelgning") or rng.random() < 0.3:
        count = rng.randint(1, 2) if document.type == "opfoelgning" else rng.randint(2, 6)
        for a in range(count):
            a_status = rng.choices(["realiseret", "i-gang", "fravalgt"], weights=[5, 4, 1])[0] if document.reports_status else None
            item.activities.append(Activity(
                f"aktivitet-{a + 1}", f"{a + 1})" if document.type == "opfoelgning" else str(a + 1),
                text.title(), text.sentences_(1, 4), a_status,
                rng.sample(THEMES, rng.randint(1, 2)), rng.sample(tags, min(len(tags), rng.randint(1, 2)))))
    if not idea:
        item.goals = [text.sentence().rstrip(".") for _ in range(rng.randint(0, 4))]
        item.success_criteria = [text.sentence() for _ in range(rng.randint(0, 5))]
    if document.type in ("virksomhedsplan", "udviklingsplan") and rng.random() < 0.7:
        item.milestones = [(text.sentence(), when(rng, document)) for _ in range(rng.randint(1, 5))]
    if document.type == "udviklingsplan" and rng.random() < 0.4:
        year = int(document.period[-4:])
        item.evaluation = [label.format(z=year) for label in EVALUATION]
    return item


def link_items(corpus, text, rng):
    """Writes each item's body: paragraphs, a list, a § reference, links to other items, `##` fields."""
    all_items = corpus.items
    for item in all_items:
        document = item.section.document
        parts = [text.sentences_(1, 3)]  # the lead: plain text, no links (it is shown on other pages)
        parts.append(paragraphs(text, rng, 1, 3))
        if rng.random() < 0.35:
            reference, numbers = rng.choice(PARAGRAPHS)
            item.paragraphs += numbers
            parts.append(text.sentence()[:-1] + ". " + rng.choice(PARAGRAPH_PHRASES).format(p=reference))
        if rng.random() < 0.4:
            parts.append("\n".join(f"- {text.sentence()}" for _ in range(rng.randint(2, 5))))
        if rng.random() < 0.3:
            others = rng.sample(all_items, 2)
            links = [f"[{other.title}]({relative(item, other)})" for other in others if other is not item]
            if links:
                parts.append(f"{text.sentence()[:-1]}, fx {' og '.join(links)}.")
        headings = rng.sample(FIELD_HEADINGS, rng.randint(0, 2) if document.type != "idekatalog" else rng.randint(2, 4))
        for heading in headings:
            parts.append(f"## {heading}\n\n{paragraphs(text, rng, 1, 2)}")
        item.body = "\n\n".join(parts)


def item_path(item):
    document = item.section.document
    return f"kommuner/{document.municipality.slug}/{document.slug}/{item.slug}/"


def relative(source, target):
    """The address of target's page from source's page, as the site's own links are written."""
    return "../../../../" + item_path(target) + "index.html"


def write_municipality(content: Path, municipality: Municipality):
    base = content / "kommuner" / municipality.slug
    base.mkdir(parents=True)
    (base / "kommune.md").write_text(
        f"---\nkind: municipality\nid: {municipality.id}\nslug: {municipality.slug}\ntitle: {q(municipality.title)}\n"
        f"short_title: {q(municipality.short_title)}\norder: {municipality.order}\n---\n", encoding="utf-8")
    for order, document in enumerate(municipality.documents):
        folder = base / document.slug
        (folder / "sektioner").mkdir(parents=True)
        (folder / "indsatser").mkdir()
        local = ""
        if document.local_themes:
            local = "local_themes:\n" + "".join(f"  - number: {n}\n    title: {q(t)}\n    themes: {yaml_list(th)}\n"
                                                for n, t, th in document.local_themes)
        (folder / "dokument.md").write_text(
            f"---\nkind: document\nid: {document.id}\nmunicipality: {municipality.id}\nslug: {document.slug}\n"
            f"title: {q(document.title)}\ndocument_type: {document.type}\norganisation: {q(document.organisation)}\n"
            f"period: {q(document.period)}\nsection_label: {q(document.section_label)}\nitem_label: {q(document.item_label)}\n"
            f"{'units: activities' + chr(10) if document.units_are_activities else ''}{local}order: {order + 1}\n---\n"
            f"{document.body}\n", encoding="utf-8")
        for s, section in enumerate(document.sections):
            (folder / "sektioner" / f"{section.id}.md").write_text(
                f"---\nkind: section\nid: {section.id}\ndocument: {document.id}\nslug: {section.slug}\nnumber: {q(section.number)}\n"
                f"title: {q(section.title)}\norder: {s + 1}\nthemes: {yaml_list(section.themes)}\n---\n{section.body}\n",
                encoding="utf-8")
            for order_i, item in enumerate(section.items):
                (folder / "indsatser" / f"{item.id}.md").write_text(item_file(item, document), encoding="utf-8")


def item_file(item: Item, document: Document) -> str:
    lines = ["---", "kind: item", f"type: {item.type}", f"id: {item.id}", f"slug: {item.slug}", f"document: {document.id}",
             f"section: {item.section.id}", f"number: {q(item.number)}", f"title: {q(item.title)}",
             f"status: {item.status or 'null'}", f"status_text: {q(item.status_text) if item.status_text else 'null'}",
             f"themes: {yaml_list(item.themes)}", f"tags: {yaml_list(item.tags)}"]
    if item.local_themes:
        lines.append(f"local_themes: {yaml_list(map(str, item.local_themes))}")
    if item.activities:
        lines.append("activities:")
        for a in item.activities:
            lines += [f"  - number: {q(a.number)}", f"    slug: {a.slug}", f"    title: {q(a.title)}", f"    text: {q(a.text)}"]
            if a.status:
                lines += [f"    status: {a.status}", f"    status_text: {q(STATUS_TEXTS[a.status])}"]
            lines += [f"    themes: {yaml_list(a.themes)}", f"    tags: {yaml_list(a.tags)}"]
    if item.goals:
        lines += ["goals:"] + [f"  - {q(g)}" for g in item.goals]
    if item.success_criteria:
        lines += ["success_criteria:"] + [f"  - {q(c)}" for c in item.success_criteria]
    if item.milestones:
        lines.append("milestones:")
        for text, when_ in item.milestones:
            lines += [f"  - text: {q(text)}", f"    when: {q(when_)}"]
    if item.evaluation:
        lines += ["evaluation:"] + [f"  - label: {q(label)}\n    value: null" for label in item.evaluation]
    lines += ["---", item.body, ""]
    return "\n".join(lines)
