import Crypto
import Foundation

/// Code systems, identifier systems and code maps of the FHIR R4 export.
///
/// Identifiers follow HL7 Sweden's base profiles: the personnummer and samordningsnummer systems of
/// electronichealth.se (12 digits, no separator) and the HSA-id's OID. Lots' own codes (urgency, outcome, care
/// pathway, message category, history activity) live under `FHIRCodes.lots`, a reserved `.invalid` host that a
/// region replaces with its terminology server's address.
public enum FHIRCodes {
    public static let personnummer = "http://electronichealth.se/identifier/personnummer"
    public static let samordningsnummer = "http://electronichealth.se/identifier/samordningsnummer"
    public static let hsaId = "urn:oid:1.2.752.29.4.19"
    public static let lots = "http://lots.invalid/fhir/CodeSystem/"
    public static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    public static let actPriority = "http://terminology.hl7.org/CodeSystem/v3-ActPriority"
    public static let mediaType = "http://terminology.hl7.org/CodeSystem/media-type"
    public static let riskProbability = "http://terminology.hl7.org/CodeSystem/risk-probability"
    public static let appointmentType = "http://terminology.hl7.org/CodeSystem/v2-0276"
    public static let participationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
    public static let provenanceActivity = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"

    /// Encounter.priority (v3 ActPriority): emergency for 112 and P1, urgent for P2–P3, routine after.
    public static func encounterPriority(_ u: Urgency) -> (code: String, display: String) {
        switch u {
        case .emergency, .p1: ("EM", "emergency")
        case .p2, .p3: ("UR", "urgent")
        case .p4, .p5: ("R", "routine")
        }
    }

    /// ServiceRequest.priority (request-priority, a required binding).
    public static func requestPriority(_ u: Urgency) -> String {
        switch u {
        case .emergency: "stat"
        case .p1: "asap"
        case .p2, .p3: "urgent"
        case .p4, .p5: "routine"
        }
    }

    /// RiskAssessment.prediction.qualitativeRisk (risk-probability).
    public static func risk(_ u: Urgency) -> (code: String, display: String) {
        switch u {
        case .emergency, .p1: ("high", "High likelihood")
        case .p2, .p3: ("moderate", "Moderate likelihood")
        case .p4, .p5: ("low", "Low likelihood")
        }
    }

    /// The identifier system of a personnummer or samordningsnummer, and its 12 digits.
    public static func patientIdentifier(_ canonical: String) -> (system: String, value: String) {
        let digits = canonical.filter(\.isNumber)
        let day = Int(digits.dropFirst(6).prefix(2)) ?? 0
        return (day > 60 ? samordningsnummer : personnummer, digits)
    }

    /// `YYYY-MM-DD` from a personnummer's digits (samordningsnummer: day − 60).
    public static func birthDate(_ canonical: String) -> String? {
        let d = Array(canonical.filter(\.isNumber))
        guard d.count == 12, var day = Int(String(d[6...7])) else { return nil }
        if day > 60 { day -= 60 }
        return String(d[0...3]) + "-" + String(d[4...5]) + "-" + StockholmTime.pad(day, 2)
    }

    /// A stable UUID for one resource of one case, so two exports of the same case name its resources alike.
    public static func uuid(_ key: String) -> String {
        let h = Array(SHA256.hash(data: Data(key.utf8)))
        var b = Array(h.prefix(16))
        b[6] = (b[6] & 0x0F) | 0x50  // version 5 (name-based, SHA)
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    /// FHIR `instant`/`dateTime`: UTC with seconds and `Z`.
    public static func time(_ d: Date) -> String { ISOTime.utc(d) }
}
