/// Why training cannot run.
enum TrainError: Error, CustomStringConvertible {
    case noUsableClips
    case noPhotos(String)
    case unwritableOutputFolder(String)

    var description: String {
        switch self {
        case .noUsableClips: "no clip has two or more frames with the target in view; check the --data folders"
        case .noPhotos(let folder): "\(folder) holds no .jpg, .jpeg or .png photos for --images"
        case .unwritableOutputFolder(let folder): "cannot write the model into \(folder): check the folder exists and is writable"
        }
    }
}
