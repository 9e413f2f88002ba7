import Foundation
import Geometry
import Imaging
import VideoIO
import XCTest

/// `siamtrack track --render`: the input video re-encoded with each target's box drawn, read back
/// with FFmpeg and compared with the input, pixel by pixel.
final class TrackRenderTests: XCTestCase {
    private let video = SiamtrackProcess.path("clips/distractor/video.mp4")
    private let boxes = ["76.32,89.22,60,60", "300,100,40,40"]
    /// Targets 0 and 1's colours, as `FrameAnnotator.palette` has them.
    private let colours = [RGBColour(red: 0, green: 255, blue: 0), RGBColour(red: 255, green: 0, blue: 255)]

    func testRenderedVideoHasEveryFrameAtTheInputsTimesWithTheBoxesDrawnAndTheRestUnchanged() throws {
        let output = try temporaryDirectory().appendingPathComponent("tracked.mp4")

        let result = try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--box", boxes[1], "--render", output.path])

        try assertSucceeds(result)
        let lines = try parseTrackLines(result.outputLines)
        let rendered = try readFrames(output.path), original = try readFrames(video)
        XCTAssertEqual(rendered.count, original.count, "one rendered frame per input frame")
        XCTAssertEqual(lines.count, 2 * original.count, "two targets, one line each per frame")
        XCTAssertEqual(try VideoInfo(path: output.path).codec, "h264")
        for (drawn, input) in zip(rendered, original) {
            XCTAssertEqual(drawn.timeSeconds, input.timeSeconds, accuracy: 1e-3, "frame \(input.index) keeps its time")
        }
        for index in [0, 40, 149] {
            let frameLines = lines.filter { $0.frame == index }
            XCTAssertEqual(frameLines.map(\.target), [0, 1])
            let drawn = rendered[index].image, input = original[index].image
            for line in frameLines {
                let colour = colours[try XCTUnwrap(line.target)]
                // 3 pixels along the left edge from the top and along the bottom edge from the
                // left, where the edges' first dashes begin: on the outline whether it is solid or
                // dashed (an unsure target's).
                let edgePoints = [(line.box.x, line.box.y + 3), (line.box.x + 3, line.box.maxY)]
                // Where another target's outline passes within a few pixels, 4:2:0 mixes the two colours.
                let others = frameLines.filter { $0.target != line.target }.map(\.box)
                let clear = edgePoints.filter { point in
                    let (px, py) = (Int(point.0.rounded()), Int(point.1.rounded()))
                    return !others.contains { $0.insetBy(-4).contains(px, py) && !$0.insetBy(4).contains(px, py) }
                }
                XCTAssertFalse(clear.isEmpty, "frame \(index) target \(line.target!): no edge point clear of the other outlines")
                for (x, y) in clear {
                    // 4:2:0 shares colour between 2x2 pixels, so a thin line keeps it only roughly.
                    let (px, py) = (Int(x.rounded()), Int(y.rounded()))
                    let message = "frame \(index) target \(line.target!): the outline's colour at (\(x), \(y))"
                    XCTAssertLessThan(distance(drawn[px, py], colour), 70, message)
                    XCTAssertLessThan(2 * distance(drawn[px, py], colour), distance(input[px, py], colour), message)
                }
            }
            // Away from boxes and labels the picture is the input's, up to H.264's loss.
            let covered = frameLines.map { $0.box.insetBy(-16) } + [Box(x: 0, y: 0, width: 60, height: 20)]
            var difference = 0.0, counted = 0
            for y in stride(from: 0, to: input.height, by: 3) {
                for x in stride(from: 0, to: input.width, by: 3) where !covered.contains(where: { $0.contains(x, y) }) {
                    difference += Double(distance(drawn[x, y], input[x, y]))
                    counted += 1
                }
            }
            XCTAssertLessThan(difference / Double(counted), 8, "frame \(index): mean colour distance outside the boxes")
        }
    }

    func testImagePatternWritesOnePNGPerFrameNumberedAsTheVideoIs() throws {
        let folder = try temporaryDirectory()

        let result = try SiamtrackProcess.run([
            "track", video, "--box", boxes[0], "--start-frame", "5", "--end-frame", "9", "--render", folder.appendingPathComponent("%04d.png").path,
        ])

        try assertSucceeds(result)
        XCTAssertEqual(try contents(of: folder), ["0005.png", "0006.png", "0007.png", "0008.png", "0009.png"])
        XCTAssertEqual(try VideoInfo(path: folder.appendingPathComponent("0007.png").path).codec, "png")
    }

    func testUnwritableRenderPathFailsBeforeAnyLineAndLeavesNothing() throws {
        let folder = try temporaryDirectory()
        let missing = folder.appendingPathComponent("no-such-folder/out.mp4").path

        let result = try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--render", missing])

        assertFails(result, status: 1, mentioning: ["cannot write", "no-such-folder/out.mp4"])
        XCTAssertEqual(try contents(of: folder), [])
    }

    func testUnknownContainerAndAFolderInTheWayAreRefused() throws {
        let folder = try temporaryDirectory()
        let inTheWay = folder.appendingPathComponent("taken.mp4")
        try FileManager.default.createDirectory(at: inTheWay, withIntermediateDirectories: false)

        assertFails(
            try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--render", folder.appendingPathComponent("out.xyz").path]),
            status: 1, mentioning: ["out.xyz", "no container"])
        assertFails(
            try SiamtrackProcess.run(["track", video, "--box", boxes[0], "--render", inTheWay.path]),
            status: 1, mentioning: ["taken.mp4", "other than a regular file"])
        XCTAssertEqual(try contents(of: folder), ["taken.mp4"])
    }

    func testStartPastTheEndFailsAndLeavesNoVideo() throws {
        let folder = try temporaryDirectory()

        let result = try SiamtrackProcess.run([
            "track", video, "--box", boxes[0], "--start-frame", "150", "--render", folder.appendingPathComponent("out.mp4").path,
        ])

        assertFails(result, status: 1, mentioning: ["past the end", "150 frames"])
        XCTAssertEqual(try contents(of: folder), [])
    }

    // MARK: - Helpers

    private func readFrames(_ path: String) throws -> [VideoFrame] {
        let reader = try VideoReader(path: path)
        var frames: [VideoFrame] = []
        while let frame = try reader.nextFrame() { frames.append(frame) }
        return frames
    }

    /// The largest difference of the three channels.
    private func distance(_ pixel: (UInt8, UInt8, UInt8), _ colour: RGBColour) -> Int {
        distance(pixel, (colour.red, colour.green, colour.blue))
    }

    private func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        max(abs(Int(a.0) - Int(b.0)), abs(Int(a.1) - Int(b.1)), abs(Int(a.2) - Int(b.2)))
    }
}

private extension Box {
    /// The box grown by `-amount` on every side (shrunk for a positive amount).
    func insetBy(_ amount: Double) -> Box { Box(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount) }

    func contains(_ px: Int, _ py: Int) -> Bool { Double(px) >= x && Double(px) < maxX && Double(py) >= y && Double(py) < maxY }
}
