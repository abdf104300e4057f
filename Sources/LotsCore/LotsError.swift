/// An error a user can act on: what went wrong, where, and how to fix it, plus a sysexits code.
///
/// Printed as one line: `lots: <what> (<where>): <how to fix>`. DESIGN §4.
public struct LotsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// sysexits(3) codes used by the command line.
    public enum Code: Int32, Sendable {
        case usage = 64
        case dataError = 65
        case noInput = 66
        case ioError = 74
        case denied = 77
        case other = 1
    }

    public var what: String
    public var location: String
    public var fix: String
    public var code: Code
    /// The string-catalog key (and its arguments) a user interface shows instead of the English text.
    public var key: String?
    public var args: [String] = []

    public init(_ what: String, at location: String, fix: String, code: Code = .dataError) {
        self.what = what
        self.location = location
        self.fix = fix
        self.code = code
    }

    /// The same error with a string-catalog key for user interfaces in any language.
    public func keyed(_ key: String, _ args: String...) -> LotsError {
        var e = self
        e.key = key
        e.args = args
        return e
    }

    /// The one-line form written to stderr. Sanitized as a whole, so no part that echoes input (a path, a
    /// field name, a value) can put a control or escape sequence on the terminal or split the line.
    public var line: String { SafeText.sanitize("lots: \(what) (\(location)): \(fix)", keepNewlines: false) }
    public var description: String { line }
}
