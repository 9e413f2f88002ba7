import Foundation
import XCTest

/// Damaged data inside a video is skipped as FFmpeg's own tools skip it, the other frames keep the
/// video's numbers and a warning names the frames; `--strict` stops at the first. Image sequences
/// with a gap name the missing file, and interrupted runs leave no hidden files.
final class DamagedInputTests: XCTestCase {
    private let clip = SiamtrackProcess.path("clips/distractor/video.mp4")
    private let box = "76.32,89.22,60,60"

    /// Runs a tool of FFmpeg's and returns its stdout.
    private func ffmpegTool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/\(name)") else { throw XCTSkip("\(name) is not installed (scripts/setup installs it)") }
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// The clip with the first byte of two packets (their length field) flipped: the decoder
    /// rejects both, as it would packets hit by a bad sector or a lossy link.
    private func damagedClip(in folder: URL) throws -> String {
        let packets = try ffmpegTool("ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "packet=pos", "-of", "csv=p=0", clip])
            .split(separator: "\n").compactMap { Int($0) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        for packet in [packets[40], packets[90]] { bytes[packet] ^= 0xFF }
        let path = folder.appendingPathComponent("damaged.mp4").path
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The frame numbers FFmpeg decodes from `path`, from its presentation stamps.
    private func framesFFmpegDecodes(_ path: String) throws -> [Int] {
        let stamps = try ffmpegTool("ffmpeg", ["-v", "quiet", "-i", path, "-f", "framemd5", "-"])
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .compactMap { Int($0.split(separator: ",")[2].trimmingCharacters(in: .whitespaces)) }
        let step = stamps[1] - stamps[0]
        return stamps.map { $0 / step }
    }

    func testDamagedPacketsAreSkippedWithTheVideosFrameNumbersAsFFmpegDecodesThem() throws {
        let folder = try temporaryDirectory()
        let damaged = try damagedClip(in: folder)
        let expected = try framesFFmpegDecodes(damaged)
        XCTAssertLessThan(expected.count, 150, "the damage must cost FFmpeg frames")

        let result = try SiamtrackProcess.run(["track", damaged, "--box", box])

        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(try parseTrackLines(result.outputLines).map(\.frame), expected)
        let missing = Set(0..<150).subtracting(expected).sorted().map(String.init).joined(separator: ", ")
        XCTAssertEqual(result.errorLines.count, 1, result.standardError)
        XCTAssertTrue(result.standardError.hasPrefix("siamtrack: warning: \(damaged) is damaged: 2 frames (\(missing)) could not be decoded"), result.standardError)
    }

    func testStrictStopsAtTheFirstDamagedPacketWithCompleteLines() throws {
        let damaged = try damagedClip(in: try temporaryDirectory())
        let result = try SiamtrackProcess.run(["track", damaged, "--box", box, "--strict"])
        XCTAssertEqual(result.status, 1, result.summary)
        let lines = try parseTrackLines(result.outputLines)
        XCTAssertGreaterThan(lines.count, 30)
        XCTAssertEqual(lines.map(\.frame), Array(0..<lines.count))
        XCTAssertEqual(result.errorLines.count, 1, result.summary)
        XCTAssertTrue(result.standardError.hasPrefix("siamtrack: error: cannot decode \(damaged) at frame "), result.summary)
    }

    func testBatchCountsTheDamagedFramesInItsSummary() throws {
        let folder = try temporaryDirectory()
        let damaged = try damagedClip(in: folder)
        let manifest = folder.appendingPathComponent("m.jsonl")
        try Data("{\"video\": \"\(damaged)\", \"box\": [\(box)]}\n".utf8).write(to: manifest)
        let result = try SiamtrackProcess.run(["batch", manifest.path, "--out-dir", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.summary)
        let summary = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/summary.json"))) as? [String: Any])
        XCTAssertEqual(summary["damaged"] as? Int, 1)
        let entry = try XCTUnwrap((summary["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(entry["status"] as? String, "done")
        XCTAssertEqual(entry["damagedFrames"] as? Int, 2)
        XCTAssertEqual(entry["frames"] as? Int, 148)
    }

    func testAnImageSequenceWithAGapNamesTheMissingFile() throws {
        let folder = try temporaryDirectory()
        let images = SiamtrackProcess.path("Tests/Fixtures/seq")
        let names = try FileManager.default.contentsOfDirectory(atPath: images).sorted()
        for (index, name) in names.enumerated() where index != 2 {
            try FileManager.default.copyItem(atPath: "\(images)/\(name)", toPath: folder.appendingPathComponent(name).path)
        }
        let pattern = folder.path + "/%04d.jpg"
        let result = try SiamtrackProcess.run(["track", pattern, "--box", "10,10,20,20"])
        assertFails(result, status: 1, mentioning: ["\(folder.path)/\(names[2]) is missing, between \(folder.path)/\(names[0]) and"])
    }

    func testAnUnreadableImageOfASequenceIsSkippedOrWithStrictNamed() throws {
        let folder = try temporaryDirectory()
        let images = SiamtrackProcess.path("Tests/Fixtures/seq")
        for name in try FileManager.default.contentsOfDirectory(atPath: images) {
            try FileManager.default.copyItem(atPath: "\(images)/\(name)", toPath: folder.appendingPathComponent(name).path)
        }
        try Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: folder.appendingPathComponent("0003.jpg"))
        let pattern = folder.path + "/%04d.jpg"

        let skipping = try SiamtrackProcess.run(["track", pattern, "--box", "10,10,20,20"])
        XCTAssertEqual(skipping.status, 0, skipping.summary)
        XCTAssertEqual(try parseTrackLines(skipping.outputLines).map(\.frame), [0, 1, 3, 4])
        XCTAssertTrue(skipping.standardError.contains("frame 2 could not be decoded and is skipped"), skipping.summary)

        let strict = try SiamtrackProcess.run(["track", pattern, "--box", "10,10,20,20", "--strict"])
        XCTAssertEqual(strict.status, 1, strict.summary)
        XCTAssertTrue(strict.standardError.hasPrefix("siamtrack: error: cannot decode \(folder.path)/0003.jpg at frame 2"), strict.summary)
    }

    func testAnMP4WithItsIndexAtTheEndReadFromAPipeIsNamedAsSuchNotAsDamaged() throws {
        let folder = try temporaryDirectory()
        let long = folder.appendingPathComponent("long.mp4").path, fifo = folder.appendingPathComponent("pipe").path
        _ = try ffmpegTool("ffmpeg", ["-v", "error", "-stream_loop", "9", "-i", clip, "-c", "copy", long])
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", long, fifo]
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let result = try SiamtrackProcess.run(["track", fifo, "--box", box])
        writer.terminate()
        assertFails(result, status: 1, mentioning: ["cannot read \(fifo): this MP4/MOV keeps its index (moov) after the video data", "+faststart"])
    }

    func testSIGINTAndSIGTERMDuringARenderRemoveTheHiddenVideoAndEndByTheSignal() throws {
        let folder = try temporaryDirectory()
        let long = folder.appendingPathComponent("long.mp4").path
        _ = try ffmpegTool("ffmpeg", ["-v", "error", "-stream_loop", "9", "-i", clip, "-c", "copy", long])
        for signalNumber in [SIGINT, SIGTERM] {
            let process = Process()
            process.executableURL = try SiamtrackProcess.executable()
            process.arguments = ["track", long, "--box", box, "-o", folder.appendingPathComponent("out.jsonl").path,
                                 "--render", folder.appendingPathComponent("out.mp4").path, "--no-progress"]
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while try contents(of: folder).filter({ $0.hasSuffix(".partial") }).isEmpty, Date() < deadline { usleep(20_000) }
            usleep(200_000)
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(process.terminationStatus, signalNumber)
            XCTAssertEqual(try contents(of: folder).filter { $0.hasSuffix(".partial") || $0 == "out.mp4" }, [])
        }
    }

    func testARenderRemovesHiddenFilesThatKilledRunsLeft() throws {
        let folder = try temporaryDirectory()
        let stale = folder.appendingPathComponent(".out.mp4.2147483646.12345.partial").path
        XCTAssertTrue(FileManager.default.createFile(atPath: stale, contents: Data("half a video".utf8)))
        let result = try SiamtrackProcess.run([
            "track", SiamtrackProcess.path("clips/textured-square/video.mp4"), "--box", "29.84,113.41,64.59,64.59",
            "-o", folder.appendingPathComponent("out.jsonl").path, "--render", folder.appendingPathComponent("out.mp4").path,
        ])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(try contents(of: folder), ["out.jsonl", "out.mp4"])
    }
}
