import Foundation
import LotsCore

/// Standard output that reports failure: `lots export 12 > /dev/full` must not exit 0, and a report written
/// to a full disk must not look complete. `print` drops write errors silently.
enum Output {
    /// Writes `text` to stdout and, for a regular file, forces it to disk; throws 74 when any of it fails.
    static func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            done += n
        }
        var info = stat()
        if fstat(STDOUT_FILENO, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, fsync(STDOUT_FILENO) != 0 {
            throw failure(errno)
        }
    }

    static func failure(_ code: Int32) -> LotsError {
        let why = String(cString: strerror(code))
        return LotsError("cannot write the output: \(why)", at: "stdout",
                         fix: code == ENOSPC ? "free disk space and run the command again" : "check where the output goes", code: .ioError)
    }
}
