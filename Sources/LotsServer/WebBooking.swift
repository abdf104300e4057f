import Foundation
import Hummingbird
import LotsCore
import LotsStore

/// The web form's booking page (`/booking`, `/en/booking`): the times offered to the session's case as radio
/// buttons in a labelled fieldset, book or move with a plain form post, cancel, and the `.ics`. Works without JS.
struct WebBooking {
    let env: ServerEnvironment

    func register(on router: Router<CitizenContext>) {
        for lang in ["sv", "en"] {
            let s = WebStrings(lang: lang)
            router.get(RouterPath("\(s.prefix)/booking")) { request, _ in try await page(request, s) }
            router.post(RouterPath("\(s.prefix)/booking")) { request, _ in try await book(request, s) }
            router.post(RouterPath("\(s.prefix)/booking/cancel")) { request, _ in try await cancel(request, s) }
        }
    }

    func caseId(_ request: Request) -> Int64? { CaseAccess(env: env).session(request)?.caseId }

    func page(_ request: Request, _ s: WebStrings, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let id = caseId(request) else { return WebForm.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        let slots = (try? env.store.offeredSlots(caseId: id)) ?? []
        let booked = try env.store.appointment(caseId: id).flatMap { $0.isCancelled ? nil : $0 }
        return WebForm.html(Self.html(s, demo: env.options.demo, caseId: id, slots: slots, booked: booked, error: error), status: status)
    }

    func book(_ request: Request, _ s: WebStrings) async throws -> Response {
        guard let id = caseId(request) else { return WebForm.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        let f = try await WebForm(env: env).fields(request)
        guard let slot = f["slot"].flatMap(Int64.init) else {
            return try await page(request, s, error: s.t("Välj en av tiderna.", "Choose one of the times."), status: .unprocessableContent)
        }
        do {
            let live = try env.store.appointment(caseId: id).map { !$0.isCancelled } == true
            _ = live ? try env.store.rebook(caseId: id, slotId: slot) : try env.store.book(caseId: id, slotId: slot)
        } catch let e as LotsError {
            let p = BookingRoutes.problem(e)
            let text = p.status == .conflict ? s.t("Tiden är redan bokad. Välj en annan tid.", "That time is already booked. Choose another time.") : "\(e.what): \(e.fix)"
            return try await page(request, s, error: text, status: p.status)
        }
        return WebForm.redirect(s.prefix + "/booking")
    }

    func cancel(_ request: Request, _ s: WebStrings) async throws -> Response {
        guard let id = caseId(request) else { return WebForm.redirect(s.prefix.isEmpty ? "/" : s.prefix) }
        do { try env.store.cancelBooking(caseId: id) } catch let e as LotsError {
            return try await page(request, s, error: "\(e.what): \(e.fix)", status: BookingRoutes.problem(e).status)
        }
        return WebForm.redirect(s.prefix + "/booking")
    }

    static func html(_ s: WebStrings, demo: Bool, caseId: Int64, slots: [Slot], booked: Appointment?, error: String?) -> String {
        let pages = WebPages(s: s, demo: demo)
        var body = pages.errorSummary(error.map { [WebPages.FieldError(field: "slots", text: $0)] } ?? [])
        if let a = booked {
            body += """
            <h2>\(s.t("Din bokade tid", "Your booked time").html)</h2>
            <p id="booked"><strong>\(s.t(a.slot.label, a.slot.englishLabel).html)</strong>, \(a.slot.unitName.html) (\(a.slot.mode == .video ? "video" : s.t("besök", "visit")))</p>
            \(a.videoURL.map { "<p><a href=\"\($0.html)\">\(s.t("Länk till videomötet", "Link to the video meeting").html)</a></p>" } ?? "")
            <p><a href="/v1/cases/\(caseId)/appointment.ics">\(s.t("Lägg till i kalendern (.ics)", "Add to calendar (.ics)").html)</a></p>
            <form method="post" action="\(s.prefix)/booking/cancel"><button type="submit">\(s.t("Avboka tiden", "Cancel the booking").html)</button></form>
            """
        }
        if slots.isEmpty {
            body += "<p id=\"slots\">\(s.t("Inga lediga tider är erbjudna just nu.", "No free times are offered right now.").html)</p>"
        } else {
            let options = slots.enumerated().map { i, t in
                "<div class=\"option\"><input type=\"radio\" name=\"slot\" id=\"slot-\(t.id)\" value=\"\(t.id)\"\(i == 0 ? " required" : "")><label for=\"slot-\(t.id)\">\(s.t(t.label, t.englishLabel).html), \(t.unitName.html) (\(t.mode == .video ? "video" : s.t("besök", "visit")))</label></div>"
            }.joined()
            body += """
            <form method="post" action="\(s.prefix)/booking">
            <fieldset id="slots"><legend>\(s.t(booked == nil ? "Välj en tid" : "Byt till en annan tid", booked == nil ? "Choose a time" : "Move to another time").html)</legend>\(options)</fieldset>
            <button type="submit">\(s.t(booked == nil ? "Boka vald tid" : "Byt till vald tid", booked == nil ? "Book the chosen time" : "Move to the chosen time").html)</button>
            </form>
            """
        }
        body += "<p><a href=\"\(s.prefix)/chat\">\(s.t("Tillbaka till chatten", "Back to the chat").html)</a></p>"
        return pages.page(s.t("Boka tid", "Book a time"), loggedIn: true, body: body)
    }
}
