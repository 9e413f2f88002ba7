/// Failures of `siamtrack eval` that come from its arguments' contents rather than their form.
enum EvalError: Error, CustomStringConvertible {
    /// Two datasets hold a sequence of the same name, whose results files would collide.
    case duplicateSequenceName(String, firstDataset: String, secondDataset: String)
    /// Some sequences (listed on stderr) cannot be run; `skippable` when `--skip-bad` would go on.
    case badSequences(Int, of: Int, skippable: Bool)

    var description: String {
        switch self {
        case .duplicateSequenceName(let name, let first, let second):
            "sequence \(name) is in both \(first) and \(second); evaluate them in separate runs, since results are named by sequence"
        case .badSequences(let bad, let total, true):
            "\(bad) of \(total) sequences cannot be scored (listed above); fix them, or pass --skip-bad to score the others"
        case .badSequences(let bad, let total, false):
            "all \(bad) of \(total) sequences cannot be scored (listed above)"
        }
    }
}
