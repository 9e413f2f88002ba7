import Foundation

/// SiamFC's post-processing of the score maps: upsample, penalise scale changes, pick the scale
/// with the highest peak, then find its peak after blending with a cosine window.
struct ScoreMapPeak: Sendable {
    /// The winning scale's index.
    var scaleIndex: Int
    /// Offset of the peak from the map centre, in search-crop pixels.
    var offsetX: Double
    var offsetY: Double
    /// Raw correlation at the peak, before penalty and window.
    var rawScore: Float
}

/// Finds `ScoreMapPeak`s; holds what does not change from frame to frame.
struct ScoreMapPeakFinder: Sendable {
    private let upsampler: BicubicUpsampler
    /// Hann window over the upsampled map, summing to 1.
    private let window: [Float]
    private let configuration: TrackerConfiguration
    /// Search-crop pixels per upsampled score-map cell.
    private let pixelsPerCell: Double

    init(mapSize: Int, totalStride: Int, configuration: TrackerConfiguration) {
        upsampler = BicubicUpsampler(inputSize: mapSize, factor: configuration.scoreMapUpsampling)
        let size = upsampler.outputSize
        let hann = (0..<size).map { 0.5 - 0.5 * Foundation.cos(2 * Double.pi * Double($0) / Double(size - 1)) }
        let total = hann.reduce(0, +) * hann.reduce(0, +)
        window = (0..<(size * size)).map { Float(hann[$0 / size] * hann[$0 % size] / total) }
        self.configuration = configuration
        pixelsPerCell = Double(totalStride) / Double(configuration.scoreMapUpsampling)
    }

    /// The peak of a batch of score maps, one per search scale (middle scale = no change).
    func peak(of scoreMaps: FeatureMap) -> ScoreMapPeak {
        let middle = scoreMaps.batch / 2
        var best: (index: Int, map: [Float], value: Float)?
        scoreMaps.values.withUnsafeBufferPointer { maps in
            for item in 0..<scoreMaps.batch {
                let plane = UnsafeBufferPointer(rebasing: maps[(item * scoreMaps.planeSize)..<((item + 1) * scoreMaps.planeSize)])
                var map = upsampler.upsample(plane)
                if item != middle {
                    // Plain SiamFC form: a multiplied penalty (a bonus for negative peaks, measured no worse).
                    let penalty = Float(configuration.scalePenalty)
                    for i in map.indices { map[i] *= penalty }
                }
                let value = map.max()!
                if best == nil || value > best!.value { best = (item, map, value) }
            }
        }
        let chosen = best!
        let size = upsampler.outputSize
        let penalty = chosen.index == middle ? 1 : Float(configuration.scalePenalty)
        let minimum = chosen.map.min()!
        let sum = chosen.map.reduce(0) { $0 + ($1 - minimum) }
        let influence = Float(configuration.windowInfluence)
        var location = 0, bestValue = -Float.infinity
        for i in chosen.map.indices {
            let normalised = (chosen.map[i] - minimum) / (sum + 1e-16)
            let value = (1 - influence) * normalised + influence * window[i]
            if value > bestValue { bestValue = value; location = i }
        }
        let centre = Double(size - 1) / 2
        return ScoreMapPeak(
            scaleIndex: chosen.index,
            offsetX: (Double(location % size) - centre) * pixelsPerCell,
            offsetY: (Double(location / size) - centre) * pixelsPerCell,
            rawScore: chosen.map[location] / penalty)
    }
}
