/// Finds the catalog word a misspelt token was meant to be: one letter added, missing, wrong or two swapped,
/// in words of five letters or more, keeping the first letter ("sluddrigt" for "sludrigt", "andnöd" for "andnöf").
///
/// Symmetric deletion (as in SymSpell): every stem and every one-letter deletion of it is indexed by a hash;
/// a token's prefixes and their deletions are looked up, and each candidate is confirmed by a real
/// Damerau–Levenshtein distance ≤ 1. Only tokens that no stem already starts are tried, so correct text costs
/// one trie walk per token.
public struct TypoIndex: Sendable {
    private var entries: [UInt64: [Int32]] = [:]
    private var words: [[UInt8]] = []
    public static let minimumLength = 6
    /// Everyday words one letter away from a catalog stem that must stay themselves ("veckan" is not "väckan").
    static let protected: Set<String> = ["veckan", "veckor", "sedan", "mycket", "ganska", "kanske", "efter", "innan", "gammal", "gamla",
                                         "manader", "timmar", "minuter", "hennes", "eftersom", "because", "before", "really", "little",
                                         "pretty", "started", "mamma", "pappa", "dotter", "dottern", "sonen", "mannen", "hustru", "sambo",
                                         "barnen", "skolan", "jobbet", "hemma", "stilla", "bättre", "battre", "samma", "sjalv", "himself",
                                         "herself", "myself", "another", "kramer", "kramen", "kramar", "kramade", "morgon", "imorse", "ikvall", "forsta", "senaste", "hander",
                                         "hander", "should", "thought", "though", "through", "things", "people", "better", "inside"]

    /// The catalog's `realWords` (folded): real words are never typos.
    private var realWords: Set<String> = []

    init(stems: [[UInt8]], realWords: Set<String> = []) {
        self.realWords = realWords
        var seen = Set<[UInt8]>()
        for s in stems where s.count >= Self.minimumLength && s.allSatisfy({ $0 >= 97 && $0 <= 122 }) && seen.insert(s).inserted {
            let id = Int32(words.count)
            words.append(s)
            entries[Self.hash(s[...]), default: []].append(id)
            for k in 1..<s.count { entries[Self.hash(s, skipping: k), default: []].append(id) }
        }
    }

    @inline(__always) static func hash(_ b: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for x in b { h = (h ^ UInt64(x)) &* 0x100000001b3 }
        return h
    }

    @inline(__always) static func hash(_ b: [UInt8], skipping k: Int, upTo end: Int? = nil) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for i in 0..<(end ?? b.count) where i != k { h = (h ^ UInt64(b[i])) &* 0x100000001b3 }
        return h
    }

    /// The corrected spelling of `token`: a stem plus the token's own ending, or nil when nothing is close.
    func correction(of token: [UInt8]) -> [UInt8]? {
        guard token.count >= Self.minimumLength, token.allSatisfy({ $0 >= 97 && $0 <= 122 }),
              case let word = String(decoding: token, as: UTF8.self), !Self.protected.contains(word), !realWords.contains(word) else { return nil }
        var best: (stem: Int32, length: Int)?
        for length in stride(from: min(token.count, 16), through: Self.minimumLength - 1, by: -1) {
            let prefix = token[0..<length]
            var candidates = entries[Self.hash(prefix)] ?? []
            for k in 1..<length { candidates += entries[Self.hash(token, skipping: k, upTo: length)] ?? [] }
            for id in candidates {
                let w = words[Int(id)]
                guard w[0] == token[0], abs(w.count - length) <= 1, Self.withinOne(w, Array(prefix)) else { continue }
                if best == nil || w.count > words[Int(best!.stem)].count { best = (id, length) }
            }
            if best != nil { break }
        }
        guard let best else { return nil }
        return words[Int(best.stem)] + token[best.length...]
    }

    /// Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or adjacent swap).
    static func withinOne(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let n = a.count, m = b.count
        if abs(n - m) > 1 { return false }
        var i = 0
        while i < min(n, m), a[i] == b[i] { i += 1 }
        if n == m {
            if a[(i + 1)...] == b[(i + 1)...] { return true }
            return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        return n > m ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
    }
}
