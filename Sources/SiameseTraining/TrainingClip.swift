import Geometry
import Imaging
import SiameseTracker

/// One annotated clip prepared for training: per frame, the region around the target at
/// search-crop resolution (nil where the target is absent).
///
/// Cutting every region once up front keeps full frames out of memory and makes each training
/// pair a cheap crop of a small image.
package struct TrainingClip: Sendable {
    /// Side of each stored region in pixels (`TrainingConfiguration.regionSize`).
    package let regionSize: Int

    /// Clip name, for messages.
    package let name: String
    /// Region per frame.
    package private(set) var regions: [RGBImage?] = []
    /// The target's size per frame (nil where absent) in the pixels of an exemplar crop cut at
    /// its own size: what the exemplar would show of it, before any augmentation.
    package private(set) var exemplarSizes: [Size?] = []

    /// An empty clip to which frames are added in order, each as a `regionSize` square.
    package init(name: String, regionSize: Int) {
        self.name = name
        self.regionSize = regionSize
    }

    /// Adds the next frame: cuts the region around `box` (nil or not finite: target absent).
    package mutating func append(frame: RGBImage, box: Box?, configuration: TrackerConfiguration = TrackerConfiguration()) {
        guard let box, box.isFinite, !box.isEmpty else {
            regions.append(nil)
            exemplarSizes.append(nil)
            return
        }
        let regionSide = regionSide(for: box.size, configuration: configuration)
        var map = FeatureMap(channels: 3, batch: 1, height: regionSize, width: regionSize)
        CropAndResize(paddingWithMeanOf: frame).crop(frame, center: box.center, side: regionSide, outputSize: regionSize, into: &map, item: 0)
        regions.append(map.rgbImage(item: 0))
        exemplarSizes.append(Self.exemplarSize(of: box.size, configuration: configuration))
    }

    /// Adds a frame whose region is already cut (`regionSize` square, target of `targetSize` centred).
    mutating func append(region: RGBImage, targetSize: Size, configuration: TrackerConfiguration = TrackerConfiguration()) {
        precondition(region.width == regionSize && region.height == regionSize, "region size")
        regions.append(region)
        exemplarSizes.append(Self.exemplarSize(of: targetSize, configuration: configuration))
    }

    /// A target's size in the pixels of an exemplar crop cut around it (context added).
    static func exemplarSize(of size: Size, configuration: TrackerConfiguration) -> Size {
        let cropPixelsPerPixel = Double(configuration.exemplarSize) / configuration.exemplarSide(for: size)
        return Size(width: size.width * cropPixelsPerPixel, height: size.height * cropPixelsPerPixel)
    }

    /// Side in frame pixels of the region around a target of `size`: SiamFC's search side
    /// (context added, scaled to the search crop), widened from 255 to `regionSize` crop pixels.
    func regionSide(for size: Size, configuration: TrackerConfiguration = TrackerConfiguration()) -> Double {
        configuration.exemplarSide(for: size) * Double(regionSize) / Double(configuration.exemplarSize)
    }

    /// Indices of frames where the target is present.
    package var presentFrames: [Int] { regions.indices.filter { regions[$0] != nil } }
}
