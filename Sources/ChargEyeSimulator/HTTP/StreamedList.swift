import ChargEyeAPI
import Foundation
import Hummingbird
import NIOCore

/// A `{"<key>": [...]}` answer written chunk by chunk as each is encoded (the streamed
/// `/locations` and `/stations`), compact, as the generated server encodes.
enum StreamedList {
    /// The answer: `chunks` chunks, the items of chunk `i` made by `items(i)` when it is
    /// written, as the JSON array `encode` makes of them.
    static func response<Item: Sendable>(
        key: String, chunks: Int, items: @escaping @Sendable (Int) -> [Item],
        encode: @escaping @Sendable ([Item]) throws -> [UInt8]
    ) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody { writer in
                var buffer = ByteBuffer(string: "{\"\(key)\":[")
                var first = true
                for chunk in 0..<chunks {
                    let list = items(chunk)
                    guard !list.isEmpty else { continue }
                    if !first { buffer.writeString(",") }
                    first = false
                    buffer.writeBytes(try encode(list).dropFirst().dropLast())
                    try await writer.write(buffer)
                    buffer.clear()
                }
                buffer.writeString("]}")
                try await writer.write(buffer)
                try await writer.finish(nil)
            }
        )
    }

    /// Encodes as the generated server does: compact, dates through the same transcoder.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = []
        let transcoder = TolerantDateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return encoder
    }
}
