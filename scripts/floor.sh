#!/usr/bin/env bash
# The command end to end, in one run, against the floor of reading:
#
#   scripts/floor.sh [BRANCHES ...]     (default: 1000 10000)
#
# For each size it generates the data (seed 11, 1% faults), then times, best
# of 3 wall clock with peak resident memory (/usr/bin/time): a bare parse
# (examples/bare_parse.rs: every line into IgnoredAny), `--rules none`, the
# full audit as JSON, as text, as a workbook (--format xlsx --out), and as
# JSON against the previous report (--baseline). Each is printed with its
# ratio to the bare parse and to `--rules none`. Issue 22's marks:
# full/read-only ≤ 1.35 (JSON, text), read-only/bare ≤ 2.5.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
cargo build --release --quiet --example audit --example generate --example bare_parse
bin=target/release/examples
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# best WALL RSS of three runs of "$@" (stdout to /dev/null)
best() {
    local w=999999 r=0
    for _ in 1 2 3; do
        /usr/bin/time -f '%e %M' -o "$dir/t" "$@" >/dev/null 2>"$dir/err" || true
        read -r tw tr <"$dir/t"
        if awk -v a="$tw" -v b="$w" 'BEGIN{exit !(a<b)}'; then w=$tw; r=$tr; fi
    done
    echo "$w $r"
}

for n in "${sizes[@]}"; do
    data="$dir/b$n.jsonl"
    "$bin/generate" --branches "$n" --seed 11 --faults 0.01 --out "$data" 2>/dev/null
    "$bin/audit" "$data" --as-of 2025-12-31 --format json --out "$dir/prev.json" 2>/dev/null || true
    mb=$(( $(stat -c %s "$data") / 1000000 ))
    echo "== $n branches ($mb MB), best of 3, $(nproc) threads"
    read -r bare bare_rss < <(best "$bin/bare_parse" "$data")
    read -r none none_rss < <(best "$bin/audit" "$data" --as-of 2025-12-31 --format json --rules none)
    row() { # name wall rss
        awk -v n="$1" -v w="$2" -v r="$3" -v b="$bare" -v o="$none" \
            'BEGIN{printf "  %-26s %7.2f s  %6.2f× bare  %5.2f× read-only  %4d MiB\n", n, w, w/b, w/o, r/1024}'
    }
    row "bare parse" "$bare" "$bare_rss"
    row "--rules none" "$none" "$none_rss"
    read -r w r < <(best "$bin/audit" "$data" --as-of 2025-12-31 --format json); row "full, json" "$w" "$r"
    read -r w r < <(best "$bin/audit" "$data" --as-of 2025-12-31 --format text); row "full, text" "$w" "$r"
    read -r w r < <(best "$bin/audit" "$data" --as-of 2025-12-31 --format xlsx --out "$dir/r.xlsx"); row "full, xlsx" "$w" "$r"
    read -r w r < <(best "$bin/audit" "$data" --as-of 2025-12-31 --format json --baseline "$dir/prev.json"); row "full, json, --baseline" "$w" "$r"
    rm -f "$data"
done
