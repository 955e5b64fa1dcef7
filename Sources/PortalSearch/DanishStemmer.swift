import CSnowball

/// Snowball's Danish stemmer, from libstemmer (Debian's `libstemmer-dev`): the algorithm
/// of snowballstemmer.github.io, which the search page's script implements again for the
/// words people type, and which the PyPI package `snowballstemmer` checks both against.
///
/// A stemmer keeps its result in a buffer of its own, so one instance serves one thread;
/// make one per batch of work.
public final class DanishStemmer {
    private let stemmer: OpaquePointer

    /// Nil only when libstemmer cannot allocate a stemmer.
    public init?() {
        guard let stemmer = sb_stemmer_new("danish", "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// The stem of a lower-case word (`SearchText.normalised`); the word itself when
    /// libstemmer cannot allocate its result.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                  let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}

/// Turns words into terms (see `SearchText`), remembering each word's term: a text
/// repeats its words, and stemming is the costly step. One per thread, like its stemmer.
public final class TermMaker {
    private let stemmer: DanishStemmer?
    private var terms: [Substring: String] = [:]

    public init() {
        stemmer = DanishStemmer()
    }

    /// The term of one word of `SearchText.words(in:)`.
    public func term(_ word: Substring) -> String {
        if let known = terms[word] { return known }
        let normalised = SearchText.normalised(word)
        let term: String
        if SearchText.hasDigit(normalised) {
            term = SearchText.fold(normalised)
        } else {
            term = SearchText.fold(stemmer?.stem(normalised) ?? normalised)
        }
        terms[word] = term
        return term
    }

    /// The terms of a text, in order of their words.
    public func terms(in text: String) -> [String] {
        SearchText.words(in: text).map(term)
    }
}
