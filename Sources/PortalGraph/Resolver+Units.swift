import PortalContent
import PortalCore
import PortalMarkdown

extension Resolver {
    /// What a unit says about itself in a comparison, worked out without shared state so
    /// that it runs in parallel with the rest of an item's preparation.
    struct UnitLeads: Sendable {
        var item: String?
        var activities: [String?]

        init(_ record: ItemRecord, fields: MarkdownFields, leadField: String?, renderer: MarkdownRenderer) {
            let purpose = leadField.flatMap { label in fields.fields.first { $0.label == label } }
            item = (purpose.map(\.markdown) ?? fields.intro).nonEmpty.flatMap { ComparableUnit.lead(of: $0, renderer: renderer) }
                ?? fields.fields.lazy.compactMap { ComparableUnit.lead(of: $0.markdown, renderer: renderer) }.first
            activities = record.activities.map { activity in activity.text.flatMap { ComparableUnit.lead(of: $0, renderer: renderer) } }
        }
    }

    /// The item's comparable units: the item itself, or (where its document's units are
    /// activities) each of its activities, with its own themes, tags and address.
    mutating func units(of item: Item, record: ItemRecord, in document: Document, leads: UnitLeads) -> [ComparableUnit] {
        guard document.units == .activities else {
            return [ComparableUnit(
                id: ComparableUnit.ID(itemID: item.id), kind: .item(item.type), municipalityID: item.municipalityID,
                documentID: item.documentID, sectionID: item.sectionID, number: item.number, title: item.title,
                lead: leads.item, status: item.status, statusText: item.statusText, themeIDs: item.themeIDs,
                tagIDs: item.tagIDs, path: item.path)]
        }
        var slugs: [String: SourceLocation] = [:]
        return record.activities.enumerated().map { index, activity in
            let slug = activitySlug(activity, position: index)
            let location = activity.slug?.location ?? activity.location ?? record.header.file
            if let first = slugs[slug] {
                diagnostics.append(.error(
                    at: location, "activity address '\(item.path)\(slug)/' is already used by the activity at line \(first.line)",
                    hint: "give one of the activities its own 'slug:'"))
            } else {
                slugs[slug] = location
            }
            return ComparableUnit(
                id: ComparableUnit.ID(itemID: item.id, activity: index), kind: .activity, municipalityID: item.municipalityID,
                documentID: item.documentID, sectionID: item.sectionID, number: activity.number, title: activity.title,
                lead: index < leads.activities.count ? leads.activities[index] : nil,
                status: activity.status, statusText: activity.statusText,
                themeIDs: activity.themes.map { sortedThemes(check($0, are: .theme, field: "theme")) } ?? item.themeIDs,
                tagIDs: activity.tags.map { check($0, are: .tag, field: "tag") } ?? item.tagIDs,
                path: item.path + slug + "/")
        }
    }

    /// The last part of an activity's address: its own `slug:`, else made from its title,
    /// else from its number, else its position ("3").
    private func activitySlug(_ activity: Activity, position: Int) -> String {
        if let slug = activity.slug?.value { return slug }
        for text in [activity.title, activity.number].compactMap({ $0 }) {
            let slug = Slug.make(text)
            if !slug.isEmpty { return slug }
        }
        return String(position + 1)
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
