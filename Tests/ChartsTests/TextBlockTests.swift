import Geometry
import Testing
@testable import Charts

@Test func aSourceNoteDoesNotEndInALoneCharacter() {
    // 56 full-width characters at 8.5 pt on a 468 pt measure: 55 fit, so one would sit alone on the second line.
    var spec = Sample.spec(.bar)
    spec.sourceNote = "资料来源：" + String(repeating: "电子政务调查报告", count: 6) + "年度报告。"
    let texts = renderer.render(spec, size: reportSize).frame.flattenedTexts
    let note = texts.filter { spec.sourceNote.contains($0.text) && $0.font.size == 8.5 && $0.text.count > 0 }
    #expect(note.count == 2)
    #expect(note.map(\.text).joined() == spec.sourceNote)
    if let last = note.last { #expect(last.width >= (reportSize.width - 12) / 6) }
}
