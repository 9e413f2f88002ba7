import Foundation
import ArgumentParser
import SiameseTracker

/// `siamtrack model-info`: what the network is and what it costs per frame.
struct ModelInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-info", abstract: "Print the network's layers, parameter count and FLOPs per tracked frame.")

    @OptionGroup var model: ModelOption

    func run() throws {
        let networks = try model.load()
        let settings = TrackerConfiguration()
        var ensembleFLOPs = 0
        for (index, network) in networks.enumerated() {
            if networks.count > 1 { print("network \(index + 1) of \(networks.count) (an ensemble: their score maps are averaged)") }
            ensembleFLOPs += describe(network, settings: settings)
        }
        if networks.count > 1 {
            print("GFLOP per tracked frame, the whole ensemble (\(settings.scaleCount) scales): \(gigaflops(ensembleFLOPs))")
        }
    }

    /// Prints one network's layers and costs; returns its operations per tracked frame.
    private func describe(_ network: EmbeddingNetwork, settings: TrackerConfiguration) -> Int {
        let searchFLOPs = network.floatingPointOperations(inputSize: settings.searchSize)
        let exemplarSide = network.outputSize(for: settings.exemplarSize)
        let searchSide = network.outputSize(for: settings.searchSize)
        let mapSide = searchSide - exemplarSide + 1
        let correlationFLOPs = 2 * network.outputChannels * exemplarSide * exemplarSide * mapSide * mapSide
        let perFrame = settings.scaleCount * (searchFLOPs + correlationFLOPs)
        for layer in network.architecture.layers {
            let shape = [layer.inputChannels, layer.outputChannels, layer.kernelSize, layer.stride]
                .compactMap { $0 }.map(String.init).joined(separator: " ")
            print("  \(layer.kind.rawValue) \(layer.name ?? "") \(shape)")
        }
        print("parameters: \(network.parameterCount)")
        print("total stride: \(network.totalStride)")
        print("embedding: exemplar \(exemplarSide)x\(exemplarSide), search \(searchSide)x\(searchSide), \(network.outputChannels) channels")
        print("GFLOP per \(settings.searchSize)-px search crop: \(gigaflops(searchFLOPs))")
        print("GFLOP per tracked frame (\(settings.scaleCount) scales, correlation included): \(gigaflops(perFrame))")
        return perFrame
    }

    private func gigaflops(_ operations: Int) -> String {
        String(format: "%.3f", Double(operations) / 1e9)
    }
}

