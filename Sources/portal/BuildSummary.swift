import Foundation
import PortalBuild

/// The table printed after a good build, like Hugo's: pages by kind, files, warnings, time.
struct BuildSummary {
    let report: BuildReport
    let output: String
    let archive: String?

    var text: String {
        let kinds = report.pagesByKind.sorted { $0.key < $1.key }
        let width = max(8, kinds.map(\.key.count).max() ?? 0)
        var lines = ["", "  " + "Pages".padding(toLength: width, withPad: " ", startingAt: 0) + "  count"]
        for (kind, count) in kinds {
            lines.append("  " + kind.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(count).leftPadded(5))
        }
        let pages = report.pagesByKind.values.reduce(0, +)
        lines.append("  " + "total".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(pages).leftPadded(5))
        lines.append("")
        lines.append("  Files written: \(report.filesWritten) to \(output)/" + (archive.map { " and \($0)" } ?? ""))
        if !report.wroteSitemap {
            lines.append("  Sitemap:       not written; it needs the published address (--base-url, or base_url: in site.yaml)")
        }
        lines.append("  Warnings:      \(report.warnings.count)")
        let stages = report.stageSeconds.map { "\($0.stage) \(Int(($0.seconds * 1000).rounded()))" }.joined(separator: ", ")
        lines.append("  Built in \(Int((report.seconds * 1000).rounded())) ms (\(stages) ms)")
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
