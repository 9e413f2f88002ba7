import Geometry

/// Drawing boxes and short labels onto frames, for annotated videos.
extension RGBImage {
    /// Paints the pixels of `columns` x `rows` (clipped to the image) with `colour`.
    public mutating func fill(columns: Range<Int>, rows: Range<Int>, with colour: RGBColour) {
        let columns = columns.clamped(to: 0..<width), rows = rows.clamped(to: 0..<height)
        guard !columns.isEmpty else { return }
        for y in rows {
            var i = (y * width + columns.lowerBound) * 3
            for _ in columns {
                pixels[i] = colour.red
                pixels[i + 1] = colour.green
                pixels[i + 2] = colour.blue
                i += 3
            }
        }
    }

    /// Draws the outline of `box` (rounded to whole pixels) `thickness` pixels wide, centred on
    /// its edges, clipped to the image. With `dash`, the outline is drawn in dashes of that
    /// length with gaps of the same length.
    public mutating func strokeRectangle(_ box: Box, colour: RGBColour, thickness: Int, dash: Int? = nil) {
        guard box.isFinite, thickness > 0 else { return }
        let limit = 4 * Double(max(width, height))
        func pixel(_ value: Double) -> Int { Int(min(max(value, -limit), limit).rounded()) }
        let (left, top, right, bottom) = (pixel(box.x), pixel(box.y), pixel(box.maxX), pixel(box.maxY))
        let inner = thickness / 2, outer = thickness - inner
        func segments(_ range: Range<Int>) -> [Range<Int>] {
            guard let dash, dash > 0, !range.isEmpty else { return [range] }
            return stride(from: range.lowerBound, to: range.upperBound, by: 2 * dash).map { $0..<min($0 + dash, range.upperBound) }
        }
        let across = (left - inner)..<(right + outer), down = (top - inner)..<(bottom + outer)
        for segment in segments(across) {
            fill(columns: segment, rows: (top - inner)..<(top + outer), with: colour)
            fill(columns: segment, rows: (bottom - inner)..<(bottom + outer), with: colour)
        }
        for segment in segments(down) {
            fill(columns: (left - inner)..<(left + outer), rows: segment, with: colour)
            fill(columns: (right - inner)..<(right + outer), rows: segment, with: colour)
        }
    }

    /// Writes `text` with its top-left corner at (`x`, `y`) in a 3x5 pixel font magnified
    /// `scale` times, on a `background` plate one font pixel wider all round. Characters other
    /// than digits, `.`, `#`, `-`, `?`, `:` and space are drawn as `?`.
    public mutating func drawText(_ text: String, x: Int, y: Int, scale: Int, colour: RGBColour, background: RGBColour) {
        guard scale > 0, !text.isEmpty else { return }
        let advance = (BitmapFont.glyphWidth + 1) * scale
        fill(columns: x..<(x + Self.textWidth(text, scale: scale)), rows: y..<(y + Self.textHeight(scale: scale)), with: background)
        for (position, character) in text.enumerated() {
            let rows = BitmapFont.rows(of: character) ?? BitmapFont.rows(of: "?")!
            let glyphX = x + scale + position * advance
            for (row, bits) in rows.enumerated() {
                for column in 0..<BitmapFont.glyphWidth where bits & (1 << (BitmapFont.glyphWidth - 1 - column)) != 0 {
                    let left = glyphX + column * scale, top = y + scale + row * scale
                    fill(columns: left..<(left + scale), rows: top..<(top + scale), with: colour)
                }
            }
        }
    }

    /// Width in pixels of `text` as `drawText` draws it, plate included.
    public static func textWidth(_ text: String, scale: Int) -> Int { (text.count * (BitmapFont.glyphWidth + 1) + 1) * scale }

    /// Height in pixels of a line of `drawText`, plate included.
    public static func textHeight(scale: Int) -> Int { (BitmapFont.glyphHeight + 2) * scale }
}
