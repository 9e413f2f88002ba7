internal import CFFmpeg
import Foundation
import Imaging
import SafeFiles

/// Writes RGB frames as a video with FFmpeg's libraries (no ffmpeg process): the container follows
/// the file's extension (mp4, mkv, webm, avi, mov, or an image pattern such as `frames/%04d.png`),
/// the codec is H.264 where possible (`VideoCodecChoice`).
///
/// A video is written to a hidden file beside `path` and moved onto `path` by `finish()`, so a
/// run that fails or is cut short leaves no half-written video behind, and whatever was at `path`
/// stays until the new one is complete; a writer dropped without `finish()` removes its file, and
/// a new writer removes those that killed processes left beside its path.
/// Memory does not grow with the length: one picture and one packet are reused.
/// Pictures of odd width or height lose their last column or row (4:2:0 needs even sizes).
public final class VideoWriter {
    /// Name of the encoder in use, e.g. "libx264".
    public let encoderName: String
    /// Width and height of the encoded pictures.
    public let width: Int, height: Int

    private let path: String
    /// Where the muxer writes until `finish()`; nil for image patterns, written in place.
    private let partial: PartialFile?
    private var muxer: UnsafeMutablePointer<AVFormatContext>?
    private let stream: UnsafeMutablePointer<AVStream>
    private let encoder: PictureEncoder
    private let picture: UnsafeMutablePointer<AVFrame>
    private let converter: OpaquePointer
    private var lastTimestamp = Int64.min
    private var isFinished = false

    /// Ticks per second of the timestamps given to the encoder: exact for 24, 25, 30, 50, 60 and
    /// NTSC's 30000/1001 frames per second and for millisecond stamps, within MPEG-4's limit of 65535.
    private static let ticksPerSecond: Int32 = 30_000

    /// Creates the output for `width` x `height` RGB frames at about `framesPerSecond`, encoding
    /// with `threads` threads (0: FFmpeg's choice). An image pattern numbers its files from
    /// `firstImageNumber`.
    ///
    /// - Throws: `VideoWriterError` when the extension names no container, no encoder fits it,
    ///   something other than a regular file is at `path`, or the file cannot be created.
    public init(path: String, width: Int, height: Int, framesPerSecond: Double, threads: Int = 0, firstImageNumber: Int = 0) throws(VideoWriterError) {
        _ = FFmpegLog.silenced
        guard let format = av_guess_format(nil, path, nil) else { throw .unknownContainer(path: path) }
        let writesFiles = format.pointee.flags & AVFMT_NOFILE == 0
        if !writesFiles, av_filename_number_test(path) != 1 { throw .needsFramePattern(path: path) }
        if writesFiles {
            try Self.checkReplaceable(path)
            PartialFile.removeStale(beside: path)
        }
        guard let codec = VideoCodecChoice.encoder(for: format, path: path) else {
            throw .noEncoder(path: path, container: String(cString: format.pointee.name))
        }
        let pixelFormat = VideoCodecChoice.pixelFormat(for: codec)
        let subsampled = pixelFormat != AV_PIX_FMT_RGB24
        self.width = subsampled ? width & ~1 : width
        self.height = subsampled ? height & ~1 : height
        guard self.width > 0, self.height > 0 else {
            throw .ffmpegFailed(path: path, operation: "encode \(width)x\(height) pictures", reason: "too small")
        }
        self.path = path
        partial = writesFiles ? PartialFile(beside: path) : nil
        encoderName = String(cString: codec.pointee.name)

        var muxer: UnsafeMutablePointer<AVFormatContext>?
        let allocated = avformat_alloc_output_context2(&muxer, format, nil, partial?.path ?? path)
        guard allocated >= 0, let muxer, let stream = avformat_new_stream(muxer, nil),
            let picture = av_frame_alloc()
        else {
            throw .ffmpegFailed(path: path, operation: "set up the \(String(cString: format.pointee.name)) container", reason: ffmpegErrorText(allocated))
        }
        self.muxer = muxer
        self.stream = stream
        self.picture = picture
        let timeBase = AVRational(num: 1, den: Self.ticksPerSecond)
        encoder = try PictureEncoder(
            codec: codec, width: self.width, height: self.height, pixelFormat: pixelFormat, timeBase: timeBase,
            framesPerSecond: framesPerSecond, globalHeader: format.pointee.flags & AVFMT_GLOBALHEADER != 0, threads: threads, path: path)
        guard let converter = sws_getContext(
            Int32(self.width), Int32(self.height), AV_PIX_FMT_RGB24, Int32(self.width), Int32(self.height), pixelFormat,
            SWS_BILINEAR, nil, nil, nil)
        else { throw .ffmpegFailed(path: path, operation: "convert RGB to the encoder's pixels", reason: "swscale refused") }
        self.converter = converter
        if !writesFiles {
            let numbered = av_opt_set_int(muxer.pointee.priv_data, "start_number", Int64(firstImageNumber), 0)
            guard numbered >= 0 else { throw .ffmpegFailed(path: path, operation: "number the images", reason: ffmpegErrorText(numbered)) }
        }
        try start(pixelFormat: pixelFormat, timeBase: timeBase)
    }

    deinit {
        if let muxer, partial != nil, muxer.pointee.pb != nil { avio_closep(&muxer.pointee.pb) }
        avformat_free_context(muxer)
        if !isFinished { partial?.discard() }
        var picture: UnsafeMutablePointer<AVFrame>? = picture
        av_frame_free(&picture)
        sws_freeContext(converter)
    }

    /// Encodes `image` (at least the writer's size; extra columns and rows are left out) shown
    /// `timeSeconds` after the start. Times that do not increase are moved just past the last.
    public func write(_ image: RGBImage, timeSeconds: Double) throws(VideoWriterError) {
        precondition(!isFinished, "the video is finished")
        precondition(image.width >= width && image.height >= height, "frame smaller than the video")
        let madeWritable = av_frame_make_writable(picture)
        guard madeWritable >= 0 else { throw .ffmpegFailed(path: path, operation: "reuse a picture", reason: ffmpegErrorText(madeWritable)) }
        let scaled = image.pixels.withUnsafeBufferPointer {
            cffmpeg_scale_packed_to_frame(converter, $0.baseAddress, Int32(image.width * 3), Int32(height), picture)
        }
        guard scaled == height else {
            throw .ffmpegFailed(path: path, operation: "convert a frame", reason: scaled < 0 ? ffmpegErrorText(scaled) : "short")
        }
        let stamp = Int64((max(timeSeconds, 0) * Double(Self.ticksPerSecond)).rounded())
        lastTimestamp = lastTimestamp == .min ? stamp : max(stamp, lastTimestamp + 1)
        picture.pointee.pts = lastTimestamp
        try encoder.encode(picture, deliver: mux)
    }

    /// Drains the encoder, completes the container and moves the video onto `path`.
    public func finish() throws(VideoWriterError) {
        precondition(!isFinished, "the video is finished")
        try encoder.encode(nil, deliver: mux)
        let trailer = av_write_trailer(muxer)
        guard trailer >= 0 else { throw .cannotWrite(path: path, reason: ffmpegErrorText(trailer)) }
        guard let partial else {
            isFinished = true
            return
        }
        let closed = avio_closep(&muxer!.pointee.pb)
        guard closed >= 0 else { throw .cannotWrite(path: path, reason: ffmpegErrorText(closed)) }
        try Self.checkReplaceable(path)
        do {
            try partial.commit()
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
        isFinished = true
    }

    private func start(pixelFormat: AVPixelFormat, timeBase: AVRational) throws(VideoWriterError) {
        let copied = avcodec_parameters_from_context(stream.pointee.codecpar, encoder.context)
        guard copied >= 0 else { throw .ffmpegFailed(path: path, operation: "describe the stream", reason: ffmpegErrorText(copied)) }
        stream.pointee.time_base = timeBase
        picture.pointee.format = pixelFormat.rawValue
        picture.pointee.width = Int32(width)
        picture.pointee.height = Int32(height)
        let buffered = av_frame_get_buffer(picture, 0)
        guard buffered >= 0 else { throw .ffmpegFailed(path: path, operation: "allocate a picture", reason: ffmpegErrorText(buffered)) }
        if let partial {
            let opened = avio_open(&muxer!.pointee.pb, partial.path, AVIO_FLAG_WRITE)
            guard opened >= 0 else { throw .cannotWrite(path: path, reason: ffmpegErrorText(opened)) }
        }
        let header = avformat_write_header(muxer, nil)
        guard header >= 0 else { throw .cannotWrite(path: path, reason: ffmpegErrorText(header)) }
    }

    /// Hands one encoded packet to the muxer, in the stream's time base.
    private func mux(_ packet: UnsafeMutablePointer<AVPacket>) throws(VideoWriterError) {
        // Without a duration mp4 gives the last frame none, and players drop it.
        if packet.pointee.duration <= 0 {
            packet.pointee.duration = av_rescale_q(1, av_inv_q(encoder.context.pointee.framerate), encoder.context.pointee.time_base)
        }
        av_packet_rescale_ts(packet, encoder.context.pointee.time_base, stream.pointee.time_base)
        packet.pointee.stream_index = stream.pointee.index
        let written = av_interleaved_write_frame(muxer, packet)
        guard written >= 0 else { throw .cannotWrite(path: path, reason: ffmpegErrorText(written)) }
    }

    /// Refuses to replace anything at `path` that is not a regular file (or a link, which is
    /// replaced, never followed).
    private static func checkReplaceable(_ path: String) throws(VideoWriterError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFLNK else { throw .notARegularFile(path: path) }
    }
}
