# Shared by run.sh and national.sh (sourced, not run): the timer, `measure`, the libyaml
# baseline and the accessc binary. The sourcing script sets HERE, ROOT and TMP and defines
# `say` and `die` first.

# bench_time_setup: GNU time (/usr/bin/time), installed with apt when missing and we are root;
# without it, a tiny fork/exec/wait4 helper reports the same figures. (Python's resource module
# would too, but a child forked from Python carries Python's ~10 MB resident set into
# ru_maxrss before it execs, which swamps the baseline's 2 MB.)
bench_time_setup() {
    TIME_BIN=/usr/bin/time
    if [ ! -x "$TIME_BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing GNU time (apt-get install time)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 || true
    fi
    [ -x "$TIME_BIN" ] && return 0
    say "no /usr/bin/time; using a wait4 helper"
    cat >"$TMP/peak.c" <<'C'
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
    if (argc < 3) return 125;
    pid_t pid = fork();
    if (pid == 0) { execvp(argv[2], argv + 2); _exit(127); }
    int status; struct rusage usage;
    if (pid < 0 || wait4(pid, &status, 0, &usage) < 0) return 125;
    FILE *out = fopen(argv[1], "w");
    if (out) {
        fprintf(out, "%ld %ld.%02ld %ld.%02ld\n", usage.ru_maxrss,
                (long)usage.ru_utime.tv_sec, (long)usage.ru_utime.tv_usec / 10000,
                (long)usage.ru_stime.tv_sec, (long)usage.ru_stime.tv_usec / 10000);
        fclose(out);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
C
    cc -O2 -o "$TMP/peak" "$TMP/peak.c" || die "cannot compile the wait4 helper" 4
}

# measure CMD...: runs CMD, its output discarded (or written to the file MEASURE_LOG names);
# prints "wall_seconds peak_kib exit_code cpu_seconds". Wall time comes from the clock around
# the run (GNU time's %e has only 10 ms resolution); peak RSS is the largest resident set of the
# command and its descendants (KiB); CPU is user + system time (GNU time's %U + %S). With
# MEASURE_TIMEOUT set, the command is stopped after that many seconds (exit code 124).
measure() {
    local start end rc=0 cmd=("$@") kib user sys
    [ -n "${MEASURE_TIMEOUT:-}" ] && cmd=(timeout --kill-after=30 "$MEASURE_TIMEOUT" "${cmd[@]}")
    start=$(date +%s%N)
    if [ -x "$TIME_BIN" ]; then
        "$TIME_BIN" -f '%M %U %S' -o "$TMP/time.out" "${cmd[@]}" >"${MEASURE_LOG:-/dev/null}" 2>&1 || rc=$?
    else
        "$TMP/peak" "$TMP/time.out" "${cmd[@]}" >"${MEASURE_LOG:-/dev/null}" 2>&1 || rc=$?
    fi
    end=$(date +%s%N)
    # GNU time prints "Command exited with non-zero status N" before the format line.
    read -r kib user sys < <(tail -n 1 "$TMP/time.out")
    printf '%s %s %s %s\n' "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }')" \
        "$kib" "$rc" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
}

# bench_accessc: ACCESSC if set, else a release build of this checkout's accessc.
bench_accessc() {
    if [ -n "${ACCESSC:-}" ]; then
        [ -x "$ACCESSC" ] || die "ACCESSC=$ACCESSC is not an executable"
        say "using ACCESSC=$ACCESSC"
        return 0
    fi
    say "building accessc (swift build -c release --product accessc)"
    (cd "$ROOT" && swift build -c release --product accessc >&2) || die "swift build failed" 4
    ACCESSC="$(cd "$ROOT" && swift build -c release --show-bin-path)/accessc"
}

# bench_baseline: compiles libyaml_events.c, the baseline, to $TMP/libyaml_events as BASELINE.
bench_baseline() {
    command -v pkg-config >/dev/null && pkg-config --exists yaml-0.1 ||
        die "libyaml development files are required (Debian: apt-get install libyaml-dev pkg-config)"
    BASELINE="$TMP/libyaml_events"
    # shellcheck disable=SC2046  # pkg-config output is meant to be split
    cc -O2 -o "$BASELINE" "$HERE/libyaml_events.c" $(pkg-config --cflags --libs yaml-0.1) ||
        die "cannot compile libyaml_events.c" 4
}
