import AsyncHTTPClient
public import Foundation

/// The proxy that requests to one server go through, as the usual environment variables name
/// it: `https_proxy`/`HTTPS_PROXY` for an https server, `http_proxy`/`HTTP_PROXY` for a plain
/// one, `all_proxy`/`ALL_PROXY` for either, unless `no_proxy`/`NO_PROXY` lists the server (the
/// lower-case name is read first). An HTTP proxy is asked to open a tunnel (CONNECT), so TLS
/// runs end to end; a `socks5://` proxy is supported too. Credentials in the proxy URL
/// (`http://user:password@proxy:3128`) are sent to the proxy only and never shown: `description`
/// leaves them out.
public struct ProxyRoute: Sendable, Equatable, CustomStringConvertible {
    /// How the proxy is spoken to.
    public enum Kind: String, Sendable, Equatable {
        case http
        case socks5
    }

    /// The proxy's kind.
    public var kind: Kind
    /// The proxy's host.
    public var host: String
    /// The proxy's port.
    public var port: Int
    /// The user name from the proxy URL, percent-decoded.
    var username: String?
    /// The password from the proxy URL, percent-decoded (for the log redactor; it never shows).
    public private(set) var password: Secret?

    /// `http://proxy.example:3128`, without credentials; "with credentials" says they exist.
    public var description: String {
        "\(kind.rawValue)://\(host.contains(":") ? "[\(host)]" : host):\(port)" + (username == nil ? "" : " (with credentials)")
    }

    /// The proxy for requests to `target`, or nil for a direct connection.
    public static func forTarget(_ target: URL, environment: [String: String]) throws -> ProxyRoute? {
        func value(_ name: String) -> (name: String, value: String)? {
            for candidate in [name.lowercased(), name.uppercased()] {
                if let value = environment[candidate]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                    return (candidate, value)
                }
            }
            return nil
        }
        let scheme = target.scheme?.lowercased() == "https" ? "https" : "http"
        guard let host = target.host, let (name, text) = value("\(scheme)_proxy") ?? value("all_proxy") else { return nil }
        let port = target.port ?? (scheme == "https" ? 443 : 80)
        if let list = value("no_proxy"), NoProxyList(list.value).bypasses(host: host, port: port) { return nil }
        return try parse(text, variable: name)
    }

    /// Reads a proxy URL; without a scheme it is an HTTP proxy, and without a port it is on
    /// port 1080 (curl's default).
    static func parse(_ text: String, variable: String) throws -> ProxyRoute {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw ChargEyeError.invalidConfiguration("\(variable) is not a proxy URL such as http://proxy.example:3128")
        }
        let kind: Kind
        switch components.scheme?.lowercased() {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks5
        case let other:
            throw ChargEyeError.invalidConfiguration(
                "\(variable) names a \(other ?? "")://... proxy; chargeye speaks to http:// proxies (CONNECT) and socks5:// ones"
            )
        }
        if kind == .socks5, components.user != nil {
            throw ChargEyeError.invalidConfiguration("\(variable): a SOCKS proxy with a user name and password is not supported")
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return ProxyRoute(
            kind: kind, host: bareHost, port: components.port ?? 1080,
            // Decoded once: `user` and `password` would decode what a first decoding made.
            username: components.percentEncodedUser.map { $0.removingPercentEncoding ?? $0 },
            password: components.percentEncodedPassword.map { Secret($0.removingPercentEncoding ?? $0) }
        )
    }

    /// The same proxy as async-http-client takes it.
    var libraryProxy: HTTPClient.Configuration.Proxy {
        switch kind {
        case .socks5:
            return .socksServer(host: host, port: port)
        case .http:
            let authorization = username.map { HTTPClient.Authorization.basic(username: $0, password: password?.value ?? "") }
            return .server(host: host, port: port, authorization: authorization)
        }
    }
}

/// A `no_proxy` list: comma-separated host names (a name also covers its subdomains; a leading
/// `.` or `*.` is the same), IP addresses, IPv4 ranges in CIDR form (`10.0.0.0/8`), any of them
/// with `:port` to cover one port only, or `*` for every host.
struct NoProxyList {
    private let entries: [String]

    init(_ text: String) {
        entries = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { String($0).lowercased() }
    }

    func bypasses(host rawHost: String, port: Int) -> Bool {
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return entries.contains { entry in
            if entry == "*" { return true }
            guard let (name, entryPort) = Self.split(entry), !name.isEmpty else { return false }
            if let entryPort, entryPort != port { return false }
            if name.contains("/") { return Self.ipv4(host, isIn: Substring(name)) }
            // An address matches itself only; a name also covers its subdomains.
            let isAddress = { (text: String) in text.contains(":") || Self.ipv4Value(Substring(text)) != nil }
            if isAddress(name) || isAddress(host) { return host == name }
            return host == name || host.hasSuffix("." + name)
        }
    }

    /// An entry's host (without `*.`, `.` or brackets) and port: `[::1]:8443`, `host:443`,
    /// `::1` (an IPv6 address has no port unless bracketed).
    private static func split(_ entry: String) -> (String, Int?)? {
        var text = Substring(entry)
        var port: Int?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":") { port = Int(rest.dropFirst()) }
            text = text[text.index(after: text.startIndex)..<close]
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            port = Int(text[text.index(after: colon)...])
            text = text[..<colon]
        }
        return (String(text.drop { $0 == "*" }.drop { $0 == "." }), port)
    }

    /// Whether `host`, an IPv4 address, is in the range `cidr` ("10.0.0.0/8").
    private static func ipv4(_ host: String, isIn cidr: Substring) -> Bool {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits),
            let network = ipv4Value(parts[0]), let address = ipv4Value(Substring(host))
        else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return network & mask == address & mask
    }

    private static func ipv4Value(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4, text.split(separator: ".", omittingEmptySubsequences: false).count == 4 else { return nil }
        return octets.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
