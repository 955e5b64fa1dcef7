import Foundation

/// A value made by the first caller that asks for it and shared with every later one,
/// from any thread; callers that ask while it is being made wait for it. For work that
/// two parts of one rendering both need (the data files, and the data page that lists
/// their rows and sizes), so that it is done once.
public final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    public var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
