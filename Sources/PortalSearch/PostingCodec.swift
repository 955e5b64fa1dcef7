/// Sorted lists of document numbers as short ASCII text, the form the index files carry
/// them in (and the search page's script reads back: `decodePostings` in `search.js`).
///
/// A list is cut into runs of consecutive numbers. Each run is written as the gap since
/// the previous run (numbers skipped, 0 for adjacent), doubled, plus 1 when the run holds
/// more than one number, in which case its length minus 2 follows. Numbers are written in
/// 5-bit digits, least significant first, each one character of `alphabet`: 0–31 for the
/// last digit of a number, 32–63 for a digit that more follow. A number scattered among
/// others a few apart costs one character, and a municipality's whole range of documents
/// (they are adjacent, see `SearchCorpus`) a few.
///
/// The alphabet holds no character that JSON or JavaScript would have to escape.
public enum PostingCodec {
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// `numbers` must be sorted ascending without repeats.
    public static func encode(_ numbers: [Int32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count + 4)
        var previous: Int64 = -1
        var index = 0
        while index < numbers.count {
            let start = Int64(numbers[index])
            var end = index
            while end + 1 < numbers.count, Int64(numbers[end + 1]) == Int64(numbers[end]) + 1 { end += 1 }
            let length = end - index + 1
            let gap = start - previous - 1
            write(UInt64(gap) * 2 + (length > 1 ? 1 : 0), into: &bytes)
            if length > 1 { write(UInt64(length - 2), into: &bytes) }
            previous = Int64(numbers[end])
            index = end + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: UInt64, into bytes: inout [UInt8]) {
        var rest = value
        while rest >= 32 {
            bytes.append(alphabet[Int(32 + (rest & 31))])
            rest >>= 5
        }
        bytes.append(alphabet[Int(rest)])
    }

    /// The numbers of an encoded list; nil for text `encode` cannot have written.
    public static func decode(_ text: String) -> [Int32]? {
        var digits: [Int] = []
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            digits.append(digit)
        }
        var values: [UInt64] = []
        var current: UInt64 = 0, shift: UInt64 = 0
        for digit in digits {
            guard shift < 60 else { return nil }
            current |= UInt64(digit & 31) << shift
            if digit >= 32 { shift += 5 } else { values.append(current); current = 0; shift = 0 }
        }
        guard shift == 0 else { return nil }
        var numbers: [Int32] = []
        var previous: Int64 = -1
        var index = 0
        while index < values.count {
            let code = values[index]
            index += 1
            var length: UInt64 = 1
            if code & 1 == 1 {
                guard index < values.count else { return nil }
                length = values[index] + 2
                index += 1
            }
            let start = previous + 1 + Int64(code >> 1)
            guard start + Int64(length) - 1 <= Int64(Int32.max) else { return nil }
            for offset in 0..<Int64(length) { numbers.append(Int32(start + offset)) }
            previous = start + Int64(length) - 1
        }
        return numbers
    }
}
