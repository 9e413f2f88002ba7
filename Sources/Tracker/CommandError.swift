/// Failures of the command-line layer itself.
enum CommandError: Error, CustomStringConvertible {
    case cannotWrite(String)
    case emptyVideo(String)

    var description: String {
        switch self {
        case .cannotWrite(let path): "cannot create output file \(path): check the folder exists and is writable"
        case .emptyVideo(let path): "\(path) contains no decodable video frames"
        }
    }
}
