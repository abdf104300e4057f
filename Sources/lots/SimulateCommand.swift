import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots simulate`: citizens arriving and replying, for demos and load tests.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate citizens: new cases and replies at a given rate.",
        discussion: """
        Prints one line per acknowledged write ("case ID" or "message ID CASE"), so load tests can check
        that every acknowledged write is stored exactly once.

        Examples:
          lots simulate --rate 30 --duration 60
          lots simulate --rate 600 --duration 10 --replies 0.8 > acked.txt
          lots simulate --staff bertil --rate 60 --duration 30
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Events per minute.") var rate: Double = 12
    @Option(help: "How long to run, in seconds.") var duration: Double = 60
    @Option(help: "Share of events that are replies to open cases (0–1).") var replies: Double = 0.5
    @Option(help: "Random seed (default: time-based).") var seed: UInt64?
    @Option(help: "Only this unit's cases (default: the demo home unit).") var unit: String = DemoCommand.home
    @Option(help: "Write as this clinician instead of as citizens: take cases and answer them.") var staff: String?

    func run() throws {
        guard rate > 0, rate <= 60_000 else { throw LotsError("rate \(rate) is out of range", at: "--rate", fix: "choose 0.1 to 60000 per minute", code: .usage) }
        guard duration >= 0, duration <= 86_400 else { throw LotsError("duration \(duration) is out of range", at: "--duration", fix: "choose 0 to 86400 seconds", code: .usage) }
        guard (0...1).contains(replies) else { throw LotsError("replies \(replies) is out of range", at: "--replies", fix: "choose a share from 0 to 1", code: .usage) }
        let s = try store.open(create: true)
        try s.checkpointIfLarge()
        guard try s.unitName(unit) != nil else {
            throw LotsError("unknown unit \"\(unit)\"", at: "--unit", fix: "run lots demo first, or pass a unit in the store")
        }
        if let staff {
            // Writing as a clinician without their password is a demo's convenience, never a real store's.
            guard try s.kind() == "demo" else {
                throw LotsError("simulate --staff runs only on a demo store", at: "--staff",
                                fix: "use a store made by lots demo; on a real store staff work in the console", code: .denied)
            }
            return try runStaff(s, staff)
        }
        let engine = try triageEngine(for: s)
        var gen = DemoGenerator(seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000) ^ UInt64(getpid()), units: [unit], homeShare: 1)
        var rng = SeededRandom(seed: seed ?? UInt64(getpid()))
        let end = Date().addingTimeInterval(duration)
        let interval = 60 / rate
        var writes = 0
        while Date() < end {
            if Double.random(in: 0..<1, using: &rng) < replies, let target = try s.queue(unit: unit, limit: 50).randomElement(using: &rng) {
                let id = try s.addCitizenMessage(caseId: target.id, body: gen.reply(), retriage: { engine.triage($0, at: Date()) })
                ack("message \(id) \(target.id)")
            } else {
                let intake = gen.intake(at: Date())
                let triage = engine.triage(intake.triageInput, at: intake.submittedAt, ownUnit: intake.unit)
                ack("case \(try s.createCase(intake, triage: triage, actor: .system("simulate"), source: "simulate"))")
            }
            writes += 1
            if writes % 25 == 0 { try s.checkpointIfLarge() }
            // Random pauses around the mean interval.
            let pause = interval * Double.random(in: 0.5...1.5, using: &rng)
            if pause > 0.0005 { Thread.sleep(forTimeInterval: min(pause, max(0, end.timeIntervalSinceNow))) }
        }
    }

    /// The staff side: take a case of the unit (or one already owned) and answer it, at the given rate.
    func runStaff(_ s: LotsStore, _ name: String) throws {
        guard let user = try s.user(named: name), user.role == .clinician, user.unitHsaId == unit else {
            throw LotsError("no clinician \"\(name)\" at \(unit)", at: "--staff", fix: "name a clinician of the unit, e.g. bertil")
        }
        var rng = SeededRandom(seed: seed ?? UInt64(getpid()))
        let end = Date().addingTimeInterval(duration)
        var writes = 0
        let lines = ["Hur mår du nu?", "Har du feber?", "Jag bokar en tid åt dig.", "Drick mycket och vila.", "Hör av dig om det blir värre."]
        while Date() < end {
            let owned = try s.ownedOpenCases(staffId: user.id)
            var target = owned.randomElement(using: &rng)?.id
            if target == nil || owned.count < 3, let fresh = try s.queue(unit: unit, limit: 20).first(where: { $0.status == .new }) {
                // Another writer may take the same case first; that is not an error here.
                if (try? s.take(caseId: fresh.id, by: user, cap: 50)) != nil { target = fresh.id }
            }
            if let id = target {
                let m = try s.sendStaffMessage(caseId: id, body: lines[Int(rng.next() % UInt64(lines.count))], templateCode: nil, by: user)
                ack("message \(m) \(id)")
                writes += 1
                if writes % 25 == 0 { try s.checkpointIfLarge() }
            }
            let pause = 60 / rate * Double.random(in: 0.5...1.5, using: &rng)
            Thread.sleep(forTimeInterval: min(pause, max(0, end.timeIntervalSinceNow)))
        }
    }

    /// Writes one acknowledgement line unbuffered, so a killed simulator never loses a printed id.
    func ack(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
