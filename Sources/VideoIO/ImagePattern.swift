import Foundation

/// A numbered image pattern such as `frames/%04d.jpg`, read the way FFmpeg's image2 demuxer
/// reads it: the number zero-padded to the given width, the first image numbered 0 to 4.
///
/// FFmpeg finds the last image by probing numbers in growing steps, so a gap either ends the
/// sequence early without a word or fails mid-video on the missing file; `checkContiguous()`
/// lists the folder first and names the missing file instead.
struct ImagePattern {
    /// The folder holding the images.
    let folder: String
    /// The file name's text before and after the number.
    let prefix: String, suffix: String
    /// The zero-padded width of the number (`%04d`: 4; `%d`: 0).
    let digits: Int

    /// The pattern in `path`'s file name, or nil when it has none, more than one, or the folder
    /// part holds a `%` (left to FFmpeg).
    init?(_ path: String) {
        let name = (path as NSString).lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.contains("%"),
            let match = name.firstMatch(of: /%(\d*)d/),
            name[match.range.upperBound...].firstMatch(of: /%\d*d/) == nil
        else { return nil }
        let unescape = { (text: Substring) in text.replacingOccurrences(of: "%%", with: "%") }
        self.folder = folder
        prefix = unescape(name[..<match.range.lowerBound])
        suffix = unescape(name[match.range.upperBound...])
        digits = Int(match.output.1) ?? 0
    }

    /// The path of image `number`.
    func path(of number: Int) -> String {
        let text = String(number)
        let padded = String(repeating: "0", count: max(0, digits - text.count)) + text
        return (folder as NSString).appendingPathComponent(prefix + padded + suffix)
    }

    /// The numbers of the images in the folder that the pattern names, in order.
    func numbersPresent() -> [Int] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return names.compactMap { name -> Int? in
            guard name.count > prefix.count + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard middle.allSatisfy(\.isASCII), let number = Int(middle), number >= 0,
                (path(of: number) as NSString).lastPathComponent == name
            else { return nil }
            return number
        }.sorted()
    }

    /// Checks that the images run without a gap from the first FFmpeg reads to the last present.
    ///
    /// - Returns: the number of the first image, which FFmpeg reads as frame 0; nil when no
    ///   image is numbered 0 to 4 (FFmpeg then reports the pattern itself as not found).
    /// - Throws: `VideoError.missingImage` naming the first missing file.
    func checkContiguous(pattern: String) throws(VideoError) -> Int? {
        let numbers = numbersPresent()
        guard let first = numbers.first(where: { $0 <= 4 }), let last = numbers.last else { return nil }
        var expected = first
        for number in numbers where number >= first {
            if number > expected {
                throw .missingImage(pattern: pattern, missing: path(of: expected), first: path(of: first), last: path(of: last))
            }
            expected = number + 1
        }
        return first
    }
}
