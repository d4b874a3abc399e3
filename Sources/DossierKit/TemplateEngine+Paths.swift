import Geometry
import Model

/// Placeholders about development paths (events.csv): when something happened, what it was, the years between two
/// events, and the time lag between two entities reaching the same step.
extension TemplateEngine {
    static let pathFunctions = ["when", "event", "years", "lag"]

    func evaluatePath(_ function: String, _ args: [String], fail: (String, String?) -> String) -> String {
        func event(_ id: String) -> Event? {
            dataset.events.first { $0.id == id }
        }
        func unknownEvent(_ id: String) -> String {
            fail("unknown event '\(id)'", Suggestion.hint(for: id, in: dataset.events.map(\.id)) ?? "event ids are in events.csv")
        }
        switch function {
        case "when", "event":
            guard args.count >= 1 else { return fail("{{\(function)}} needs 1 argument", "write {{ \(function) EVENT_ID }}") }
            guard let e = event(args[0]) else { return unknownEvent(args[0]) }
            if function == "when" { return e.date.display(language) }
            let text = e.text.resolve(language)
            return text.isEmpty ? e.id : text
        case "years":
            // {{years A B}}: whole years from event A to event B (by the years they start in).
            guard args.count >= 2 else { return fail("{{years}} needs 2 arguments", "write {{ years EVENT_A EVENT_B }}") }
            guard let a = event(args[0]) else { return unknownEvent(args[0]) }
            guard let b = event(args[1]) else { return unknownEvent(args[1]) }
            return String(abs(b.date.startYear - a.date.startYear))
        case "lag":
            // {{lag LEADER FOLLOWER STEP}}: how many years after the leader the follower reached the same step
            // (their first events with that `step`); negative when the follower was first.
            guard args.count >= 3 else { return fail("{{lag}} needs 3 arguments", "write {{ lag LEADER FOLLOWER STEP }}, e.g. {{ lag AU CN-GZ e-transactions-law }}") }
            var firsts: [Event] = []
            for id in args[0...1] {
                guard dataset.entity(id) != nil else {
                    return fail("unknown entity '\(id)' in {{lag}}", Suggestion.hint(for: id, in: dataset.entities.map(\.id)))
                }
                let steps = dataset.events.filter { $0.entity == id }
                guard let first = steps.filter({ $0.step == args[2] }).min(by: { $0.date < $1.date }) else {
                    let known = Array(Set(steps.compactMap(\.step))).sorted()
                    return fail("\(id) has no event with step '\(args[2])'",
                                known.isEmpty ? "\(id) has no events with a step in events.csv" : (Suggestion.hint(for: args[2], in: known) ?? "its steps: \(known.joined(separator: ", "))"))
                }
                firsts.append(first)
            }
            return String(firsts[1].date.startYear - firsts[0].date.startYear)
        default:
            return fail("unknown placeholder function '\(function)'", nil)
        }
    }
}
