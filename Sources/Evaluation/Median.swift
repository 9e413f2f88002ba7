extension Array where Element == Double {
    /// The middle value once sorted, or the mean of the two middle ones for an even count; nil
    /// when empty. Speeds are summarised by it so that one stall or warm-up does not dominate.
    package var median: Double? {
        guard !isEmpty else { return nil }
        let sorted = self.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
