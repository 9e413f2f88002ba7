/// Upsamples a square score map by an integer factor with bicubic interpolation (Keys,
/// a = -0.75, as OpenCV's INTER_CUBIC), replicating the border.
///
/// Corners are aligned: `n` cells become `(n - 1) * factor + 1`, so the map's centre cell lands
/// on one output cell and a peak at the centre means no motion (an even size, as cv2.resize
/// gives SiamFC, puts the centre between two cells and biases the argmax by half a cell).
struct BicubicUpsampler: Sendable {
    let inputSize: Int
    let outputSize: Int
    /// Four source indices and weights per output index, shared by rows and columns.
    private let indices: [Int]
    private let weights: [Float]

    init(inputSize: Int, factor: Int) {
        self.inputSize = inputSize
        outputSize = (inputSize - 1) * factor + 1
        var indices: [Int] = [], weights: [Float] = []
        for i in 0..<outputSize {
            let source = Double(i) / Double(factor)
            let base = Int(source.rounded(.down))
            let t = source - Double(base)
            for k in -1...2 {
                indices.append(min(max(base + k, 0), inputSize - 1))
                weights.append(Float(Self.kernel(Double(k) - t)))
            }
        }
        self.indices = indices
        self.weights = weights
    }

    /// Keys' cubic convolution kernel with a = -0.75.
    private static func kernel(_ x: Double) -> Double {
        let a = -0.75, d = abs(x)
        if d <= 1 { return ((a + 2) * d - (a + 3)) * d * d + 1 }
        if d < 2 { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a }
        return 0
    }

    /// Upsamples one `inputSize`² map (row-major) into an `outputSize`² map.
    func upsample(_ input: UnsafeBufferPointer<Float>) -> [Float] {
        // Rows first into an inputSize x outputSize buffer, then columns.
        var horizontal = [Float](repeating: 0, count: inputSize * outputSize)
        for y in 0..<inputSize {
            for x in 0..<outputSize {
                var sum: Float = 0
                for k in 0..<4 { sum += weights[x * 4 + k] * input[y * inputSize + indices[x * 4 + k]] }
                horizontal[y * outputSize + x] = sum
            }
        }
        var output = [Float](repeating: 0, count: outputSize * outputSize)
        for y in 0..<outputSize {
            for k in 0..<4 {
                let weight = weights[y * 4 + k], row = indices[y * 4 + k] * outputSize
                for x in 0..<outputSize { output[y * outputSize + x] += weight * horizontal[row + x] }
            }
        }
        return output
    }
}
