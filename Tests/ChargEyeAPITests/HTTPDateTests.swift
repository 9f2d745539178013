@testable import ChargEyeAPI
import Foundation
import Testing

@Suite("HTTP dates")
struct HTTPDateTests {
    @Test("formats an IMF-fixdate in GMT that parses back to the same second")
    func formatsAndParses() throws {
        let date = Date(timeIntervalSince1970: 1_796_280_645)  // Thu, 03 Dec 2026 06:50:45 GMT
        #expect(HTTPDate.format(date) == "Thu, 03 Dec 2026 06:50:45 GMT")
        #expect(HTTPDate.parse(HTTPDate.format(date)) == date)
        let morning = Date(timeIntervalSince1970: 1_796_198_405)  // Wed, 02 Dec 2026 08:00:05 GMT
        #expect(HTTPDate.format(morning) == "Wed, 02 Dec 2026 08:00:05 GMT")
    }
}
