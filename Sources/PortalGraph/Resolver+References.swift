import PortalContent
import PortalCore

extension Resolver {
    /// Checks that `reference` names an entity of `kind`; reports it otherwise, with a
    /// suggestion when the id looks like a typo of an existing one.
    mutating func check(_ reference: Reference?, is kind: EntityKind, field: String) -> String? {
        guard let reference else { return nil }
        guard ids[kind]?[reference.id] != nil else {
            // A file that failed may be the one meant; its error is reported already.
            if unusable.mayBe(kind, id: reference.id) { return nil }
            if leftOut.contains(EntityRef(kind, reference.id)) {
                diagnostics.append(.warning(
                    at: reference.location, "\(field) '\(reference.id)' is a draft: it and this reference to it are left out of the published site",
                    hint: "publish it by removing 'draft: true' from its file, or remove the reference"))
                return nil
            }
            if let other = EntityKind.allCases.first(where: { ids[$0]?[reference.id] != nil }) {
                diagnostics.append(.error(
                    at: reference.location, "\(field) '\(reference.id)' is a \(other.rawValue), not a \(kind.rawValue)",
                    hint: "refer to the id of a \(kind.rawValue) here"))
                return nil
            }
            diagnostics.append(.error(at: reference.location, "\(field) '\(reference.id)' does not exist",
                                      hint: hintForUnknown(reference.id, kind: kind)))
            return nil
        }
        return reference.id
    }

    /// What the editor probably meant by an id that names nothing: an entity whose title it
    /// is (`Testrup Kommune` for `testrup`), a near miss of an id, or else a new file; a
    /// value that cannot be an id is never suggested as one.
    private func hintForUnknown(_ value: String, kind: EntityKind) -> String {
        if let named = idsByTitle[kind]?[Self.titleKey(value)], let first = named.first {
            return named.count == 1
                ? "did you mean '\(first.id)'? (the id of '\(first.title)'; references name the id, not the title)"
                : "did you mean one of " + named.map { "'\($0.id)' ('\($0.title)')" }.joined(separator: ", ") + "?"
        }
        let candidates = ids[kind, default: [:]].keys
        if !Slug.isValid(value) {
            let guess = Suggestion.closest(to: Slug.make(value, maximumLength: 200), in: candidates)
            return "'\(value)' is not an id (ids hold only lower-case letters a-z, digits and single hyphens); "
                + (guess.map { "did you mean '\($0)'?" } ?? "write the id from the \(kind.rawValue)'s file")
        }
        if let guess = Suggestion.closest(to: value, in: candidates) { return "did you mean '\(guess)'?" }
        return "check the spelling, or create a \(kind.rawValue) file with 'id: \(value)'"
    }

    /// Titles compared the way editors see them: case, accents and punctuation aside.
    static func titleKey(_ title: String) -> String {
        Slug.make(title, maximumLength: 1_000)
    }

    /// The ids of each kind by their title and short title, for "did you mean 'testrup'?".
    static func idsByTitle(_ records: [ContentRecord]) -> [EntityKind: [String: [(id: String, title: String)]]] {
        var index: [EntityKind: [String: [(id: String, title: String)]]] = [:]
        for record in records {
            let header = record.header
            var titles = [header.title]
            switch record {
            case .municipality(let municipality): titles += [municipality.shortTitle].compactMap { $0 }
            case .item(let item): titles += [item.shortTitle].compactMap { $0 }
            default: break
            }
            for title in titles {
                let key = titleKey(title)
                guard !key.isEmpty, index[header.kind]?[key]?.contains(where: { $0.id == header.id.value }) != true else { continue }
                index[header.kind, default: [:]][key, default: []].append((header.id.value, header.title))
            }
        }
        return index
    }

    /// Checks a list of references; an id listed twice is a warning and kept once.
    mutating func check(_ references: [Reference], are kind: EntityKind, field: String) -> [String] {
        var seen: Set<String> = []
        return references.compactMap { reference in
            guard let id = check(reference, is: kind, field: field) else { return nil }
            guard seen.insert(id).inserted else {
                diagnostics.append(.warning(at: reference.location, "\(field) '\(id)' is listed twice", hint: "remove one of them"))
                return nil
            }
            return id
        }
    }
}
