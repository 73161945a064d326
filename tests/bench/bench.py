#!/usr/bin/env python3
"""Benchmark `get` (and `store`) of anyreach-cred against the reference
keyring helpers, in the private keyring session (and user namespace, for
the kernel keyring the opt-in cache uses) that tests/bench/run.sh starts.  Each helper first stores the same secret; then the lookups run
interleaved, ROUNDS times each, and the table shows medians, the ratio to
secret-tool, peak memory, and the instructions callgrind counts for one
run.  A benchmark, not a test: it asserts nothing.

  bench.py ROUNDS AC GIT_HELPER NOOP
"""
import os
import statistics
import subprocess
import sys
import time

SECRET = "ak_bench0001.Zb3nchS3cretValue0123456789abcdef"


def run(argv, stdin=b"", env=None):
    """Wall time (ms), rusage and stdout of one run."""
    r, w = os.pipe()
    o_r, o_w = os.pipe()
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(r, 0)
        os.dup2(o_w, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.execvpe(argv[0], argv, env or os.environ)
    os.close(r)
    os.close(o_w)
    os.write(w, stdin)
    os.close(w)
    out = b""
    while chunk := os.read(o_r, 65536):
        out += chunk
    os.close(o_r)
    _, status, usage = os.wait4(pid, 0)
    ms = (time.perf_counter() - t0) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv[0]} failed: {status}")
    return ms, usage, out


def peak_kib(argv, stdin=b"", env=None):
    """Peak RSS as GNU time reports it: its child is a fresh exec, not a
    copy of this Python process."""
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, input=stdin,
                       capture_output=True, env=env)
    return int(p.stderr.decode().strip().splitlines()[-1])


def instructions(argv, stdin=b"", env=None):
    p = subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=/dev/null"] + argv,
                       input=stdin, capture_output=True, env=env)
    for line in p.stderr.decode().splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    return 0


def personality(ac, name):
    """anyreach-cred under a calling tool's name, as make install links it."""
    link = os.path.join(os.path.dirname(ac), "build", "bench", name)
    if not os.path.islink(link):
        os.symlink(os.path.abspath(ac), link)
    return link


def cases(ac, git_helper, noop):
    env_ci = dict(os.environ, ANYREACH_TOKEN=SECRET)
    # The first round fills the cache; the TTL outlasts the run.
    env_cache = dict(os.environ, ANYREACH_CACHE_TTL="3600")
    gitreq = b"protocol=https\nhost=bench.example\n\n"
    git = personality(ac, "git-credential-anyreach")
    docker = personality(ac, "docker-credential-anyreach")
    header = personality(ac, "anyreach-credential-helper")
    return [
        ("process exec floor", [noop], b"", None),
        ("secret-tool lookup", ["secret-tool", "lookup", "service", "bench",
                                "user", "me"], b"", None),
        ("git-credential-libsecret get", [git_helper, "get"], gitreq, None),
        ("docker-credential-secretservice get",
         ["docker-credential-secretservice", "get"],
         b"https://bench.example", None),
        ("anyreach-cred get (keyring)", [ac, "get"], b"", None),
        ("git-credential-anyreach get (keyring)", [git, "get"],
         b"protocol=https\nhost=api.anyreach.ai\n\n", None),
        ("docker-credential-anyreach get (keyring)", [docker, "get"],
         b"https://api.anyreach.ai", None),
        ("anyreach-credential-helper get (keyring)", [header, "get"],
         b'{"uri": "https://api.anyreach.ai/v1/calls"}', None),
        ("anyreach-cred get (ANYREACH_TOKEN)", [ac, "get"], b"", env_ci),
        ("anyreach-cred get (cache hit)", [ac, "get"], b"", env_cache),
    ]


def store_all(ac, git_helper):
    s = SECRET.encode()
    run(["secret-tool", "store", "--label=bench", "service", "bench",
         "user", "me"], s)
    run([git_helper, "store"], b"protocol=https\nhost=bench.example\n"
        b"username=me\npassword=" + s + b"\n\n")
    run(["docker-credential-secretservice", "store"],
        b'{"ServerURL":"https://bench.example","Username":"me","Secret":"'
        + s + b'"}')
    run([ac, "login"], s + b"\n")


def store_times(ac, rounds):
    s = SECRET.encode()
    tool, ours = [], []
    for _ in range(rounds):
        tool.append(run(["secret-tool", "store", "--label=bench", "service",
                         "bench", "user", "me"], s)[0])
        ours.append(run([ac, "login"], s + b"\n")[0])
    return statistics.median(tool), statistics.median(ours)


def loaded_libraries(argv, stdin, env):
    """The shared objects the dynamic loader opened, dlopen included."""
    env = dict(env or os.environ, LD_DEBUG="files")
    p = subprocess.run(argv, input=stdin, env=env, capture_output=True)
    return {line.split("file=")[1].split()[0]
            for line in p.stderr.decode(errors="replace").splitlines()
            if "file=" in line and "[0];  needed by" in line
            or "file=" in line and "dynamically loaded by" in line}


def verdict(name, value, limit, fmt):
    met = "met" if value <= limit else "NOT MET"
    print(f"  {name:52} {value:{fmt}} <= {limit:{fmt}}  {met}")


def targets(table, times, peaks):
    """The issue's targets, measured in this run."""
    med = {name: statistics.median(t) for name, t in times.items()}
    print("\ntargets:")
    for name, *_ in table:
        if name.endswith("(keyring)"):
            verdict(f"{name.split(' (')[0]} / secret-tool",
                    med[name] / med["secret-tool lookup"], 0.5, ".2f")
    verdict("get from ANYREACH_TOKEN / exec floor",
            med["anyreach-cred get (ANYREACH_TOKEN)"] /
            med["process exec floor"], 1.5, ".2f")
    print(f"  {'opt-in cache hit / secret-tool (no target)':52} "
          f"{med['anyreach-cred get (cache hit)'] / med['secret-tool lookup']:.2f}")
    tool = peaks["secret-tool lookup"]
    ours = max(kib for name, kib in peaks.items() if "anyreach" in name)
    verdict("peak KiB, largest of ours / secret-tool's", ours, tool, "d")
    for name, argv, stdin, env in table:
        if "anyreach" in name:
            libs = loaded_libraries(argv, stdin, env)
            heavy = sorted(lib for lib in libs
                           if "libcurl" in lib or "libglib" in lib)
            print(f"  {name:52} loads {len(libs)} libraries"
                  f"{', among them ' + ', '.join(heavy) if heavy else ''}"
                  f"; libcurl {'MAPPED' if any('libcurl' in x for x in heavy) else 'not mapped'}")


def main():
    rounds, ac, git_helper, noop = int(sys.argv[1]), *sys.argv[2:5]
    store_all(ac, git_helper)
    table = cases(ac, git_helper, noop)
    times = {name: [] for name, *_ in table}
    for _ in range(rounds):               # interleaved: same conditions
        for name, argv, stdin, env in table:
            ms, _, out = run(argv, stdin, env)
            if name != "process exec floor" and SECRET.encode() not in out:
                raise SystemExit(f"{name} did not return the secret")
            times[name].append(ms)
    base = statistics.median(times["secret-tool lookup"])
    peaks = {name: peak_kib(argv, stdin, env)   # one reading for both uses
             for name, argv, stdin, env in table}
    print(f"{'lookup of one secret':42} {'wall ms':>8} {'ratio':>6} "
          f"{'instr (M)':>10} {'peak KiB':>9}")
    for name, argv, stdin, env in table:
        med = statistics.median(times[name])
        ins = instructions(argv, stdin, env) / 1e6
        ins_text = f"{ins:10.1f}" if ins else f"{'n/a':>10}"  # Go binaries
        print(f"{name:42} {med:8.2f} {med / base:6.2f} {ins_text} "
              f"{peaks[name]:9d}")
    targets(table, times, peaks)
    tool, ours = store_times(ac, max(3, rounds // 3))
    print(f"\nstore: secret-tool store {tool:.2f} ms, anyreach-cred login "
          f"{ours:.2f} ms (ratio {ours / tool:.2f})")
    print(f"({rounds} interleaved rounds, medians; ratio to secret-tool "
          f"lookup)")


if __name__ == "__main__":
    main()
