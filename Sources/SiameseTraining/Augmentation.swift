import SiameseTracker

/// Random changes applied to training pairs so the network learns what stays the same:
/// small shifts and scalings of the search crop, colour jitter, greyscale, and motion blur if asked.
package struct Augmentation: Sendable, Codable, Equatable {
    /// Largest shift of the search crop, in search-crop pixels.
    package var maximumShift = 8.0
    /// Largest relative change of crop size (0.05: ±5%).
    package var maximumScaleChange = 0.05
    /// Probability that both crops of a pair become grey.
    package var greyscaleProbability = 0.2
    /// Largest relative change of contrast, and of each channel's gain.
    package var maximumContrastChange = 0.2
    /// Largest brightness offset in 0...255 units.
    package var maximumBrightnessOffset = 20.0
    /// Blur of some search crops along a line; nil: none.
    package var motionBlur: MotionBlur?

    /// Colour used where a crop leaves its region (roughly the mean of natural images).
    static let paddingColour: (red: Float, green: Float, blue: Float) = (124, 116, 104)

    /// The default augmentation.
    package init() {}

    /// Geometric jitter for one pair.
    struct Motion {
        var exemplarScale: Double
        var searchScale: Double
        var shiftX: Double
        var shiftY: Double
    }

    func motion(random: inout SeededRandom) -> Motion {
        func symmetric(_ limit: Double) -> Double { (random.nextUnit() * 2 - 1) * limit }
        return Motion(
            exemplarScale: 1 + symmetric(maximumScaleChange), searchScale: 1 + symmetric(maximumScaleChange),
            shiftX: symmetric(maximumShift), shiftY: symmetric(maximumShift))
    }

    /// Jitters brightness, contrast and channel gains of each crop; sometimes makes both grey.
    /// A context crop of the exemplar's frame, if any, changes as the exemplar does.
    func recolour(exemplars: inout FeatureMap, searches: inout FeatureMap, contexts: inout FeatureMap?, item: Int, random: inout SeededRandom) {
        let grey = random.nextUnit() < greyscaleProbability
        for crop in 0..<2 {
            let contrast = Float(1 + (random.nextUnit() * 2 - 1) * maximumContrastChange)
            let offset = Float((random.nextUnit() * 2 - 1) * maximumBrightnessOffset)
            let gains = (0..<3).map { _ in Float(1 + (random.nextUnit() * 2 - 1) * maximumContrastChange / 2) }
            if crop == 0 {
                Self.apply(to: &exemplars, item: item, contrast: contrast, offset: offset, gains: gains, grey: grey)
                if contexts != nil { Self.apply(to: &contexts!, item: item, contrast: contrast, offset: offset, gains: gains, grey: grey) }
            } else {
                Self.apply(to: &searches, item: item, contrast: contrast, offset: offset, gains: gains, grey: grey)
            }
        }
    }

    private static func apply(to map: inout FeatureMap, item: Int, contrast: Float, offset: Float, gains: [Float], grey: Bool) {
        let (r, g, b) = (map.planeOffset(channel: 0, item: item), map.planeOffset(channel: 1, item: item), map.planeOffset(channel: 2, item: item))
        func adjust(_ value: Float, _ channel: Int) -> Float {
            min(max(((value - 128) * contrast + 128) * gains[channel] + offset, 0), 255)
        }
        for i in 0..<map.planeSize {
            var (red, green, blue) = (map.values[r + i], map.values[g + i], map.values[b + i])
            if grey {
                let luma = 0.299 * red + 0.587 * green + 0.114 * blue
                (red, green, blue) = (luma, luma, luma)
            }
            map.values[r + i] = adjust(red, 0)
            map.values[g + i] = adjust(green, 1)
            map.values[b + i] = adjust(blue, 2)
        }
    }
}
