import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots export CASE`: a plain-text journal note (FHIR arrives with the reporting work).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print one case as a journal note.",
        discussion: """
        Untrusted text (the citizen's words) is sanitized: no control character reaches the terminal.

        Examples:
          lots export 12
          lots export 12 > note.txt
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Case id.") var caseId: Int64
    @Option(help: "text (fhir is planned).") var format: String = "text"

    func run() throws {
        guard format == "text" else {
            throw LotsError("unsupported format \"\(format)\"", at: "--format", fix: "use --format text (FHIR export is not built yet)", code: .usage)
        }
        let s = try store.open()
        guard var detail = try s.caseDetail(caseId) else {
            throw LotsError("no case with id \(caseId)", at: "CASE", fix: "use an id printed by lots intake", code: .noInput)
        }
        if let code = detail.symptomCode { detail.symptomTitle = try? triageEngine(for: s).catalog.symptom(code)?.titleSv }
        let note = JournalNote.render(detail)
        try s.audited(.system("export"), action: "export", caseId: caseId, personnummer: detail.personnummer, detail: "text") {
            try Output.write(note)
        }
    }
}
