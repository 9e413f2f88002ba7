/// What sort of thing a training clip follows, read from its name the way tracking benchmarks
/// name their clips: `car9`, `Car4` and `car16_2` are all cars, and `ADLRundle6_id11` is one
/// pedestrian of the video whose other tracks are `ADLRundle6_id1`, `ADLRundle6_id6`, and so on.
///
/// A trailing track id (`_id11`), then a trailing part number (`_2`), then trailing digits are
/// dropped, and case is ignored. Clips of one kind give each other look-alike negatives
/// (DaSiamRPN's same-category negatives): the things a tracker most easily takes for its target.
package struct ClipKind: Hashable, Sendable {
    /// The name with its numbering dropped, in lower case.
    package let key: String

    /// The kind of the clip called `clipName`; a name that is nothing but numbering is its own kind.
    package init(clipName: String) {
        var name = Substring(clipName.lowercased())
        if let id = name.range(of: "_id", options: .backwards), Self.isNumber(name[id.upperBound...]) {
            name = name[..<id.lowerBound]
        }
        if let underscore = name.lastIndex(of: "_"), Self.isNumber(name[name.index(after: underscore)...]) {
            name = name[..<underscore]
        }
        while name.last?.isASCII == true, name.last?.isNumber == true { name.removeLast() }
        key = name.isEmpty ? clipName.lowercased() : String(name)
    }

    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
