import Foundation

extension Encodable {
    /// The value as the compact, sorted-keys JSON that model and checkpoint files keep in their
    /// metadata (the same value always gives the same bytes).
    package var metadataJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Our metadata types hold only strings, numbers and enums: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
