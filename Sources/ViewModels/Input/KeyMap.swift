/// The key bindings: which keys trigger which action. It drives both input handling and the
/// help overlay and hint bar, so they can never disagree.
public struct KeyMap: Sendable, Equatable {
    /// One action and the keys bound to it, in the order the help shows them.
    public struct Binding: Sendable, Equatable {
        public var action: Action
        public var keys: [Key]
    }

    /// All bindings, in help order.
    public private(set) var bindings: [Binding]
    private var keysByAction: [Action: [Key]]

    /// Creates a map from bindings. Where one key is bound to two actions offered in the same
    /// context, the context's order decides (`KeyContext.actions`).
    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        var keysByAction: [Action: [Key]] = [:]
        for binding in bindings where keysByAction[binding.action] == nil { keysByAction[binding.action] = binding.keys }
        self.keysByAction = keysByAction
    }

    /// The action of a key where the keyboard is now: the first of the context's actions bound
    /// to it. While text is typed, characters are text, never actions.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        if context.isTextEntry, case .character = key { return nil }
        return context.actions.first { keys(for: $0).contains(key) }
    }

    /// The keys of an action, as the help names them: "j, ↓".
    public func keys(for action: Action) -> [Key] {
        keysByAction[action] ?? []
    }

    /// How the hints name an action's first key ("(unbound)" when it has none).
    public func name(of action: Action) -> String {
        keys(for: action).first.map(\.description) ?? "(unbound)"
    }

    /// The conventional bindings (less, vim, htop, k9s).
    public static let standard = KeyMap([
        Binding(action: .moveUp, keys: [.up, .character("k")]),
        Binding(action: .moveDown, keys: [.down, .character("j")]),
        Binding(action: .pageUp, keys: [.pageUp, .control("b")]),
        Binding(action: .pageDown, keys: [.pageDown, .control("f"), .character(" ")]),
        Binding(action: .top, keys: [.home, .character("g")]),
        Binding(action: .bottom, keys: [.end, .character("G")]),
        Binding(action: .open, keys: [.enter, .right, .character("l")]),
        Binding(action: .back, keys: [.escape, .backspace, .left, .character("h")]),
        Binding(action: .switchPane, keys: [.tab, .backTab]),
        Binding(action: .toggleDetail, keys: [.character("d")]),
        Binding(action: .filter, keys: [.character("/")]),
        Binding(action: .facet, keys: [.character("f")]),
        Binding(action: .sort, keys: [.character("s")]),
        Binding(action: .switchView, keys: [.character("S")]),
        Binding(action: .problems, keys: [.character("!")]),
        Binding(action: .openLocation, keys: [.character("o")]),
        Binding(action: .vehicles, keys: [.character("v")]),
        Binding(action: .usageChart, keys: [.character("u")]),
        Binding(action: .retry, keys: [.character("r")]),
        Binding(action: .reload, keys: [.control("r"), .function(5)]),
        Binding(action: .pauseLive, keys: [.character("p")]),
        Binding(action: .refreshToken, keys: [.character("t")]),
        Binding(action: .console, keys: [.character(":")]),
        Binding(action: .requestLog, keys: [.character("L")]),
        Binding(action: .handoff, keys: [.character("H")]),
        Binding(action: .copyID, keys: [.character("c")]),
        Binding(action: .toggleFaults, keys: [.character("x")]),
        Binding(action: .help, keys: [.character("?"), .function(1)]),
        Binding(action: .quit, keys: [.character("q")]),
        Binding(action: .interrupt, keys: [.control("c")]),
        Binding(action: .suspend, keys: [.control("z")]),
        Binding(action: .submit, keys: [.enter]),
        Binding(action: .cancel, keys: [.escape]),
        Binding(action: .deleteBackward, keys: [.backspace, .delete]),
        Binding(action: .eraseInput, keys: [.control("u")]),
        Binding(action: .close, keys: [.character("q")]),
        Binding(action: .earlier, keys: [.character("[")]),
        Binding(action: .later, keys: [.character("]")]),
        Binding(action: .bucketSize, keys: [.character("b")]),
    ])
}
