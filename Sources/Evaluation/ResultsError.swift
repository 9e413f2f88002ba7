/// Why tracking results could not be written or read.
package enum ResultsError: Error, CustomStringConvertible, Equatable {
    /// A file or directory could not be written.
    case unwritable(path: String, reason: String)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// The results folder has no boxes file for the sequence.
    case missingSequence(folder: String, sequence: String)
    /// A line of a boxes file is not `x,y,w,h`.
    case malformedLine(path: String, line: Int, text: String)
    /// The report holds a number JSON cannot store (infinity or NaN).
    case unencodableReport(path: String, reason: String)

    /// One line naming the file and the problem.
    package var description: String {
        switch self {
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .missingSequence(let folder, let sequence):
            "results folder \(folder) has no \(sequence).txt for sequence \(sequence)"
        case .malformedLine(let path, let line, let text):
            "results \(path) line \(line): expected x,y,w,h, found '\(text)'"
        case .unencodableReport(let path, let reason): "cannot write report \(path): \(reason)"
        }
    }
}
