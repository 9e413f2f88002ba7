import ArgumentParser
import Foundation
import VideoIO

/// `siamtrack info VIDEO`: what a video is, before tracking in it.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a video: container, codec, sizes, rotation, frame rate, duration and frame count.",
        discussion: """
            The display size is the one boxes refer to (after rotation). The frame count is \
            exact when the container records it ("header") or when the file is read through \
            without decoding ("counted", up to 2 GiB), otherwise duration x frame rate ("estimated").
            """)

    @Argument(help: "A video file or image-sequence pattern (e.g. img/%04d.jpg) that FFmpeg can read.")
    var video: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let info = try VideoInfo(path: video)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try LineOutput.standardOutput.write(String(decoding: try encoder.encode(info), as: UTF8.self) + "\n")
            return
        }
        func optional<T>(_ value: T?, _ format: (T) -> String) -> String { value.map(format) ?? "unknown" }
        let lines = [
            "file:         \(info.path)",
            "container:    \(info.container) (\(info.containerDescription))",
            "codec:        \(info.codec)",
            "size:         \(info.displayWidth)x\(info.displayHeight) as displayed, \(info.codedWidth)x\(info.codedHeight) as coded",
            "rotation:     \(info.rotationDegrees) degrees clockwise",
            "frame rate:   " + optional(info.framesPerSecond) { String(format: "%.3f fps", $0) },
            "duration:     " + optional(info.durationSeconds) { String(format: "%.3f s", $0) },
            "frames:       " + optional(info.frameCount) { "\($0) (\(info.frameCountSource?.rawValue ?? ""))" },
            "pixel format: " + (info.pixelFormat ?? "unknown"),
            "bit rate:     " + optional(info.bitRate) { String(format: "%.0f kbit/s", Double($0) / 1000) },
        ]
        try LineOutput.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}
