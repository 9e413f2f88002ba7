import Geometry
import Imaging
import XCTest

@testable import SiameseTracker

final class CropAndResizeTests: XCTestCase {
    /// A 20x10 image whose red channel is x*10, green y*10, blue 7.
    private let ramp = RGBImage(width: 20, height: 10, pixels: (0..<10).flatMap { y in
        (0..<20).flatMap { x in [UInt8(x * 10), UInt8(y * 10), 7] }
    })

    func testCropAtNativeScaleCopiesPixels() {
        let cropper = CropAndResize(padding: (0, 0, 0))
        var map = FeatureMap(channels: 3, batch: 2, height: 4, width: 4)
        cropper.crop(ramp, center: Point(x: 8, y: 5), side: 4, outputSize: 4, into: &map, item: 1)
        // The 4x4 square centred on (8, 5) covers pixels 6...9 by 3...6.
        XCTAssertEqual(map[0, 1, 0, 0], 60)
        XCTAssertEqual(map[0, 1, 0, 3], 90)
        XCTAssertEqual(map[1, 1, 3, 0], 60)
        XCTAssertEqual(map[2, 1, 2, 2], 7)
        XCTAssertEqual(map[0, 0, 0, 0], 0, "other batch items are untouched")
    }

    func testDownscaledCropInterpolatesBetweenPixelCentres() {
        let cropper = CropAndResize(padding: (0, 0, 0))
        var map = FeatureMap(channels: 3, batch: 1, height: 2, width: 2)
        cropper.crop(ramp, center: Point(x: 8, y: 5), side: 4, outputSize: 2, into: &map, item: 0)
        // Output pixel 0 samples source x = 6.5: halfway between red 60 and 70.
        XCTAssertEqual(map[0, 0, 0, 0], 65, accuracy: 1e-4)
        XCTAssertEqual(map[1, 0, 1, 0], 55, accuracy: 1e-4)
    }

    func testRegionOutsideTheFrameTakesThePaddingColour() {
        let cropper = CropAndResize(paddingWithMeanOf: ramp)
        XCTAssertEqual(cropper.padding.red, 95, accuracy: 1e-4)
        XCTAssertEqual(cropper.padding.green, 45, accuracy: 1e-4)
        XCTAssertEqual(cropper.padding.blue, 7, accuracy: 1e-4)
        var map = FeatureMap(channels: 3, batch: 1, height: 8, width: 8)
        cropper.crop(ramp, center: Point(x: 0, y: 0), side: 8, outputSize: 8, into: &map, item: 0)
        XCTAssertEqual(map[0, 0, 0, 0], 95, accuracy: 1e-4, "top-left is outside the frame")
        XCTAssertEqual(map[0, 0, 7, 7], 30, accuracy: 1e-4, "bottom-right is pixel (3, 3)")
    }

    func testByteCropsAreTheFloatCropsRoundedToTheNearestByte() {
        let cropper = CropAndResize(paddingWithMeanOf: ramp)
        var floats = CropBatch(batch: 2, side: 9), bytes = CropBatch(batch: 2, side: 9, inBytes: true)
        // A third of a pixel per output pixel, partly outside the frame: fractions and padding.
        ramp.withPixelView { image in
            for (item, center) in [Point(x: 8.3, y: 5.6), Point(x: 1, y: 1)].enumerated() {
                cropper.crop(image, center: center, side: 3, into: &floats, item: item)
                cropper.crop(image, center: center, side: 3, into: &bytes, item: item)
            }
        }
        XCTAssertTrue(bytes.holdsBytes)
        XCTAssertTrue(floats.values.contains { $0 != $0.rounded() }, "the crop interpolates")
        XCTAssertEqual(bytes.bytes, floats.values.map { UInt8($0.rounded(.toNearestOrEven)) }, "halves to even")
        XCTAssertEqual(bytes, floats.inBytes())
    }

    func testSamplesRoundToBytesWithinTheirRange() {
        XCTAssertEqual([0.4, 0.6, 127.49, 254.6, 255, -3, 300].map(UInt8.init(sample:)), [0, 1, 127, 255, 255, 0, 255])
    }
}
