import Foundation
import Geometry
import XCTest

/// Runs the built `siamtrack` executable as a child process, the way a user or a script does.
///
/// SwiftPM builds the executable product with the tests, into the same products folder as the test
/// bundle (`.build/debug` or `.build/release`, or under `--scratch-path`), so it is found next to
/// the bundle for both `swift test` and `swift test -c release`. `SIAMTRACK_EXECUTABLE` overrides it.
enum SiamtrackProcess {
    /// What one run left behind.
    struct Result {
        /// The exit status, or the signal number when `killedBySignal`.
        let status: Int32
        /// Whether a signal ended the process (a crash: SIGABRT, SIGSEGV, SIGILL, SIGTRAP) rather than `exit`.
        let killedBySignal: Bool
        /// Everything written to stdout.
        let standardOutput: String
        /// Everything written to stderr.
        let standardError: String

        /// The stdout lines, without their newlines.
        var outputLines: [String] { Self.lines(of: standardOutput) }
        /// The stderr lines, without their newlines.
        var errorLines: [String] { Self.lines(of: standardError) }

        /// A summary for assertion messages, with the start of stderr (a crash's backtrace is long).
        var summary: String {
            let ending = killedBySignal ? "killed by signal \(status)" : "exit status \(status)"
            return "\(ending), stderr: \(String(standardError.prefix(500)).debugDescription)"
        }

        private static func lines(of text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(text.hasSuffix("\n") ? 1 : 0)
        }
    }

    /// Why a run could not be made or finished.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The longest a run may take before it is ended and counted as hung: the slowest run, a
    /// 120-frame clip in a debug build on a busy machine, takes about a minute.
    static let timeoutSeconds: Double = 300

    /// The repository root, for the bundled clips and the test fixtures.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The full path of `relativePath` inside the repository, e.g. `"clips/distractor/video.mp4"`.
    static func path(_ relativePath: String) -> String {
        repositoryRoot.appendingPathComponent(relativePath).path
    }

    /// The `siamtrack` executable of this build.
    static func executable() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["SIAMTRACK_EXECUTABLE"] {
            return URL(fileURLWithPath: override)
        }
        // On Linux the bundle URL is the products folder itself; on macOS it is the .xctest inside it.
        var folder = Bundle(for: BundleMarker.self).bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("siamtrack")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw Failure(description: "no siamtrack executable next to \(Bundle(for: BundleMarker.self).bundleURL.path); build it with swift build, or set SIAMTRACK_EXECUTABLE")
    }

    /// Runs `siamtrack` with `arguments` and waits for it to exit.
    static func run(_ arguments: [String]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Files rather than pipes, so a chatty child can never block on a full pipe.
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)

        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let finished = exited.wait(timeout: .now() + timeoutSeconds) == .success
        if !finished {
            process.terminate()
            exited.wait()
        }
        try outputHandle.close()
        try errorHandle.close()
        guard finished else {
            throw Failure(description: "siamtrack \(arguments.joined(separator: " ")) ran longer than \(Int(timeoutSeconds)) s")
        }
        return Result(
            status: process.terminationStatus,
            killedBySignal: process.terminationReason == .uncaughtSignal,
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    private final class BundleMarker {}
}

/// One line of `siamtrack track` output, parsed with `JSONSerialization`.
struct TrackLine {
    /// The keys every line has, no more and no fewer, besides `target` when several targets are tracked.
    static let keys: Set<String> = ["frame", "time", "x", "y", "width", "height", "score", "visible"]

    let frame: Int
    /// The target's number, present only when several targets were given.
    let target: Int?
    let timeSeconds: Double
    let box: Box
    let score: Double
    /// Whether the tracker judged the target present.
    let isVisible: Bool

    /// Parses `text`, which must be exactly one JSON object with `keys`, all numbers but `visible`
    /// (true or false), `frame` whole.
    init(parsing text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let fields = object as? [String: Any] else { throw SiamtrackProcess.Failure(description: "not a JSON object: \(text)") }
        guard Set(fields.keys).subtracting(["target"]) == Self.keys else {
            throw SiamtrackProcess.Failure(description: "keys \(fields.keys.sorted()) instead of \(Self.keys.sorted()): \(text)")
        }
        // JSON true and false also come back as NSNumber, of their own class.
        let booleanType = type(of: NSNumber(value: true))
        func number(_ key: String) throws -> Double {
            guard let value = fields[key] as? NSNumber, type(of: value) != booleanType else {
                throw SiamtrackProcess.Failure(description: "\(key) is not a number: \(text)")
            }
            return value.doubleValue
        }
        let frame = try number("frame")
        guard frame == frame.rounded(), frame >= 0 else { throw SiamtrackProcess.Failure(description: "frame is not a whole number: \(text)") }
        self.frame = Int(frame)
        target = fields["target"] == nil ? nil : Int(exactly: try number("target"))
        timeSeconds = try number("time")
        box = Box(x: try number("x"), y: try number("y"), width: try number("width"), height: try number("height"))
        score = try number("score")
        guard let visible = fields["visible"] as? NSNumber, type(of: visible) == booleanType else {
            throw SiamtrackProcess.Failure(description: "visible is not true or false: \(text)")
        }
        isVisible = visible.boolValue
    }
}

extension XCTestCase {
    /// Asserts that `result` failed with `status`, said so in exactly one `siamtrack: error:` line on
    /// stderr containing every one of `mentions` (case-insensitive) and no Foundation error-domain
    /// text, and printed nothing on stdout.
    func assertFails(
        _ result: SiamtrackProcess.Result, status: Int32, mentioning mentions: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertFalse(result.killedBySignal, result.summary, file: file, line: line)
        XCTAssertEqual(result.status, status, result.summary, file: file, line: line)
        XCTAssertEqual(result.errorLines.count, 1, "stderr must be one line: \(result.standardError.debugDescription)", file: file, line: line)
        XCTAssertTrue(result.standardError.hasPrefix("siamtrack: error: "), result.summary, file: file, line: line)
        XCTAssertTrue(result.standardError.hasSuffix("\n"), result.summary, file: file, line: line)
        for domainText in ["Domain", "NSCocoa", "NSPOSIX", "Code="] {
            XCTAssertFalse(result.standardError.contains(domainText), "an error in Foundation's words: \(result.summary)", file: file, line: line)
        }
        for mention in mentions {
            XCTAssertTrue(
                result.standardError.localizedCaseInsensitiveContains(mention),
                "stderr does not mention \(mention.debugDescription): \(result.standardError.debugDescription)", file: file, line: line)
        }
        XCTAssertEqual(result.standardOutput, "", "a failed run must print no JSON", file: file, line: line)
    }

    /// Asserts that `result` exited with status 0 and nothing on stderr, and stops the test
    /// otherwise: what it printed is not worth checking.
    func assertSucceeds(_ result: SiamtrackProcess.Result, file: StaticString = #filePath, line: UInt = #line) throws {
        guard !result.killedBySignal, result.status == 0, result.standardError.isEmpty else {
            XCTFail("siamtrack failed: \(result.summary)", file: file, line: line)
            throw SiamtrackProcess.Failure(description: "siamtrack failed")
        }
        XCTAssertTrue(result.standardOutput.hasSuffix("\n"), "the last line must be complete", file: file, line: line)
    }

    /// Parses each of `lines` as a track line, failing the test on the first that is not one.
    func parseTrackLines(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [TrackLine] {
        try lines.enumerated().map { index, text in
            do { return try TrackLine(parsing: text) } catch {
                XCTFail("line \(index + 1) is not a valid track line: \(error)", file: file, line: line)
                throw error
            }
        }
    }

    /// The boxes of a ground-truth file, one `x,y,w,h` line per frame.
    func groundTruthBoxes(at path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Box] {
        try groundTruth(at: path, file: file, line: line).boxes
    }

    /// The rows of a ground-truth file, one `x,y,w,h` line per frame, as text and as boxes.
    func groundTruth(at path: String, file: StaticString = #filePath, line: UInt = #line) throws -> (rows: [String], boxes: [Box]) {
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let boxes = try rows.enumerated().map { index, row in
            try XCTUnwrap(Box(parsing: row), "\(path) line \(index + 1): \(row)", file: file, line: line)
        }
        return (rows, boxes)
    }
}
