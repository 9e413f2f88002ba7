internal import CFFmpeg

/// One opened input (a video file, a single image, or an image pattern like `dir/%04d.jpg`) and the
/// video stream chosen in it.
final class MediaInput {
    /// What the next `readVideoPacket` call produced.
    enum PacketRead {
        /// The packet holds data of the chosen stream.
        case packet
        /// The input has no more data.
        case endOfInput
        /// Reading failed; the input is likely cut short or damaged.
        case failed(reason: String)
    }

    /// The path as the user gave it, for error messages.
    let path: String
    /// The chosen video stream.
    let stream: UnsafeMutablePointer<AVStream>
    /// The decoder FFmpeg picked for `stream`.
    let codec: UnsafePointer<AVCodec>
    /// Whether `path` is a numbered image pattern such as `dir/%04d.jpg`.
    let isImagePattern: Bool
    /// For an image pattern read by its numbers, the pattern and the number of its first image
    /// (frame 0), to name each frame's file.
    let images: (pattern: ImagePattern, first: Int)?
    private var context: UnsafeMutablePointer<AVFormatContext>?

    /// Opens `path` and picks its best video stream. `probesStreams` runs FFmpeg's stream analysis,
    /// which decodes a few frames to learn sizes and rates; a single image does not need it.
    init(path: String, probesStreams: Bool = true) throws(VideoError) {
        _ = FFmpegLog.silenced
        let isImagePattern = Self.isImagePattern(path)
        var images: (pattern: ImagePattern, first: Int)?
        if isImagePattern, let pattern = ImagePattern(path), let first = try pattern.checkContiguous(pattern: path) {
            images = (pattern, first)
        }
        let context = try Self.open(path)
        do throws(VideoError) {
            if probesStreams {
                let analysed = avformat_find_stream_info(context, nil)
                guard analysed >= 0 else { throw .notAVideo(path: path, reason: ffmpegErrorText(analysed)) }
            }
            (stream, codec) = try Self.bestVideoStream(in: context, path: path)
        } catch {
            var failed: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&failed)
            throw error
        }
        self.path = path
        self.context = context
        self.isImagePattern = isImagePattern
        self.images = images
    }

    deinit {
        avformat_close_input(&context)
    }

    /// Reads the next packet of the chosen stream into `packet`, dropping other streams' packets.
    /// The caller unreferences the packet after use.
    func readVideoPacket(into packet: UnsafeMutablePointer<AVPacket>) -> PacketRead {
        while true {
            let read = av_read_frame(context, packet)
            if read == cffmpeg_error_eof() { return .endOfInput }
            guard read >= 0 else { return .failed(reason: ffmpegErrorText(read)) }
            if packet.pointee.stream_index == stream.pointee.index { return .packet }
            av_packet_unref(packet)
        }
    }

    /// Whether the input is an MP4 or MOV read from something that cannot seek (a pipe), where
    /// an index stored after the data cannot be reached.
    var isUnseekableMOV: Bool {
        guard let context, let io = context.pointee.pb else { return false }
        return io.pointee.seekable == 0 && containerNames.short.hasPrefix("mov,")
    }

    /// The display size before rotation, as the container or stream analysis states it (0 if unknown).
    var storedWidth: Int { Int(stream.pointee.codecpar.pointee.width) }
    /// See `storedWidth`.
    var storedHeight: Int { Int(stream.pointee.codecpar.pointee.height) }

    /// Average frame rate, or the stream's base rate, when either is known.
    var framesPerSecond: Double? {
        for rate in [stream.pointee.avg_frame_rate, stream.pointee.r_frame_rate] where rate.num > 0 && rate.den > 0 {
            return av_q2d(rate)
        }
        return nil
    }

    /// Length of the stream, else of the whole input, when known.
    var durationSeconds: Double? {
        if stream.pointee.duration != cffmpeg_no_pts() && stream.pointee.duration > 0 {
            return Double(stream.pointee.duration) * av_q2d(stream.pointee.time_base)
        }
        guard let context, context.pointee.duration != cffmpeg_no_pts(), context.pointee.duration > 0 else { return nil }
        return Double(context.pointee.duration) / Double(AV_TIME_BASE)
    }

    /// Number of frames the container records, when it does (mp4 and avi do, mkv and webm do not); for
    /// an image pattern, the number of images found.
    var frameCount: Int? {
        if stream.pointee.nb_frames > 0 { return Int(stream.pointee.nb_frames) }
        // The image2 demuxer counts the images into the duration, one frame interval each.
        guard isImagePattern, let durationSeconds, let framesPerSecond else { return nil }
        return Int((durationSeconds * framesPerSecond).rounded())
    }

    /// The demuxer's short and long names, e.g. "mov,mp4,m4a,3gp,3g2,mj2" and "QuickTime / MOV".
    var containerNames: (short: String, long: String) {
        guard let format = context?.pointee.iformat else { return ("unknown", "unknown") }
        return (String(cString: format.pointee.name), format.pointee.long_name.map { String(cString: $0) } ?? "")
    }

    /// The stream's pixel format as coded, e.g. "yuv420p", when stated.
    var pixelFormatName: String? {
        let format = AVPixelFormat(rawValue: stream.pointee.codecpar.pointee.format)
        return av_get_pix_fmt_name(format).map { String(cString: $0) }
    }

    /// The stream's bit rate in bits per second, when stated.
    var bitRate: Int? {
        let rate = stream.pointee.codecpar.pointee.bit_rate
        return rate > 0 ? Int(rate) : nil
    }

    /// Reads the rest of the input, without decoding, and counts the chosen stream's packets: one
    /// per frame in the containers that do not record a frame count (mkv, webm).
    ///
    /// - Throws: `VideoError.decodingFailed` when the input cannot be read to its end.
    func countVideoPackets() throws(VideoError) -> Int {
        guard let allocated = av_packet_alloc() else {
            throw .ffmpegFailed(path: path, operation: "allocate a packet", reason: "out of memory")
        }
        var packet: UnsafeMutablePointer<AVPacket>? = allocated
        defer { av_packet_free(&packet) }
        var count = 0
        while true {
            switch readVideoPacket(into: allocated) {
            case .packet:
                av_packet_unref(allocated)
                count += 1
            case .endOfInput:
                return count
            case .failed(let reason):
                throw .decodingFailed(path: path, frameIndex: count, reason: reason)
            }
        }
    }

    private static func isImagePattern(_ path: String) -> Bool {
        av_filename_number_test(path) == 1
    }

    private static func open(_ path: String) throws(VideoError) -> UnsafeMutablePointer<AVFormatContext> {
        var context: UnsafeMutablePointer<AVFormatContext>?
        var options: OpaquePointer?
        defer { av_dict_free(&options) }
        var format: UnsafePointer<AVInputFormat>?
        if isImagePattern(path) {
            // A printf pattern names numbered images; only the image2 demuxer expands it.
            format = av_find_input_format("image2")
            guard format != nil else {
                throw .ffmpegFailed(path: path, operation: "find its image2 demuxer", reason: "not built into this FFmpeg")
            }
            let rate = av_dict_set(&options, "framerate", "\(VideoReader.assumedImageFramesPerSecond)", 0)
            guard rate >= 0 else { throw .ffmpegFailed(path: path, operation: "set the image frame rate", reason: ffmpegErrorText(rate)) }
        }
        let opened = avformat_open_input(&context, path, format, &options)
        guard opened >= 0, let context else {
            if opened == cffmpeg_error_no_such_file() { throw .fileNotFound(path: path) }
            throw .notAVideo(path: path, reason: ffmpegErrorText(opened))
        }
        return context
    }

    private static func bestVideoStream(
        in context: UnsafeMutablePointer<AVFormatContext>, path: String
    ) throws(VideoError) -> (UnsafeMutablePointer<AVStream>, UnsafePointer<AVCodec>) {
        var codec: UnsafePointer<AVCodec>?
        let found = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0)
        if found == cffmpeg_error_decoder_not_found() {
            let undecodable = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
            let stream = undecodable >= 0 ? context.pointee.streams[Int(undecodable)] : nil
            let name = stream.map { String(cString: avcodec_get_name($0.pointee.codecpar.pointee.codec_id)) } ?? "unknown"
            throw .unsupportedCodec(path: path, codec: name, reason: ffmpegErrorText(found))
        }
        guard found >= 0, let codec, let stream = context.pointee.streams[Int(found)] else {
            throw .noVideoStream(path: path)
        }
        // Cover art in an audio file looks like a one-picture video stream; it is not a video.
        guard stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC == 0 else { throw .noVideoStream(path: path) }
        return (stream, codec)
    }
}
