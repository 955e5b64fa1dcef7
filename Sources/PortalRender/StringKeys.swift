import PortalContent
import PortalSearch

/// Every string key the generator itself looks up, checked against the theme's strings
/// file at load time so that a missing word is an error, not a key shown on a page.
enum StringKeys {
    static let all: [String] = [
        "nav.home", "nav.municipalities", "nav.themes", "nav.tags", "nav.lawReferences",
        "lawReferences.paragraph", "lawReferences.heading", "lawReferences.kicker", "lawReferences.caption",
        "lawReferences.paragraphColumn", "lawReferences.otherPlaces", "lawReferences.total", "lawReferences.everywhere",
        "lawReferences.countLabel", "lawReferences.countLabelOne", "lawReferences.field.body", "lawReferences.field.details",
        "item.shortTitle", "item.statusText", "item.localThemes", "document.contact", "document.localThemes", "document.keyFacts",
        "missing.notGiven", "missing.notFilled",
        "item.initiative", "item.idea", "item.activities", "item.goals", "item.successCriteria", "item.milestones",
        "item.evaluation", "section.label", "document.administrativeIdeas",
        "matrix.themesCaption", "matrix.themeColumn", "matrix.countLabel", "matrix.localThemesCaption",
        "matrix.activitiesCaption", "matrix.sectionsCaption", "matrix.crossThemesCaption", "matrix.yes", "matrix.no",
        "matrix.notStated", "matrix.key", "matrix.notStatedNote", "matrix.noMarks", "matrix.groupEmpty", "matrix.countColumn",
        "data.csvFormat", "data.csvDescription", "data.jsonFormat", "data.jsonDescription",
    ]
    + Status.allCases.map { "status.\($0.rawValue)" }
    + Status.allCases.map { "statusCount.\($0.rawValue)" }
    + ["contents.heading", "contents.toTop", "item.evaluationQuestions", "item.evaluationBlank.one", "item.evaluationBlank.other"]
    + ["statusOverview.caption", "statusOverview.differ", "statusOverview.same"]
    + ["statusOverview.countedActivities", "statusOverview.countedUnits", "timeline.count"].flatMap { ["\($0).one", "\($0).other"] }
    + ["nav.timeline", "timeline.title", "timeline.documentTitle", "timeline.quarter", "timeline.quarterShort",
       "timeline.undated", "timeline.unreadable", "timeline.withoutYear"]
    + DocumentType.allCases.map { "documentType.\($0.rawValue)" }
    + ["id", "municipality", "document", "section", "number", "title", "status", "statusText",
       "themes", "tags", "lawReferences", "milestones", "url"].map { "csv.\($0)" }
    + ["activity", "initiative", "idea", "mixed"].flatMap { ["units.\($0).one", "units.\($0).other", "units.\($0).name"] }
    + ["units.activityNumber", "units.partOf", "units.siblings", "units.ownPage", "units.activityWord"]
    + ["kind", "item", "description", "text", "milestone", "when", "start", "end", "placement", "theme"].map { "csv.\($0)" }
    + ["activity", "initiative", "idea"].map { "csv.kindNames.\($0)" }
    + ["ongoing", "withoutYear", "unreadable", "undated"].map { "csv.placements.\($0)" }
    + ["units", "activities", "milestones", "themeMatrix", "items"].flatMap { ["data.files.\($0).title", "data.files.\($0).description"] }
    + ["data.files.json.title", "data.rows", "data.size", "data.date"]
    + ["related.heading", "related.intro", "related.none", "related.lawReferences", "related.separator",
       "related.listSeparator", "related.listLast"]
    + ["themes", "tags"].flatMap { ["related.\($0).one", "related.\($0).other"] }
    + ["nav.compare", "compare.title", "compare.indexTitle", "compare.indexIntro", "compare.indexCaption", "compare.intro",
       "compare.link", "compare.rowLabel"]
    + ["search.title"]
    + ["date.format"] + (1...12).map { "date.months.\($0)" }
    + ["municipalities", "themes", "tags", "search", "lawReferences", "municipality", "document", "section", "item",
       "theme", "tag", "compare", "themeKind", "tagKind", "documentTimeline", "lawParagraph", "notFound"].map { "meta.\($0)" }
    + SearchDocument.Kind.allCases.map { "search.kind.\($0.rawValue)" }
    + SearchFacet.allCases.flatMap { ["search.facets.\($0.rawValue).label", "search.facets.\($0.rawValue).parameter"] }
    // What the search page's script shows (it reads the `search` strings as JSON).
    + ["prompt", "error", "ellipsis", "more", "chosen", "count.none", "count.one", "count.many", "count.query"].map { "search.\($0)" }
}
