import Foundation
import Testing
import Yams
import LotsCore
import LotsStore
import LotsTestSupport

/// The bad-input corpus (Fixtures/bad-input/expected.yaml): each file gives its own specific error or is
/// shown safely; nothing crashes; nothing half-written remains.
@Suite(.timeLimit(.minutes(10))) struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var file, kind: String
        var exit: Int32
        var stderr: String?
        var shows: String?
        var description: String { file }
    }

    static let dir = TestPaths.fixtures.appendingPathComponent("bad-input")
    static let cases: [Case] = {
        let text = try! String(contentsOf: dir.appendingPathComponent("expected.yaml"), encoding: .utf8)
        let root = try! Yams.load(yaml: text) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map {
            Case(file: $0["file"] as! String, kind: $0["kind"] as! String, exit: Int32($0["exit"] as! Int),
                 stderr: $0["stderr"] as? String, shows: $0["shows"] as? String)
        }
    }()

    static let controlScalars: Set<UInt32> = [0x1B, 0x07, 0x9B, 0x202E, 0x202C, 0x2066, 0x2069, 0x200B, 0xFEFF, 0x2060]

    func newCase(_ db: String) throws -> String {
        let file = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path  // a case of anna's unit
        return try LotsProcess.run(["intake", file, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: cases)
    func badInputGivesItsResult(_ c: Case) throws {
        let db = try DemoStore.copy()
        let before = try LotsStore.open(path: db).rowCounts()
        let run: LotsRun
        switch c.kind {
        case "intake": run = try LotsProcess.run(["intake", c.file, "--db", db], cwd: Self.dir)
        case "catalog": run = try LotsProcess.run(["catalog", "validate", c.file], cwd: Self.dir)
        case "templates": run = try LotsProcess.run(["templates", "validate", c.file], cwd: Self.dir)
        default:
            let id = try newCase(db)
            let data = try Data(contentsOf: Self.dir.appendingPathComponent(c.file))
            run = try LotsProcess.run(["citizen", "reply", id, "-", "--db", db], stdin: data)
            if let shows = c.shows {
                let export = try LotsProcess.run(["export", id, "--db", db], as: "anna").stdout
                #expect(export.contains(shows), "\(c.file): \(export)")
                #expect(!export.unicodeScalars.contains { Self.controlScalars.contains($0.value) })
            }
        }
        #expect(run.status == c.exit, "\(c.file): \(run.stderr)")
        if let err = c.stderr { #expect(run.stderr == err + "\n") }
        if c.exit != 0, c.kind == "intake" { #expect(try LotsStore.open(path: db).rowCounts() == before) }
    }

    @Test func generatedGiantsAreRefusedWithoutCrashing() throws {
        let db = try DemoStore.copy()
        let before = try LotsStore.open(path: db).rowCounts()
        let dir = TestPaths.temporaryDirectory()
        // 10 MB of JSON.
        let big = #"{"reason": ""# + String(repeating: "a", count: 10 * 1024 * 1024) + #""}"#
        try big.write(to: dir.appendingPathComponent("big.json"), atomically: true, encoding: .utf8)
        var r = try LotsProcess.run(["intake", "big.json", "--db", db], cwd: dir)
        #expect(r.status == 65 && r.stderr.hasPrefix("lots: intake is \(big.utf8.count) bytes, over the 1000000-byte limit (big.json)"))
        // 100,000 nested brackets.
        try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).write(to: dir.appendingPathComponent("deep.json"), atomically: true, encoding: .utf8)
        r = try LotsProcess.run(["intake", "deep.json", "--db", db], cwd: dir)
        #expect(r.status == 65 && r.stderr.hasPrefix("lots: malformed JSON: Too many nested arrays or dictionaries"))
        // An image over 10 MB (valid JPEG magic, then padding).
        var jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0])
        jpeg.append(Data(count: 10 * 1024 * 1024 + 10))
        try jpeg.write(to: dir.appendingPathComponent("huge.jpg"))
        let intake = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("bad-input/intake-missing-attachment.json"), encoding: .utf8)
            .replacingOccurrences(of: "nowhere.jpg", with: "huge.jpg")
        try intake.write(to: dir.appendingPathComponent("huge.json"), atomically: true, encoding: .utf8)
        r = try LotsProcess.run(["intake", "huge.json", "--db", db], cwd: dir)
        #expect(r.status == 65 && r.stderr.hasPrefix("lots: huge.jpg: image is 10485774 bytes, over the 10 MB limit"))
        #expect(try LotsStore.open(path: db).rowCounts() == before)
        // A 100,000-character line as a chat message.
        let id = try newCase(db)
        r = try LotsProcess.run(["citizen", "reply", id, "-", "--db", db], stdin: Data(String(repeating: "x", count: 100_000).utf8))
        #expect(r.status == 65 && r.stderr == "lots: the message is 100000 characters, over 8000 (TEXT): split it into shorter messages\n")
    }
}
