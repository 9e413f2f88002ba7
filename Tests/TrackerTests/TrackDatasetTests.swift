import Foundation
import Geometry
import XCTest

/// `siamtrack track` on real footage from the shared dev set (`../shared/datasets` beside the
/// checkout); skipped, saying why, where that folder is absent.
final class TrackDatasetTests: XCTestCase {
    private static let datasets = SiamtrackProcess.repositoryRoot
        .deletingLastPathComponent().appendingPathComponent("shared/datasets")

    /// Crossing is 360 px wide, not a multiple of 16, unlike the bundled clips and fixtures: it
    /// catches frame conversion that assumes SIMD-friendly widths.
    func testTrackingDevClipCrossingPrintsOneValidLinePerFrame() throws {
        let clip = Self.datasets.appendingPathComponent("dev/Crossing")
        guard FileManager.default.fileExists(atPath: clip.appendingPathComponent("video.mp4").path) else {
            throw XCTSkip("the shared dev set is not at \(clip.path); put ../shared/datasets beside the checkout to run this test")
        }
        let (rows, truth) = try groundTruth(at: clip.appendingPathComponent("groundtruth.txt").path)
        let start = try XCTUnwrap(truth.first)

        let result = try SiamtrackProcess.run(["track", clip.appendingPathComponent("video.mp4").path, "--box", rows[0]])

        try assertSucceeds(result)
        let lines = try parseTrackLines(result.outputLines)
        XCTAssertEqual(lines.count, truth.count, "one line per frame, as many as ground-truth rows")
        XCTAssertEqual(lines.map(\.frame), Array(0..<lines.count))
        XCTAssertEqual(lines.first?.score, 1, "frame 0 is the given box")
        XCTAssertEqual(lines.first?.box.center.x ?? .nan, start.center.x, accuracy: 0.01)
        XCTAssertEqual(lines.first?.box.center.y ?? .nan, start.center.y, accuracy: 0.01)
        for (earlier, later) in zip(lines, lines.dropFirst()) {
            XCTAssertLessThan(earlier.timeSeconds, later.timeSeconds, "times must increase at frame \(later.frame)")
        }
    }
}
