import Geometry
import Spec
import Testing

@Test func csvFieldsFollowRFC4180() {
    var d: [Diagnostic] = []
    let text = "a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",上海\n# a comment\n\"\",\"two\nlines\",end\n\nlast,,\n"
    let records = CSVReader.parse(text, file: "t.csv", diagnostics: &d)
    #expect(d.isEmpty)
    #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "he said \"hi\"", "上海"], ["", "two\nlines", "end"], ["last", "", ""]])
    #expect(records.map(\.line) == [1, 2, 4, 7])
}
