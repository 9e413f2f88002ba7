import Dispatch
import Geometry
import Imaging
import SiameseTracker

/// One tracker per target over the same frames, updated concurrently when threads allow: with
/// `threads` threads and `n` targets, `min(threads, n)` targets are tracked at once, each network
/// getting an equal share of the threads. Each target's boxes equal those of a run alone with
/// the same thread share.
struct TargetTrackers {
    private let trackers: [Slot]
    private let concurrentTargets: Int

    /// One tracker's state, updated in place by whichever thread runs it.
    private final class Slot: @unchecked Sendable {
        var tracker: SiamFCTracker
        var result: TrackingResult?
        init(_ tracker: SiamFCTracker) { self.tracker = tracker }
    }

    /// Starts a tracker on each of `boxes` in `frame`.
    ///
    /// - Throws: `CommandError.cannotStartTarget` naming the target whose box or settings are unusable.
    init(networks: [EmbeddingNetwork], configuration: TrackerConfiguration, frame: RGBImage, boxes: [Box]) throws {
        concurrentTargets = max(1, min(configuration.threads, boxes.count))
        var share = configuration
        share.threads = max(1, configuration.threads / concurrentTargets)
        trackers = try boxes.enumerated().map { index, box in
            do {
                return Slot(try SiamFCTracker(networks: networks, configuration: share, frame: frame, box: box))
            } catch {
                throw boxes.count == 1 ? error : CommandError.cannotStartTarget(index, "\(error)")
            }
        }
    }

    /// Finds every target in the next frame.
    mutating func update(frame: RGBImage) -> [TrackingResult] {
        let trackers = trackers, workers = concurrentTargets
        if workers == 1 {
            for slot in trackers { slot.result = slot.tracker.update(frame: frame) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: trackers.count, by: workers) {
                    trackers[index].result = trackers[index].tracker.update(frame: frame)
                }
            }
        }
        return trackers.map { $0.result! }
    }
}
