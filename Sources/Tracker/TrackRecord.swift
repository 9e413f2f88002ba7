import Foundation
import Geometry

/// One line of `siamtrack track` output: where one target is in one frame.
struct TrackRecord {
    let frame: Int
    /// The target's number (0-based, in the order the boxes were given); nil when a single
    /// target was given with one `--box`, whose lines keep the format without it.
    let target: Int?
    let timeSeconds: Double
    let box: Box
    let score: Double
    /// Whether the target is judged present (`TrackingResult.isVisible`).
    let isVisible: Bool

    /// The record as one JSON object on one line, keys in a fixed order, newline included.
    var jsonLine: String {
        func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        let targetField = target.map { "\"target\":\($0)," } ?? ""
        return "{\"frame\":\(frame),\(targetField)\"time\":\(number(timeSeconds, 6)),\"x\":\(number(box.x, 2)),\"y\":\(number(box.y, 2)),"
            + "\"width\":\(number(box.width, 2)),\"height\":\(number(box.height, 2)),\"score\":\(number(score, 4)),\"visible\":\(isVisible)}\n"
    }
}
