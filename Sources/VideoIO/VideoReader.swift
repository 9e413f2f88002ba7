internal import CFFmpeg
import Imaging

/// Reads a video, or a sequence of images, with FFmpeg, one upright RGB frame at a time.
///
/// Opens anything FFmpeg can demux and decode: mp4, mkv, webm, avi, single images, and numbered image
/// patterns such as `dir/%04d.jpg`. Frames come in decoding order with the stream's display rotation
/// applied, numbered from 0, timed in seconds from the start. Memory does not grow with the video's
/// length: FFmpeg's packet, frame and converter are reused, only each returned image is new.
/// A reader is not thread-safe; use it from one thread at a time.
public final class VideoReader {
    /// The frame rate assumed for image sequences, which carry no timing: 30, a common camera rate.
    public static let assumedImageFramesPerSecond: Double = 30

    /// Width of the returned images: the display width, after rotation.
    public let width: Int
    /// Height of the returned images: the display height, after rotation.
    public let height: Int
    /// How far stored pictures are turned clockwise to show them upright (0, 90, 180 or 270), from the
    /// stream's display matrix; returned images already are.
    public let rotationDegrees: Int
    /// Frames per second, when the input states it.
    public let framesPerSecond: Double?
    /// Length in seconds, when the input states it.
    public let durationSeconds: Double?
    /// Number of frames, when the container records it (mp4, avi, image lists; not mkv or webm).
    public let frameCount: Int?

    private let source: any PictureSource
    private let converter = RGBConverter()
    private let frame: UnsafeMutablePointer<AVFrame>
    private var nextIndex = 0
    private var isFinished = false
    /// The number and time of the decoded picture in `frame` that `skipFrames` stopped at, for
    /// `nextFrame` to return.
    private var heldPicture: (index: Int, timeSeconds: Double)?
    /// Lost pictures already given frame numbers in `damage`.
    private var lostPicturesNumbered = 0

    /// The frames that damaged data spoiled so far (only while concealing; see `DamagedDataHandling`).
    public private(set) var damage = DecodeDamage()

    /// Opens the video, image, or image pattern (`dir/%04d.jpg`, read at `assumedImageFramesPerSecond`)
    /// at `path`, decoding with `threads` threads (not negative); 0 lets FFmpeg choose by the machine's cores.
    /// `damagedData` says whether data the decoder rejects stops the reader or is skipped.
    public convenience init(path: String, threads: Int = 0, damagedData: DamagedDataHandling = .conceal) throws(VideoError) {
        try self.init(source: StreamPictureSource(path: path, threads: threads, damagedData: damagedData))
    }

    /// The image files that the numbered pattern `path` (such as `dir/%04d.jpg`) names, in order;
    /// empty when `path` is no such pattern.
    public static func imageFiles(matching path: String) -> [String] {
        guard let pattern = ImagePattern(path) else { return [] }
        return pattern.numbersPresent().map(pattern.path(of:))
    }

    /// Reads `imageFiles` in the given order, one frame each, timed at `framesPerSecond` (positive). All
    /// images must have the size of the first. Checks that every file exists before returning.
    public convenience init(imageFiles: [String], framesPerSecond: Double = assumedImageFramesPerSecond) throws(VideoError) {
        try self.init(source: ImageListSource(files: imageFiles, framesPerSecond: framesPerSecond))
    }

    private init(source: any PictureSource) throws(VideoError) {
        guard source.storedWidth > 0, source.storedHeight > 0 else {
            throw .notAVideo(path: source.path(ofFrame: 0), reason: "FFmpeg found no picture size")
        }
        guard let frame = av_frame_alloc() else {
            throw .ffmpegFailed(path: source.path(ofFrame: 0), operation: "allocate a frame", reason: "out of memory")
        }
        let swaps = source.rotation.swapsWidthAndHeight
        width = swaps ? source.storedHeight : source.storedWidth
        height = swaps ? source.storedWidth : source.storedHeight
        rotationDegrees = source.rotation.rawValue
        framesPerSecond = source.framesPerSecond
        durationSeconds = source.durationSeconds
        frameCount = source.frameCount
        self.source = source
        self.frame = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frame)
    }

    /// The next frame, or nil at the end of the video. After an error, or the end, returns nil.
    public func nextFrame() throws(VideoError) -> VideoFrame? {
        guard !isFinished else { return nil }
        do throws(VideoError) {
            let held = heldPicture
            heldPicture = nil
            if held == nil {
                guard try source.decodeNextPicture(into: frame, frameIndex: nextIndex) else {
                    isFinished = true
                    numberLostPicturesAtEnd()
                    return nil
                }
            }
            // Hands the picture's buffers back to the decoder's pool as soon as it is converted.
            defer { av_frame_unref(frame) }
            let (index, timeSeconds) = held ?? numberDecodedPicture()
            let path = source.path(ofFrame: index)
            let (frameWidth, frameHeight) = (Int(frame.pointee.width), Int(frame.pointee.height))
            guard frameWidth == source.storedWidth, frameHeight == source.storedHeight else {
                throw .frameSizeChanged(
                    path: path, frameIndex: index, width: frameWidth, height: frameHeight,
                    expectedWidth: source.storedWidth, expectedHeight: source.storedHeight)
            }
            let image = try converter.rgbImage(from: frame, rotation: source.rotation, path: path)
            nextIndex = index + 1
            return VideoFrame(index: index, timeSeconds: timeSeconds, image: image)
        } catch {
            isFinished = true
            throw error
        }
    }

    /// Decodes and drops frames, without converting them to RGB, while `skip(index, timeSeconds)`
    /// says so; `nextFrame()` then returns the first frame kept, with its own index and time.
    /// Decoding forward keeps every frame's number exact, which a seek to a key frame would not.
    ///
    /// - Returns: how many frames were dropped (all that were left if the video ended).
    public func skipFrames(while skip: (_ index: Int, _ timeSeconds: Double) -> Bool) throws(VideoError) -> Int {
        guard !isFinished, heldPicture == nil else { return 0 }
        var dropped = 0
        do throws(VideoError) {
            while try source.decodeNextPicture(into: frame, frameIndex: nextIndex) {
                let (index, timeSeconds) = numberDecodedPicture()
                if !skip(index, timeSeconds) {
                    nextIndex = index
                    heldPicture = (index, timeSeconds)
                    return dropped
                }
                av_frame_unref(frame)
                nextIndex = index + 1
                dropped += 1
            }
            isFinished = true
            numberLostPicturesAtEnd()
            return dropped
        } catch {
            isFinished = true
            throw error
        }
    }

    /// The frame number and time of the picture just decoded into `frame`, which is `nextIndex`
    /// unless pictures were lost before it: their numbers then go to the frames their time says
    /// are missing, so the frames after a gap keep the video's numbers. Notes concealed pictures.
    private func numberDecodedPicture() -> (index: Int, timeSeconds: Double) {
        var index = nextIndex
        let timeSeconds = source.presentationSeconds(of: frame, frameIndex: index)
        let pending = source.lostPictures - lostPicturesNumbered
        if pending > 0 {
            let byTime = source.framesPerSecond.map { Int(($0 * timeSeconds).rounded()) } ?? index
            index = min(max(index, byTime), index + pending)
            damage.lostFrames += Array(nextIndex..<index)
            lostPicturesNumbered += index - nextIndex
        }
        if frame.pointee.decode_error_flags != 0 || frame.pointee.flags & AV_FRAME_FLAG_CORRUPT != 0 {
            damage.concealedFrames.append(index)
        }
        return (index, timeSeconds)
    }

    /// Numbers the pictures lost after the last one decoded.
    private func numberLostPicturesAtEnd() {
        let pending = source.lostPictures - lostPicturesNumbered
        guard pending > 0 else { return }
        damage.lostFrames += Array(nextIndex..<nextIndex + pending)
        lostPicturesNumbered += pending
    }
}
