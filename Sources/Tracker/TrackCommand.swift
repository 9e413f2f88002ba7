import ArgumentParser
import Geometry
import SiameseTracker
import VideoIO

/// `siamtrack track VIDEO --box x,y,w,h`: one JSON line per decoded frame.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Track the object in --box through VIDEO, one JSON line per frame.",
        discussion: """
            Each line: {"frame":N,"time":SECONDS,"x":..,"y":..,"width":..,"height":..,"score":0..1}
            Frame 0 repeats the given box with score 1.
            """)

    @Argument(help: "A video file or image-sequence pattern (e.g. img/%04d.jpg) that FFmpeg can read.")
    var video: String

    // Unconditional: a box partly off the left or top edge starts with '-' and is still a value.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The target in the first frame, in pixels: left, top, width, height.", valueName: "x,y,w,h"),
        transform: BoxArgument.parse)
    var box: Box

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the JSON lines to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var model: ModelOption
    @OptionGroup(title: "Tracker settings") var settings: TrackerOptions

    func run() throws {
        let start = box
        let network = try model.load()
        let reader = FramePrefetcher(try VideoReader(path: video, threads: settings.threads))
        guard let first = try reader.nextFrame() else { throw CommandError.emptyVideo(video) }
        var tracker = try SiamFCTracker(network: network, configuration: settings.configuration, frame: first.image, box: start)
        let sink = try output.map { path throws(CommandError) in try LineOutput(path: path) } ?? .standardOutput
        sink.write(TrackRecord(frame: first.index, timeSeconds: first.timeSeconds, box: start, score: 1).jsonLine)
        while let frame = try reader.nextFrame() {
            let result = tracker.update(frame: frame.image)
            sink.write(TrackRecord(frame: frame.index, timeSeconds: frame.timeSeconds, box: result.box, score: result.score).jsonLine)
        }
    }
}
