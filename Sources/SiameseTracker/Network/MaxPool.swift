/// Max pooling without padding over square windows.
package struct MaxPool: Sendable, Equatable {
    /// Window side in pixels.
    package let kernelSize: Int
    /// Step between windows in pixels.
    package let stride: Int

    /// Creates a pooling layer.
    package init(kernelSize: Int, stride: Int) {
        self.kernelSize = kernelSize
        self.stride = stride
    }

    /// Output side for an input side.
    package func outputSize(for inputSize: Int) -> Int { (inputSize - kernelSize) / stride + 1 }

    /// Pools every plane of the batch.
    package func forward(_ input: FeatureMap) -> FeatureMap {
        let outHeight = outputSize(for: input.height), outWidth = outputSize(for: input.width)
        var output = FeatureMap(channels: input.channels, batch: input.batch, height: outHeight, width: outWidth)
        let k = kernelSize, s = stride
        let inPlaneSize = input.planeSize, outPlaneSize = output.planeSize
        input.values.withUnsafeBufferPointer { src in
            output.values.withUnsafeMutableBufferPointer { dst in
                for plane in 0..<(input.channels * input.batch) {
                    let inPlane = src.baseAddress! + plane * inPlaneSize
                    let outPlane = dst.baseAddress! + plane * outPlaneSize
                    for oy in 0..<outHeight {
                        for ox in 0..<outWidth {
                            var best = -Float.infinity
                            for ky in 0..<k {
                                let row = inPlane + (oy * s + ky) * input.width + ox * s
                                for kx in 0..<k { best = max(best, row[kx]) }
                            }
                            outPlane[oy * outWidth + ox] = best
                        }
                    }
                }
            }
        }
        return output
    }
}
