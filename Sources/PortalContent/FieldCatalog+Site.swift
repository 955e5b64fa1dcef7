extension FieldCatalog {
    /// The settings of `content/site.yaml`, in order.
    public static let site: [FieldSpec] = [
        FieldSpec("title", .text, .required, "The portal's name, in the header and in every page title."),
        FieldSpec("description", .text, "One paragraph on what the portal is (home page, metadata)."),
        FieldSpec("language", .text, "The language of the content, for <html lang> (default: da)."),
        FieldSpec("navigation_pages", .references(.page), "Pages in the main menu, after the built-in entries."),
        FieldSpec("footer_pages", .references(.page), "Pages linked in the footer, in order."),
        FieldSpec("featured_documents", .references(.document), "Documents the home page offers as shortcuts."),
        FieldSpec("base_url", .webAddress,
                  "The address the site is published at, an absolute http(s) address (or give --base-url); null when not known."),
        FieldSpec("paths", .fields(SiteConfig.Paths.Folder.allCases.map { folder in
            FieldSpec(folder.rawValue, .identifier, acceptsNull: false,
                      "The address segment of \(folder.contents) (default: \(SiteConfig.Paths.standard[folder])).")
        }), acceptsNull: false, "The first part of each generated address; a path left out keeps its default."),
        FieldSpec("publisher", .text, "The publisher: in every page's footer, on printed pages and in the dataset metadata of data/portal.json."),
        FieldSpec("contact_point", .text, "The contact point, in the dataset metadata of data/portal.json."),
        FieldSpec("contact", .fields([
            FieldSpec("email", .text, "The publisher's e-mail address for feedback (name@example.dk)."),
            FieldSpec("phone", .text, "The publisher's phone number for feedback, as it is dialled (+45 12 34 56 78)."),
        ]), "The publisher's written and phone contact: in the accessibility statement and the footer. The build warns while it is not given."),
        FieldSpec("accessibility_statement_url", .webAddress,
                  "The publisher's official accessibility statement (an https address on was.digst.dk), linked from the statement page."),
        FieldSpec("updated", .date,
                  "The date the content was last changed, YYYY-MM-DD: shown in the footer and on printed pages. Write it when you change the content; the build never takes it from the clock or file times."),
        FieldSpec("keywords", .texts, "Keywords of the dataset."),
        FieldSpec("license", .text, "The licence the data files are published under."),
        FieldSpec("related", .fields([
            FieldSpec("threshold", .wholeNumber, acceptsNull: false,
                      "The smallest score a unit of another municipality needs to be listed as related (default: \(SiteConfig.Related.standard.threshold))."),
            FieldSpec("limit", .wholeNumber, acceptsNull: false,
                      "How many related units a unit's page lists at most; 0 lists none (default: \(SiteConfig.Related.standard.limit))."),
            FieldSpec("per_item", .wholeNumber, acceptsNull: false,
                      "How many units of one item (its activities) a related list holds at most (default: \(SiteConfig.Related.standard.perItem))."),
            FieldSpec("weights", .fields(SiteConfig.Related.Weight.allCases.map { weight in
                FieldSpec(weight.rawValue, .wholeNumber, acceptsNull: false,
                          "What each shared \(weight.shared) adds to a related unit's score, 0 to 1000 (default: \(weight.standard)).")
            }), acceptsNull: false, "The weight of each kind of shared feature; one left out keeps its default."),
        ]), acceptsNull: false, "How each unit's page finds related units of other municipalities; a setting left out keeps its default."),
    ]
}
