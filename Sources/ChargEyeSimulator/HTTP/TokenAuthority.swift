import Crypto
import Foundation

/// Issues and checks the simulator's JWTs: HS256-signed, with `iat`/`exp`, valid for `ttl`.
struct TokenAuthority: Sendable {
    let refreshToken: String
    let ttl: TimeInterval
    private let keyBytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    init(refreshToken: String, ttl: TimeInterval) {
        self.refreshToken = refreshToken
        self.ttl = ttl
    }

    /// Why a bearer token was refused.
    enum Rejection: Error {
        case missing, malformed, badSignature, expired
        var message: String {
            switch self {
            case .missing: "Authorization header with a Bearer token is required"
            case .malformed: "Invalid access token"
            case .badSignature: "Invalid access token signature"
            case .expired: "Access token expired"
            }
        }
    }

    /// A new JWT and its expiry (whole milliseconds, as ChargEye sends).
    func issue(now: Date) -> (token: String, validUntil: Date) {
        let issued = (now.timeIntervalSince1970 * 1000).rounded(.down) / 1000
        let expiry = issued + ttl
        let header = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let claims = #"{"iss":"chargeye-simulator","sub":"demo-tenant","iat":\#(Int(issued)),"exp":\#(expiry),"jti":"\#(UUID().uuidString)"}"#
        let payload = Self.base64URL(Data(claims.utf8))
        let signature = Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data("\(header).\(payload)".utf8), using: key)))
        return ("\(header).\(payload).\(signature)", Date(timeIntervalSince1970: expiry))
    }

    /// Checks a JWT presented on a resource call.
    func verify(_ token: String?, now: Date) throws(Rejection) {
        guard let token, !token.isEmpty else { throw .missing }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed }
        let expected = Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data("\(parts[0]).\(parts[1])".utf8), using: key)))
        guard expected == parts[2] else { throw .badSignature }
        guard let payload = Self.decodeBase64URL(String(parts[1])),
            let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any],
            let expiry = claims["exp"] as? Double
        else { throw .malformed }
        guard now.timeIntervalSince1970 < expiry else { throw .expired }
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decodeBase64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
