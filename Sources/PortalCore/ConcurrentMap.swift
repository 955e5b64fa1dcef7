import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over all cores, results in the original order.
    ///
    /// Building is embarrassingly parallel per file and per page; this is the one place
    /// that knows how to fan out, so the stages stay plain sequential code around it.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let start = buffer.baseAddress else { return }
            let base = UncheckedPointer(start)
            self.withUnsafeBufferPointer { elements in
                let source = UncheckedBuffer(elements)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (base.pointer + index).initialize(to: transform(source.buffer[index]))
                }
            }
            initialized = count
        }
    }
}

/// Each iteration writes a distinct index, so sharing the pointers across threads is safe.
private struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

private struct UncheckedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
