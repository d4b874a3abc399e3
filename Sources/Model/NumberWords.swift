/// Numbers as words: Chinese numerals, English number words and ordinals (for generated prose and headings).
public enum NumberWords {
    /// Chinese numerals for 1...9999 (一, 十, 十一, 二十, 九十九, 一百, 一百零一, 一百一十, 一千零二十); other
    /// numbers stay in Arabic digits. Zeros inside the number are read as one 零 and trailing zeros not at all;
    /// the 一 before 十 is dropped only when 十 leads (十一, but 一百一十一).
    public static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...9999).contains(n) else { return String(n) }
        let units = ["千", "百", "十", ""]
        let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        var out = ""
        var zeroPending = false
        for (index, digit) in places.enumerated() {
            if digit == 0 {
                if !out.isEmpty { zeroPending = true }
                continue
            }
            if zeroPending { out += "零"; zeroPending = false }
            let leadingTen = out.isEmpty && index == 2 && digit == 1
            out += (leadingTen ? "" : digits[digit]) + units[index]
        }
        return out
    }

    /// "one" … "twelve", then digits: how English prose writes small counts ("the five-stage scale").
    public static func english(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return (0...12).contains(n) ? words[n] : String(n)
    }

    /// English ordinal with digits: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.
    public static func englishOrdinal(_ n: Int) -> String {
        let lastTwo = abs(n) % 100, last = abs(n) % 10
        let suffix = (11...13).contains(lastTwo) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }
}
