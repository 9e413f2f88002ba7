extension Box {
    /// Parses `x,y,w,h` (commas, tabs or spaces between the numbers).
    ///
    /// Returns nil when there are not exactly four decimal numbers (hexadecimal such as `0x10`,
    /// which Swift's `Double` would read, is refused). `nan` is accepted and gives a box that is
    /// not finite, as in ground-truth rows for frames where the target is out of view.
    public init?(parsing text: some StringProtocol) {
        let fields = Self.fields(of: text)
        guard fields.count == 4 else { return nil }
        let numbers = fields.compactMap { field in
            field.lowercased().contains("x") ? nil : Double(String(field).lowercased())
        }
        guard numbers.count == 4 else { return nil }
        self.init(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
    }

    /// The fields of a box row: the text between commas, tabs and spaces (runs count as one).
    public static func fields<Text: StringProtocol>(of text: Text) -> [Text.SubSequence] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
    }
}
