import ArgumentParser
import Foundation
import SiameseTracker

/// `--model FILE`, shared by the commands that run the network.
struct ModelOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Embedding network (safetensors); repeat it to track with an ensemble, whose score maps are averaged. Default: the three bundled networks.",
            valueName: "file"))
    var model: [String] = []

    /// Loads the chosen networks: those named, or the bundled ensemble.
    func load() throws(ModelError) -> [EmbeddingNetwork] {
        guard !model.isEmpty else { return try EmbeddingNetwork.bundledEnsemble() }
        var networks: [EmbeddingNetwork] = []
        for path in model { networks.append(try EmbeddingNetwork(contentsOf: URL(fileURLWithPath: path))) }
        return networks
    }
}
