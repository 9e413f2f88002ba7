extension ContinuousClock.Instant {
    /// Seconds from this instant to now, on the monotonic clock: the one clock every timing uses.
    package var secondsElapsed: Double { duration(to: .now).seconds }
}

extension Duration {
    /// The duration in seconds.
    package var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
