import PortalBuild

/// The last line of a failed build: how many errors, and what became of the output
/// folder, which must be exactly what happened.
struct FailureSummary {
    let failure: BuildFailure
    /// Distinct errors, counted as printed.
    let errors: Int
    let output: String

    var text: String {
        let counted = "build failed: \(errors) error\(errors == 1 ? "" : "s")"
        let folder = output.hasSuffix("/") ? output : output + "/"
        switch failure.output {
        case .unchanged: return "\(counted); \(folder) was left unchanged"
        case .replaced: return "\(counted); \(folder) holds the new site, but the archive was not written"
        case .current: return "\(counted); \(folder) already held this site (nothing had changed) and was left as it was, but the archive was not written"
        case .previousKept(let kept): return "\(counted); \(folder) is missing: the previous site is kept in \(kept) and the next build puts it back"
        }
    }
}
