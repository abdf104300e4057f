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
        Needs a staff identity: a clinician of the case's unit, the phone nurse who created it, or a supervisor
        of the unit; the export is logged to that person.

        Examples:
          lots export 12 --user anna
          echo "$PASSWORD" | lots export 12 --user anna --password-stdin > note.txt
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "Case id.") var caseId: Int64
    @Option(help: "text (fhir is planned).") var format: String = "text"

    func run() throws {
        guard format == "text" else {
            throw LotsError("unsupported format \"\(format)\"", at: "--format", fix: "use --format text (FHIR export is not built yet)", code: .usage)
        }
        let s = try store.open()
        let user = try identity.authenticate(s, for: "lots export")
        let engine = try? triageEngine(for: s)
        // Logged to the person in the same transaction as the read; if the note cannot be written, neither happened.
        try s.withCase(caseId, for: user, action: "export", detail: "text") { detail in
            var detail = detail
            if let code = detail.symptomCode { detail.symptomTitle = engine?.catalog.symptom(code)?.titleSv }
            try Output.write(JournalNote.render(detail))
        }
    }
}
