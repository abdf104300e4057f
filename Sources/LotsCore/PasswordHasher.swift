import Crypto
import CryptoExtras
import Foundation

/// Password hashing with scrypt (N=2^15, r=8, p=1): slow on purpose, salted, never reversible.
///
/// The stored form is `scrypt$N$r$p$<salt base64>$<hash base64>`, so parameters can be raised later.
public enum PasswordHasher {
    public static func hash(_ password: String, rounds: Int = 1 << 15) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        let key = try derive(password, salt: salt, rounds: rounds, r: 8, p: 1)
        return "scrypt$\(rounds)$8$1$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    /// True when `password` matches `stored`; a malformed stored hash never matches.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
              let key = try? derive(password, salt: [UInt8](salt), rounds: n, r: r, p: p) else { return false }
        // Constant-time comparison.
        guard key.count == expected.count else { return false }
        return zip(key, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int, r: Int, p: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Data($0) }
    }
}
