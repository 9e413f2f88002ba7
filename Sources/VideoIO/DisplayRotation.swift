internal import CFFmpeg

/// How far a stream's pictures must be turned clockwise to look as a viewer sees them, as phones
/// record portrait video: upright sensor pictures plus a display matrix saying "turn me".
enum DisplayRotation: Int {
    case upright = 0
    case clockwise90 = 90
    case halfTurn = 180
    case clockwise270 = 270

    /// Reads the rotation from `stream`'s display matrix; `.upright` without one. Mirroring in the
    /// matrix is ignored, as FFmpeg 5.1's own autorotate does.
    init(stream: UnsafePointer<AVStream>) {
        var size = 0
        guard let matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
              size >= 9 * MemoryLayout<Int32>.size
        else {
            self = .upright
            return
        }
        let counterClockwise = matrix.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        guard counterClockwise.isFinite else {
            self = .upright
            return
        }
        // av_display_rotation_get counts counter-clockwise; ffmpeg turns pictures by its negation.
        let clockwise = (-Int(counterClockwise.rounded()) % 360 + 360) % 360
        self = DisplayRotation(rawValue: (clockwise + 45) / 90 * 90 % 360) ?? .upright
    }

    /// Whether the turned picture is as wide as the stored one is high.
    var swapsWidthAndHeight: Bool { self == .clockwise90 || self == .clockwise270 }

    /// Writes the RGB24 `source` picture, `width` x `height` with rows `sourceStride` bytes apart,
    /// turned by this rotation and packed into `destination`, which holds `width * height * 3` bytes.
    func turn(_ source: UnsafeBufferPointer<UInt8>, width: Int, height: Int, sourceStride: Int, into destination: UnsafeMutableBufferPointer<UInt8>) {
        let rowBytes = width * 3
        precondition(sourceStride >= rowBytes && source.count >= (height - 1) * sourceStride + rowBytes && destination.count == width * height * 3)
        if self == .upright {
            for y in 0..<height {
                let row = UnsafeBufferPointer(rebasing: source[(y * sourceStride)..<(y * sourceStride + rowBytes)])
                _ = UnsafeMutableBufferPointer(rebasing: destination[(y * rowBytes)..<((y + 1) * rowBytes)]).initialize(from: row)
            }
            return
        }
        let turnedWidth = swapsWidthAndHeight ? height : width
        let turnedHeight = swapsWidthAndHeight ? width : height
        // Each destination row is a straight walk through the source (along a row or up/down a column),
        // so only its first pixel and step differ by rotation; writes stay sequential.
        var target = 0
        for y in 0..<turnedHeight {
            let (first, step): (Int, Int)
            switch self {
            case .upright: (first, step) = (y * sourceStride, 3)
            case .clockwise90: (first, step) = ((height - 1) * sourceStride + y * 3, -sourceStride)
            case .halfTurn: (first, step) = ((height - 1 - y) * sourceStride + (width - 1) * 3, -3)
            case .clockwise270: (first, step) = ((width - 1 - y) * 3, sourceStride)
            }
            var from = first
            for _ in 0..<turnedWidth {
                destination[target] = source[from]
                destination[target + 1] = source[from + 1]
                destination[target + 2] = source[from + 2]
                target += 3
                from += step
            }
        }
    }
}
