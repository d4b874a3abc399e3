import TestSupport
import Foundation
import Testing

/// The development-paths section of the flagship: two timelines, the targets table and the time-lag sentences.
@Suite(.serialized) struct DevelopmentPathReportTests {
    let build = FlagshipBuild.shared

    @Test func timeLagSentencesAreFilledFromTheEvents() {
        let squashed = build.rawText.filter { !$0.isWhitespace }
        #expect(squashed.contains("澳大利亚1997年签署《电子交易法》"))
        #expect(squashed.contains("到2003年2月1日才实施，比澳大利亚晚6年"))
        #expect(squashed.contains("（1996年）晚了16年"))
        #expect(squashed.contains("晚约2年"))
    }

    @Test func timelinesAndTheirKeysAppear() {
        let squashed = build.rawText.filter { !$0.isWhitespace }
        #expect(squashed.contains("五个领先国家的发展路径"))
        #expect(squashed.contains("中国及四个城市的发展路径"))
        #expect(squashed.contains("1992—1999IT2000计划"))
        #expect(squashed.contains("2004年1月20日签署《上海市政府信息公开规定》"))
    }

    @Test func targetsTableShowsDeadlinesAndOutcomes() {
        let squashed = build.rawText.filter { !$0.isWhitespace }
        #expect(squashed.contains("各国与各城市提出的电子政务目标"))
        #expect(squashed.contains("建成全球最佳电子商务环境的国家20002002原文未说明"))
        #expect(squashed.contains("已实现"))
    }

    @Test func dataNotesRestateThePathFindings() {
        let squashed = build.rawText.filter { !$0.isWhitespace }
        #expect(squashed.contains("在时间上重叠"))
        #expect(squashed.contains("资料未说明是否实现"))
    }

    @Test func aLagWithAnUnknownStepIsALocatedError() throws {
        let folder = TestPaths.temporaryFolder()
        let spec = folder + "/lag.yaml"
        try """
        version: 1
        title: t
        date: 2026-01-01
        dataset: \(TestPaths.sample)
        sections:
          - text: "{{lag AU CN-GZ e-transaction-law}}"
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", spec])
        #expect(result.status == 1)
        #expect(result.stderr.contains("lag.yaml:6:") || result.stdout.contains("lag.yaml:6:"), "\(result.stderr)\(result.stdout)")
        #expect((result.stderr + result.stdout).contains("did you mean 'e-transactions-law'?"))
    }
}
