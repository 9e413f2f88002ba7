/// Unfolds convolution patches into matrix columns so a convolution becomes one matrix product.
enum Im2Col {
    /// The `(channels * k * k) x (batch * outHeight * outWidth)` patch matrix of a valid convolution.
    static func patches(of input: FeatureMap, kernelSize k: Int, stride: Int) -> [Float] {
        let outHeight = (input.height - k) / stride + 1, outWidth = (input.width - k) / stride + 1
        let columns = input.batch * outHeight * outWidth
        var result = [Float](repeating: 0, count: input.channels * k * k * columns)
        input.values.withUnsafeBufferPointer { src in
            result.withUnsafeMutableBufferPointer { dst in
                for channel in 0..<input.channels {
                    for ky in 0..<k {
                        for kx in 0..<k {
                            var target = dst.baseAddress! + ((channel * k + ky) * k + kx) * columns
                            for item in 0..<input.batch {
                                let plane = src.baseAddress! + input.planeOffset(channel: channel, item: item)
                                for oy in 0..<outHeight {
                                    let row = plane + (oy * stride + ky) * input.width + kx
                                    for ox in 0..<outWidth { target[ox] = row[ox * stride] }
                                    target += outWidth
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
