/// Fills a phrase template's `{variables}` for one case. Unknown or unavailable variables are reported,
/// so the console shows an error in the preview and never sends a message with a hole in it.
public enum TemplateRenderer {
    /// The filled text, and the variables that could not be filled.
    public static func render(_ body: String, values: [String: String]) -> (text: String, unknown: [String]) {
        var out = ""
        var unknown: [String] = []
        var name: String?
        for ch in body {
            if ch == "{", name == nil { name = ""; continue }
            if ch == "}", let n = name {
                if let v = values[n], !v.isEmpty { out += v } else { unknown.append(n); out += "{\(n)}" }
                name = nil
                continue
            }
            if name != nil { name!.append(ch) } else { out.append(ch) }
        }
        if let n = name { out += "{" + n }
        return (out, unknown)
    }
}
