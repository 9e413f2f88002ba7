import SiameseTracker

extension BatchNorm {
    /// What the training forward pass keeps for the backward pass.
    struct Saved {
        /// Normalised inputs `(x - mean) / std`.
        let normalised: FeatureMap
        let inverseDeviation: [Float]
        let batchMean: [Float]
        /// Unbiased batch variance, for the running statistics.
        let batchVariance: [Float]
    }

    /// Training forward pass: normalises with the batch's own statistics.
    func forwardTraining(_ input: FeatureMap) -> (FeatureMap, Saved) {
        let count = input.batch * input.planeSize
        var normalised = input, output = input
        var inverse = [Float](repeating: 0, count: channels), means = inverse, variances = inverse
        for channel in 0..<channels {
            let range = (channel * count)..<((channel + 1) * count)
            var sum = 0.0, squares = 0.0
            for i in range { sum += Double(input.values[i]) }
            let mean = sum / Double(count)
            for i in range { let d = Double(input.values[i]) - mean; squares += d * d }
            let variance = squares / Double(count)
            let inv = Float(1 / (variance + Double(epsilon)).squareRoot())
            for i in range {
                let x = (input.values[i] - Float(mean)) * inv
                normalised.values[i] = x
                output.values[i] = scale[channel] * x + shift[channel]
            }
            inverse[channel] = inv
            means[channel] = Float(mean)
            variances[channel] = Float(squares / Double(max(count - 1, 1)))
        }
        return (output, Saved(normalised: normalised, inverseDeviation: inverse, batchMean: means, batchVariance: variances))
    }

    /// Gradients with respect to scale, shift and input, for batch statistics.
    func backward(_ outputGradient: FeatureMap, saved: Saved) -> (scale: [Float], shift: [Float], input: FeatureMap) {
        let count = outputGradient.batch * outputGradient.planeSize
        var inputGradient = outputGradient
        var scaleGradient = [Float](repeating: 0, count: channels), shiftGradient = scaleGradient
        for channel in 0..<channels {
            let range = (channel * count)..<((channel + 1) * count)
            var sumGradient: Float = 0, sumProduct: Float = 0
            for i in range {
                sumGradient += outputGradient.values[i]
                sumProduct += outputGradient.values[i] * saved.normalised.values[i]
            }
            scaleGradient[channel] = sumProduct
            shiftGradient[channel] = sumGradient
            let factor = scale[channel] * saved.inverseDeviation[channel] / Float(count)
            for i in range {
                inputGradient.values[i] = factor
                    * (Float(count) * outputGradient.values[i] - sumGradient - saved.normalised.values[i] * sumProduct)
            }
        }
        return (scaleGradient, shiftGradient, inputGradient)
    }
}
