#if canImport(CMalloc)
import CMalloc
#endif

/// How the process takes memory from the C library.
enum ProcessMemory {
    /// Asks glibc to map every block of 256 kB or more on its own and to return it to the
    /// system when it is freed: the texts of long list pages, the data files, the national
    /// timeline. Left to itself, glibc raises this threshold each time such a block is
    /// freed (up to 32 MB), so later large blocks come from the heap and stay with the
    /// process after they are freed; at 10,000 items that put 30 to 40 MB on a build's
    /// peak memory for no gain in speed.
    static func returnLargeBlocksWhenFreed() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
        #endif
    }
}
