import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots export CASE`: a plain-text journal note, or a FHIR R4 Bundle (`--format fhir`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print one case as a journal note, or as a FHIR R4 Bundle (JSON).",
        discussion: """
        Untrusted text (the citizen's words) is sanitized: no control character reaches the terminal.
        Needs a staff identity: a clinician of the case's unit, the phone nurse who created it, or a supervisor
        of the unit; the export is logged to that person.

        --format fhir prints a Bundle (collection): Patient (personnummer/samordningsnummer identifiers of HL7
        Sweden), Organization (HSA-id), Encounter, QuestionnaireResponse, Communication, Media (bytes with
        --with-images), RiskAssessment, ServiceRequest, Appointment, EpisodeOfCare (care pathway), Provenance.

        Examples:
          lots export 12 --user anna
          lots export 12 --format fhir --user anna > case-12.json
          lots export 12 --format fhir --with-images --user anna
          echo "$PASSWORD" | lots export 12 --user anna --password-stdin > note.txt
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "Case id.") var caseId: Int64
    @Option(help: "text (a journal note) or fhir (an R4 Bundle as JSON).") var format: String = "text"
    @Flag(help: "With --format fhir: include the images' bytes (base64) in Media.") var withImages = false

    func run() throws {
        guard format == "text" || format == "fhir" else {
            throw LotsError("unsupported format \"\(SafeText.sanitize(String(format.prefix(20)), keepNewlines: false))\"", at: "--format", fix: "use --format text or --format fhir", code: .usage)
        }
        if withImages, format != "fhir" {
            throw LotsError("--with-images needs --format fhir", at: "--with-images", fix: "add --format fhir, or leave out --with-images", code: .usage)
        }
        let s = try store.open()
        let user = try identity.authenticate(s, for: "lots export")
        let engine = try? triageEngine(for: s)
        // Logged to the person in the same transaction as the read; if the note cannot be written, neither happened.
        let names = format == "fhir" ? try s.staffDisplayNames() : [:]
        try s.withCase(caseId, for: user, action: "export", detail: format + (withImages ? " with images" : "")) { detail in
            var detail = detail
            if let code = detail.symptomCode { detail.symptomTitle = engine?.catalog.symptom(code)?.titleSv }
            if format == "fhir" {
                var images: [Int64: Data] = [:]
                if withImages { for a in detail.attachments where a.hasBytes { images[a.id] = try s.attachmentData(a.id) } }
                try Output.write(FHIRExport.render(detail, context: FHIRExport.Context(staffNames: names, images: images)))
            } else {
                try Output.write(JournalNote.render(detail))
            }
        }
    }
}
