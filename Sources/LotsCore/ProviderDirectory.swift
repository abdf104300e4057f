/// The region's care units, read from `providers.yaml`.
///
/// ```yaml
/// region: Region Demo
/// providers:
///   - hsaId: SE2321000016-DEMO1
///     name: Vårdcentralen Demo Centrum
///     type: vardcentral
///     hours: { mon-fri: "08:00-17:00" }
///     waitMinutes: 90
/// ```
public struct ProviderDirectory: Sendable {
    public var region: String
    public var providers: [Provider]

    public init(region: String = "Region Demo", providers: [Provider]) {
        self.region = region
        self.providers = providers
    }

    /// The provider with this HSA-id.
    public func provider(_ hsaId: String) -> Provider? { providers.first { $0.hsaId == hsaId } }

    /// Providers of a type that take a patient of `age`.
    public func providers(of type: ProviderType, age: Int) -> [Provider] {
        providers.filter { $0.type == type && $0.accepts(age: age) }
    }

    static let keys: Set<String> = ["hsaId", "name", "type", "missions", "ages", "address", "phone", "hours", "exceptions", "waitMinutes"]

    /// Parses the directory; errors name file, line and column. Duplicate HSA-ids are errors.
    public static func parse(_ text: String, file: String = "providers.yaml") throws -> ProviderDirectory {
        let root = try YAMLReader.parse(text, file: file)
        let top = try root.mapping(allowed: ["region", "providers"])
        var seen: [String: Int] = [:]
        var providers: [Provider] = []
        for entry in try top.required("providers", in: root).list() {
            let m = try entry.mapping(allowed: keys)
            let hsaNode = try m.required("hsaId", in: entry)
            let hsa = try hsaNode.string()
            if let first = seen[hsa] {
                throw LotsError("duplicate HSA-id \"\(hsa)\" (first at line \(first))", at: hsaNode.location, fix: "give every unit its own hsaId")
            }
            seen[hsa] = hsaNode.line
            var p = Provider(hsaId: hsa, name: try m.required("name", in: entry).string(),
                             type: try m.required("type", in: entry).value(ProviderType.self, what: "provider type"))
            p.missions = Set(try (m["missions"]?.list() ?? []).map { try $0.value(CareMission.self, what: "care mission") })
            if let ages = m["ages"] {
                let a = try ages.list()
                guard a.count == 2 else { throw ages.fail("ages needs two numbers", fix: "write ages: [min, max]") }
                p.minAge = try a[0].int()
                p.maxAge = try a[1].int()
            }
            p.address = try m["address"]?.string() ?? ""
            p.phone = try m["phone"]?.string() ?? ""
            p.waitMinutes = try m["waitMinutes"]?.int() ?? 60
            if let h = m["hours"] {
                var weekly: [String: String] = [:]
                for (k, v) in try h.mapping() { weekly[k] = try v.string() }
                var ex: [String: String] = [:]
                for (k, v) in try m["exceptions"]?.mapping() ?? [:] { ex[k] = try v.string() }
                do { p.hours = try OpeningHours(weekly: weekly, exceptions: ex) } catch var e as LotsError {
                    e.location = h.location
                    throw e
                }
            }
            providers.append(p)
        }
        return ProviderDirectory(region: try top["region"]?.string() ?? "Region Demo", providers: providers)
    }
}
