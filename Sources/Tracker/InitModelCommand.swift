import ArgumentParser
import Foundation
import SiameseTracker

/// `siamtrack init-model`: writes an untrained network (the start of training).
struct InitModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-model",
        abstract: "Write the compact network with He-initialised, untrained weights.")

    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: ArgumentHelp("Where to write the safetensors file (--out: the old spelling).", valueName: "file"))
    var output: String

    @Option(help: "Seed of the initialisation; the same seed gives the same file.")
    var seed: UInt64 = 1

    func run() throws {
        try SafeTensors.untrainedNetwork(.compact, seed: seed).write(to: URL(fileURLWithPath: output))
    }
}
