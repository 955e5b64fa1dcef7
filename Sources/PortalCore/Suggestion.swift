/// Suggests what an editor probably meant when a name is misspelt: the candidate with
/// the smallest edit distance, if it is close enough to be a typo.
public enum Suggestion {
    /// Never the name itself, and nothing for an empty name (every short word is "close" to it).
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        guard !name.isEmpty else { return nil }
        return candidates
            .filter { $0 != name && !$0.isEmpty }
            .map { ($0, editDistance(name, $0)) }
            .filter { $0.1 <= max(2, name.count / 4) }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
