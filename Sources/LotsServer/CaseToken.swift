import Crypto
import Foundation

/// A case's bearer token: given to the citizen once, stored only as its SHA-256.
enum CaseToken {
    static let prefix = "lct_"

    /// A new random token (256 bits).
    static func make() -> String {
        prefix + Base64URL.encode(Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }))
    }

    /// The hash stored in the case's row.
    static func hash(_ token: String) -> String {
        // A table, not String(format:): this runs on every request that carries a case token.
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in SHA256.hash(data: Data(token.utf8)) { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func looksLikeCaseToken(_ token: String) -> Bool { token.hasPrefix(prefix) && token.count < 100 }
}
