import ChargEyeUsage
import Testing

@Suite("Chart scale and text bars")
struct ChartScaleTests {
    @Test("the axis top is a nice number at or above the largest value")
    func niceTop() {
        #expect(ChartScale(values: [12, 40, 73.5]).top == 80)
        #expect(ChartScale(values: [1.9, 0.4]).top == 2)
        #expect(ChartScale(values: [220, 180, 90, 10]).top == 250)
        #expect(ChartScale(values: []).top == 1)
        #expect(ChartScale(values: [0, -5, .nan, .infinity]).top == 1)
    }

    @Test("one absurd value does not flatten the rest: the axis follows the others and the outlier is drawn clipped")
    func robust() {
        let values: [Double] = [30, 42, 35, 38, 41, 29, 33, 1e9]
        let scale = ChartScale(values: values)
        #expect(scale.top == 50 && scale.clips)
        #expect(TextBar.render(1e9, scale: scale, width: 10, ascii: false) == "█████████▶")
        #expect(TextBar.render(1e9, scale: scale, width: 10, ascii: true) == "#########>")
        #expect(TextBar.render(42, scale: scale, width: 10, ascii: false) == "████████▍")
    }

    @Test("bars in eighths of a cell in UTF-8, # and + in ASCII; a small value still shows")
    func bars() {
        let scale = ChartScale(values: [100, 80])
        #expect(TextBar.render(80, scale: scale, width: 8, ascii: false) == "██████▍")
        #expect(TextBar.render(80, scale: scale, width: 8, ascii: true) == "######")
        #expect(TextBar.render(95, scale: scale, width: 8, ascii: true) == "#######+")
        #expect(TextBar.render(100, scale: scale, width: 8, ascii: true) == "########")
        #expect(TextBar.render(0.1, scale: scale, width: 8, ascii: false) == "▏")
        #expect(TextBar.render(0.1, scale: scale, width: 8, ascii: true) == ".")
        #expect(TextBar.render(0, scale: scale, width: 8, ascii: true) == "")
    }
}
