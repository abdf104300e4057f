import Foundation
import LotsCore
import LotsServer
import LotsStore
import LotsTestSupport
import Testing

/// Bad input over HTTP gets the CLI's own error texts, as problem details with a 4xx, and writes nothing.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct BadInputOverHTTPTests {
    /// The invalid intakes of Fixtures/intake whose error does not depend on reading a file from disk.
    static let cases: [String] = {
        let dir = TestPaths.fixtures.appendingPathComponent("intake")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasPrefix("invalid-") && $0.hasSuffix(".json") && !$0.contains("attachment") }.sorted()
    }()

    @Test func everyInvalidIntakeGetsTheCLIsErrorAsProblemDetails() async throws {
        #expect(Self.cases.count >= 15)
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let before = try f.store.rowCounts()
        for name in Self.cases {
            let file = TestPaths.fixtures.appendingPathComponent("intake/\(name)")
            var body = try Data(contentsOf: file)
            // Photos named by path travel inline over HTTP, as a client would send them.
            if var o = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let list = o["attachments"] as? [[String: Any]] {
                o["attachments"] = try list.map { a -> [String: Any] in
                    guard let path = a["path"] as? String else { return a }
                    return ["fileName": path, "data": try Data(contentsOf: file.deletingLastPathComponent().appendingPathComponent(path)).base64EncodedString()]
                }
                body = try JSONSerialization.data(withJSONObject: o)
            }
            let expected = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("err"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "Fixtures/intake/\(name)", with: "request body")
                .replacingOccurrences(of: "lots: ", with: "")
            // A token for the file's own personnummer where it has a valid one, so only the intake's fault shows.
            let pnr = ((try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["citizen"] as? [String: Any])?["personnummer"] as? String
            let token = f.token(pnr: pnr.flatMap { try? Personnummer($0).canonical } ?? ServerFixture.pnr)
            let r = try await f.request("POST", "/v1/intakes", body: body, contentType: "application/json", bearer: token)
            #expect((400..<500).contains(r.status), "\(name): \(r.status)")
            #expect(r.headers["content-type"] == "application/problem+json", "\(name)")
            #expect(r.json["detail"] as? String == expected, "\(name)")
            #expect(r.json["status"] as? Int == r.status)
        }
        #expect(try f.store.rowCounts() == before)
    }

    @Test func inlinePhotoErrorsNameTheAttachment() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let token = f.token(pnr: ServerFixture.pnr)
        var body = ServerFixture.intake(pnr: ServerFixture.pnr)
        body["attachments"] = [["fileName": "x.jpg", "data": Data("not an image".utf8).base64EncodedString()]]
        let notImage = try await f.request("POST", "/v1/intakes", json: body, bearer: token)
        #expect(notImage.status == 422)
        #expect((notImage.json["detail"] as? String)?.hasPrefix("x.jpg: ") == true)
        #expect((notImage.json["where"] as? String) == "attachments[0].path in request body")
        body["attachments"] = [["fileName": "x.jpg", "data": "%%%"]]
        let notBase64 = try await f.request("POST", "/v1/intakes", json: body, bearer: token)
        #expect(notBase64.json["detail"] as? String == "attachments[0].data is not base64 (attachments[0].data in request body): encode the photo's bytes as base64")
        body["attachments"] = [["fileName": "x.jpg", "data": "", "exif": true]]
        #expect(try await f.request("POST", "/v1/intakes", json: body, bearer: token).status == 422)
        #expect(try f.store.rowCounts()["careCase"] == 0)
    }

    @Test func multipartIntakeWithAPhotoPart() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        var intake = ServerFixture.intake(pnr: ServerFixture.pnr)
        intake["channel"] = "web"
        intake["attachments"] = [["path": "throat.jpg"]]
        let photo = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("intake/throat.jpg"))
        let boundary = "lotsboundary42"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"intake\"\r\n\r\n".utf8)
        body += try JSONSerialization.data(withJSONObject: intake)
        body += Data("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"throat.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
        body += photo
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        let r = try await f.request("POST", "/v1/intakes", body: body, contentType: "multipart/form-data; boundary=\(boundary)",
                                    bearer: f.token(pnr: ServerFixture.pnr))
        #expect(r.status == 201, "\(r.text)")
        let id = Int64(r.json["caseId"] as! Int)
        let detail = try #require(try f.store.caseDetail(id))
        #expect(detail.channel == .web)
        #expect(detail.attachments.first?.byteCount == photo.count)
    }

    @Test func demoLoginIsRefusedOnARealStore() async throws {
        let dir = TestPaths.temporaryDirectory("lots-server-real")
        let store = try LotsStore.open(path: dir.appendingPathComponent("lots.sqlite").path)
        try store.mark(kind: "real", by: .system("test"))
        var options = ServerOptions()
        options.demo = true
        await #expect(throws: LotsError.self) {
            _ = try await ServerEnvironment(store: store, engine: ServerFixture.engine, directory: ServerFixture.directory, options: options)
        }
    }
}
