//! Sorted output in bounded memory, for the audit command.
//!
//! A report must list findings sorted by branch, rule, subject and period,
//! but bundles arrive in input order. [`SortedSpool`] keeps rendered items
//! (a finding's JSON or CSV text, a branch's text section) with an
//! order-preserving byte key; past a memory budget it sorts what it holds and
//! writes it to a temporary file (a *run*), and at the end merges the runs.
//! So the command's memory is bounded by the budget, not by the number of
//! findings, and the output is the same as sorting everything in memory.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Appends `s` to `key` so that byte order of keys is the order of the
/// strings, field by field: `\0` is escaped as `\0\x01` and the field ends
/// with `\0\0`.
pub(crate) fn key_str(key: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes() {
        key.push(b);
        if b == 0 {
            key.push(1);
        }
    }
    key.extend_from_slice(&[0, 0]);
}

/// Appends a number so that byte order is numeric order.
pub(crate) fn key_u64(key: &mut Vec<u8>, n: u64) {
    key.extend_from_slice(&n.to_be_bytes());
}

/// Items sorted by key, spilled to temporary files past a memory budget.
pub(crate) struct SortedSpool {
    budget: usize,
    held: usize,
    items: Vec<(Vec<u8>, String)>,
    runs: Vec<PathBuf>,
}

static RUN_COUNTER: AtomicU64 = AtomicU64::new(0);

impl SortedSpool {
    /// A spool that holds at most about `budget` bytes in memory.
    pub(crate) fn new(budget: usize) -> SortedSpool {
        SortedSpool {
            budget,
            held: 0,
            items: Vec::new(),
            runs: Vec::new(),
        }
    }

    /// Adds an item; may write a run.
    pub(crate) fn push(&mut self, key: Vec<u8>, text: String) -> io::Result<()> {
        self.held += key.len() + text.len() + 64;
        self.items.push((key, text));
        if self.held > self.budget {
            self.spill()?;
        }
        Ok(())
    }

    /// Takes over the items and runs of `other` (a worker's spool); may
    /// write a run.
    pub(crate) fn absorb(&mut self, mut other: SortedSpool) -> io::Result<()> {
        // Moved, not copied: `other` no longer removes them when dropped.
        self.runs.append(&mut other.runs);
        for (key, text) in std::mem::take(&mut other.items) {
            self.push(key, text)?;
        }
        Ok(())
    }

    /// Whether no item was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty() && self.runs.is_empty()
    }

    /// Number of runs written so far (for tests and statistics).
    pub(crate) fn runs(&self) -> usize {
        self.runs.len()
    }

    fn spill(&mut self) -> io::Result<()> {
        self.items.sort_by(|a, b| a.0.cmp(&b.0));
        let n = RUN_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("dangjian-{}-{n}.run", std::process::id()));
        let file = File::create(&path)?;
        // Registered before writing, so that Drop removes a partial file too.
        self.runs.push(path);
        let mut w = BufWriter::with_capacity(1 << 16, file);
        for (key, text) in self.items.drain(..) {
            write_record(&mut w, &key, text.as_bytes())?;
        }
        w.flush()?;
        self.held = 0;
        Ok(())
    }

    /// Writes every item's text in key order, `sep` between items.
    pub(crate) fn write_sorted(mut self, out: &mut dyn Write, sep: &[u8]) -> io::Result<()> {
        let mut first = true;
        let mut emit = |out: &mut dyn Write, text: &[u8]| -> io::Result<()> {
            if !first {
                out.write_all(sep)?;
            }
            first = false;
            out.write_all(text)
        };
        if self.runs.is_empty() {
            self.items.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, text) in &self.items {
                emit(out, text.as_bytes())?;
            }
            return Ok(());
        }
        if !self.items.is_empty() {
            self.spill()?;
        }
        // k-way merge of the runs. Ties cannot happen: keys end with the
        // bundle's sequence number and the item's index.
        let mut readers = Vec::with_capacity(self.runs.len());
        for path in &self.runs {
            readers.push(BufReader::with_capacity(1 << 16, File::open(path)?));
        }
        let mut heap = BinaryHeap::new();
        for (i, r) in readers.iter_mut().enumerate() {
            if let Some((key, text)) = read_record(r)? {
                heap.push(Reverse((key, i, text)));
            }
        }
        while let Some(Reverse((_, i, text))) = heap.pop() {
            emit(out, &text)?;
            if let Some(r) = readers.get_mut(i) {
                if let Some((key, text)) = read_record(r)? {
                    heap.push(Reverse((key, i, text)));
                }
            }
        }
        Ok(())
    }
}

impl Drop for SortedSpool {
    fn drop(&mut self) {
        for path in &self.runs {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A file in the temporary folder, removed when dropped.
pub(crate) struct TempFile(PathBuf);

impl TempFile {
    /// A fresh, empty path named after this process and `name`.
    pub(crate) fn new(name: &str) -> io::Result<TempFile> {
        let n = RUN_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("dangjian-{}-{n}-{name}", std::process::id()));
        File::create(&path)?;
        Ok(TempFile(path))
    }

    /// Its path.
    pub(crate) fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn write_record(w: &mut dyn Write, key: &[u8], text: &[u8]) -> io::Result<()> {
    w.write_all(&(key.len() as u64).to_le_bytes())?;
    w.write_all(key)?;
    w.write_all(&(text.len() as u64).to_le_bytes())?;
    w.write_all(text)
}

fn read_record(r: &mut dyn Read) -> io::Result<Option<(Vec<u8>, Vec<u8>)>> {
    let mut len = [0u8; 8];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut key = vec![0u8; usize::try_from(u64::from_le_bytes(len)).unwrap_or(0)];
    r.read_exact(&mut key)?;
    r.read_exact(&mut len)?;
    let mut text = vec![0u8; usize::try_from(u64::from_le_bytes(len)).unwrap_or(0)];
    r.read_exact(&mut text)?;
    Ok(Some((key, text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(parts: &[&str], n: u64) -> Vec<u8> {
        let mut k = Vec::new();
        for p in parts {
            key_str(&mut k, p);
        }
        key_u64(&mut k, n);
        k
    }

    #[test]
    fn keys_order_like_tuples() {
        let mut tuples = vec![
            (vec!["B1", "DUE001"], 3),
            (vec!["B10", "DUE001"], 0),
            (vec!["B1", "DUE001"], 1),
            (vec!["B1\0x", "A"], 0),
            (vec!["B1", "DUE"], 9),
            (vec!["", "Z"], 0),
        ];
        let mut by_key = tuples.clone();
        by_key.sort_by_key(|(p, n)| key(p, *n));
        tuples.sort();
        assert_eq!(by_key, tuples);
    }

    #[test]
    fn spilled_output_equals_in_memory_output() {
        let items: Vec<(Vec<u8>, String)> = (0..500u64)
            .map(|i| {
                let b = format!("B{}", (i * 7919) % 37);
                (key(&[&b, "R"], i), format!("item {b} {i}"))
            })
            .collect();
        let mut big = SortedSpool::new(usize::MAX);
        let mut small = SortedSpool::new(300);
        for (k, t) in &items {
            big.push(k.clone(), t.clone()).unwrap();
            small.push(k.clone(), t.clone()).unwrap();
        }
        assert_eq!(big.runs(), 0);
        assert!(small.runs() > 10);
        let paths = small.runs.clone();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        big.write_sorted(&mut a, b",\n").unwrap();
        small.write_sorted(&mut b, b",\n").unwrap();
        assert_eq!(a, b);
        assert_eq!(String::from_utf8(a).unwrap().lines().count(), 500);
        assert!(paths.iter().all(|p| !p.exists()), "runs are removed");
    }
}
