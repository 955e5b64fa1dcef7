/// Entities marked `draft: true` are not yet for publishing: the preview shows them, a
/// build leaves them out. A draft takes what belongs to it along (a draft document its
/// sections, items and appendices; a draft municipality its documents; a draft section
/// its items), so that nothing published hangs from something that is not.
extension LoadedContent {
    /// Every draft, with what belongs to one.
    public var drafts: Set<EntityRef> {
        var municipalities: Set<String> = [], documents: Set<String> = [], sections: Set<String> = []
        var drafts: Set<EntityRef> = []
        func mark(_ header: RecordHeader) { drafts.insert(EntityRef(header.kind, header.id.value)) }
        // Parents before children, so one pass sees every parent's verdict.
        for case .municipality(let record) in records where record.header.draft {
            municipalities.insert(record.header.id.value)
            mark(record.header)
        }
        for case .document(let record) in records where record.header.draft || municipalities.contains(record.municipality.id) {
            documents.insert(record.header.id.value)
            mark(record.header)
        }
        for record in records {
            switch record {
            case .section(let section) where section.header.draft || documents.contains(section.document.id):
                sections.insert(section.header.id.value)
                mark(section.header)
            case .appendix(let appendix) where appendix.header.draft || documents.contains(appendix.document.id):
                mark(appendix.header)
            case .theme(let topic) where topic.header.draft, .tag(let topic) where topic.header.draft,
                 .page(let topic) where topic.header.draft:
                mark(topic.header)
            case .lawParagraph(let text) where text.header.draft:
                mark(text.header)
            default: break
            }
        }
        for case .item(let item) in records
        where item.header.draft || documents.contains(item.document.id) || item.section.map({ sections.contains($0.id) }) == true {
            mark(item.header)
        }
        return drafts
    }

    /// The content as a build publishes it: every draft left out, and named in `leftOut`
    /// so that a published file's reference to one is dropped with a warning instead of
    /// being reported as missing.
    public func withoutDrafts() -> LoadedContent {
        let drafts = self.drafts
        guard !drafts.isEmpty else { return self }
        var published = self
        published.records = records.filter { !drafts.contains(EntityRef($0.header.kind, $0.header.id.value)) }
        published.leftOut = drafts
        return published
    }
}
