import ArgumentParser
import Geometry
import SafeFiles
import SiameseTracker
import VideoIO

/// `siamtrack track VIDEO --box x,y,w,h`: one JSON line per decoded frame and target, and
/// optionally the video with the boxes drawn.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Track the objects in --box through VIDEO, one JSON line per frame and target.",
        discussion: """
            Each line: {"frame":N,"time":SECONDS,"x":..,"y":..,"width":..,"height":..,"score":0..1}
            With several targets (--box given more than once, or --boxes) each line also has \
            "target":I after "frame" (0-based, in the order given). The first frame tracked \
            repeats the given boxes with score 1; frame and time are the video's own, also with \
            --start-frame or --start-time.
            """)

    @Argument(help: "A video file or image-sequence pattern (e.g. img/%04d.jpg) that FFmpeg can read.")
    var video: String

    // Unconditional: a box partly off the left or top edge starts with '-' and is still a value.
    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("A target in the first frame, in pixels: left, top, width, height; repeat for several targets.", valueName: "x,y,w,h"),
        transform: BoxArgument.parse)
    var box: [Box] = []

    @Option(help: ArgumentHelp("A file of targets, one x,y,w,h per line (after any --box).", valueName: "file"))
    var boxes: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the JSON lines to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp(
        "Also write the video with the boxes drawn; the extension picks the container (mp4, mkv, webm, avi, or frames/%04d.png).",
        valueName: "file"))
    var render: String?

    @Option(help: ArgumentHelp("Start on this frame (0-based): the boxes are given on it.", valueName: "n"))
    var startFrame: Int?

    @Option(help: ArgumentHelp("Start on the first frame shown at or after this time.", valueName: "seconds"))
    var startTime: Double?

    @Option(help: ArgumentHelp("Stop after this frame.", valueName: "n"))
    var endFrame: Int?

    @Option(help: ArgumentHelp("Stop after the last frame shown at or before this time.", valueName: "seconds"))
    var endTime: Double?

    @Flag(help: "Stop at the first damaged frame instead of skipping what cannot be decoded.")
    var strict = false

    @OptionGroup var progress: ProgressOption
    @OptionGroup var model: ModelOption
    @OptionGroup(title: "Tracker settings") var settings: TrackerOptions

    func validate() throws {
        guard !box.isEmpty || boxes != nil else { throw ValidationError("missing the target: give --box x,y,w,h or --boxes FILE") }
        guard startFrame == nil || startTime == nil else { throw ValidationError("give --start-frame or --start-time, not both") }
        guard endFrame == nil || endTime == nil else { throw ValidationError("give --end-frame or --end-time, not both") }
        for (name, frame) in [("--start-frame", startFrame), ("--end-frame", endFrame)] {
            if let frame, frame < 0 { throw ValidationError("\(name) must be 0 or more") }
        }
        for (name, time) in [("--start-time", startTime), ("--end-time", endTime)] {
            if let time, !(time.isFinite && time >= 0) { throw ValidationError("\(name) must be a number of seconds, 0 or more") }
        }
        if let startFrame, let endFrame, endFrame < startFrame { throw ValidationError("--end-frame is before --start-frame") }
        if let startTime, let endTime, endTime < startTime { throw ValidationError("--end-time is before --start-time") }
        try checkPaths()
    }

    /// Refuses outputs that are inputs or each other, before anything is opened for writing.
    private func checkPaths() throws {
        var roles = FileRoles()
        roles.read(video, as: "the input video \(video)")
        for image in VideoReader.imageFiles(matching: video) { roles.read(image, as: "\(image), an image of the input \(video)") }
        roles.read(boxes, as: "the --boxes file \(boxes ?? "")")
        for file in model.model { roles.read(file, as: "the model \(file)") }
        roles.write(output, as: "-o \(output ?? "")")
        roles.write(render, as: "--render \(render ?? "")")
        do {
            try roles.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    private var range: FrameRange {
        FrameRange(
            start: startFrame.map(FrameRange.Bound.frame) ?? startTime.map(FrameRange.Bound.seconds),
            end: endFrame.map(FrameRange.Bound.frame) ?? endTime.map(FrameRange.Bound.seconds))
    }

    func run() throws {
        let starts = try box + (boxes.map(TargetBoxesFile.read) ?? [])
        let job = TrackJob(
            video: video, boxes: starts, numbersTargets: starts.count > 1 || boxes != nil, range: range, render: render,
            configuration: settings.configuration, damagedData: strict ? .stop : .conceal)
        let networks = try model.load()
        let line = progress.line(unit: "frames")
        defer { line.clear() }
        let outcome = try job.run(
            networks: networks, openOutput: { try output.map { path throws(CommandError) in try LineOutput(path: path) } ?? .standardOutput },
            progress: { line.update(done: $0, total: $1) })
        if !outcome.damage.isEmpty {
            line.clear()
            FileDescriptorWriting.writeToStandardError(
                "siamtrack: warning: \(video) is damaged: \(outcome.damage.summary); the other frames were tracked (--strict stops at the first damaged frame)\n")
        }
    }
}
