/// What a staff account may do. Enforcement lives in the store layer.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Nurse, doctor, physiotherapist or psychologist working a unit's queue.
    case clinician
    /// 1177 phone nurse: creates cases for any unit.
    case phoneNurse = "phone-nurse"
    /// Watches queue load of own units; read-only case access.
    case supervisor
    /// Users, units, templates and catalog.
    case admin
}
