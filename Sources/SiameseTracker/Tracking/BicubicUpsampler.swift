/// Upsamples square score maps by an integer factor with bicubic interpolation (Keys,
/// a = -0.75, as OpenCV's INTER_CUBIC), replicating the border: four taps per output cell along
/// rows, then along columns. (Not through oneDNN's sgemm, whose kernels are compiled on first use:
/// that took 30 ms on a process's first frame.)
///
/// Corners are aligned: `n` cells become `(n - 1) * factor + 1`, so the map's centre cell lands
/// on one output cell and a peak at the centre means no motion (an even size, as cv2.resize
/// gives SiamFC, puts the centre between two cells and biases the argmax by half a cell).
struct BicubicUpsampler: Sendable {
    let inputSize: Int
    let outputSize: Int
    /// Per output cell, the four input cells it blends (the first of them, then weights for it
    /// and the next three), the same along rows and columns: a map upsamples row by row, then
    /// column by column. At the border the weights of replicated cells are merged into the edge's.
    private let taps: [Tap]

    /// The input cells `first ..< first + 4` and their weights in one output cell.
    private struct Tap {
        var first: Int
        var weights: SIMD4<Float>
    }

    init(inputSize: Int, factor: Int) {
        precondition(inputSize >= 4, "four cells a side at least")
        self.inputSize = inputSize
        outputSize = (inputSize - 1) * factor + 1
        taps = (0..<outputSize).map { i in
            let source = Double(i) / Double(factor)
            let base = Int(source.rounded(.down))
            let t = source - Double(base)
            // The cells base - 1 ... base + 2 clamped to the map lie within these four.
            let first = min(max(base - 1, 0), inputSize - 4)
            var weights = SIMD4<Float>()
            for k in -1...2 { weights[min(max(base + k, 0), inputSize - 1) - first] += Float(Self.kernel(Double(k) - t)) }
            return Tap(first: first, weights: weights)
        }
    }

    /// Keys' cubic convolution kernel with a = -0.75.
    private static func kernel(_ x: Double) -> Double {
        let a = -0.75, d = abs(x)
        if d <= 1 { return ((a + 2) * d - (a + 3)) * d * d + 1 }
        if d < 2 { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a }
        return 0
    }

    /// Values of scratch space `upsample` needs per map.
    var scratchCount: Int { inputSize * outputSize }

    /// Upsamples `count` consecutive `inputSize`² maps (row-major) into consecutive
    /// `outputSize`² maps, using `count * scratchCount` values of `scratch`.
    func upsample(
        _ input: UnsafePointer<Float>, count: Int, into output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let (n, m) = (inputSize, outputSize)
        taps.withUnsafeBufferPointer { taps in
            for item in 0..<count {
                let map = input + item * n * n, rows = scratch + item * n * m, upsampled = output + item * m * m
                // Along each row: n rows of m values.
                for row in 0..<n {
                    let source = map + row * n, target = rows + row * m
                    for (j, tap) in taps.enumerated() {
                        let cells = source + tap.first, w = tap.weights
                        target[j] = w[0] * cells[0] + w[1] * cells[1] + w[2] * cells[2] + w[3] * cells[3]
                    }
                }
                // Along each column, a whole output row at a time (a loop the compiler vectorises).
                for (i, tap) in taps.enumerated() {
                    let r0 = rows + tap.first * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m, target = upsampled + i * m
                    let (w0, w1, w2, w3) = (tap.weights[0], tap.weights[1], tap.weights[2], tap.weights[3])
                    for j in 0..<m { target[j] = w0 * r0[j] + w1 * r1[j] + w2 * r2[j] + w3 * r3[j] }
                }
            }
        }
    }
}
