import Geometry
import Imaging
import SiameseTracker

/// Draws what the tracker found onto a frame for `--render`: each target's box in its own colour
/// (solid when sure, dashed when its score is under `unsureBelow`), its score above the box, and
/// the frame number in the top-left corner. Lines and text grow with the picture's height.
struct FrameAnnotator {
    /// Scores under this are drawn dashed: the tracker is unsure or has lost the target.
    static let unsureBelow = 0.3

    /// Target colours in order, repeating after the last: saturated and far apart.
    static let palette: [RGBColour] = [
        RGBColour(red: 0, green: 255, blue: 0), RGBColour(red: 255, green: 0, blue: 255),
        RGBColour(red: 0, green: 200, blue: 255), RGBColour(red: 255, green: 160, blue: 0),
        RGBColour(red: 255, green: 255, blue: 0), RGBColour(red: 255, green: 40, blue: 40),
        RGBColour(red: 120, green: 80, blue: 255), RGBColour(red: 255, green: 255, blue: 255),
    ]

    /// The colour of target `index`.
    static func colour(ofTarget index: Int) -> RGBColour { palette[index % palette.count] }

    /// Outline width in pixels for pictures `height` pixels high.
    static func thickness(forHeight height: Int) -> Int { max(3, height / 160) }

    /// Magnification of the 3x5 font for pictures `height` pixels high.
    static func textScale(forHeight height: Int) -> Int { max(2, height / 240) }

    /// `image` with the boxes and scores of `results` (target i at index i) and `frameIndex` drawn.
    static func annotate(_ image: RGBImage, frameIndex: Int, results: [TrackingResult]) -> RGBImage {
        var image = image
        let thickness = thickness(forHeight: image.height), scale = textScale(forHeight: image.height)
        let textHeight = RGBImage.textHeight(scale: scale)
        for (index, result) in results.enumerated() {
            let colour = colour(ofTarget: index)
            let sure = result.score >= unsureBelow
            image.strokeRectangle(result.box, colour: colour, thickness: thickness, dash: sure ? nil : 4 * thickness)
            let label = result.score.formatted2
            let x = Int(result.box.x.rounded()) - thickness / 2
            let above = Int(result.box.y.rounded()) - thickness / 2 - textHeight
            let y = above >= 0 ? above : Int(result.box.maxY.rounded()) + thickness
            image.drawText(label, x: max(0, x), y: y, scale: scale, colour: colour, background: .black)
        }
        image.drawText("#\(frameIndex)", x: 0, y: 0, scale: scale, colour: .white, background: .black)
        return image
    }
}

private extension Double {
    /// Two decimals: 0.87.
    var formatted2: String {
        let hundredths = Int((min(max(self, 0), 1) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
