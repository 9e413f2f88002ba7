/// SiamFC's similarity: the exemplar embedding slid over each search embedding as a
/// convolution kernel, summing over channels. Each batch item gives one score map.
package enum CrossCorrelation {
    /// Correlates exemplar embeddings with search embeddings: a one-item exemplar against every
    /// search item (tracking several scales), or item b against item b (training pairs).
    ///
    /// - Returns: a one-channel map with the search batch, of side `search - exemplar + 1`.
    package static func scoreMaps(exemplar: FeatureMap, search: FeatureMap) -> FeatureMap {
        var output = FeatureMap(
            channels: 1, batch: search.batch, height: search.height - exemplar.height + 1, width: search.width - exemplar.width + 1)
        scoreMaps(exemplar: exemplar, search: search, into: &output)
        return output
    }

    /// `scoreMaps(exemplar:search:)` written into `output`, which must have its shape.
    package static func scoreMaps(exemplar: FeatureMap, search: FeatureMap, into output: inout FeatureMap) {
        precondition(
            (exemplar.batch == 1 || exemplar.batch == search.batch) && exemplar.channels == search.channels,
            "exemplar and search embeddings differ")
        let outHeight = search.height - exemplar.height + 1, outWidth = search.width - exemplar.width + 1
        precondition(outHeight > 0 && outWidth > 0, "search embedding is smaller than the exemplar")
        precondition(output.channels == 1 && output.batch == search.batch && output.height == outHeight && output.width == outWidth, "score map shape")
        // Each output is summed at the search's full width, so that one exemplar weight scales a
        // contiguous run of the search plane; the columns past the map's width are discarded at
        // the end. Runs of 64 outputs are summed in four vector registers over every channel and
        // weight before they are stored once.
        let runLength = (outHeight - 1) * search.width + outWidth
        exemplar.values.withUnsafeBufferPointer { z in
            search.values.withUnsafeBufferPointer { x in
                output.values.withUnsafeMutableBufferPointer { out in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: runLength) { wide in
                        for item in 0..<search.batch {
                            let sums = Sums(
                                kernel: z.baseAddress! + exemplar.planeOffset(channel: 0, item: exemplar.batch == 1 ? 0 : item),
                                kernelChannelStride: exemplar.batch * exemplar.planeSize,
                                plane: x.baseAddress! + search.planeOffset(channel: 0, item: item), planeChannelStride: search.batch * search.planeSize,
                                channels: search.channels, kernelHeight: exemplar.height, kernelWidth: exemplar.width, rowLength: search.width)
                            var start = 0
                            while start + 64 <= runLength {
                                sums.store(sums.four(at: start), into: wide.baseAddress! + start)
                                start += 64
                            }
                            while start + 16 <= runLength {
                                UnsafeMutableRawPointer(wide.baseAddress! + start).storeBytes(of: sums.one(at: start), as: SIMD16<Float>.self)
                                start += 16
                            }
                            for i in start..<runLength { wide[i] = sums.single(at: i) }
                            let map = out.baseAddress! + item * outHeight * outWidth
                            for y in 0..<outHeight {
                                (map + y * outWidth).update(from: wide.baseAddress! + y * search.width, count: outWidth)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The correlation of one search item's planes with its exemplar's at given offsets of the
    /// search planes (row-major, the row `rowLength` long), summed over channels and weights.
    /// Channel `c`'s kernel starts at `kernel + c * kernelChannelStride`, its plane likewise.
    private struct Sums {
        let kernel: UnsafePointer<Float>, kernelChannelStride: Int
        let plane: UnsafePointer<Float>, planeChannelStride: Int
        let channels: Int, kernelHeight: Int, kernelWidth: Int, rowLength: Int

        /// The sums at the 64 offsets from `start`, in four independent accumulators.
        func four(at start: Int) -> (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>) {
            var (a, b, c, d) = (SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>())
            for channel in 0..<channels {
                let kernel = self.kernel + channel * kernelChannelStride, plane = self.plane + channel * planeChannelStride
                for dy in 0..<kernelHeight {
                    let row = UnsafeRawPointer(plane + dy * rowLength + start)
                    for dx in 0..<kernelWidth {
                        let weight = kernel[dy * kernelWidth + dx], source = row + dx * 4
                        a += weight * source.loadUnaligned(as: SIMD16<Float>.self)
                        b += weight * source.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                        c += weight * source.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self)
                        d += weight * source.loadUnaligned(fromByteOffset: 192, as: SIMD16<Float>.self)
                    }
                }
            }
            return (a, b, c, d)
        }

        /// The sums at the 16 offsets from `start`.
        func one(at start: Int) -> SIMD16<Float> {
            var sum = SIMD16<Float>()
            for channel in 0..<channels {
                let kernel = self.kernel + channel * kernelChannelStride, plane = self.plane + channel * planeChannelStride
                for dy in 0..<kernelHeight {
                    let row = UnsafeRawPointer(plane + dy * rowLength + start)
                    for dx in 0..<kernelWidth {
                        sum += kernel[dy * kernelWidth + dx] * row.loadUnaligned(fromByteOffset: dx * 4, as: SIMD16<Float>.self)
                    }
                }
            }
            return sum
        }

        /// The sum at offset `index`.
        func single(at index: Int) -> Float {
            var sum: Float = 0
            for channel in 0..<channels {
                let kernel = self.kernel + channel * kernelChannelStride, plane = self.plane + channel * planeChannelStride
                for dy in 0..<kernelHeight {
                    for dx in 0..<kernelWidth { sum += kernel[dy * kernelWidth + dx] * plane[dy * rowLength + dx + index] }
                }
            }
            return sum
        }

        /// Writes the four vectors of `four(at:)` to `destination`.
        func store(_ sums: (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>), into destination: UnsafeMutablePointer<Float>) {
            let raw = UnsafeMutableRawPointer(destination)
            raw.storeBytes(of: sums.0, as: SIMD16<Float>.self)
            raw.storeBytes(of: sums.1, toByteOffset: 64, as: SIMD16<Float>.self)
            raw.storeBytes(of: sums.2, toByteOffset: 128, as: SIMD16<Float>.self)
            raw.storeBytes(of: sums.3, toByteOffset: 192, as: SIMD16<Float>.self)
        }
    }
}
