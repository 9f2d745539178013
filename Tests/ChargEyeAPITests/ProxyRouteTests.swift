import ChargEyeAPI
import Foundation
import Testing

@Suite("Which proxy a server is reached through")
struct ProxyRouteTests {
    private let https = URL(string: "https://api.kempower.example/api")!
    private let http = URL(string: "http://10.1.2.3:8080/api")!

    @Test("the scheme picks the variable; lower case wins; all_proxy is the fallback")
    func variables() throws {
        let environment = ["HTTPS_PROXY": "http://upper:3128", "https_proxy": "http://lower:3128", "http_proxy": "plain:8080"]
        #expect(try ProxyRoute.forTarget(https, environment: environment)?.host == "lower")
        let plain = try #require(try ProxyRoute.forTarget(http, environment: environment))
        #expect((plain.kind, plain.host, plain.port) == (.http, "plain", 8080))
        #expect(try ProxyRoute.forTarget(https, environment: ["ALL_PROXY": "socks5://gate"])?.description == "socks5://gate:1080")
        #expect(try ProxyRoute.forTarget(https, environment: ["HTTP_PROXY": "http://only-for-http:1"]) == nil)
        #expect(try ProxyRoute.forTarget(https, environment: ["HTTPS_PROXY": "  "]) == nil)
    }

    @Test("credentials are used but never shown")
    func credentials() throws {
        let route = try #require(try ProxyRoute.forTarget(https, environment: ["HTTPS_PROXY": "http://ops:p%40ss@proxy.corp:3128"]))
        #expect(route.description == "http://proxy.corp:3128 (with credentials)")
        #expect(!"\(route)".contains("p@ss") && !String(reflecting: route).contains("p@ss"))
        #expect(route.password?.value == "p@ss")
        let encoded = try #require(try ProxyRoute.forTarget(https, environment: ["HTTPS_PROXY": "http://ops:x%2541@proxy.corp:3128"]))
        #expect(encoded.password?.value == "x%41", "decoded once")
    }

    @Test("no_proxy: names and their subdomains, leading dots and stars, ports, CIDR ranges, *")
    func noProxy() throws {
        func bypassed(_ list: String, _ target: URL) throws -> Bool {
            try ProxyRoute.forTarget(target, environment: ["https_proxy": "proxy:3128", "http_proxy": "proxy:3128", "no_proxy": list]) == nil
        }
        #expect(try bypassed("kempower.example", https))
        #expect(try bypassed(".kempower.example", https))
        #expect(try bypassed("*.kempower.example", https))
        #expect(try !bypassed("power.example", https))
        #expect(try bypassed("other, api.kempower.example:443", https))
        #expect(try !bypassed("api.kempower.example:8443", https))
        #expect(try bypassed("10.0.0.0/8", http))
        #expect(try !bypassed("192.168.0.0/16", http))
        #expect(try bypassed("10.1.2.3", http))
        #expect(try bypassed("*", https))
        #expect(try !bypassed("0.1", URL(string: "http://10.0.0.1/api")!), "an address is no suffix")
        #expect(try bypassed("[::1]:8443", URL(string: "https://[::1]:8443/api")!))
        #expect(try !bypassed("[::1]:8443", URL(string: "https://[::1]:9443/api")!))
        #expect(try bypassed("::1", URL(string: "https://[::1]:9443/api")!))
    }

    @Test("a proxy URL chargeye cannot use is a configuration error naming the variable")
    func unusable() {
        for (value, words) in [("https://proxy:3128", "https://"), ("socks5://u:p@gate", "user name"), ("http://", "not a proxy URL")] {
            do {
                _ = try ProxyRoute.forTarget(https, environment: ["HTTPS_PROXY": value])
                Issue.record("\(value) was accepted")
            } catch {
                #expect("\(error)".contains("HTTPS_PROXY") && "\(error)".contains(words), "\(error)")
                #expect(!"\(error)".contains("u:p"))
            }
        }
    }
}
