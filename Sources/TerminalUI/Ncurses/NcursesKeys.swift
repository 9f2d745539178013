import CNcursesw
import ViewModels

/// Translates ncurses key codes and characters into `Key`s.
enum NcursesKeys {
    static func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_FIND: return .key(.home)
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE:
            return .resized(width: Int(ce_cols()), height: Int(ce_lines()))
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if ce_is_wheel_up(event.bstate) != 0 { return .wheel(up: true, column: Int(event.x), row: Int(event.y)) }
            if ce_is_wheel_down(event.bstate) != 0 { return .wheel(up: false, column: Int(event.x), row: Int(event.y)) }
            if ce_is_click(event.bstate) != 0 { return .click(column: Int(event.x), row: Int(event.y)) }
            return nil
        default:
            if code >= KEY_F0 + 1, code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
            return nil
        }
    }

    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
