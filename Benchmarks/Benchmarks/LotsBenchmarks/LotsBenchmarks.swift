import Benchmark
import Foundation
import LotsBenchSupport
import LotsCore
import LotsStore
import LotsUI

// In-process figures of issue 6. The store is the data set Scripts/bench made with `lots demo`
// (100,000 cases of which 5,000 open and 1,000,000 messages, or a tenth with --quick), named by $LOTS_BENCH_DB.
// Names matter: Scripts/bench reads the results by them.

func benchStore() throws -> LotsStore {
    guard let path = ProcessInfo.processInfo.environment["LOTS_BENCH_DB"] else {
        fatalError("set LOTS_BENCH_DB to a store made by `lots demo --cases 100000 --messages 1000000` (Scripts/bench does)")
    }
    return try LotsStore.open(path: path)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock], timeUnits: .nanoseconds, warmupIterations: 20,
                                           maxDuration: .seconds(5), maxIterations: 100_000)

    let engine = try! BenchData.engine()
    let inputs = BenchData.inputs(500)
    let now = Date()
    Benchmark("triage-2000") { benchmark in
        precondition(engine.catalog.symptoms.count == 2_000)
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(engine.triage(inputs[i % inputs.count], at: now))
            i += 1
        }
    }

    for (w, h) in [(80, 24), (200, 60)] {
        Benchmark("queue-frame-\(w)x\(h)", configuration: .init(maxDuration: .seconds(4), maxIterations: 20_000)) { benchmark in
            let store = try benchStore()
            var (state, anna, rev) = try BenchData.console(store)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try BenchData.reloadAfterOneCommit(store, &state, anna, rev: rev, width: w, height: h))
            }
            benchmark.stopMeasurement()
            precondition(state.queue.count > 100, "the bench store's queue is too small")
        }
        Benchmark("queue-whole-frame-\(w)x\(h)", configuration: .init(maxDuration: .seconds(3), maxIterations: 2_000)) { benchmark in
            let store = try benchStore()
            var (state, anna, _) = try BenchData.console(store)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                // At log-in and once a minute: the whole queue read again.
                _ = state.apply(.queueLoaded(try store.queue(for: anna), hot: try store.ownedOpenCases(staffId: anna.id)))
                blackHole(ConsoleView.render(state, width: w, height: h))
            }
            benchmark.stopMeasurement()
        }
    }

    Benchmark("fts-search", configuration: .init(maxDuration: .seconds(4), maxIterations: 5_000)) { benchmark in
        let store = try benchStore()
        let queries = ["feber", "ont i halsen", "recept", "utslaget", "värktabletter", "kissar", "sova", "Alvedon", "hosta", "bild"]
        var i = 0
        var hits = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            hits += try store.search(queries[i % queries.count]).count
            i += 1
        }
        benchmark.stopMeasurement()
        precondition(hits > 0, "the searches found nothing: is the bench store filled with messages?")
    }
}
