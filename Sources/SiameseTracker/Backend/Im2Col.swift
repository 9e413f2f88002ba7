/// Unfolds convolution patches into matrix columns so a convolution becomes one matrix product.
package enum Im2Col {
    /// The `(channels * k * k) x (batch * outHeight * outWidth)` patch matrix of a valid convolution.
    package static func patches(of input: FeatureMap, kernelSize k: Int, stride: Int) -> [Float] {
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

    /// The adjoint of `patches`: sums each patch-matrix entry back onto the input pixel it came from.
    package static func fold(_ patches: [Float], channels: Int, batch: Int, height: Int, width: Int, kernelSize k: Int, stride: Int) -> FeatureMap {
        let outHeight = (height - k) / stride + 1, outWidth = (width - k) / stride + 1
        let columns = batch * outHeight * outWidth
        var result = FeatureMap(channels: channels, batch: batch, height: height, width: width)
        let planeSize = height * width
        patches.withUnsafeBufferPointer { src in
            result.values.withUnsafeMutableBufferPointer { dst in
                for channel in 0..<channels {
                    for ky in 0..<k {
                        for kx in 0..<k {
                            var source = src.baseAddress! + ((channel * k + ky) * k + kx) * columns
                            for item in 0..<batch {
                                let plane = dst.baseAddress! + (channel * batch + item) * planeSize
                                for oy in 0..<outHeight {
                                    let row = plane + (oy * stride + ky) * width + kx
                                    for ox in 0..<outWidth { row[ox * stride] += source[ox] }
                                    source += outWidth
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
