import ArgumentParser
import Foundation
import SiameseTracker

/// `--model FILE`, shared by the commands that run the network.
struct ModelOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Embedding network (safetensors); the bundled default if omitted.", valueName: "file"))
    var model: String?

    /// Loads the chosen network.
    func load() throws(ModelError) -> EmbeddingNetwork {
        guard let model else { return try EmbeddingNetwork.bundledDefault() }
        return try EmbeddingNetwork(contentsOf: URL(fileURLWithPath: model))
    }
}
