public import ArgumentParser
public import ViewModels

/// `--view locations|stations|problems`.
extension StartView: ExpressibleByArgument {}
