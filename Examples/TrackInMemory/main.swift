// Tracks a target through frames an app makes itself: here a textured square gliding over a
// striped background, drawn into a BGRA buffer with padded rows as a camera would hand them over.
// Run it with `swift run -c release track-in-memory`.
import Foundation
import SiameseTracker

let (width, height, bytesPerRow) = (320, 240, 320 * 4 + 64)

/// Frame `index`: the square's top-left corner moves 3 px right and 1 px down per frame.
func drawFrame(_ index: Int, into pixels: inout [UInt8]) -> Box {
    let square = Box(x: Double(40 + 3 * index), y: Double(60 + index), width: 48, height: 48)
    for y in 0..<height {
        for x in 0..<width {
            let inside = Double(x) >= square.x && Double(x) < square.x + square.width && Double(y) >= square.y && Double(y) < square.y + square.height
            let (blue, green, red): (UInt8, UInt8, UInt8) =
                inside ? ((x / 6 + y / 6) % 2 == 0 ? (30, 200, 240) : (200, 40, 60)) : ((x / 20) % 2 == 0 ? (90, 90, 90) : (120, 120, 120))
            let pixel = y * bytesPerRow + x * 4
            (pixels[pixel], pixels[pixel + 1], pixels[pixel + 2], pixels[pixel + 3]) = (blue, green, red, 255)
        }
    }
    return square
}

var pixels = [UInt8](repeating: 0, count: bytesPerRow * height)
let start = drawFrame(0, into: &pixels)
do {
    var tracker = try pixels.withUnsafeBytes { bytes in
        try SiamFCTracker(
            frame: PixelView(baseAddress: bytes.baseAddress!, width: width, height: height, bytesPerRow: bytesPerRow, format: .bgra),
            box: start)
    }
    for index in 1..<40 {
        let truth = drawFrame(index, into: &pixels)
        let result = pixels.withUnsafeBytes { bytes in
            tracker.update(
                frame: PixelView(baseAddress: bytes.baseAddress!, width: width, height: height, bytesPerRow: bytesPerRow, format: .bgra))
        }
        if index % 10 == 9 {
            let box = result.box
            print(String(
                format: "frame %d: x %.1f y %.1f width %.1f height %.1f, score %.2f, IoU with the truth %.2f",
                index, box.x, box.y, box.width, box.height, result.score, box.intersectionOverUnion(truth)))
        }
    }
} catch {
    print("cannot track: \(error)")
    exit(1)
}
