import ArgumentParser

/// `--progress` / `--no-progress`: the status line on stderr, shown by default only when stderr
/// is a terminal, so pipes and CI logs stay clean.
struct ProgressOption: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Show a progress line on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    /// A progress line counting `unit`s, as these flags ask.
    func line(unit: String) -> ProgressLine { ProgressLine(unit: unit, forced: progress) }
}
