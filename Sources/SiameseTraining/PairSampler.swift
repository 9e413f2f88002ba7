import Foundation
import Geometry
import Imaging
import SiameseTracker

/// Draws SiamFC training pairs: an exemplar from one frame of a clip and a search crop from a
/// frame at most `TrainingConfiguration.maximumFrameGap` away, or, for negative pairs, from another
/// clip (as many of them as `TrainingConfiguration.lookAlikeNegativeShare` says from a clip of the same kind).
package struct PairSampler: Sendable {
    /// A batch of pairs ready for the network.
    package struct Batch {
        /// `3 x batch x 127 x 127` exemplar crops.
        package var exemplars: FeatureMap
        /// `3 x batch x 255 x 255` search crops.
        package var searches: FeatureMap
        /// Where each exemplar's object lies in its search crop.
        package var targets: [PairTarget]
        /// `3 x batch x 255 x 255` crops of the exemplars' frames at search size, the object in
        /// the middle at the exemplar's scale (only when the run trains through the correlation filter).
        package var contexts: FeatureMap?
        /// Each object's size `√(w·h)` in the contexts, in embedding cells.
        package var contextTargetCells: [Double] = []
    }

    private let clips: [TrainingClip]
    private let present: [[Int]]
    /// Per clip, the other clips of its kind.
    private let sameKind: [[Int]]
    private let configuration: TrackerConfiguration
    private let totalStride: Int
    /// The frame gap, negative share and augmentation in use.
    private let training: TrainingConfiguration

    /// A sampler over clips that have at least two frames with the target present, drawing pairs
    /// as `training` says, cropped as `configuration` crops.
    package init(
        clips: [TrainingClip], totalStride: Int, training: TrainingConfiguration,
        configuration: TrackerConfiguration = TrackerConfiguration()
    ) {
        let usable = clips.filter { $0.presentFrames.count >= 2 }
        precondition(usable.allSatisfy { $0.regionSize == training.regionSize }, "clips cut at another region size")
        self.clips = usable
        present = usable.map(\.presentFrames)
        let kinds = usable.map { ClipKind(clipName: $0.name) }
        sameKind = kinds.indices.map { clip in kinds.indices.filter { $0 != clip && kinds[$0] == kinds[clip] } }
        self.configuration = configuration
        self.totalStride = totalStride
        self.training = training
    }

    /// Number of clips that can give pairs.
    package var clipCount: Int { clips.count }

    /// Number of clips with another clip of their kind, which can give look-alike negatives.
    package var clipsWithLookAlikes: Int { sameKind.filter { !$0.isEmpty }.count }

    /// Draws `size` pairs.
    package func batch(size: Int, random: inout SeededRandom) -> Batch {
        let exemplarSize = configuration.exemplarSize, searchSize = configuration.searchSize
        var batch = Batch(
            exemplars: FeatureMap(channels: 3, batch: size, height: exemplarSize, width: exemplarSize),
            searches: FeatureMap(channels: 3, batch: size, height: searchSize, width: searchSize),
            targets: [],
            contexts: training.correlationFilter == nil ? nil : FeatureMap(channels: 3, batch: size, height: searchSize, width: searchSize))
        let centre = Double(training.regionSize) / 2
        let augmentation = training.augmentation
        let mapCentre = Double(searchSize - 1) / 2 / Double(totalStride) - Double(exemplarSize - 1) / 2 / Double(totalStride)
        for item in 0..<size {
            let clip = Int(random.next() % UInt64(clips.count))
            let frames = present[clip]
            let first = frames[Int(random.next() % UInt64(frames.count))]
            let near = frames.filter { $0 != first && abs($0 - first) <= training.maximumFrameGap }
            let second = near.isEmpty ? first : near[Int(random.next() % UInt64(near.count))]
            let exemplarRegion = clips[clip].regions[first]!
            let isNegative = clips.count > 1 && random.nextUnit() < training.negativeFraction
            let searchRegion: RGBImage
            if isNegative {
                let other: Int
                if let share = training.lookAlikeNegativeShare, !sameKind[clip].isEmpty, random.nextUnit() < share {
                    other = sameKind[clip][Int(random.next() % UInt64(sameKind[clip].count))]
                } else {
                    other = (clip + 1 + Int(random.next() % UInt64(clips.count - 1))) % clips.count
                }
                searchRegion = clips[other].regions[present[other][Int(random.next() % UInt64(present[other].count))]]!
            } else {
                searchRegion = clips[clip].regions[second]!
            }
            let motion = augmentation.motion(random: &random)
            let cropper = CropAndResize(padding: Augmentation.paddingColour)
            cropper.crop(
                exemplarRegion, center: Point(x: centre, y: centre), side: Double(exemplarSize) * motion.exemplarScale,
                outputSize: exemplarSize, into: &batch.exemplars, item: item)
            cropper.crop(
                searchRegion, center: Point(x: centre + motion.shiftX, y: centre + motion.shiftY),
                side: Double(searchSize) * motion.searchScale, outputSize: searchSize, into: &batch.searches, item: item)
            augmentation.motionBlur?.apply(to: &batch.searches, item: item, random: &random)
            if batch.contexts != nil {
                cropper.crop(
                    exemplarRegion, center: Point(x: centre, y: centre), side: Double(searchSize) * motion.exemplarScale,
                    outputSize: searchSize, into: &batch.contexts!, item: item)
                let size = clips[clip].exemplarSizes[first]!
                batch.contextTargetCells.append((size.width * size.height).squareRoot() / motion.exemplarScale / Double(totalStride))
            }
            augmentation.recolour(exemplars: &batch.exemplars, searches: &batch.searches, contexts: &batch.contexts, item: item, random: &random)
            // The object sits at the region centre, i.e. -shift/scale from the search-crop centre.
            batch.targets.append(PairTarget(
                isPresent: !isNegative,
                row: mapCentre - motion.shiftY / motion.searchScale / Double(totalStride),
                column: mapCentre - motion.shiftX / motion.searchScale / Double(totalStride),
                logScaleChange: Foundation.log(motion.exemplarScale / motion.searchScale)))
        }
        return batch
    }
}
