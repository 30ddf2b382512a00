#!/usr/bin/env bash
# Mutation testing of the library (issue 14) with cargo-mutants, one area at
# a time, each with the tests that judge it. Results: mutants.out/AREA/
# (caught.txt, missed.txt, unviable.txt, timeout.txt, outcomes.json).
#
#   scripts/mutants.sh                 # every area (many hours on 2 cores)
#   scripts/mutants.sh dues life       # some areas
#   scripts/mutants.sh --iterate dues  # only what was missed or new last time
#   SHARD=0/4 scripts/mutants.sh model # a quarter of an area
#   scripts/mutants.sh --jobs=2 life   # two builds at once (≈ 1.3× on 2 cores)
#   QUICK=1 scripts/mutants.sh life    # first pass with the fixtures and the
#                                      # area's sample only (a third less to
#                                      # build a mutant), then
#   scripts/mutants.sh --iterate life  # the missed ones with every judge
#   scripts/mutants.sh --score         # the table of scores from mutants.out/
#                                      # (of the mutants not shown equivalent)
#
# Configuration (what is never mutated, features, profile): .cargo/mutants.toml.
# Needs `cargo install cargo-mutants` (tested with 27.1).
set -euo pipefail
set -f   # the areas are globs for cargo-mutants, not for the shell
cd "$(dirname "$0")/.."

declare -A FILES=(
    [dues]="src/families/dues/**"
    [development]="src/families/development/**"
    [life]="src/families/life/**"
    [organisation]="src/families/organisation/**"
    [ideology]="src/families/ideology/**"
    [transfers]="src/families/transfers/**"
    [data]="src/families/data/**"
    [model]="src/model/** src/period.rs src/calendar.rs"
    [audit]="src/audit/** src/kit/** src/vocab/** src/families/context.rs src/families/registry.rs"
    [profile]="src/profile/**"
    [report]="src/report/**"
    [load]="src/load/*.rs"
    [render]="src/render/*.rs"
    [error]="src/error.rs src/lib.rs"
)
ORDER=(dues development life organisation ideology transfers data model audit profile report load render error)

# The tests that judge library code. Every area gets the fixtures, the
# samples and the rule properties; the slow ones only where they judge the
# code mutated: the model property (an audit of arbitrary bundles, ~7 s a
# run), tests/citations.rs (one audit of 24 branches per parameter, ~8 s)
# and tests/memory.rs (the 10,000-year audit's bytes, ~7 s: the emitter's
# growth and the citations' room are memory, not output).
BASE=(--lib --test api --test cases --test sample --test sample_dev
      --test sample_mtg --test sample_v11 --test prop_dues --test prop_development
      --test prop_meetings --test prop_rules_v11 --test prop_transfers --test synth)
declare -A EXTRA=(
    [model]="--test prop_model"
    [load]="--test prop_model"
    [audit]="--test prop_model --test profile --test prop_profile --test citations --test memory"
    [profile]="--test profile --test prop_profile --test citations"
    [report]="--test baseline --test indicators --test scorecard --test todo --test citations"
    [render]="--test baseline --test indicators --test scorecard --test todo"
)

# QUICK=1: the unit tests, the rule fixtures and the sample that exercises
# the area; what they miss is re-tested by a full `--iterate` run.
declare -A SAMPLE=(
    [development]=sample_dev [life]=sample_mtg [organisation]=sample_v11
    [ideology]=sample_v11 [transfers]=sample_v11 [dues]=sample [data]=sample
)

score() {
    # Over the mutants the code has now (`cargo mutants --list`): what the
    # last run caught, missed or timed out on, plus what earlier --iterate
    # runs caught (previously_caught.txt) or found unviable
    # (unviable-history.txt); "untested" are mutants no run has seen yet
    # (new code, or code that moved since). .cargo/mutants-equivalent.txt:
    # missed mutants shown, in comments at their code, to change nothing
    # observable — counted apart, not as missed.
    local eq=.cargo/mutants-equivalent.txt
    printf '%-13s %7s %7s %7s %6s %8s %8s %9s %7s\n' \
        area mutants caught missed equiv timeout unviable untested score
    for a in "${ORDER[@]}"; do
        d=mutants.out/$a/mutants.out
        [ -d "$d" ] || continue
        local files=() prev=/dev/null hist=/dev/null
        for f in ${FILES[$a]}; do files+=(--file "$f"); done
        [ -f "$d/previously_caught.txt" ] && prev=$d/previously_caught.txt
        [ -f "mutants.out/$a/unviable-history.txt" ] && hist=mutants.out/$a/unviable-history.txt
        local cur
        cur=$(mktemp)
        cargo mutants --list "${files[@]}" 2>/dev/null | sort -u >"$cur"
        n=$(wc -l <"$cur")
        pick() { sort -u "$@" | comm -12 - "$cur"; }
        u=$(pick "$d/unviable.txt" "$hist" | comm -12 - <(sort -u "$prev" "$d/unviable.txt") | wc -l)
        m_all=$(pick "$d/missed.txt" | wc -l)
        e=$(pick "$d/missed.txt" | grep -cxFf <(grep -v '^#' "$eq") || true)
        m=$((m_all - e))
        t=$(pick "$d/timeout.txt" | wc -l)
        c=$(( $(pick "$prev" "$d/caught.txt" "$d/unviable.txt" | wc -l) - u ))
        x=$((n - c - m_all - t - u))
        v=$((c + m + t))
        s=$(awk -v c="$c" -v t="$t" -v v="$v" 'BEGIN { if (v) printf "%.1f%%", 100*(c+t)/v; else print "-" }')
        printf '%-13s %7d %7d %7d %6d %8d %8d %9d %7s\n' "$a" "$n" "$c" "$m" "$e" "$t" "$u" "$x" "$s"
        rm -f "$cur"
    done
}

args=()
areas=()
for arg in "$@"; do
    case $arg in
        --score) score; exit 0 ;;
        --*) args+=("$arg") ;;
        *) [ -n "${FILES[$arg]:-}" ] || { echo "unknown area '$arg' (one of: ${ORDER[*]})" >&2; exit 2; }
           areas+=("$arg") ;;
    esac
done
[ ${#areas[@]} -gt 0 ] || areas=("${ORDER[@]}")

for a in "${areas[@]}"; do
    files=()
    for f in ${FILES[$a]}; do files+=(--file "$f"); done
    # shellcheck disable=SC2206
    tests=("${BASE[@]}" ${EXTRA[$a]:-})
    if [ -n "${QUICK:-}" ]; then
        tests=(--lib --test cases --test "${SAMPLE[$a]:-sample}")
    fi
    shard=()
    [ -z "${SHARD:-}" ] || shard=(--shard "$SHARD")
    mkdir -p "mutants.out/$a"
    # Which mutants were unviable, across --iterate runs (for --score).
    if [ -f "mutants.out/$a/mutants.out/unviable.txt" ]; then
        sort -u -o "mutants.out/$a/unviable-history.txt" "mutants.out/$a/mutants.out/unviable.txt" \
            "mutants.out/$a/unviable-history.txt" 2>/dev/null \
            || cp "mutants.out/$a/mutants.out/unviable.txt" "mutants.out/$a/unviable-history.txt"
    fi
    echo "== $a"
    # The test targets go to every cargo invocation (-C), not only to `cargo
    # test`: otherwise each mutant's build phase compiles all 30 test files
    # and the examples (12-80 s a mutant instead of 4-6 s).
    targets=()
    for t in "${tests[@]}"; do
        case $t in
            --test) ;;
            --lib) targets+=(--cargo-arg=--lib) ;;
            *) targets+=("--cargo-arg=--test=$t") ;;
        esac
    done
    cargo mutants "${files[@]}" "${shard[@]}" "${args[@]}" --output "mutants.out/$a" \
        "${targets[@]}" || true   # missed mutants exit non-zero; the score says
done
score
