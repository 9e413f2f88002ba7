import ArgumentParser
import Foundation
import SiameseTracker

/// `siamtrack init-model`: writes an untrained network (the start of training).
struct InitModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-model",
        abstract: "Write the compact network with He-initialised, untrained weights.")

    @Option(help: ArgumentHelp("Where to write the safetensors file.", valueName: "file"))
    var out: String

    @Option(help: "Seed of the initialisation; the same seed gives the same file.")
    var seed: UInt64 = 1

    func run() throws {
        try SafeTensors.untrainedNetwork(.compact, seed: seed).write(to: URL(fileURLWithPath: out))
    }
}
