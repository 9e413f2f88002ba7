import ArgumentParser
import Geometry

/// Parses a `--box x,y,w,h` value into a box with four finite numbers and a positive size.
enum BoxArgument {
    /// The box, or a `ValidationError` saying what is wrong with the text.
    static func parse(_ text: String, option: String = "--box") throws -> Box {
        guard let box = Box(parsing: text) else {
            throw ValidationError("\(option) '\(text)' must be four numbers x,y,w,h (e.g. 10,20,64,48)")
        }
        guard box.isFinite else { throw ValidationError("\(option) '\(text)' contains NaN or infinity") }
        guard !box.isEmpty else { throw ValidationError("\(option) '\(text)' must have a positive width and height") }
        return box
    }
}
