import CNcursesw
import ViewModels

/// How roles look: colours on colour terminals, attributes only in monochrome (so meaning
/// survives NO_COLOR, `--no-color` and vt100).
struct Palette {
    let colored: Bool
    let pairs: [Role: (Int16, Int16)]

    init(colored: Bool, theme: Theme, headerBackground: TerminalColor?) {
        self.colored = colored && theme != .monochrome
        var pairs: [Role: (Int16, Int16)] = [
            .ok: (Int16(COLOR_GREEN), -1), .warning: (Int16(COLOR_YELLOW), -1), .critical: (Int16(COLOR_RED), -1),
            .accent: (Int16(COLOR_CYAN), -1), .stale: (Int16(COLOR_YELLOW), -1), .badge: (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
            .key: (Int16(COLOR_CYAN), -1), .header: (Int16(COLOR_WHITE), Int16(COLOR_BLUE)), .border: (Int16(COLOR_BLUE), -1),
            .selected: (Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        ]
        switch theme {
        case .light:
            pairs[.accent] = (Int16(COLOR_BLUE), -1)
            pairs[.key] = (Int16(COLOR_BLUE), -1)
            pairs[.warning] = (Int16(COLOR_MAGENTA), -1)
            pairs[.selected] = (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
            pairs[.header] = (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .dark:
            pairs[.border] = (Int16(COLOR_CYAN), -1)
        case .terminal, .monochrome:
            break
        }
        if let headerBackground {
            let foreground = [TerminalColor.black, .blue, .red, .magenta].contains(headerBackground) ? COLOR_WHITE : COLOR_BLACK
            pairs[.header] = (Int16(foreground), headerBackground.number)
        }
        self.pairs = pairs
    }

    func install() {
        guard colored else { return }
        start_color()
        use_default_colors()
        for role in Role.allCases {
            if let (foreground, background) = pairs[role] { init_pair(Int16(role.rawValue) + 1, foreground, background) }
        }
    }

    /// Attributes and colour pair for a role.
    func style(for role: Role) -> (attr_t, Int16) {
        let bold = ce_a_bold(), reverse = ce_a_reverse(), underline = ce_a_underline(), dim = ce_a_dim()
        let pair = colored && pairs[role] != nil ? Int16(role.rawValue) + 1 : 0
        switch role {
        case .normal: return (ce_a_normal(), 0)
        case .dim: return (dim, 0)
        case .title: return (bold, 0)
        case .header: return (colored ? ce_a_normal() : reverse, pair)
        // Colour alone (no bold) on colour terminals: moving the bar then costs one colour
        // change on and one off, without resetting every attribute around it.
        case .selected: return (colored ? ce_a_normal() : reverse | bold, pair)
        case .selectedDim: return (reverse, 0)
        case .ok: return (colored ? ce_a_normal() : ce_a_normal(), pair)
        case .warning: return (bold, pair)
        case .critical: return (colored ? bold : bold | underline, pair)
        case .accent: return (colored ? ce_a_normal() : underline, pair)
        case .stale: return (underline, pair)
        case .badge: return (colored ? bold : reverse, pair)
        case .key: return (bold, pair)
        case .border: return (colored ? ce_a_normal() : dim, pair)
        }
    }
}
