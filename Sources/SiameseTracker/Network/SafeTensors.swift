import Foundation
import SafeFiles

/// A safetensors file: named little-endian float32 tensors plus string metadata.
///
/// Layout: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
/// shape and byte range, then the raw data. Only `F32` tensors are supported.
package struct SafeTensors: Sendable, Equatable {
    /// A tensor's shape and values.
    package struct Tensor: Sendable, Equatable {
        /// Dimensions, outermost first.
        package var shape: [Int]
        /// Values in row-major order.
        package var values: [Float]

        /// Creates a tensor; `values.count` must equal the product of `shape`.
        package init(shape: [Int], values: [Float]) {
            precondition(shape.reduce(1, *) == values.count, "tensor shape does not match its values")
            self.shape = shape
            self.values = values
        }
    }

    /// Tensors by name.
    package var tensors: [String: Tensor]
    /// Free-form string metadata (`__metadata__` in the header).
    package var metadata: [String: String]

    /// Creates a file's contents from tensors and metadata.
    package init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// Reads a file, failing with `ModelError` when it is missing or malformed.
    package init(contentsOf url: URL) throws(ModelError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, reason: "cannot read the file") }
        try self.init(data: data, path: url.path)
    }

    /// Parses the bytes of a safetensors file; `path` only labels errors.
    package init(data: Data, path: String) throws(ModelError) {
        let bytes = [UInt8](data)
        func malformed(_ reason: String) -> ModelError { .malformed(path: path, reason: reason) }
        guard bytes.count >= 8 else { throw malformed("shorter than the 8-byte header length") }
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        guard headerLength > 0, headerLength <= bytes.count - 8 else { throw malformed("header length \(headerLength) exceeds the file") }
        guard let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any] else {
            throw malformed("header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        for (name, entry) in header {
            if name == "__metadata__" {
                guard let pairs = entry as? [String: String] else { throw malformed("__metadata__ must map strings to strings") }
                metadata = pairs
                continue
            }
            guard let info = entry as? [String: Any], let dtype = info["dtype"] as? String,
                let shape = (info["shape"] as? [NSNumber])?.map(\.intValue),
                let offsets = (info["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2
            else { throw malformed("tensor \(name) lacks dtype, shape or data_offsets") }
            guard dtype == "F32" else { throw malformed("tensor \(name) has dtype \(dtype); only F32 is supported") }
            // Every product and sum is bounded by the file's size before it is formed: a crafted
            // header must not overflow them.
            let room = bytes.count - dataStart
            var count = 1
            for dimension in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                guard dimension >= 0, !overflow, product <= room else {
                    throw malformed("tensor \(name) has shape \(shape), larger than the file")
                }
                count = product
            }
            guard offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= room, offsets[1] - offsets[0] == count * 4 else {
                throw malformed("tensor \(name) has byte range \(offsets) that does not fit its shape \(shape) or the file")
            }
            let begin = dataStart + offsets[0], end = dataStart + offsets[1]
            var values = [Float](repeating: 0, count: count)
            values.withUnsafeMutableBytes { target in
                bytes.withUnsafeBytes { source in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[begin..<end]))
                }
            }
            tensors[name] = Tensor(shape: shape, values: values.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) })
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// The file's bytes, tensors sorted by name so equal contents give equal files.
    package func serialized() -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            let tensor = tensors[name]!
            header[name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [offset, offset + tensor.values.count * 4]]
            offset += tensor.values.count * 4
        }
        var json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        // Pad the header with spaces so the data starts 8-byte aligned, as the format recommends.
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var data = Data()
        data.reserveCapacity(8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for name in names {
            tensors[name]!.values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Writes the file aside (a `PartialFile` beside it), flushed, then renamed over it.
    package func write(to url: URL) throws(ModelError) {
        do {
            try PartialFile.write(serialized(), to: url.path)
        } catch {
            throw .unwritable(path: url.path, reason: error.reason)
        }
    }
}
