/// Reads phrase templates from YAML and checks their variables. Used for `Fixtures/templates.yaml`.
///
/// ```yaml
/// templates:
///   - code: GREETING
///     category: greeting
///     sv: { title: Hälsning, body: "Hej {citizen.firstName}! Jag heter {staff.name}." }
///     en: { title: Greeting, body: "Hello {citizen.firstName}! My name is {staff.name}." }
/// ```
public enum TemplateCatalog {
    /// Every variable a template may use.
    public static let variables: Set<String> = [
        "citizen.firstName", "citizen.name", "staff.name", "staff.title", "unit.name", "unit.phone", "case.id",
        "case.urgencyLabel", "selfCare.advice", "referral.unitName", "referral.type", "referral.phone", "referral.address",
    ]
    public static let categories: Set<String> = ["greeting", "question", "self-care", "booking", "forwarding", "closing", "emergency"]

    /// The `{…}` variables used in a text, in order of appearance.
    public static func variablesUsed(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}" { if let c = current { out.append(c) }; current = nil } else if current != nil { current!.append(ch) }
        }
        return out
    }

    public static func parse(_ text: String, file: String = "templates.yaml") throws -> [PhraseTemplate] {
        let root = try YAMLReader.parse(text, file: file)
        var out: [PhraseTemplate] = []
        var seen: [String: String] = [:]
        for node in try root.mapping(allowed: ["templates"]).required("templates", in: root).list() {
            let m = try node.mapping(allowed: ["code", "category", "sv", "en"])
            let codeNode = try m.required("code", in: node)
            let code = try codeNode.string()
            if let first = seen[code] {
                throw LotsError("duplicate template code \"\(code)\" (first at \(first))", at: codeNode.location, fix: "give every template its own code")
            }
            seen[code] = codeNode.location
            let catNode = try m.required("category", in: node)
            let category = try catNode.string()
            guard categories.contains(category) else {
                throw catNode.fail("unknown category \"\(category)\"", fix: "use one of: \(categories.sorted().joined(separator: ", "))")
            }
            var texts: [String: (String, String)] = [:]
            for lang in ["sv", "en"] {
                let langNode = try m.required(lang, in: node)
                let lm = try langNode.mapping(allowed: ["title", "body"])
                let bodyNode = try lm.required("body", in: langNode)
                let body = try bodyNode.string()
                if let bad = variablesUsed(in: body).first(where: { !variables.contains($0) }) {
                    throw bodyNode.fail("unknown variable {\(bad)} in template \(code)", fix: "use one of: \(variables.sorted().map { "{\($0)}" }.joined(separator: ", "))")
                }
                texts[lang] = (try lm.required("title", in: langNode).string(), body)
            }
            out.append(PhraseTemplate(code: code, category: category, titleSv: texts["sv"]!.0, titleEn: texts["en"]!.0,
                                      bodySv: texts["sv"]!.1, bodyEn: texts["en"]!.1))
        }
        return out
    }
}
