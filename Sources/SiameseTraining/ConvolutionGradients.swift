import SiameseTracker

extension Convolution {
    /// What the forward pass keeps for the backward pass.
    struct Saved {
        let patches: [Float]
        let inputChannels: Int
        let batch: Int
        let inputHeight: Int
        let inputWidth: Int
    }

    /// Forward pass that also returns the im2col patches, reused by `backward`.
    func forwardSaving(_ input: FeatureMap) -> (FeatureMap, Saved) {
        let patches = Im2Col.patches(of: input, kernelSize: kernelSize, stride: stride)
        let output = forward(input, patches: patches, applyingReLU: false)
        return (output, Saved(patches: patches, inputChannels: input.channels, batch: input.batch, inputHeight: input.height, inputWidth: input.width))
    }

    /// Gradients of the loss with respect to weights, bias and (when asked) the input.
    ///
    /// `dW = dY · patchesᵀ`, `db = Σ dY`, `dX = col2im(Wᵀ · dY)`: the same matrix kernel as the forward pass.
    func backward(_ outputGradient: FeatureMap, saved: Saved, needInputGradient: Bool) -> (weights: [Float], bias: [Float], input: FeatureMap?) {
        let columns = outputGradient.batch * outputGradient.planeSize
        var weightGradient = [Float](repeating: 0, count: weights.count)
        var biasGradient = [Float](repeating: 0, count: outputChannels)
        outputGradient.values.withUnsafeBufferPointer { dy in
            for channel in 0..<outputChannels {
                var sum: Float = 0
                for i in (channel * columns)..<((channel + 1) * columns) { sum += dy[i] }
                biasGradient[channel] = sum
            }
            saved.patches.withUnsafeBufferPointer { p in
                weightGradient.withUnsafeMutableBufferPointer { dw in
                    MatrixMultiply.multiply(
                        dy.baseAddress!, p.baseAddress!, into: dw.baseAddress!,
                        m: outputChannels, n: kernelVolume, k: columns, transposeB: true)
                }
            }
        }
        guard needInputGradient else { return (weightGradient, biasGradient, nil) }
        var patchGradient = [Float](repeating: 0, count: kernelVolume * columns)
        weights.withUnsafeBufferPointer { w in
            outputGradient.values.withUnsafeBufferPointer { dy in
                patchGradient.withUnsafeMutableBufferPointer { dp in
                    MatrixMultiply.multiply(
                        w.baseAddress!, dy.baseAddress!, into: dp.baseAddress!,
                        m: kernelVolume, n: columns, k: outputChannels, transposeA: true)
                }
            }
        }
        let inputGradient = Im2Col.fold(
            patchGradient, channels: saved.inputChannels, batch: saved.batch,
            height: saved.inputHeight, width: saved.inputWidth, kernelSize: kernelSize, stride: stride)
        return (weightGradient, biasGradient, inputGradient)
    }
}
