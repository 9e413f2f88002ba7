internal import CFFmpeg
import Imaging

/// Converts decoded pictures of any pixel format to packed RGB24 with swscale and turns them upright.
final class RGBConverter {
    /// Reused from frame to frame; swscale rebuilds it only if the size or pixel format changes.
    private var context: OpaquePointer?
    /// Rows converted at a stride of whole 8-pixel blocks, kept to spare an allocation per frame
    /// whose width is not a multiple of 8 or that must be turned.
    private var blocked: [UInt8] = []

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
        // swscale's x86 converters from YUV 4:2:0 to RGB convert whole blocks of 8 pixels, as many
        // as the stride holds: in a packed row of 210 pixels the last 2 were never written, and kept
        // whatever the memory held (so one clip tracked differently from run to run). Rows are
        // converted at a stride of whole blocks, then packed (and turned) in one pass, and slack after the picture
        // takes the SIMD writers that store past its end.
        let rowBytes = width * 3, stride = (width + 7) / 8 * 8 * 3
        let slack = 64
        var scaledRows: Int32 = 0
        let pixels: [UInt8]
        if rotation == .upright && stride == rowBytes {
            pixels = [UInt8](unsafeUninitializedCapacity: byteCount + slack) { buffer, initialized in
                scaledRows = cffmpeg_scale_frame_to_packed(context, frame, buffer.baseAddress, Int32(stride))
                initialized = byteCount
            }
        } else {
            if blocked.count != stride * height + slack { blocked = [UInt8](repeating: 0, count: stride * height + slack) }
            scaledRows = blocked.withUnsafeMutableBufferPointer {
                cffmpeg_scale_frame_to_packed(context, frame, $0.baseAddress, Int32(stride))
            }
            pixels = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
                blocked.withUnsafeBufferPointer { rotation.turn($0, width: width, height: height, sourceStride: stride, into: buffer) }
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
