import ChargEyeAPI

/// How transactions appear in tables and CSV.
enum TransactionRecords {
    static let fields = ["txId", "stationId", "evseId", "startTime", "endTime", "chargedEnergyKwh", "socStart", "socEnd",
                         "avgPowerKw", "maxPowerKw", "endReason", "authorizationMethod"]

    static func csvRow(_ transaction: Transaction) -> [String] {
        let transcoder = TolerantDateTranscoder()
        return [transaction.txId, transaction.stationId ?? "", transaction.evseId?.text ?? "",
                transaction.startTime.flatMap { try? transcoder.encode($0) } ?? "",
                transaction.endTime.flatMap { try? transcoder.encode($0) } ?? "",
                Formatting.number(transaction.chargedEnergyKwh, decimals: 2), Formatting.number(transaction.socStart),
                Formatting.number(transaction.socEnd), Formatting.number(transaction.avgPowerKw),
                Formatting.number(transaction.maxPowerKw), transaction.endReason ?? "", transaction.authorizationMethod ?? ""]
    }

    static func table(_ transactions: [Transaction]) -> TextTable {
        TextTable(
            columns: [.init(title: "STARTED", flexible: false), .init(title: "CONN", flexible: false),
                      .init(title: "DURATION", alignRight: true, flexible: false), .init(title: "KWH", alignRight: true, flexible: false),
                      .init(title: "SOC %", flexible: false), .init(title: "END REASON"), .init(title: "TX ID", flexible: false)],
            rows: transactions.map { transaction in
                [Formatting.localTime(transaction.startTime), transaction.evseId?.text ?? "",
                 Formatting.duration(milliseconds: transaction.sessionDurationMs
                    ?? transaction.endTime.flatMap { end in transaction.startTime.map { end.timeIntervalSince($0) * 1000 } }),
                 Formatting.number(transaction.chargedEnergyKwh, decimals: 2),
                 soc(transaction), transaction.endReason ?? transaction.status?.text ?? "", transaction.txId]
            }
        )
    }

    private static func soc(_ transaction: Transaction) -> String {
        switch (transaction.socStart, transaction.socEnd ?? transaction.soc) {
        case (let start?, let end?): "\(Formatting.number(start, decimals: 0))→\(Formatting.number(end, decimals: 0))"
        case (nil, let end?): Formatting.number(end, decimals: 0)
        default: ""
        }
    }
}
