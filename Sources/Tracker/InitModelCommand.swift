import ArgumentParser
import Foundation
import SiameseTracker

/// `siamtrack init-model`: writes an untrained network (the start of training).
struct InitModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-model",
        abstract: "Write the compact network (or a wider one) with He-initialised, untrained weights.")

    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: ArgumentHelp("Where to write the safetensors file (--out: the old spelling).", valueName: "file"))
    var output: String

    @Option(help: "Seed of the initialisation; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Option(help: "Factor on every convolution's channel count (about its square on the cost per frame).")
    var width = 1.0

    func validate() throws {
        guard width.isFinite, (0.25...4).contains(width) else { throw ValidationError("--width must lie in 0.25...4") }
    }

    func run() throws {
        try SafeTensors.untrainedNetwork(.compact(width: width), seed: seed).write(to: URL(fileURLWithPath: output))
    }
}
