/// Why a tracker could not start.
public enum TrackerError: Error, CustomStringConvertible, Equatable {
    /// The starting box cannot be tracked; the reason says what is wrong with it.
    case invalidBox(String)
    /// The configuration has a value outside its valid range.
    case invalidConfiguration(String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .invalidBox(let reason): "invalid start box: \(reason)"
        case .invalidConfiguration(let reason): "invalid tracker configuration: \(reason)"
        }
    }
}
