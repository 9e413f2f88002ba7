import Foundation

/// Finds `ScoreMapPeak`s; holds what does not change from frame to frame.
struct ScoreMapPeakFinder: Sendable {
    private let upsampler: BicubicUpsampler
    /// Hann window over the upsampled map, summing to 1.
    private let window: [Float]
    private let configuration: TrackerConfiguration
    /// Search-crop pixels per upsampled score-map cell.
    private let pixelsPerCell: Double
    /// Search-crop pixels per embedding cell.
    let totalStride: Int

    init(mapSize: Int, totalStride: Int, configuration: TrackerConfiguration) {
        upsampler = BicubicUpsampler(inputSize: mapSize, factor: configuration.scoreMapUpsampling)
        let size = upsampler.outputSize
        let hann = (0..<size).map { 0.5 - 0.5 * Foundation.cos(2 * Double.pi * Double($0) / Double(size - 1)) }
        let total = hann.reduce(0, +) * hann.reduce(0, +)
        window = (0..<(size * size)).map { Float(hann[$0 / size] * hann[$0 % size] / total) }
        self.configuration = configuration
        pixelsPerCell = Double(totalStride) / Double(configuration.scoreMapUpsampling)
        self.totalStride = totalStride
    }

    /// The peak of a batch of score maps, one per search scale (middle scale = no change),
    /// upsampling into `buffer`, which grows on first use and is reused after.
    func peak(of scoreMaps: FeatureMap, buffer: inout [Float]) -> ScoreMapPeak {
        let size = upsampler.outputSize, plane = size * size
        let needed = scoreMaps.batch * (plane + upsampler.scratchCount)
        if buffer.count < needed { buffer = [Float](repeating: 0, count: needed) }
        let middle = scoreMaps.batch / 2
        let penalty = Float(configuration.scalePenalty)
        return buffer.withUnsafeMutableBufferPointer { buffer in
            let maps = buffer.baseAddress!
            scoreMaps.values.withUnsafeBufferPointer { coarse in
                upsampler.upsample(coarse.baseAddress!, count: scoreMaps.batch, into: maps, scratch: maps + scoreMaps.batch * plane)
            }
            // Plain SiamFC form: a multiplied penalty on the changed scales (a bonus for negative
            // peaks, measured no worse); the maximum of a positively scaled map is the scaled maximum.
            var chosen = middle, best = -Float.infinity
            for item in 0..<scoreMaps.batch {
                let map = UnsafeBufferPointer(start: maps + item * plane, count: plane)
                let value = VectorReductions.maximum(map) * (item == middle ? 1 : penalty)
                if value > best { (chosen, best) = (item, value) }
            }
            let map = UnsafeBufferPointer(start: maps + chosen * plane, count: plane)
            let minimum = VectorReductions.minimum(map)
            let sum = VectorReductions.sum(map, minus: minimum)
            // The window blend of SiamFC, (1 - w) * (x - min) / sum + w * window, in one pass.
            let influence = Float(configuration.windowInfluence)
            let slope = (1 - influence) / (sum + 1e-16)
            let location = window.withUnsafeBufferPointer { window in
                let mapBytes = UnsafeRawPointer(map.baseAddress!), windowBytes = UnsafeRawPointer(window.baseAddress!)
                typealias Vector = VectorReductions.Vector
                return VectorReductions.firstIndexOfMaximum(
                    count: plane,
                    vector: { start in
                        let values = mapBytes.loadUnaligned(fromByteOffset: start * 4, as: Vector.self)
                        let weights = windowBytes.loadUnaligned(fromByteOffset: start * 4, as: Vector.self)
                        return slope * (values - Vector(repeating: minimum)) + influence * weights
                    },
                    scalar: { i in slope * (map[i] - minimum) + influence * window[i] })
            }
            let centre = Double(size - 1) / 2
            // Corners aligned: the upsampled map's first and last cells are the coarse map's.
            let coarseCellsPerCell = Double(scoreMaps.width - 1) / Double(size - 1)
            return ScoreMapPeak(
                scaleIndex: chosen,
                offsetX: (Double(location % size) - centre) * pixelsPerCell,
                offsetY: (Double(location / size) - centre) * pixelsPerCell,
                rawScore: map[location],
                row: Double(location / size) * coarseCellsPerCell,
                column: Double(location % size) * coarseCellsPerCell)
        }
    }
}
