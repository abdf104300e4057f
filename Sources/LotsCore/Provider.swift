/// One care unit in the provider directory (Fixtures/providers.yaml).
public struct Provider: Sendable, Equatable, Identifiable {
    /// HSA-id, e.g. `SE2321000016-DEMO1`.
    public var hsaId: String
    public var name: String
    public var type: ProviderType
    /// Care missions the unit takes; empty means every mission.
    public var missions: Set<CareMission>
    public var minAge: Int
    public var maxAge: Int
    public var address: String
    public var phone: String
    public var hours: OpeningHours
    /// Expected wait for a new patient, in minutes.
    public var waitMinutes: Int

    public var id: String { hsaId }

    public init(hsaId: String, name: String, type: ProviderType, missions: Set<CareMission> = [], minAge: Int = 0,
                maxAge: Int = 130, address: String = "", phone: String = "", hours: OpeningHours = .always, waitMinutes: Int = 60) {
        self.hsaId = hsaId
        self.name = name
        self.type = type
        self.missions = missions
        self.minAge = minAge
        self.maxAge = maxAge
        self.address = address
        self.phone = phone
        self.hours = hours
        self.waitMinutes = waitMinutes
    }

    /// True when the unit takes a patient of this age.
    public func accepts(age: Int) -> Bool { (minAge...maxAge).contains(age) }
}
