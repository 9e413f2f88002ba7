import Foundation
import ArgumentParser
import SiameseTracker

/// `siamtrack model-info`: what the network is and what it costs per frame.
struct ModelInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-info", abstract: "Print the network's layers, parameter count and FLOPs per tracked frame.")

    @OptionGroup var model: ModelOption

    func run() throws {
        let network = try model.load()
        let settings = TrackerConfiguration()
        let searchFLOPs = network.floatingPointOperations(inputSize: settings.searchSize)
        let exemplarSide = network.outputSize(for: settings.exemplarSize)
        let searchSide = network.outputSize(for: settings.searchSize)
        let correlationFLOPs = 2 * network.outputChannels * exemplarSide * exemplarSide
            * (searchSide - exemplarSide + 1) * (searchSide - exemplarSide + 1)
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
    }

    private func gigaflops(_ operations: Int) -> String {
        String(format: "%.3f", Double(operations) / 1e9)
    }
}

