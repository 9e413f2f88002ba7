import VideoIO
import XCTest

/// seq/0001.jpg to seq/0005.jpg are the first five frames of the source clip as JPEG images.
final class ImageSequenceTests: XCTestCase {
    private let imageCount = 5

    func testImagePatternReadsEveryNumberedImageAtThirtyFramesPerSecond() throws {
        let reader = try VideoReader(path: Fixtures.path("seq/%04d.jpg"))
        XCTAssertEqual(reader.width, Fixtures.width)
        XCTAssertEqual(reader.height, Fixtures.height)
        XCTAssertEqual(try XCTUnwrap(reader.framesPerSecond), VideoReader.assumedImageFramesPerSecond, accuracy: 1e-9)
        XCTAssertEqual(reader.frameCount, imageCount)
        let frames = try Fixtures.readAll(reader)
        XCTAssertEqual(frames.map(\.index), Array(0..<imageCount))
        for frame in frames {
            XCTAssertEqual(frame.timeSeconds, Double(frame.index) / VideoReader.assumedImageFramesPerSecond, accuracy: 1e-6)
        }
    }

    func testImageFilesAreReadInTheGivenOrder() throws {
        let pattern = try Fixtures.readAll(VideoReader(path: Fixtures.path("seq/%04d.jpg")))
        let files = ["seq/0003.jpg", "seq/0001.jpg", "seq/0002.jpg"].map(Fixtures.path)
        let listed = try Fixtures.readAll(VideoReader(imageFiles: files))
        XCTAssertEqual(listed.map(\.image), [pattern[2], pattern[0], pattern[1]].map(\.image))
        XCTAssertEqual(listed.map(\.index), [0, 1, 2])
    }

    func testImageFilesAreTimedAtTheGivenFrameRate() throws {
        let files = (1...imageCount).map { Fixtures.path(String(format: "seq/%04d.jpg", $0)) }
        let reader = try VideoReader(imageFiles: files, framesPerSecond: 25)
        XCTAssertEqual(reader.frameCount, imageCount)
        XCTAssertEqual(reader.framesPerSecond, 25)
        XCTAssertEqual(try XCTUnwrap(reader.durationSeconds), 0.2, accuracy: 1e-9)
        XCTAssertEqual(reader.rotationDegrees, 0)
        let frames = try Fixtures.readAll(reader)
        XCTAssertEqual(frames.map(\.timeSeconds), [0, 0.04, 0.08, 0.12, 0.16])
    }

    func testEmptyImageListFailsWithClearError() {
        XCTAssertThrowsError(try VideoReader(imageFiles: [])) { error in
            XCTAssertEqual(error as? VideoError, .noImageFiles)
        }
    }

    func testMissingImageFailsBeforeAnyFrameIsRead() {
        let missing = Fixtures.path("seq/0099.jpg")
        XCTAssertThrowsError(try VideoReader(imageFiles: [Fixtures.path("seq/0001.jpg"), missing])) { error in
            XCTAssertEqual(error as? VideoError, .fileNotFound(path: missing))
        }
    }

    func testImageOfAnotherSizeFailsWithClearError() throws {
        // The PPM is a 120x160 picture; the JPEG before it is 160x120.
        let other = Fixtures.path("rotated90_frame0.ppm")
        let reader = try VideoReader(imageFiles: [Fixtures.path("seq/0001.jpg"), other])
        XCTAssertNotNil(try reader.nextFrame())
        XCTAssertThrowsError(try reader.nextFrame()) { error in
            XCTAssertEqual(
                error as? VideoError,
                .frameSizeChanged(path: other, frameIndex: 1, width: 120, height: 160, expectedWidth: 160, expectedHeight: 120))
        }
    }
}
