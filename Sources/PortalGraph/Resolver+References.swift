import PortalContent
import PortalCore

extension Resolver {
    /// Checks that `reference` names an entity of `kind`; reports it otherwise, with a
    /// suggestion when the id looks like a typo of an existing one.
    mutating func check(_ reference: Reference?, is kind: EntityKind, field: String) -> String? {
        guard let reference else { return nil }
        if unusable[kind]?.contains(reference.id) == true { return nil }
        guard ids[kind]?[reference.id] != nil else {
            if let other = EntityKind.allCases.first(where: { ids[$0]?[reference.id] != nil }) {
                diagnostics.append(.error(
                    at: reference.location, "\(field) '\(reference.id)' is a \(other.rawValue), not a \(kind.rawValue)",
                    hint: "refer to the id of a \(kind.rawValue) here"))
                return nil
            }
            var hint = "check the spelling, or create a \(kind.rawValue) file with 'id: \(reference.id)'"
            if let guess = Suggestion.closest(to: reference.id, in: ids[kind, default: [:]].keys) {
                hint = "did you mean '\(guess)'?"
            }
            diagnostics.append(.error(at: reference.location, "\(field) '\(reference.id)' does not exist", hint: hint))
            return nil
        }
        return reference.id
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
