import Foundation
@testable import SiameseTracker

/// Textbook implementations, written for clarity and nothing else, to check the fast paths.
enum Reference {
    /// Direct valid convolution of every item, from the unfolded definition.
    static func convolve(_ input: FeatureMap, _ conv: Convolution) -> FeatureMap {
        let k = conv.kernelSize, s = conv.stride
        let outHeight = (input.height - k) / s + 1, outWidth = (input.width - k) / s + 1
        var output = FeatureMap(channels: conv.outputChannels, batch: input.batch, height: outHeight, width: outWidth)
        for n in 0..<input.batch {
            for o in 0..<conv.outputChannels {
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        var sum = Double(conv.bias[o])
                        for i in 0..<conv.inputChannels {
                            for ky in 0..<k {
                                for kx in 0..<k {
                                    let w = conv.weights[((o * conv.inputChannels + i) * k + ky) * k + kx]
                                    sum += Double(w) * Double(input[i, n, y * s + ky, x * s + kx])
                                }
                            }
                        }
                        output[o, n, y, x] = Float(sum)
                    }
                }
            }
        }
        return output
    }

    static func maxPool(_ input: FeatureMap, kernel: Int, stride: Int) -> FeatureMap {
        let outHeight = (input.height - kernel) / stride + 1, outWidth = (input.width - kernel) / stride + 1
        var output = FeatureMap(channels: input.channels, batch: input.batch, height: outHeight, width: outWidth)
        for c in 0..<input.channels {
            for n in 0..<input.batch {
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        var best = -Float.infinity
                        for ky in 0..<kernel {
                            for kx in 0..<kernel { best = max(best, input[c, n, y * stride + ky, x * stride + kx]) }
                        }
                        output[c, n, y, x] = best
                    }
                }
            }
        }
        return output
    }

    static func batchNorm(_ input: FeatureMap, _ norm: BatchNorm) -> FeatureMap {
        var output = input
        for c in 0..<input.channels {
            for n in 0..<input.batch {
                for y in 0..<input.height {
                    for x in 0..<input.width {
                        let normalised = (input[c, n, y, x] - norm.runningMean[c]) / (norm.runningVariance[c] + norm.epsilon).squareRoot()
                        output[c, n, y, x] = norm.scale[c] * normalised + norm.shift[c]
                    }
                }
            }
        }
        return output
    }

    /// Runs an architecture layer by layer from its unfolded tensors.
    static func embed(_ input: FeatureMap, file: SafeTensors) throws -> FeatureMap {
        let architecture = try JSONDecoder().decode(
            NetworkArchitecture.self, from: Data(file.metadata[NetworkArchitecture.metadataKey]!.utf8))
        var map = input
        for layer in architecture.layers {
            switch layer.kind {
            case .convolution:
                let name = layer.name!
                map = convolve(map, Convolution(
                    inputChannels: layer.inputChannels!, outputChannels: layer.outputChannels!,
                    kernelSize: layer.kernelSize!, stride: layer.stride ?? 1,
                    weights: file.tensors["\(name).weight"]!.values, bias: file.tensors["\(name).bias"]!.values))
            case .batchNorm:
                let name = layer.name!
                map = batchNorm(map, BatchNorm(
                    scale: file.tensors["\(name).weight"]!.values, shift: file.tensors["\(name).bias"]!.values,
                    runningMean: file.tensors["\(name).running_mean"]!.values,
                    runningVariance: file.tensors["\(name).running_var"]!.values))
            case .relu:
                map.values = map.values.map { max($0, 0) }
            case .maxPool:
                map = maxPool(map, kernel: layer.kernelSize!, stride: layer.stride!)
            }
        }
        return map
    }

    static func correlate(exemplar: FeatureMap, search: FeatureMap) -> FeatureMap {
        let outHeight = search.height - exemplar.height + 1, outWidth = search.width - exemplar.width + 1
        var output = FeatureMap(channels: 1, batch: search.batch, height: outHeight, width: outWidth)
        for n in 0..<search.batch {
            for y in 0..<outHeight {
                for x in 0..<outWidth {
                    var sum = 0.0
                    for c in 0..<search.channels {
                        for dy in 0..<exemplar.height {
                            for dx in 0..<exemplar.width {
                                sum += Double(exemplar[c, 0, dy, dx]) * Double(search[c, n, y + dy, x + dx])
                            }
                        }
                    }
                    output[0, n, y, x] = Float(sum)
                }
            }
        }
        return output
    }
}

