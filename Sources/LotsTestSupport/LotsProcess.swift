import Foundation

/// Runs the real `lots` binary, as end-to-end tests and cross-process store tests need.
public struct LotsRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

public enum LotsProcess {
    /// Runs `lots ARGS` with optional stdin and extra environment; kills it after `timeout` seconds.
    @discardableResult
    public static func run(_ args: [String], stdin: Data? = nil, env: [String: String] = [:], cwd: URL? = nil,
                           timeout: TimeInterval = 60) throws -> LotsRun {
        let p = Process()
        p.executableURL = TestPaths.lotsBinary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LOTS_DB")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        if let cwd { p.currentDirectoryURL = cwd }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = inPipe
        try p.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try? inPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        // Read both pipes on other threads so a chatty child cannot block on a full pipe.
        nonisolated(unsafe) var out = Data(), err = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { out = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        group.wait()
        return LotsRun(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `lots ARGS --user USER --password-stdin` with the password (demo stores: `demo`) as stdin's first
    /// line, then `more` (e.g. a new password).
    @discardableResult
    public static func run(_ args: [String], as user: String, password: String = "demo", more: String = "", env: [String: String] = [:],
                           cwd: URL? = nil, timeout: TimeInterval = 60) throws -> LotsRun {
        try run(args + ["--user", user, "--password-stdin"], stdin: Data((password + "\n" + more).utf8), env: env, cwd: cwd, timeout: timeout)
    }
}
