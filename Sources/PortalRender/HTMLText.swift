/// Text written into HTML by the portal itself rather than by a template.
enum HTMLText {
    /// The same escaping as swift-mustache's `{{x}}`, for text the portal writes into
    /// HTML itself (strings filled into strings, the links it makes in plain text).
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
