import Foundation
import XCTest

/// `siamtrack track` given a bad video, box, model or output path: it stops with one
/// `siamtrack: error:` line on stderr naming the problem, exit status 2 for usage errors (the
/// arguments themselves are wrong) and 1 for everything else, and never prints half a line.
final class TrackBadInputTests: XCTestCase {
    private let video = SiamtrackProcess.path("Tests/Fixtures/h264.mp4")
    private let box = "32,24,96,72"

    private func fixture(_ name: String) -> String { SiamtrackProcess.path("Tests/Fixtures/\(name)") }

    // MARK: Videos

    func testMissingVideoFailsNamingTheFile() throws {
        let path = fixture("no_such_video.mp4")
        let result = try SiamtrackProcess.run(["track", path, "--box", box])
        assertFails(result, status: 1, mentioning: [path, "no such file"])
    }

    func testTextFileNamedLikeAVideoFailsAsNotAVideo() throws {
        let path = fixture("not_a_video.mp4")
        let result = try SiamtrackProcess.run(["track", path, "--box", box])
        assertFails(result, status: 1, mentioning: [path, "not a video"])
    }

    func testMP4CutBeforeItsIndexFailsAsNotAVideo() throws {
        let path = fixture("truncated.mp4")
        let result = try SiamtrackProcess.run(["track", path, "--box", box])
        assertFails(result, status: 1, mentioning: [path, "not a video", "cut short"])
    }

    /// A Matroska file cut mid-stream reads as a shorter video: FFmpeg reports the cut as the end of
    /// the file, so the frames before it are tracked and the run succeeds.
    func testMatroskaCutMidStreamTracksTheFramesBeforeTheCutAndExitsZero() throws {
        let result = try SiamtrackProcess.run(["track", fixture("truncated.mkv"), "--box", box])

        try assertSucceeds(result)
        let lines = try parseTrackLines(result.outputLines)
        XCTAssertEqual(lines.map(\.frame), Array(0..<lines.count))
        XCTAssertGreaterThan(lines.count, 1, "the frames before the cut are tracked")
        XCTAssertLessThan(lines.count, 20, "the fixture's 20 frames cannot all survive the cut")
    }

    /// An MP4 with bytes zeroed mid-stream keeps its index: the frame the damage spoils is skipped,
    /// the others keep their numbers, and one warning names the frames.
    func testMP4DamagedMidStreamSkipsTheSpoiledFrameWithAWarning() throws {
        let path = fixture("damaged.mp4")
        let result = try SiamtrackProcess.run(["track", path, "--box", box])

        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(try parseTrackLines(result.outputLines).map(\.frame), Array(0..<11) + Array(12..<20))
        XCTAssertEqual(result.errorLines, [
            "siamtrack: warning: \(path) is damaged: frame 11 could not be decoded and is skipped; frame 5 was concealed by the decoder; "
                + "the other frames were tracked (--strict stops at the first damaged frame)",
        ])
    }

    /// With --strict the damage is found at a known frame: the lines before it stay on stdout,
    /// complete, and the run fails naming the file and frame.
    func testMP4DamagedMidStreamWithStrictKeepsTheLinesBeforeTheDamageAndFails() throws {
        let path = fixture("damaged.mp4")
        let result = try SiamtrackProcess.run(["track", path, "--box", box, "--strict"])

        XCTAssertFalse(result.killedBySignal, result.summary)
        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertEqual(result.errorLines.count, 1, result.summary)
        XCTAssertTrue(result.standardError.hasPrefix("siamtrack: error: cannot decode \(path) at frame "), result.summary)
        XCTAssertTrue(result.standardOutput.hasSuffix("\n"), "the last line must be complete")
        let lines = try parseTrackLines(result.outputLines)
        XCTAssertGreaterThan(lines.count, 0)
        XCTAssertEqual(lines.map(\.frame), Array(0..<lines.count))
        XCTAssertTrue(result.standardError.contains("at frame \(lines.count):"), "the error names the first frame not printed: \(result.summary)")
    }

    // MARK: Boxes

    func testEmptyBoxIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "10,10,0,5"])
        assertFails(result, status: 2, mentioning: ["--box", "10,10,0,5", "positive width and height"])
    }

    func testBoxWithNegativeSizeIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "10,10,-4,5"])
        assertFails(result, status: 2, mentioning: ["--box", "10,10,-4,5", "positive width and height"])
    }

    func testBoxWithNaNIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "nan,10,40,50"])
        assertFails(result, status: 2, mentioning: ["--box", "nan,10,40,50", "NaN"])
    }

    func testBoxWithInfinityIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "10,10,inf,50"])
        assertFails(result, status: 2, mentioning: ["--box", "10,10,inf,50", "infinity"])
    }

    func testGarbageBoxTextIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "left,top,wide,high"])
        assertFails(result, status: 2, mentioning: ["--box", "left,top,wide,high", "four numbers"])
    }

    func testBoxWithThreeNumbersIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "10,20,30"])
        assertFails(result, status: 2, mentioning: ["--box", "10,20,30", "four numbers"])
    }

    /// Whether a box lies in the frame is only known once the video is open, so it is not a usage error.
    func testBoxOutsideTheFrameFailsNamingTheFrameSize() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", "500,400,20,20"])
        assertFails(result, status: 1, mentioning: ["invalid start box", "outside", "160x120"])
    }

    // MARK: Missing arguments

    func testMissingBoxIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", video])
        assertFails(result, status: 2, mentioning: ["missing", "--box"])
    }

    func testMissingVideoArgumentIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["track", "--box", box])
        assertFails(result, status: 2, mentioning: ["missing", "<video>"])
    }

    // MARK: Settings

    func testAbsenceSharesOutsideTheUnitIntervalOrCrossedAreUsageErrors() throws {
        let settings = [
            ["--absent-below-usual", "2"], ["--absent-below-usual", "0.7", "--present-above-usual", "0.6"], ["--usual-held-below", "1.5"],
            ["--takeover-above-usual", "1.5"], ["--confirmed-above-usual", "2"],
        ]
        for setting in settings {
            let result = try SiamtrackProcess.run(["track", video, "--box", box] + setting)
            assertFails(
                result, status: 2,
                mentioning: ["--absent-below-usual", "--present-above-usual", "--usual-held-below", "--takeover-above-usual", "--confirmed-above-usual", "[0, 1]"])
        }
    }

    func testLookAlikeSettingsOutOfRangeAreUsageErrors() throws {
        for settings in [["--look-alike-above", "1.5"], ["--look-alike-sweep-period", "0"], ["--look-alike-frames-after-loss", "10001"]] {
            let result = try SiamtrackProcess.run(["track", video, "--box", box] + settings)
            assertFails(result, status: 2, mentioning: ["--look-alike-above", "--look-alike-sweep-period", "--look-alike-frames-after-loss"])
        }
    }

    // MARK: Model and output

    func testModelThatIsNotASafetensorsFileFailsNamingTheModel() throws {
        let model = fixture("not_a_video.mp4")
        let result = try SiamtrackProcess.run(["track", video, "--box", box, "--model", model])
        assertFails(result, status: 1, mentioning: [model, "model", "not a valid safetensors file"])
    }

    func testMissingModelFileFailsNamingTheModel() throws {
        let model = fixture("no_such_model.safetensors")
        let result = try SiamtrackProcess.run(["track", video, "--box", box, "--model", model])
        assertFails(result, status: 1, mentioning: [model, "cannot read model"])
    }

    func testOutputInAMissingFolderFailsNamingThePath() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("siamtrack-no-such-folder-\(UUID().uuidString)")
            .appendingPathComponent("track.jsonl").path
        let result = try SiamtrackProcess.run(["track", video, "--box", box, "--output", output])
        assertFails(result, status: 1, mentioning: [output, "cannot open output file"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }
}
