import Foundation

/// Decodes a video's frames on a thread of its own, a few frames ahead of the reader, so that
/// decoding overlaps whatever the caller does with each frame (tracking).
///
/// The queue is bounded (`capacity` frames), so memory stays flat however long the video is.
/// Frames and errors come out in the order the underlying `VideoReader` produced them; after an
/// error or the end, `nextFrame()` returns nil. Dropping the prefetcher stops its thread.
public final class FramePrefetcher {
    private let state: State

    /// Starts decoding `reader` ahead; `capacity` (at least 1) frames wait at most.
    public init(_ reader: VideoReader, capacity: Int = 3) {
        state = State(capacity: max(1, capacity))
        let state = state
        let transfer = UncheckedTransfer(reader: reader)
        let thread = Thread { state.produce(from: transfer.reader) }
        thread.name = "siamtrack.decode"
        thread.start()
    }

    deinit { state.cancel() }

    /// The next frame in order, waiting for the decoder if it is behind; nil after the last.
    ///
    /// - Throws: the `VideoError` the reader threw at this point of the video.
    public func nextFrame() throws(VideoError) -> VideoFrame? {
        try state.take().get()
    }

    /// The frames that damaged data spoiled, among those decoded so far (see `VideoReader.damage`).
    public var damage: DecodeDamage { state.damage }

    /// The reader moves to the decoding thread and is used only there from then on.
    private struct UncheckedTransfer: @unchecked Sendable { let reader: VideoReader }

    /// The queue shared by the decoding thread and the reader, guarded by `condition`.
    private final class State: @unchecked Sendable {
        private let condition = NSCondition()
        private let capacity: Int
        private var queue: [Result<VideoFrame?, VideoError>] = []
        private var head = 0
        private var isCancelled = false
        /// True once the end or an error is queued: nothing follows it.
        private var isDone = false
        /// The reader's damage as of the last result queued.
        private var readerDamage = DecodeDamage()

        var damage: DecodeDamage { condition.withLock { readerDamage } }

        init(capacity: Int) { self.capacity = capacity }

        /// The decoding thread's loop: fill the queue until the end, an error or cancellation.
        func produce(from reader: VideoReader) {
            while true {
                condition.lock()
                while queue.count - head >= capacity && !isCancelled { condition.wait() }
                let stop = isCancelled
                condition.unlock()
                if stop { return }
                let result: Result<VideoFrame?, VideoError>
                do throws(VideoError) { result = .success(try reader.nextFrame()) } catch { result = .failure(error) }
                condition.lock()
                if head > capacity {
                    queue.removeFirst(head)
                    head = 0
                }
                let isLast = Self.isLast(result)
                queue.append(result)
                readerDamage = reader.damage
                isDone = isLast
                condition.broadcast()
                condition.unlock()
                if isLast { return }
            }
        }

        /// The next queued result, waiting for one; `.success(nil)` for ever after the end or an error.
        func take() -> Result<VideoFrame?, VideoError> {
            condition.lock()
            defer { condition.unlock() }
            while head == queue.count && !isDone { condition.wait() }
            guard head < queue.count else { return .success(nil) }
            let result = queue[head]
            head += 1
            condition.broadcast()
            return result
        }

        func cancel() {
            condition.lock()
            isCancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// The end of the video or an error: the decoder stops after it.
        private static func isLast(_ result: Result<VideoFrame?, VideoError>) -> Bool {
            if case .success(.some) = result { false } else { true }
        }
    }
}
