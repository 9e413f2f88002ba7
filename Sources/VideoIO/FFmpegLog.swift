internal import CFFmpeg

/// FFmpeg's logging, which is process-wide.
enum FFmpegLog {
    /// Turns FFmpeg's log output off once per process: every problem reaches the user as a `VideoError`,
    /// so FFmpeg's own lines on stderr would only garble the CLI's one-line messages.
    static let silenced: Void = av_log_set_level(AV_LOG_QUIET)
}
