import Foundation
import SafeFiles

/// On SIGINT, SIGTERM or SIGHUP, removes the files this process was writing aside (rendered
/// videos, batch outputs, summaries), then dies of the same signal, so the shell sees the usual
/// status (130 for Ctrl-C).
enum InterruptCleanup {
    /// Installs the handlers; call once, before any work. A signal the process was started
    /// ignoring (`nohup`, a shell's background job) stays ignored.
    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signalNumber, nil, &current) == 0,
                unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
            else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                PartialFile.removeLiveFiles()
                signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            // Lets the handler run once: a second signal while it cleans up ends the process at once.
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signalNumber, &action, nil)
        }
        // The table the handler walks is made now, not inside a handler.
        PartialFile.removeLiveFiles()
    }
}
