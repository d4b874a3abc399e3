import Testing
@testable import DossierKit

@Test func inlineMarkupParsesEmphasisLinksAndEscapes() {
    let spans = InlineMarkup.parse("a **b** *c* [Bonn](https://en.wikipedia.org/wiki/Bonn_(city)) \\*d")
    #expect(spans.map(\.text) == ["a ", "b", " ", "c", " ", "Bonn", " *d"])
    #expect(spans[1].bold && spans[3].italic)
    #expect(spans[5].link == "https://en.wikipedia.org/wiki/Bonn_(city)")
}

@Test func unbalancedEmphasisStaysLiteral() {
    let spans = InlineMarkup.parse("2 ** 3 and more")
    #expect(spans.map(\.text).joined() == "2 ** 3 and more")
    #expect(spans.allSatisfy { !$0.bold && !$0.italic })
}
