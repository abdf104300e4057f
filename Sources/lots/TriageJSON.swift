import Foundation
import LotsCore

/// The `lots triage` output contract: one JSON object with stable keys. DESIGN §4.
enum TriageJSON {
    static func encode(_ r: TriageResult, questions: Bool = false, english: Bool = false) -> String {
        var object: [String: Any] = [
            "urgency": r.urgency.code,
            "urgencyLabel": r.urgency.swedishLabel,
            "emergency": r.isEmergency,
            "symptom": r.symptom.map { $0.code as Any } ?? NSNull(),
            "careLevel": r.careLevel.rawValue,
            "profession": r.profession.rawValue,
            "referral": r.referral.type.rawValue,
            "rationale": r.rationaleText(english: english),
            "confidence": r.confident ? "high" : "low",
            "findings": r.findings,
            "complaints": r.complaints,
            "catalogVersion": r.catalogVersion,
        ]
        if let p = r.referral.provider {
            object["referralUnit"] = ["hsaId": p.hsaId, "name": p.name, "phone": p.phone, "address": p.address]
        }
        if let s = r.symptom, !s.advice.isEmpty { object["selfCareAdvice"] = english && !s.adviceEn.isEmpty ? s.adviceEn : s.advice }
        if !r.confident { object["flag"] = english ? "uncertain automatic assessment" : "ej säker automatisk bedömning" }
        if questions { object["questions"] = r.questions.map { ["id": $0.id, "sv": $0.sv, "en": $0.en] } }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
