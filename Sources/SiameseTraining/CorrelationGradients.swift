import SiameseTracker

extension CrossCorrelation {
    /// Gradients of the pairwise score maps (exemplar item b against search item b) with respect
    /// to both embeddings.
    static func backward(_ scoreGradient: FeatureMap, exemplar: FeatureMap, search: FeatureMap) -> (exemplar: FeatureMap, search: FeatureMap) {
        var exemplarGradient = FeatureMap(shape: exemplar.shape), searchGradient = FeatureMap(shape: search.shape)
        let outHeight = scoreGradient.height, outWidth = scoreGradient.width
        for item in 0..<search.batch {
            let exemplarItem = exemplar.batch == 1 ? 0 : item
            let gradientBase = item * outHeight * outWidth
            for channel in 0..<search.channels {
                let z = exemplar.planeOffset(channel: channel, item: exemplarItem)
                let x = search.planeOffset(channel: channel, item: item)
                for dy in 0..<exemplar.height {
                    for dx in 0..<exemplar.width {
                        let weight = exemplar.values[z + dy * exemplar.width + dx]
                        var sum: Float = 0
                        for y in 0..<outHeight {
                            for xx in 0..<outWidth {
                                let g = scoreGradient.values[gradientBase + y * outWidth + xx]
                                let s = x + (y + dy) * search.width + xx + dx
                                sum += g * search.values[s]
                                searchGradient.values[s] += g * weight
                            }
                        }
                        exemplarGradient.values[z + dy * exemplar.width + dx] += sum
                    }
                }
            }
        }
        return (exemplarGradient, searchGradient)
    }
}
