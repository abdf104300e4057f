import ArgumentParser
import Foundation
import LotsCore

extension CatalogCommand {
    /// `lots catalog real-words LIST...`: the catalog file of real words the triage must never read as typos.
    struct RealWords: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "real-words",
            abstract: "Print the realWords catalog file: words of the lists one typo away from a catalog word.",
            discussion: """
            The triage reads a word of six letters or more that no catalog word starts as a misspelling of the
            catalog word one letter away ("sluddrit" → "sluddrigt"). A real word must stay itself ("simmar" is not
            "svimmar"): this prints, as a catalog file, every word of the word lists (one word a line, such as
            Debian's wswedish and wamerican) that the catalog at PATH would misread. Make it again after adding terms.

            Examples:
              lots catalog real-words --catalog Fixtures/catalog /usr/share/dict/swedish /usr/share/dict/american-english \\
                > Fixtures/catalog/05-real-words.yaml
            """
        )
        @Option(help: "The catalog folder the words are checked against.") var catalog: String
        @Argument(help: "Word lists, one word a line.") var lists: [String]

        func run() throws {
            let files = try CatalogCommand.read(catalog).filter { !$0.name.hasSuffix("05-real-words.yaml") }
            let engine = TriageEngine(catalog: try CatalogParser.parse(files: files), directory: ProviderDirectory(providers: []))
            var words = Set<String>()
            for list in lists {
                guard let data = FileManager.default.contents(atPath: list) else {
                    throw LotsError("cannot read the word list", at: SafeText.sanitize(list, keepNewlines: false), fix: "check the path", code: .noInput)
                }
                for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                    let w = line.trimmingCharacters(in: .whitespaces)
                    // Proper nouns and possessives are not what citizens misspell into catalog words.
                    if w.count >= TypoIndex.minimumLength, w.first?.isLowercase == true, !w.contains("'") { words.insert(w) }
                }
            }
            let found = engine.typoReadings(of: words.sorted())
            var out = "# Real words that are one letter from a catalog word and must never be read as a misspelling of it.\n"
            out += "# Made by: lots catalog real-words --catalog Fixtures/catalog /usr/share/dict/swedish /usr/share/dict/american-english /usr/share/dict/british-english\n"
            out += "# (The comment after each word is how it would otherwise be read.)\nrealWords:\n"
            var seen = Set<String>()
            for (word, readAs) in found where !Self.differsInEndingOnly(word, readAs) && seen.insert(word).inserted {
                out += "  - \(word)  # \(readAs)\n"
            }
            try Output.write(out)
        }

            /// "dribbled" read as "dribbles" is the same word inflected, which the reading should keep: only words that
        /// differ before their last three letters are listed.
        static func differsInEndingOnly(_ word: String, _ readAs: String) -> Bool {
            let common = zip(word, readAs).prefix { $0 == $1 }.count
            return common >= min(word.count, readAs.count) - 3
        }
    }
}
