/// Why training cannot run.
enum TrainError: Error, CustomStringConvertible {
    case noUsableClips

    var description: String {
        switch self {
        case .noUsableClips: "no clip has two or more frames with the target in view; check the --data folders"
        }
    }
}
