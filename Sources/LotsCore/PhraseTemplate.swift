/// A phrase template (frasmall): a reusable answer with variables such as `{citizen.firstName}`.
public struct PhraseTemplate: Sendable, Equatable, Identifiable {
    public var code: String
    public var category: String
    public var titleSv: String
    public var titleEn: String
    public var bodySv: String
    public var bodyEn: String
    /// A clinician's own template (editable in the console), not a shared one.
    public var isPersonal: Bool
    public var id: String { code }

    public init(code: String, category: String, titleSv: String, titleEn: String, bodySv: String, bodyEn: String, isPersonal: Bool = false) {
        self.isPersonal = isPersonal
        self.code = code
        self.category = category
        self.titleSv = titleSv
        self.titleEn = titleEn
        self.bodySv = bodySv
        self.bodyEn = bodyEn
    }
}
