import Foundation
import Geometry
import Imaging

/// One synthetic view of a photo: how the target is scaled, stretched and turned.
struct PhotoView {
    var scale: Double
    var stretch: Double
    var rotation: Double

    /// The size of a target of `targetSize` in this view (before the rotation).
    func seenSize(of targetSize: Size) -> Size {
        Size(width: targetSize.width * scale * stretch, height: targetSize.height * scale / stretch)
    }

    /// The training region around the target as this view shows it, sampled bilinearly.
    func region(
        of photo: RGBImage, center: Point, targetSize: Size, padding: (red: Float, green: Float, blue: Float), clip: TrainingClip
    ) -> RGBImage {
        let seen = seenSize(of: targetSize)
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
