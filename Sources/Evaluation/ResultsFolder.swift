import Foundation
import SafeFiles
import Geometry

/// A folder of one tracker's results in the OTB results format, plus our timings and report.
///
/// - `NAME.txt`: one `x,y,w,h` per frame, comma separated (what OTB and pysot toolkits read);
/// - `NAME_time.txt`: the seconds the tracker took on each frame, one per line;
/// - `NAME_trace.csv`: per frame, overlap, centre error and the tracker's confidence (`FrameTrace`);
/// - `report.json`: the `Report`, every number included.
///
/// Any OTB-format folder can be read back, so another tracker's results are scored against the
/// same ground truth and drawn on the same plots.
package struct ResultsFolder: Hashable, Sendable {
    /// The folder's path.
    package let path: String

    /// A results folder at `path`; nothing is read or created until used.
    package init(path: String) {
        self.path = path
    }

    /// The tracker's name, taken to be the folder's name (as in the OTB and pysot toolkits).
    package var trackerName: String { URL(fileURLWithPath: path).lastPathComponent }

    /// The boxes file of the sequence `name`.
    package func boxesPath(sequence name: String) -> String { file("\(name).txt") }

    /// The timings file of the sequence `name`.
    package func frameTimesPath(sequence name: String) -> String { file("\(name)_time.txt") }

    /// The per-frame trace of the sequence `name`.
    package func tracePath(sequence name: String) -> String { file("\(name)_trace.csv") }

    /// The JSON report.
    package var reportPath: String { file("report.json") }

    /// Where the presence reports of sequence `name` are: `NAME_presence.txt`.
    package func presencePath(sequence name: String) -> String { file("\(name)_presence.txt") }

    /// Writes one box per frame to `NAME.txt`, creating the folder if needed.
    ///
    /// Numbers are written in full (shortest exact form), so scores read back are the same;
    /// a lost target's NaN box is written `nan,nan,nan,nan`.
    package func writeBoxes(_ boxes: [Box], sequence name: String) throws(ResultsError) {
        let lines = boxes.map { box in [box.x, box.y, box.width, box.height].map { "\($0)" }.joined(separator: ",") }
        try write(lines, to: boxesPath(sequence: name))
    }

    /// Writes one duration in seconds per frame to `NAME_time.txt`, creating the folder if needed.
    package func writeFrameTimes(_ seconds: [Double], sequence name: String) throws(ResultsError) {
        try write(seconds.map { "\($0)" }, to: frameTimesPath(sequence: name))
    }

    /// Writes `trace` as CSV to `NAME_trace.csv`, creating the folder if needed.
    package func writeTrace(_ trace: FrameTrace, sequence name: String) throws(ResultsError) {
        try write(Data(trace.csv.utf8), to: tracePath(sequence: name))
    }

    /// Writes one `confidence,visible` line per frame (visible 1 or 0) to `NAME_presence.txt`.
    package func writePresence(_ presence: [FramePresence], sequence name: String) throws(ResultsError) {
        try write(presence.map { "\($0.confidence),\($0.isVisible ? 1 : 0)" }, to: presencePath(sequence: name))
    }

    /// The presence reports in `NAME_presence.txt`, or nil when the folder has none for the
    /// sequence: one `confidence[,visible]` line per frame; without the second field a frame
    /// counts as reported present when its confidence is positive.
    package func readPresence(sequence name: String) throws(ResultsError) -> [FramePresence]? {
        let presencePath = presencePath(sequence: name)
        guard FileManager.default.fileExists(atPath: presencePath) else { return nil }
        let text: String
        do {
            text = try FileContents.readText(presencePath)
        } catch {
            throw .unreadable(path: presencePath, reason: error.reason)
        }
        return try GroundTruthFile.rows(of: text).enumerated().map { (index, line) throws(ResultsError) in
            let fields = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map { Double($0) }
            guard (1...2).contains(fields.count), let confidence = fields[0], confidence.isFinite,
                fields.count == 1 || fields[1] == 0 || fields[1] == 1
            else { throw .malformedLine(path: presencePath, line: index + 1, text: String(line)) }
            return FramePresence(confidence: confidence, isVisible: fields.count == 2 ? fields[1] == 1 : confidence > 0)
        }
    }

    /// Writes `report` as pretty-printed JSON with sorted keys to `report.json`.
    /// `run`, when given, is a JSON object of what made the results (the tracker's settings, its
    /// model files), kept under the key `run` so a number can be reproduced from the report alone.
    package func writeReport(_ report: Report, run: Data? = nil) throws(ResultsError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data: Data
        do {
            data = try encoder.encode(report)
            if let run {
                var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
                object["run"] = try JSONSerialization.jsonObject(with: run)
                data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            }
        } catch {
            throw .unencodableReport(path: reportPath, reason: "\(error)")
        }
        try write(data, to: reportPath)
    }

    /// The boxes in `NAME.txt`: one `x,y,w,h` per line, separated by commas, tabs or spaces
    /// (`nan` accepted); blank lines at the end are ignored.
    package func readBoxes(sequence name: String) throws(ResultsError) -> [Box] {
        let boxesPath = boxesPath(sequence: name)
        guard FileManager.default.fileExists(atPath: boxesPath) else {
            throw .missingSequence(folder: path, sequence: name)
        }
        let text: String
        do {
            text = try FileContents.readText(boxesPath)
        } catch {
            throw .unreadable(path: boxesPath, reason: error.reason)
        }
        var boxes: [Box] = []
        for (index, line) in GroundTruthFile.rows(of: text).enumerated() {
            guard let box = Box(parsing: line) else {
                throw .malformedLine(path: boxesPath, line: index + 1, text: String(line))
            }
            boxes.append(box)
        }
        return boxes
    }

    private func file(_ name: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(name).path
    }

    private func write(_ lines: [String], to filePath: String) throws(ResultsError) {
        try write(Data(lines.map { $0 + "\n" }.joined().utf8), to: filePath)
    }

    /// Writes aside and renames, so a full disk or a kill leaves the file as it was.
    private func write(_ data: Data, to filePath: String) throws(ResultsError) {
        do {
            try FolderCreation.create(path)
            try PartialFile.write(data, to: filePath)
        } catch {
            throw .unwritable(path: error.path, reason: error.reason)
        }
    }
}
