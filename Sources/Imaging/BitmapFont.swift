/// A 3x5 pixel font for the labels drawn on frames: digits, `.`, `#`, `-`, `?`, `:` and space.
enum BitmapFont {
    /// Width and height of a glyph in font pixels; glyphs are one font pixel apart.
    static let glyphWidth = 3, glyphHeight = 5

    /// The rows of `character`'s glyph, top first, the high bit of 3 the left column; nil for a
    /// character the font lacks.
    static func rows(of character: Character) -> [UInt8]? {
        switch character {
        case "0": [0b111, 0b101, 0b101, 0b101, 0b111]
        case "1": [0b010, 0b110, 0b010, 0b010, 0b111]
        case "2": [0b111, 0b001, 0b111, 0b100, 0b111]
        case "3": [0b111, 0b001, 0b111, 0b001, 0b111]
        case "4": [0b101, 0b101, 0b111, 0b001, 0b001]
        case "5": [0b111, 0b100, 0b111, 0b001, 0b111]
        case "6": [0b111, 0b100, 0b111, 0b101, 0b111]
        case "7": [0b111, 0b001, 0b010, 0b010, 0b010]
        case "8": [0b111, 0b101, 0b111, 0b101, 0b111]
        case "9": [0b111, 0b101, 0b111, 0b001, 0b111]
        case ".": [0b000, 0b000, 0b000, 0b000, 0b010]
        case "#": [0b101, 0b111, 0b101, 0b111, 0b101]
        case "-": [0b000, 0b000, 0b111, 0b000, 0b000]
        case "?": [0b111, 0b001, 0b010, 0b000, 0b010]
        case ":": [0b000, 0b010, 0b000, 0b010, 0b000]
        case " ": [0, 0, 0, 0, 0]
        default: nil
        }
    }
}
