import Foundation
import SiameseTracker
import TestSupport
import XCTest

/// Frames handed over as BGR, RGBA or BGRA with padded rows are read in place and tracked
/// exactly as the same frames in packed RGB.
final class PixelLayoutTests: XCTestCase {
    private let scene = SyntheticScene(seed: 42)

    func testEveryPixelLayoutWithPaddedRowsGivesTheBoxesOfPackedRGB() throws {
        let frames = (0...8).map { scene.frame(patchAt: 40 + $0 * 6, 50 + $0 * 3) }
        let start = scene.box(patchAt: 40, 50)
        var reference = try SiamFCTracker(frame: frames[0], box: start)
        let expected = frames.dropFirst().map { reference.update(frame: $0).box }
        for format in PixelFormat.allCases {
            let padding = 13
            let converted = frames.map { Self.convert($0, to: format, padding: padding) }
            let bytesPerRow = scene.width * format.bytesPerPixel + padding
            func view(_ bytes: UnsafeRawBufferPointer) -> PixelView {
                PixelView(baseAddress: bytes.baseAddress!, width: scene.width, height: scene.height, bytesPerRow: bytesPerRow, format: format)
            }
            var tracker = try converted[0].withUnsafeBytes { try SiamFCTracker(frame: view($0), box: start) }
            let boxes = converted.dropFirst().map { frame in frame.withUnsafeBytes { tracker.update(frame: view($0)).box } }
            XCTAssertEqual(boxes, expected, "\(format)")
        }
    }

    /// `image` in `format`, each row followed by `padding` bytes of junk.
    private static func convert(_ image: RGBImage, to format: PixelFormat, padding: Int) -> [UInt8] {
        let (red, green, blue) = format.channelOffsets
        var bytes: [UInt8] = []
        for y in 0..<image.height {
            for x in 0..<image.width {
                var pixel = [UInt8](repeating: 77, count: format.bytesPerPixel)
                (pixel[red], pixel[green], pixel[blue]) = image[x, y]
                bytes += pixel
            }
            bytes += [UInt8](repeating: 201, count: padding)
        }
        return bytes
    }
}
