import Testing

/// The suites that run the browser in a real terminal (tmux). They run one test at a time, one
/// suite after another, even when the rest of the test run is parallel: each drives a full
/// browser, and several at once on two cores would measure the machine's load, not chargeye.
@Suite("Real terminals, one at a time", .serialized, .enabled(if: Tmux.isAvailable))
enum RealTerminals {}
