import Foundation
import SiameseTracker

extension SafeTensors {
    /// The metadata key under which an averaged network lists the files it was averaged from.
    package static let averagedFromKey = "siamtrack.averagedFrom"

    /// Stochastic weight averaging: every tensor (convolutions, batch-norm scales, shifts and
    /// running statistics) the mean of the networks', which calms the swings from epoch to epoch.
    /// The networks must come from one training run, so that their channels correspond; the
    /// result keeps the first one's metadata and lists `names` under `averagedFromKey`.
    ///
    /// - Throws: `ModelError.invalidNetwork` naming the first network whose tensors' names or
    ///   shapes differ from the first's.
    package static func averaging(_ networks: [(name: String, file: SafeTensors)]) throws(ModelError) -> SafeTensors {
        guard let first = networks.first else { return SafeTensors() }
        var sums = first.file.tensors.mapValues { $0.values.map(Double.init) }
        for (name, network) in networks.dropFirst() {
            guard network.tensors.mapValues(\.shape) == first.file.tensors.mapValues(\.shape) else {
                throw .invalidNetwork(path: name, reason: "it does not hold the same tensors, of the same shapes, as \(first.name)")
            }
            for (tensor, values) in network.tensors {
                for (index, value) in values.values.enumerated() { sums[tensor]![index] += Double(value) }
            }
        }
        var averaged = first.file
        for (tensor, sum) in sums {
            averaged.tensors[tensor]!.values = sum.map { Float($0 / Double(networks.count)) }
        }
        let names = networks.map { ($0.name as NSString).lastPathComponent }
        averaged.metadata[averagedFromKey] = String(decoding: (try? JSONEncoder().encode(names)) ?? Data("[]".utf8), as: UTF8.self)
        return averaged
    }
}
