import Foundation
import Geometry

/// One line of `siamtrack track` output: where the target is in one frame.
struct TrackRecord {
    let frame: Int
    let timeSeconds: Double
    let box: Box
    let score: Double

    /// The record as one JSON object on one line, keys in a fixed order, newline included.
    var jsonLine: String {
        func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        return "{\"frame\":\(frame),\"time\":\(number(timeSeconds, 6)),\"x\":\(number(box.x, 2)),\"y\":\(number(box.y, 2)),"
            + "\"width\":\(number(box.width, 2)),\"height\":\(number(box.height, 2)),\"score\":\(number(score, 4))}\n"
    }
}
