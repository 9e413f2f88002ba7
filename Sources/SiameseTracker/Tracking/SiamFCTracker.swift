import Foundation
import Geometry
import Imaging

/// Follows one target through frames with SiamFC (Bertinetto et al., 2016), helped by online
/// models of the target that learn as it goes: Staple's colour histograms, and optionally a
/// correlation filter on the search embeddings (`TrackerConfiguration`).
///
/// Start it with the first frame and the target's box, then call `update(frame:)` with each
/// following frame. Frames may come from any source: an `RGBImage`, or a `PixelView` of RGB,
/// BGR, RGBA or BGRA pixels with any row stride, read in place; the network is shared and
/// stateless, so several trackers can use one `EmbeddingNetwork`.
public struct SiamFCTracker: Sendable {
    /// The hyper-parameters in use.
    public let configuration: TrackerConfiguration
    private let cropper: CropAndResize
    private let peakFinder: ScoreMapPeakFinder
    /// `configuration.scaleFactors`, computed once.
    private let scaleFactors: [Double]
    private var workspace: SearchWorkspace
    private let exemplarEmbedding: FeatureMap
    /// `‖φ(z)‖²`: the score of the exemplar against itself, the reference for confidence.
    private let exemplarEnergy: Float
    /// The exemplar's embedding by each further network of an ensemble, and the factor that puts
    /// that network's scores in the first one's units (the ratio of the exemplars' energies).
    private let partnerExemplars: [(embedding: FeatureMap, weight: Float)]
    /// Standard deviation of the exemplar crop's values (0 to 255): near 0 when the start box
    /// holds no picture to follow (a black or blank first frame).
    public let exemplarContrast: Double
    /// Contrast under which confidences are scaled down in proportion: a template without texture
    /// matches any blank region perfectly, and that must not read as certainty.
    public static let fullConfidenceContrast = 4.0
    private let initialTargetSize: Size
    /// Side of the exemplar region in frame pixels at the initial size.
    private let initialExemplarSide: Double
    private var center: Point
    /// Current size relative to the initial size (the root of the area's ratio).
    private var scale = 1.0
    /// The online correlation filter (nil when `filterInfluence` is 0).
    private var filter: CorrelationFilter?
    /// The online colour model (nil when `colourInfluence` is 0).
    private var colour: ColourModel?
    /// Whether the target was judged present in the last frame (see `TrackerConfiguration.absentBelow`).
    public private(set) var isTargetVisible = true
    /// The box where the target was last seen, which the results carry while it is judged absent.
    private var lastSeenBox: Box
    /// Where to look next while the target is judged absent.
    private var redetection = RedetectionScan()
    /// The level the target's confidence usually reaches, which the absence judgement compares with.
    private var usualConfidence = UsualConfidence()
    /// Frames in a row whose confidence was under the absence level.
    private var framesInDoubt = 0
    /// Frames in a row whose confidence was at or over the absence level.
    private var framesReassuring = 0
    /// Frames judged absent since the target was lost, counted on through returns that did not
    /// last (`returnLastsFrames`); 0 once a return has lasted.
    private var framesAbsent = 0
    /// Frames in a row the target has been judged present.
    private var framesPresent = 0
    /// Running mean of the confidence while the target is judged present (`TrackerConfiguration.widerSearchBelow`).
    private var meanConfidence = 1.0
    /// What resembles the target elsewhere in the frame, which re-detection must not take for it.
    private var lookAlikes: DistractorMemory
    /// The sweep that looks for look-alikes while the target is tracked, and the frames since its last step.
    private var lookAlikeSweep = RedetectionScan()
    private var framesSinceLookAlikeSweep = 0

    /// Starts tracking the target in `box` of `frame`.
    ///
    /// - Throws: `TrackerError.invalidBox` when the box is empty, not finite or outside the frame.
    public init(network: EmbeddingNetwork, configuration: TrackerConfiguration = TrackerConfiguration(), frame: PixelView, box: Box) throws(TrackerError) {
        try self.init(networks: [network], configuration: configuration, frame: frame, box: box)
    }

    /// Starts tracking the target in `box` of `frame` with an ensemble: every network embeds the
    /// same crops and their score maps are averaged, each relative to its exemplar's match with
    /// itself. The confidence, the correlation filter and the colour model are the first
    /// network's. The networks must map crops to embeddings of the same sizes.
    ///
    /// - Throws: `TrackerError.invalidBox` when the box is empty, not finite or outside the frame;
    ///   `.invalidConfiguration` without networks or for networks of different geometry.
    public init(networks: [EmbeddingNetwork], configuration: TrackerConfiguration = TrackerConfiguration(), frame: PixelView, box: Box) throws(TrackerError) {
        guard let network = networks.first else { throw .invalidConfiguration("no network to track with") }
        try Self.validate(configuration)
        let geometry = { (n: EmbeddingNetwork) in
            [n.totalStride, n.outputSize(for: configuration.exemplarSize), n.outputSize(for: configuration.searchSize)]
        }
        guard networks.allSatisfy({ geometry($0) == geometry(network) }) else {
            throw .invalidConfiguration("the networks of an ensemble must have the same stride and output sizes")
        }
        MatrixMultiply.setThreadCount(configuration.threads)
        guard box.isFinite else { throw .invalidBox("\(box) is not four finite numbers") }
        guard !box.isEmpty else { throw .invalidBox("\(box) has a width or height that is not positive") }
        guard box.width >= 1, box.height >= 1 else { throw .invalidBox("\(box) is smaller than a pixel") }
        guard box.width <= 4 * Double(frame.width), box.height <= 4 * Double(frame.height) else {
            throw .invalidBox("\(box) is more than 4 times as large as the \(frame.width)x\(frame.height) frame")
        }
        guard let inside = box.intersection(frame.bounds), inside.area > 0 else {
            throw .invalidBox("\(box) lies outside the \(frame.width)x\(frame.height) frame")
        }
        self.configuration = configuration
        scaleFactors = configuration.scaleFactors
        center = box.center
        lastSeenBox = box
        initialTargetSize = box.size
        initialExemplarSide = configuration.exemplarSide(for: box.size)
        cropper = CropAndResize(paddingWithMeanOf: frame)
        let exemplarSize = configuration.exemplarSize
        guard network.outputSize(for: exemplarSize) > 0 else {
            throw .invalidConfiguration("the exemplar size is too small for this network")
        }
        guard let precision = configuration.precision.resolved else {
            throw .invalidConfiguration("this CPU does not compute \(configuration.precision.rawValue) natively; use precision automatic or float32")
        }
        var crop = CropBatch(batch: 1, side: exemplarSize)
        cropper.crop(frame, center: center, side: initialExemplarSide, into: &crop, item: 0)
        // int8 takes each layer's range from the exemplar's float32 run; other formats need none.
        let measured = networks.map { network in
            precision == .int8
                ? network.embedMeasuring(crop) : (embedding: network.embed(crop, format: precision.exemplarFormat), convolutionInputMaxima: [])
        }
        let exemplars = measured.map(\.embedding)
        let energies = exemplars.map { $0.values.reduce(0) { $0 + $1 * $1 } }
        (exemplarEmbedding, exemplarEnergy) = (exemplars[0], energies[0])
        partnerExemplars = zip(exemplars, energies).dropFirst().map { exemplar, energy in
            (exemplar, energy > 0 ? energies[0] / energy : 0)
        }
        exemplarContrast = Self.standardDeviation(crop.values)
        lookAlikes = DistractorMemory(exemplar: exemplarEmbedding.values)
        let mapSize = network.outputSize(for: configuration.searchSize) - exemplarEmbedding.width + 1
        guard mapSize > 0 else { throw .invalidConfiguration("the search size gives no score map for this network") }
        workspace = SearchWorkspace(
            networks: networks, scaleCount: configuration.scaleCount, searchSize: configuration.searchSize, exemplarSide: exemplarEmbedding.width,
            withSpectra: configuration.filterInfluence > 0,
            formats: measured.map { precision.searchFormat(convolutionInputMaxima: $0.convolutionInputMaxima) })
        peakFinder = ScoreMapPeakFinder(mapSize: workspace.scoreMaps.width, totalStride: network.totalStride, configuration: configuration)
        if configuration.redetects, configuration.lookAlikeAbove > 0 {
            var sweep = RedetectionScan()
            var visited = 0
            repeat {
                rememberLookAlikes(frame, sweep: &sweep, target: box)
                visited += configuration.scaleCount
            } while visited < sweep.centres.count
        }
        guard configuration.filterInfluence > 0 || configuration.colourInfluence > 0 else { return }
        // The online models learn from the first frame's search crops, as they will from later ones'.
        let searchSide = initialExemplarSide * Double(configuration.searchSize) / Double(exemplarSize)
        for (item, factor) in scaleFactors.enumerated() {
            cropper.crop(frame, center: center, side: searchSide * factor, into: &workspace.crops, item: item)
        }
        if configuration.colourInfluence > 0 {
            colour = ColourModel(
                crops: workspace.crops, item: configuration.scaleCount / 2,
                target: targetInCrop(offsetX: 0, offsetY: 0, scaleFactor: 1, searchSide: searchSide),
                learningRate: configuration.colourLearningRate)
        }
        if configuration.filterInfluence > 0 {
            workspace.plan.run(workspace.crops, into: &workspace.embedding)
            workspace.spectra!.transform(workspace.embedding)
            // The target's size in embedding cells, from its share of the exemplar region.
            let cellsPerPixel = Double(exemplarSize) / initialExemplarSide / Double(network.totalStride)
            let targetCells = (box.width * box.height).squareRoot() * cellsPerPixel
            let middle = (Double(workspace.embedding.width) - 1) / 2
            filter = CorrelationFilter(
                spectra: workspace.spectra!, item: configuration.scaleCount / 2, row: middle, column: middle,
                labelSigma: configuration.filterLabelSigma * targetCells, regularization: configuration.filterRegularization,
                learningRate: configuration.filterLearningRate)
        }
    }

    /// Starts tracking the target in `box` of `frame` (see the `PixelView` initialiser).
    public init(network: EmbeddingNetwork, configuration: TrackerConfiguration = TrackerConfiguration(), frame: RGBImage, box: Box) throws(TrackerError) {
        self = try frame.withPixelView { view throws(TrackerError) in
            try SiamFCTracker(network: network, configuration: configuration, frame: view, box: box)
        }
    }

    /// Starts tracking the target in `box` of `frame` with an ensemble (see the `PixelView` initialiser).
    public init(networks: [EmbeddingNetwork], configuration: TrackerConfiguration = TrackerConfiguration(), frame: RGBImage, box: Box) throws(TrackerError) {
        self = try frame.withPixelView { view throws(TrackerError) in
            try SiamFCTracker(networks: networks, configuration: configuration, frame: view, box: box)
        }
    }

    /// Starts tracking with the networks that ship with siamtrack (`EmbeddingNetwork.bundledEnsemble()`, loaded once per process).
    ///
    /// - Throws: `ModelError` if the bundled model cannot be read, `TrackerError` for a bad box or configuration.
    public init(configuration: TrackerConfiguration = TrackerConfiguration(), frame: PixelView, box: Box) throws {
        try self.init(networks: try EmbeddingNetwork.bundledEnsembleShared.get(), configuration: configuration, frame: frame, box: box)
    }

    /// Starts tracking with the networks that ship with siamtrack (see the `PixelView` initialiser).
    public init(configuration: TrackerConfiguration = TrackerConfiguration(), frame: RGBImage, box: Box) throws {
        try self.init(networks: try EmbeddingNetwork.bundledEnsembleShared.get(), configuration: configuration, frame: frame, box: box)
    }

    /// The current estimate of the target's box (while the target is judged absent, where the
    /// search follows the best match; the results carry the box where it was last seen).
    public var box: Box { Box(center: center, size: size(atScale: scale)) }

    /// The target's size at `scale` times the initial size.
    private func size(atScale scale: Double) -> Size {
        Size(width: initialTargetSize.width * scale, height: initialTargetSize.height * scale)
    }

    /// Finds the target in the next frame and moves the tracker there.
    public mutating func update(frame: RGBImage) -> TrackingResult {
        frame.withPixelView { update(frame: $0) }
    }

    /// Finds the target in the next frame, read in place, and moves the tracker there.
    public mutating func update(frame: PixelView) -> TrackingResult {
        var times = StageTimes()
        return update(frame: frame, times: &times)
    }

    /// `update(frame:)`, adding the seconds spent in each stage to `times`.
    package mutating func update(frame: PixelView, times: inout StageTimes) -> TrackingResult {
        // OpenMP's thread count belongs to the calling thread: trackers updated on other threads keep theirs.
        MatrixMultiply.setThreadCount(configuration.threads)
        if !isKnownUniquelyReferenced(&workspace) { workspace = workspace.fresh() }
        let (lastCenter, lastScale) = (center, scale)
        let found = searchNearby(frame, times: &times)
        let judges = configuration.absentBelow > 0
        usualConfidence.watch(found.confidence, recentMean: meanConfidence, configuration: configuration)
        let doubtful = judges && found.confidence < usualConfidence.absentLevel(configuration)
        let presentLevel = usualConfidence.presentLevel(configuration)
        framesInDoubt = doubtful ? framesInDoubt + 1 : 0
        framesReassuring = doubtful ? 0 : framesReassuring + 1
        // Present again: at once with a match of presentLevel, or after as many frames above the
        // absence level as it took to be judged absent.
        let nearLookAlike = !isTargetVisible && isLookAlike(found.peak)
        let back = !judges || (found.confidence >= presentLevel || framesReassuring >= configuration.absentAfterFrames) && !nearLookAlike
        if isTargetVisible ? framesInDoubt < configuration.absentAfterFrames : back {
            isTargetVisible = true
            framesPresent += 1
            if framesPresent >= returnLastsFrames { framesAbsent = 0 }
            usualConfidence.notePresent(found.confidence, configuration: configuration)
            meanConfidence += configuration.confidenceAveraging * (found.confidence - meanConfidence)
            let inDoubt = meanConfidence < configuration.widerSearchBelow
            if !doubtful { usualConfidence.learn(found.confidence, rate: configuration.usualConfidenceAveraging) }
            // A match under absentBelow may be background: the online models do not learn from it.
            // One that is only low for this target is still learnt from, to follow a target that changes.
            if found.confidence >= configuration.absentBelow && !inDoubt {
                var stopwatch = Stopwatch()
                learn(from: found)
                times.onlineModelSeconds += stopwatch.lap()
            }
            guard inDoubt, configuration.redetects else {
                redetection.restart()
                framesSinceLookAlikeSweep += 1
                if configuration.redetects, configuration.lookAlikeAbove > 0, !doubtful,
                    framesSinceLookAlikeSweep >= configuration.lookAlikeSweepPeriod
                {
                    var stopwatch = Stopwatch()
                    framesSinceLookAlikeSweep = 0
                    var sweep = lookAlikeSweep
                    rememberLookAlikes(frame, sweep: &sweep, target: box)
                    lookAlikeSweep = sweep
                    times.redetectionSeconds += stopwatch.lap()
                }
                return TrackingResult(box: box, score: found.confidence.clampedScore, isVisible: true)
            }
            let takeoverLevel = usualConfidence.takeoverLevel(configuration)
            if let candidate = searchWholeFrame(frame, acceptingFrom: takeoverLevel, times: &times), candidate.confidence >= takeoverLevel,
                candidate.confidence > found.confidence + configuration.switchMargin
            {
                center = candidate.center
                meanConfidence = candidate.confidence
                redetection.restart()
                return TrackingResult(box: box, score: candidate.confidence.clampedScore, isVisible: true)
            }
            return TrackingResult(box: box, score: found.confidence.clampedScore, isVisible: true)
        }
        // Judged absent: the line carries the box where the target was last seen, and nothing
        // learns. The search stays there while nothing nearby resembles the target, and follows the
        // best match otherwise: a target that changed (into shade, a new pose) is found again
        // when its match recovers.
        if isTargetVisible { lastSeenBox = Box(center: lastCenter, size: size(atScale: lastScale)) }
        if found.confidence < configuration.absentBelow || nearLookAlike {
            (center, scale) = (lastCenter, lastScale)
        }
        isTargetVisible = false
        usualConfidence.noteAbsent()
        framesPresent = 0
        framesAbsent += 1
        // A target that has just gone is seldom back at once somewhere else: what the whole-frame
        // search finds then is taken for a look-alike and remembered, not for the target.
        if configuration.redetects, let candidate = searchWholeFrame(frame, acceptingFrom: configuration.presentAbove, times: &times),
            candidate.confidence >= configuration.presentAbove
        {
            guard framesAbsent > configuration.lookAlikeFramesAfterLoss else {
                lookAlikes.remember(candidate.embedding)
                return TrackingResult(box: lastSeenBox, score: found.confidence.clampedScore, isVisible: false)
            }
            center = candidate.center
            isTargetVisible = true
            framesPresent = 1
            redetection.restart()
            return TrackingResult(box: box, score: candidate.confidence.clampedScore, isVisible: true)
        }
        return TrackingResult(box: lastSeenBox, score: found.confidence.clampedScore, isVisible: false)
    }

    /// Side in frame pixels of the middle scale's search crop at the current size.
    private var currentSearchSide: Double {
        initialExemplarSide * scale * Double(configuration.searchSize) / Double(configuration.exemplarSize)
    }

    /// What a search around the last position found.
    private struct NearbyResult {
        let peak: ScoreMapPeak
        /// Side of the middle scale's search crop in frame pixels.
        let searchSide: Double
        let confidence: Double
    }

    /// SiamFC's step: searches around the last position at every scale, blends in the online
    /// models, and moves the box to the peak.
    private mutating func searchNearby(_ frame: PixelView, times: inout StageTimes) -> NearbyResult {
        var stopwatch = Stopwatch()
        let workspace = workspace
        let searchSize = configuration.searchSize
        let searchSide = currentSearchSide
        for (item, factor) in scaleFactors.enumerated() {
            cropper.crop(frame, center: center, side: searchSide * factor, into: &workspace.crops, item: item)
        }
        times.cropSeconds += stopwatch.lap()
        embedCrops()
        times.embeddingSeconds += stopwatch.lap()
        correlateCrops()
        times.correlationSeconds += stopwatch.lap()
        let blends = filter != nil || colour != nil
        if blends {
            // Every response on one scale: the correlation relative to the exemplar's with itself,
            // the filter's relative to its Gaussian label, the colour model's a likelihood (each 1
            // at a perfect match).
            let filterInfluence = filter == nil ? 0 : configuration.filterInfluence
            let colourInfluence = colour == nil ? 0 : configuration.colourInfluence
            let energy = max(exemplarEnergy, .leastNormalMagnitude), exemplarWeight = Float((1 - filterInfluence) * (1 - colourInfluence))
            for i in workspace.scoreMaps.values.indices {
                workspace.exemplarScores[i] = workspace.scoreMaps.values[i] / energy
                workspace.scoreMaps.values[i] = exemplarWeight * workspace.exemplarScores[i]
            }
            if let filter {
                workspace.spectra!.transform(workspace.embedding)
                ScoreMapFusion.add(
                    filter, spectra: workspace.spectra!, weight: Float(filterInfluence * (1 - colourInfluence)), to: &workspace.scoreMaps)
            }
            if let colour {
                ScoreMapFusion.add(
                    colour, crops: workspace.crops, stride: peakFinder.totalStride, weight: Float(colourInfluence), to: &workspace.scoreMaps,
                    targetSize: { targetInCrop(offsetX: 0, offsetY: 0, scaleFactor: scaleFactors[$0], searchSide: searchSide).size })
            }
            times.onlineModelSeconds += stopwatch.lap()
        }
        let peak = peakFinder.peak(of: workspace.scoreMaps, buffer: &workspace.upsampledScoreMaps)

        let framePixelsPerSearchPixel = searchSide * scaleFactors[peak.scaleIndex] / Double(searchSize)
        center = Point(
            x: min(max(center.x + peak.offsetX * framePixelsPerSearchPixel, 0), Double(frame.width)),
            y: min(max(center.y + peak.offsetY * framePixelsPerSearchPixel, 0), Double(frame.height)))
        let damped = (1 - configuration.scaleDamping) + configuration.scaleDamping * scaleFactors[peak.scaleIndex]
        scale = min(max(scale * damped, configuration.minimumScale), configuration.maximumScale)

        // The confidence is the match with the exemplar at the peak, whatever moved the peak there.
        // Without the online models the maps hold raw correlations (plain SiamFC, bit for bit).
        let match = exemplarEnergy > 0
            ? (blends ? exemplarScore(at: peak, mapSide: workspace.scoreMaps.width) : Double(peak.rawScore / exemplarEnergy)) : 0
        let confidence = match * textureFactor
        times.postProcessingSeconds += stopwatch.lap()
        return NearbyResult(peak: peak, searchSide: searchSide, confidence: confidence)
    }

    /// The online models learn from the frame `found` was found in (the caller has judged its
    /// confidence, at least `absentBelow`, worth learning from).
    private mutating func learn(from found: NearbyResult) {
        guard filter != nil || colour != nil else { return }
        let peak = found.peak
        let middle = (Double(workspace.embedding.width) - 1) / 2, stride = Double(peakFinder.totalStride)
        if let spectra = workspace.spectra {
            filter?.update(
                spectra: spectra, item: peak.scaleIndex, row: middle + peak.offsetY / stride, column: middle + peak.offsetX / stride)
        }
        // The crop was cut at the old size; the box is the new one.
        let target = targetInCrop(offsetX: peak.offsetX, offsetY: peak.offsetY, scaleFactor: scaleFactors[peak.scaleIndex], searchSide: found.searchSide)
        colour?.update(crops: workspace.crops, item: peak.scaleIndex, target: target)
    }

    /// Looks for the target away from its last position: the exemplar correlated with the next
    /// tiles of `redetection`'s sweep at the current size, as many as there are scales.
    ///
    /// - Returns: the best-matching position that is not a remembered look-alike (candidates of
    ///   `acceptable` confidence or more are compared with the look-alikes), its confidence and
    ///   the first network's embedding there; nil without an exemplar or when every candidate
    ///   checked is a look-alike.
    private mutating func searchWholeFrame(
        _ frame: PixelView, acceptingFrom acceptable: Double, times: inout StageTimes
    ) -> (center: Point, confidence: Double, embedding: [Float])? {
        guard exemplarEnergy > 0 else { return nil }
        var stopwatch = Stopwatch()
        let workspace = workspace
        let searchSide = currentSearchSide
        let tiles = redetection.nextCentres(
            count: configuration.scaleCount, side: searchSide, width: frame.width, height: frame.height, lastSeen: center)
        cropTiles(tiles, of: frame, side: searchSide)
        embedCrops()
        correlateCrops()
        let side = workspace.scoreMaps.width, plane = side * side
        let maps = workspace.scoreMaps.values.prefix(plane * tiles.count)
        // The best match that is not a remembered look-alike, nor next to one (its neighbouring
        // cells see it shifted); past the first few, the rest are look-alikes too.
        let ranked = maps.indices.sorted { maps[$0] > maps[$1] }
        let targetSize = box.size
        var lookAlikesHere: [Point] = []
        var found: (center: Point, confidence: Double, embedding: [Float])?
        for index in ranked.prefix(Self.lookAlikesChecked) {
            let confidence = Double(maps[index] / exemplarEnergy) * textureFactor
            let tile = index / plane, row = index % plane / side, column = index % side
            let position = framePosition(tile: tiles[tile], row: row, column: column, searchSide: searchSide)
            if confidence >= acceptable {
                if lookAlikesHere.contains(where: { abs($0.x - position.x) < targetSize.width && abs($0.y - position.y) < targetSize.height }) { continue }
                if lookAlikes.isLookAlike(workspace.embedding.patchesAround(item: tile, row: row, column: column, side: exemplarEmbedding.width)) {
                    // Remembered as it looks now: a look-alike that moves and turns stays known.
                    lookAlikes.remember(workspace.embedding.patch(item: tile, row: row, column: column, side: exemplarEmbedding.width))
                    lookAlikesHere.append(position)
                    continue
                }
            }
            found = (position, confidence, workspace.embedding.patch(item: tile, row: row, column: column, side: exemplarEmbedding.width))
            break
        }
        times.redetectionSeconds += stopwatch.lap()
        return found
    }

    /// Cuts the search crops, one per tile (the last repeated where there are fewer tiles than crops).
    private func cropTiles(_ tiles: [Point], of frame: PixelView, side: Double) {
        for item in 0..<configuration.scaleCount {
            cropper.crop(frame, center: tiles[min(item, tiles.count - 1)], side: side, into: &workspace.crops, item: item)
        }
    }

    /// Frames a return must last to end a loss: twice the frames it takes to judge the target
    /// absent. A target judged absent again sooner was found on something else, and the frames
    /// after a loss (`lookAlikeFramesAfterLoss`) count on from the first loss.
    private var returnLastsFrames: Int { 2 * configuration.absentAfterFrames }

    /// Candidates the whole-frame search compares with the look-alikes before it gives up.
    private static let lookAlikesChecked = 64

    /// The frame position of score-map cell (`row`, `column`) of a search crop of `searchSide`
    /// frame pixels centred on `tile`.
    private func framePosition(tile: Point, row: Int, column: Int, searchSide: Double) -> Point {
        let framePixelsPerCell = searchSide / Double(configuration.searchSize) * Double(peakFinder.totalStride)
        let middle = Double(workspace.scoreMaps.width - 1) / 2
        return Point(x: tile.x + (Double(column) - middle) * framePixelsPerCell, y: tile.y + (Double(row) - middle) * framePixelsPerCell)
    }

    /// Whether the nearby search's peak is nearer a remembered look-alike than the target.
    private func isLookAlike(_ peak: ScoreMapPeak) -> Bool {
        guard !lookAlikes.templates.isEmpty else { return false }
        let last = workspace.scoreMaps.width - 1
        let row = min(max(Int(peak.row.rounded()), 0), last), column = min(max(Int(peak.column.rounded()), 0), last)
        return lookAlikes.isLookAlike(workspace.embedding.patchesAround(item: peak.scaleIndex, row: row, column: column, side: exemplarEmbedding.width))
    }

    /// Correlates the first network's exemplar with the next tiles of `sweep` and remembers each
    /// local peak of `lookAlikeAbove` or more away from the target's box as a look-alike.
    private mutating func rememberLookAlikes(_ frame: PixelView, sweep: inout RedetectionScan, target: Box) {
        guard exemplarEnergy > 0 else { return }
        let workspace = workspace
        let searchSide = currentSearchSide
        let tiles = sweep.nextCentres(count: configuration.scaleCount, side: searchSide, width: frame.width, height: frame.height, lastSeen: center)
        cropTiles(tiles, of: frame, side: searchSide)
        workspace.plan.run(workspace.crops, into: &workspace.embedding)
        CrossCorrelation.scoreMaps(exemplar: exemplarEmbedding, search: workspace.embedding, into: &workspace.scoreMaps)
        let side = workspace.scoreMaps.width
        let above = Float(configuration.lookAlikeAbove / textureFactor) * exemplarEnergy
        for (item, tile) in tiles.enumerated() {
            let map = workspace.scoreMaps.planeOffset(channel: 0, item: item)
            func score(_ row: Int, _ column: Int) -> Float { workspace.scoreMaps.values[map + row * side + column] }
            for row in 0..<side {
                for column in 0..<side where score(row, column) >= above {
                    let isLocalPeak = (max(row - 1, 0)...min(row + 1, side - 1)).allSatisfy { y in
                        (max(column - 1, 0)...min(column + 1, side - 1)).allSatisfy { x in score(y, x) <= score(row, column) }
                    }
                    let position = framePosition(tile: tile, row: row, column: column, searchSide: searchSide)
                    guard isLocalPeak,
                        abs(position.x - target.center.x) >= target.width || abs(position.y - target.center.y) >= target.height
                    else { continue }
                    lookAlikes.remember(workspace.embedding.patch(item: item, row: row, column: column, side: exemplarEmbedding.width))
                }
            }
        }
    }

    /// Embeds the workspace's crops with every network.
    private func embedCrops() {
        let workspace = workspace
        workspace.plan.run(workspace.crops, into: &workspace.embedding)
        for i in workspace.partners.indices { workspace.partners[i].plan.run(workspace.crops, into: &workspace.partners[i].embedding) }
    }

    /// The score maps of the crops: the first network's correlation with its exemplar, or with an
    /// ensemble the mean of every network's, each in the first network's units.
    private func correlateCrops() {
        let workspace = workspace
        CrossCorrelation.scoreMaps(exemplar: exemplarEmbedding, search: workspace.embedding, into: &workspace.scoreMaps)
        guard !partnerExemplars.isEmpty else { return }
        for (i, partner) in partnerExemplars.enumerated() {
            CrossCorrelation.scoreMaps(exemplar: partner.embedding, search: workspace.partners[i].embedding, into: &workspace.partners[i].scoreMaps)
            let weight = partner.weight
            workspace.partners[i].scoreMaps.values.withUnsafeBufferPointer { partnerMaps in
                for j in workspace.scoreMaps.values.indices { workspace.scoreMaps.values[j] += weight * partnerMaps[j] }
            }
        }
        let share = 1 / Float(partnerExemplars.count + 1)
        for j in workspace.scoreMaps.values.indices { workspace.scoreMaps.values[j] *= share }
    }

    /// 1, or less in proportion for an exemplar of little contrast.
    private var textureFactor: Double { min(1, exemplarContrast / Self.fullConfidenceContrast) }

    private static func standardDeviation(_ values: [Float]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        return (values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)).squareRoot()
    }

    /// The exemplar's score at the peak, read bilinearly from `workspace.exemplarScores`.
    private func exemplarScore(at peak: ScoreMapPeak, mapSide: Int) -> Double {
        let plane = peak.scaleIndex * mapSide * mapSide
        let (row, column) = (min(peak.row, Double(mapSide - 1)), min(peak.column, Double(mapSide - 1)))
        let (top, left) = (Int(row), Int(column))
        let (bottom, right) = (min(top + 1, mapSide - 1), min(left + 1, mapSide - 1))
        let (fy, fx) = (row - Double(top), column - Double(left))
        func at(_ y: Int, _ x: Int) -> Double { Double(workspace.exemplarScores[plane + y * mapSide + x]) }
        let upper = at(top, left) * (1 - fx) + at(top, right) * fx, lower = at(bottom, left) * (1 - fx) + at(bottom, right) * fx
        return upper * (1 - fy) + lower * fy
    }

    /// The target's box in the pixels of a search crop of side `searchSide * scaleFactor` frame
    /// pixels, at the current size, its centre `offset` crop pixels from the crop's centre.
    private func targetInCrop(offsetX: Double, offsetY: Double, scaleFactor: Double, searchSide: Double) -> Box {
        let cropPixelsPerFramePixel = Double(configuration.searchSize) / (searchSide * scaleFactor)
        let centre = Double(configuration.searchSize) / 2
        return Box(
            center: Point(x: centre + offsetX, y: centre + offsetY),
            size: Size(width: box.width * cropPixelsPerFramePixel, height: box.height * cropPixelsPerFramePixel))
    }

    private static func validate(_ configuration: TrackerConfiguration) throws(TrackerError) {
        let c = configuration
        guard (1...TrackerConfiguration.maximumThreads).contains(c.threads) else {
            throw .invalidConfiguration("threads must lie in 1...\(TrackerConfiguration.maximumThreads)")
        }
        guard c.scaleCount >= 1, c.scaleCount % 2 == 1 else { throw .invalidConfiguration("scaleCount must be odd and positive") }
        guard c.exemplarSize > 0, c.searchSize > c.exemplarSize else {
            throw .invalidConfiguration("searchSize must exceed exemplarSize, both positive")
        }
        let numbers = [c.contextAmount, c.scaleStep, c.scalePenalty, c.minimumScale, c.maximumScale, c.filterLabelSigma, c.filterRegularization]
        guard numbers.allSatisfy(\.isFinite), c.contextAmount >= 0, c.scaleStep <= 2, c.scalePenalty > 0, c.scalePenalty <= 1,
            c.scoreMapUpsampling <= 64, c.searchSize <= 1023
        else { throw .invalidConfiguration("a setting is not finite or out of range (scale step at most 2, search size at most 1023)") }
        guard (0...1).contains(c.absentBelow), (0...1).contains(c.presentAbove), (0...1).contains(c.widerSearchBelow),
            (0...1).contains(c.absentBelowUsual), (0...1).contains(c.presentAboveUsual), c.presentAboveUsual == 0 || c.presentAboveUsual >= c.absentBelowUsual,
            (0...1).contains(c.usualConfidenceAveraging), (0...1).contains(c.usualHeldBelow),
            (0...1).contains(c.takeoverAboveUsual), (0...1).contains(c.confirmedAboveUsual),
            c.presentAbove >= max(c.absentBelow, c.widerSearchBelow), (0...1).contains(c.confidenceAveraging), (0...1).contains(c.switchMargin)
        else {
            throw .invalidConfiguration(
                "absentBelow(Usual), presentAbove(Usual), widerSearchBelow, usualHeldBelow, takeoverAboveUsual, confirmedAboveUsual, the averaging rates and switchMargin must lie in [0, 1], presentAbove at least absentBelow and widerSearchBelow, presentAboveUsual at least absentBelowUsual")
        }
        guard c.scaleStep > 0, c.scoreMapUpsampling >= 1, (0...1).contains(c.windowInfluence), (0...1).contains(c.scaleDamping),
            c.minimumScale > 0, c.maximumScale >= c.minimumScale,
            (0...1).contains(c.filterInfluence), (0...1).contains(c.filterLearningRate), c.filterRegularization > 0,
            (0...1).contains(c.colourInfluence), (0...1).contains(c.colourLearningRate),
            c.filterLabelSigma > 0
        else { throw .invalidConfiguration("a step, factor or influence is out of range") }
        guard (0...1).contains(c.lookAlikeAbove), c.lookAlikeSweepPeriod >= 1, c.lookAlikeFramesAfterLoss >= 0 else {
            throw .invalidConfiguration("lookAlikeAbove must lie in [0, 1], lookAlikeSweepPeriod be positive and lookAlikeFramesAfterLoss not negative")
        }
    }
}

private extension Double {
    /// The confidence as a score in [0, 1]; a network whose outputs overflow must not print `nan`.
    var clampedScore: Double { isFinite ? min(max(self, 0), 1) : 0 }
}
