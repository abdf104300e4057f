import Foundation
import LotsCore

/// The `lots triage` output contract: one JSON object with stable keys. DESIGN §4.
enum TriageJSON {
    static func encode(_ r: TriageResult) -> String {
        var object: [String: Any] = [
            "urgency": r.urgency.code,
            "urgencyLabel": r.urgency.swedishLabel,
            "emergency": r.isEmergency,
            "symptom": r.symptom.map { $0.code as Any } ?? NSNull(),
            "careLevel": r.careLevel.rawValue,
            "profession": r.profession.rawValue,
            "referral": r.referral.type.rawValue,
            "rationale": r.rationaleText,
            "catalogVersion": r.catalogVersion,
        ]
        if let p = r.referral.provider {
            object["referralUnit"] = ["hsaId": p.hsaId, "name": p.name, "phone": p.phone, "address": p.address]
        }
        if let s = r.symptom, !s.advice.isEmpty { object["selfCareAdvice"] = s.advice }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
