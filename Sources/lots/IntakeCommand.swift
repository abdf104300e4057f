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
        The JSON format is described in the README. Attachment paths are relative to the JSON file's folder
        (the current folder for stdin); absolute paths, .. and links that lead out of it are refused.
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
        let parser = IntakeParser(source: file == "-" ? "stdin" : file) { path in try Attachments.read(path, folder: base) }
        let intake = try parser.parse(data)
        let s = try store.open(create: true)
        let engine = try triageEngine(for: s)
        let triage = engine.triage(intake.triageInput, at: intake.submittedAt, ownUnit: intake.unit)
        let id = try s.createCase(intake, triage: triage, actor: .system("intake"), source: parser.source)
        print(id)
    }
}

/// Reads an intake's attachments: only files inside the intake's folder.
enum Attachments {
    /// The bytes of `path`, relative to `folder`. An absolute path or `..` is refused by its text alone; a path
    /// that does not resolve to a file inside the folder (missing, or a link leading out) gets the same error as
    /// an unreadable one, so the answer never tells whether some file on the host exists.
    static func read(_ path: String, folder: URL) throws -> Data {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !path.hasPrefix("~"), !parts.contains("..") else {
            throw LotsError("the path leaves the intake's folder", at: path,
                            fix: "put the photo in the JSON file's folder and give its name, e.g. throat.jpg")
        }
        guard let root = resolved(folder.path), let real = resolved(folder.appendingPathComponent(path).path),
              real.hasPrefix(root == "/" ? "/" : root + "/") else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw CocoaError(.fileReadNoSuchFile) }
        if Int(info.st_size) > ImageInspector.maxBytes {
            throw LotsError("image is \(info.st_size) bytes, over the 10 MB limit", at: path, fix: "attach a smaller photo (at most 10 MB)")
        }
        guard let d = FileManager.default.contents(atPath: real) else { throw CocoaError(.fileReadNoSuchFile) }
        return d
    }

    /// The path with every link resolved; nil when some part does not exist.
    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
