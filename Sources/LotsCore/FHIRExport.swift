import Crypto
import Foundation

/// A case as a FHIR R4 Bundle (type `collection`): Patient, Organization (HSA-id), Practitioner, Encounter (class
/// virtual, priority from the urgency, period, outcome), EpisodeOfCare (a care pathway), QuestionnaireResponse (the
/// form), Communication (each message; handover notes marked as staff notes), Media (each image), RiskAssessment
/// (the triage and its rationale), ServiceRequest (the triage's referral and every forward), Appointment (a booked
/// time) and Provenance (who did what, from the case's history). `lots export CASE --format fhir`.
///
/// Untrusted text is sanitized as everywhere else; JSON escaping does the rest.
public struct FHIRExport {
    /// What the case does not carry itself.
    public struct Context: Sendable {
        /// username → display name, for history actors.
        public var staffNames: [String: String]
        /// attachment id → bytes, when images are exported (`--with-images`).
        public var images: [Int64: Data]
        public var now: Date

        public init(staffNames: [String: String] = [:], images: [Int64: Data] = [:], now: Date = Date()) {
            self.staffNames = staffNames; self.images = images; self.now = now
        }
    }

    typealias JSON = [String: Any]
    let c: CaseDetail
    let ctx: Context
    var entries: [JSON] = []
    var practitioners: [String: String] = [:]  // display name → fullUrl
    var organizations: [String: String] = [:]  // HSA-id → fullUrl

    /// The bundle as pretty-printed JSON with sorted keys.
    public static func render(_ c: CaseDetail, context: Context = Context()) throws -> String {
        var e = FHIRExport(c: c, ctx: context)
        let bundle = e.build()
        let data = try JSONSerialization.data(withJSONObject: bundle, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func url(_ key: String) -> String { "urn:uuid:" + FHIRCodes.uuid("lots:case:\(c.id):\(key)") }
    func ref(_ url: String, _ display: String? = nil) -> JSON {
        var r: JSON = ["reference": url]
        if let display { r["display"] = display }
        return r
    }
    func text(_ t: String) -> String { SafeText.sanitize(t) }
    func line(_ t: String) -> String { SafeText.sanitize(t, keepNewlines: false) }
    func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSON {
        var j: JSON = ["system": system, "code": code]
        if let display { j["display"] = display }
        return j
    }
    func concept(_ codings: [JSON], text: String? = nil) -> JSON {
        var j: JSON = ["coding": codings]
        if let text { j["text"] = text }
        return j
    }

    mutating func add(_ key: String, _ resource: JSON) -> String {
        let u = url(key)
        var r = resource
        r["id"] = String(u.dropFirst("urn:uuid:".count))
        entries.append(["fullUrl": u, "resource": r])
        return u
    }

    mutating func organization(_ hsaId: String, _ name: String) -> String {
        if let u = organizations[hsaId] { return u }
        let u = add("org:\(hsaId)", ["resourceType": "Organization", "active": true, "name": line(name),
                                     "identifier": [["system": FHIRCodes.hsaId, "value": hsaId]]])
        organizations[hsaId] = u
        return u
    }

    mutating func practitioner(_ name: String, username: String? = nil) -> String {
        if let u = practitioners[name] { return u }
        var p: JSON = ["resourceType": "Practitioner", "name": [["text": line(name)]]]
        if let username { p["identifier"] = [["system": FHIRCodes.lots + "staff-username", "value": line(username)]] }
        let u = add("staff:\(name)", p)
        practitioners[name] = u
        return u
    }

    mutating func build() -> JSON {
        let pid = FHIRCodes.patientIdentifier(c.personnummer)
        var patient: JSON = ["resourceType": "Patient", "identifier": [["system": pid.system, "value": pid.value]],
                             "name": [["text": line(c.name)]], "gender": c.sex == .f ? "female" : c.sex == .m ? "male" : "unknown"]
        if let b = FHIRCodes.birthDate(c.personnummer) { patient["birthDate"] = b }
        if let phone = c.phone { patient["telecom"] = [["system": "phone", "value": line(phone)]] }
        patient["communication"] = [["language": concept([coding("urn:ietf:bcp:47", c.language)]), "preferred": true]]
        let patientURL = add("patient", patient)
        let unitURL = organization(c.unitHsaId, c.unitName)
        var owner: String?
        if let o = c.ownerName { owner = practitioner(o, username: ctx.staffNames.first { $0.value == o }?.key) }

        // The care pathway the complaint may start.
        var episodeURL: String?
        if let p = c.pathway {
            episodeURL = add("episode", ["resourceType": "EpisodeOfCare", "status": c.status == .closed ? "finished" : "active",
                                         "type": [concept([coding(FHIRCodes.lots + "care-pathway", p.rawValue, p.swedishName)], text: p.swedishName)],
                                         "patient": ref(patientURL), "managingOrganization": ref(unitURL, line(c.unitName))])
        }

        let urgencyText = "\(c.urgency.code) \(c.urgency.swedishLabel)"
        let prio = FHIRCodes.encounterPriority(c.urgency)
        var encounter: JSON = [
            "resourceType": "Encounter", "status": c.status == .closed ? "finished" : "in-progress",
            "class": coding(FHIRCodes.actCode, "VR", "virtual"),
            "priority": concept([coding(FHIRCodes.actPriority, prio.code, prio.display), coding(FHIRCodes.lots + "urgency", c.urgency.code, c.urgency.swedishLabel)],
                                text: urgencyText),
            "subject": ref(patientURL), "serviceProvider": ref(unitURL, line(c.unitName)),
            "period": ["start": FHIRCodes.time(c.submittedAt)].merging(c.closedAt.map { ["end": FHIRCodes.time($0)] } ?? [:]) { a, _ in a },
            "reasonCode": [c.symptomCode.map { concept([coding(FHIRCodes.lots + "complaint", $0, c.symptomTitle.map(line))], text: line(c.reason)) }
                           ?? ["text": line(c.reason)]],
            "identifier": [["system": FHIRCodes.lots + "case-id", "value": String(c.id)]],
            "type": [concept([coding(FHIRCodes.lots + "channel", c.channel.rawValue)], text: "Digital kontakt (\(c.channel.rawValue))")],
        ]
        if let outcome = c.outcome {
            encounter["hospitalization"] = ["dischargeDisposition": concept([coding(FHIRCodes.lots + "outcome", outcome.rawValue)], text: outcome.rawValue)]
        }
        if let owner { encounter["participant"] = [["individual": ref(owner, c.ownerName.map(line))]] }
        if let episodeURL { encounter["episodeOfCare"] = [ref(episodeURL)] }
        let encURL = add("encounter", encounter)

        // The form.
        var items: [JSON] = [["linkId": "reason", "text": "Kontaktorsak", "answer": [["valueString": text(c.reason)]]]]
        for (i, a) in c.answers.enumerated() {
            items.append(["linkId": "q\(i + 1)-\(line(a.id))", "text": line(a.question), "answer": [["valueString": line(a.answer)]]])
        }
        if let h = c.selfRatedHealth { items.append(["linkId": "self-rated-health", "text": "Självskattat hälsotillstånd (1–5)", "answer": [["valueInteger": h]]]) }
        if let e = c.expectations, !e.isEmpty { items.append(["linkId": "expectations", "text": "Förväntningar", "answer": [["valueString": line(e)]]]) }
        _ = add("form", ["resourceType": "QuestionnaireResponse", "status": "completed", "subject": ref(patientURL), "encounter": ref(encURL),
                         "authored": FHIRCodes.time(c.submittedAt), "author": ref(patientURL), "source": ref(patientURL), "item": items])

        // The chat, and staff notes (handover notes) marked as such.
        for m in c.messages {
            var sender: String
            var category: String
            var recipient: [JSON]
            switch m.author {
            case .citizen: sender = patientURL; category = "chat"; recipient = [ref(unitURL)]
            case .staff: sender = practitioner(m.staffName ?? "personal"); category = "chat"; recipient = [ref(patientURL)]
            case .system: sender = unitURL; category = "system"; recipient = [ref(patientURL)]
            }
            _ = add("message:\(m.id)", ["resourceType": "Communication", "status": "completed",
                                         "category": [concept([coding(FHIRCodes.lots + "message-category", category)])],
                                         "subject": ref(patientURL), "encounter": ref(encURL), "sent": FHIRCodes.time(m.at),
                                         "sender": ref(sender), "recipient": recipient, "payload": [["contentString": text(m.body)]]])
        }
        for (i, f) in c.forwards.enumerated() {
            let by = f.staffName.map { practitioner($0) }
            var note: JSON = ["resourceType": "Communication", "status": "completed",
                              "category": [concept([coding(FHIRCodes.lots + "message-category", "staff-note", "Intern anteckning – visas inte för patienten")])],
                              "subject": ref(patientURL), "encounter": ref(encURL), "sent": FHIRCodes.time(f.at),
                              "recipient": [ref(organization(f.toUnitHsaId, f.toUnitName))], "payload": [["contentString": text(f.note)]]]
            if let by { note["sender"] = ref(by) }
            _ = add("handover:\(i)", note)
        }

        // Images: metadata always, bytes with --with-images.
        for a in c.attachments {
            var content: JSON = ["contentType": a.mimeType, "title": line(a.fileName), "size": a.byteCount]
            if let bytes = ctx.images[a.id] {
                content["data"] = bytes.base64EncodedString()
                content["hash"] = Data(Insecure.SHA1.hash(data: bytes)).base64EncodedString()
            }
            var media: JSON = ["resourceType": "Media", "status": "completed", "type": concept([coding(FHIRCodes.mediaType, "image", "Image")]),
                               "subject": ref(patientURL), "encounter": ref(encURL), "width": a.width, "height": a.height, "content": content,
                               "identifier": [["system": FHIRCodes.lots + "sha256", "value": a.sha256]]]
            if let t = a.capturedAt, let d = Self.exifDate(t) { media["createdDateTime"] = d }
            var notes: [JSON] = []
            if a.hasGPS { notes.append(["text": "Bilden innehåller GPS-position."]) }
            if !a.hasBytes { notes.append(["text": "Bilden är gallrad; endast metadata finns kvar."]) }
            if !notes.isEmpty { media["note"] = notes }
            _ = add("media:\(a.id)", media)
        }

        // The triage.
        let risk = FHIRCodes.risk(c.urgency)
        var riskNotes: [JSON] = [["text": text(c.rationale)]]
        if c.triageUncertain { riskNotes.append(["text": "Ej säker automatisk bedömning: ingen säker träff i katalogen."]) }
        _ = add("triage", ["resourceType": "RiskAssessment", "status": "final", "subject": ref(patientURL), "encounter": ref(encURL),
                           "occurrenceDateTime": FHIRCodes.time(c.submittedAt),
                           "method": ["text": "Lots automatisk triage (beslutsstöd), katalog \(line(c.catalogVersion))"],
                           "code": concept([coding(FHIRCodes.lots + "urgency", c.urgency.code, c.urgency.swedishLabel)], text: "Brådskegrad"),
                           "prediction": [["outcome": ["text": "Brådskegrad \(urgencyText); vårdnivå \(c.careLevel.rawValue); profession \(c.profession.rawValue)"],
                                           "qualitativeRisk": concept([coding(FHIRCodes.riskProbability, risk.code, risk.display)]),
                                           "rationale": line(c.rationale)]],
                           "note": riskNotes])

        // The referral, and every forward.
        var referral: JSON = ["resourceType": "ServiceRequest", "status": c.status == .closed ? "completed" : "active", "intent": "proposal",
                              "priority": FHIRCodes.requestPriority(c.urgency), "subject": ref(patientURL), "encounter": ref(encURL),
                              "authoredOn": FHIRCodes.time(c.submittedAt),
                              "code": concept([coding(FHIRCodes.lots + "provider-type", c.referralType.rawValue, c.referralType.swedishName)],
                                              text: "Hänvisning: \(c.referralType.swedishName)"),
                              "performerType": concept([coding(FHIRCodes.lots + "provider-type", c.referralType.rawValue, c.referralType.swedishName)])]
        if let hsa = c.referralUnitHsaId, let name = c.referralUnitName { referral["performer"] = [ref(organization(hsa, name), line(name))] }
        let referralURL = add("referral", referral)
        for (i, f) in c.forwards.enumerated() {
            var order: JSON = ["resourceType": "ServiceRequest", "status": "completed", "intent": "order", "priority": FHIRCodes.requestPriority(c.urgency),
                               "subject": ref(patientURL), "encounter": ref(encURL), "authoredOn": FHIRCodes.time(f.at),
                               "code": ["text": "Vidarebefordrat till \(line(f.toUnitName))"],
                               "performer": [ref(organization(f.toUnitHsaId, f.toUnitName), line(f.toUnitName))],
                               "note": [["text": text(f.note)]], "basedOn": [ref(referralURL)]]
            if let s = f.staffName { order["requester"] = ref(practitioner(s)) }
            _ = add("forward:\(i)", order)
        }

        // A booked time.
        if let a = c.appointment {
            var appt: JSON = ["resourceType": "Appointment", "status": a.isCancelled ? "cancelled" : "booked",
                              "start": FHIRCodes.time(a.slot.start), "end": FHIRCodes.time(a.slot.end), "created": FHIRCodes.time(a.bookedAt),
                              "minutesDuration": Int(a.slot.end.timeIntervalSince(a.slot.start) / 60),
                              "serviceType": [concept([coding(FHIRCodes.lots + "profession", a.slot.profession.rawValue, a.slot.profession.swedishTitle)])],
                              "appointmentType": concept([coding(FHIRCodes.appointmentType, "ROUTINE", "Routine appointment - default if not valued")],
                                                         text: a.slot.mode == .video ? "videomöte" : "besök"),
                              "description": "\(a.slot.mode == .video ? "Videomöte" : "Besök") \(a.slot.label), \(line(a.slot.unitName))",
                              "identifier": [["system": "urn:ietf:rfc:5545", "value": a.uid]],
                              "basedOn": [ref(referralURL)],
                              "participant": [["actor": ref(patientURL, line(c.name)), "status": "accepted", "required": "required"]]]
            _ = organization(a.slot.unitHsaId, a.slot.unitName)
            if let v = a.videoURL { appt["comment"] = "Videolänk: \(v)" }
            if a.isCancelled { appt["cancelationReason"] = ["text": "Avbokad av patienten"] }
            _ = add("appointment:\(a.id)", appt)
        }

        // Who did what: one Provenance per history entry, with the Encounter as target.
        for (i, h) in c.history.enumerated() {
            let who: String
            if h.actor.hasPrefix("system:citizen") { who = patientURL } else if h.actor.hasPrefix("system") { who = unitURL } else {
                who = practitioner(ctx.staffNames[h.actor] ?? h.actor, username: h.actor)
            }
            var prov: JSON = ["resourceType": "Provenance", "target": [ref(encURL)], "recorded": FHIRCodes.time(h.at),
                              "activity": concept([coding(FHIRCodes.lots + "case-event", line(h.kind))], text: line(h.kind)),
                              "agent": [["who": ref(who, line(ctx.staffNames[h.actor] ?? h.actor))]]]
            if !h.note.isEmpty { prov["reason"] = [["text": line(h.note)]] }
            _ = add("history:\(i)", prov)
        }

        return ["resourceType": "Bundle", "id": FHIRCodes.uuid("lots:case:\(c.id):bundle:\(FHIRCodes.time(ctx.now))"), "type": "collection",
                "timestamp": FHIRCodes.time(ctx.now), "identifier": ["system": FHIRCodes.lots + "case-id", "value": String(c.id)],
                "entry": entries]
    }

    /// EXIF `2026:11:21 09:15:30` (camera local time, taken as Stockholm) as a FHIR dateTime.
    static func exifDate(_ t: String) -> String? {
        let p = t.split(whereSeparator: { $0 == ":" || $0 == " " }).compactMap { Int($0) }
        guard p.count == 6, let d = Calendar.stockholm.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4], second: p[5]))
        else { return nil }
        return FHIRCodes.time(d)
    }
}
