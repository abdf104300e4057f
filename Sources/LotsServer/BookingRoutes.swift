import Foundation
import Hummingbird
import LotsCore
import LotsStore

/// Booking over the API (issue 15): the times offered to a case, book or move, cancel, and the `.ics`.
/// Same access as the other case routes; every call goes through the store's booking functions.
struct BookingRoutes {
    let env: ServerEnvironment
    var access: CaseAccess { CaseAccess(env: env) }
    var api: APIRoutes { APIRoutes(env: env) }

    func register(on router: Router<CitizenContext>) {
        let v1 = router.group("v1")
        v1.get("cases/:id/slots") { request, context in try await slots(request, context) }
        v1.post("cases/:id/appointment") { request, context in try await book(request, context) }
        v1.delete("cases/:id/appointment") { request, context in try await cancel(request, context) }
        v1.get("cases/:id/appointment.ics") { request, context in try await ics(request, context) }
    }

    func authorized(_ request: Request, _ context: CitizenContext) async throws -> Int64 {
        let id = try APIRoutes.caseId(context)
        let (_, key) = try await access.authorize(request, context: context, caseId: id)
        try api.limit(key: key)
        return id
    }

    func slots(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try await authorized(request, context)
        do {
            return JSONOut.response(["caseId": id, "slots": try env.store.offeredSlots(caseId: id).map(Self.slotJSON)])
        } catch let e as LotsError { throw Self.problem(e) }
    }

    /// Books the slot, or moves the live booking to it (the calendar event keeps its UID).
    func book(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try await authorized(request, context)
        let body = try await APIRoutes.body(request, limit: RequestLimits.maxSmallBody)
        do {
            let j = try StrictJSON(body, allowed: ["slotId"])
            let slotId = try j.integer("slotId", range: 1...9_007_199_254_740_991)!
            let live = try env.store.appointment(caseId: id).map { !$0.isCancelled } == true
            let a = live ? try env.store.rebook(caseId: id, slotId: slotId) : try env.store.book(caseId: id, slotId: slotId)
            return JSONOut.response(Self.appointmentJSON(a), status: live ? .ok : .created,
                                    headers: [.location: "/v1/cases/\(id)/appointment.ics"])
        } catch let e as LotsError { throw Self.problem(e) }
    }

    func cancel(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try await authorized(request, context)
        do { return JSONOut.response(Self.appointmentJSON(try env.store.cancelBooking(caseId: id))) } catch let e as LotsError { throw Self.problem(e) }
    }

    func ics(_ request: Request, _ context: CitizenContext) async throws -> Response {
        let id = try await authorized(request, context)
        guard let a = try env.store.appointment(caseId: id), !a.isCancelled else {
            throw Problem(.notFound, "case \(id) has no booked time (caseId): book one of GET /v1/cases/\(id)/slots first")
        }
        let contact = try env.store.unitContact(a.slot.unitHsaId)
        let text = ICalendar.render(a, unitAddress: contact?.address ?? "", unitPhone: contact?.phone ?? "")
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"lots-\(id).ics\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A taken time (by anyone, or already this case's) is a conflict; a case with nothing to cancel is 404.
    static func problem(_ e: LotsError) -> Problem {
        var e = e
        if e.location == "CASE" { e.location = "caseId" }
        if e.location == "SLOT" { e.location = "slotId in request body" }
        let conflict = e.what.hasSuffix("is already booked") || e.what.hasSuffix("already the booked time")
            || e.what.hasSuffix("already has a booked time") || e.what.hasSuffix("is closed")
        let missing = e.what.hasSuffix("has no booked time")
        return Problem(e, status: conflict ? .conflict : missing ? .notFound : nil)
    }

    static func slotJSON(_ s: Slot) -> [String: Any] {
        ["id": s.id, "unit": ["hsaId": s.unitHsaId, "name": s.unitName], "profession": s.profession.rawValue, "mode": s.mode.rawValue,
         "start": ISOTime.utc(s.start), "end": ISOTime.utc(s.end), "label": s.label]
    }

    static func appointmentJSON(_ a: Appointment) -> [String: Any] {
        ["caseId": a.caseId, "slot": slotJSON(a.slot), "status": a.isCancelled ? "cancelled" : "booked",
         "videoUrl": a.videoURL.map { $0 as Any } ?? NSNull(), "ics": "/v1/cases/\(a.caseId)/appointment.ics"]
    }
}
