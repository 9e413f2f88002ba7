internal import CFFmpeg

/// Which encoder a container gets: H.264 where the container takes it and this FFmpeg has an
/// encoder for it (libx264 in Debian's build), else MPEG-4 Part 2 (always for AVI), else the container's own
/// choice for the file name (VP9 or VP8 for webm); image patterns get their extension's codec (PNG, JPEG).
enum VideoCodecChoice {
    /// The encoder for `format` writing `path`, or nil when none of its codecs can be encoded.
    static func encoder(for format: UnsafePointer<AVOutputFormat>, path: String) -> UnsafePointer<AVCodec>? {
        // Image patterns take the codec their extension names (PNG for .png), whatever else the muxer accepts.
        if format.pointee.flags & AVFMT_NOFILE != 0 {
            let guessed = av_guess_codec(format, nil, path, nil, AVMEDIA_TYPE_VIDEO)
            return guessed == AV_CODEC_ID_NONE ? nil : avcodec_find_encoder(guessed)
        }
        // AVI stores no presentation times, so H.264's reordered frames would come out of order there.
        let preferred = String(cString: format.pointee.name) == "avi" ? [AV_CODEC_ID_MPEG4] : [AV_CODEC_ID_H264, AV_CODEC_ID_MPEG4]
        for id in preferred where avformat_query_codec(format, id, FF_COMPLIANCE_NORMAL) == 1 {
            if let codec = avcodec_find_encoder(id) { return codec }
        }
        let guessed = av_guess_codec(format, nil, path, nil, AVMEDIA_TYPE_VIDEO)
        if guessed != AV_CODEC_ID_NONE, let codec = avcodec_find_encoder(guessed) { return codec }
        // webm names VP9 first; Debian's FFmpeg may lack libvpx-vp9 but have libvpx (VP8).
        for id in [AV_CODEC_ID_VP9, AV_CODEC_ID_VP8] where avformat_query_codec(format, id, FF_COMPLIANCE_NORMAL) == 1 {
            if let codec = avcodec_find_encoder(id) { return codec }
        }
        return nil
    }

    /// The pixel format to encode in: 4:2:0 where the encoder takes it (what players expect), else
    /// RGB24, else the encoder's first.
    static func pixelFormat(for codec: UnsafePointer<AVCodec>) -> AVPixelFormat {
        var formats: [AVPixelFormat] = []
        if var next = codec.pointee.pix_fmts {
            while next.pointee != AV_PIX_FMT_NONE {
                formats.append(next.pointee)
                next += 1
            }
        }
        for preferred in [AV_PIX_FMT_YUV420P, AV_PIX_FMT_RGB24] where formats.contains(preferred) { return preferred }
        return formats.first ?? AV_PIX_FMT_YUV420P
    }

    /// Quality settings for a look close to the input at a modest cost: x264's `veryfast` preset
    /// at CRF 20, VP8/VP9 in real-time mode, MPEG-4 at a fixed quantiser of 3.
    /// - Returns: the option FFmpeg refused and why, or nil when all were taken.
    static func configure(_ context: UnsafeMutablePointer<AVCodecContext>, codec: UnsafePointer<AVCodec>) -> String? {
        func set(_ options: [(String, String)]) -> String? {
            for (key, value) in options {
                let set = av_opt_set(context.pointee.priv_data, key, value, 0)
                if set < 0 { return "\(key)=\(value): \(ffmpegErrorText(set))" }
            }
            return nil
        }
        let name = String(cString: codec.pointee.name)
        switch codec.pointee.id {
        case AV_CODEC_ID_H264 where name == "libx264":
            return set([("preset", "veryfast"), ("crf", "20")])
        case AV_CODEC_ID_VP8, AV_CODEC_ID_VP9:
            context.pointee.bit_rate = 0
            return set([("deadline", "realtime"), ("cpu-used", "8"), ("crf", "24")])
        case AV_CODEC_ID_MPEG4, AV_CODEC_ID_MJPEG:
            context.pointee.flags |= AV_CODEC_FLAG_QSCALE
            context.pointee.global_quality = 3 * cffmpeg_qp2lambda()
            return nil
        default:
            return nil
        }
    }
}
