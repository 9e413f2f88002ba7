import Imaging

/// One decoded picture of a video, in the orientation a viewer sees it.
public struct VideoFrame: Sendable {
    /// Position in decoding order, counting from 0 for the first frame returned.
    public let index: Int
    /// When the frame is shown, in seconds from the start of the video (the first frame is at about 0).
    public let timeSeconds: Double
    /// The picture as packed RGB24.
    public let image: RGBImage

    /// Creates a frame; readers make these, tests and tools may too.
    public init(index: Int, timeSeconds: Double, image: RGBImage) {
        self.index = index
        self.timeSeconds = timeSeconds
        self.image = image
    }
}
