import PortalContent
import PortalCore

extension Resolver {
    /// A section carries out a section of another document; following `implements:` from
    /// any section must end, not come back to where it started (a section that implements
    /// itself, or A → B → A). Each section on such a circle is reported at its own
    /// `implements:` line, with the circle spelled out from there.
    ///
    /// Every section implements at most one other, so each walk is a single path; every
    /// section is walked once, which keeps this linear however long the chains.
    mutating func checkImplementsCircles(_ locations: [String: SourceLocation]) {
        enum State { case walking, done }
        var state: [String: State] = [:]
        for start in sections.map(\.id) where state[start] == nil {
            var path: [String] = []
            var current: String? = start
            while let id = current, state[id] == nil {
                state[id] = .walking
                path.append(id)
                current = sectionPosition[id].flatMap { sections[$0].implementsID }
            }
            if let id = current, state[id] == .walking, let entry = path.firstIndex(of: id) {
                let circle = Array(path[entry...])
                for (offset, member) in circle.enumerated() {
                    let from = Array(circle[offset...] + circle[..<offset])
                    let message = circle.count == 1
                        ? "section '\(member)' implements itself"
                        : "sections implement each other in a circle: " + (from + [member]).joined(separator: " → ")
                    diagnostics.append(.error(
                        at: locations[member] ?? SourceLocation(path: member), message,
                        hint: "'implements:' names the section of another document that this one carries out; remove it where that is not so"))
                }
            }
            for id in path { state[id] = .done }
        }
    }
}
