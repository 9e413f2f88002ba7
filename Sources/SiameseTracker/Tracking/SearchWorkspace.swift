/// What a tracker reuses every frame: the network compiled for its batch of search crops and
/// the buffers between the stages, so that tracking a frame allocates no large buffers.
///
/// A workspace is written on every frame; `SiamFCTracker` keeps its own (copying a tracker
/// gives the copy a fresh workspace on its next update), so no two threads share one.
final class SearchWorkspace: @unchecked Sendable {
    /// The buffers of each further network of an ensemble.
    struct Partner {
        /// The network compiled for the crops.
        let plan: InferencePlan
        /// Its embeddings of the crops.
        var embedding: FeatureMap
        /// Its score maps, one per crop.
        var scoreMaps: FeatureMap
    }

    /// The networks the plans were compiled from: `plan`'s, then the partners'.
    private let networks: [EmbeddingNetwork]
    /// Side of the exemplar embedding the score maps are correlated with.
    private let exemplarSide: Int
    /// How each network's plan computes, in the order of `networks`.
    private let formats: [NumberFormat]
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
    /// One per network of the ensemble after the first.
    var partners: [Partner]

    /// Compiles `networks` (one, or an ensemble of networks of the same geometry) for `scaleCount`
    /// search crops of `searchSize` pixels, to be correlated with exemplar embeddings of side
    /// `exemplarSide`, with room for the first network's spectra if asked, each network computing
    /// in its entry of `formats`.
    init(networks: [EmbeddingNetwork], scaleCount: Int, searchSize: Int, exemplarSide: Int, withSpectra: Bool, formats: [NumberFormat]) {
        precondition(!networks.isEmpty && formats.count == networks.count, "at least one network, and a format for each")
        precondition(Set(formats.map(\.readsBytes)).count == 1, "every network reads the crops in one type")
        self.networks = networks
        self.exemplarSide = exemplarSide
        self.formats = formats
        func compile(_ network: EmbeddingNetwork, _ format: NumberFormat) -> InferencePlan {
            InferencePlan(network: network, batch: scaleCount, height: searchSize, width: searchSize, format: format)
        }
        plan = compile(networks[0], formats[0])
        crops = CropBatch(batch: scaleCount, side: searchSize, inBytes: formats[0].readsBytes)
        embedding = plan.makeOutput()
        let mapSide = plan.outputHeight - exemplarSide + 1
        scoreMaps = FeatureMap(channels: 1, batch: scaleCount, height: mapSide, width: mapSide)
        exemplarScores = [Float](repeating: 0, count: scoreMaps.values.count)
        spectra = withSpectra ? CorrelationFilter.Spectra(channels: embedding.channels, batch: scaleCount, side: embedding.width) : nil
        let maps = scoreMaps
        partners = zip(networks, formats).dropFirst().map { network, format in
            let plan = compile(network, format)
            return Partner(plan: plan, embedding: plan.makeOutput(), scoreMaps: maps)
        }
    }

    /// A workspace of the same shapes that shares nothing with this one.
    func fresh() -> SearchWorkspace {
        SearchWorkspace(
            networks: networks, scaleCount: crops.batch, searchSize: crops.side, exemplarSide: exemplarSide, withSpectra: spectra != nil,
            formats: formats)
    }
}
