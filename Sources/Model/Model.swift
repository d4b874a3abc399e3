// \(t) stage
