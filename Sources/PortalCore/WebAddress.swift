/// An address on the web that a page links to outside the site: the original of a
/// source document (`source_url:`), the publisher's official accessibility statement.
/// Only an absolute http(s) address is accepted, so that a typo, a relative path or a
/// `javascript:` address never becomes a link on a published page.
public enum WebAddress {
    /// Why a text is not such an address, in words that complete "'x' …".
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notHTTP, notHTTPS, noHost, invalidCharacter(Character), hasUserInfo

        public var description: String {
            switch self {
            case .notHTTP: "is not an absolute http:// or https:// address"
            case .notHTTPS: "is not an https:// address"
            case .noHost: "has no host name after '//'"
            case .invalidCharacter(let character):
                "contains \(character == " " ? "a space" : "the character '\(character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined())'"); write it percent-encoded"
            case .hasUserInfo: "contains a user name or password ('@' before the host)"
            }
        }
    }

    /// The address as written, when it is an absolute http(s) address (only https when
    /// `secureOnly`); query and fragment are allowed, as a document's address may need them.
    public static func parse(_ text: String, secureOnly: Bool = false) -> Result<String, Problem> {
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") { scheme = "https://" } else if lower.hasPrefix("http://") { scheme = "http://" } else {
            return .failure(secureOnly ? .notHTTPS : .notHTTP)
        }
        if secureOnly, scheme != "https://" { return .failure(.notHTTPS) }
        let rest = text.dropFirst(scheme.count)
        for character in rest {
            let allowed = character.isASCII && (character.isLetter || character.isNumber || "-._~%!$&'()*+,;=:/@?#[]".contains(character))
            if !allowed { return .failure(.invalidCharacter(character)) }
        }
        let authority = rest.prefix { !"/?#".contains($0) }
        if authority.contains("@") { return .failure(.hasUserInfo) }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if host.isEmpty { return .failure(.noHost) }
        return .success(text)
    }
}
