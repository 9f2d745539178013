import ArgumentParser
import ChargEyeAPI
import ChargEyeMonitoring
import Foundation

/// `chargeye metrics`: the fleet once, in the Prometheus text format.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the fleet in the Prometheus text exposition format (for node_exporter's textfile collector).",
        discussion: """
            For example, from cron every minute:
              chargeye metrics > /var/lib/node_exporter/chargeye.prom.$$; mv /var/lib/node_exporter/chargeye.prom.$$ /var/lib/node_exporter/chargeye.prom
            If the API cannot be read the output still comes, with chargeye_up 0 and chargeye_last_error_http_status, \
            and the exit code says what failed (see chargeye --help).
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var fleet: FleetOptions
    @OptionGroup var series: SeriesOptions

    func run() async throws {
        let started = Date()
        let reading: FleetMetrics.Reading
        var failure: (any Error)?
        do {
            let stations = try await Session.with(connection) { try await fleet.read($0) }
            let finished = Date()
            reading = .init(fleet: stations, error: nil, finishedAt: finished, duration: finished.timeIntervalSince(started), lastSuccess: finished)
        } catch let error as ChargEyeError {
            failure = error
            reading = .init(fleet: nil, error: error, finishedAt: Date(), duration: Date().timeIntervalSince(started), lastSuccess: nil)
        }
        Standard.write(FleetMetrics(perStation: series.perStation).exposition(reading))
        if let failure { throw failure }
        if let incomplete = reading.fleet.flatMap(IncompleteAnswer.init) { throw incomplete }
    }
}

/// `--no-station-series`: leave out the per-station series on big fleets.
struct SeriesOptions: ParsableArguments {
    @Flag(help: "Leave out the per-station series (power, online, status); the fleet and per-location series stay.")
    var noStationSeries = false

    var perStation: Bool { !noStationSeries }
}
