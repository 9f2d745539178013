import Foundation

/// The bodies `HostileServer` answers with, built once per process.
enum HostilePayloads {
    /// Location names meant to attack the terminal or the layout, one per location.
    static let hostileNames: [[UInt8]] = [
        Array("OSC 52 \\u001b]52;c;cm0gLXJmIH4=\\u0007 clipboard write".utf8),
        Array("Title \\u001b]0;owned\\u0007 change \\u001b]2;owned\\u001b\\\\".utf8),
        Array("Clear \\u001b[2J\\u001b[H\\u001b[3J screen".utf8),
        Array("CSI \\u001b[31;1mred\\u001b[0m \\u001b[?1049l colour".utf8),
        Array("C0 \\u0001\\u0008\\u007f and C1 \\u0085\\u009b31m\\u009d0;x\\u009c controls".utf8),
        Array("NUL \\u0000 in the middle".utf8),
        Array("Bidi \\u202eevil\\u202c and \\u2067isolate\\u2069 overrides".utf8),
        Array("Invalid UTF-8 ".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80] + Array(" bytes".utf8),
        Array(repeating: UInt8(ascii: "W"), count: 10_000),
        Array("東京駅 充電ステーション ⚡🔌🚗 👩‍🔧 e\u{301}".utf8),
    ]

    /// `{"locations": [...]}` with the hostile names, raw bytes and all.
    static let hostileLocations: [UInt8] = {
        var body = Array(#"{"locations":["#.utf8)
        for (index, name) in hostileNames.enumerated() {
            if index > 0 { body += Array(",".utf8) }
            body += Array(#"{"id":"hostile-\#(index + 1)","locationId":"H-\#(index + 1)","city":"Hostile \#(index + 1)","name":""#.utf8)
            body += name
            body += Array(#"","address":"\u001b[6n row query","country":"\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007"}"#.utf8)
        }
        return body + Array("]}".utf8)
    }()

    /// A 404 whose message is itself hostile.
    static let hostileNotFound = #"{"errorMessage":"\u001b]0;owned\u0007Not found \u001b[2J\u001b[31mhere\u001b[0m\u0000"}"#

    static let truncated = #"{"locations":[{"id":"t1","name":"Cut off here","city":"Tru"#

    static let wrongTypes = #"{"locations":[{"id":12345,"name":["not","a","string"],"lat":"sixty north","lng":{"deg":24}}]}"#

    static let duplicateKeys =
        #"{"locations":[{"id":"d1","id":"d2","name":"First name","name":"Second name","lat":60.1,"lat":"x"}],"locations":[]}"#

    static let deepNesting = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)

    static let hugeNumbers =
        #"{"locations":[{"id":"n1","name":"Big","lat":1e308,"lng":-1e308},{"id":"n2","name":"Bigger","lat":1e999,"lng":NaN},{"id":"n3","name":"Inf","lat":Infinity,"lng":-Infinity}]}"#

    static let html = """
        <!DOCTYPE html><html><head><title>Sign in to the guest Wi-Fi</title></head>
        <body><h1>Welcome</h1><p>Please accept the terms to continue.</p>\u{1B}]0;owned\u{07}</body></html>
        """

    /// About 50 MB of valid locations.
    static let hugeBody: [UInt8] = {
        let item = Array(#"{"id":"bulk-0000000","name":"Bulk location padded to a hundred bytes or so","city":"Anywhere"},"#.utf8)
        let count = 50 * 1024 * 1024 / item.count
        var body = Array(#"{"locations":["#.utf8)
        body.reserveCapacity(count * item.count + 64)
        for _ in 0..<count { body += item }
        body.removeLast()
        return body + Array("]}".utf8)
    }()

    /// gzip of 1 GiB of zeros.
    static let gzipBomb = GzipBomb.make(inflatedBytes: 1 << 30)
}
