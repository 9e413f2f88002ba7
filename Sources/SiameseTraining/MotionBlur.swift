import Foundation
import SiameseTracker

/// Blur along a straight line, as a camera or a target that moves during the exposure leaves it:
/// each pixel becomes the mean of the pixels on a segment through it, of a random direction and
/// length. Applied to some search crops, so the network learns to find a sharp exemplar in a
/// blurred frame.
package struct MotionBlur: Codable, Sendable, Equatable {
    /// Probability that a pair's search crop is blurred.
    package var probability = 0.25
    /// Longest segment, in search-crop pixels.
    package var maximumLength = 15.0
    /// Shortest segment, in search-crop pixels.
    package static let minimumLength = 3.0

    /// The default blur.
    package init() {}

    /// Blurs item `item` of `map` (every channel) with this probability.
    func apply(to map: inout FeatureMap, item: Int, random: inout SeededRandom) {
        guard random.nextUnit() < probability else { return }
        let angle = random.nextUnit() * Double.pi
        let length = Self.minimumLength + random.nextUnit() * max(0, maximumLength - Self.minimumLength)
        let steps = Int(length.rounded(.up))
        let offsets = (0...steps).map { step in
            let t = (Double(step) / Double(steps) - 0.5) * length
            return (x: Int((t * Foundation.cos(angle)).rounded()), y: Int((t * Foundation.sin(angle)).rounded()))
        }
        let (height, width) = (map.height, map.width)
        let scale = 1 / Float(offsets.count)
        for channel in 0..<map.channels {
            let base = map.planeOffset(channel: channel, item: item)
            let plane = Array(map.values[base..<base + map.planeSize])
            for y in 0..<height {
                for x in 0..<width {
                    var sum: Float = 0
                    for offset in offsets {
                        let sx = min(max(x + offset.x, 0), width - 1), sy = min(max(y + offset.y, 0), height - 1)
                        sum += plane[sy * width + sx]
                    }
                    map.values[base + y * width + x] = sum * scale
                }
            }
        }
    }
}
