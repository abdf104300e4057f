import Foundation
import Hummingbird
import LotsCore
import LotsStore

/// The citizen web form at `/` (Swedish) and `/en`: log in (demo), the symptom form in two steps (the reason,
/// then the triage's follow-up questions, self-rated health, expectations and a photo), the advice at once, then
/// the chat. Every step is a plain form post; JavaScript only adds live replies to the chat.
struct WebForm {
    let env: ServerEnvironment

    func register(on router: Router<CitizenContext>) {
        router.get("/static/lots.css") { _, _ in Self.asset(WebAssets.css, type: "text/css; charset=utf-8") }
        router.get("/static/chat.js") { _, _ in Self.asset(WebAssets.chatJS, type: "text/javascript; charset=utf-8") }
        for lang in ["sv", "en"] {
            let p = lang == "en" ? "/en" : ""
            let strings = WebStrings(lang: lang)
            router.get(RouterPath(p.isEmpty ? "/" : p)) { request, _ in try start(request, strings) }
            router.post(RouterPath("\(p)/login")) { request, _ in try await login(request, strings) }
            router.post(RouterPath("\(p)/logout")) { _, _ in logout(strings) }
            router.get(RouterPath("\(p)/form")) { request, _ in try form(request, strings) }
            router.post(RouterPath("\(p)/questions")) { request, _ in try await questions(request, strings) }
            router.post(RouterPath("\(p)/submit")) { request, context in try await submit(request, context, strings) }
            router.get(RouterPath("\(p)/chat")) { request, context in try await chat(request, context, strings) }
            router.post(RouterPath("\(p)/chat")) { request, context in try await reply(request, context, strings) }
        }
    }

    // MARK: - Steps

    func start(_ request: Request, _ s: WebStrings) throws -> Response {
        if let session = CaseAccess(env: env).session(request) {
            return Self.redirect(s.prefix + (session.caseId == nil ? "/form" : "/chat"))
        }
        return Self.html(pages(s).login())
    }

    func login(_ request: Request, _ s: WebStrings) async throws -> Response {
        guard env.options.demo else { return Self.html(pages(s).login(), status: .forbidden) }
        let f = try await fields(request)
        let pnrText = f["personnummer"] ?? "", name = (f["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [WebPages.FieldError] = []
        var pnr: Personnummer?
        do { pnr = try Personnummer(pnrText) } catch let e as LotsError { errors.append(.init(field: "personnummer", text: "\(e.what): \(e.fix)")) }
        if name.isEmpty || name.count > IntakeParser.maxName {
            errors.append(.init(field: "name", text: s.t("Skriv ditt namn (högst 200 tecken).", "Write your name (at most 200 characters).")))
        }
        guard let pnr, errors.isEmpty else { return Self.html(pages(s).login(pnr: pnrText, name: name, errors: errors), status: .unprocessableContent) }
        let session = WebSession(personnummer: pnr.canonical, name: name, caseId: nil, expires: Date().addingTimeInterval(SessionSigner.lifetime), demo: true)
        return withSession(Self.redirect(s.prefix + "/form"), session)
    }

    func logout(_ s: WebStrings) -> Response {
        var r = Self.redirect(s.prefix.isEmpty ? "/" : s.prefix)
        r.headers[.setCookie] = "\(SessionSigner.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
        return r
    }

    func form(_ request: Request, _ s: WebStrings) throws -> Response {
        guard CaseAccess(env: env).session(request) != nil else { return Self.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        return Self.html(pages(s).reasonForm(unit: units.first?.hsaId, units: units))
    }

    func questions(_ request: Request, _ s: WebStrings) async throws -> Response {
        guard let session = CaseAccess(env: env).session(request) else { return Self.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        let f = try await fields(request)
        let reason = (f["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let unit = units.first { $0.hsaId == f["unit"] }?.hsaId ?? units.first?.hsaId ?? ""
        if reason.isEmpty || reason.count > IntakeParser.maxReason {
            let text = reason.isEmpty ? s.t("Beskriv vad du söker för.", "Describe your reason for contact.")
                : s.t("Texten är för lång (högst 4000 tecken).", "The text is too long (at most 4000 characters).")
            return Self.html(pages(s).reasonForm(reason: reason, unit: unit, units: units, errors: [.init(field: "reason", text: text)]), status: .unprocessableContent)
        }
        let questions = followUp(reason, session)
        return Self.html(pages(s).detailsForm(.init(reason: reason, unit: unit, questions: questions)))
    }

    func submit(_ request: Request, _ context: CitizenContext, _ s: WebStrings) async throws -> Response {
        guard let session = CaseAccess(env: env).session(request) else { return Self.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        let body = try await APIRoutes.body(request, limit: RequestLimits.maxBody)
        guard let boundary = Multipart.boundary(of: request.headers[.contentType] ?? ""), let parts = Multipart.parse(body, boundary: boundary) else {
            throw Problem(.badRequest, "the form is not multipart/form-data (request body): send the form from the page")
        }
        var f: [String: String] = [:]
        var photo: MultipartPart?
        for part in parts {
            if part.name == "photo" { if !part.data.isEmpty { photo = part } } else { f[part.name] = String(decoding: part.data, as: UTF8.self) }
        }
        let reason = (f["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let unit = units.first { $0.hsaId == f["unit"] }?.hsaId ?? units.first?.hsaId ?? ""
        let questions = followUp(reason, session)
        var details = WebPages.Details(reason: reason, unit: unit, questions: questions, health: f["health"] ?? "", expectations: f["expectations"] ?? "")
        var answers: [[String: Any]] = []
        for q in questions {
            guard let a = f["q-\(q.id)"], ["ja", "nej"].contains(a) else { continue }
            details.answers[q.id] = a
            answers.append(["id": q.id, "question": q.sv, "answer": a])
        }
        var intake: [String: Any] = [
            "citizen": ["personnummer": session.personnummer, "name": session.name], "channel": "web", "unit": unit,
            "submittedAt": ISOTime.utc(Date()), "reason": reason, "answers": answers, "language": s.lang,
        ]
        if let h = Int(details.health) { intake["selfRatedHealth"] = h }
        let expectations = details.expectations.trimmingCharacters(in: .whitespacesAndNewlines)
        if !expectations.isEmpty { intake["expectations"] = expectations }
        if let photo {
            intake["attachments"] = [["fileName": Self.safeName(photo.fileName ?? "photo"), "data": photo.data.base64EncodedString()]]
        }
        let who = CitizenIdentity(personnummer: session.personnummer, name: session.name)
        do {
            let result = try await APIRoutes(env: env).submit(body: JSONOut.data(intake), contentType: "application/json", who: who)
            var next = session
            next.caseId = result.caseId
            let advice = CitizenAdvice(result.triage, english: s.en)
            return withSession(Self.html(pages(s).advice(advice, urgency: result.triage.urgency.code)), next)
        } catch let p as Problem {
            let field = Self.formField(for: p.location ?? "")
            return Self.html(pages(s).detailsForm(details, errors: [.init(field: field, text: p.detail)]), status: p.status)
        }
    }

    func chat(_ request: Request, _ context: CitizenContext, _ s: WebStrings, errors: [WebPages.FieldError] = [], draft: String = "") async throws -> Response {
        guard let session = CaseAccess(env: env).session(request) else { return Self.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        guard let id = session.caseId else { return Self.redirect(s.prefix + "/form") }
        let actor = Actor(name: "citizen:web-session", role: "citizen")
        guard let c = try env.store.citizenCase(id, actor: actor) else { return Self.redirect(s.prefix + "/form") }
        // Showing the page is reading it: the receipt moves to the newest staff or system message.
        if let last = c.messages.last(where: { $0.author != .citizen }), last.id > c.citizenReadUpTo {
            try env.store.markCitizenRead(caseId: id, upTo: last.id, actor: actor)
        }
        return Self.html(pages(s).chat(c, errors: errors, draft: draft), status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func reply(_ request: Request, _ context: CitizenContext, _ s: WebStrings) async throws -> Response {
        guard let session = CaseAccess(env: env).session(request), let id = session.caseId else { return Self.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        let text = try await fields(request)["text"] ?? ""
        let engine = env.engine
        do {
            try env.store.addCitizenMessage(caseId: id, body: text, retriage: { engine.triage($0, at: Date()) })
        } catch let e as LotsError {
            return try await chat(request, context, s, errors: [.init(field: "text", text: "\(e.what): \(e.fix)")], draft: text)
        }
        return Self.redirect(s.prefix + "/chat")
    }

    // MARK: - Helpers

    var units: [Provider] { env.directory.providers.filter { $0.type == .vardcentral || $0.type == .digitalVardcentral } }

    func pages(_ s: WebStrings) -> WebPages { WebPages(s: s, demo: env.options.demo) }

    /// The follow-up questions the triage asks about this reason for this citizen.
    func followUp(_ reason: String, _ session: WebSession) -> [FollowUpQuestion] {
        guard !reason.isEmpty, let pnr = try? Personnummer(session.personnummer) else { return [] }
        let input = TriageInput(text: reason, ageYears: pnr.age(at: Date()), ageMonths: pnr.ageInMonths(at: Date()), sex: pnr.sex)
        return Array(env.engine.triage(input, at: Date()).questions.prefix(8))
    }

    func fields(_ request: Request) async throws -> [String: String] {
        let body = try await APIRoutes.body(request, limit: RequestLimits.maxSmallBody)
        guard let f = FormDecoding.parse(body) else { throw Problem(.badRequest, "the form data is malformed (request body): send the form from the page") }
        return f
    }

    func withSession(_ response: Response, _ session: WebSession) -> Response {
        var r = response
        r.headers[.setCookie] = "\(SessionSigner.cookieName)=\(env.sessions.encode(session)); Path=/; Max-Age=\(Int(SessionSigner.lifetime)); HttpOnly; SameSite=Strict"
        return r
    }

    /// The form field an intake error points at (`reason in request body` → reason).
    static func formField(for location: String) -> String {
        if location.hasPrefix("attachments") { return "photo" }
        if location.hasPrefix("selfRatedHealth") { return "health" }
        if location.hasPrefix("expectations") { return "expectations" }
        return "reason"
    }

    static func safeName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || ".-_".contains($0) }
        return base.isEmpty ? "photo" : String(base.prefix(100))
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func redirect(_ to: String) -> Response {
        Response(status: .seeOther, headers: [.location: to])
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
