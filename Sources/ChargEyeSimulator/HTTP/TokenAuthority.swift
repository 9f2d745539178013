import ChargEyeAPI
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
        let header = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let claims = #"{"iss":"chargeye-simulator","sub":"demo-tenant","iat":\#(Int(issued)),"exp":\#(expiry),"jti":"\#(UUID().uuidString)"}"#
        let payload = Base64URL.encode(Data(claims.utf8))
        let signature = Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data("\(header).\(payload)".utf8), using: key)))
        return ("\(header).\(payload).\(signature)", Date(timeIntervalSince1970: expiry))
    }

    /// Checks a JWT presented on a resource call.
    func verify(_ token: String?, now: Date) throws(Rejection) {
        guard let token, !token.isEmpty else { throw .missing }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed }
        let expected = Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data("\(parts[0]).\(parts[1])".utf8), using: key)))
        guard expected == parts[2] else { throw .badSignature }
        guard let payload = Base64URL.decode(parts[1]),
            let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any],
            let expiry = claims["exp"] as? Double
        else { throw .malformed }
        guard now.timeIntervalSince1970 < expiry else { throw .expired }
    }
}
