import PortalCore
import Testing

@Suite("concurrentMap is map spread over the cores")
struct ConcurrentMapTests {
    @Test func keepsTheOrderOfTheInput() {
        let numbers = Array(0..<10_000)
        #expect(numbers.concurrentMap { $0 * 2 } == numbers.map { $0 * 2 })
    }

    @Test func handlesEmptyAndSingleElementArrays() {
        #expect([Int]().concurrentMap { $0 } == [])
        #expect([7].concurrentMap { "\($0)" } == ["7"])
    }
}
