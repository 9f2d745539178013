import Foundation

extension Key {
    /// Parses a key name as written in the configuration file: a single character (`j`, `?`),
    /// `Ctrl-X`, `F1`…`F12`, or one of Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc,
    /// Backspace, Del, Tab, Shift-Tab, Space. Case matters only for single characters.
    public init?(name: String) {
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "backspace": .backspace, "del": .delete, "delete": .delete,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "space": .character(" "),
        ]
        if name.count == 1, let character = name.first {
            self = .character(character)
        } else if let key = named[name.lowercased()] {
            self = key
        } else if name.lowercased().hasPrefix("ctrl-"), name.count == 6, let letter = name.last?.lowercased().first, letter.isLetter {
            self = .control(letter)
        } else if name.uppercased().hasPrefix("F"), let number = Int(name.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }
}

extension KeyMap {
    /// Why a remapping was refused.
    public enum RemapError: Error, CustomStringConvertible, Equatable {
        case unknownAction(String)
        case unknownKey(action: String, key: String)
        case noKeys(action: String)
        /// A character for an action that acts only while text is typed, where characters are text.
        case typedKey(action: String, key: String)

        public var description: String {
            switch self {
            case .unknownAction(let name):
                "unknown action \"\(name)\" in [keys]; known: \(Action.allCases.map(\.rawValue).joined(separator: ", "))"
            case .unknownKey(let action, let key):
                "unknown key \"\(key)\" for \(action) (use a character, Ctrl-X, F1-F12, Up, Down, PgUp, PgDn, Home, End, Enter, Esc, Tab, Space...)"
            case .noKeys(let action):
                "\(action) needs at least one key"
            case .typedKey(let action, let key):
                "\"\(key)\" cannot be \(action): it acts while text is typed, where \"\(key)\" is text (use Enter, Esc, Tab, Backspace, Ctrl-X, F1-F12...)"
            }
        }
    }

    /// This map with the keys of some actions replaced, from `[keys]` in the configuration
    /// (`moveDown = ["j", "Down", "Ctrl-N"]`). A key taken by a remapped action is removed
    /// from the actions it belonged to before wherever both are offered.
    public func remapped(_ table: [String: [String]]) throws(RemapError) -> KeyMap {
        var replacements: [Action: [Key]] = [:]
        for (name, keyNames) in table {
            guard let action = Action(rawValue: name) else { throw .unknownAction(name) }
            guard !keyNames.isEmpty else { throw .noKeys(action: name) }
            var keys: [Key] = []
            for keyName in keyNames {
                guard let key = Key(name: keyName) else { throw .unknownKey(action: name, key: keyName) }
                if case .character = key, KeyContext.allCases.allSatisfy({ $0.isTextEntry || !$0.actions.contains(action) }) {
                    throw .typedKey(action: name, key: keyName)
                }
                keys.append(key)
            }
            replacements[action] = keys
        }
        return KeyMap(bindings.map { binding in
            let taken = Set(replacements.filter { KeyContext.shareAContext(binding.action, $0.key) }.values.flatMap { $0 })
            return Binding(action: binding.action, keys: replacements[binding.action] ?? binding.keys.filter { !taken.contains($0) })
        })
    }
}
