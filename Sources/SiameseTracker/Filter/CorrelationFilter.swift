import Foundation

/// A multi-channel discriminative correlation filter on the search embeddings, learnt online in
/// closed form in the Fourier domain (MOSSE/DCFNet form).
///
/// Trained on one embedding `x` with a Gaussian label `y` centred on the target, the filter
/// `ŵₗ = ŷ x̂ₗ* / (Σₖ |x̂ₖ|² + λ)` minimises `‖Σₗ wₗ ⋆ xₗ - y‖² + λ Σₗ ‖wₗ‖²` over circular shifts,
/// and its response to a new embedding `z` is `F⁻¹(Σₗ ŵₗ ẑₗ)`. The numerator and denominator are
/// running averages over frames (`learningRate`), so the filter follows the target's appearance
/// while cross-correlation with the first frame's exemplar keeps it anchored.
package struct CorrelationFilter: Sendable {
    /// Embedding channels.
    let channels: Int
    let transform: RealFourierTransform
    /// Half spectrum of the Gaussian label centred on cell (0, 0), wrapped around.
    private let labelReal: [Float]
    private let labelImaginary: [Float]
    /// Share of a new frame in the running averages.
    private let learningRate: Float
    /// λ in absolute units: the relative regularisation times the first frame's mean energy.
    private let regularization: Float
    /// Running Σ ŷ x̂ₗ*, one half spectrum per channel.
    private var numeratorReal: [Float]
    private var numeratorImaginary: [Float]
    /// Running Σₖ |x̂ₖ|².
    private var denominator: [Float]

    /// The filter learnt from item `item` of `spectra` (see `Spectra`), the target at cell
    /// `(row, column)` of the embedding.
    ///
    /// - Parameters:
    ///   - labelSigma: standard deviation of the Gaussian label in embedding cells.
    ///   - regularization: λ as a fraction of the mean energy `Σₖ |x̂ₖ|²` of the first embedding.
    init(spectra: Spectra, item: Int, row: Double, column: Double, labelSigma: Double, regularization: Double, learningRate: Double) {
        channels = spectra.channels
        let transform = spectra.transform
        self.transform = transform
        let label = Self.gaussian(side: transform.size, row: 0, column: 0, sigma: labelSigma)
        var real = [Float](repeating: 0, count: transform.spectrumCount), imaginary = real
        var scratch = [Float](repeating: 0, count: transform.scratchCount(planes: 1))
        label.withUnsafeBufferPointer { label in
            transform.forward(label.baseAddress!, planes: 1, real: &real, imaginary: &imaginary, scratch: &scratch)
        }
        labelReal = real
        labelImaginary = imaginary
        self.learningRate = Float(learningRate)
        numeratorReal = [Float](repeating: 0, count: channels * transform.spectrumCount)
        numeratorImaginary = numeratorReal
        denominator = [Float](repeating: 0, count: transform.spectrumCount)
        let energy = spectra.energy(item: item)
        self.regularization = Float(regularization) * energy.reduce(0, +) / Float(energy.count)
        learn(spectra: spectra, item: item, row: row, column: column, rate: 1)
    }

    /// Moves the filter toward item `item` of `spectra`, the target at cell `(row, column)`.
    mutating func update(spectra: Spectra, item: Int, row: Double, column: Double) {
        learn(spectra: spectra, item: item, row: row, column: column, rate: learningRate)
    }

    /// The filter's response to item `item` of `spectra`, `size x size` row-major into `output`.
    func response(to spectra: Spectra, item: Int, into output: UnsafeMutablePointer<Float>) {
        let count = transform.spectrumCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * count) { product in
            let real = product.baseAddress!, imaginary = product.baseAddress! + count
            real.initialize(repeating: 0, count: 2 * count)
            for channel in 0..<channels {
                let z = spectra.offset(channel: channel, item: item), a = channel * count
                for i in 0..<count {
                    let (ar, ai) = (numeratorReal[a + i], numeratorImaginary[a + i])
                    let (zr, zi) = (spectra.real[z + i], spectra.imaginary[z + i])
                    real[i] += ar * zr - ai * zi
                    imaginary[i] += ar * zi + ai * zr
                }
            }
            for i in 0..<count {
                let scale = 1 / (denominator[i] + regularization)
                real[i] *= scale
                imaginary[i] *= scale
            }
            transform.inverse(real: real, imaginary: imaginary, into: output)
        }
    }

    private mutating func learn(spectra: Spectra, item: Int, row: Double, column: Double, rate: Float) {
        let n = transform.size, h = transform.halfSize, count = transform.spectrumCount
        let keep = 1 - rate
        let first = spectra.offset(channel: 0, item: item), channelStride = spectra.offset(channel: 1, item: item) - first
        for kx in 0..<h {
            for ky in 0..<n {
                let i = kx * n + ky
                // The label moved to (row, column): its spectrum times e^(-2πi (ky row + kx column) / n),
                // with signed frequencies, so that a fractional shift interpolates instead of aliasing.
                let fy = Double(ky <= n / 2 ? ky : ky - n), fx = Double(kx)
                let angle = -2 * Double.pi * (fy * row + fx * column) / Double(n)
                let (c, s) = (Float(Foundation.cos(angle)), Float(Foundation.sin(angle)))
                let yr = labelReal[i] * c - labelImaginary[i] * s, yi = labelReal[i] * s + labelImaginary[i] * c
                var energy: Float = 0
                for channel in 0..<channels {
                    let x = first + channel * channelStride + i, a = channel * count + i
                    let (xr, xi) = (spectra.real[x], spectra.imaginary[x])
                    energy += xr * xr + xi * xi
                    // ŷ x̂*
                    numeratorReal[a] = keep * numeratorReal[a] + rate * (yr * xr + yi * xi)
                    numeratorImaginary[a] = keep * numeratorImaginary[a] + rate * (yi * xr - yr * xi)
                }
                denominator[i] = keep * denominator[i] + rate * energy
            }
        }
    }

    /// A Gaussian bump of standard deviation `sigma` cells at `(row, column)` of a `side x side`
    /// torus (distances wrap around, as the filter's circular shifts do).
    package static func gaussian(side: Int, row: Double, column: Double, sigma: Double) -> [Float] {
        func wrapped(_ d: Double) -> Double {
            let m = d.truncatingRemainder(dividingBy: Double(side)), positive = m < 0 ? m + Double(side) : m
            return min(positive, Double(side) - positive)
        }
        var values = [Float](repeating: 0, count: side * side)
        for y in 0..<side {
            for x in 0..<side {
                let (dy, dx) = (wrapped(Double(y) - row), wrapped(Double(x) - column))
                values[y * side + x] = Float(Foundation.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma)))
            }
        }
        return values
    }

    /// `0.5 - 0.5 cos` on both axes.
    package static func hannWindow(side: Int) -> [Float] {
        let hann = (0..<side).map { 0.5 - 0.5 * Foundation.cos(2 * Double.pi * (Double($0) + 0.5) / Double(side)) }
        return (0..<(side * side)).map { Float(hann[$0 / side] * hann[$0 % side]) }
    }

    /// The windowed half spectra of every plane of an embedding batch (`[channel][item]` order).
    package struct Spectra: Sendable {
        let transform: RealFourierTransform
        let channels: Int
        let batch: Int
        package var real: [Float]
        package var imaginary: [Float]
        private var windowed: [Float]
        private var scratch: [Float]
        private let window: [Float]

        /// Room for the spectra of `channels x batch` planes of side `side`.
        package init(channels: Int, batch: Int, side: Int) {
            transform = RealFourierTransform(size: side)
            self.channels = channels
            self.batch = batch
            let planes = channels * batch
            real = [Float](repeating: 0, count: planes * transform.spectrumCount)
            imaginary = real
            windowed = [Float](repeating: 0, count: planes * side * side)
            scratch = [Float](repeating: 0, count: transform.scratchCount(planes: planes))
            window = CorrelationFilter.hannWindow(side: side)
        }

        /// Offset of the half spectrum of `(channel, item)` in `real` and `imaginary`.
        package func offset(channel: Int, item: Int) -> Int { (channel * batch + item) * transform.spectrumCount }

        /// Transforms `embedding`, which must have this batch's shape, after windowing it.
        package mutating func transform(_ embedding: FeatureMap) {
            precondition(
                embedding.channels == channels && embedding.batch == batch && embedding.height == transform.size
                    && embedding.width == transform.size, "embedding shape")
            let plane = embedding.planeSize, planes = channels * batch
            embedding.values.withUnsafeBufferPointer { values in
                windowed.withUnsafeMutableBufferPointer { windowed in
                    window.withUnsafeBufferPointer { window in
                        for p in 0..<planes {
                            for i in 0..<plane { windowed[p * plane + i] = values[p * plane + i] * window[i] }
                        }
                    }
                }
            }
            let transform = self.transform
            transform.forward(windowed, planes: planes, real: &real, imaginary: &imaginary, scratch: &scratch)
        }

        /// `Σₗ |x̂ₗ|²` of one item.
        func energy(item: Int) -> [Float] {
            let count = transform.spectrumCount
            var energy = [Float](repeating: 0, count: count)
            for channel in 0..<channels {
                let x = offset(channel: channel, item: item)
                for i in 0..<count { energy[i] += real[x + i] * real[x + i] + imaginary[x + i] * imaginary[x + i] }
            }
            return energy
        }
    }
}
