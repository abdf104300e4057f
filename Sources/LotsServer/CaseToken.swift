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
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func looksLikeCaseToken(_ token: String) -> Bool { token.hasPrefix(prefix) && token.count < 100 }
}
