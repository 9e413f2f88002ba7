import Foundation
import SafeFiles
import XCTest

final class FileIdentityTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "identity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/v.mp4", contents: Data("video".utf8)))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func testSymbolicLinkHardLinkAndDotDotSpellingsAreTheSameFile() throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/soft.mp4", withDestinationPath: folder + "/v.mp4")
        XCTAssertEqual(link(folder + "/v.mp4", folder + "/hard.mp4"), 0)
        let original = FileIdentity(path: folder + "/v.mp4")
        XCTAssertNotNil(original)
        for other in ["/soft.mp4", "/hard.mp4", "/a/../v.mp4", "/./v.mp4"] {
            XCTAssertEqual(FileIdentity(path: folder + other), original, other)
        }
        XCTAssertNotEqual(FileIdentity(path: folder + "/a"), original)
    }

    func testPathsNotYetWrittenMeetThroughLinkedFolders() throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: folder + "/a")
        XCTAssertEqual(FileIdentity(path: folder + "/linked/new/out.jsonl"), FileIdentity(path: folder + "/a/new/out.jsonl"))
        XCTAssertNotEqual(FileIdentity(path: folder + "/a/out.jsonl"), FileIdentity(path: folder + "/a/out.mp4"))
    }

    func testDevicesAreNeverCollisions() {
        XCTAssertNil(FileIdentity(path: "/dev/null"))
        var roles = FileRoles()
        roles.write("/dev/null", as: "-o /dev/null")
        roles.write("/dev/null", as: "--render /dev/null")
        XCTAssertNoThrow(try roles.check())
    }

    func testAnOutputThatIsAnInputOrAnotherOutputIsRefusedNamingBoth() throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/soft.mp4", withDestinationPath: folder + "/v.mp4")
        var roles = FileRoles()
        roles.read(folder + "/v.mp4", as: "the input video v.mp4")
        roles.write(folder + "/out.jsonl", as: "-o out.jsonl")
        roles.write(folder + "/soft.mp4", as: "--render soft.mp4")
        XCTAssertThrowsError(try roles.check()) { error in
            XCTAssertEqual("\(error)", "--render soft.mp4 is the input video v.mp4: siamtrack never writes over what it reads; choose another path")
        }
        var outputs = FileRoles()
        outputs.write(folder + "/out.mp4", as: "-o out.mp4")
        outputs.write(folder + "/a/../out.mp4", as: "--render a/../out.mp4")
        XCTAssertThrowsError(try outputs.check()) { error in
            XCTAssertEqual("\(error)", "-o out.mp4 and --render a/../out.mp4 are the same file; give each output its own path")
        }
    }
}
