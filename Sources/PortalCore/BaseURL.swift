/// The address a site is published at (`base_url:` in `site.yaml`, `--base-url`), which
/// goes into canonical links, the sitemap and the data files. Only an absolute http(s)
/// address is accepted: anything else (`javascript:`, `data:`, a relative path, spaces)
/// would put a broken or dangerous address on every page.
public enum BaseURL {
    /// Why a text is not a base URL, in words that complete "'x' …".
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notHTTP, noHost, invalidCharacter(Character), hasQueryOrFragment, hasUserInfo

        public var description: String {
            switch self {
            case .notHTTP: "is not an absolute http:// or https:// address"
            case .noHost: "has no host name after '//'"
            case .invalidCharacter(let character):
                "contains \(character == " " ? "a space" : "the character '\(character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined())'"); write it percent-encoded"
            case .hasQueryOrFragment: "has a '?' or '#' part; a base address ends in a path"
            case .hasUserInfo: "contains a user name or password ('@' before the host)"
            }
        }
    }

    /// The address with its scheme in lower case and exactly one `/` at the end.
    public static func parse(_ text: String) -> Result<String, Problem> {
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") { scheme = "https://" } else if lower.hasPrefix("http://") { scheme = "http://" } else {
            return .failure(.notHTTP)
        }
        let rest = text.dropFirst(scheme.count)
        for character in rest {
            let allowed = character.isASCII && (character.isLetter || character.isNumber || "-._~%!$&'()*+,;=:/@?#[]".contains(character))
            if !allowed { return .failure(.invalidCharacter(character)) }
        }
        if rest.contains("?") || rest.contains("#") { return .failure(.hasQueryOrFragment) }
        let authority = rest.prefix { $0 != "/" }
        if authority.contains("@") { return .failure(.hasUserInfo) }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if host.isEmpty { return .failure(.noHost) }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("//") { path.removeLast() }
        if !path.hasSuffix("/") { path += "/" }
        return .success(scheme + authority + path)
    }
}
