import Foundation
import SafeFiles
import Geometry

/// Reads ground-truth files: one row per frame, numbers separated by commas, tabs or spaces.
///
/// A row holds either `x,y,w,h` or a polygon `x1,y1,x2,y2,x3,y3,x4,y4` (VOT), which becomes the
/// axis-aligned box spanning its corners (min and max of the x and y coordinates). A row is
/// absent (nil) when the target is not visible: any number is `nan` (our clips, LaSOT, VOT-LT) or
/// the width or height is not positive, which covers VOT's and GOT-10k's `0,0,0,0` rows and the
/// all-zero polygons; the metrics skip these frames either way.
package enum GroundTruthFile {
    /// The boxes in the file at `path`, one per row; nil where the target is absent.
    package static func read(path: String) throws(DatasetError) -> [Box?] {
        try parse(readText(path: path), path: path)
    }

    /// The boxes in `text`, the contents of the file at `path` (named in errors).
    ///
    /// Blank lines at the end are ignored; a blank line before the last row is an error, since it
    /// would shift every later frame.
    package static func parse(_ text: String, path: String) throws(DatasetError) -> [Box?] {
        let lines = rows(of: text)
        guard !lines.isEmpty else { throw .emptyGroundTruth(path: path) }
        var boxes: [Box?] = []
        boxes.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let numbers = try numbers(in: line, path: path, lineNumber: index + 1)
            boxes.append(box(from: numbers))
        }
        return boxes
    }

    /// The lines of `text` (`\n`, `\r\n` or `\r` ended), without the blank lines at its end.
    static func rows(of text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines
    }

    /// The contents of the file at `path`, as UTF-8 text.
    static func readText(path: String) throws(DatasetError) -> String {
        do {
            return try FileContents.readText(path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    private static func numbers(in line: Substring, path: String, lineNumber: Int) throws(DatasetError) -> [Double] {
        // Words first: "found 6" would be a puzzling answer to a line of text.
        var numbers: [Double] = []
        for field in Box.fields(of: line) {
            guard !field.lowercased().contains("x"), let number = Double(field.lowercased()) else {
                throw .notANumber(path: path, line: lineNumber, field: String(field))
            }
            numbers.append(number)
        }
        guard numbers.count == 4 || numbers.count == 8 else {
            throw .wrongFieldCount(path: path, line: lineNumber, found: numbers.count)
        }
        return numbers
    }

    private static func box(from numbers: [Double]) -> Box? {
        guard numbers.allSatisfy({ !$0.isNaN }) else { return nil }
        let box: Box
        if numbers.count == 8 {
            let xs = stride(from: 0, to: 8, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: 8, by: 2).map { numbers[$0] }
            let left = xs.min() ?? .nan, top = ys.min() ?? .nan
            box = Box(x: left, y: top, width: (xs.max() ?? .nan) - left, height: (ys.max() ?? .nan) - top)
        } else {
            box = Box(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
        }
        return box.isFinite && !box.isEmpty ? box : nil
    }
}
