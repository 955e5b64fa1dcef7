import PortalSearch
import PropertyBased
import Testing

@Suite("Lists of document numbers as short text")
struct PostingCodecTests {
    @Test func examples() {
        #expect(PostingCodec.encode([]) == "")
        #expect(PostingCodec.encode([0]) == "0")
        #expect(PostingCodec.encode([1]) == "2")
        // A range of consecutive numbers costs a few characters, however long it is.
        #expect(PostingCodec.encode(Array(0..<10_000)).count <= 4)
        // Numbers a few apart cost one character each.
        let scattered = Array(stride(from: Int32(0), to: 10_000, by: 8))
        #expect(PostingCodec.encode(scattered).count == scattered.count)
    }

    @Test func usesOnlyCharactersThatNeedNoEscaping() {
        #expect(PostingCodec.alphabet.count == 64)
        #expect(PostingCodec.alphabet.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        })
    }

    @Test func decodesWhatItEncodes() async {
        let gaps = Gen<Int>.int(in: 1...3_000).array(of: 0...300)
        await propertyCheck(count: 400, input: gaps) { gaps in
            var numbers: [Int32] = []
            var value = -1
            for gap in gaps {
                // Many gaps of 1 make runs.
                value += gap % 3 == 0 ? 1 : gap
                numbers.append(Int32(value))
            }
            let text = PostingCodec.encode(numbers)
            #expect(PostingCodec.decode(text) == numbers)
        }
    }

    @Test func refusesTextItCannotHaveWritten() {
        #expect(PostingCodec.decode("!") == nil)
        #expect(PostingCodec.decode("W") == nil)      // a digit that says more follow, and none does
        #expect(PostingCodec.decode("1") == nil)      // a run without its length
    }
}
