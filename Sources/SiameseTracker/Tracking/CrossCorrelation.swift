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
        // Rows are summed at the search's full width, so that one exemplar weight scales one
        // long contiguous run of the search plane (a loop the compiler vectorises); the columns
        // past the map's width are discarded at the end.
        let runLength = (outHeight - 1) * search.width + outWidth
        exemplar.values.withUnsafeBufferPointer { z in
            search.values.withUnsafeBufferPointer { x in
                output.values.withUnsafeMutableBufferPointer { out in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: runLength) { wide in
                        for item in 0..<search.batch {
                            wide.initialize(repeating: 0)
                            for channel in 0..<search.channels {
                                let kernel = z.baseAddress! + exemplar.planeOffset(channel: channel, item: exemplar.batch == 1 ? 0 : item)
                                let plane = x.baseAddress! + search.planeOffset(channel: channel, item: item)
                                for dy in 0..<exemplar.height {
                                    for dx in 0..<exemplar.width {
                                        let weight = kernel[dy * exemplar.width + dx]
                                        let source = plane + dy * search.width + dx
                                        for i in 0..<runLength { wide[i] += weight * source[i] }
                                    }
                                }
                            }
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
}
