import CArgon2
import Crypto
import CryptoExtras
import Foundation

/// Password hashing with Argon2id (RFC 9106) at OWASP's parameters – m = 19 MiB, t = 2, p = 1 – through
/// Debian's libargon2: slow and memory-hard on purpose, salted, never reversible.
///
/// The stored form is the standard encoding, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. Hashes of the
/// earlier scheme, `scrypt$N$r$p$<salt>$<hash>`, still verify; `needsRehash` tells the log-in to replace them.
///
/// ```swift
/// let stored = try PasswordHasher.hash("correct horse battery staple")
/// PasswordHasher.verify("correct horse battery staple", against: stored)   // true
/// ```
public enum PasswordHasher {
    public static let memoryKiB: UInt32 = 19 * 1024
    public static let iterations: UInt32 = 2
    public static let parallelism: UInt32 = 1

    public static func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        return try argon2id(password, salt: salt)
    }

    static func argon2id(_ password: String, salt: [UInt8]) throws -> String {
        let pwd = Array(password.utf8)
        let length = argon2_encodedlen(iterations, memoryKiB, parallelism, UInt32(salt.count), 32, Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let rc = argon2id_hash_encoded(iterations, memoryKiB, parallelism, pwd, pwd.count, salt, salt.count, 32, &encoded, length)
        guard rc == ARGON2_OK.rawValue else {
            throw LotsError("cannot hash the password: \(String(cString: argon2_error_message(rc)))", at: "argon2id",
                            fix: "check that the machine has 19 MiB of memory free", code: .other)
        }
        return String(cString: encoded)
    }

    /// True when `password` matches `stored`; a malformed stored hash never matches.
    public static func verify(_ password: String, against stored: String) -> Bool {
        if stored.hasPrefix("$argon2id$") {
            let pwd = Array(password.utf8)
            return argon2id_verify(stored, pwd, pwd.count) == ARGON2_OK.rawValue
        }
        return verifyScrypt(password, against: stored)
    }

    /// True for a hash that is not Argon2id at the current parameters (the log-in then stores a new one).
    public static func needsRehash(_ stored: String) -> Bool {
        !stored.hasPrefix("$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(parallelism)$")
    }

    /// What an unknown user name is checked against, so that it costs what a real account costs. Made with
    /// the current parameters; no password matches it (its salt and hash are random).
    public static let unknownUserHash = "$argon2id$v=19$m=19456,t=2,p=1$YkSq4CJ1lOTtrqZ9oF3c6g$Wl1ydK8jIu4rQ1eHpZGZ3Y1bJ2tB0Rk8m5tS1Vq3c2E"

    // MARK: - scrypt, the earlier scheme

    /// A scrypt hash as the earlier versions stored it (tests use it to check the upgrade).
    public static func scryptHash(_ password: String, rounds: Int = 1 << 15) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        let key = try deriveScrypt(password, salt: salt, rounds: rounds, r: 8, p: 1)
        return "scrypt$\(rounds)$8$1$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    static func verifyScrypt(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              n <= 1 << 20, r <= 16, p <= 4,
              let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
              let key = try? deriveScrypt(password, salt: [UInt8](salt), rounds: n, r: r, p: p) else { return false }
        // Constant-time comparison.
        guard key.count == expected.count else { return false }
        return zip(key, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func deriveScrypt(_ password: String, salt: [UInt8], rounds: Int, r: Int, p: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Data($0) }
    }
}
