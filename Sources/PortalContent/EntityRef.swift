/// One entity of the site, named by its kind and id. Ids are unique only per kind (a
/// theme and a tag may both be `civilsamfund`), so an entity is never named by its id
/// alone.
public struct EntityRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: EntityKind
    public var id: String

    public init(_ kind: EntityKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func < (lhs: EntityRef, rhs: EntityRef) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }

    public var description: String { "\(kind.rawValue) '\(id)'" }
}
