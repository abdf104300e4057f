/// Every distinct stem of a catalog in a byte trie, so that one pass over a text's tokens finds all stems
/// that match it, and the engine tries only the phrases whose stems all matched.
///
/// Without it the engine tried every phrase of every symptom against every token (≈6,000 phrases × 30 tokens
/// for a 2,000-symptom catalog). A stem can match a token only where the token starts with it, ends with it
/// or contains it (`CompiledTerm.Stem.matches`), so walking the trie from each byte of each token reaches
/// every candidate; each candidate is then confirmed by `Stem.matches` itself, so the index can only
/// narrow the work, never change an answer.
struct StemIndex: Sendable {
    /// The distinct stems; a phrase refers to them by position.
    private(set) var stems: [CompiledTerm.Stem] = []
    private var ids: [StemKey: Int32] = [:]
    /// Trie edges, `alphabet` slots a node; 0 means no edge (the root is node 0 and never a child).
    private var edges: [Int32] = Array(repeating: 0, count: StemIndex.alphabet)
    /// Stems (and synonyms of stems) that end at each node.
    private var ends: [[Int32]] = [[]]
    /// `#N` stems, matched by number rather than by bytes.
    private var numberStems: [Int32] = []

    private struct StemKey: Hashable {
        var bytes: [UInt8]
        var mode: CompiledTerm.Stem.Mode
        var minimum: Double
    }

    /// a–z, 0–9 and one slot for every other byte (whose matches `Stem.matches` then confirms).
    static let alphabet = 37

    @inline(__always) static func slot(_ b: UInt8) -> Int {
        switch b {
        case 97...122: return Int(b - 97)
        case 48...57: return 26 + Int(b - 48)
        default: return 36
        }
    }

    /// The id of `stem`, adding it when new.
    mutating func intern(_ stem: CompiledTerm.Stem) -> Int32 {
        let key = StemKey(bytes: stem.bytes, mode: stem.mode, minimum: stem.minimum)
        if let id = ids[key] { return id }
        let id = Int32(stems.count)
        stems.append(stem)
        ids[key] = id
        if stem.mode == .number {
            numberStems.append(id)
        } else {
            for spelling in [stem.bytes] + stem.synonyms.map(\.bytes) where !spelling.isEmpty { insert(spelling, id) }
        }
        return id
    }

    private mutating func insert(_ bytes: [UInt8], _ id: Int32) {
        var node = 0
        for b in bytes {
            let e = node * Self.alphabet + Self.slot(b)
            if edges[e] == 0 {
                edges[e] = Int32(ends.count)
                ends.append([])
                edges.append(contentsOf: repeatElement(0, count: Self.alphabet))
            }
            node = Int(edges[e])
        }
        ends[node].append(id)
    }

    /// Which stems match at least one (non-boundary) token of `text`, indexed by stem id.
    func matched(in text: TextAnalysis) -> [Bool] { matches(in: text).hit }

    /// The same, and the ids that matched, in the order found.
    func matches(in text: TextAnalysis) -> (hit: [Bool], ids: [Int32]) {
        var hit = [Bool](repeating: false, count: stems.count)
        var ids: [Int32] = []
        for token in text.tokens where !token.isBoundary {
            if token.number != nil {
                for id in numberStems where !hit[Int(id)] && stems[Int(id)].matches(token) { hit[Int(id)] = true; ids.append(id) }
            }
            let bytes = token.bytes
            for start in bytes.indices {
                var node = 0
                var i = start
                while i < bytes.count {
                    node = Int(edges[node * Self.alphabet + Self.slot(bytes[i])])
                    if node == 0 { break }
                    for id in ends[node] where !hit[Int(id)] {
                        if stems[Int(id)].matches(token) { hit[Int(id)] = true; ids.append(id) }
                    }
                    i += 1
                }
            }
        }
        return (hit, ids)
    }

    /// The known words (stems of four letters or more) that begin inside `bytes`, after its first letter.
    func innerWords(of bytes: [UInt8]) -> [Range<Int>] {
        guard bytes.count > 4 else { return [] }
        var found: [Range<Int>] = []
        for start in 1...(bytes.count - 4) {
            var node = 0
            var i = start
            while i < bytes.count {
                node = Int(edges[node * Self.alphabet + Self.slot(bytes[i])])
                if node == 0 { break }
                i += 1
                if i - start >= 4, !ends[node].isEmpty { found.append(start..<i) }
            }
        }
        return found
    }

    /// The lengths of the stems of three letters or more that `bytes` begins with, as bits (bit n: length n).
    func headLengths(of bytes: [UInt8]) -> UInt64 {
        var node = 0, out: UInt64 = 0
        for (i, b) in bytes.enumerated() where i < 63 {
            node = Int(edges[node * Self.alphabet + Self.slot(b)])
            if node == 0 { break }
            if i + 1 >= 3, !ends[node].isEmpty { out |= 1 << UInt64(i + 1) }
        }
        return out
    }

    /// Whether some stem of `minimum` letters or more is a prefix of `bytes` (then the word is known and needs no
    /// spelling correction). Shorter stems ("in", "se") begin too many words to say that they are known.
    func startsWithStem(_ bytes: [UInt8], minimum: Int = 3) -> Bool {
        var node = 0
        for (i, b) in bytes.enumerated() {
            node = Int(edges[node * Self.alphabet + Self.slot(b)])
            if node == 0 { return false }
            if i + 1 >= minimum, !ends[node].isEmpty { return true }
        }
        return false
    }

    /// Whether the token ends with a stem of at least `minimum` letters after a first part of at least three
    /// ("jätteförvirrad", "magsmärta"): a compound of known words, which no spelling correction may rewrite.
    func endsWithStem(_ bytes: [UInt8], minimum: Int = 5) -> Bool {
        guard bytes.count >= minimum + 3 else { return false }
        return innerWords(of: bytes).contains { $0.lowerBound >= 3 && $0.upperBound == bytes.count && $0.count >= minimum }
    }
}
