#!/usr/bin/env python3
"""Helpers for tools/bench.sh: corpus slicing and replication, and the results table.

  bench_util.py slice CORPUS BYTES        documents from the start until BYTES of text (stdout)
  bench_util.py replicate CORPUS K        K copies, ids of copy k > 0 suffixed "~k" (stdout)
  bench_util.py measure CORPUS            {"documents", "text_bytes"} as JSON
  bench_util.py frequent STATEMENTS       the most frequent predicate and subject id
  bench_util.py fillseq-shape STATS       db_bench --num and --value_size matching a store
  bench_util.py keep-fastest DIR NAME...  NAME.* := the fastest of the runs NAME-r1, NAME-r2...
  bench_util.py report DIR SCALES LOAD0 LOAD1   the Markdown table of a tools/bench.sh run
"""
import collections
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys

# Reference points measured on this machine on the first 1,000 documents (issue 9).
REFERENCES = [
    ("TABARI (C++, CAMEO dictionaries), 1 core", 2.3, "about 13,400 sentences/s"),
    ("Python re, 488-name alternation", 2.4, ""),
    ("compromise (JavaScript rule-based NLP)", 0.15, ""),
    ("ripgrep, the same 488 names", 110.0, "regex ceiling"),
]


def lines(path):
    """Yields the lines of a .jsonl or .jsonl.zst file as text."""
    if path.endswith(".zst"):
        proc = subprocess.Popen(["zstd", "-dcq", os.path.realpath(path)], stdout=subprocess.PIPE)
        try:
            for raw in proc.stdout:
                yield raw.decode("utf-8")
        finally:
            proc.stdout.close()
            proc.wait()
    else:
        with open(path, encoding="utf-8") as f:
            yield from f


def text_bytes(line):
    return len(json.loads(line).get("text", "").encode("utf-8"))


def cmd_slice(corpus, limit):
    total = 0
    for line in lines(corpus):
        if not line.strip():
            continue
        sys.stdout.write(line)
        total += text_bytes(line)
        if total >= int(limit):
            break


def cmd_replicate(corpus, copies):
    for k in range(int(copies)):
        for line in lines(corpus):
            if not line.strip():
                continue
            if k == 0:
                sys.stdout.write(line)
                continue
            record = json.loads(line)
            record["id"] = f"{record['id']}~{k}"
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def cmd_measure(corpus):
    documents = 0
    total = 0
    for line in lines(corpus):
        if line.strip():
            documents += 1
            total += text_bytes(line)
    print(json.dumps({"documents": documents, "text_bytes": total}))


def cmd_frequent(statements):
    predicates = collections.Counter()
    subjects = collections.Counter()
    with open(statements, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            predicates[s["predicate"]] += 1
            subjects[s["subject"]["id"]] += 1
    # Ties break by name so the queries are the same on every run.
    first = lambda c: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    print(first(predicates), first(subjects))


def cmd_fillseq_shape(stats_path):
    with open(stats_path, encoding="utf-8") as f:
        stats = json.load(f)
    records = stats["documents"] + stats["statements"] + stats["entities"]
    records = max(records, 1)
    print(records, max(100, stats["disk_bytes"] // records))


def cmd_keep_fastest(out, *names):
    """For each NAME, copies the fastest (least wall time) NAME-rI run to NAME.*; the other
    runs stay in the results directory."""
    for name in names:
        runs = sorted(f[:-len(".time")] for f in os.listdir(out)
                      if f.startswith(name + "-r") and f.endswith(".time"))
        if not runs:
            continue
        best = min(runs, key=lambda run: read_time(out, run)[0])
        for ext in ("time", "out", "err"):
            shutil.copyfile(os.path.join(out, f"{best}.{ext}"), os.path.join(out, f"{name}.{ext}"))
        walls = ", ".join(f"{read_time(out, run)[0]:.2f}" for run in runs)
        with open(os.path.join(out, f"{name}.runs"), "w", encoding="utf-8") as f:
            f.write(f"{len(runs)} runs, wall s: {walls}\n")


# --- report -------------------------------------------------------------------------------------


def read_time(out, name):
    """(wall, cpu, peak_rss_mb) of a run, or None when the run is missing."""
    path = os.path.join(out, name + ".time")
    if not os.path.exists(path):
        return None
    last = open(path, encoding="utf-8").read().strip().splitlines()[-1].split()
    wall, user, system, rss_kb = float(last[0]), float(last[1]), float(last[2]), int(last[3])
    return wall, user + system, rss_kb / 1024


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def mentions(path):
    with open(path, encoding="utf-8") as f:
        return sum(json.loads(line).get("mentions", 0) for line in f)


def fmt(value, digits=1):
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def machine():
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kb = int(f.readline().split()[1])
    return f"{os.cpu_count()} CPUs ({model}), {mem_kb / 1024 / 1024:.1f} GiB RAM, {platform.platform()}"


def store_bench_rates(path):
    """{benchmark name: {documents, wall, cpu}} from parley_store_bench's JSON: statements per
    second of wall time and per second of the process's CPU time."""
    if not os.path.exists(path):
        return {}
    try:
        data = load_json(path)
    except ValueError:
        return {}
    rates = {}
    for b in data.get("benchmarks", []):
        if b.get("run_type", "iteration") != "iteration" or "statements/s" not in b:
            continue
        name = b["run_name"].split("/process_time")[0]
        wall = b["statements/s"]
        rates[name] = dict(documents=fmt(int(name.split("/")[1])), wall=wall,
                           cpu=wall * b["real_time"] / b["cpu_time"])
    return rates


def cmd_report(out, scales, load_start, load_end):
    scales = scales.split()
    p = lambda *parts: os.path.join(out, *parts)
    rows = []
    header = ("| Run | Input MB | Docs | Jobs | Wall s | CPU s | MB/s | MB/s per CPU s | docs/s | "
              "sentences/s | statements/s | statements/MB | entity mentions/MB | peak RSS MB |")
    rows.append(header)
    rows.append("|" + "---|" * (header.count("|") - 1))
    figures = {}
    for scale in scales:
        meta = load_json(p(f"corpus-{scale}.meta"))
        mb = meta["text_bytes"] / 1e6
        docs = meta["documents"]
        stats = None
        sentences = mention_count = None
        if os.path.exists(p(f"stats-{scale}.json")):
            stats = load_json(p(f"stats-{scale}.json"))
            sentences = stats["sentences"]
            mention_count = mentions(p(f"entities-{scale}.jsonl"))
        rate = lambda count, seconds: None if count is None else count / seconds
        for name, jobs in ((f"extract-{scale}-j1", 1), (f"extract-{scale}-j2", 2),
                           (f"extract-{scale}-pair", "2 x 1"), (f"ingest-{scale}-j2", 2)):
            t = read_time(out, name)
            if t is None:
                continue
            wall, cpu, rss = t
            statements = (count_lines(p(name + ".out")) if name.startswith("extract")
                          else stats["statements"])
            figures[name] = dict(mb=mb, wall=wall, cpu=cpu, rss=rss, statements=statements)
            label = f"`{name.split('-')[0]}` {scale}"
            if name.endswith("-pair"):
                label += ", two 1-job processes on its halves at once"
            if os.path.exists(p(name + ".runs")):
                label += " (fastest of " + open(p(name + ".runs")).read().split(" runs")[0] + ")"
            rows.append(
                f"| {label} | {fmt(mb)} | {fmt(docs)} | {jobs} | {fmt(wall, 2)} | {fmt(cpu, 2)} | "
                f"{fmt(mb / wall, 2)} | {fmt(mb / cpu, 2)} | {fmt(docs / wall, 0)} | "
                f"{fmt(rate(sentences, wall), 0)} | {fmt(statements / wall, 0)} | "
                f"{fmt(statements / mb, 1)} | {fmt(rate(mention_count, mb), 0)} | {fmt(rss, 0)} |")

    ceiling = None
    if os.path.exists(p("re2-ceiling.out")):
        ceiling = dict(kv.split("=") for kv in open(p("re2-ceiling.out")).read().split())
        t = read_time(out, "re2-ceiling")
        mb = int(ceiling["bytes"]) / 1e6
        rows.append(
            f"| RE2 alone, {int(ceiling['aliases']):,} aliases (scan only) | {fmt(mb)} | "
            f"{fmt(int(ceiling['documents']))} | 1 | {fmt(float(ceiling['seconds']), 2)} | "
            f"{fmt(float(ceiling['cpu_seconds']), 2)} | {fmt(float(ceiling['mb_per_s']), 2)} | "
            f"{fmt(float(ceiling['mb_per_cpu_s']), 2)} | - | - | - | - | "
            f"{fmt(int(ceiling['matches']) / mb, 0)} (matches) | {fmt(t[2], 0)} |")

    lines_out = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = open(p("commit")).read().strip() if os.path.exists(p("commit")) else "unknown"
    lines_out.append(f"Run {now}, commit {commit}; machine: {machine()}.")
    lines_out.append(f"Load average (1, 5, 15 min) at start: {load_start}; at end: {load_end}.")
    lines_out.append("")
    lines_out.extend(rows)
    lines_out.append("")

    # Store side.
    store = []
    t = read_time(out, "ingest-statements")
    if t:
        n = count_lines(p("extract-1x-j1.out"))
        store.append(f"| `ingest --bulk --statements` (1x statements JSONL) | {fmt(n)} statements | "
                     f"{fmt(t[0], 2)} s wall, {fmt(n / t[0], 0)} statements/s; "
                     f"{fmt(t[1], 2)} CPU s, {fmt(n / t[1], 0)} statements per CPU s | "
                     f"{fmt(t[2], 0)} |")
    store_bench = store_bench_rates(p("store-bench.out"))
    for name, rate in store_bench.items():
        store.append(f"| `{name}` (parley_store_bench: the store alone, synthetic documents, one core) | "
                     f"{rate['documents']} documents per call | "
                     f"{fmt(rate['wall'], 0)} statements/s wall, {fmt(rate['cpu'], 0)} per CPU s "
                     f"(whole process) | - |")
    if os.path.exists(p("db-bench.out")):
        text = open(p("db-bench.out")).read()
        m = re.search(r"fillseq\s*:\s*([\d.]+) micros/op (\d+) ops/sec.*?([\d.]+) MB/s", text)
        t = read_time(out, "db-bench")
        if m:
            store.append(f"| `db_bench fillseq` (RocksDB alone, as many records as the 1x store, "
                         f"one core) | "
                         f"{fmt(int(m.group(2)))} ops/s | {m.group(3) or '-'} MB/s | "
                         f"{fmt(t[2], 0) if t else '-'} |")
    for i in range(1, 4):
        if not os.path.exists(p(f"query-{i}.text")):
            continue
        walls = [read_time(out, f"query-{i}-{rep}")[0] * 1000 for rep in range(1, 6)]
        rows_out = count_lines(p(f"query-{i}-5.out"))
        q = open(p(f"query-{i}.text")).read().strip()
        store.append(f"| `query '{q}'` (process start to exit) | {fmt(rows_out)} output lines | "
                     f"median {fmt(statistics.median(walls), 0)} ms of 5 | "
                     f"{fmt(read_time(out, f'query-{i}-5')[2], 0)} |")
    for fmt_name in ("graphml", "gexf", "csv-edges", "jsonl"):
        t = read_time(out, f"export-{fmt_name}")
        if t:
            size = os.path.getsize(p(f"export.{fmt_name}")) / 1e6
            store.append(f"| `export --format {fmt_name}` (1x store) | {fmt(size, 2)} MB written | "
                         f"{fmt(t[0], 2)} s wall | {fmt(t[2], 0)} |")
    if store:
        lines_out.append("| Store run | Size | Time | peak RSS MB |")
        lines_out.append("|---|---|---|---|")
        lines_out.extend(store)
        lines_out.append("")

    # Ratios against the targets.
    checks = []
    e1, e2, ing, pair = (figures.get(k) for k in
                         ("extract-1x-j1", "extract-1x-j2", "ingest-1x-j2", "extract-1x-pair"))
    if e1:
        checks.append(f"- extraction, 1 job, 1x: {fmt(e1['mb'] / e1['wall'], 2)} MB/s wall, "
                      f"{fmt(e1['mb'] / e1['cpu'], 2)} MB per CPU second (target 10; TABARI 2.3: "
                      f"{fmt(e1['mb'] / e1['cpu'] / 2.3, 1)}x)")
    if e1 and e2:
        checks.append(f"- `--jobs 2` speed-up, wall: {fmt(e1['wall'] / e2['wall'], 2)}x "
                      f"(target 1.8x; CPU s {fmt(e1['cpu'], 2)} vs {fmt(e2['cpu'], 2)})")
    if e1 and pair:
        checks.append(f"- this machine's ceiling for two cores, two independent 1-job processes "
                      f"on the halves at once: {fmt(e1['wall'] / pair['wall'], 2)}x (CPU s "
                      f"{fmt(pair['cpu'], 2)}); `--jobs 2` reaches "
                      f"{fmt(100 * pair['wall'] / e2['wall'] if e2 else 0, 0)}% of it")
    if e2 and ing:
        checks.append(f"- ingest / extraction alone, both 2 jobs, wall: "
                      f"{fmt(e2['wall'] / ing['wall'], 2)}x (target >= 0.7x); CPU: "
                      f"{fmt(e2['cpu'] / ing['cpu'], 2)}x")
    for docs in (1000, 5000):
        bulk = store_bench.get(f"BM_PutBatchBulkRocks/{docs}")
        if bulk:
            checks.append(f"- store bulk path on one core (PutBatch, {docs:,} documents per call, "
                          f"taskset -c 0): {fmt(bulk['wall'], 0)} statements/s, "
                          f"{fmt(bulk['cpu'], 0)} per CPU second (target 100,000 on one core)")
    if e1 and ceiling:
        checks.append(f"- RE2 ceiling / parley extraction per CPU second: "
                      f"{fmt(float(ceiling['mb_per_cpu_s']) / (e1['mb'] / e1['cpu']), 1)}x")
    per_mb = [(s, figures[f"extract-{s}-j1"]) for s in scales if f"extract-{s}-j1" in figures]
    if per_mb:
        checks.append("- cost per MB (CPU s per MB of text, 1 job): " + ", ".join(
            f"{s} ({fmt(f['mb'], 0)} MB) {fmt(f['cpu'] / f['mb'], 3)}" for s, f in per_mb))
    peaks = [(name, f["rss"]) for name, f in figures.items()]
    if peaks:
        name, rss = max(peaks, key=lambda kv: kv[1])
        checks.append(f"- peak memory over all runs: {fmt(rss, 0)} MB ({name}; target < 300)")
    lines_out.extend(checks)
    lines_out.append("")
    lines_out.append("Reference points measured earlier on this machine (first 1,000 documents, "
                     "4.36 MB): " + "; ".join(
                         f"{name} {mbps} MB/s{' (' + note + ')' if note else ''}"
                         for name, mbps, note in REFERENCES) + ".")
    print("\n".join(lines_out))


def main(argv):
    commands = {
        "slice": cmd_slice,
        "replicate": cmd_replicate,
        "measure": cmd_measure,
        "frequent": cmd_frequent,
        "fillseq-shape": cmd_fillseq_shape,
        "keep-fastest": cmd_keep_fastest,
        "report": cmd_report,
    }
    if len(argv) < 2 or argv[1] not in commands:
        sys.stderr.write(__doc__)
        return 2
    commands[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
