import Foundation

/// Where the store lives: `--db PATH`, else `$LOTS_DB`, else `$XDG_DATA_HOME/lots/lots.sqlite`
/// (default `~/.local/share/lots/lots.sqlite`). DESIGN §4.
public enum StoreLocation {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["LOTS_DB"], !env.isEmpty { return env }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/lots/lots.sqlite"
    }
}
