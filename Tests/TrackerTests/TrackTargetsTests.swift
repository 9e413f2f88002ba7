import Foundation
import Geometry
import SiameseTracker
import VideoIO
import XCTest

/// Several targets in one decode, and starting and stopping anywhere in the video: each checked
/// against the plain single-target run it must equal.
final class TrackTargetsTests: XCTestCase {
    private let video = SiamtrackProcess.path("clips/distractor/video.mp4")
    private let boxes = ["76.32,89.22,60,60", "300,100,40,40", "20,180,50,40"]

    func testSeveralTargetsInOneDecodeEqualTheirSingleRunsBoxForBox() throws {
        let together = try SiamtrackProcess.run(["track", video, "--threads", "2"] + boxes.flatMap { ["--box", $0] })

        try assertSucceeds(together)
        let lines = try parseTrackLines(together.outputLines)
        XCTAssertEqual(lines.count, 3 * 150)
        XCTAssertEqual(lines.prefix(3).map(\.target), [0, 1, 2], "the targets of a frame in the order given")
        for (index, box) in boxes.enumerated() {
            let alone = try SiamtrackProcess.run(["track", video, "--box", box])
            try assertSucceeds(alone)
            let single = try parseTrackLines(alone.outputLines)
            XCTAssertTrue(single.allSatisfy { $0.target == nil }, "one --box keeps the lines without a target key")
            let mine = lines.filter { $0.target == index }
            XCTAssertEqual(mine.map(\.frame), single.map(\.frame))
            XCTAssertEqual(mine.map(\.box), single.map(\.box), "target \(index)")
            XCTAssertEqual(mine.map(\.score), single.map(\.score), "target \(index)")
        }
    }

    func testBoxesFileGivesTheSameLinesAsRepeatedBoxOptions() throws {
        let file = try temporaryDirectory().appendingPathComponent("targets.txt")
        try Data("# two people\n\(boxes[0])\n\n\(boxes[1].replacingOccurrences(of: ",", with: " "))\n".utf8).write(to: file)

        let fromFile = try SiamtrackProcess.run(["track", video, "--boxes", file.path, "--end-frame", "20"])
        let fromOptions = try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--box", boxes[1], "--end-frame", "20"])

        try assertSucceeds(fromFile)
        XCTAssertEqual(fromFile.standardOutput, fromOptions.standardOutput)
        XCTAssertEqual(try parseTrackLines(fromFile.outputLines).last?.frame, 20, "--end-frame is the last frame tracked")
    }

    func testBadBoxesFileNamesTheLine() throws {
        let file = try temporaryDirectory().appendingPathComponent("targets.txt")
        try Data("\(boxes[0])\n10,20,abc,4\n".utf8).write(to: file)

        assertFails(try SiamtrackProcess.run(["track", video, "--boxes", file.path]), status: 1, mentioning: ["targets.txt", "line 2"])
    }

    func testStartFrameEqualsTrackingTheClipCutAtThatFrame() throws {
        let start = Box(x: 120, y: 95, width: 60, height: 60)
        let result = try SiamtrackProcess.run(["track", video, "--box", start.description, "--start-frame", "30"])

        try assertSucceeds(result)
        let lines = try parseTrackLines(result.outputLines)
        // The cut clip: the same decoded frames from frame 30 on, tracked from their first.
        let reader = try VideoReader(path: video, threads: 1)
        var frames: [VideoFrame] = []
        while let frame = try reader.nextFrame() { frames.append(frame) }
        let cut = frames.dropFirst(30)
        var tracker = try SiamFCTracker(frame: cut.first!.image, box: start)
        let expected = [start] + cut.dropFirst().map { tracker.update(frame: $0.image).box }
        XCTAssertEqual(lines.map(\.frame), Array(30..<150), "frames keep the video's numbers")
        XCTAssertEqual(lines.map(\.timeSeconds), cut.map { ($0.timeSeconds * 1e6).rounded() / 1e6 }, "and its times")
        for (line, box) in zip(lines, expected) {
            XCTAssertEqual(line.box.x, box.x, accuracy: 0.006, "frame \(line.frame)")
            XCTAssertEqual(line.box.width, box.width, accuracy: 0.006, "frame \(line.frame)")
        }
    }

    func testStartTimeStartsOnTheFirstFrameShownThenAndEndTimeStopsAfterTheLastBeforeIt() throws {
        let result = try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--start-time", "1", "--end-time", "2.5"])

        try assertSucceeds(result)
        let lines = try parseTrackLines(result.outputLines)
        XCTAssertEqual(lines.first?.frame, 30, "30 fps: frame 30 is shown at 1 s")
        XCTAssertEqual(lines.first?.timeSeconds, 1)
        XCTAssertEqual(lines.last?.frame, 75)
    }

    func testProgressLineGoesToStderrOnlyWhenAsked() throws {
        let quiet = try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--end-frame", "10"])
        let shown = try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--end-frame", "10", "--progress"])

        try assertSucceeds(quiet)
        XCTAssertEqual(shown.status, 0, shown.summary)
        XCTAssertEqual(shown.standardOutput, quiet.standardOutput, "the JSON lines do not change")
        XCTAssertTrue(shown.standardError.contains("frames") && shown.standardError.contains("\r"), shown.standardError.debugDescription)
    }
}
