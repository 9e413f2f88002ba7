import Foundation
import XCTest

/// Outputs that are inputs or each other are refused before anything is opened for writing,
/// however the same file is reached (a symbolic or hard link, `a/../v.mp4`), with one line naming both.
final class OutputCollisionTests: XCTestCase {
    private let box = "29.84,113.41,64.59,64.59"

    /// A copy of a bundled clip in a fresh folder, its bytes, and the folder.
    private func copiedClip() throws -> (video: String, bytes: Data, folder: URL) {
        let folder = try temporaryDirectory()
        let video = folder.appendingPathComponent("v.mp4")
        try FileManager.default.copyItem(atPath: SiamtrackProcess.path("clips/textured-square/video.mp4"), toPath: video.path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        return (video.path, try Data(contentsOf: video), folder)
    }

    func testJSONLinesAndRenderingOnOneFileAreRefusedAndNothingIsWritten() throws {
        let (video, _, folder) = try copiedClip()
        let out = folder.appendingPathComponent("out.mp4").path
        let result = try SiamtrackProcess.run(["track", video, "--box", box, "-o", out, "--render", out])
        assertFails(result, status: 2, mentioning: ["-o \(out) and --render \(out) are the same file"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try contents(of: folder), ["a", "v.mp4"])
    }

    func testRenderingOrLinesOntoTheInputVideoThroughAnyNameAreRefusedAndTheVideoKept() throws {
        let (video, bytes, folder) = try copiedClip()
        let soft = folder.appendingPathComponent("soft.mp4").path, hard = folder.appendingPathComponent("hard.mp4").path
        try FileManager.default.createSymbolicLink(atPath: soft, withDestinationPath: video)
        XCTAssertEqual(link(video, hard), 0)
        let dotted = folder.appendingPathComponent("a").path + "/../v.mp4"
        for (option, path) in [("--render", video), ("-o", video), ("--render", soft), ("-o", hard), ("-o", dotted)] {
            let result = try SiamtrackProcess.run(["track", video, "--box", box, option, path])
            assertFails(result, status: 2, mentioning: ["\(option) \(path) is the input video \(video)", "never writes over what it reads"])
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: video)), bytes, "\(option) \(path)")
        }
    }

    func testAnOutputOntoAModelOrBoxesFileIsRefused() throws {
        let (video, _, folder) = try copiedClip()
        let boxes = folder.appendingPathComponent("boxes.txt").path
        try Data("\(box)\n".utf8).write(to: URL(fileURLWithPath: boxes))
        let result = try SiamtrackProcess.run(["track", video, "--boxes", boxes, "-o", boxes])
        assertFails(result, status: 2, mentioning: ["-o \(boxes) is the --boxes file \(boxes)"])
        XCTAssertEqual(try String(contentsOfFile: boxes, encoding: .utf8), "\(box)\n")
    }

    func testABatchOutputThatWouldReplaceItsManifestIsRefused() throws {
        let (_, _, folder) = try copiedClip()
        let manifest = folder.appendingPathComponent("v.jsonl").path
        let line = "{\"video\": \"v.mp4\", \"box\": [\(box)]}\n"
        try Data(line.utf8).write(to: URL(fileURLWithPath: manifest))
        let result = try SiamtrackProcess.run(["batch", manifest, "--out-dir", folder.path])
        assertFails(result, status: 2, mentioning: ["of manifest line 1 is the manifest \(manifest)"])
        XCTAssertEqual(try String(contentsOfFile: manifest, encoding: .utf8), line)
    }

    func testEvalResultsThatWouldReplaceAComparedTrackersResultsAreRefused() throws {
        let folder = try temporaryDirectory()
        let dataset = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SiamtrackProcess.path("clips/textured-square"), toPath: dataset.appendingPathComponent("square").path)
        let other = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let boxes = try String(contentsOfFile: SiamtrackProcess.path("clips/textured-square/groundtruth.txt"), encoding: .utf8)
        try Data(boxes.utf8).write(to: other.appendingPathComponent("square.txt"))
        let result = try SiamtrackProcess.run(["eval", dataset.path, "-o", other.path, "--compare", other.path, "--no-progress"])
        assertFails(result, status: 2, mentioning: ["the result \(other.path)/square.txt is --compare \(other.path)'s results"])
        XCTAssertEqual(try String(contentsOf: other.appendingPathComponent("square.txt"), encoding: .utf8), boxes)
    }
}
