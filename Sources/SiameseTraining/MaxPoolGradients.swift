import SiameseTracker

extension MaxPool {
    /// Forward pass that also returns, for each output, the flat index of the input it took.
    func forwardSaving(_ input: FeatureMap) -> (FeatureMap, [Int32]) {
        let outHeight = outputSize(for: input.height), outWidth = outputSize(for: input.width)
        var output = FeatureMap(channels: input.channels, batch: input.batch, height: outHeight, width: outWidth)
        var winners = [Int32](repeating: 0, count: output.values.count)
        var o = 0
        for plane in 0..<(input.channels * input.batch) {
            let base = plane * input.planeSize
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    var best = -Float.infinity, where_ = base
                    for ky in 0..<kernelSize {
                        for kx in 0..<kernelSize {
                            let i = base + (oy * stride + ky) * input.width + ox * stride + kx
                            if input.values[i] > best { best = input.values[i]; where_ = i }
                        }
                    }
                    output.values[o] = best
                    winners[o] = Int32(where_)
                    o += 1
                }
            }
        }
        return (output, winners)
    }

    /// Routes each output gradient back to the input that won its window.
    static func backward(_ outputGradient: FeatureMap, winners: [Int32], inputShape: FeatureMap.Shape) -> FeatureMap {
        var input = FeatureMap(shape: inputShape)
        for (o, i) in winners.enumerated() { input.values[Int(i)] += outputGradient.values[o] }
        return input
    }
}
