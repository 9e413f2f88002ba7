/// Times consecutive stages: each `lap` gives the seconds since the previous one.
package struct Stopwatch {
    private var last = ContinuousClock.now

    /// A stopwatch started now.
    package init() {}

    /// Seconds since the previous lap (or creation), restarting the count.
    package mutating func lap() -> Double {
        let now = ContinuousClock.now
        defer { last = now }
        return last.duration(to: now).seconds
    }
}
