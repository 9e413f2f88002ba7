internal import CFFmpeg

/// A codec context that turns pictures into packets, with FFmpeg's send/receive API.
final class PictureEncoder {
    /// The open encoder.
    let context: UnsafeMutablePointer<AVCodecContext>
    private let path: String
    private let packet: UnsafeMutablePointer<AVPacket>

    /// Opens `codec` for `width` x `height` pictures in `pixelFormat`, stamped in `timeBase`, at
    /// about `framesPerSecond`. `globalHeader` puts the codec's headers in the container (mp4,
    /// mkv); `threads` 0 lets FFmpeg choose. `path` names the output in errors.
    init(
        codec: UnsafePointer<AVCodec>, width: Int, height: Int, pixelFormat: AVPixelFormat, timeBase: AVRational,
        framesPerSecond: Double, globalHeader: Bool, threads: Int, path: String
    ) throws(VideoWriterError) {
        guard let context = avcodec_alloc_context3(codec), let packet = av_packet_alloc() else {
            throw .ffmpegFailed(path: path, operation: "allocate an encoder", reason: "out of memory")
        }
        self.context = context
        self.packet = packet
        self.path = path
        context.pointee.width = Int32(width)
        context.pointee.height = Int32(height)
        context.pointee.pix_fmt = pixelFormat
        context.pointee.time_base = timeBase
        context.pointee.framerate = av_d2q(framesPerSecond, 100_000)
        context.pointee.thread_count = Int32(clamping: threads)
        if globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        let name = String(cString: codec.pointee.name)
        if let refused = VideoCodecChoice.configure(context, codec: codec) {
            throw .ffmpegFailed(path: path, operation: "set \(name)'s option \(refused)", reason: "refused")
        }
        let opened = avcodec_open2(context, codec, nil)
        guard opened >= 0 else { throw .ffmpegFailed(path: path, operation: "open the \(name) encoder", reason: ffmpegErrorText(opened)) }
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
        var packet: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packet)
    }

    /// Encodes `frame`, or drains the encoder when nil, handing every packet that comes out to
    /// `deliver` (which must unreference it or hand it on).
    func encode(
        _ frame: UnsafePointer<AVFrame>?, deliver: (UnsafeMutablePointer<AVPacket>) throws(VideoWriterError) -> Void
    ) throws(VideoWriterError) {
        let sent = avcodec_send_frame(context, frame)
        guard sent >= 0 else { throw .ffmpegFailed(path: path, operation: "encode a picture", reason: ffmpegErrorText(sent)) }
        while true {
            let received = avcodec_receive_packet(context, packet)
            if received == cffmpeg_error_again() || received == cffmpeg_error_eof() { return }
            guard received >= 0 else { throw .ffmpegFailed(path: path, operation: "encode a picture", reason: ffmpegErrorText(received)) }
            try deliver(packet)
        }
    }
}
