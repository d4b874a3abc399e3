import Geometry
import Testing
@testable import Layout

/// A paragraph ending in a colon introduces the list after it: wherever the page breaks, the lead-in and the
/// list's first item share a page.
@Test(arguments: ["The causes are as follows:", "造成差距的根本原因有以下三点："])
func aLeadInKeepsWithWhatItIntroduces(leadIn: String) {
    var together = 0
    for count in 30...60 {
        let blocks = (0..<count).map { Fixture.para("filler \($0)") } + [Fixture.para(leadIn),
                     .list(items: [[InlineSpan("first cause")], [InlineSpan("second cause")], [InlineSpan("third cause")]], ordered: false)]
            // Text after the list, so the repair of a short last page cannot be what keeps them together.
            + (0..<20).map { Fixture.para("after \($0)") }
        let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
        guard let lead = document.page(ofText: leadIn) ?? document.pages.firstIndex(where: { $0.strings.contains { leadIn.hasPrefix($0) && $0.count > 3 } }),
              let item = document.pages.firstIndex(where: { $0.strings.contains { $0.contains("first cause") } }) else {
            Issue.record("\(count) fillers: lead-in or list not found")
            continue
        }
        #expect(lead == item, "\(count) fillers: the lead-in is on page \(lead + 1), the list on page \(item + 1)")
        if lead == item { together += 1 }
    }
    #expect(together == 31)
}
