import Foundation
import PortalBuild

/// The table printed after a good build, like Hugo's: pages by kind, files, warnings, time.
struct BuildSummary {
    let report: BuildReport
    let output: String
    let archive: String?

    var text: String {
        var lines = Self.pageTable(report.pagesByKind)
        let files = report.files
        lines.append("  Files written: \(files.written.grouped) changed, \(files.unchanged.grouped) unchanged, "
            + "\(files.removed.grouped) removed in \(output)/" + (archive.map { "; archive \($0) written" } ?? ""))
        if !report.wroteSitemap { lines.append(Self.noSitemap) }
        lines.append("  Warnings:      \(report.warnings.count)")
        let stages = report.stageSeconds.map { "\($0.stage) \(Int(($0.seconds * 1000).rounded()))" }.joined(separator: ", ")
        lines.append("  Built in \(Int((report.seconds * 1000).rounded())) ms (\(stages) ms)")
        return lines.joined(separator: "\n")
    }

    /// The summary of a build that found nothing changed: the pages of the site as it
    /// stands, and that no file was written.
    static func upToDate(_ report: UpToDateReport, output: String, archive: String?) -> String {
        var lines = pageTable(report.pagesByKind)
        lines.append("  Up to date:    nothing changed since the last build; none of the \(report.files.grouped) files in \(output)/ was written")
        if let archive {
            lines.append("  Archive:       \(archive) " + (report.wroteArchive ? "written" : "already holds this site; not written"))
        }
        if !report.wroteSitemap { lines.append(noSitemap) }
        lines.append("  Warnings:      \(report.warnings.count)")
        lines.append("  Checked in \(Int((report.seconds * 1000).rounded())) ms")
        return lines.joined(separator: "\n")
    }

    private static let noSitemap = "  Sitemap:       not written; it needs the published address (--base-url, or base_url: in site.yaml)"

    private static func pageTable(_ pagesByKind: [String: Int]) -> [String] {
        let kinds = pagesByKind.sorted { $0.key < $1.key }
        let width = max(8, kinds.map(\.key.count).max() ?? 0)
        var lines = ["", "  " + "Pages".padding(toLength: width, withPad: " ", startingAt: 0) + "  count"]
        for (kind, count) in kinds {
            lines.append("  " + kind.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(count).leftPadded(5))
        }
        let pages = pagesByKind.values.reduce(0, +)
        lines.append("  " + "total".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(pages).leftPadded(5))
        lines.append("")
        return lines
    }
}

extension Int {
    /// With a comma between groups of three digits (16,439), as English text writes it.
    fileprivate var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (self < 0 ? "-" : "") + result
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
