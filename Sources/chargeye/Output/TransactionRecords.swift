import ChargEyeAPI
import ViewModels

/// How transactions appear in tables and CSV.
enum TransactionRecords {
    static let fields = ["txId", "stationId", "evseId", "startTime", "endTime", "chargedEnergyKwh", "socStart", "socEnd",
                         "avgPowerKw", "maxPowerKw", "endReason", "authorizationMethod"]

    static func csvRow(_ transaction: Transaction) -> [String] {
        let transcoder = TolerantDateTranscoder()
        return [transaction.txId, transaction.stationId ?? "", transaction.evseId?.text ?? "",
                transaction.startTime.flatMap { try? transcoder.encode($0) } ?? "",
                transaction.endTime.flatMap { try? transcoder.encode($0) } ?? "",
                Format.number(transaction.chargedEnergyKwh, decimals: 2), Format.number(transaction.socStart),
                Format.number(transaction.socEnd), Format.number(transaction.avgPowerKw),
                Format.number(transaction.maxPowerKw), transaction.endReason?.text ?? "", transaction.authorizationMethod?.text ?? ""]
    }

    static func table(_ transactions: [Transaction]) -> TextTable {
        TextTable(
            columns: [.init(title: "STARTED", flexible: false), .init(title: "CONN", flexible: false),
                      .init(title: "DURATION", alignRight: true, flexible: false), .init(title: "KWH", alignRight: true, flexible: false),
                      .init(title: "SOC %", flexible: false), .init(title: "END REASON"), .init(title: "TX ID", flexible: false)],
            rows: transactions.map { transaction in
                [transaction.startTime.map { Format.clock($0, zone: .current) } ?? "", transaction.evseId?.text ?? "",
                 Format.duration(seconds: transaction.sessionDurationMs.map { $0 / 1000 }
                    ?? transaction.endTime.flatMap { end in transaction.startTime.map { end.timeIntervalSince($0) } }) ?? "",
                 Format.number(transaction.chargedEnergyKwh, decimals: 2),
                 soc(transaction), transaction.endReason?.text ?? transaction.status?.text ?? "", transaction.txId]
            }
        )
    }

    private static func soc(_ transaction: Transaction) -> String {
        switch (transaction.socStart, transaction.socEnd ?? transaction.soc) {
        case (let start?, let end?): "\(Format.number(start, decimals: 0))→\(Format.number(end, decimals: 0))"
        case (nil, let end?): Format.number(end, decimals: 0)
        default: ""
        }
    }
}
