import Crypto
import Foundation
import GRDB
import LotsCore

/// The key that signs the access log's head (HMAC-SHA256), kept in a 0600 file beside the store and never
/// in the database: whoever can rewrite the database but not read this file cannot make a rewritten or
/// shortened log verify. DESIGN §11.
///
/// Every insert into `auditEvent` fires a trigger that stores the new head – event count and hash – with its
/// MAC, computed by the SQL function `lots_audit_mac` that only a process holding the key has. `sqlite3` on
/// its own therefore cannot add events, and deleting even the newest ones leaves a head that says more.
public struct AuditKey: Sendable {
    let key: SymmetricKey

    /// `<store>-audit.key`.
    public static func path(for store: String) -> String { store + "-audit.key" }

    /// Loads the key beside `store`; nil when there is no key file. A key file others may read is refused.
    static func load(for store: String) throws -> AuditKey? {
        let file = path(for: store)
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        guard Int(info.st_mode) & 0o077 == 0 else {
            throw LotsError("the access log's key file may be read by others (mode \(String(Int(info.st_mode) & 0o777, radix: 8)))", at: file,
                            fix: "run chmod 600 \(file)", code: .ioError)
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8), let bytes = Self.bytes(hex: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              bytes.count == 32 else {
            throw LotsError("the access log's key file is unreadable or malformed", at: file, fix: "restore it from the store's backup", code: .ioError)
        }
        return AuditKey(key: SymmetricKey(data: bytes))
    }

    /// Creates a new random key file (0600); fails if one exists.
    static func create(for store: String) throws -> AuditKey {
        let file = path(for: store)
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { Self.hex($0) } + "\n"
        let fd = Foundation.open(file, O_CREAT | O_WRONLY | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw LotsError("cannot create the access log's key file", at: file, fix: "check the folder's permissions", code: .ioError)
        }
        defer { Foundation.close(fd) }
        let ok = hex.utf8CString.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress, $0.count - 1) == $0.count - 1 } && fsync(fd) == 0
        guard ok else {
            unlink(file)
            throw LotsError("cannot write the access log's key file", at: file, fix: "check free disk space", code: .ioError)
        }
        return AuditKey(key: key)
    }

    /// The MAC of a head: count and hash of the newest event.
    public func mac(count: Int64, hash: String) -> String {
        Self.hex(Data(HMAC<SHA256>.authenticationCode(for: Data("lots-audit-head v1\u{1F}\(count)\u{1F}\(hash)".utf8), using: key)))
    }

    /// The MAC of an exported checkpoint line.
    public func mac(checkpoint text: String) -> String {
        Self.hex(Data(HMAC<SHA256>.authenticationCode(for: Data("lots-audit-checkpoint v1\u{1F}\(text)".utf8), using: key)))
    }

    /// Marks SQLite errors raised because the key is missing, so they become a clear line.
    static let missingMessage = "lots: the access log's key file is missing"

    /// `lots_audit_mac(count, hash)`, registered on every connection; throws when the key is missing.
    static func function(_ key: AuditKey?) -> DatabaseFunction {
        DatabaseFunction("lots_audit_mac", argumentCount: 2, pure: true) { values in
            guard let key else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: missingMessage) }
            guard let count = Int64.fromDatabaseValue(values[0]), let hash = String.fromDatabaseValue(values[1]) else { return nil }
            return key.mac(count: count, hash: hash)
        }
    }

    static func hex<B: Sequence>(_ bytes: B) -> String where B.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let u = Array(hex.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < u.count {
            guard let h = UInt8(String(decoding: u[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(h)
            i += 2
        }
        return out
    }
}
