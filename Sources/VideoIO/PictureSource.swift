internal import CFFmpeg

/// Where a `VideoReader` gets decoded pictures from (one video, or a list of image files), and what it
/// knows about them before decoding.
protocol PictureSource: AnyObject {
    /// Picture width as stored, before display rotation.
    var storedWidth: Int { get }
    /// Picture height as stored, before display rotation.
    var storedHeight: Int { get }
    /// How the pictures must be turned to be seen upright.
    var rotation: DisplayRotation { get }
    /// Frames per second, when known.
    var framesPerSecond: Double? { get }
    /// Length in seconds, when known.
    var durationSeconds: Double? { get }
    /// Number of frames, when known without decoding them all.
    var frameCount: Int? { get }
    /// Pictures skipped so far because their data could not be decoded.
    var lostPictures: Int { get }

    /// The file that frame `index` comes from, for error messages.
    func path(ofFrame index: Int) -> String
    /// Decodes the next picture into `frame`; false once there are no more.
    func decodeNextPicture(into frame: UnsafeMutablePointer<AVFrame>, frameIndex: Int) throws(VideoError) -> Bool
    /// When the picture just decoded into `frame` is shown, in seconds from the start.
    func presentationSeconds(of frame: UnsafePointer<AVFrame>, frameIndex: Int) -> Double
}
