internal import CFFmpeg
import Foundation

/// Pictures from an ordered list of image files, one frame per file, at a fixed frame rate: datasets
/// such as OTB whose numbering need not start where FFmpeg's image patterns look.
final class ImageListSource: PictureSource {
    let storedWidth: Int
    let storedHeight: Int
    let rotation = DisplayRotation.upright
    private let files: [String]
    private let rate: Double
    private var nextFile = 0

    /// Checks that every file exists and learns the picture size from the first one.
    init(files: [String], framesPerSecond: Double) throws(VideoError) {
        precondition(framesPerSecond > 0, "frame rate must be positive")
        guard let first = files.first else { throw .noImageFiles }
        // Fail before any work rather than hundreds of frames in.
        if let missing = files.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw .fileNotFound(path: missing)
        }
        let firstImage = try MediaInput(path: first)
        storedWidth = firstImage.storedWidth
        storedHeight = firstImage.storedHeight
        self.files = files
        rate = framesPerSecond
    }

    var framesPerSecond: Double? { rate }
    var durationSeconds: Double? { Double(files.count) / rate }
    var frameCount: Int? { files.count }
    /// Always 0: a damaged image is an error, named by its file.
    var lostPictures: Int { 0 }

    func path(ofFrame index: Int) -> String { files[index] }

    func decodeNextPicture(into frame: UnsafeMutablePointer<AVFrame>, frameIndex: Int) throws(VideoError) -> Bool {
        guard nextFile < files.count else { return false }
        let file = files[nextFile]
        nextFile += 1
        // One thread, because a thread pool per image costs more than it saves, and no stream
        // analysis, which would decode every image twice.
        let image = try StreamPictureSource(path: file, threads: 1, probesStreams: false)
        guard try image.decodeNextPicture(into: frame, frameIndex: frameIndex) else {
            throw .decodingFailed(path: file, frameIndex: frameIndex, reason: "the file holds no picture")
        }
        return true
    }

    func presentationSeconds(of frame: UnsafePointer<AVFrame>, frameIndex: Int) -> Double {
        Double(frameIndex) / rate
    }
}
