import ArgumentParser
import Foundation
import SafeFiles

/// The `siamtrack` command: follows an object through a video with a Siamese network.
@main
struct Siamtrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "siamtrack",
        abstract: "Follow an object through a video with a SiamFC Siamese network on the CPU.",
        subcommands: [TrackCommand.self, BatchCommand.self, InfoCommand.self, EvalCommand.self, BenchCommand.self, TrainCommand.self, ModelInfoCommand.self, InitModelCommand.self, AverageModelsCommand.self],
        defaultSubcommand: TrackCommand.self)

    /// Runs a command; every failure becomes one line on stderr with status 1, or 2 for usage errors.
    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "failed"
            if !message.isEmpty { FileDescriptorWriting.writeToStandardError("siamtrack: error: \(message)\n") }
            Foundation.exit(code == .validationFailure ? 2 : (code.rawValue == 0 ? 1 : code.rawValue))
        }
    }
}
