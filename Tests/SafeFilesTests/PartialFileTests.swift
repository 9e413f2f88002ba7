import Foundation
import SafeFiles
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
            FileManager.default.createFile(atPath: partial.path, contents: Data("half".utf8))
            XCTAssertEqual(names.count, 2)
        }
        XCTAssertEqual(names, ["out.jsonl"])
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("complete\n".utf8))
    }

    func testRemoveLiveFilesUnlinksWhatIsBeingWritten() throws {
        let partial = PartialFile(beside: folder + "/video.mp4")
        FileManager.default.createFile(atPath: partial.path, contents: Data("frames".utf8))
        PartialFile.removeLiveFiles()
        XCTAssertEqual(names, [])
        partial.discard()
    }

    func testStaleFilesOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let dead = "\(folder!)/.out.mp4.2147483646.7.partial"
        let live = "\(folder!)/.out.mp4.\(getpid()).8.partial"
        let other = "\(folder!)/.other.mp4.2147483646.9.partial"
        for path in [dead, live, other] { FileManager.default.createFile(atPath: path, contents: Data()) }
        XCTAssertEqual(PartialFile.removeStale(beside: folder + "/out.mp4"), [dead])
        XCTAssertEqual(names, [".other.mp4.2147483646.9.partial", ".out.mp4.\(getpid()).8.partial"])
    }

    func testAFullDiskLeavesTheLastCompleteFile() throws {
        let disk = folder + "/small"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard Self.mountSmallDisk(at: disk) else { throw XCTSkip("cannot mount a 64 KiB tmpfs here (needs root)") }
        defer { _ = Self.run("/bin/umount", [disk]) }
        let path = disk + "/summary.json"
        try PartialFile.write(Data("{\"done\": 1}".utf8), to: path)
        XCTAssertThrowsError(try PartialFile.write(Data(repeating: 32, count: 1 << 20), to: path)) { error in
            XCTAssertEqual("\(error)", "cannot write \(path): No space left on device")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("{\"done\": 1}".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk), ["summary.json"])
    }

    func testFolderCreationNamesAFileInTheWay() throws {
        FileManager.default.createFile(atPath: folder + "/file", contents: Data())
        XCTAssertThrowsError(try FolderCreation.create(folder + "/file")) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder!)/file: it is a file, not a folder")
        }
        XCTAssertThrowsError(try FolderCreation.create(folder + "/file/results")) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder!)/file: it is a file, not a folder")
        }
        XCTAssertNoThrow(try FolderCreation.create(folder + "/new/deeper"))
    }

    static func mountSmallDisk(at path: String) -> Bool {
        getuid() == 0 && run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", path]) == 0
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
