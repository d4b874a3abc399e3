import Testing
@testable import Charts

// Expected values are d3-array's own test cases (test/ticks-test.js, test/tickIncrement-test.js).

@Test func ticksMatchD3ForUnitDomain() {
    #expect(Ticks.ticks(0, 1, count: 10) == [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
    #expect(Ticks.ticks(0, 1, count: 5) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    #expect(Ticks.ticks(0, 1, count: 3) == [0.0, 0.5, 1.0])
    #expect(Ticks.ticks(0, 1, count: 2) == [0.0, 0.5, 1.0])
    #expect(Ticks.ticks(0, 1, count: 1) == [0.0, 1.0])
}

@Test func ticksMatchD3ForIntegerDomains() {
    #expect(Ticks.ticks(0, 10, count: 10) == Array(0...10).map(Double.init))
    #expect(Ticks.ticks(0, 10, count: 5) == [0, 2, 4, 6, 8, 10])
    #expect(Ticks.ticks(0, 10, count: 2) == [0, 5, 10])
    #expect(Ticks.ticks(0, 10, count: 1) == [0, 10])
    #expect(Ticks.ticks(-10, 10, count: 10) == [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10])
    #expect(Ticks.ticks(-10, 10, count: 5) == [-10, -5, 0, 5, 10])
    #expect(Ticks.ticks(-10, 10, count: 2) == [-10, 0, 10])
    #expect(Ticks.ticks(-10, 10, count: 1) == [0])
}

@Test func ticksKeepTheDirectionOfAReversedDomain() {
    #expect(Ticks.ticks(1, 0, count: 5) == [1.0, 0.8, 0.6, 0.4, 0.2, 0.0])
    #expect(Ticks.ticks(10, -10, count: 5) == [10, 5, 0, -5, -10])
}

@Test func ticksHandleDegenerateInput() {
    #expect(Ticks.ticks(1, 1, count: 5) == [1])
    #expect(Ticks.ticks(0, 1, count: 0) == [])
    #expect(Ticks.ticks(0, .nan, count: 5) == [])
}

@Test func tickIncrementUsesNegativeInverseBelowOne() {
    #expect(Ticks.increment(0, 1, count: 10) == -10)
    #expect(Ticks.increment(0, 1, count: 5) == -5)
    #expect(Ticks.increment(0, 10, count: 10) == 1)
    #expect(Ticks.increment(0, 100, count: 10) == 10)
    #expect(Ticks.increment(0, 1000, count: 4) == 200)
    #expect(Ticks.step(0, 1, count: 10) == 0.1)
    #expect(Ticks.step(1, 0, count: 10) == -0.1)
}

@Test func niceExtendsTheDomainToTicks() {
    #expect(Ticks.nice(0.5, 9.5, count: 10) == (0, 10))
    #expect(Ticks.nice(1.1, 10.9, count: 10) == (1, 11))
    #expect(Ticks.nice(12, 87, count: 5) == (0, 100))
    #expect(Ticks.nice(0, 0.96, count: 10) == (0, 1))
    #expect(Ticks.nice(87, 12, count: 5) == (100, 0))
}
