//! Benchmarks: the dues calculator; each rule family on a 30-member bundle;
//! deserializing versus auditing 1,000 generated bundles in memory; the
//! parser's floor (`floor`: bare parse, read-only, full audit side by side).
//!
//! `cargo bench --bench audit` (add `-- family` etc. to pick groups). The
//! figures in the README's "Performance" section come from here.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dangjian::dues::expected_monthly;
use dangjian::synth::{self, SynthOptions};
use dangjian::{Auditor, Bundle, DuesCategory, Money, Profile};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

fn options(branches: usize, faults: f64) -> SynthOptions {
    SynthOptions {
        branches,
        seed: 20251231,
        faults,
        ..SynthOptions::default()
    }
}

/// A generated bundle with exactly `n` members.
fn bundle_of(n: usize) -> Bundle {
    let opts = options(100_000, 0.02);
    (0..opts.branches)
        .map(|i| synth::bundle(&opts, i))
        .find(|b| b.members.len() == n)
        .expect("some generated branch has that size")
}

fn calculator(c: &mut Criterion) {
    let p = Profile::central();
    let bases: Vec<Money> = (0..1000u64)
        .map(|i| Money::from_fen(i * 1_537 % 2_000_000))
        .collect();
    let cats = DuesCategory::ALL;
    let mut g = c.benchmark_group("calculator");
    g.throughput(Throughput::Elements(bases.len() as u64));
    g.bench_function("expected_monthly x1000", |b| {
        b.iter(|| {
            let mut n = 0u64;
            for (i, base) in bases.iter().enumerate() {
                let cat = cats[i % cats.len()];
                if expected_monthly(&p.dues, cat, Some(*base))
                    .minimum()
                    .is_some()
                {
                    n += 1;
                }
            }
            black_box(n)
        })
    });
    g.finish();
}

fn families(c: &mut Criterion) {
    let bundle = bundle_of(30);
    let mut g = c.benchmark_group("family (30 members)");
    g.throughput(Throughput::Elements(bundle.members.len() as u64));
    for family in ["DUE", "DEV", "MTG", "EDU", "ORG", "DAT", "all"] {
        let auditor = Auditor::new(as_of()).select(family.parse().unwrap());
        g.bench_function(family, |b| {
            b.iter(|| black_box(auditor.check(black_box(&bundle))))
        });
    }
    g.finish();
}

fn full(c: &mut Criterion) {
    let opts = options(1000, 0.02);
    let bundles: Vec<Bundle> = (0..opts.branches)
        .map(|i| synth::bundle(&opts, i))
        .collect();
    let members: usize = bundles.iter().map(|b| b.members.len()).sum();
    let lines: Vec<String> = bundles
        .iter()
        .map(|b| serde_json::to_string(b).unwrap())
        .collect();
    let bytes: usize = lines.iter().map(String::len).sum();
    let auditor = Auditor::new(as_of());

    let mut g = c.benchmark_group("1000 bundles");
    g.sample_size(10);
    g.throughput(Throughput::Elements(members as u64));
    g.bench_function("audit (every rule, in memory)", |b| {
        b.iter(|| black_box(auditor.audit(black_box(&bundles))))
    });
    g.bench_function("deserialize only", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(dangjian::load::bundle_from_json(l).unwrap());
            }
        })
    });
    g.bench_function("deserialize + audit", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut report = auditor.empty_report();
                for l in &lines {
                    let bundle = dangjian::load::bundle_from_json(l).unwrap();
                    let f = auditor.check(&bundle);
                    auditor.add(&mut report, &bundle, f);
                }
                black_box(auditor.finish(report))
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
    eprintln!("1000 bundles: {members} members, {bytes} bytes of JSON Lines");
}

/// The parser's floor, side by side on the same JSON Lines (one thread, as
/// each worker of the command runs): a bare serde_json parse into
/// `IgnoredAny`; reading (one UTF-8 check per line, the typed model, the
/// context the rules look up) with no rule (`audit --rules none`); and the
/// full audit with indicators (`audit`). The targets: full ≤ 1.35×
/// read-only, read-only ≤ 3× the bare parse.
fn floor(c: &mut Criterion) {
    use dangjian::rules::Selection;
    let opts = options(300, 0.01);
    let lines: Vec<String> = (0..opts.branches)
        .map(|i| serde_json::to_string(&synth::bundle(&opts, i)).unwrap())
        .collect();
    let bytes: usize = lines.iter().map(String::len).sum();
    let full = Auditor::new(as_of());
    let none = Auditor::new(as_of()).select(Selection::none());
    let mut g = c.benchmark_group("floor (300 bundles, one thread)");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("serde_json into IgnoredAny", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(serde_json::from_str::<serde::de::IgnoredAny>(l).unwrap());
            }
        })
    });
    g.bench_function("read only (--rules none)", |b| {
        b.iter(|| {
            for (i, l) in lines.iter().enumerate() {
                let bundle = dangjian::load::bundle_from_line(l.as_bytes(), i + 1, None).unwrap();
                let cx = none.context(&bundle);
                black_box(none.check_context(&cx));
            }
        })
    });
    g.bench_function("full audit", |b| {
        b.iter(|| {
            for (i, l) in lines.iter().enumerate() {
                let bundle = dangjian::load::bundle_from_line(l.as_bytes(), i + 1, None).unwrap();
                let cx = full.context(&bundle);
                let findings = full.check_context(&cx);
                black_box(full.indicators(&cx, &findings));
                black_box(findings);
            }
        })
    });
    g.finish();
    eprintln!(
        "floor: {} bundles, {bytes} bytes of JSON Lines",
        lines.len()
    );
}

criterion_group!(benches, calculator, families, full, floor);
criterion_main!(benches);
