/// Upsamples square score maps by an integer factor with bicubic interpolation (Keys,
/// a = -0.75, as OpenCV's INTER_CUBIC), replicating the border.
///
/// Corners are aligned: `n` cells become `(n - 1) * factor + 1`, so the map's centre cell lands
/// on one output cell and a peak at the centre means no motion (an even size, as cv2.resize
/// gives SiamFC, puts the centre between two cells and biases the argmax by half a cell).
struct BicubicUpsampler: Sendable {
    let inputSize: Int
    let outputSize: Int
    /// The interpolation as an `outputSize x inputSize` matrix `U`, shared by rows and columns:
    /// a map `S` upsamples to `U S Uᵀ`, two small matrix products.
    private let matrix: [Float]

    init(inputSize: Int, factor: Int) {
        self.inputSize = inputSize
        outputSize = (inputSize - 1) * factor + 1
        var matrix = [Float](repeating: 0, count: outputSize * inputSize)
        for i in 0..<outputSize {
            let source = Double(i) / Double(factor)
            let base = Int(source.rounded(.down))
            let t = source - Double(base)
            for k in -1...2 {
                matrix[i * inputSize + min(max(base + k, 0), inputSize - 1)] += Float(Self.kernel(Double(k) - t))
            }
        }
        self.matrix = matrix
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
        matrix.withUnsafeBufferPointer { u in
            // S Uᵀ for all maps at once: they are stacked row blocks of one matrix.
            MatrixMultiply.multiply(
                input, u.baseAddress!, into: scratch, m: count * inputSize, n: outputSize, k: inputSize, transposeB: true)
            for item in 0..<count {
                MatrixMultiply.multiply(
                    u.baseAddress!, scratch + item * scratchCount, into: output + item * outputSize * outputSize,
                    m: outputSize, n: outputSize, k: inputSize)
            }
        }
    }
}
