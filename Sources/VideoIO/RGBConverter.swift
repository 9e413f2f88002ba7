import CFFmpeg
import Imaging

/// Converts decoded pictures of any pixel format to packed RGB24 with swscale and turns them upright.
final class RGBConverter {
    /// Reused from frame to frame; swscale rebuilds it only if the size or pixel format changes.
    private var context: OpaquePointer?
    /// The picture before turning, kept to spare an allocation per rotated frame.
    private var unturned: [UInt8] = []

    deinit {
        sws_freeContext(context)
    }

    /// `frame` as an upright RGB image; `path` names the input in errors.
    func rgbImage(from frame: UnsafePointer<AVFrame>, rotation: DisplayRotation, path: String) throws(VideoError) -> RGBImage {
        let width = Int(frame.pointee.width)
        let height = Int(frame.pointee.height)
        let format = AVPixelFormat(rawValue: frame.pointee.format)
        // Same size in and out, so the filter only shapes chroma upsampling: bilinear is cheap and smooth.
        context = sws_getCachedContext(
            context, frame.pointee.width, frame.pointee.height, format,
            frame.pointee.width, frame.pointee.height, AV_PIX_FMT_RGB24, SWS_BILINEAR, nil, nil, nil)
        guard let context else {
            let name = av_get_pix_fmt_name(format).map { String(cString: $0) } ?? "unknown"
            throw .ffmpegFailed(path: path, operation: "convert \(name) pictures to RGB", reason: "swscale refused the pixel format")
        }
        let byteCount = width * height * 3
        // swscale's SIMD writers store whole blocks and can run past the last pixel of a row whose
        // width is not a multiple of 16 (e.g. 360 px): keep slack after the picture for them.
        let slack = 64
        var scaledRows: Int32 = 0
        let pixels: [UInt8]
        if rotation == .upright {
            pixels = [UInt8](unsafeUninitializedCapacity: byteCount + slack) { buffer, initialized in
                scaledRows = cffmpeg_scale_frame_to_packed(context, frame, buffer.baseAddress, Int32(width * 3))
                initialized = byteCount
            }
        } else {
            if unturned.count != byteCount + slack { unturned = [UInt8](repeating: 0, count: byteCount + slack) }
            scaledRows = unturned.withUnsafeMutableBufferPointer {
                cffmpeg_scale_frame_to_packed(context, frame, $0.baseAddress, Int32(width * 3))
            }
            pixels = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
                unturned.withUnsafeBufferPointer {
                    rotation.turn(UnsafeBufferPointer(rebasing: $0.prefix(byteCount)), width: width, height: height, into: buffer)
                }
                initialized = byteCount
            }
        }
        guard scaledRows == frame.pointee.height else {
            let reason = scaledRows < 0 ? ffmpegErrorText(scaledRows) : "only \(scaledRows) of \(height) rows converted"
            throw .ffmpegFailed(path: path, operation: "convert a picture to RGB", reason: reason)
        }
        let turnedWidth = rotation.swapsWidthAndHeight ? height : width
        let turnedHeight = rotation.swapsWidthAndHeight ? width : height
        return RGBImage(width: turnedWidth, height: turnedHeight, pixels: pixels)
    }
}
