import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

extension TerminalSuites {
    /// Issue 14 in the real console: /kod + Tab, and a staff note that stays on the staff side.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct Issue14TmuxTests {
        @Test func slashCodeTabExpandsAndAStaffNoteIsStoredStaffOnly() throws {
            let db = try DemoStore.copy(cases: 5)
            let t = try Tmux(width: 80, height: 24)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"), "\(t.capture())")
            t.keys("t")
            #expect(t.waitFor("Du har tagit"), "\(t.capture())")
            t.keys("i")
            t.type("/q-dur")
            #expect(t.waitFor("/q-dur"))
            t.keys("Tab")
            #expect(t.waitFor("Hur länge har du haft besvären?"), "\(t.capture())")
            usleep(200_000)
            #expect(!t.capture().contains("/q-dur"), "\(t.capture())")
            t.keys("Escape")
            usleep(200_000)
            t.type("N")
            #expect(t.waitFor("Personalanteckning (syns aldrig"), "\(t.capture())")
            t.type("Ring upp efter lunch")
            t.keys("Enter")
            #expect(t.waitFor("PERSONALANTECKNING"), "\(t.capture())")
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
            // In the store: a staff-only note, absent from what the citizen side reads.
            let store = try LotsStore.open(path: db)
            let ids: [Int64] = Array(1...200)
            let id = try #require(try ids.first { try store.messages(caseId: $0).contains { $0.isStaffNote } })
            #expect(try store.auditEvents(caseId: id).contains { $0.action == "staff-note" && $0.actor.contains("anna") })
            #expect(try store.citizenVisibleMessages(caseId: id).allSatisfy { !$0.body.contains("Ring upp efter lunch") })
            #expect(try store.messages(caseId: id).contains { $0.isStaffNote && $0.body == "Ring upp efter lunch" })
        }
            /// Coordinator actions: the supervisor reassigns Anna's case to Bertil; it appears in Bertil's hotlist live.
        @Test func aReassignmentMovesTheCaseToTheColleaguesHotlistLive() throws {
            let db = try DemoStore.copy(cases: 0)
            let intake = try LotsProcess.run(["intake", "-", "--db", db], stdin: Data("""
                {"citizen": {"personnummer": "19121212-1212", "name": "Quintus Quist"}, "channel": "app", "unit": "SE2321000016-DEMO1",
                 "submittedAt": "\(ISOTime.utc(Date()))", "reason": "Xylofonhosta sedan tre veckor"}
                """.utf8))
            let id = try #require(Int64(intake.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(intake.stderr)")
            let store = try LotsStore.open(path: db)
            let anna = try #require(try store.user(named: "anna"))
            try store.take(caseId: id, by: anna)
            let bertil = try Tmux(width: 80, height: 24)
            defer { bertil.kill() }
            #expect(bertil.logIn(db: db, user: "bertil"))
            #expect(!bertil.capture().contains("QQ"), "\(bertil.capture())")
            let david = try Tmux(width: 80, height: 24)
            defer { david.kill() }
            #expect(david.logIn(db: db, user: "david", landsOn: "Översikt"))
            david.keys("d")
            #expect(david.waitFor("Kontaktorsak"), "\(david.capture())")
            david.type("/")
            david.type("Xylofonhosta")
            david.keys("Enter")
            #expect(david.waitFor("1 träff"), "\(david.capture())")
            david.keys("Enter")
            #expect(david.waitFor("a Tilldela"), "\(david.capture())")
            david.type("a")
            #expect(david.waitFor("Tilldela ärende \(id) till"), "\(david.capture())")
            #expect(david.waitFor("har ärendet nu"), "\(david.capture())")
            david.type("bertil")
            david.keys("Enter")
            #expect(david.waitFor("Ärende \(id) tilldelat Bertil Ek"), "\(david.capture())")
            // Live in the second console: the case is now in Bertil's hotlist.
            #expect(bertil.waitFor("QQ", timeout: 3), "\(bertil.capture())")
            #expect(try store.caseDetail(id)?.ownerName == "Bertil Ek")
            #expect(try store.auditEvents(caseId: id).contains { $0.action == "assign" && $0.actor.contains("david") })
            #expect(david.quitConsole() && bertil.quitConsole())
        }
            /// The photo viewer at 80×24 in tmux: p draws the attached JPEG with libchafa (symbols), with its metadata
        /// and the GPS warning; → shows the PNG; every opening is logged ("view-attachment").
        @Test func thePhotoViewerDrawsAt80x24AndLogsTheAccess() throws {
            let db = try DemoStore.copy(cases: 0)
            let intake = try LotsProcess.run(["intake", TestPaths.fixtures.appendingPathComponent("intake/valid-rash-gps.json").path, "--db", db])
            let id = try #require(Int64(intake.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(intake.stderr)")
            let t = try Tmux(width: 80, height: 24)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"), "\(t.capture())")
            t.type("p")
            #expect(t.waitFor("Bild 1 av 2 · ärende \(id) · rash-gps.jpg"), "\(t.capture())")
            usleep(300_000)
            let screen = t.capture()
            #expect(screen.contains("JPEG 640×480") && screen.contains("⚠ VARNING: GPS-position i bilden"), "\(screen)")
            // The picture: rows of the image area hold chafa's symbols and colours (backgrounds carry most of it).
            let rows = t.captureWithEscapes().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let image = rows.dropFirst(5).prefix(16)
            let coloured = image.filter { $0.contains("\u{1B}[48;5;") || $0.contains("\u{1B}[4") }
            #expect(coloured.count >= 10, "\(image.joined(separator: "\n"))")
            let symbols = screen.unicodeScalars.filter { (0x2580...0x259F).contains($0.value) || (0x2500...0x257F).contains($0.value) }
            #expect(symbols.count >= 10, "\(screen)")
            t.keys("Right")
            #expect(t.waitFor("Bild 2 av 2 · ärende \(id) · eye.png"), "\(t.capture())")
            #expect(t.capture().contains("PNG") && !t.capture().contains("VARNING: GPS"))
            t.keys("Escape")
            #expect(t.waitFor("── Chatt"), "\(t.capture())")
            // The repaint leaves nothing of the picture behind.
            #expect(!t.captureWithEscapes().contains("48;5;"), "\(t.captureWithEscapes())")
            let store = try LotsStore.open(path: db)
            let views = try store.auditEvents(caseId: id).filter { $0.action == "view-attachment" }
            #expect(views.count == 2 && views.allSatisfy { $0.actor.contains("anna") }, "\(views)")
            #expect(t.quitConsole())
        }
    }
}
