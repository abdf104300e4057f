import Foundation
import LotsCore
import LotsStore

/// What a console needs of the triage knowledge, each part read when first needed (issue 14: PSS per console).
///
/// The compiled triage engine holds ~10 MB of phrase and typo indexes; only the 1177 phone form triages in the
/// console, so it is built at a phone nurse's log-in and never for a clinician or supervisor. An opened case needs
/// only its complaint's titles and self-care advice: those are read once from the catalog into a small table and
/// the parsed catalog is let go. The provider directory is small and needed at every log-in, so it is read at once.
///
/// ```swift
/// let knowledge = try ConsoleKnowledge(store: store)
/// knowledge.symptom("ont-i-halsen")?.titleSv   // parses the catalog the first time
/// knowledge.engine.triage(input, at: Date())   // builds the engine the first time (phone form)
/// ```
final class ConsoleKnowledge {
    /// A complaint as a case screen and the template variables show it.
    struct SymptomText: Equatable {
        var code: String
        var titleSv: String
        var titleEn: String
        var advice: String
        var adviceEn: String

        init(_ s: Symptom) {
            code = s.code; titleSv = s.titleSv; titleEn = s.titleEn; advice = s.advice; adviceEn = s.adviceEn
        }
    }

    let directory: ProviderDirectory
    private let loadCatalog: () throws -> SymptomCatalog
    private var texts: [String: SymptomText]?
    private var built: TriageEngine?

    init(directory: ProviderDirectory, catalog: @escaping () throws -> SymptomCatalog) {
        self.directory = directory
        loadCatalog = catalog
    }

    /// The store's imported catalog when there is one, else the embedded one (as `triageEngine(for:)`).
    convenience init(store: LotsStore) throws {
        try self.init(directory: Embedded.directory()) {
            let files = try store.catalogFiles()
            return files.isEmpty ? try Embedded.catalog() : try CatalogParser.parse(files: files)
        }
    }

    /// The triage engine, built on first use.
    var engine: TriageEngine {
        get throws {
            if let built { return built }
            let e = TriageEngine(catalog: try loadCatalog(), directory: directory)
            built = e
            texts = texts ?? Self.table(e.catalog)
            return e
        }
    }

    /// Every complaint's texts (code → titles and advice); the catalog is parsed once for it and then released.
    var symptomTexts: [String: SymptomText] {
        get throws {
            if let texts { return texts }
            let t = Self.table(try built?.catalog ?? loadCatalog())
            texts = t
            ConsoleMemory.giveBack()  // the parsed catalog is garbage now
            return t
        }
    }

    /// One complaint's texts; nil for an unknown code or when the catalog cannot be read.
    func symptom(_ code: String) -> SymptomText? {
        (try? symptomTexts)?[code]
    }

    static func table(_ catalog: SymptomCatalog) -> [String: SymptomText] {
        Dictionary(catalog.symptoms.map { ($0.code, SymptomText($0)) }, uniquingKeysWith: { a, _ in a })
    }
}

