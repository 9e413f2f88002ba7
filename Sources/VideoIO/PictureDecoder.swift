internal import CFFmpeg

/// A codec context that turns one stream's packets into pictures, with FFmpeg's send/receive API.
final class PictureDecoder {
    /// What `receivePicture` produced.
    enum Received {
        /// The frame now holds a picture.
        case picture
        /// The decoder wants another packet first.
        case needsInput
        /// The decoder has returned its last picture after being drained.
        case finished
        /// The data could not be decoded.
        case failed(reason: String)
    }

    private var context: UnsafeMutablePointer<AVCodecContext>?

    /// Opens a decoder for `input`'s stream. `threads` 0 lets FFmpeg choose; frame threading decodes
    /// several frames at once, slice threading splits one frame, whichever the codec supports.
    init(for input: MediaInput, threads: Int) throws(VideoError) {
        precondition(threads >= 0, "thread count must not be negative")
        guard let context = avcodec_alloc_context3(input.codec) else {
            throw .ffmpegFailed(path: input.path, operation: "allocate a decoder", reason: "out of memory")
        }
        do throws(VideoError) {
            let copied = avcodec_parameters_to_context(context, input.stream.pointee.codecpar)
            guard copied >= 0 else {
                throw .ffmpegFailed(path: input.path, operation: "configure the decoder", reason: ffmpegErrorText(copied))
            }
            context.pointee.pkt_timebase = input.stream.pointee.time_base
            context.pointee.thread_count = Int32(clamping: threads)
            context.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
            let opened = avcodec_open2(context, input.codec, nil)
            guard opened >= 0 else {
                let codec = String(cString: input.codec.pointee.name)
                throw .unsupportedCodec(path: input.path, codec: codec, reason: ffmpegErrorText(opened))
            }
        } catch {
            var failed: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&failed)
            throw error
        }
        self.context = context
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Hands `packet` to the decoder, or nil to drain it at the end of input; nil result means accepted.
    /// Only call after `receivePicture` said `.needsInput`, so the decoder always has room.
    func send(_ packet: UnsafePointer<AVPacket>?) -> String? {
        let sent = avcodec_send_packet(context, packet)
        return sent >= 0 ? nil : ffmpegErrorText(sent)
    }

    /// Moves the next decoded picture, if one is ready, into `frame`.
    func receivePicture(into frame: UnsafeMutablePointer<AVFrame>) -> Received {
        let received = avcodec_receive_frame(context, frame)
        if received >= 0 { return .picture }
        if received == cffmpeg_error_again() { return .needsInput }
        if received == cffmpeg_error_eof() { return .finished }
        return .failed(reason: ffmpegErrorText(received))
    }
}
