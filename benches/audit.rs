//! Benchmarks: the dues calculator; each rule family on a 30-member bundle;
//! deserializing versus auditing 1,000 generated bundles in memory.
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

criterion_group!(benches, calculator, families, full);
criterion_main!(benches);
