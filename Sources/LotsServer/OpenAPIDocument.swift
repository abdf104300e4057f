import Foundation

/// The API's contract (Sources/LotsServer/openapi.yaml), served at /openapi.yaml.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let d = try? Data(contentsOf: url) else {
            return Data("openapi: 3.1.0\n".utf8)
        }
        return d
    }()
}
