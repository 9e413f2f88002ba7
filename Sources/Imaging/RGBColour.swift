/// An 8-bit RGB colour.
public struct RGBColour: Sendable, Equatable {
    public var red: UInt8, green: UInt8, blue: UInt8

    /// The colour with these channel values.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = RGBColour(red: 0, green: 0, blue: 0)
    public static let white = RGBColour(red: 255, green: 255, blue: 255)
}
