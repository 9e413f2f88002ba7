import VideoIO
import XCTest

/// Inputs that are missing, not videos, or broken give a clear `VideoError`, never a crash or a hang.
final class BadInputTests: XCTestCase {
    func testMissingFileFailsWithFileNotFound() {
        let path = Fixtures.path("no_such_video.mp4")
        assertOpeningFails(path) { XCTAssertEqual($0, .fileNotFound(path: path)) }
    }

    func testPatternMatchingNoImagesFailsWithFileNotFound() {
        let path = Fixtures.path("seq/%06d.png")
        assertOpeningFails(path) { XCTAssertEqual($0, .fileNotFound(path: path)) }
    }

    func testTextFileNamedLikeAVideoFailsAsNotAVideo() {
        assertOpeningFails(Fixtures.path("not_a_video.mp4")) { error in
            guard case .notAVideo = error else { return XCTFail("expected notAVideo, got \(error)") }
        }
    }

    func testAudioOnlyFileFailsWithNoVideoStream() {
        let path = Fixtures.path("audio_only.wav")
        assertOpeningFails(path) { XCTAssertEqual($0, .noVideoStream(path: path)) }
    }

    func testDirectoryFailsAsNotAVideo() {
        assertOpeningFails(Fixtures.path("seq")) { error in
            guard case .notAVideo = error else { return XCTFail("expected notAVideo, got \(error)") }
        }
    }

    func testMP4CutBeforeItsIndexFailsToOpen() {
        assertOpeningFails(Fixtures.path("truncated.mp4")) { error in
            guard case .notAVideo = error else { return XCTFail("expected notAVideo, got \(error)") }
        }
    }

    func testMatroskaCutMidStreamYieldsTheFramesBeforeTheCut() throws {
        try assertStopsPartWayWithoutCrashing(Fixtures.path("truncated.mkv"))
    }

    func testMP4DamagedMidStreamStopsAtTheDamageWhenAskedTo() throws {
        try assertStopsPartWayWithoutCrashing(Fixtures.path("damaged.mp4"), damagedData: .stop)
    }

    func testMP4DamagedMidStreamSkipsTheFrameThatCannotBeDecodedAndKeepsTheOthersNumbers() throws {
        // One decoding thread: with frame threads FFmpeg may not flag the frame it repaired.
        let reader = try VideoReader(path: Fixtures.path("damaged.mp4"), threads: 1)
        var frames: [Int] = []
        while let frame = try reader.nextFrame() { frames.append(frame.index) }
        XCTAssertEqual(frames, Array(0..<11) + Array(12..<20))
        XCTAssertEqual(reader.damage.lostFrames, [11])
        XCTAssertEqual(reader.damage.concealedFrames, [5])
        XCTAssertEqual(reader.damage.summary, "frame 11 could not be decoded and is skipped; frame 5 was concealed by the decoder")
    }

    /// Reads `path` to the end: some frames, numbered without gaps, then either the end or
    /// `decodingFailed` at the next frame, after which the reader only returns nil.
    private func assertStopsPartWayWithoutCrashing(
        _ path: String, damagedData: DamagedDataHandling = .conceal, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let reader = try VideoReader(path: path, damagedData: damagedData)
        var frames: [VideoFrame] = []
        do {
            while let frame = try reader.nextFrame() { frames.append(frame) }
        } catch {
            guard case .decodingFailed(_, let frameIndex, _) = error else {
                return XCTFail("expected decodingFailed, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(frameIndex, frames.count, file: file, line: line)
            assertOneLine(error, naming: path, file: file, line: line)
        }
        XCTAssertGreaterThan(frames.count, 0, file: file, line: line)
        XCTAssertLessThan(frames.count, Fixtures.frameCount, file: file, line: line)
        XCTAssertEqual(frames.map(\.index), Array(0..<frames.count), file: file, line: line)
        XCTAssertNil(try reader.nextFrame(), file: file, line: line)
    }

    private func assertOpeningFails(
        _ path: String, file: StaticString = #filePath, line: UInt = #line, _ check: (VideoError) -> Void
    ) {
        do {
            _ = try VideoReader(path: path)
            XCTFail("opened \(path)", file: file, line: line)
        } catch {
            check(error)
            assertOneLine(error, naming: path, file: file, line: line)
        }
    }

    private func assertOneLine(_ error: VideoError, naming path: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(error.description.contains("\n"), error.description, file: file, line: line)
        XCTAssertTrue(error.description.contains(path), error.description, file: file, line: line)
    }
}
