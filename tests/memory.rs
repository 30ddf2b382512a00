//! The memory a very long audit holds (issue 14): one member audited over
//! 10,000 years (0001-01-01 to 9999-12-31) gives 280,000 findings (one per
//! unpaid month, missing meeting, short training year …). The bound is 256
//! MiB for the whole command; here the library's part is counted exactly,
//! with an allocator that tracks the bytes asked for (the process's
//! resident size adds the allocator's own overhead: the command's figures,
//! under `/usr/bin/time -v`, are in `fuzz/README.md`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use dangjian::{Auditor, DateRange, NaiveDate};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = NOW.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        // SAFETY: the caller's layout, as given.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        // SAFETY: allocated by `alloc` with this layout.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        if n > l.size() {
            grew(n - l.size());
        } else {
            NOW.fetch_sub(l.size() - n, Relaxed);
        }
        // SAFETY: as `alloc` and `dealloc`.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: usize = 1 << 20;

/// One test, so that nothing else allocates meanwhile.
#[test]
fn a_ten_thousand_year_audit_stays_within_its_memory() {
    let text = r#"{"format":"dangjian/1","branches":[{"branch":{"id":"B1","name":"一支部","kind":"organ","founded_on":"2010-01-01"},"members":[{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}],"dues_bases":[{"member":"M1","from":"2020-01","base":"4000.00"}],"dues_payments":[{"member":"M1","month":"2025-01","amount":"40.00","paid_on":"2025-01-05"}],"meetings":[{"id":"X1","kind":"general_meeting","date":"2025-03-01","attendance":[{"member":"M1","status":"present"}]}]}]}"#;
    let bundles = dangjian::load::from_json_str(text).unwrap();
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let auditor =
        Auditor::new(d(9999, 12, 31)).period(DateRange::new(d(1, 1, 1), d(9999, 12, 31)).unwrap());
    let cx = auditor.context(&bundles[0]);

    // Family by family, each part dropped when seen (as the command does,
    // once it has rendered a part): only the largest part is held.
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    let (mut n, mut largest) = (0, 0);
    auditor.check_context_by_family(&cx, |part| {
        n += part.len();
        largest = largest.max(part.len());
    });
    let streamed = PEAK.load(Relaxed) - base;
    eprintln!(
        "by family: {n} findings (largest part {largest}), peak {} MiB",
        streamed / MIB
    );
    assert!(n > 250_000, "{n} findings");
    assert!(streamed < 192 * MIB, "peak {} MiB", streamed / MIB);

    // All at once: what `check` returns, and the most it takes on the way.
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    let all = auditor.check_context(&cx);
    let held = NOW.load(Relaxed) - base;
    let peak = PEAK.load(Relaxed) - base;
    eprintln!(
        "all at once: {} findings hold {} MiB ({} bytes each), peak {} MiB",
        all.len(),
        held / MIB,
        held / all.len(),
        peak / MIB
    );
    assert_eq!(all.len(), n);
    assert!(held < 240 * MIB, "held {} MiB", held / MIB);
    assert!(peak < 256 * MIB, "peak {} MiB", peak / MIB);
}
