import Foundation

/// A file of the generated site, held in memory until the output stage writes it.
public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output folder, with `/` separators (`kommuner/index.html`).
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
