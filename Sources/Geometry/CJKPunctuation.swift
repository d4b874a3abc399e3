/// How Chinese punctuation is set in a run of text (W3C clreq §3.1): which marks come from the CJK face and
/// which are compressed to half width where two meet.
///
/// Pure and font-free so it can be tested alone; the Pango backend turns the answers into font and
/// `halt` (half-width alternates) attributes, so measuring and drawing agree everywhere text is set.
public enum CJKPunctuation {
    /// Marks whose empty half is on the right (the ink sits left): stops, pauses and closing brackets.
    static let closing: Set<Character> = [
        "，", "。", "、", "；", "：", "）", "」", "』", "》", "〉", "】", "〕", "］", "｝", "”", "’",
    ]
    /// Marks whose empty half is on the left: opening brackets and quotes.
    static let opening: Set<Character> = ["（", "「", "『", "《", "〈", "【", "〔", "［", "｛", "“", "‘"]
    /// Marks shared with Latin text that a Latin-first font list would take from the narrow Latin face.
    static let shared: Set<Character> = ["“", "”", "‘", "’", "—", "…"]

    /// Chinese text: it contains a Han ideograph, kana or Hangul, or no Latin letter or digit at all. The
    /// second case matters because justified lines are drawn in pieces, and a piece such as "“" or "）。"
    /// must be set as it was measured inside its sentence.
    public static func hasIdeographs(_ text: String) -> Bool {
        text.unicodeScalars.contains { CJKSpacing.isIdeographic($0) }
            || !text.contains { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Character offsets of the quotes, dashes and ellipses that belong to the CJK face: every one in a text
    /// with ideographs, except those between two Latin letters or digits (an apostrophe in "People’s",
    /// the dash of a range "2001—2003").
    public static func cjkFaceOffsets(in text: String) -> [Int] {
        guard hasIdeographs(text) else { return [] }
        let chars = Array(text)
        var out: [Int] = []
        for (i, c) in chars.enumerated() where shared.contains(c) {
            let before = i > 0 ? chars[i - 1] : nil
            let after = i + 1 < chars.count ? chars[i + 1] : nil
            if let b = before, let a = after, CJKSpacing.isLatinAlphanumeric(b), CJKSpacing.isLatinAlphanumeric(a) { continue }
            out.append(i)
        }
        return out
    }

    /// Character offsets of the marks to set half width so that two adjacent marks take 1.5 em, not 2
    /// (clreq §3.1.6): of a closing mark followed by another mark, the closing one loses its right half
    /// ("）。" "》（" "，“"); of two opening marks, the second loses its left half ("（《").
    /// Only texts with ideographs are considered, since only there do these marks come from the CJK face.
    public static func compressedOffsets(in text: String) -> [Int] {
        guard hasIdeographs(text) else { return [] }
        let chars = Array(text)
        var out: [Int] = []
        for i in chars.indices.dropLast() {
            let a = chars[i], b = chars[i + 1]
            if closing.contains(a) && (closing.contains(b) || opening.contains(b)) {
                out.append(i)
            } else if opening.contains(a) && opening.contains(b) {
                out.append(i + 1)
            }
        }
        return out
    }
}
