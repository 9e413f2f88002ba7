import Foundation
import Imaging
import VideoIO

/// The files `scripts/make_test_videos.sh` writes to Tests/Fixtures: 160x120 clips of 20 frames at
/// 10 fps with a red block in the top-left corner, and broken inputs.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let frameCount = 20
    static let framesPerSecond = 10.0
    static let width = 160
    static let height = 120

    /// The full path of fixture `name`, e.g. `"h264.mp4"` or `"seq/%04d.jpg"`.
    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Every frame `reader` returns until the end.
    static func readAll(_ reader: VideoReader) throws -> [VideoFrame] {
        var frames: [VideoFrame] = []
        while let frame = try reader.nextFrame() { frames.append(frame) }
        return frames
    }

    /// A binary PPM (P6) file such as ffmpeg writes, as an RGB image.
    static func ppmImage(_ name: String) throws -> RGBImage {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
        // Header: "P6", width, height, maximum value, each followed by one whitespace byte.
        var fields: [String] = []
        var start = 0
        var index = 0
        while fields.count < 4 {
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n") {
                fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        precondition(fields[0] == "P6" && fields[3] == "255", "not an 8-bit binary PPM")
        return RGBImage(width: Int(fields[1])!, height: Int(fields[2])!, pixels: Array(bytes[index...]))
    }
}

extension RGBImage {
    /// Mean absolute difference per channel from `other`, which must have the same size.
    func meanAbsoluteDifference(from other: RGBImage) -> Double {
        precondition(width == other.width && height == other.height)
        let total = zip(pixels, other.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(pixels.count)
    }

    /// Whether the pixel at (x, y) is clearly red.
    func isRed(x: Int, y: Int) -> Bool {
        let (red, green, blue) = self[x, y]
        return red > 200 && green < 60 && blue < 60
    }
}
