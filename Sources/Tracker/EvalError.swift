/// Failures of `siamtrack eval` that come from its arguments' contents rather than their form.
enum EvalError: Error, CustomStringConvertible {
    /// Two datasets hold a sequence of the same name, whose results files would collide.
    case duplicateSequenceName(String, firstDataset: String, secondDataset: String)

    var description: String {
        switch self {
        case .duplicateSequenceName(let name, let first, let second):
            "sequence \(name) is in both \(first) and \(second); evaluate them in separate runs, since results are named by sequence"
        }
    }
}
