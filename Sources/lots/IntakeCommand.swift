import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots intake [FILE|-]`: validate, triage, refer and store one citizen intake; prints the case id.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Add one citizen intake (JSON) to the queue and print the new case id.",
        discussion: """
        The JSON format is described in the README. Attachment paths are relative to the JSON file.
        Invalid input exits 65 with one line saying what, where and how to fix it; nothing is stored.

        Examples:
          lots intake Fixtures/intake/valid-sore-throat.json
          cat intake.json | lots intake -
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The intake JSON file, or - for standard input.") var file: String = "-"

    func run() throws {
        let data: Data
        let base: URL
        if file == "-" {
            data = try BoundedInput.stdin(limit: IntakeParser.maxJSONBytes, what: "intake", fix: IntakeParser.tooLongFix)
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        } else {
            guard let d = try BoundedInput.file(file, limit: IntakeParser.maxJSONBytes, what: "intake", fix: IntakeParser.tooLongFix) else {
                throw LotsError("cannot read the intake file", at: SafeText.sanitize(file, keepNewlines: false), fix: "check the path", code: .noInput)
            }
            data = d
            base = URL(fileURLWithPath: file).deletingLastPathComponent()
        }
        let parser = IntakeParser(source: file == "-" ? "stdin" : file) { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            let attrs = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = (attrs[.size] as? NSNumber)?.intValue, size > ImageInspector.maxBytes {
                throw LotsError("image is \(size) bytes, over the 10 MB limit", at: path, fix: "attach a smaller photo (at most 10 MB)")
            }
            guard let d = FileManager.default.contents(atPath: url.path) else { throw CocoaError(.fileReadNoSuchFile) }
            return d
        }
        let intake = try parser.parse(data)
        let s = try store.open(create: true)
        let engine = try triageEngine(for: s)
        let triage = engine.triage(intake.triageInput, at: intake.submittedAt, ownUnit: intake.unit)
        let id = try s.createCase(intake, triage: triage, actor: .system("intake"), source: parser.source)
        print(id)
    }
}
