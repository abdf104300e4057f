import Foundation
import GRDB

/// Tells consoles that a commit touched their unit's cases, without polling (issue 14: 500 consoles on one host).
///
/// Every console binds one Unix datagram socket in the store's notify folder, named for what it watches
/// (`u-<unit>-<pid>-<fd>.sock`, or `all-<pid>-<fd>.sock` for phone nurses, whose cases span units). Every process that commits
/// a change to cases (consoles, `intake`, `citizen`, `serve`, …) sends one byte to the sockets of the units it touched
/// – found by listing the folder – after the commit. An idle console sleeps in `poll()` on its terminal and that
/// socket. A datagram is only a hint: the console still asks `PRAGMA data_version` whether anything was committed,
/// and every minute checks the same without a hint, so a lost datagram delays a frame by at most a minute.
/// Presence heartbeats, drafts and the access log touch no case and poke no one.
public enum CommitNotifier {
    /// The notify folder: `.lots-notify` beside the store, or (when that path would be too long for a socket
    /// address, 108 bytes) a folder under /tmp named for the store's path.
    public static func directory(forStore path: String) -> String {
        let beside = (path as NSString).deletingLastPathComponent + "/.lots-notify"
        if beside.utf8.count + 48 < 108 { return beside }
        var h: UInt64 = 1469598103934665603
        for b in path.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return "/tmp/lots-notify-\(getuid())-\(String(h, radix: 16))"
    }

    /// A socket name's prefix for a topic (a unit's HSA-id, or nil for every unit).
    static func prefix(_ unit: String?) -> String {
        guard let unit else { return "all-" }
        return "u-" + String(unit.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : "_" }) + "-"
    }

    /// Sends one byte to every console watching one of `units` (nil: every console) and to every `all-` console.
    /// Never blocks; a socket whose console is gone (refused) is removed.
    public static func poke(store path: String, units: Set<String>?) {
        let dir = directory(forStore: path)
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        let prefixes = units.map { Set($0.map { prefix($0) }).union([prefix(nil)]) }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var one: UInt8 = 1
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name.hasSuffix(".sock"), prefixes.map({ p in p.contains { name.hasPrefix($0) } }) ?? true else { continue }
            let full = dir + "/" + name
            var addr = sockaddr_un()
            guard address(&addr, full) else { continue }
            let sent = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, &one, 1, Int32(MSG_DONTWAIT), $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if sent < 0 && (errno == ECONNREFUSED || errno == ENOENT) { unlink(full) }  // EAGAIN: it has a wake-up waiting already
        }
    }

    static func address(_ addr: inout sockaddr_un, _ path: String) -> Bool {
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { return false }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            raw.copyBytes(from: bytes)
        }
        return true
    }
}

/// A console's end of the notifier: a datagram socket to `poll()` on. Closed and removed on deinit.
public final class CommitListener {
    public let fd: Int32
    let path: String

    /// Watches `unit` (nil: every unit) of the store at `store`; nil when no socket can be made (the console then
    /// falls back to checking `data_version` at its timed wake-ups).
    public init?(store: String, unit: String?) {
        let dir = CommitNotifier.directory(forStore: store)
        mkdir(dir, 0o700)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        // The pid and the descriptor: unique on the host while this socket is open.
        path = dir + "/" + CommitNotifier.prefix(unit) + "\(getpid())-\(fd).sock"
        unlink(path)
        var addr = sockaddr_un()
        let bound = CommitNotifier.address(&addr, path) && withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        guard bound else { close(fd); return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// Reads every waiting datagram; the number read.
    @discardableResult
    public func drain() -> Int {
        var buf = [UInt8](repeating: 0, count: 64)
        var n = 0
        while recv(fd, &buf, buf.count, Int32(MSG_DONTWAIT)) >= 0 { n += 1 }
        return n
    }

    deinit {
        close(fd)
        unlink(path)
    }
}

/// Installed on every store connection: collects the cases (and forwards) a transaction changed and, after it
/// commits, pokes the consoles of their units (both ends of a forward).
final class CommitPoker: TransactionObserver {
    let store: String
    var cases = Set<Int64>()
    var forwards = Set<Int64>()
    var notifying = false

    init(store: String) { self.store = store }

    func observes(eventsOfKind kind: DatabaseEventKind) -> Bool {
        switch kind {
        case let .insert(table), let .delete(table): table == "careCase" || table == "forward"
        case let .update(table, _): table == "careCase"
        }
    }

    func databaseDidChange(with event: DatabaseEvent) {
        if event.tableName == "careCase" { cases.insert(event.rowID) } else if event.kind == .insert { forwards.insert(event.rowID) }
    }

    func databaseDidCommit(_ db: Database) {
        guard !notifying, !cases.isEmpty || !forwards.isEmpty else { return }
        notifying = true
        defer { notifying = false }
        let (c, f) = (cases, forwards)
        cases = []; forwards = []
        var units = Set<String>()
        var all = false
        do {
            let found = try Row.fetchAll(db, sql: "SELECT id, unitHsaId FROM careCase WHERE id IN (\(c.map(String.init).joined(separator: ",")))")
            units.formUnion(found.map { $0["unitHsaId"] as String })
            all = found.count < c.count  // a case deleted (purge): every console looks
            if !f.isEmpty {
                units.formUnion(try String.fetchAll(db, sql: "SELECT fromUnitHsaId FROM forward WHERE id IN (\(f.map(String.init).joined(separator: ",")))"))
            }
        } catch {
            all = true
        }
        CommitNotifier.poke(store: store, units: all ? nil : units)
    }

    func databaseDidRollback(_ db: Database) {
        cases = []; forwards = []
    }
}
