import VideoIO
import XCTest

/// Each container and codec the fixtures cover reads as the same 20-frame, 10 fps, 160x120 clip.
final class ContainerFormatTests: XCTestCase {
    func testH264InMP4ReadsEveryFrameWithItsTime() throws {
        try assertReadsSourceClip("h264.mp4", statesFrameCount: true)
    }

    func testH264InMatroskaReadsEveryFrameWithItsTime() throws {
        try assertReadsSourceClip("h264.mkv", statesFrameCount: false)
    }

    func testVP9InWebMReadsEveryFrameWithItsTime() throws {
        try assertReadsSourceClip("vp9.webm", statesFrameCount: false)
    }

    func testMJPEGInAVIReadsEveryFrameWithItsTime() throws {
        try assertReadsSourceClip("mjpeg.avi", statesFrameCount: true)
    }

    func testEveryFormatShowsTheRedBlockTopLeftOnly() throws {
        for name in ["h264.mp4", "h264.mkv", "vp9.webm", "mjpeg.avi"] {
            let image = try XCTUnwrap(try VideoReader(path: Fixtures.path(name)).nextFrame()).image
            XCTAssertTrue(image.isRed(x: 5, y: 5), name)
            XCTAssertFalse(image.isRed(x: image.width - 5, y: 5), name)
            XCTAssertFalse(image.isRed(x: 5, y: image.height - 5), name)
        }
    }

    func testSameStreamInMP4AndMatroskaDecodesToIdenticalPixels() throws {
        let mp4 = try Fixtures.readAll(VideoReader(path: Fixtures.path("h264.mp4")))
        let mkv = try Fixtures.readAll(VideoReader(path: Fixtures.path("h264.mkv")))
        XCTAssertEqual(mp4.map(\.image), mkv.map(\.image))
    }

    func testThreadCountDoesNotChangeThePictures() throws {
        let oneThread = try Fixtures.readAll(VideoReader(path: Fixtures.path("h264.mp4"), threads: 1))
        let fourThreads = try Fixtures.readAll(VideoReader(path: Fixtures.path("h264.mp4"), threads: 4))
        XCTAssertEqual(oneThread.map(\.image), fourThreads.map(\.image))
    }

    func testAPictureWhoseWidthIsNotAMultipleOf8IsConvertedToItsLastColumn() throws {
        // 210 pixels: swscale's x86 converters write whole blocks of 8 and used to leave the last 2
        // columns as the memory held them. The last 10 columns are blue.
        let frames = try Fixtures.readAll(VideoReader(path: Fixtures.path("width210.mp4")))
        XCTAssertEqual(frames.count, Fixtures.frameCount)
        for frame in frames {
            let image = frame.image
            XCTAssertEqual(image.width, 210)
            for x in [image.width - 3, image.width - 2, image.width - 1] {
                for y in [0, image.height / 2, image.height - 1] {
                    let (red, green, blue) = image[x, y]
                    XCTAssertTrue(blue > 180 && red < 80 && green < 80, "frame \(frame.index) (\(x), \(y)): \((red, green, blue))")
                }
            }
        }
    }

    func testReaderKeepsReturningNilAfterTheEnd() throws {
        let reader = try VideoReader(path: Fixtures.path("vp9.webm"))
        _ = try Fixtures.readAll(reader)
        XCTAssertNil(try reader.nextFrame())
    }

    private func assertReadsSourceClip(_ name: String, statesFrameCount: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let reader = try VideoReader(path: Fixtures.path(name))
        XCTAssertEqual(reader.width, Fixtures.width, file: file, line: line)
        XCTAssertEqual(reader.height, Fixtures.height, file: file, line: line)
        XCTAssertEqual(reader.rotationDegrees, 0, file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(reader.framesPerSecond), Fixtures.framesPerSecond, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(reader.durationSeconds), 2.0, accuracy: 0.05, file: file, line: line)
        XCTAssertEqual(reader.frameCount, statesFrameCount ? Fixtures.frameCount : nil, file: file, line: line)

        let frames = try Fixtures.readAll(reader)
        XCTAssertEqual(frames.map(\.index), Array(0..<Fixtures.frameCount), file: file, line: line)
        for frame in frames {
            XCTAssertEqual(frame.timeSeconds, Double(frame.index) / Fixtures.framesPerSecond, accuracy: 1e-6, file: file, line: line)
            XCTAssertEqual(frame.image.width, Fixtures.width, file: file, line: line)
            XCTAssertEqual(frame.image.height, Fixtures.height, file: file, line: line)
        }
    }
}
