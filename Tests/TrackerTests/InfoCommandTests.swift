import Foundation
import XCTest

/// `siamtrack info`: a video's description, as text and as JSON.
final class InfoCommandTests: XCTestCase {
    func testRotatedVideoShowsBothSizesTheRotationAndAnExactCount() throws {
        let result = try SiamtrackProcess.run(["info", SiamtrackProcess.path("Tests/Fixtures/rotated90.mp4")])

        try assertSucceeds(result)
        for expected in ["codec:        h264", "120x160 as displayed, 160x120 as coded", "90 degrees", "10.000 fps", "2.000 s", "20 (header)", "yuv420p"] {
            XCTAssertTrue(result.standardOutput.contains(expected), "no \(expected) in \(result.standardOutput)")
        }
    }

    func testJSONOfAContainerWithoutACountCountsItsPackets() throws {
        let result = try SiamtrackProcess.run(["info", "--json", SiamtrackProcess.path("Tests/Fixtures/vp9.webm")])

        try assertSucceeds(result)
        let info = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(info["codec"] as? String, "vp9")
        XCTAssertEqual(info["frameCount"] as? Int, 20)
        XCTAssertEqual(info["frameCountSource"] as? String, "counted")
        XCTAssertEqual(info["displayWidth"] as? Int, 160)
        XCTAssertEqual(info["framesPerSecond"] as? Double, 10)
    }

    func testMissingFileIsOneLineError() throws {
        assertFails(try SiamtrackProcess.run(["info", "/no/such/video.mp4"]), status: 1, mentioning: ["no such file"])
    }
}
