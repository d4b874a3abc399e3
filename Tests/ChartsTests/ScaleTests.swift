import Testing
@testable import Charts

@Test func linearScaleMapsDomainEndsToRangeEnds() {
    let scale = LinearScale(domain: (10, 110), range: (300, 20))
    #expect(scale(10) == 300)
    #expect(scale(110) == 20)
    #expect(scale(60) == 160)
    #expect(scale.invert(160) == 60)
}

@Test func linearScaleWithOneValueMapsToTheMiddle() {
    #expect(LinearScale(domain: (5, 5), range: (0, 100))(5) == 50)
}

@Test func nicedLinearScaleCoversTheData() {
    let scale = LinearScale(domain: (3.2, 97.5), range: (0, 100)).niced(count: 5)
    #expect(scale.domain == (0, 100))
    #expect(scale.ticks(count: 5) == [0, 20, 40, 60, 80, 100])
}

@Test func bandScaleSplitsTheRangeWithPadding() {
    let band = BandScale(count: 4, range: (0, 100), paddingInner: 0.2, paddingOuter: 0.1)
    // d3: step = 100 / (4 - 0.2 + 0.2) = 25
    #expect(band.step == 25)
    #expect(band.bandwidth == 20)
    #expect(abs(band.start(0) - 2.5) < 1e-9)
    #expect(abs(band.start(3) + band.bandwidth - 97.5) < 1e-9)
    #expect(band.center(1) == band.start(1) + 10)
}

@Test func pointScaleSpreadsPointsToTheEnds() {
    let x = PointScale(count: 4, range: (0, 90))
    #expect([0, 1, 2, 3].map { x($0) } == [0, 30, 60, 90])
    #expect(PointScale(count: 1, range: (0, 90))(0) == 45)
    // d3's padding is in steps at each end: one step of padding on a 100-long range with 3 points.
    let padded = PointScale(count: 3, range: (0, 100), padding: 1)
    #expect([0, 1, 2].map { padded($0) } == [25, 50, 75])
}

@Test func rankScalePutsRankOneAtTheStart() {
    let y = RankScale(maxRank: 11, range: (20, 220))
    #expect(y(1) == 20)
    #expect(y(11) == 220)
    #expect(y.step == 20)
}

@Test func rankScaleTicksEveryRankWhenFewAndNiceStepsWhenMany() {
    #expect(RankScale(maxRank: 8, range: (0, 100)).ticks(maxCount: 10) == Array(1...8))
    #expect(RankScale(maxRank: 400, range: (0, 100)).ticks(maxCount: 10) == [1, 50, 100, 150, 200, 250, 300, 350, 400])
    #expect(RankScale(maxRank: 190, range: (0, 100)).ticks(maxCount: 5) == [1, 50, 100, 150])
    let many = RankScale(maxRank: 35, range: (0, 100)).ticks(maxCount: 8)
    #expect(many.first == 1)
    #expect(many.count <= 8)
    #expect(many == [1, 5, 10, 15, 20, 25, 30, 35])
}

/// Rank axes tick at every rank or at rank 1 and round steps (5, 10, 20, 25, 50 …); never 1, 2, 4, 6.
@Test func rankTicksAreEveryRankOrRoundSteps() {
    for maxRank in 2...420 {
        for maxCount in [2, 3, 5, 8, 12, 20] {
            let ticks = RankScale(maxRank: maxRank, range: (0, 100)).ticks(maxCount: maxCount)
            #expect(ticks.first == 1)
            #expect(ticks.count <= max(maxCount, 2))
            if ticks == Array(1...maxRank) { continue }
            let rest = Array(ticks.dropFirst())
            guard let step = rest.first else { continue }
            #expect(step >= 5 && [5, 10, 20, 25, 50].contains(where: { base in
                var b = base
                while b < step { b *= 10 }
                return b == step
            }), "maxRank \(maxRank) count \(maxCount): \(ticks)")
            #expect(rest.allSatisfy { $0 % step == 0 }, "maxRank \(maxRank): \(ticks)")
            #expect(zip(rest, rest.dropFirst()).allSatisfy { $1 - $0 == step }, "maxRank \(maxRank): \(ticks)")
        }
    }
    #expect(RankScale(maxRank: 13, range: (0, 100)).ticks(maxCount: 6) == [1, 5, 10])
    #expect(RankScale(maxRank: 7, range: (0, 100)).ticks(maxCount: 4) == [1, 5])
}
