import ArgumentParser
import Foundation
import SafeFiles
import SiameseTracker
import SiameseTraining

/// `siamtrack average-models FILE... -o OUT`: stochastic weight averaging of one run's epochs.
struct AverageModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "average-models",
        abstract: "Average the weights of networks from one training run (e.g. its last epochs) into one network.",
        discussion: """
            Every tensor becomes the mean of the inputs'; the inputs must come from one run, so \
            that their channels correspond. The output keeps the first input's metadata and \
            lists the inputs under siamtrack.averagedFrom. Example: siamtrack average-models \
            -o model.safetensors run.epoch18.safetensors run.epoch19.safetensors run.epoch20.safetensors
            """)

    @Argument(help: ArgumentHelp("Networks of one training run (safetensors).", valueName: "file"))
    var models: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the averaged network.", valueName: "file"))
    var output: String

    func validate() throws {
        guard models.count >= 2 else { throw ValidationError("give at least two networks to average") }
        var roles = FileRoles()
        for model in models { roles.read(model, as: "the network \(model)") }
        roles.write(output, as: "-o \(output)")
        do {
            try roles.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        var networks: [(name: String, file: SafeTensors)] = []
        for path in models {
            let file = try SafeTensors(contentsOf: URL(fileURLWithPath: path))
            // A file the tracker could not run is refused before it is averaged into one.
            _ = try EmbeddingNetwork(file: file, path: path)
            networks.append((path, file))
        }
        let averaged = try SafeTensors.averaging(networks)
        _ = try EmbeddingNetwork(file: averaged, path: output)
        try averaged.write(to: URL(fileURLWithPath: output))
        let weights = averaged.tensors.values.reduce(0) { $0 + $1.values.count }
        try LineOutput.standardOutput.write("\(output): the mean of \(models.count) networks, \(weights) weights\n")
    }
}
