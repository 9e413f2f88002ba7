import Foundation
import Synchronization

/// The hidden files this process is writing, in a fixed table of C strings that a signal handler
/// can walk without allocating or locking.
enum LiveFiles {
    /// One entry: the address of a C string, 0 when free.
    final class Slot: Sendable {
        let address = Atomic<Int>(0)
    }

    /// More files than any command writes at once (batch: one per job, plus the summary).
    private static let capacity = 1024
    private static let slots: [Slot] = (0..<capacity).map { _ in Slot() }

    /// Lists `path`; nil when the table is full (the file is then only removed by a later run).
    static func register(_ path: String) -> Slot? {
        guard let copy = strdup(path) else { return nil }
        let address = Int(bitPattern: copy)
        for slot in slots where slot.address.compareExchange(expected: 0, desired: address, ordering: .acquiringAndReleasing).exchanged {
            return slot
        }
        free(copy)
        return nil
    }

    /// Takes the slot's file off the list.
    static func unregister(_ slot: Slot) {
        // The string is not freed: a signal handler may be reading it at this moment, and it is small.
        _ = slot.address.exchange(0, ordering: .acquiringAndReleasing)
    }

    /// Unlinks every listed file.
    static func removeAll() {
        for slot in slots {
            let address = slot.address.load(ordering: .acquiring)
            if address != 0, let path = UnsafePointer<CChar>(bitPattern: address) { unlink(path) }
        }
    }
}
