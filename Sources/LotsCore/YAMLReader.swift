import Yams

/// Typed, line-precise access to a human-edited YAML file.
///
/// Every accessor throws a `LotsError` whose location is `file:line:column`, so a catalog editor is told
/// exactly where a mistake is. Unknown keys are errors too (a typo must not silently drop a red flag).
public struct YAMLReader {
    public let file: String
    let node: Node

    /// Parses `text`; a syntax error names the line and column.
    public static func parse(_ text: String, file: String) throws -> YAMLReader {
        if let (line, column) = firstAlias(in: text) {
            throw LotsError("YAML aliases (*name) are not allowed", at: "\(file):\(line):\(column)",
                            fix: "write the value out instead of referring to an anchor")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw LotsError("the file is empty", at: file, fix: "add the expected top-level mapping")
            }
            return YAMLReader(file: file, node: node)
        } catch let error as YamlError {
            throw LotsError("YAML syntax error: \(SafeText.sanitize(Self.problem(error), keepNewlines: false))", at: "\(file):\(Self.mark(error))",
                            fix: "correct the YAML at that position")
        }
    }

    /// Line and column of the first thing that may be an alias: `*` then a name character, at the start of a
    /// line, after white space or after `[`, `{` or `,`. Composing aliases copies the anchored node, and a few
    /// hundred bytes of nested aliases (used as mapping keys, which are hashed) take minutes, so the text is
    /// refused before Yams sees it. Deliberately blind to quotes and comments: it may refuse a quoted `*word`,
    /// never miss an alias.
    static func firstAlias(in text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 0
        var previous: Unicode.Scalar = "\n"
        var pendingStar: (line: Int, column: Int)? = nil
        for s in text.unicodeScalars {
            column += 1
            if let star = pendingStar {
                if !(s == " " || s == "\t" || s == "\n" || s == "\r" || s == "," || s == "[" || s == "]" || s == "{" || s == "}") {
                    return star
                }
                pendingStar = nil
            }
            if s == "*", previous == "\n" || previous == " " || previous == "\t" || previous == "\r" || previous == "[" || previous == "{" || previous == "," {
                pendingStar = (line, column)
            }
            if s == "\n" { line += 1; column = 0 }
            previous = s
        }
        return nil
    }

    static func problem(_ e: YamlError) -> String {
        switch e {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): problem
        case let .duplicatedKeysInMapping(duplicates, _): "duplicate keys \(duplicates.joined(separator: ", "))"
        default: "\(e)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }

    static func mark(_ e: YamlError) -> String {
        switch e {
        case let .scanner(_, _, m, _), let .parser(_, _, m, _), let .composer(_, _, m, _): "\(m.line):\(m.column)"
        default: "1"
        }
    }

    /// Untrusted text from the file for an error message: one sanitized line, at most 60 characters.
    static func shown(_ text: String) -> String { SafeText.sanitize(String(text.prefix(60)), keepNewlines: false) }

    /// `file:line:column` of this node.
    public var location: String { node.mark.map { "\(file):\($0.line):\($0.column)" } ?? file }
    public var line: Int { node.mark?.line ?? 0 }

    func fail(_ what: String, fix: String) -> LotsError { LotsError(what, at: location, fix: fix) }

    /// The value as a mapping of key → reader, checking that only `allowed` keys occur.
    public func mapping(allowed: Set<String>? = nil) throws -> [String: YAMLReader] {
        guard case let .mapping(m) = node else { throw fail("expected a mapping (key: value)", fix: "write this entry as key: value lines") }
        var out: [String: YAMLReader] = [:]
        for (k, v) in m {
            let key = k.string ?? ""
            if let allowed, !allowed.contains(key) {
                throw YAMLReader(file: file, node: k).fail("unknown key \"\(Self.shown(key))\"", fix: "use one of: \(allowed.sorted().joined(separator: ", "))")
            }
            out[key] = YAMLReader(file: file, node: v)
        }
        return out
    }

    /// The value as a list; a single scalar counts as a list of one.
    public func list() throws -> [YAMLReader] {
        switch node {
        case let .sequence(s): return s.map { YAMLReader(file: file, node: $0) }
        case .scalar: return [self]
        default: throw fail("expected a list", fix: "write a list as [a, b] or as lines starting with -")
        }
    }

    public func string() throws -> String {
        guard case let .scalar(s) = node else { throw fail("expected text", fix: "write a plain or quoted string here") }
        return s.string
    }

    public func strings() throws -> [String] { try list().map { try $0.string() } }

    public func int() throws -> Int {
        guard let v = Int(try string()) else { throw fail("expected a whole number, found \"\(Self.shown(try string()))\"", fix: "write a number such as 12") }
        return v
    }

    public func double() throws -> Double {
        let s = try string().replacingOccurrences(of: ",", with: ".")
        guard let v = Double(s) else { throw fail("expected a number, found \"\(Self.shown(s))\"", fix: "write a number such as 38.5") }
        return v
    }

    /// A value of a string enum, with the allowed values in the error.
    public func value<E: RawRepresentable & CaseIterable>(_ type: E.Type, what: String) throws -> E where E.RawValue == String {
        let s = try string()
        guard let v = E(rawValue: s) else {
            throw fail("unknown \(what) \"\(Self.shown(s))\"", fix: "use one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
}

extension Dictionary where Key == String, Value == YAMLReader {
    /// A required key; the error names the mapping's position.
    public func required(_ key: String, in parent: YAMLReader) throws -> YAMLReader {
        guard let v = self[key] else { throw parent.fail("missing key \"\(key)\"", fix: "add \(key): to this entry") }
        return v
    }
}

extension YAMLReader {
    /// `true`/`false` (also `yes`/`no`).
    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail("expected true or false, found \"\(try string())\"", fix: "write true or false")
        }
    }
}
