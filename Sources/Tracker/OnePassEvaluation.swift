import Evaluation

/// One-pass evaluation (OPE, as in OTB): run the tracker once over each sequence from its first
/// ground-truth box and score every frame against the ground truth.
///
/// `siamtrack eval` prints and saves each sequence as it finishes; training's validation only
/// needs the report.
struct OnePassEvaluation: Sendable {
    /// Runs the tracker over one sequence.
    let runner: SequenceRunner
    /// The name the report and the plots give the tracker.
    let trackerName: String

    /// Runs every sequence in order, hands each run and its scores to `finished` as soon as the
    /// sequence ends, and gathers the scores into one report.
    func report(
        on sequences: [TrackingSequence],
        finished: (SequenceRun, SequenceResult) throws -> Void = { _, _ in }
    ) throws -> Report {
        var results: [SequenceResult] = []
        for sequence in sequences {
            let run = try runner.run(sequence)
            let result = try run.result()
            try finished(run, result)
            results.append(result)
        }
        return try Report(tracker: trackerName, sequences: results)
    }
}
