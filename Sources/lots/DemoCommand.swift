import ArgumentParser
import Foundation
import LotsCore
import LotsFixtures
import LotsStore

/// `lots demo`: the demo region, staff, templates and N realistic cases.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the store with the demo region, demo staff, templates and N demo cases.",
        discussion: """
        Creates (once) the staff accounts anna (sjuksköterska) and bertil (läkare) at Vårdcentralen Demo Centrum,
        cecilia (1177 phone nurse), david (supervisor) and admin – all with the password "demo".
        With many cases, all but the newest 5 % (at least 500) are closed, as in a real store.

        Examples:
          lots demo
          lots demo --cases 100000 --seed 7
          lots demo --cases 100000 --messages 1000000     (the benchmark data set)
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "How many demo cases to add (0–1000000).") var cases: Int = 40
    @Option(help: "How many chat messages to add over the closed cases (0–10000000).") var messages: Int = 0
    @Option(help: "Random seed, for reproducible data.") var seed: UInt64 = 1

    static let home = "SE2321000016-DEMO1"
    static let staff: [(String, String, Role, Profession?, String?)] = [
        ("anna", "Anna Lind", .clinician, .sjukskoterska, home),
        ("bertil", "Bertil Ek", .clinician, .lakare, home),
        ("cecilia", "Cecilia Berg", .phoneNurse, .sjukskoterska, "SE2321000016-1177"),
        ("david", "David Holm", .supervisor, nil, home),
        ("admin", "Administratör", .admin, nil, nil),
    ]

    func run() throws {
        guard (0...1_000_000).contains(cases) else {
            throw LotsError("\(cases) cases is out of range", at: "--cases", fix: "choose 0 to 1000000", code: .usage)
        }
        guard (0...10_000_000).contains(messages) else {
            throw LotsError("\(messages) messages is out of range", at: "--messages", fix: "choose 0 to 10000000", code: .usage)
        }
        if messages > 0, cases < 1_000 {
            throw LotsError("\(messages) messages need closed cases to go in", at: "--messages",
                            fix: "add --cases 1000 or more (all but the newest 5 % are closed)", code: .usage)
        }
        let s = try store.open(create: true)
        try s.mark(kind: "demo", by: .system("demo"))  // a real store (lots init) is refused: 77
        let directory = try Embedded.directory()
        try s.importDirectory(directory)
        try s.importTemplates(TemplateCatalog.parse(LotsFixtures.text("templates.yaml")))
        var created: [String] = []
        for (name, display, role, profession, unit) in Self.staff where try s.user(named: name) == nil {
            try s.addUser(username: name, displayName: display, role: role, profession: profession, unit: unit, password: "demo", actor: .system("demo"))
            created.append(name)
        }
        try addDemoBooksAndWaits(s, now: Date())
        let engine = try triageEngine(for: s)
        let units = [Self.home] + directory.providers.filter { $0.type == .vardcentral || $0.type == .digitalVardcentral }.map(\.hsaId).filter { $0 != Self.home }
        var gen = DemoGenerator(seed: seed, units: units)
        let now = Date()
        let keepOpen = cases <= 500 ? cases : max(500, cases / 20)
        // Open cases arrive over the last 8 hours; older ones over the last 90 days.
        let progress = stderrIsTerminal && cases >= 2000
        var done = 0
        var closedIds: [Int64] = []
        while done < cases {
            let n = min(2000, cases - done)
            var batch: [(Intake, TriageResult)] = []
            batch.reserveCapacity(n)
            for k in 0..<n {
                let i = done + k  // 0 is the oldest
                let age = i >= cases - keepOpen
                    ? Double(cases - i) / Double(max(keepOpen, 1)) * 8 * 3600
                    : 8 * 3600 + Double(cases - keepOpen - i) / Double(max(cases - keepOpen, 1)) * 90 * 86400
                let intake = gen.intake(at: now.addingTimeInterval(-age))
                batch.append((intake, engine.triage(intake.triageInput, at: intake.submittedAt, ownUnit: intake.unit)))
            }
            let ids = try s.createCases(batch, actor: .system("demo"))
            closedIds += ids.enumerated().filter { done + $0.offset < cases - keepOpen }.map(\.element)
            done += n
            if progress { FileHandle.standardError.write(Data("\rlots demo: \(done)/\(cases) cases".utf8)) }
        }
        if progress { FileHandle.standardError.write(Data("\n".utf8)) }
        try s.closeDemoCases(closedIds, now: now, seed: seed)
        try s.addDemoConversation(unit: Self.home, staff: "bertil", now: now)
        let chatProgress = stderrIsTerminal && messages >= 20_000
        try s.addDemoMessages(messages, seed: seed, staff: ["anna", "bertil"]) { n in
            if chatProgress { FileHandle.standardError.write(Data("\rlots demo: \(n)/\(messages) messages".utf8)) }
        }
        if chatProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        print("demo store ready: \(s.path)")
        print("  \(directory.providers.count) units, \(cases) new cases (\(keepOpen) open), \(try s.openCount(unit: Self.home)) open at Vårdcentralen Demo Centrum")
        if messages > 0 { print("  \(messages) chat messages over the closed cases") }
        print("  staff (password \"demo\"): " + Self.staff.map { $0.0 }.joined(separator: ", ") + (created.isEmpty ? " (already there)" : ""))
    }

    /// Two weeks of the home unit's appointment book (the template in Fixtures/slots) and Vårdutbud forecasts:
    /// reported three weeks ago, and one four months ago so the stale-forecast warning shows.
    func addDemoBooksAndWaits(_ s: LotsStore, now: Date) throws {
        let template = try SlotTemplate.parse(Self.slotTemplate, file: "demo slot template")
        let today = StockholmTime(now)
        let last = StockholmTime(now.addingTimeInterval(13 * 86_400))
        try s.addSlots(template.expand(from: today.dayKey, to: last.dayKey), unit: template.unit, actor: .system("demo"), now: now)
        func reported(_ days: Double) -> String { StockholmTime(now.addingTimeInterval(-days * 86_400)).dayKey }
        try s.importWaits([
            ExpectedWait(unitHsaId: Self.home, profession: .lakare, days: 9, reportedOn: reported(21)),
            ExpectedWait(unitHsaId: Self.home, profession: .sjukskoterska, days: 2, reportedOn: reported(21)),
            ExpectedWait(unitHsaId: "SE2321000016-DEMO2", profession: .lakare, days: 14, reportedOn: reported(125)),
        ], now: now)
    }

    static let slotTemplate = """
        unit: SE2321000016-DEMO1
        slots:
          - { days: mon-fri, from: "09:00", to: "12:00", minutes: 20, profession: lakare, mode: physical, resource: "Bertil Ek" }
          - { days: mon-fri, from: "13:00", to: "15:00", minutes: 20, profession: lakare, mode: video, resource: "Bertil Ek" }
          - { days: [mon, wed, fri], from: "08:00", to: "11:00", minutes: 15, profession: sjukskoterska, mode: physical, resource: "Anna Lind" }
          - { days: [tue, thu], from: "14:00", to: "16:00", minutes: 15, profession: sjukskoterska, mode: video, resource: "Anna Lind" }
        """
}
