/// Why a video could not be opened or read; `description` is one line naming the file, the problem,
/// and what to do about it.
public enum VideoError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing exists at `path` (for an image pattern such as `dir/%04d.jpg`: no file numbered 0 to 4).
    case fileNotFound(path: String)
    /// FFmpeg cannot read `path` as a video or image: another kind of file, or one cut short.
    case notAVideo(path: String, reason: String)
    /// `path` opened but holds no video stream, e.g. an audio file.
    case noVideoStream(path: String)
    /// The video stream's codec cannot be decoded by this FFmpeg build.
    case unsupportedCodec(path: String, codec: String, reason: String)
    /// Reading stopped at frame `frameIndex` because the data there is damaged or missing.
    case decodingFailed(path: String, frameIndex: Int, reason: String)
    /// Frame `frameIndex` is not the size the video announced; the reader only hands out one size.
    case frameSizeChanged(path: String, frameIndex: Int, width: Int, height: Int, expectedWidth: Int, expectedHeight: Int)
    /// An image pattern's sequence has a gap: `missing` lies between `first` and `last`, which exist.
    case missingImage(pattern: String, missing: String, first: String, last: String)
    /// An MP4 or MOV whose index follows its data was given as a pipe, which cannot seek back to it.
    case indexAfterDataInPipe(path: String)
    /// An image list with no files was given.
    case noImageFiles
    /// FFmpeg failed at a step that normal input cannot make fail, so most likely memory ran out.
    case ffmpegFailed(path: String, operation: String, reason: String)

    /// One line: the file, what went wrong, and what the user can do.
    public var description: String {
        switch self {
        case .fileNotFound(let path) where path.contains(/%\d*d/):
            return "cannot open \(path): no file matches this image pattern (numbering must start at 0 to 4); check the pattern, or pass the image files as a list"
        case .fileNotFound(let path):
            return "cannot open \(path): no such file; check the path"
        case .notAVideo(let path, let reason):
            return "cannot open \(path): not a video FFmpeg can read (\(reason)); check that it is a complete video or image file, not cut short or of another type"
        case .noVideoStream(let path):
            return "cannot open \(path): it holds no video stream; pass a file that contains video"
        case .unsupportedCodec(let path, "none", let reason):
            return "cannot decode \(path): FFmpeg does not recognise its video codec (\(reason)); the file is damaged or of a kind this FFmpeg lacks, re-encode it, e.g. ffmpeg -i \(path) -c:v libx264 out.mp4"
        case .unsupportedCodec(let path, let codec, let reason):
            return "cannot decode \(path): this FFmpeg cannot decode its \(codec) video (\(reason)); re-encode it, e.g. ffmpeg -i \(path) -c:v libx264 out.mp4"
        case .decodingFailed(let path, let frameIndex, let reason):
            return "cannot decode \(path) at frame \(frameIndex): \(reason); the file is damaged or cut short, re-encode or copy it again"
        case .frameSizeChanged(let path, let frameIndex, let width, let height, let expectedWidth, let expectedHeight):
            return "cannot read \(path): frame \(frameIndex) is \(width)x\(height) but the video is \(expectedWidth)x\(expectedHeight); re-encode it at one size, e.g. ffmpeg -i \(path) -vf scale=\(expectedWidth):\(expectedHeight) out.mp4"
        case .missingImage(let pattern, let missing, let first, let last):
            return "cannot read \(pattern): \(missing) is missing, between \(first) and \(last); number the images without gaps"
        case .indexAfterDataInPipe(let path):
            return "cannot read \(path): this MP4/MOV keeps its index (moov) after the video data, and a pipe cannot seek back to it; give the file's path, or rewrite it with the index first: ffmpeg -i IN.mp4 -c copy -movflags +faststart OUT.mp4"
        case .noImageFiles:
            return "no image files given; pass at least one image"
        case .ffmpegFailed(let path, let operation, let reason):
            return "cannot read \(path): FFmpeg could not \(operation) (\(reason)); the machine may be out of memory"
        }
    }
}
