/// The view the browser opens on (`--view`): the locations, every station of the fleet worst
/// first, or only the stations with problems ("what is broken right now").
public enum StartView: String, CaseIterable, Sendable {
    case locations, stations, problems
}
