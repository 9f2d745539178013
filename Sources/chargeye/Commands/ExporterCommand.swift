import ArgumentParser
import ChargEyeAPI
import ChargEyeMonitoring
import Foundation

/// `chargeye exporter`: a Prometheus exporter for the fleet.
struct ExporterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporter",
        abstract: "Serve the fleet's metrics over HTTP for Prometheus to scrape (/metrics, /healthz).",
        discussion: """
            Each scrape reads the API unless a reading younger than --cache-seconds exists; scrapes that arrive \
            during a read share it. The access token is renewed as it nears expiry. When the API cannot be read, \
            /metrics still answers 200 with chargeye_up 0 and chargeye_last_error_http_status. Stop with Ctrl-C or \
            SIGTERM.

            It listens on loopback by default; --listen :9860 (IPv4) or [::]:9860 accepts scrapes from other hosts.

            Prometheus scrape config:
              scrape_configs:
                - job_name: chargeye
                  scrape_interval: 60s
                  static_configs:
                    - targets: ['ops-host:9860']
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var fleet: FleetOptions
    @OptionGroup var series: SeriesOptions

    @Option(help: ArgumentHelp("Address and port to listen on: HOST:PORT, [IPv6]:PORT or :PORT for every interface.", valueName: "address"))
    var listen: String = "127.0.0.1:9860"

    @Option(help: ArgumentHelp("Serve a reading again to scrapes within this many seconds.", valueName: "seconds"))
    var cacheSeconds: Double = 15

    func validate() throws {
        _ = try ListenAddress(listen)
        if !(0...3600).contains(cacheSeconds) { throw ValidationError("--cache-seconds must be between 0 and 3600") }
    }

    func run() async throws {
        let address = try ListenAddress(listen)
        let session = try await Session.open(connection)
        let readings = FleetReadings(maxAge: cacheSeconds) { [fleet] in try await fleet.read(session) }
        let exporter = MetricsExporter(readings: readings, metrics: FleetMetrics(perStation: series.perStation))
        let listening = Latch()
        do {
            try await exporter.run(host: address.host, port: address.port) { port in
                listening.open()
                Standard.error("chargeye exporter: serving http://\(address.urlHost):\(port)/metrics for \(session.label) (Ctrl-C stops)")
            }
        } catch where !listening.isOpen {
            throw UsageError("cannot listen on \(listen): \(error)")
        }
    }
}

/// `--listen`: where the exporter accepts connections.
struct ListenAddress {
    let host: String
    let port: Int

    /// The host as it goes in a URL (IPv6 in brackets).
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    init(_ text: String) throws {
        let hostPart: Substring, portPart: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[close...].dropFirst().drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        } else {
            throw ValidationError("--listen \"\(text)\": write HOST:PORT, e.g. 127.0.0.1:9860, or :9860 for every interface")
        }
        guard let port = Int(portPart), (0...65_535).contains(port) else {
            throw ValidationError("--listen \"\(text)\": the port must be a number from 0 to 65535")
        }
        guard !hostPart.contains(":") || text.hasPrefix("[") else {
            throw ValidationError("--listen \"\(text)\": put an IPv6 address in brackets, e.g. [::1]:9860")
        }
        host = hostPart.isEmpty ? "0.0.0.0" : String(hostPart)
        self.port = port
    }
}
