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

/// Many brackets without links around real links: the scanner's remembered stretches never hide a link.
@Test func linksAmongManyOpenBracketsAreStillFound() {
    let noise = String(repeating: "[a](", count: 3000)
    let text = noise + "[x](https://a.org/p_(1)) " + String(repeating: "((", count: 2000) + " [y](#top) [z](mailto:q@r.s)"
    let links = InlineMarkup.parse(text).compactMap(\.link)
    #expect(links == ["https://a.org/p_(1)", "#top", "mailto:q@r.s"])
    #expect(InlineMarkup.parse("[a](b c) [d](e)\n[f](https://g.h)").compactMap(\.link) == ["https://g.h"])
    #expect(LinkCheck.forbidden(in: noise + "[x](javascript:1) [w](https://ok.org) [v](file:///etc)") == ["javascript:1", "file:///etc"])
    #expect(LinkCheck.forbidden(in: "[a](" + String(repeating: "b", count: 3000) + ")").isEmpty)   // beyond the look-ahead: not a link
}
