import Foundation
import SafeFiles

/// A status line on stderr, redrawn in place a few times a second while a long job runs: what is
/// being done, how far, how fast, the time spent and, when the total is known, the time left.
/// It draws nothing unless enabled (by default only when stderr is a terminal).
final class ProgressLine {
    private let isEnabled: Bool
    private let unit: String
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var widestLine = 0
    /// Seconds between redraws.
    private static let interval = 0.25

    /// A line counting `unit`s (e.g. "frames"); `forced` overrides the terminal test.
    init(unit: String, forced: Bool? = nil) {
        self.unit = unit
        isEnabled = forced ?? (isatty(STDERR_FILENO) == 1)
    }

    /// Shows `done` of `total` (nil when unknown) with an optional `label`, unless the line was
    /// drawn less than a quarter of a second ago.
    func update(done: Int, total: Int?, label: String = "") {
        guard isEnabled else { return }
        if let lastDrawn, lastDrawn.secondsElapsed < Self.interval { return }
        lastDrawn = .now
        let elapsed = started.secondsElapsed
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = label.isEmpty ? "" : label + "  "
        line += total.map { "\(done)/\($0) \(unit)" } ?? "\(done) \(unit)"
        line += String(format: "  %.1f %@/s  elapsed %@", rate, unit, Self.clock(elapsed))
        if let total, rate > 0, done <= total { line += "  left " + Self.clock(Double(total - done) / rate) }
        draw(line)
    }

    /// Clears the line, so that what is printed next starts clean; the next `update` draws it
    /// again at once.
    func clear() {
        guard isEnabled, widestLine > 0 else { return }
        FileDescriptorWriting.writeToStandardError("\r" + String(repeating: " ", count: widestLine) + "\r")
        widestLine = 0
        lastDrawn = nil
    }

    private func draw(_ line: String) {
        let padding = String(repeating: " ", count: max(0, widestLine - line.count))
        widestLine = max(widestLine, line.count)
        FileDescriptorWriting.writeToStandardError("\r" + line + padding)
    }

    /// `h:mm:ss`.
    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}
