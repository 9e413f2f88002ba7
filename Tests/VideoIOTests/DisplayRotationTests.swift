import Imaging
import VideoIO
import XCTest

/// rotatedN.mp4 is h264.mp4's stream tagged, as phones tag portrait video, to be shown turned N degrees
/// clockwise.
final class DisplayRotationTests: XCTestCase {
    func testNinetyDegreeClipReportsItsRotationAndSwappedSize() throws {
        let reader = try VideoReader(path: Fixtures.path("rotated90.mp4"))
        XCTAssertEqual(reader.rotationDegrees, 90)
        XCTAssertEqual(reader.width, Fixtures.height)
        XCTAssertEqual(reader.height, Fixtures.width)
    }

    func testHalfTurnClipKeepsItsSize() throws {
        let reader = try VideoReader(path: Fixtures.path("rotated180.mp4"))
        XCTAssertEqual(reader.rotationDegrees, 180)
        XCTAssertEqual(reader.width, Fixtures.width)
        XCTAssertEqual(reader.height, Fixtures.height)
    }

    func testRedBlockMovesToTheCornerEachRotationTakesItTo() throws {
        for (degrees, corner) in [(90, "top right"), (180, "bottom right"), (270, "bottom left")] {
            let image = try XCTUnwrap(try VideoReader(path: Fixtures.path("rotated\(degrees).mp4")).nextFrame()).image
            let right = image.width - 5
            let bottom = image.height - 5
            let redCorners = [("top left", 5, 5), ("top right", right, 5), ("bottom right", right, bottom), ("bottom left", 5, bottom)]
                .filter { image.isRed(x: $0.1, y: $0.2) }
                .map(\.0)
            XCTAssertEqual(redCorners, [corner], "\(degrees) degrees")
        }
    }

    func testEveryFrameIsTheUnrotatedFrameTurnedClockwise() throws {
        let upright = try Fixtures.readAll(VideoReader(path: Fixtures.path("h264.mp4")))
        for degrees in [90, 180, 270] {
            let reader = try VideoReader(path: Fixtures.path("rotated\(degrees).mp4"))
            XCTAssertEqual(reader.rotationDegrees, degrees)
            let turned = try Fixtures.readAll(reader)
            XCTAssertEqual(turned.count, upright.count)
            for (source, rotated) in zip(upright, turned) {
                XCTAssertEqual(rotated.timeSeconds, source.timeSeconds)
                XCTAssertEqual(rotated.image, turnedClockwise(source.image, degrees: degrees), "\(degrees) degrees, frame \(source.index)")
            }
        }
    }

    func testFirstFrameMatchesWhatFFmpegShows() throws {
        let ours = try XCTUnwrap(try VideoReader(path: Fixtures.path("rotated90.mp4")).nextFrame()).image
        let ffmpegs = try Fixtures.ppmImage("rotated90_frame0.ppm")
        XCTAssertEqual(ours.width, ffmpegs.width)
        XCTAssertEqual(ours.height, ffmpegs.height)
        // Identical with Debian's FFmpeg 5.1; ffmpeg turns the YUV planes before converting, so other
        // builds' conversion code may round a few values differently.
        XCTAssertLessThan(ours.meanAbsoluteDifference(from: ffmpegs), 2.0)
    }

    /// `image` turned clockwise by a multiple of 90 degrees, one quarter turn at a time.
    private func turnedClockwise(_ image: RGBImage, degrees: Int) -> RGBImage {
        var result = image
        for _ in 0..<(degrees / 90) {
            var pixels: [UInt8] = []
            pixels.reserveCapacity(result.pixels.count)
            // A quarter turn clockwise puts source column x, read bottom to top, into row x.
            for x in 0..<result.width {
                for y in stride(from: result.height - 1, through: 0, by: -1) {
                    let (red, green, blue) = result[x, y]
                    pixels += [red, green, blue]
                }
            }
            result = RGBImage(width: result.height, height: result.width, pixels: pixels)
        }
        return result
    }
}
