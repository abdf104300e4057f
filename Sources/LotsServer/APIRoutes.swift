import Foundation
import Hummingbird
import LotsCore
import LotsStore

/// The JSON API under /v1 (the contract is Sources/LotsServer/openapi.yaml).
struct APIRoutes {
    let env: ServerEnvironment
    var access: CaseAccess { CaseAccess(env: env) }

    func register(on router: Router<CitizenContext>) {
        router.get("/healthz") { _, _ in
            guard env.store.isHealthy() else { throw Problem(.serviceUnavailable, "the store does not answer") }
            return JSONOut.response(["status": "ok"])
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(data: OpenAPIDocument.data)))
        }
        let v1 = router.group("v1")
        v1.post("triage") { request, context in try await triage(request, context) }
        v1.post("intakes") { request, context in try await intake(request, context) }
        v1.get("units") { _, _ in JSONOut.response(UnitDirectory(env: env).list(at: Date())) }
        v1.get("cases/:id") { request, context in try await getCase(request, context) }
        v1.post("cases/:id/messages") { request, context in try await postMessage(request, context) }
        v1.post("cases/:id/read") { request, context in try await markRead(request, context) }
        v1.get("cases/:id/events") { request, context in try await SSEStream(env: env).open(request, context, access: access) }
    }

    // MARK: - Handlers

    func triage(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let body = try await Self.body(request, limit: RequestLimits.maxSmallBody)
        do {
            let j = try StrictJSON(body, allowed: ["text", "age", "ageMonths", "sex", "answers", "language"])
            let text = try j.string("text", max: IntakeParser.maxReason)!
            let age = Int(try j.integer("age", range: 0...130)!)
            let months = try j.integer("ageMonths", range: 0...1560, required: false).map(Int.init)
            var sex = Sex.x
            if let s = try j.string("sex", max: 1, required: false) {
                guard let v = Sex(rawValue: s) else { throw j.fail("unknown sex \"\(SafeText.sanitize(s, keepNewlines: false))\"", "sex", "write f, m or x") }
                sex = v
            }
            let english = try Self.language(j) == "en"
            var answers: [String: Bool] = [:]
            if let a = j.object["answers"], !(a is NSNull) {
                guard let map = a as? [String: Any], map.count <= IntakeParser.maxAnswers else {
                    throw j.fail("answers must be an object of at most \(IntakeParser.maxAnswers) question ids", "answers", "write {\"id\": true}")
                }
                for (k, v) in map {
                    guard let n = v as? NSNumber, String(cString: n.objCType) == "c", k.count <= 64 else {
                        throw j.fail("answers.\(SafeText.sanitize(String(k.prefix(40)), keepNewlines: false)) must be true or false", "answers", "write true (yes) or false (no)")
                    }
                    answers[k] = n.boolValue
                }
            }
            let r = env.engine.triage(TriageInput(text: text, ageYears: months.map { $0 / 12 } ?? age, ageMonths: months, sex: sex, answers: answers), at: Date())
            return JSONOut.response(Self.triageJSON(r, english: english))
        } catch let e as LotsError { throw Problem(e) }
    }

    func intake(_ request: Request, _ context: CitizenContext) async throws -> Response {
        guard let who = try await access.citizen(request, context: context) else {
            throw access.denied(.unauthorized, "missing credentials: send Authorization: Bearer with the citizen's ID token", request, context)
        }
        try limit(key: "pnr:\(CaseToken.hash(who.personnummer))")
        let body = try await Self.body(request, limit: RequestLimits.maxBody)
        let result = try await submit(body: body, contentType: request.headers[.contentType] ?? "", who: who)
        var o = Self.triageJSON(result.triage, english: result.intake.language == "en")
        o["caseId"] = result.caseId
        o["caseToken"] = result.token
        o["status"] = "new"
        return JSONOut.response(o, status: .created, headers: [.location: "/v1/cases/\(result.caseId)"])
    }

    /// Validates, triages and stores one intake of `who`; the web form and the API share it.
    func submit(body: Data, contentType: String, who: CitizenIdentity) async throws -> (caseId: Int64, token: String, triage: TriageResult, intake: Intake) {
        let intake: Intake
        do { intake = try HTTPIntake.parse(body: body, contentType: contentType) } catch let e as LotsError { throw Problem(e) }
        guard intake.channel != .phone else {
            throw Problem(LotsError("channel phone is for cases 1177's phone staff create", at: "channel in request body", fix: "use web or app"))
        }
        guard intake.personnummer.canonical == who.personnummer else {
            throw Problem(.forbidden, "the intake's personnummer is not the logged-in citizen's (citizen.personnummer in request body): send your own")
        }
        let triage = env.engine.triage(intake.triageInput, at: intake.submittedAt, ownUnit: intake.unit)
        let token = CaseToken.make()
        switch try await env.intakes.write(.init(intake: intake, triage: triage, tokenHash: CaseToken.hash(token))) {
        case .success(let id): return (id, token, triage, intake)
        case .failure(let e): throw Problem(e)
        }
    }

    func getCase(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try Self.caseId(context)
        let (actor, key) = try await access.authorize(request, context: context, caseId: id)
        try limit(key: key)
        guard let c = try env.store.citizenCase(id, actor: actor) else { throw Problem(.notFound, "no case with id \(id) (caseId): use the caseId returned by POST /v1/intakes") }
        return JSONOut.response(Self.caseJSON(c))
    }

    func postMessage(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try Self.caseId(context)
        let (_, key) = try await access.authorize(request, context: context, caseId: id)
        try limit(key: key)
        let body = try await Self.body(request, limit: RequestLimits.maxSmallBody)
        do {
            let j = try StrictJSON(body, allowed: ["text"])
            guard let raw = j.object["text"] as? String else {
                throw j.fail(j.object["text"] == nil ? "missing text" : "text must be text", "text", "send {\"text\": \"…\"}")
            }
            let engine = env.engine
            let mid = try env.store.addCitizenMessage(caseId: id, body: raw, retriage: { engine.triage($0, at: Date()) })
            return JSONOut.response(["id": mid, "caseId": id], status: .created)
        } catch var e as LotsError {
            if e.location == "TEXT" { e.location = "text in request body" }
            if e.location == "CASE" { e.location = "caseId" }
            throw Problem(e, status: e.what.hasSuffix("is closed") ? .conflict : nil)
        }
    }

    func markRead(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try Self.caseId(context)
        let (actor, key) = try await access.authorize(request, context: context, caseId: id)
        try limit(key: key)
        let body = try await Self.body(request, limit: RequestLimits.maxSmallBody)
        do {
            let j = try StrictJSON(body, allowed: ["upTo"])
            let upTo = try j.integer("upTo", range: 1...Int64(Int32.max) * 1_000_000)!
            let stored = try env.store.markCitizenRead(caseId: id, upTo: upTo, actor: actor)
            return JSONOut.response(["caseId": id, "readUpTo": stored])
        } catch let e as LotsError { throw Problem(e) }
    }

    // MARK: - Helpers

    func limit(key: String) throws {
        let (ok, wait) = env.limiter.allow(key)
        guard ok else { throw Problem(.tooManyRequests, "too many requests for this citizen or case: wait \(wait) s", headers: [.retryAfter: "\(wait)"]) }
    }

    static func body(_ request: Request, limit: Int) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch {
            throw Problem(.contentTooLarge, "the body is over \(limit) bytes (request body): send less; each photo may be up to 10 MB")
        }
    }

    static func caseId(_ context: CitizenContext) throws -> Int64 {
        guard let s = context.parameters.get("id"), let id = Int64(s), id > 0 else {
            throw Problem(.badRequest, "the case id is not a positive whole number (caseId): use the caseId returned by POST /v1/intakes")
        }
        return id
    }

    static func language(_ j: StrictJSON) throws -> String {
        guard let l = try j.string("language", max: 8, required: false) else { return "sv" }
        guard ["sv", "en"].contains(l) else { throw j.fail("unknown language \"\(SafeText.sanitize(l, keepNewlines: false))\"", "language", "write \"sv\" or \"en\"") }
        return l
    }

    static func triageJSON(_ r: TriageResult, english: Bool) -> [String: Any] {
        [
            "urgency": r.urgency.code,
            "urgencyLabel": english ? r.urgency.englishLabel : r.urgency.swedishLabel,
            "emergency": r.isEmergency,
            "careLevel": r.careLevel.rawValue,
            "advice": CitizenAdvice(r, english: english).json,
            "questions": r.questions.map { ["id": $0.id, "text": english ? $0.en : $0.sv] },
        ]
    }

    static func caseJSON(_ c: CitizenCaseView) -> [String: Any] {
        [
            "caseId": c.id, "status": c.status, "urgency": c.urgency, "channel": c.channel,
            "unit": ["hsaId": c.unitHsaId, "name": c.unitName],
            "readUpTo": c.citizenReadUpTo,
            "messages": c.messages.map(messageJSON),
        ]
    }

    static func messageJSON(_ m: Message) -> [String: Any] {
        var o: [String: Any] = ["id": m.id, "author": m.author.rawValue, "body": m.body, "at": ISOTime.utc(m.at)]
        if m.author == .staff, let n = m.staffName { o["staffName"] = n }
        return o
    }
}
