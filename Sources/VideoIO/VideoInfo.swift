internal import CFFmpeg
import Foundation

/// What a video is, as `siamtrack info` prints it: container, codec, sizes, rotation, rate,
/// length and frame count, read with FFmpeg's demuxer (no frame is decoded unless the
/// container's analysis needs one).
public struct VideoInfo: Sendable, Equatable, Codable {
    /// How `frameCount` was found.
    public enum FrameCountSource: String, Sendable, Codable {
        /// Recorded in the container's header (mp4, mov, avi) or the images counted: exact.
        case header
        /// The video's packets counted by reading the whole file without decoding: exact.
        case counted
        /// Duration times frame rate: an estimate.
        case estimated
    }

    public let path: String
    /// The demuxer's names, e.g. "mov,mp4,m4a,3gp,3g2,mj2" and "QuickTime / MOV".
    public let container: String
    public let containerDescription: String
    /// The video codec, e.g. "h264".
    public let codec: String
    /// Size as stored in the stream.
    public let codedWidth: Int, codedHeight: Int
    /// Size as a viewer sees it, after `rotationDegrees` (what `siamtrack track` boxes refer to).
    public let displayWidth: Int, displayHeight: Int
    /// Clockwise turn applied for display: 0, 90, 180 or 270.
    public let rotationDegrees: Int
    public let framesPerSecond: Double?
    public let durationSeconds: Double?
    public let frameCount: Int?
    public let frameCountSource: FrameCountSource?
    /// The coded pixel format, e.g. "yuv420p".
    public let pixelFormat: String?
    /// Bits per second of the video stream, when stated.
    public let bitRate: Int?

    /// Files up to this size without a recorded frame count have their packets counted.
    public static let largestCountedFileBytes = 2 << 30

    /// Reads the description of the video or image pattern at `path`.
    ///
    /// - Throws: `VideoError` as `VideoReader` does for a file it cannot open.
    public init(path: String) throws(VideoError) {
        let input = try MediaInput(path: path)
        let rotation = DisplayRotation(stream: input.stream)
        self.path = path
        (container, containerDescription) = input.containerNames
        codec = String(cString: avcodec_get_name(input.stream.pointee.codecpar.pointee.codec_id))
        (codedWidth, codedHeight) = (input.storedWidth, input.storedHeight)
        (displayWidth, displayHeight) = rotation.swapsWidthAndHeight ? (codedHeight, codedWidth) : (codedWidth, codedHeight)
        rotationDegrees = rotation.rawValue
        framesPerSecond = input.framesPerSecond
        durationSeconds = input.durationSeconds
        pixelFormat = input.pixelFormatName
        bitRate = input.bitRate
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let recorded = input.frameCount {
            (frameCount, frameCountSource) = (recorded, .header)
        } else if let size, size <= Self.largestCountedFileBytes, let counted = try? input.countVideoPackets() {
            (frameCount, frameCountSource) = (counted, .counted)
        } else if let durationSeconds, let framesPerSecond {
            (frameCount, frameCountSource) = (Int((durationSeconds * framesPerSecond).rounded()), .estimated)
        } else {
            (frameCount, frameCountSource) = (nil, nil)
        }
    }
}
