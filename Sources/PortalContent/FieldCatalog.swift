/// Every front-matter field of every kind of content file, and every setting of
/// `site.yaml`: the one definition the reader, the JSON Schemas, `portal new` and README's
/// field table are made from (see `FieldSpec`).
///
/// Fields are listed in the order editors meet them (README's examples): what the file
/// is, what it belongs to, its title, its own fields, then the fields every kind shares.
/// Descriptions are English, like README; Danish words belong in content and the theme.
public enum FieldCatalog {
    /// The front-matter fields of a file of `kind`, in order.
    public static func fields(for kind: EntityKind) -> [FieldSpec] {
        switch kind {
        case .municipality:
            head(kind) + [
                FieldSpec("short_title", .text, "Short name, used in table headings and breadcrumbs."),
            ] + tail
        case .document:
            [kindField(kind), id,
             FieldSpec("municipality", .reference(.municipality), .required, "The municipality whose document this is."),
             title,
             FieldSpec("document_type", .choice(of: DocumentType.self), .required,
                       "What kind of plan the document is; each type is shown with the theme's label for it."),
            ] + documentFields + tail
        case .section:
            [kindField(kind), id,
             FieldSpec("document", .reference(.document), .required, "The document the section belongs to."),
             FieldSpec("number", .text, "The source's number for the section, if it has one (\"1\", \"A\")."),
             title,
             FieldSpec("themes", .references(.theme), "The cross-municipality themes this section maps to."),
             FieldSpec("implements", .reference(.section),
                       "A section in another document that this one follows (never itself, and never back round to itself)."),
            ] + tail
        case .item:
            [kindField(kind),
             FieldSpec("type", .choice(of: ItemType.self), .required, "Whether the item is an initiative or an idea."),
             id,
             FieldSpec("document", .reference(.document), .required, "The document the item belongs to."),
             FieldSpec("section", .reference(.section), .requiredWhen("its document has sections"),
                       "The section of its document that the item belongs to."),
             FieldSpec("number", .text, "The source's number for the item (\"1\")."),
             title,
            ] + itemFields + tail
        case .appendix:
            [kindField(kind), id,
             FieldSpec("document", .reference(.document), .required, "The document the appendix belongs to."),
             title,
            ] + tail
        case .theme, .tag:
            head(kind) + tail
        case .page:
            head(kind) + [
                FieldSpec("layout", .text,
                          "The theme template that shows the page (default: page); 'data' adds the table of data files."),
            ] + tail
        case .lawParagraph:
            // Its page is at its paragraph's number and it quotes several sources, so
            // it has no slug, order or source page of its own.
            [kindField(kind), id,
             FieldSpec("paragraph", .paragraphNumber, .required,
                       "The paragraph of Serviceloven the text is about, as the act numbers it, without '§' (quote it: \"85\", \"82a\")."),
             FieldSpec("title", .text, .required,
                       "What the paragraph is about, in the sources' own words; shown on the paragraph's page."),
             draft,
            ]
        }
    }

    /// What the Markdown after the front matter holds, for a file of `kind`.
    public static func body(of kind: EntityKind) -> String {
        switch kind {
        case .municipality: "An introduction to the municipality, in Markdown."
        case .document: "The document's introduction, in Markdown (such as its own introduction chapter)."
        case .section: "The section's own text, in Markdown, if the source has any."
        case .item: "The main text of the item, in Markdown; every '## heading' starts a named field, shown under that heading."
        case .appendix: "The text of the appendix, in Markdown."
        case .theme: "A short description of the theme, in Markdown."
        case .tag: "An optional description of the tag, in Markdown."
        case .page: "The text of the page, in Markdown."
        case .lawParagraph:
            "What the sources say about the paragraph, in Markdown, quoted with where each quote stands; nothing the sources do not say."
        }
    }

    // MARK: Shared fields

    static func kindField(_ kind: EntityKind) -> FieldSpec {
        FieldSpec("kind", .kind, .required, "What the file is: '\(kind.rawValue)' in \(kind.article) \(kind.rawValue) file.")
    }

    static let id = FieldSpec("id", .identifier, .required,
                              "The file's unique name among files of its kind, used when other files refer to it: lower-case letters a-z, digits and single hyphens.")

    static let title = FieldSpec("title", .text, .required,
                                 "Shown as the page heading; the page's address (its slug) is made from it.")

    static func head(_ kind: EntityKind) -> [FieldSpec] { [kindField(kind), id, title] }

    /// The fields every kind has after its own.
    static let tail: [FieldSpec] = [
        FieldSpec("slug", .identifier,
                  "The page's address part, when the one made from the title will not do (two titles that give the same address)."),
        FieldSpec("order", .wholeNumber, "Position among its siblings: any whole number, negative too."),
        FieldSpec("page", .wholeNumber,
                  "Page number in the source document where the text stands, counted from 1 as the source prints it."),
        FieldSpec("source_section", .text, "The source's own heading where the text stands, when the source has no page numbers."),
        draft,
    ]

    static let draft = FieldSpec("draft", .flag,
                                 "true: not yet for publishing; portal serve shows it, portal build leaves it (and what belongs to it) out.")

    // MARK: Documents

    static let documentFields: [FieldSpec] = [
        FieldSpec("organisation", .text, "The organisation the document is from, as the source names it."),
        FieldSpec("period", .text, "The period the document covers, as written in the source (quote a year: \"2019\"); or use date."),
        FieldSpec("date", .text, "The document's date, as written in the source."),
        FieldSpec("source_file", .text, "The name of the source file the content was taken from (listed on the about page and in the data files)."),
        FieldSpec("source_url", .webAddress,
                  "The address of the original document on the web, an absolute http(s) address; only where a source gives it."),
        FieldSpec("summary", .text, "One sentence in the source's own words."),
        FieldSpec("section_label", .text, "What the source calls its sections."),
        FieldSpec("item_label", .text, "What the source calls its items."),
        FieldSpec("related", .references(.document), "Other documents this one builds on (not itself)."),
        FieldSpec("local_themes", .objects([
            FieldSpec("number", .wholeNumber, .required, "The local theme's number; items name it in their local_themes."),
            FieldSpec("title", .text, .required, "The local theme's title."),
            FieldSpec("description", .text, "The source's text on the local theme (inline Markdown)."),
            FieldSpec("themes", .references(.theme), "The cross-municipality themes this local theme maps to."),
        ]), "The document's own themes, if it has any."),
        FieldSpec("key_facts", .objects([
            FieldSpec("group", .text, .required, "The group's heading."),
            FieldSpec("facts", .objects([
                FieldSpec("label", .text, .required, "What the figure is."),
                FieldSpec("value", .text, "The figure as the source gives it; null where the source leaves it empty (never 0)."),
            ]), "The figures of the group."),
        ]), "Figures as the source gives them, in groups."),
        FieldSpec("appendices_heading", .text, "The source's own heading above its appendices; without it they stand under \"Bilag\"."),
        FieldSpec("administrative_ideas_heading", .text, "The source's own heading for its administrative ideas."),
        FieldSpec("administrative_ideas", .objects([
            FieldSpec("title", .text, .required, "The idea, in the source's words."),
            FieldSpec("local_themes", .wholeNumbers, "The numbers of the document's local themes the idea belongs to."),
        ]), "Ideas the source says are already handled administratively."),
        FieldSpec("contact", .markdown, "Contact details, in Markdown."),
        FieldSpec("units", .choice(of: ComparableUnits.self),
                  "The document's smallest unit of action, which counts and comparisons use: its items (the default) or their activities (then also the rows of its own matrix)."),
        FieldSpec("lead_field", .text,
                  "The heading of the item field that states each item's purpose (such as the source's 'Formål'): what comparisons show of an item. Without it, the item's first sentence."),
    ]

    // MARK: Items

    static let itemFields: [FieldSpec] = [
        FieldSpec("short_title", .text, "The table-of-contents title, where it differs from the title."),
        FieldSpec("status", .choice(of: Status.self), "Where the item stands."),
        FieldSpec("status_text", .text, "The source's own wording of the status."),
        FieldSpec("themes", .references(.theme), "Cross-municipality themes beyond those of its section."),
        FieldSpec("local_themes", .wholeNumbers, "The numbers of the document's local_themes the item belongs to."),
        FieldSpec("local_themes_as_written", .text, "The theme line exactly as the source writes it."),
        FieldSpec("tags", .references(.tag), "The item's tags."),
        FieldSpec("missing_description", .flag, "true when the source has a title but no text."),
        FieldSpec("activities", .objects([
            FieldSpec("number", .text, "The activity's number or letter in the source."),
            FieldSpec("title", .text, "The activity's title (inline Markdown)."),
            FieldSpec("text", .text, "The activity's text (inline Markdown)."),
            FieldSpec("status", .choice(of: Status.self), "Where the activity stands, where the source gives a status per activity."),
            FieldSpec("status_text", .text, "The source's own wording of the activity's status."),
            FieldSpec("slug", .identifier, "The last part of the activity's own address, where its document's units are activities; without it, made from the title or the number."),
            FieldSpec("themes", .references(.theme), "The activity's own cross-municipality themes, where its document's units are activities; without it, the item's."),
            FieldSpec("tags", .references(.tag), "The activity's own tags, where its document's units are activities; without it, the item's."),
        ]), "The item's numbered or lettered activities."),
        FieldSpec("goals", .texts, "The item's goals, one entry each (inline Markdown)."),
        FieldSpec("success_criteria", .texts, "The item's success criteria, one entry each (inline Markdown)."),
        FieldSpec("milestones", .objects([
            FieldSpec("text", .text, .required, "What the milestone is (inline Markdown)."),
            FieldSpec("when", .text, "When, exactly as the source writes it."),
        ]), "The item's milestones: what, and when exactly as written."),
        FieldSpec("evaluation", .objects([
            FieldSpec("label", .text, .required, "The evaluation field's heading."),
            FieldSpec("value", .text, "What the source writes in it; null where it is not filled in."),
        ]), "The item's evaluation fields."),
        FieldSpec("labels", .fields([
            FieldSpec("activities", .text, "The source's heading for the activities."),
            FieldSpec("goals", .text, "The source's heading for the goals."),
            FieldSpec("success_criteria", .text, "The source's heading for the success criteria."),
            FieldSpec("milestones", .text, "The source's heading for the milestones."),
            FieldSpec("evaluation", .text, "The source's heading for the evaluation fields."),
        ]), "The source's own headings for the item's lists, where it has its own; the theme's headings are used for the rest."),
    ]
}
