/// Adds the online models' responses (correlation filter, colour) to SiamFC's score maps, cell for cell.
///
/// Score-map cell `i` (of `m`) is the displacement `(i - (m - 1) / 2)` embedding cells, and
/// response cell `j` (of `n`, the embedding's side) the target at `(j - (n - 1) / 2)` cells from
/// the crop's centre, so cell `i` reads the response at `j = i + (n - m) / 2`, bilinearly.
enum ScoreMapFusion {
    /// `scoreMaps[s] += weight * response of filter to spectra item s`, for every scale `s`.
    static func add(_ filter: CorrelationFilter, spectra: CorrelationFilter.Spectra, weight: Float, to scoreMaps: inout FeatureMap) {
        let n = filter.transform.size, m = scoreMaps.width
        let offset = Double(n - m) / 2
        let base = Int(offset.rounded(.down)), fraction = Float(offset - Double(base))
        withUnsafeTemporaryAllocation(of: Float.self, capacity: n * n) { response in
            let r = response.baseAddress!
            for item in 0..<scoreMaps.batch {
                filter.response(to: spectra, item: item, into: r)
                let map = scoreMaps.planeOffset(channel: 0, item: item)
                for y in 0..<m {
                    let y0 = min(y + base, n - 1), y1 = min(y0 + 1, n - 1)
                    for x in 0..<m {
                        let x0 = min(x + base, n - 1), x1 = min(x0 + 1, n - 1)
                        let top = r[y0 * n + x0] * (1 - fraction) + r[y0 * n + x1] * fraction
                        let bottom = r[y1 * n + x0] * (1 - fraction) + r[y1 * n + x1] * fraction
                        scoreMaps.values[map + y * m + x] += weight * (top * (1 - fraction) + bottom * fraction)
                    }
                }
            }
        }
    }

    /// `scoreMaps[s] = (1 - weight) * scoreMaps[s] + weight * colour response of crop s`, the
    /// target of size `targetSize(s)` (crop pixels), score-map cells `stride` crop pixels apart.
    static func add(
        _ colour: ColourModel, crops: CropBatch, stride: Int, weight: Float, to scoreMaps: inout FeatureMap, targetSize: (Int) -> Size
    ) {
        let m = scoreMaps.width
        withUnsafeTemporaryAllocation(of: Float.self, capacity: m * m) { response in
            for item in 0..<scoreMaps.batch {
                colour.response(crops: crops, item: item, targetSize: targetSize(item), mapSize: m, stride: stride, into: response.baseAddress!)
                let map = scoreMaps.planeOffset(channel: 0, item: item)
                for i in 0..<(m * m) { scoreMaps.values[map + i] = (1 - weight) * scoreMaps.values[map + i] + weight * response[i] }
            }
        }
    }
}
