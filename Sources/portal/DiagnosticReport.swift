import PortalCore

/// The diagnostics as printed: each distinct one once, in file order, and no more than
/// `limit` of them, so that a flood (a folder of 20,000 broken files) ends with a count
/// instead of scrolling the first problems away.
struct DiagnosticReport {
    static let limit = 200

    let lines: [String]

    init(_ diagnostics: [Diagnostic], limit: Int = Self.limit) {
        var seen: Set<Diagnostic> = []
        let distinct = diagnostics.filter { seen.insert($0).inserted }
        var lines = distinct.prefix(limit).map(\.description)
        let rest = distinct.dropFirst(limit)
        if !rest.isEmpty {
            let errors = rest.filter { $0.severity == .error }.count
            let warnings = rest.count - errors
            let parts = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }.map { "\($0.0) more \($0.1)\($0.0 == 1 ? "" : "s")" }
            lines.append("… and \(parts.joined(separator: " and ")) not shown (the first \(limit) are above)")
        }
        self.lines = lines
    }
}
