import Foundation
import GRDB
import LotsCore
import LotsStore
import LotsTestSupport
import Testing

/// The citizen API over a real socket: intake, the case, messages, read receipts, identity and limits.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct CitizenAPITests {
    static let photo = try! Data(contentsOf: TestPaths.fixtures.appendingPathComponent("intake/throat.jpg"))

    @Test func healthAndContractAreServed() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let h = try await f.request("GET", "/healthz")
        #expect(h.status == 200)
        #expect(h.json["status"] as? String == "ok")
        let doc = try await f.request("GET", "/openapi.yaml")
        #expect(doc.status == 200)
        #expect(doc.text.hasPrefix("openapi: 3.1.0"))
        #expect(doc.text.contains("/v1/cases/{id}/events:"))
        #expect(h.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
        #expect(h.headers["x-frame-options"] == "DENY")
        #expect(h.headers["access-control-allow-origin"] == nil)
    }

    @Test func intakeWithPhotoCreatesAWebCaseAndItsToken() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let r = try await f.request("POST", "/v1/intakes", json: ServerFixture.intake(pnr: ServerFixture.pnr, photo: Self.photo),
                                    bearer: f.token(pnr: ServerFixture.pnr))
        #expect(r.status == 201, "\(r.text)")
        let id = try #require(r.json["caseId"] as? Int64 ?? (r.json["caseId"] as? Int).map(Int64.init))
        let token = try #require(r.json["caseToken"] as? String)
        #expect(token.hasPrefix("lct_"))
        #expect(r.headers["location"] == "/v1/cases/\(id)")
        #expect((r.json["advice"] as? [String: Any])?["kind"] as? String != nil)
        let detail = try #require(try f.store.caseDetail(id))
        #expect(detail.channel == .app)
        #expect(detail.attachments.count == 1)
        #expect(detail.attachments.first?.mimeType == "image/jpeg")
        // The token is stored only as its hash.
        let stored = try await f.store.pool.read { try String.fetchOne($0, sql: "SELECT tokenHash FROM caseToken WHERE caseId = ?", arguments: [id]) }
        #expect(stored != nil && stored != token && stored!.count == 64)
        // The case token and the same citizen's ID token both reach the case.
        let byToken = try await f.request("GET", "/v1/cases/\(id)", bearer: token)
        #expect(byToken.status == 200)
        #expect(byToken.json["status"] as? String == "new")
        let byID = try await f.request("GET", "/v1/cases/\(id)", bearer: f.token(pnr: ServerFixture.pnr))
        #expect(byID.status == 200)
        #expect((byID.json["messages"] as? [[String: Any]])?.first?["author"] as? String == "system")
    }

    @Test func emergencyIntakeTellsTheCitizenToCall112() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let r = try await f.request("POST", "/v1/intakes", json: ServerFixture.intake(pnr: ServerFixture.pnr,
            reason: "Plötsligt hängande mungipa och kan inte lyfta höger arm, sluddrar"), bearer: f.token(pnr: ServerFixture.pnr))
        #expect(r.status == 201, "\(r.text)")
        #expect(r.json["urgency"] as? String == "EMERGENCY")
        let advice = try #require(r.json["advice"] as? [String: Any])
        #expect(advice["kind"] as? String == "call-112")
        #expect(advice["title"] as? String == "Ring 112 nu")
    }

    @Test func wrongOrMissingCredentialsAre401Or403AndWriteNothing() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let before = try f.store.rowCounts()["careCase"]
        let body = ServerFixture.intake(pnr: ServerFixture.pnr)
        #expect(try await f.request("POST", "/v1/intakes", json: body).status == 401)
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: "not-a-token").status == 401)
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: ServerFixture.pnr, expiresIn: -120)).status == 401)
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: ServerFixture.pnr, issuer: "https://evil")).status == 401)
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: ServerFixture.pnr, audience: "other")).status == 401)
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: ServerFixture.pnr, with: .init())).status == 401)
        // alg none: refused before any key is tried.
        let none = ServerFixture.b64url(Data(#"{"alg":"none"}"#.utf8)) + "." + ServerFixture.b64url(Data(#"{"aud":"lots"}"#.utf8)) + "."
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: none).status == 401)
        // Someone else's identity may not submit this personnummer.
        let other = try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: "19800314-0012"))
        #expect(other.status == 403)
        #expect(other.headers["content-type"] == "application/problem+json")
        #expect(try f.store.rowCounts()["careCase"] == before)

        let created = try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: ServerFixture.pnr))
        let id = created.json["caseId"] as! Int
        let second = try await f.request("POST", "/v1/intakes", json: body, bearer: f.token(pnr: ServerFixture.pnr))
        let secondToken = second.json["caseToken"] as! String
        #expect(try await f.request("GET", "/v1/cases/\(id)").status == 401)
        #expect(try await f.request("GET", "/v1/cases/\(id)", bearer: "lct_forged").status == 401)
        #expect(try await f.request("GET", "/v1/cases/\(id)", bearer: secondToken).status == 403)
        #expect(try await f.request("GET", "/v1/cases/\(id)", bearer: f.token(pnr: "19800314-0012")).status == 403)
        // The refused attempts on the case are in its access log.
        let denied = try await f.store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditEvent WHERE caseId = ? AND action = 'citizen-denied'", arguments: [id]) }
        #expect(denied == 2)
    }

    @Test func messagesReadReceiptsAndOnlyCitizenVisibleMessages() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let created = try await f.request("POST", "/v1/intakes", json: ServerFixture.intake(pnr: ServerFixture.pnr), bearer: f.token(pnr: ServerFixture.pnr))
        let id = Int64(created.json["caseId"] as! Int), token = created.json["caseToken"] as! String
        let m = try await f.request("POST", "/v1/cases/\(id)/messages", json: ["text": "Det har blivit värre"], bearer: token)
        #expect(m.status == 201)
        let empty = try await f.request("POST", "/v1/cases/\(id)/messages", json: ["text": "   "], bearer: token)
        #expect(empty.status == 422)
        #expect(empty.json["detail"] as? String == "the message is empty (text in request body): write at least one visible character")
        let unknown = try await f.request("POST", "/v1/cases/\(id)/messages", json: ["text": "hej", "x": 1], bearer: token)
        #expect(unknown.status == 422)
        // A staff message, and an internal note written straight into the store: only the first reaches the citizen.
        let staffId = try await f.store.pool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'staff', 'Hej, hur mår du?', ?)", arguments: [id, Date()])
            let sid = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'note', 'INTERNAL NOTE', ?)", arguments: [id, Date()])
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at, staffOnly) VALUES (?, 'staff', 'STAFF NOTE', ?, 1)", arguments: [id, Date()])
            return sid
        }
        let c = try await f.request("GET", "/v1/cases/\(id)", bearer: token)
        let bodies = (c.json["messages"] as! [[String: Any]]).map { $0["body"] as! String }
        #expect(bodies.contains("Hej, hur mår du?"))
        #expect(bodies.contains("Det har blivit värre"))
        #expect(!bodies.contains("INTERNAL NOTE"))
        #expect(!bodies.contains("STAFF NOTE"))
        // Nor do they reach the live feed.
        let (events, _) = try f.store.citizenEvents(after: CitizenEventCursor(messageId: 0, historyId: 0))
        #expect(events.contains { $0.message?.body == "Hej, hur mår du?" })
        #expect(!events.contains { $0.message?.body == "STAFF NOTE" || $0.message?.body == "INTERNAL NOTE" })
        let read = try await f.request("POST", "/v1/cases/\(id)/read", json: ["upTo": staffId], bearer: token)
        #expect(read.status == 200)
        #expect(try f.store.caseDetail(id)?.citizenReadUpTo == staffId)
        // A receipt never moves back, and must name a message of the case.
        _ = try await f.request("POST", "/v1/cases/\(id)/read", json: ["upTo": 1], bearer: token)
        #expect(try f.store.caseDetail(id)?.citizenReadUpTo == staffId)
        #expect(try await f.request("POST", "/v1/cases/\(id)/read", json: ["upTo": 999_999], bearer: token).status == 422)
        // Both sides are in the case's access log.
        let actions = try await f.store.pool.read { try String.fetchAll($0, sql: "SELECT action FROM auditEvent WHERE caseId = ? ORDER BY id", arguments: [id]) }
        #expect(actions.contains("create-case") && actions.contains("citizen-message") && actions.contains("citizen-view") && actions.contains("citizen-read"))
    }

    @Test func concurrentIntakesShareCommitsAndOneBadIntakeStaysOut() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let token = f.token(pnr: ServerFixture.pnr)
        let statuses = try await withThrowingTaskGroup(of: (Bool, Int).self) { group in
            for i in 0..<40 {
                var body = ServerFixture.intake(pnr: ServerFixture.pnr)
                let bad = i % 10 == 3
                if bad { body["unit"] = "SE2321000016-NOPE" }
                let data = try JSONSerialization.data(withJSONObject: body)
                group.addTask { (bad, try await f.request("POST", "/v1/intakes", body: data, contentType: "application/json", bearer: token).status) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0.0 }.allSatisfy { $0.1 == 422 })
        #expect(statuses.filter { !$0.0 }.allSatisfy { $0.1 == 201 })
        #expect(try f.store.rowCounts()["careCase"] == 36)
        let tokens = try await f.store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM caseToken") }
        #expect(tokens == 36)
    }

    @Test func floodFromOneAddressGets429() async throws {
        let f = try await ServerFixture(rateLimit: 60)
        defer { Task { await f.stop() } }
        var statuses: [Int] = []
        var retry: String?
        for _ in 0..<25 {
            let r = try await f.request("GET", "/v1/units")
            statuses.append(r.status)
            if r.status == 429 { retry = r.headers["retry-after"] }
        }
        #expect(statuses.prefix(10).allSatisfy { $0 == 200 })
        #expect(statuses.suffix(10).allSatisfy { $0 == 429 })
        #expect(retry != nil)
    }

    @Test func triageAnswersWithAdviceAndQuestions() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let r = try await f.request("POST", "/v1/triage", json: ["text": "Ont i halsen", "age": 30, "language": "en"])
        #expect(r.status == 200)
        #expect(["P3", "P4", "P5"].contains(r.json["urgency"] as? String ?? ""))
        #expect(r.json["questions"] as? [[String: Any]] != nil)
        let bad = try await f.request("POST", "/v1/triage", json: ["text": "Ont", "age": 300])
        #expect(bad.status == 422)
        #expect(bad.json["detail"] as? String == "age must be a whole number from 0 to 130 (age in request body): write a whole number in that range")
    }

    @Test func unitsListOpeningAndWait() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let r = try await f.request("GET", "/v1/units")
        let units = try #require(try JSONSerialization.jsonObject(with: r.body) as? [[String: Any]])
        let demo1 = try #require(units.first { $0["hsaId"] as? String == ServerFixture.unit })
        #expect(demo1["name"] as? String == "Vårdcentralen Demo Centrum")
        #expect(demo1["openNow"] is Bool)
        #expect((demo1["wait"] as? [String: Any])?["expectedMinutes"] as? Int == 90)
    }
}
