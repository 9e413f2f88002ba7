/// What a tracker reuses every frame: the network compiled for its batch of search crops and
/// the buffers between the stages, so that tracking a frame allocates no large buffers.
///
/// A workspace is written on every frame; `SiamFCTracker` keeps its own (copying a tracker
/// gives the copy a fresh workspace on its next update), so no two threads share one.
final class SearchWorkspace: @unchecked Sendable {
    /// The network `plan` was compiled from.
    private let network: EmbeddingNetwork
    /// Side of the exemplar embedding the score maps are correlated with.
    private let exemplarSide: Int
    /// Whether the plan computes in bfloat16.
    private let bfloat16: Bool
    /// The embedding network compiled for `crops`.
    let plan: InferencePlan
    /// One search crop per scale.
    var crops: CropBatch
    /// The search crops' embeddings.
    var embedding: FeatureMap
    /// One score map per scale.
    var scoreMaps: FeatureMap
    /// Upsampled score maps and scratch space for `ScoreMapPeakFinder`.
    var upsampledScoreMaps: [Float] = []
    /// The score maps relative to the exemplar's match with itself, kept before the online
    /// models' responses are blended in: the confidence is read from them.
    var exemplarScores: [Float]
    /// The search embeddings' spectra, for the correlation filter (nil without one).
    var spectra: CorrelationFilter.Spectra?

    /// Compiles `network` for `scaleCount` search crops of `searchSize` pixels, to be correlated
    /// with an exemplar embedding of side `exemplarSide`, with room for their spectra if asked, in
    /// bfloat16 if asked.
    init(network: EmbeddingNetwork, scaleCount: Int, searchSize: Int, exemplarSide: Int, withSpectra: Bool, bfloat16: Bool) {
        self.network = network
        self.exemplarSide = exemplarSide
        self.bfloat16 = bfloat16
        plan = InferencePlan(network: network, batch: scaleCount, height: searchSize, width: searchSize, bfloat16: bfloat16)
        crops = CropBatch(batch: scaleCount, side: searchSize)
        embedding = plan.makeOutput()
        let mapSide = plan.outputHeight - exemplarSide + 1
        scoreMaps = FeatureMap(channels: 1, batch: scaleCount, height: mapSide, width: mapSide)
        exemplarScores = [Float](repeating: 0, count: scoreMaps.values.count)
        spectra = withSpectra ? CorrelationFilter.Spectra(channels: embedding.channels, batch: scaleCount, side: embedding.width) : nil
    }

    /// A workspace of the same shapes that shares nothing with this one.
    func fresh() -> SearchWorkspace {
        SearchWorkspace(
            network: network, scaleCount: crops.batch, searchSize: crops.side, exemplarSide: exemplarSide, withSpectra: spectra != nil,
            bfloat16: bfloat16)
    }
}
