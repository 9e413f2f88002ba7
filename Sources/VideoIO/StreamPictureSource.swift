internal import CFFmpeg

/// The pictures of one input's video stream, decoded in order until the decoder is drained.
final class StreamPictureSource: PictureSource {
    let rotation: DisplayRotation
    private let input: MediaInput
    private let decoder: PictureDecoder
    private var clock: PresentationClock
    /// Why reading stopped early; reported once the frames already inside the decoder are out.
    private var readFailure: String?
    private let packet: UnsafeMutablePointer<AVPacket>
    private let damagedData: DamagedDataHandling
    /// Pictures the decoder could not make from their data, skipped while concealing.
    private(set) var lostPictures = 0
    /// Whether a picture has come out yet: a read failure before the first is an unreadable input.
    private var hasPicture = false

    /// Opens `path` and a decoder with `threads` threads (0: FFmpeg's choice). `probesStreams` as in
    /// `MediaInput`.
    init(path: String, threads: Int, probesStreams: Bool = true, damagedData: DamagedDataHandling = .stop) throws(VideoError) {
        self.damagedData = damagedData
        input = try MediaInput(path: path, probesStreams: probesStreams)
        decoder = try PictureDecoder(for: input, threads: threads)
        rotation = DisplayRotation(stream: input.stream)
        clock = PresentationClock(
            stream: input.stream,
            framesPerSecond: input.framesPerSecond ?? VideoReader.assumedImageFramesPerSecond)
        guard let packet = av_packet_alloc() else {
            throw .ffmpegFailed(path: path, operation: "allocate a packet", reason: "out of memory")
        }
        self.packet = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packet)
    }

    var storedWidth: Int { input.storedWidth }
    var storedHeight: Int { input.storedHeight }
    var framesPerSecond: Double? { input.framesPerSecond }
    var durationSeconds: Double? { input.durationSeconds }
    var frameCount: Int? { input.frameCount }

    func path(ofFrame index: Int) -> String { input.images.map { $0.pattern.path(of: $0.first + index) } ?? input.path }

    func decodeNextPicture(into frame: UnsafeMutablePointer<AVFrame>, frameIndex: Int) throws(VideoError) -> Bool {
        while true {
            switch decoder.receivePicture(into: frame) {
            case .picture:
                hasPicture = true
                return true
            case .needsInput:
                try feedDecoder(frameIndex: frameIndex)
            case .finished:
                guard let readFailure else { return false }
                if !hasPicture, input.isUnseekableMOV { throw .indexAfterDataInPipe(path: input.path) }
                throw .decodingFailed(path: path(ofFrame: frameIndex), frameIndex: frameIndex, reason: readFailure)
            case .failed(let reason):
                guard damagedData == .conceal else { throw .decodingFailed(path: path(ofFrame: frameIndex), frameIndex: frameIndex, reason: reason) }
                lostPictures += 1
            }
        }
    }

    func presentationSeconds(of frame: UnsafePointer<AVFrame>, frameIndex: Int) -> Double {
        clock.seconds(atTick: frame.pointee.best_effort_timestamp, frameIndex: frameIndex)
    }

    /// Gives the decoder the next packet, or at the end of input (clean or not) tells it to drain so
    /// that the frames it still holds come out.
    private func feedDecoder(frameIndex: Int) throws(VideoError) {
        let failure: String?
        switch input.readVideoPacket(into: packet) {
        case .packet:
            failure = decoder.send(packet)
            av_packet_unref(packet)
            // The packet's picture will not come: count it and read on.
            if failure != nil, damagedData == .conceal {
                lostPictures += 1
                return
            }
        case .endOfInput:
            failure = decoder.send(nil)
        case .failed(let reason):
            readFailure = reason
            failure = decoder.send(nil)
        }
        if let failure { throw .decodingFailed(path: path(ofFrame: frameIndex), frameIndex: frameIndex, reason: failure) }
    }
}
