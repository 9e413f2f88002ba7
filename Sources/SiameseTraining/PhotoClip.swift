import Foundation
import Geometry
import Imaging
import SiameseTracker

extension TrainingClip {
    /// A synthetic clip cut from a still photograph: a random object-sized box seen through a
    /// random affine change per frame (scale, rotation, stretch), with blur and occlusion now and
    /// then, so the network sees more kinds of things than the annotated footage shows.
    package init(photo: RGBImage, name: String, views settings: PhotoViews, regionSize: Int, random: inout SeededRandom) {
        self.init(name: name, regionSize: regionSize)
        let shortSide = Double(min(photo.width, photo.height))
        let side = shortSide * (settings.smallestBoxSide + settings.boxSideSpread * random.nextUnit())
        let aspect = Foundation.exp((random.nextUnit() * 2 - 1) * settings.maximumLogAspect)
        let size = Size(width: side * aspect.squareRoot(), height: side / aspect.squareRoot())
        let center = Point(
            x: size.width / 2 + random.nextUnit() * (Double(photo.width) - size.width),
            y: size.height / 2 + random.nextUnit() * (Double(photo.height) - size.height))
        let padding = CropAndResize(paddingWithMeanOf: photo).padding
        for _ in 0..<settings.viewsPerPhoto {
            let view = PhotoView(
                scale: Foundation.exp((random.nextUnit() * 2 - 1) * settings.maximumLogScale),
                stretch: Foundation.exp((random.nextUnit() * 2 - 1) * settings.maximumLogStretch),
                rotation: (random.nextUnit() * 2 - 1) * Double.pi / (180 / settings.maximumRotationDegrees))
            var region = view.region(of: photo, center: center, targetSize: size, padding: padding, clip: self)
            if random.nextUnit() < settings.blurProbability { region = region.boxBlurred() }
            if random.nextUnit() < settings.occlusionProbability { region.occlude(random: &random) }
            append(region: region, targetSize: view.seenSize(of: size))
        }
    }
}
