import Foundation
import XCTest

/// What a hostile but fair tester tried (issue 13): outputs that are not plain files, writes that
/// fail, numbers in odd spellings, a blank first frame, and eval's frame limit.
final class HostileInputTests: XCTestCase {
    private let video = SiamtrackProcess.path("Tests/Fixtures/h264.mp4")
    private let box = "32,24,96,72"

    func testOutputThroughASymlinkWritesItsTargetAndKeepsTheLink() throws {
        let folder = try temporaryDirectory()
        let target = folder.appendingPathComponent("target.jsonl"), link = folder.appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)

        let result = try SiamtrackProcess.run(["track", video, "--box", box, "--output", link.path])

        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), target.path, "the link is still a link")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8).split(separator: "\n").count, 20)
    }

    func testOutputIntoAFIFOIsWrittenForItsReader() throws {
        let fifo = try temporaryDirectory().appendingPathComponent("lines")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        final class Received: @unchecked Sendable { var data = Data() }
        let received = Received(), done = DispatchSemaphore(value: 0)
        let path = fifo.path
        Thread {
            received.data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }.start()

        let result = try SiamtrackProcess.run(["track", video, "--box", box, "--output", fifo.path])
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success, "the reader got its end of file")

        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(String(decoding: received.data, as: UTF8.self).split(separator: "\n").count, 20)
        var status = stat()
        XCTAssertEqual(lstat(fifo.path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the FIFO is not replaced by a file")
    }

    func testAFullDeviceGivesOneErrorLineAndStatus1() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", box, "--output", "/dev/full"])

        assertFails(result, status: 1, mentioning: ["cannot write to /dev/full", "no space left"])
        var status = stat()
        XCTAssertEqual(lstat("/dev/full", &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "the device node is still a device")
    }

    func testAClosedPipeWithSIGPIPEIgnoredGivesOneErrorLineNotACrash() throws {
        let process = Process()
        process.executableURL = try SiamtrackProcess.executable()
        process.arguments = ["track", video, "--box", box]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // Ignored signals stay ignored in the child: its writes then fail with EPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        try output.fileHandleForReading.close()
        try process.run()
        process.waitUntilExit()

        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationReason, .exit, message)
        XCTAssertEqual(process.terminationStatus, 1, message)
        XCTAssertTrue(message.hasPrefix("siamtrack: error: cannot write to standard output: Broken pipe"), message)
        XCTAssertEqual(message.split(separator: "\n").count, 1)
    }

    func testExtremeNumbersAreRefusedWhereTheyEnter() throws {
        assertFails(try SiamtrackProcess.run(["track", video, "--box", "10,10,1e20,1e20"]), status: 1, mentioning: ["4 times"])
        assertFails(try SiamtrackProcess.run(["track", video, "--box", "10,10,0.001,0.001"]), status: 1, mentioning: ["smaller than a pixel"])
        assertFails(try SiamtrackProcess.run(["track", video, "--box", box, "--scale-step", "inf"]), status: 2, mentioning: ["--scale-step"])
        assertFails(try SiamtrackProcess.run(["track", video, "--box", box, "--threads", "10000"]), status: 2, mentioning: ["--threads"])
        let negative = try SiamtrackProcess.run(["track", video, "--box=-5,-5,40,40", "--end-frame", "2"])
        XCTAssertEqual(negative.status, 0, negative.summary)
    }

    func testHexadecimalBoxesAreUsageErrors() throws {
        assertFails(try SiamtrackProcess.run(["track", video, "--box", "0x10,10,20,20"]), status: 2, mentioning: ["--box", "four numbers"])
    }

    func testEvalMaxFramesRunsThatManyFramesOfALongerVideo() throws {
        let folder = try temporaryDirectory()
        let clip = folder.appendingPathComponent("clip")
        try FileManager.default.createDirectory(at: clip, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: video, toPath: clip.appendingPathComponent("video.mp4").path)
        try Data(String(repeating: "\(box)\n", count: 5).utf8).write(to: clip.appendingPathComponent("groundtruth.txt"))

        let limited = try SiamtrackProcess.run(["eval", clip.path, "--max-frames", "5", "-o", folder.appendingPathComponent("out").path])
        let whole = try SiamtrackProcess.run(["eval", clip.path, "-o", folder.appendingPathComponent("out2").path])

        XCTAssertEqual(limited.status, 0, limited.summary)
        XCTAssertEqual(whole.status, 1, "without the limit, a video longer than its ground truth is an error")
        XCTAssertTrue(whole.standardError.contains("more frames"), whole.summary)
    }

    func testATextLineInTheGroundTruthIsCalledNotANumber() throws {
        let clip = try temporaryDirectory().appendingPathComponent("clip")
        try FileManager.default.createDirectory(at: clip, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: video, toPath: clip.appendingPathComponent("video.mp4").path)
        try Data("this is not a box at all\n".utf8).write(to: clip.appendingPathComponent("groundtruth.txt"))

        assertFails(try SiamtrackProcess.run(["eval", clip.path]), status: 1, mentioning: ["line 1", "'this' is not a number"])
    }
}
