/// Turns the path of a request into the site file it names, or into nothing.
///
/// The preview serves from memory, never from the file system, so no request can reach
/// a file outside the site whatever it says. This only decides which of the site's
/// files is meant, refusing every form of path that tries to leave it or hides what
/// it names: `..` and `.` parts (also percent-encoded), encoded slashes and
/// backslashes, backslashes, NUL and other control characters, and invalid
/// percent-encoding. A refused path is simply not found.
public enum RequestPath {
    /// The file's path relative to the site root (`kommuner/index.html`); a folder's is
    /// its `index.html`. Nil for a path that may not name a file of the site.
    public static func file(for rawPath: Substring) -> String? {
        let path = rawPath.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/") else { return nil }
        // Encoded separators would turn one part into two after decoding.
        let lower = path.lowercased()
        if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") { return nil }
        guard let decoded = percentDecoded(path.dropFirst()) else { return nil }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F }) { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        let isFolder = decoded.isEmpty || decoded.hasSuffix("/")
        let named = isFolder ? parts.dropLast() : parts[...]
        guard named.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        let joined = named.joined(separator: "/")
        return isFolder ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }

    /// `%XX` sequences decoded as UTF-8; nil when one is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst()) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
