/// Look-alikes of the target seen elsewhere in the frame: their embeddings, kept so that a
/// re-detection that finds one of them is not taken for the target's return.
///
/// A match anywhere in the frame is only as good as what else in the scene resembles the target:
/// another surfer in a dark wetsuit, another truck, another dancer match the exemplar as well as
/// the target does. Each candidate's embedding is compared with the exemplar's and with every
/// remembered look-alike's (cosine similarity), and one nearer a look-alike than the target is
/// taken for that look-alike (nearest neighbour).
struct DistractorMemory: Sendable {
    /// Templates kept at most; the oldest goes first.
    static let capacity = 16
    /// Cosine similarity with a remembered look-alike over which a new one is taken to be it again.
    static let sameLookAlike: Float = 0.8

    /// The exemplar's embedding, scaled to unit length.
    private let exemplar: [Float]
    /// Embedding patches of the exemplar's shape, channel-major, each scaled to unit length.
    private(set) var templates: [[Float]] = []

    /// An empty memory for the target whose exemplar embedding is `exemplar`.
    init(exemplar: [Float]) { self.exemplar = Self.unit(exemplar) }

    /// Remembers `patch`, or replaces the remembered look-alike it resembles at `sameLookAlike` or more.
    mutating func remember(_ patch: [Float]) {
        let patch = Self.unit(patch)
        guard patch.contains(where: { $0 != 0 }) else { return }
        if let same = templates.firstIndex(where: { Self.dot(patch, $0) >= Self.sameLookAlike }) {
            templates[same] = patch
            return
        }
        if templates.count == Self.capacity { templates.removeFirst() }
        templates.append(patch)
    }

    /// Whether the embedding around a match, `patches` (the match's window and its shifts by a
    /// cell), resembles some remembered look-alike at least as much as the exemplar, each by its
    /// best-aligned window (cosine similarity): a match there is more likely that look-alike.
    func isLookAlike(_ patches: [[Float]]) -> Bool {
        guard !templates.isEmpty else { return false }
        let units = patches.map(Self.unit)
        func resemblance(_ reference: [Float]) -> Float { units.map { Self.dot($0, reference) }.max() ?? -1 }
        let target = resemblance(exemplar)
        return templates.contains { resemblance($0) >= target }
    }

    private static func unit(_ values: [Float]) -> [Float] {
        let norm = dot(values, values).squareRoot()
        return norm > 0 ? values.map { $0 / norm } : values
    }

    private static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "patches of different shapes")
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in (0..<a.count).reduce(0) { $0 + a[$1] * b[$1] } } }
    }
}

extension FeatureMap {
    /// The windows of `patch(item:row:column:side:)` at (`row`, `column`) and at every cell next
    /// to it that keeps the window inside the map.
    func patchesAround(item: Int, row: Int, column: Int, side: Int) -> [[Float]] {
        let rows = max(row - 1, 0)...min(row + 1, height - side), columns = max(column - 1, 0)...min(column + 1, width - side)
        return rows.flatMap { y in columns.map { x in patch(item: item, row: y, column: x, side: side) } }
    }
}
