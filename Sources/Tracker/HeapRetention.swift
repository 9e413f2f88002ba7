#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator maps each block over 128 KiB afresh and unmaps it when freed, so training,
/// which allocates its feature maps and gradients anew at every step, took a page fault for every
/// page it touched (a quarter of its time in the kernel). Serving those blocks from a heap that
/// keeps freed memory made `siamtrack train` 1.6 times as fast on a 2-core VM (25.8 to 40.9
/// pairs/s) with the same weights, bit for bit. Tracking reuses its buffers and is unaffected.
enum HeapRetention {
    /// Serves blocks of up to 32 MiB (glibc's largest setting) from the heap and keeps freed memory
    /// in the process. Where the C library is not glibc, nothing changes.
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out malloc.h: mallopt is looked up by name, with its
        // parameters' values from that header (M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(process) }
        guard let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // mallopt declines only values out of its range, which these are not; declined, training is only slower.
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, Int32.max)
        #endif
    }
}
