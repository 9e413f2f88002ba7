/// Batch normalisation with running statistics, as stored in a trained network.
///
/// At inference it is an affine map per channel, so it is folded into the preceding
/// convolution (`fold(into:)`) and costs nothing while tracking.
package struct BatchNorm: Sendable, Equatable {
    /// Per-channel scale (gamma).
    package var scale: [Float]
    /// Per-channel shift (beta).
    package var shift: [Float]
    /// Running mean per channel.
    package var runningMean: [Float]
    /// Running variance per channel.
    package var runningVariance: [Float]
    /// Added to the variance before the square root.
    package var epsilon: Float

    /// Creates a batch-norm layer from its parameters and statistics.
    package init(scale: [Float], shift: [Float], runningMean: [Float], runningVariance: [Float], epsilon: Float = 1e-5) {
        precondition(
            [shift.count, runningMean.count, runningVariance.count].allSatisfy { $0 == scale.count },
            "batch-norm parameters differ in length")
        self.scale = scale
        self.shift = shift
        self.runningMean = runningMean
        self.runningVariance = runningVariance
        self.epsilon = epsilon
    }

    /// Number of channels normalised.
    package var channels: Int { scale.count }

    /// Inference: `scale * (x - mean) / sqrt(var + eps) + shift` on every plane.
    package func forward(_ input: FeatureMap) -> FeatureMap {
        var output = input
        let planeValues = input.batch * input.planeSize
        for channel in 0..<channels {
            let (a, b) = affine(channel)
            let start = channel * planeValues
            for i in start..<(start + planeValues) { output.values[i] = a * output.values[i] + b }
        }
        return output
    }

    /// The convolution followed by this normalisation, as one convolution.
    package func fold(into convolution: Convolution) -> Convolution {
        precondition(convolution.outputChannels == channels, "batch norm and convolution channels differ")
        var folded = convolution
        let perChannel = convolution.kernelVolume
        for channel in 0..<channels {
            let (a, b) = affine(channel)
            for i in (channel * perChannel)..<((channel + 1) * perChannel) { folded.weights[i] *= a }
            folded.bias[channel] = a * convolution.bias[channel] + b
        }
        return folded
    }

    private func affine(_ channel: Int) -> (Float, Float) {
        let a = scale[channel] / (runningVariance[channel] + epsilon).squareRoot()
        return (a, shift[channel] - a * runningMean[channel])
    }
}
