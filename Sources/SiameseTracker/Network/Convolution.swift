/// A 2-D convolution without padding ("valid"), square kernel, square stride, with a bias.
///
/// Weights are stored as `[output channel][input channel][row][column]`, PyTorch's order.
package struct Convolution: Sendable, Equatable {
    /// Input channels.
    package let inputChannels: Int
    /// Output channels.
    package let outputChannels: Int
    /// Kernel side in pixels.
    package let kernelSize: Int
    /// Step between neighbouring outputs, in input pixels.
    package let stride: Int
    /// `outputChannels * inputChannels * kernelSize * kernelSize` weights.
    package var weights: [Float]
    /// One bias per output channel.
    package var bias: [Float]

    /// Creates a convolution from its weights and bias.
    package init(inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int, weights: [Float], bias: [Float]) {
        precondition(weights.count == outputChannels * inputChannels * kernelSize * kernelSize, "weight count")
        precondition(bias.count == outputChannels, "bias count")
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.weights = weights
        self.bias = bias
    }

    /// Values multiplied into each output value: `inputChannels * kernelSize²`.
    package var kernelVolume: Int { inputChannels * kernelSize * kernelSize }

    /// Output side for an input side (valid convolution).
    package func outputSize(for inputSize: Int) -> Int { (inputSize - kernelSize) / stride + 1 }

    /// Multiply-adds times two for one output position, times `outputSize²` positions.
    package func floatingPointOperations(inputSize: Int) -> Int {
        let side = outputSize(for: inputSize)
        return 2 * kernelVolume * outputChannels * side * side
    }

    /// Convolves a batch, optionally applying ReLU to the result.
    package func forward(_ input: FeatureMap, applyingReLU: Bool = false) -> FeatureMap {
        precondition(input.channels == inputChannels, "convolution expects \(inputChannels) channels, got \(input.channels)")
        return forward(input, patches: Im2Col.patches(of: input, kernelSize: kernelSize, stride: stride), applyingReLU: applyingReLU)
    }

    /// Convolves a batch whose im2col patches are already unfolded.
    package func forward(_ input: FeatureMap, patches: [Float], applyingReLU: Bool) -> FeatureMap {
        let outHeight = outputSize(for: input.height), outWidth = outputSize(for: input.width)
        let columns = input.batch * outHeight * outWidth
        var output = FeatureMap(channels: outputChannels, batch: input.batch, height: outHeight, width: outWidth)
        output.values.withUnsafeMutableBufferPointer { out in
            // Start from the bias so the multiplication can accumulate onto it.
            for channel in 0..<outputChannels {
                let row = out.baseAddress! + channel * columns
                row.update(repeating: bias[channel], count: columns)
            }
            weights.withUnsafeBufferPointer { w in
                patches.withUnsafeBufferPointer { p in
                    MatrixMultiply.multiply(
                        w.baseAddress!, p.baseAddress!, into: out.baseAddress!,
                        m: outputChannels, n: columns, k: kernelVolume, accumulate: true)
                }
            }
            if applyingReLU {
                for i in out.indices where out[i] < 0 { out[i] = 0 }
            }
        }
        return output
    }
}
