import COpenBLAS

/// The one place the tracker calls into a BLAS: `C = A * B (+ C)` on row-major float matrices.
///
/// Every convolution in the network goes through here, so the kernel library can be swapped
/// (OpenBLAS today) without touching the layers.
enum MatrixMultiply {
    /// `c[m x n] = (accumulate ? c : 0) + a[m x k] * b[k x n]`, with optional transposes of `a` and `b`.
    static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
            accumulate ? 1 : 0, c, Int32(n))
    }

    /// Sets how many threads the BLAS may use.
    static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }
}
