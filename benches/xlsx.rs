//! Reading a county's records (100 branches, about 2,500 members, a year)
//! from a workbook, compared with reading the same records from JSON Lines
//! in the same run. `cargo bench --bench xlsx` (features xlsx + synth).
//!
//! The workbook is made by `render::xlsx::write_records` from bundles of
//! `dangjian::synth`; both inputs are in memory, so the figures are parsing
//! alone. Throughput is in members.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dangjian::load::JsonLines;
use dangjian::synth::SynthOptions;

fn county() -> (Vec<u8>, Vec<u8>, usize) {
    let opts = SynthOptions {
        branches: 100,
        seed: 20251231,
        faults: 0.02,
        ..SynthOptions::default()
    };
    let bundles: Vec<_> = opts.bundles().collect();
    let members = bundles.iter().map(|b| b.members.len()).sum();
    let mut xlsx = Vec::new();
    dangjian::render::xlsx::write_records(&bundles, &mut xlsx).unwrap();
    let mut jsonl = Vec::new();
    for b in &bundles {
        serde_json::to_writer(&mut jsonl, b).unwrap();
        jsonl.push(b'\n');
    }
    (xlsx, jsonl, members)
}

fn read(c: &mut Criterion) {
    let (xlsx, jsonl, members) = county();
    eprintln!(
        "county: {members} members; workbook {} KiB, JSON Lines {} KiB",
        xlsx.len() / 1024,
        jsonl.len() / 1024
    );
    let mut g = c.benchmark_group("read county");
    g.sample_size(10);
    g.warm_up_time(std::time::Duration::from_secs(2));
    g.measurement_time(std::time::Duration::from_secs(8));
    g.throughput(Throughput::Elements(members as u64));
    g.bench_function("xlsx", |b| {
        b.iter(|| {
            let wb = dangjian::load::xlsx::ReadOptions::new()
                .read_bytes(black_box(&xlsx), None)
                .unwrap();
            black_box(wb.bundles.iter().map(|b| b.members.len()).sum::<usize>())
        })
    });
    g.bench_function("jsonl", |b| {
        b.iter(|| {
            let mut n = 0;
            for b in JsonLines::new(black_box(jsonl.as_slice())) {
                n += b.unwrap().members.len();
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
