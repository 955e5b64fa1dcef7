"""The Hugo peers of scripts/benchmark: the generated corpus as Hugo sites.

`fair_site` writes the corpus as the site a Hugo expert would build for the
portal's job, with the layouts in scripts/benchmark-hugo/ (ours, real files):

- item pages at the portal's own addresses (kommuner/<kommune>/<dokument>/<indsats>/),
  with breadcrumbs, body, activities, goals, success criteria, milestone table,
  theme, tag and comparison links, related units and the source line;
- municipalities and documents as nested sections (branch bundles), so an
  item's document is `.Parent` and its municipality `.Parent.Parent`;
- themes, tags, sections and cited paragraphs of Serviceloven as taxonomies,
  their term pages grouped by municipality (`GroupByParam`);
- comparison per theme as a taxonomy of units (`sammenlign`) whose term pages
  use a second layout: one column per municipality;
- activity pages (where a document's units are activities) as content pages at
  the portal's addresses (`url:`), so they too are units;
- related units with Hugo's `.Site.RegularPages.Related` over indices weighted as
  the portal's site.yaml `related:`;
- a timeline page per document with milestones, and its index;
- the search index (soeg/index.json) and the data files (data/portal.json,
  data/portal.csv) as output formats of the home page;
- the home page with the municipality cards and the theme x municipality matrix;
- relative URLs (`relativeURLs = true`), navigation and footer as `partialCached`.

`minimal_site` is the floor: the same item files with minimal layouts, no taxonomies.
"""
import json
import re
import shutil
from pathlib import Path

from benchmark_corpus import item_path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TYPE_LABELS = {"udviklingsplan": "Udviklingsplan", "politik": "Politik", "virksomhedsplan": "Virksomhedsplan",
               "opfoelgning": "Opfølgning", "idekatalog": "Idékatalog"}
STATUS_LABELS = {"realiseret": "Realiseret", "i-gang": "I gang", "fravalgt": "Fravalgt", "forslag": "Forslag",
                 "ikke-angivet": "Ikke angivet"}


def page(path: Path, front: dict, body: str = ""):
    """A content file with JSON front matter (Hugo reads a file that starts with '{' as JSON)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(front, ensure_ascii=False) + "\n\n" + body + "\n", encoding="utf-8")


def front_matter_and_body(path: Path):
    text = path.read_text(encoding="utf-8")
    _, _, rest = text.partition("---\n")
    front, _, body = rest.partition("\n---\n")
    title = re.search(r"^title: (.+)$", front, re.M).group(1).strip().strip('"')
    return title, body


def fair_site(folder: Path, corpus) -> Path:
    site = folder / "hugo-fair"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(HERE / "benchmark-hugo", site)
    content = site / "content"
    (site / "data").mkdir()
    themes = {}
    for path in sorted((ROOT / "content/temaer").glob("*.md")):
        title, body = front_matter_and_body(path)
        themes[path.stem] = title
        page(content / "temaer" / path.stem / "_index.md", {"title": title}, body)
        page(content / "sammenlign" / path.stem / "_index.md", {"title": title})
    for path in sorted((ROOT / "content/tags").glob("*.md")):
        title, body = front_matter_and_body(path)
        page(content / "tags" / path.stem / "_index.md", {"title": title}, body)
    for path in sorted((ROOT / "content/sider").glob("*.md")):
        title, body = front_matter_and_body(path)
        page(content / f"{path.stem}.md", {"title": title}, body)
    (site / "data/themes.json").write_text(json.dumps(themes, ensure_ascii=False), encoding="utf-8")
    (site / "data/status.json").write_text(json.dumps(STATUS_LABELS, ensure_ascii=False), encoding="utf-8")
    page(content / "_index.md", {"title": "Kommuneportalen"},
         "Kommuneportalen samler kommunernes planer for det sociale område og gør det muligt at sammenligne "
         "kommunernes ambitioner og indsatser tema for tema.")
    page(content / "soeg.md", {"title": "Søg", "url": "/soeg/"}, "Søgningen kræver JavaScript.")
    page(content / "kommuner/_index.md", {"title": "Kommuner"})
    page(content / "tidslinje/_index.md", {"title": "Tidslinje"})
    page(content / "aktiviteter/_index.md", {"title": "Aktiviteter", "_build": {"render": "never", "list": "always"}})
    page(content / "sektioner/_index.md", {"title": "Sektioner", "_build": {"render": "never", "list": "always"}})
    for municipality in corpus.municipalities:
        base = content / "kommuner" / municipality.slug
        page(base / "_index.md", {"title": municipality.title, "short_title": municipality.short_title,
                                   "mid": municipality.id, "layout": "municipality", "weight": municipality.order})
        for order, document in enumerate(municipality.documents):
            doc_path = f"/kommuner/{municipality.slug}/{document.slug}"
            has_milestones = any(i.milestones for s in document.sections for i in s.items)
            timeline = f"/tidslinje/{municipality.slug}/{document.slug}/" if has_milestones else None
            page(base / document.slug / "_index.md", {
                "title": document.title, "slug": document.slug, "layout": "document", "weight": order + 1,
                "document_type_label": TYPE_LABELS[document.type], "organisation": document.organisation,
                "period": document.period, "section_label": document.section_label, "item_label": document.item_label,
                "timeline": timeline}, document.body)
            if timeline:
                page(content / "tidslinje" / municipality.slug / f"{document.slug}.md",
                     {"title": f"Tidslinje: {document.title}", "document": doc_path})
            for s, section in enumerate(document.sections):
                page(content / "sektioner" / section.id / "_index.md",
                     {"title": section.title, "document": doc_path, "themes": section.themes}, section.body)
                for item in section.items:
                    write_item(content, base / document.slug, municipality, document, section, s, item)
    return site


def write_item(content, folder, municipality, document, section, section_order, item):
    themes = list(dict.fromkeys(section.themes + item.themes))  # its section's themes and its own
    context = {"municipality": municipality.id, "municipality_title": municipality.title,
               "document_title": document.title, "section_title": section.title}
    unit = not document.units_are_activities
    activities = []
    for activity in item.activities:
        url = f"/{item_path(item)}{activity.slug}/" if document.units_are_activities else None
        activities.append({"number": activity.number, "title": activity.title, "text": activity.text,
                           "status": activity.status, "url": url})
        if url:
            page(content / "aktiviteter" / municipality.slug / document.slug / item.slug / f"{activity.slug}.md", {
                "title": activity.title, "url": url, "number": activity.number, "status": activity.status,
                "item": f"/kommuner/{municipality.slug}/{document.slug}/{item.slug}",
                "rel_themes": activity.themes, "rel_tags": activity.tags, "rel_paragraphs": item.paragraphs,
                "sammenlign": activity.themes, **context}, activity.text)
    front = {
        "title": item.title, "id": item.id, "number": item.number, "weight": int(re.sub(r"\D", "", item.number) or 0),
        "status": item.status, "status_text": item.status_text, "section": section.id,
        "section_order": section_order + 1, "temaer": themes, "tags": item.tags, "sektioner": [section.id],
        "lovhenvisninger": item.paragraphs, "activities": activities, "goals": item.goals,
        "success_criteria": item.success_criteria,
        "milestones": [{"text": text, "when": when} for text, when in item.milestones],
        "evaluation": item.evaluation, **context}
    if unit:
        front.update({"rel_themes": themes, "rel_tags": item.tags, "rel_paragraphs": item.paragraphs, "sammenlign": themes})
    page(folder / f"{item.slug}.md", front, item.body)


def minimal_site(folder: Path, portal_content: Path) -> Path:
    """The same item files as a Hugo site with minimal layouts (one page per item): the floor."""
    site = folder / "hugo-minimal"
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts/_default").mkdir(parents=True)
    (site / "content").mkdir()
    (site / "config.toml").write_text('baseURL = "/"\ntitle = "Hugo"\ndisableKinds = ["taxonomy", "term", "RSS"]\n', encoding="utf-8")
    (site / "layouts/_default/baseof.html").write_text(
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body><nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>', encoding="utf-8")
    (site / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Params.milestones }}<li>{{ .text }} {{ .when }}</li>{{ end }}</ul>{{ end }}',
        encoding="utf-8")
    (site / "layouts/_default/list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
        encoding="utf-8")
    for source in portal_content.glob("kommuner/*/*/indsatser/*.md"):
        target = site / "content" / source.parent.parent.parent.name / source.parent.parent.name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return site
