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
            append(region: region)
        }
    }
}

/// One synthetic view of a photo: how the target is scaled, stretched and turned.
struct PhotoView {
    var scale: Double
    var stretch: Double
    var rotation: Double

    /// The training region around the target as this view shows it, sampled bilinearly.
    func region(
        of photo: RGBImage, center: Point, targetSize: Size, padding: (red: Float, green: Float, blue: Float), clip: TrainingClip
    ) -> RGBImage {
        let seen = Size(width: targetSize.width * scale * stretch, height: targetSize.height * scale / stretch)
        let regionSize = clip.regionSize
        let step = clip.regionSide(for: seen) / Double(regionSize)
        let (cosine, sine) = (Foundation.cos(rotation), Foundation.sin(rotation))
        let half = Double(regionSize) / 2
        let fill = [padding.red, padding.green, padding.blue]
        var pixels = [UInt8](repeating: 0, count: regionSize * regionSize * 3)
        for v in 0..<regionSize {
            for u in 0..<regionSize {
                // Offset in the view, turned back and unscaled into the photo.
                let dx = (Double(u) + 0.5 - half) * step, dy = (Double(v) + 0.5 - half) * step
                let px = center.x + (cosine * dx + sine * dy) / (scale * stretch) - 0.5
                let py = center.y + (-sine * dx + cosine * dy) / (scale / stretch) - 0.5
                let x0 = Int(px.rounded(.down)), y0 = Int(py.rounded(.down))
                let fx = Float(px - Double(x0)), fy = Float(py - Double(y0))
                for channel in 0..<3 {
                    func at(_ x: Int, _ y: Int) -> Float {
                        (0..<photo.width).contains(x) && (0..<photo.height).contains(y)
                            ? Float(photo.pixels[(y * photo.width + x) * 3 + channel]) : fill[channel]
                    }
                    let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
                    let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
                    pixels[(v * regionSize + u) * 3 + channel] = UInt8(min(max((top * (1 - fy) + bottom * fy).rounded(), 0), 255))
                }
            }
        }
        return RGBImage(width: regionSize, height: regionSize, pixels: pixels)
    }
}

extension RGBImage {
    /// A 3x3 box blur (edges replicate), as a cheap stand-in for motion and focus blur.
    func boxBlurred() -> RGBImage {
        var blurred = pixels
        for y in 0..<height {
            for x in 0..<width {
                for channel in 0..<3 {
                    var sum = 0
                    for dy in -1...1 {
                        for dx in -1...1 {
                            let sx = min(max(x + dx, 0), width - 1), sy = min(max(y + dy, 0), height - 1)
                            sum += Int(pixels[(sy * width + sx) * 3 + channel])
                        }
                    }
                    blurred[(y * width + x) * 3 + channel] = UInt8(sum / 9)
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: blurred)
    }

    /// Paints a flat random-coloured rectangle over part of the centre (where the target is).
    mutating func occlude(random: inout SeededRandom) {
        let side = width / 6
        let w = side / 2 + Int(random.next() % UInt64(side)), h = side / 2 + Int(random.next() % UInt64(side))
        let x0 = width / 2 - side + Int(random.next() % UInt64(side)), y0 = height / 2 - side + Int(random.next() % UInt64(side))
        let colour = (0..<3).map { _ in UInt8(random.next() % 256) }
        for y in y0..<min(y0 + h, height) {
            for x in x0..<min(x0 + w, width) {
                for channel in 0..<3 { pixels[(y * width + x) * 3 + channel] = colour[channel] }
            }
        }
    }
}
