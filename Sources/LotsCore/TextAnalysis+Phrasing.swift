/// How phrases are read across languages and idioms, in the text and in the catalog alike (session 10): English
/// negations written out in full ("can not", "does not") read as their contractions, the "och" of a frequency idiom
/// ("då och då") ends no clause, and "vet inte", "not sure" doubt what follows instead of denying it.
extension TextAnalysis {
    /// English written out in full is read as its contraction, in the text and in the catalog's phrases alike
    /// (session 10: "she cannot lift her arm" was P3 where "she cant lift her arm" was 112): "can not", "not able"
    /// are "cant", "does not" is "doesnt", "is not" "isnt" …; a phrase's bare "not" matches any of them.
    static let contractions: [String: String] = ["can": "cant", "do": "dont", "does": "doesnt", "did": "didnt", "is": "isnt",
                                                 "are": "arent", "was": "wasnt", "were": "werent", "will": "wont", "has": "hasnt",
                                                 "have": "havent", "could": "couldnt", "would": "wouldnt"]

    /// Joins "X not" into X's contraction and "not able" into "cant", in a list of folded words.
    static func joinContractions(_ words: [String]) -> [String] {
        var out: [String] = []
        var k = 0
        while k < words.count {
            if k + 1 < words.count, words[k] == "not", words[k + 1] == "able" { out.append("cant"); k += 2; continue }
            if k + 1 < words.count, words[k + 1] == "not", let c = contractions[words[k]], !(k + 2 < words.count && words[k + 2] == "able") {
                out.append(c); k += 2; continue
            }
            out.append(words[k]); k += 1
        }
        return out
    }

    /// Idioms of frequency and direction whose "och"/"and" does not end a statement, folded.
    static let idioms: Set<[String]> = [["da", "och", "da"], ["av", "och", "till"], ["till", "och", "fran"], ["nu", "och", "da"],
                                        ["fram", "och", "tillbaka"], ["now", "and", "then"], ["on", "and", "off"],
                                        ["off", "and", "on"], ["back", "and", "forth"]]
    static func isIdiom(_ three: [String]) -> Bool { three.count == 3 && (three[1] == "och" || three[1] == "and") && idioms.contains(three) }

    /// Words that, with a negator, say the writer does not know: "vet inte", "minns inte" (before it) and "inte
    /// säker", "don't know", "not sure" (after it).
    static let knowingBefore: Set<String> = ["vet", "vete", "minns"]
    static let knowingAfter: Set<String> = ["saker", "know", "knows", "sure", "remember", "certain"]

    /// A negator that doubts what follows instead of denying it (session 10: "vet inte hur många hon tagit" denied
    /// the overdose).
    func saysNotKnowing(at i: Int) -> Bool {
        guard Self.negators.contains(tokens[i].text) else { return false }
        return i > 0 && Self.knowingBefore.contains(tokens[i - 1].text)
            || i + 1 < tokens.count && Self.knowingAfter.contains(tokens[i + 1].text)
    }

    /// After tokenizing: "can not", "not able", "does not" become one token, as the catalog's phrases are read; the
    /// "och" of an idiom is no clause boundary.
    mutating func joinPhrasing() {
        var k = 0
        while k + 1 < tokens.count {
            // Only a "not" can start or follow a join: most tokens pass without building a slice.
            guard tokens[k + 1].text == "not" || tokens[k].text == "not" else { k += 1; continue }
            let joined = Self.joinContractions(tokens[k...min(k + 2, tokens.count - 1)].map(\.text))
            if joined.first != tokens[k].text {
                tokens[k].text = joined[0]
                tokens[k].bytes = Array(joined[0].utf8)
                tokens[k].original += " " + tokens[k + 1].original
                tokens.remove(at: k + 1)
            }
            k += 1
        }
        // "då och då", "av och till": the "och" of a frequency idiom joins no clauses.
        for k in tokens.indices.dropFirst().dropLast() where (tokens[k].text == "och" || tokens[k].text == "and")
            && Self.isIdiom(tokens[(k - 1)...(k + 1)].map(\.text)) {
            for j in (k - 1)...(k + 1) { tokens[j].isBoundary = false }
        }
    }
}
