internal import COneDNN

/// `C = A * B (+ C)` on row-major float matrices through oneDNN's sgemm: the training
/// convolutions (im2col), their gradients and the correlation filter's Fourier transforms.
/// (Tracking runs the network through oneDNN's convolution primitives, `InferencePlan`.)
///
/// oneDNN's sgemm JIT-compiles for the CPU it runs on (AVX-512 here), where OpenBLAS 0.3.21
/// falls back to its SSE3 kernels on CPUs newer than it knows.
package enum MatrixMultiply {
    /// `c[m x n] = (accumulate ? c : 0) + a[m x k] * b[k x n]`, with optional transposes of `a` and `b`.
    package static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false
    ) {
        let status = dnnl_sgemm(
            CChar(UInt8(ascii: transposeA ? "T" : "N")), CChar(UInt8(ascii: transposeB ? "T" : "N")),
            Int64(m), Int64(n), Int64(k), 1, a, Int64(transposeA ? m : k), b, Int64(transposeB ? k : n),
            accumulate ? 1 : 0, c, Int64(n))
        precondition(status == dnnl_success, "oneDNN sgemm failed with status \(status.rawValue)")
    }

    /// Sets how many threads the matrix products may use.
    package static func setThreadCount(_ count: Int) {
        omp_set_num_threads(Int32(max(1, count)))
    }

    /// `body`'s result, computed with `count` threads for the matrix products and oneDNN's
    /// primitives; the calling thread's count is restored after.
    package static func withThreadCount<Result>(_ count: Int, _ body: () -> Result) -> Result {
        let previous = omp_get_max_threads()
        setThreadCount(count)
        defer { omp_set_num_threads(previous) }
        return body()
    }
}
