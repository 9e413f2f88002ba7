import SiameseTracker
import Geometry
import Imaging

/// One annotated clip prepared for training: per frame, the region around the target at
/// search-crop resolution (nil where the target is absent).
///
/// Cutting every region once up front keeps full frames out of memory and makes each training
/// pair a cheap crop of a small image.
package struct TrainingClip: Sendable {
    /// Side of each stored region in pixels: the 255-pixel search crop plus room for shifts and scaling.
    package static let regionSize = 303

    /// Clip name, for messages.
    package let name: String
    /// Region per frame.
    package private(set) var regions: [RGBImage?] = []

    /// An empty clip to which frames are added in order.
    package init(name: String) { self.name = name }

    /// Adds the next frame: cuts the region around `box` (nil or not finite: target absent).
    package mutating func append(frame: RGBImage, box: Box?, configuration: TrackerConfiguration = TrackerConfiguration()) {
        guard let box, box.isFinite, !box.isEmpty else {
            regions.append(nil)
            return
        }
        let regionSide = Self.regionSide(for: box.size, configuration: configuration)
        var map = FeatureMap(channels: 3, batch: 1, height: Self.regionSize, width: Self.regionSize)
        CropAndResize(paddingWithMeanOf: frame).crop(frame, center: box.center, side: regionSide, outputSize: Self.regionSize, into: &map, item: 0)
        regions.append(map.rgbImage(item: 0))
    }

    /// Adds a frame whose region is already cut (`regionSize` square, target centred).
    mutating func append(region: RGBImage) {
        precondition(region.width == Self.regionSize && region.height == Self.regionSize, "region size")
        regions.append(region)
    }

    /// Side in frame pixels of the region around a target of `size`: SiamFC's search side
    /// (context added, scaled to the search crop), widened from 255 to `regionSize` crop pixels.
    static func regionSide(for size: Size, configuration: TrackerConfiguration = TrackerConfiguration()) -> Double {
        configuration.exemplarSide(for: size) * Double(Self.regionSize) / Double(configuration.exemplarSize)
    }

    /// Indices of frames where the target is present.
    package var presentFrames: [Int] { regions.indices.filter { regions[$0] != nil } }
}

extension FeatureMap {
    /// Batch item `item` of a 3-channel map as an 8-bit image (rounded, clamped to 0...255).
    func rgbImage(item: Int) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for channel in 0..<3 {
            let offset = planeOffset(channel: channel, item: item)
            for i in 0..<(width * height) {
                pixels[i * 3 + channel] = UInt8(min(max(values[offset + i].rounded(), 0), 255))
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
