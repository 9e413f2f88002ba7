import Foundation
import Evaluation
import VideoIO

extension FrameSource {
    /// A reader of these frames: FFmpeg's demuxer for a video, the image-list reader for images
    /// (only the first `frameLimit` of them, so the rest are never opened). Damaged data stops it:
    /// a skipped frame would misalign the frames with their ground truth.
    func openReader(decodingThreads: Int, frameLimit: Int? = nil) throws(VideoError) -> VideoReader {
        switch self {
        case .video(let path): try VideoReader(path: path, threads: decodingThreads, damagedData: .stop)
        case .images(let paths): try VideoReader(imageFiles: Array(paths.prefix(frameLimit ?? paths.count)))
        }
    }

    /// The video file, or the folder of the images, for messages.
    var displayPath: String {
        switch self {
        case .video(let path): path
        case .images(let paths): (paths.first.map { ($0 as NSString).deletingLastPathComponent }) ?? "(no images)"
        }
    }
}
