import DossierKit
import Dispatch
import Foundation

/// SIGINT and SIGTERM during a build: the first stops new reports from starting (those running finish and the
/// manifest is written, then the process exits 130 or 143); a second one exits at once (temporaries left by
/// the reports in flight are swept by the next run). SIGXFSZ is ignored so that a file-size limit makes the
/// write fail with a message instead of killing the process.
enum Signals {
    static func handleStop(_ stop: StopRequest, onFirst: @escaping @Sendable (Int32) -> Void) -> [DispatchSourceSignal] {
        signal(SIGXFSZ, SIG_IGN)
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRequested { _exit(128 + number) }
                stop.request(number)
                onFirst(number)
            }
            source.resume()
            return source
        }
    }
}
