/// Facts about the call in progress that inner middlewares (logging) need to know.
enum RequestAttempt {
    /// 1 for the first attempt, 2 for the first retry, and so on.
    @TaskLocal static var number = 1
    /// True while the auth middleware replays a request after refreshing a rejected token.
    @TaskLocal static var isReplay = false
}
