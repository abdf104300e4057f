import Foundation
import Testing
import LotsCore
import LotsUI

/// Deterministic states for screen tests: a fixed clock, a queue with åäö, an emoji, a CJK name, an
/// overdue row, and a case whose citizen message carries terminal escape sequences.
enum Samples {
    static let now = ISOTime.parse("2026-11-24T10:30:00+01:00")!
    static let anna = StaffUser(id: 1, username: "anna", displayName: "Anna Lind", role: .clinician, profession: .sjukskoterska,
                                unitHsaId: "SE2321000016-DEMO1")

    static func entry(_ id: Int64, _ u: Urgency, _ name: String, _ reason: String, minutesAgo: Double, age: Int = 40, sex: Sex = .f,
                      status: CaseStatus = .new, owner: String? = nil, unread: Int = 0, attachments: Int = 0, answered: Bool = false) -> QueueEntry {
        QueueEntry(id: id, urgency: u, ageYears: age, sex: sex, citizenName: name, reason: reason, symptomCode: nil, status: status,
                   channel: .app, submittedAt: now.addingTimeInterval(-minutesAgo * 60),
                   firstResponseAt: answered ? now : nil, ownerName: owner, unreadCount: unread, attachmentCount: attachments)
    }

    static let queue: [QueueEntry] = [
        entry(7, .emergency, "Göran Lindström", "Ont i bröstet som strålar ut i vänster arm", minutesAgo: 3, age: 62, sex: .m),
        entry(3, .p1, "Åsa Öberg", "Plötslig huvudvärk, värsta någonsin", minutesAgo: 40, age: 50),  // overdue: 15 min target
        entry(5, .p3, "Li Wei 李伟", "Hostat i fyra veckor 🤒", minutesAgo: 90, age: 36, status: .awaitingStaff, owner: "Anna Lind",
              unread: 2, answered: true),
        entry(9, .p4, "Zoë Ångström 🌻", "Kliande utslag på armarna, bild bifogad", minutesAgo: 200, age: 29, attachments: 1),
        entry(2, .p5, "Sven-Åke Ölund", "Snuva och nästäppa\u{1B}[2J sedan tre dagar", minutesAgo: 15, age: 71, sex: .m),
    ]

    static let hostile = "Hej\u{1B}[2J\u{1B}]52;c;ZWNobyBoYWNrZWQ=\u{07} och \u{202E}dlrow olleh\u{9B}31m"

    static let detail = CaseDetail(
        id: 5, personnummer: "19900571-2386", name: "Li Wei 李伟", phone: "+46701234567", ageYears: 36, sex: .f,
        unitHsaId: "SE2321000016-DEMO1", unitName: "Vårdcentralen Demo Centrum", channel: .app, status: .awaitingStaff, outcome: nil,
        urgency: .p3, symptomCode: "LONG-COUGH", symptomTitle: "Långvarig hosta", careLevel: .besok, profession: .lakare,
        referralType: .vardcentral, referralUnitName: "Vårdcentralen Norrby",
        rationale: "symptom LONG-COUGH Långvarig hosta (\"hostat i veckor\"), base P4; rule \"feber\" raises to P3",
        catalogVersion: "2026.11-demo.1", reason: "Hostat i fyra veckor 🤒, ingen feber",
        answers: [FormAnswer(id: "fever", question: "Har du feber?", answer: "nej")], selfRatedHealth: 3, expectations: "Vill ha röntgen",
        submittedAt: now.addingTimeInterval(-90 * 60), ownerName: "Anna Lind",
        attachments: [.init(id: 1, fileName: "hals.jpg", mimeType: "image/jpeg", width: 640, height: 480, byteCount: 8509,
                            sha256: "678c0186b7b429f6246700a1e58747523b85db37aebcdc1ea94c98a2c6a945d9", capturedAt: "2026:11:21 09:15:30",
                            hasGPS: true, hasBytes: true)],
        messages: [
            Message(id: 1, caseId: 5, author: .system, staffName: nil, body: "Tack för din kontakt.", templateCode: nil, at: now.addingTimeInterval(-5400)),
            Message(id: 2, caseId: 5, author: .staff, staffName: "Anna Lind", body: "Hej! Har du feber?", templateCode: "Q-FEVER", at: now.addingTimeInterval(-3000)),
            Message(id: 3, caseId: 5, author: .citizen, staffName: nil, body: hostile, templateCode: nil, at: now.addingTimeInterval(-600)),
        ],
        history: [.init(at: now.addingTimeInterval(-5400), actor: "system:intake", kind: "created", note: "app, triage P3"),
                  .init(at: now.addingTimeInterval(-3100), actor: "anna", kind: "taken", note: "")])

    static let templates = [
        PhraseTemplate(code: "GREETING", category: "greeting", titleSv: "Hälsning", titleEn: "Greeting",
                       bodySv: "Hej {citizen.firstName}! Jag heter {staff.name}.", bodyEn: "Hello {citizen.firstName}! I am {staff.name}."),
        PhraseTemplate(code: "BROKEN", category: "question", titleSv: "Trasig mall", titleEn: "Broken",
                       bodySv: "Hej {patient.shoeSize}", bodyEn: "Hi {patient.shoeSize}"),
    ]

    /// A logged-in clinician looking at the queue.
    static func queueState(lang: Lang = .sv) -> ConsoleState {
        var s = ConsoleState(lang: lang, now: now)
        _ = s.apply(.loggedIn(anna, unitName: "Vårdcentralen Demo Centrum", templates: templates, units: []))
        _ = s.apply(.queueLoaded(queue, hot: queue.filter { $0.ownerName == "Anna Lind" }))
        return s
    }

    /// The same clinician in case 5.
    static func caseState() -> ConsoleState {
        var s = queueState()
        _ = s.apply(.caseLoaded(detail, draft: "Utkast som sparats", draftTemplate: nil,
                                templateValues: ["citizen.firstName": "Li", "staff.name": "Anna Lind"]))
        return s
    }
}

/// Compares a rendered buffer with `Snapshots/NAME.txt`; `LOTS_RECORD=1` rewrites the file.
func assertSnapshot(_ buffer: CellBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let actual = buffer.text + "\n"
    if ProcessInfo.processInfo.environment["LOTS_RECORD"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(name); run with LOTS_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
}
