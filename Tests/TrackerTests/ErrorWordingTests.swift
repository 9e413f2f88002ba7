import Foundation
import XCTest

/// Error messages are written in the user's words: no source file turns an error into text with
/// Foundation's `localizedDescription`, which on Linux reads "(NSCocoaErrorDomain error 512.)";
/// every failing run the other tests make is checked for such text by `assertFails`.
final class ErrorWordingTests: XCTestCase {
    func testNoSourceFileUsesFoundationsErrorText() throws {
        let sources = SiamtrackProcess.repositoryRoot.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.contains("localizedDescription"), "\(file) words an error with localizedDescription")
        }
    }
}
