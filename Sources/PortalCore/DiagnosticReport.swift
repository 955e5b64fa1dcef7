/// The diagnostics of one run as a person reads them: each distinct problem once, in
/// file order, and never more than a screenful-scale number of lines.
///
/// A flood (20,000 files with the same mistake) would otherwise bury the first, usually
/// most telling, problems and the summary under thousands of lines; past the limit only
/// the number of what is left out is given.
public struct DiagnosticReport: Sendable, Equatable {
    /// How many errors and warnings.
    public struct Counts: Sendable, Equatable {
        public var errors: Int
        public var warnings: Int

        public init(errors: Int, warnings: Int) {
            self.errors = errors
            self.warnings = warnings
        }
    }

    /// The diagnostics to print, in file order (errors and warnings interleaved).
    public var shown: [Diagnostic]
    /// What was left out to stay within the limit.
    public var omitted: Counts
    /// Every distinct diagnostic, shown or not: what a summary line should count.
    public var total: Counts

    /// A line to print after `shown` when something was left out, such as
    /// "19800 more errors and 3 more warnings are not shown"; nil when nothing was.
    public var omissionNote: String? {
        var parts: [String] = []
        if omitted.errors > 0 { parts.append("\(omitted.errors) more error\(omitted.errors == 1 ? "" : "s")") }
        if omitted.warnings > 0 { parts.append("\(omitted.warnings) more warning\(omitted.warnings == 1 ? "" : "s")") }
        guard !parts.isEmpty else { return nil }
        let verb = omitted.errors + omitted.warnings == 1 ? "is" : "are"
        return parts.joined(separator: " and ") + " \(verb) not shown"
    }
}

extension Diagnostics {
    /// How many diagnostics a build prints before it only counts the rest: more than any
    /// real edit gives, few enough to scroll through.
    public static let defaultReportLimit = 200

    /// The diagnostics to print, deduplicated (see `sorted`) and at most `limit` of them.
    ///
    /// Errors are chosen before warnings, because an error stops the build and a flood of
    /// warnings must not push one out of sight; within each severity the first in file
    /// order are chosen. The chosen ones are then listed in file order, so that an editor
    /// reads each file's problems together. A `limit` below zero counts as zero.
    public func report(limit: Int = defaultReportLimit) -> DiagnosticReport {
        let ordered = sorted
        let errors = ordered.filter { $0.severity == .error }
        let warnings = ordered.filter { $0.severity == .warning }
        let limit = max(0, limit)
        let shownErrors = min(errors.count, limit)
        let shownWarnings = min(warnings.count, limit - shownErrors)
        let shown = (errors.prefix(shownErrors) + warnings.prefix(shownWarnings)).sorted(by: Self.fileOrder)
        return DiagnosticReport(
            shown: shown,
            omitted: .init(errors: errors.count - shownErrors, warnings: warnings.count - shownWarnings),
            total: .init(errors: errors.count, warnings: warnings.count))
    }
}
