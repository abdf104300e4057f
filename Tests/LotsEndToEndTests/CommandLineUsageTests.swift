import Foundation
import Testing
import LotsCore
import LotsTestSupport

/// Every command-line usage error is one line `lots: …` with exit 64 (issue 12, defect 14).
@Suite(.timeLimit(.minutes(10))) struct CommandLineUsageTests {
    func oneLine(_ r: LotsRun, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("lots: ") && r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Error: lots:") && !r.stderr.contains("USAGE"), "\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func parserErrorsAreOneLineWithExit64() throws {
        oneLine(try LotsProcess.run(["triage", "--text", "hosta"]), 64)
        oneLine(try LotsProcess.run(["triage", "--text", "hosta", "--age", "trettio"]), 64)
        oneLine(try LotsProcess.run(["triage", "--text", "hosta", "--age", "30", "--bogus"]), 64)
    }

    @Test func aNegativeNumberIsAValueNotAMissingOne() throws {
        let db = try DemoStore.copy(cases: 0)
        let r = try LotsProcess.run(["demo", "--db", db, "--cases", "-5"])
        oneLine(r, 64)
        #expect(r.stderr.contains("-5") && !r.stderr.contains("Missing value"), "\(r.stderr)")
    }

    @Test func auditShowWithoutArgumentsIsAUsageError() throws {
        let db = try DemoStore.copy(cases: 0)
        let r = try LotsProcess.run(["audit", "show", "--db", db])
        oneLine(r, 64)
        #expect(r.stderr.contains("--case and --patient"))
    }

    @Test func anUnknownSubcommandIsNamedNotTheConsolesUsage() throws {
        let r = try LotsProcess.run(["frobnicate"])
        oneLine(r, 64)
        #expect(r.stderr.contains("unknown command \"frobnicate\""))
    }

    @Test func templatesValidateOfAMissingFileSpeaksOfTemplates() throws {
        let r = try LotsProcess.run(["templates", "validate", "/nonexistent/templates.yaml"])
        oneLine(r, 66)
        #expect(r.stderr.contains("phrase-template") && !r.stderr.contains("catalog"), "\(r.stderr)")
    }

    @Test func auditShowOfAMissingCaseSaysSoWith66() throws {
        let db = try DemoStore.copy(cases: 0)
        let r = try LotsProcess.run(["audit", "show", "--case", "99999", "--db", db])
        oneLine(r, 66)
        #expect(r.stderr.contains("no case with id 99999"))
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let db = try DemoStore.copy(cases: 0)
        let r = try LotsProcess.run(["--lang", "de", "--db", db])
        oneLine(r, 64)
        #expect(r.stderr.contains("unknown language \"de\""))
    }
}
