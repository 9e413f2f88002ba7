import Foundation
import SafeFiles
import TestSupport
import XCTest

final class PartialFileTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "partial-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    private var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    func testWriteReplacesTheFileWholeAndLeavesNothingAside() throws {
        let path = folder + "/summary.json"
        try PartialFile.write(Data("old".utf8), to: path)
        try PartialFile.write(Data("new".utf8), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("new".utf8))
        XCTAssertEqual(names, ["summary.json"])
    }

    func testAPartialFileDroppedUncommittedIsRemovedAndTheDestinationKept() throws {
        let path = folder + "/out.jsonl"
        try PartialFile.write(Data("complete\n".utf8), to: path)
        do {
            let partial = PartialFile(beside: path)
            XCTAssertTrue(FileManager.default.createFile(atPath: partial.path, contents: Data("half".utf8)))
            XCTAssertEqual(names.count, 2)
        }
        XCTAssertEqual(names, ["out.jsonl"])
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("complete\n".utf8))
    }

    func testRemoveLiveFilesUnlinksWhatIsBeingWritten() throws {
        let partial = PartialFile(beside: folder + "/video.mp4")
        XCTAssertTrue(FileManager.default.createFile(atPath: partial.path, contents: Data("frames".utf8)))
        PartialFile.removeLiveFiles()
        XCTAssertEqual(names, [])
        partial.discard()
    }

    func testStaleFilesOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let dead = "\(folder!)/.out.mp4.2147483646.7.partial"
        let live = "\(folder!)/.out.mp4.\(getpid()).8.partial"
        let other = "\(folder!)/.other.mp4.2147483646.9.partial"
        for path in [dead, live, other] { XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data())) }
        XCTAssertEqual(PartialFile.removeStale(beside: folder + "/out.mp4"), [dead])
        XCTAssertEqual(names, [".other.mp4.2147483646.9.partial", ".out.mp4.\(getpid()).8.partial"])
    }

    func testAFullDiskLeavesTheLastCompleteFile() throws {
        guard let disk = SmallDisk(at: folder + "/small", kibibytes: 64) else { throw XCTSkip("cannot mount a 64 KiB tmpfs here (needs root)") }
        defer { withExtendedLifetime(disk) {} }
        let path = disk.path + "/summary.json"
        try PartialFile.write(Data("{\"done\": 1}".utf8), to: path)
        XCTAssertThrowsError(try PartialFile.write(Data(repeating: 32, count: 1 << 20), to: path)) { error in
            XCTAssertEqual("\(error)", "cannot write \(path): No space left on device")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("{\"done\": 1}".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path), ["summary.json"])
    }

    func testFolderCreationNamesAFileInTheWay() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/file", contents: Data()))
        XCTAssertThrowsError(try FolderCreation.create(folder + "/file")) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder!)/file: it is a file, not a folder")
        }
        XCTAssertThrowsError(try FolderCreation.create(folder + "/file/results")) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder!)/file: it is a file, not a folder")
        }
        XCTAssertNoThrow(try FolderCreation.create(folder + "/new/deeper"))
    }
}
