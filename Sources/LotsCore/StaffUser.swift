/// A staff account as the console and store see it (never with its password hash).
public struct StaffUser: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var profession: Profession?
    /// The unit the user works in (HSA-id); nil for 1177 and admin accounts that span units.
    public var unitHsaId: String?

    public init(id: Int64, username: String, displayName: String, role: Role, profession: Profession?, unitHsaId: String?) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.profession = profession
        self.unitHsaId = unitHsaId
    }
}
