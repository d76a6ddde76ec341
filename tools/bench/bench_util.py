#!/usr/bin/env python3
"""Helpers for tools/bench.sh: corpus slicing and replication, and the results table.

  bench_util.py slice CORPUS BYTES        documents from the start until BYTES of text (stdout)
  bench_util.py sample CORPUS BYTES       evenly spaced documents, about BYTES of text (stdout)
  bench_util.py head CORPUS N             the first N documents (stdout)
  bench_util.py replicate CORPUS K        K copies, ids of copy k > 0 suffixed "~k" (stdout)
  bench_util.py measure CORPUS            {"documents", "text_bytes"} as JSON
  bench_util.py frequent STATEMENTS       the most frequent predicate and subject id
  bench_util.py fillseq-shape STATS       db_bench --num and --value_size matching a store
  bench_util.py keep-median DIR NAME...   NAME.* := the median of the runs NAME-r1, NAME-r2...
  bench_util.py same-stats A.json B.json  exits 1 unless two `parley stats --json` agree (but
                                          for disk_bytes)
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


def cmd_sample(corpus, limit):
    """Evenly spaced documents, about LIMIT bytes of text: of every document index i, those where
    i * LIMIT / (the corpus' text bytes) passes a whole number, so the sample has the corpus' mix
    of years and lengths (a prefix of a corpus sorted by date has only its first months)."""
    total = sum(text_bytes(line) for line in lines(corpus) if line.strip())
    rate = int(limit) / max(total, 1)
    index = 0
    for line in lines(corpus):
        if not line.strip():
            continue
        if index == 0 or int(index * rate) != int((index - 1) * rate):
            sys.stdout.write(line)
        index += 1


def cmd_head(corpus, count):
    written = 0
    for line in lines(corpus):
        if written >= int(count):
            break
        if line.strip():
            sys.stdout.write(line)
            written += 1


def cmd_same_stats(a, b):
    stats = [load_json(path) for path in (a, b)]
    for s in stats:
        s.pop("disk_bytes", None)
    if stats[0] != stats[1]:
        sys.stderr.write(f"{a} and {b} differ:\n{stats[0]}\n{stats[1]}\n")
        sys.exit(1)


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


def cmd_keep_median(out, *names):
    """For each NAME, copies the median (by wall time) NAME-rI run to NAME.*; the other runs
    stay in the results directory. With an even count, the faster of the two middle runs."""
    for name in names:
        runs = sorted(f[:-len(".time")] for f in os.listdir(out)
                      if re.fullmatch(re.escape(name) + r"-r\d+\.time", f))
        if not runs:
            continue
        by_wall = sorted(runs, key=lambda run: read_time(out, run)[0])
        median = by_wall[(len(by_wall) - 1) // 2]
        for ext in ("time", "out", "err"):
            source = os.path.join(out, f"{median}.{ext}")
            if ext == "out" and not os.path.exists(source):
                # Repeated runs checked equal to the first keep only its output (tools/bench.sh).
                source = os.path.join(out, f"{runs[0]}.{ext}")
            shutil.copyfile(source, os.path.join(out, f"{name}.{ext}"))
        walls = ", ".join(f"{read_time(out, run)[0]:.2f}" for run in runs)
        cpus = ", ".join(f"{read_time(out, run)[1]:.2f}" for run in runs)
        with open(os.path.join(out, f"{name}.runs"), "w", encoding="utf-8") as f:
            f.write(f"{len(runs)} runs, wall s: {walls}; CPU s: {cpus}\n")


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


def tabari_run(out, name):
    """{bytes, records, events, wall} from TABARI's run.sh summary line, or None."""
    path = os.path.join(out, name + ".out")
    if not os.path.exists(path):
        return None
    m = re.search(r"tabari: (\d+) bytes of text, (\d+) records, (\d+) events, ([\d.]+) s wall",
                  open(path, encoding="utf-8").read())
    if not m:
        return None
    return dict(bytes=int(m.group(1)), records=int(m.group(2)), events=int(m.group(3)),
                wall=float(m.group(4)))


def tabari_median(out, name):
    """The median (by wall) of TABARI's runs NAME-r1, NAME-r2..., and all their walls."""
    runs = [r for r in (tabari_run(out, f"{name}-r{i}") for i in range(1, 100)) if r]
    if not runs:
        return None, []
    by_wall = sorted(runs, key=lambda r: r["wall"])
    return by_wall[(len(by_wall) - 1) // 2], [r["wall"] for r in runs]


def run_cpus(out, name):
    """The CPU s of each of the runs NAME-r1, NAME-r2..., or of NAME alone when not repeated."""
    runs = [f[:-len(".time")] for f in os.listdir(out)
            if re.fullmatch(re.escape(name) + r"-r\d+\.time", f)]
    if not runs and read_time(out, name):
        runs = [name]
    return sorted(read_time(out, run)[1] for run in runs)


def runs_note(out, name):
    path = os.path.join(out, name + ".runs")
    if not os.path.exists(path):
        return ""
    return " (median of " + open(path, encoding="utf-8").read().split(" runs")[0] + ")"


def peer_rows(out, parts):
    """The start-up and 1,000-document rows: parley and TABARI on the same input."""
    rows = []
    figures = {}
    if "startup" in parts and read_time(out, "startup-parley"):
        wall, cpu, rss = read_time(out, "startup-parley")
        tabari, walls = tabari_median(out, "startup-tabari")
        figures["startup"] = dict(wall=wall, tabari=tabari["wall"] if tabari else None)
        size = load_json(os.path.join(out, "corpus-startup.meta"))["text_bytes"]
        rows.append(
            f"| start-up: one sentence, whole process{runs_note(out, 'startup-parley')} | "
            f"1 document, {size} bytes | {fmt(wall, 3)} s wall, {fmt(cpu, 3)} CPU s, "
            f"{fmt(rss, 0)} MB peak | "
            + (f"{fmt(tabari['wall'], 3)} s wall (dictionaries read) | "
               f"{fmt(tabari['wall'] / wall, 1)}x |" if tabari else "- | - |"))
    if "1k" in parts and read_time(out, "extract-1k-j1"):
        meta = load_json(os.path.join(out, "corpus-1k.meta"))
        mb = meta["text_bytes"] / 1e6
        wall, cpu, rss = read_time(out, "extract-1k-j1")
        statements = count_lines(os.path.join(out, "extract-1k-j1.out"))
        tabari, walls = tabari_median(out, "tabari-1k")
        parley_cell = (f"{fmt(wall, 3)} s wall, **{fmt(mb / wall, 2)} MB/s** "
                       f"({fmt(mb / cpu, 2)} per CPU s), {fmt(statements / mb, 1)} statements/MB, "
                       f"{fmt(rss, 0)} MB peak")
        if tabari:
            ratio = (mb / wall) / (tabari["bytes"] / 1e6 / tabari["wall"])
            figures["1k"] = dict(ratio=ratio)
            tabari_cell = (f"{fmt(tabari['wall'], 3)} s wall, **{fmt(tabari['bytes'] / 1e6 / tabari['wall'], 2)} "
                           f"MB/s**, {fmt(tabari['events'] / mb, 1)} events/MB "
                           f"({fmt(tabari['records'] / mb, 0)} sentences/MB coded)")
            rows.append(f"| first {fmt(meta['documents'])} documents, 1 job"
                        f"{runs_note(out, 'extract-1k-j1')} | {fmt(mb, 2)} MB | {parley_cell} | "
                        f"{tabari_cell} | **{fmt(ratio, 2)}x** |")
        else:
            rows.append(f"| first {fmt(meta['documents'])} documents, 1 job"
                        f"{runs_note(out, 'extract-1k-j1')} | {fmt(mb, 2)} MB | {parley_cell} | - | - |")
    if rows:
        rows[:0] = ["| Run | Input | parley | TABARI 0.8.4b2 | parley / TABARI |",
                    "|---|---|---|---|---|"]
    return rows, figures


def cmd_report(out, parts, load_start, load_end):
    parts = parts.split()
    scales = [s for s in parts if s not in ("startup", "1k")]
    p = lambda *names: os.path.join(out, *names)
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
                           (f"extract-{scale}-pair", "2 x 1"), (f"ingest-{scale}-j2", 2),
                           (f"dask-{scale}", "2 workers")):
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
            if name.startswith("dask"):
                label = (f"Dask recipe {scale}, LocalCluster of 2 workers, cluster start-up "
                         f"included (`tools/dask/parley_dask.py --bulk --db`)")
            label += runs_note(out, name)
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
    rules = open(p("rules")).read().strip() if os.path.exists(p("rules")) else "defaults"
    rules = "the default rules" if rules == "defaults" else f"the default rules and {rules}"
    lines_out.append(f"Run {now}, commit {commit}, {rules}; machine: {machine()}.")
    lines_out.append(f"Load average (1, 5, 15 min) at start: {load_start}; at end: {load_end}.")
    lines_out.append("")
    peer, peer_figures = peer_rows(out, parts)
    if peer:
        lines_out.extend(peer)
        lines_out.append("")
    if len(rows) > 2:
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

    # Against the targets.
    checks = []
    verdict = lambda ok: "met" if ok else "**not met**"
    if "1k" in peer_figures:
        ratio = peer_figures["1k"]["ratio"]
        checks.append(f"- parley / TABARI, MB/s on the 1,000-document slice, 1 job: "
                      f"{fmt(ratio, 2)}x (target >= 8x: {verdict(ratio >= 8)})")
    if "startup" in peer_figures:
        wall = peer_figures["startup"]["wall"]
        checks.append(f"- start-up, one sentence, whole process: {fmt(wall, 3)} s "
                      f"(target < 0.1 s: {verdict(wall < 0.1)})")
    e1, e2, ing, pair, dask = (figures.get(k) for k in (
        "extract-1x-j1", "extract-1x-j2", "ingest-1x-j2", "extract-1x-pair", "dask-1x"))
    if e1:
        checks.append(f"- extraction, 1 job, 1x: {fmt(e1['mb'] / e1['wall'], 2)} MB/s wall, "
                      f"{fmt(e1['mb'] / e1['cpu'], 2)} MB per CPU second")
    if e1 and e2:
        speedup = e1["wall"] / e2["wall"]
        of_pair = pair["wall"] / e2["wall"] if pair else 0
        checks.append(f"- `--jobs 2` speed-up, wall: {fmt(speedup, 2)}x (CPU s "
                      f"{fmt(e1['cpu'], 2)} vs {fmt(e2['cpu'], 2)}); two independent 1-job "
                      f"processes on the halves at once: "
                      f"{fmt(e1['wall'] / pair['wall'], 2) if pair else '-'}x, `--jobs 2` "
                      f"reaches {fmt(100 * of_pair, 0)}% of it (target >= 1.8x or within 5% of "
                      f"the pair: {verdict(speedup >= 1.8 or of_pair >= 0.95)})")
    if e2 and ing:
        checks.append(f"- ingest / extraction alone, both 2 jobs, wall: "
                      f"{fmt(e2['wall'] / ing['wall'], 2)}x; CPU: "
                      f"{fmt(e2['cpu'] / ing['cpu'], 2)}x")
    if dask and ing:
        ratio = dask["wall"] / ing["wall"]
        checks.append(f"- Dask recipe (LocalCluster, 2 workers, start-up included) / "
                      f"`ingest --jobs 2`, wall: {fmt(ratio, 2)}x (target <= 1.3x: "
                      f"{verdict(ratio <= 1.3)}); the two stores are equal (checked)")
    for docs in (1000, 5000):
        bulk = store_bench.get(f"BM_PutBatchBulkRocks/{docs}")
        if bulk:
            checks.append(f"- store bulk path on one core (PutBatch, {docs:,} documents per call, "
                          f"taskset -c 0): {fmt(bulk['wall'], 0)} statements/s, "
                          f"{fmt(bulk['cpu'], 0)} per CPU second")
    if e1 and ceiling:
        checks.append(f"- RE2 ceiling / parley extraction per CPU second: "
                      f"{fmt(float(ceiling['mb_per_cpu_s']) / (e1['mb'] / e1['cpu']), 1)}x")
    # The median CPU s of each scale's runs (every scale runs as often: tools/bench.sh), with
    # the range of the runs, so that noise shows beside the spread between scales.
    per_mb = []
    for s in scales:
        if f"extract-{s}-j1" not in figures:
            continue
        mb = figures[f"extract-{s}-j1"]["mb"]
        cpus = run_cpus(out, f"extract-{s}-j1")
        per_mb.append((s, mb, statistics.median(cpus) / mb, cpus[0] / mb, cpus[-1] / mb, len(cpus)))
    if per_mb:
        listed = "- cost per MB (CPU s per MB of text, 1 job, median of each scale's runs): " + \
            ", ".join(f"{s} ({fmt(mb, 0)} MB, {n} runs) {fmt(cost, 4)} "
                      f"(runs {fmt(low, 4)}-{fmt(high, 4)})"
                      for s, mb, cost, low, high, n in per_mb)
        if len(per_mb) < 2:
            # One scale says nothing about flatness: no verdict.
            checks.append(listed + " (one scale run: flatness not measured)")
        else:
            costs = [cost for _, _, cost, _, _, _ in per_mb]
            spread = max(costs) / min(costs) - 1
            checks.append(listed + f"; largest / smallest {fmt(100 * spread, 1)}% apart "
                          f"(target flat within 10%: {verdict(spread <= 0.10)})")
    # Instructions per MB (tools/bench.sh: one untimed run per scale under perf stat or
    # callgrind): what the cost per MB is when the machine's speed is taken out.
    counted = [(s, int(open(p(f"instructions-{s}.count")).read()) / figures[f"extract-{s}-j1"]["mb"])
               for s in scales if f"extract-{s}-j1" in figures
               and os.path.exists(p(f"instructions-{s}.count"))
               and open(p(f"instructions-{s}.count")).read().strip()]
    tool = open(p("instructions.tool")).read().strip() if os.path.exists(p("instructions.tool")) \
        else "0"
    if counted:
        line = (f"- instructions per MB of text (1 job, one run each, {tool}): " +
                ", ".join(f"{s} {fmt(n / 1e6, 0)} M" for s, n in counted))
        if len(counted) > 1:
            per = [n for _, n in counted]
            line += f"; largest / smallest {fmt(100 * (max(per) / min(per) - 1), 1)}% apart"
        checks.append(line)
    elif per_mb:
        checks.append("- instructions per MB: not counted (no hardware counter for perf stat; "
                      "BENCH_INSTRUCTIONS=callgrind counts them under valgrind)")
    peaks = [(name, f["rss"]) for name, f in figures.items()]
    if peaks:
        name, rss = max(peaks, key=lambda kv: kv[1])
        checks.append(f"- peak memory over all runs: {fmt(rss, 0)} MB ({name}; target < 300: "
                      f"{verdict(rss < 300)})")
    lines_out.extend(checks)
    print("\n".join(lines_out))


def main(argv):
    commands = {
        "slice": cmd_slice,
        "sample": cmd_sample,
        "replicate": cmd_replicate,
        "measure": cmd_measure,
        "frequent": cmd_frequent,
        "fillseq-shape": cmd_fillseq_shape,
        "keep-median": cmd_keep_median,
        "same-stats": cmd_same_stats,
        "head": cmd_head,
        "report": cmd_report,
    }
    if len(argv) < 2 or argv[1] not in commands:
        sys.stderr.write(__doc__)
        return 2
    commands[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
