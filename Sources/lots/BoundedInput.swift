import Foundation
import LotsCore

/// Reads standard input or a file, but never more than a limit: `lots intake - < /dev/zero` must stop, not
/// grow until the process dies.
enum BoundedInput {
    /// At most `limit + 1` bytes from `handle` (one more than allowed, so the caller can tell "too long").
    static func read(_ handle: FileHandle, limit: Int) -> Data {
        var data = Data()
        while data.count <= limit {
            let chunk = handle.readData(ofLength: min(64 * 1024, limit + 1 - data.count))
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return data
    }

    /// Standard input, refused with 65 past `limit` bytes.
    static func stdin(limit: Int, what: String, fix: String) throws -> Data {
        let data = read(FileHandle.standardInput, limit: limit)
        guard data.count <= limit else { throw LotsError("\(what) is over the \(limit)-byte limit", at: "stdin", fix: fix) }
        return data
    }

    /// A file, refused with 65 past `limit` bytes (naming its size when it has one); nil when it cannot be opened.
    static func file(_ path: String, limit: Int, what: String, fix: String) throws -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var info = stat()
        if fstat(handle.fileDescriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
            throw LotsError("\(what) is \(info.st_size) bytes, over the \(limit)-byte limit", at: path, fix: fix)
        }
        let data = read(handle, limit: limit)
        guard data.count <= limit else { throw LotsError("\(what) is over the \(limit)-byte limit", at: path, fix: fix) }
        return data
    }
}
