import Foundation
import SiameseTracker
import XCTest

/// `siamtrack average-models`: stochastic weight averaging of networks, in Swift.
final class AverageModelsTests: XCTestCase {
    private let resources = "Sources/SiameseTracker/Resources"

    func testEveryTensorIsTheMeanOfTheInputsAndTheInputsAreRecorded() throws {
        let folder = try temporaryDirectory()
        let first = SiamtrackProcess.path("\(resources)/default.safetensors")
        // A second network of the same shapes: the first with every weight doubled.
        var doubled = try SafeTensors(contentsOf: URL(fileURLWithPath: first))
        for name in doubled.tensors.keys { doubled.tensors[name]!.values = doubled.tensors[name]!.values.map { $0 * 2 } }
        let second = folder.appendingPathComponent("doubled.safetensors")
        try doubled.write(to: second)
        let output = folder.appendingPathComponent("mean.safetensors")

        let result = try SiamtrackProcess.run(["average-models", first, second.path, "-o", output.path])

        XCTAssertEqual(result.status, 0, result.summary)
        let original = try SafeTensors(contentsOf: URL(fileURLWithPath: first))
        let averaged = try SafeTensors(contentsOf: output)
        XCTAssertEqual(Set(averaged.tensors.keys), Set(original.tensors.keys))
        for (name, tensor) in original.tensors {
            XCTAssertEqual(averaged.tensors[name]?.shape, tensor.shape, name)
            for (mean, value) in zip(averaged.tensors[name]!.values, tensor.values) { XCTAssertEqual(mean, value * 1.5, accuracy: abs(value) * 1e-6, name) }
        }
        XCTAssertEqual(averaged.metadata["siamtrack.averagedFrom"], "[\"default.safetensors\",\"doubled.safetensors\"]")
    }

    func testNetworksOfOtherShapesAndAnOutputOverAnInputAreRefused() throws {
        let folder = try temporaryDirectory()
        let compact = SiamtrackProcess.path("\(resources)/default.safetensors")
        let wide = folder.appendingPathComponent("wide.safetensors").path
        XCTAssertEqual(try SiamtrackProcess.run(["init-model", "-o", wide, "--width", "2"]).status, 0)

        let mixed = try SiamtrackProcess.run(["average-models", compact, wide, "-o", folder.appendingPathComponent("m.safetensors").path])
        assertFails(mixed, status: 1, mentioning: ["\(wide)", "does not hold the same tensors, of the same shapes, as \(compact)"])

        let over = try SiamtrackProcess.run(["average-models", compact, wide, "-o", wide])
        assertFails(over, status: 2, mentioning: ["-o \(wide) is the network \(wide)"])
    }
}
