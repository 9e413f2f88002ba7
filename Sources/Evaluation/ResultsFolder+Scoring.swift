extension ResultsFolder {
    /// Scores the boxes this folder holds for `sequences` against their ground truth, with the
    /// long-term measures where it holds presence reports: a report named after the folder,
    /// without speeds (an OTB results folder records none).
    ///
    /// With `frameLimit`, only the first that many frames of each sequence are scored, as when
    /// the tracker being compared ran on that prefix.
    package func report(on sequences: [TrackingSequence], frameLimit: Int? = nil) throws -> Report {
        var results: [SequenceResult] = []
        for sequence in sequences {
            let limit = frameLimit ?? sequence.groundTruth.count
            let boxes = try readBoxes(sequence: sequence.name)
            let presence = try readPresence(sequence: sequence.name)
            results.append(try SequenceResult(
                name: sequence.name, predicted: Array(boxes.prefix(limit)),
                groundTruth: Array(sequence.groundTruth.prefix(limit)), presence: presence.map { Array($0.prefix(limit)) }))
        }
        return try Report(tracker: trackerName, sequences: results)
    }
}
