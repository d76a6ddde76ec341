#!/usr/bin/python3
"""Runs `parley extract` over partitions of a JSON Lines corpus on a Dask cluster and builds
the store a single `parley ingest` builds.

The client reads the corpus (.jsonl or .jsonl.zst, in the order given), cuts it into partitions
of whole documents and scatters each to a worker. Every worker keeps one
`parley extract --requests -` process per worker thread (started when the client registers with
the worker, so the rules are compiled once per worker, not per partition; a LocalCluster's are
started before Dask is imported); it writes each partition to its local
temporary directory, has parley extract it and sends back the extraction bundle
(tools/cli/bundle.h: per document its metadata, text, sentence count, entity contributions and
statements). The client takes the partitions' bundles in input order and
  --db DB     streams them into one `parley ingest --db DB --bundle -` (the only process that
              writes the store), which stores what a direct `parley ingest` of the same input
              stores: documents, sentences, entities with aliases, roles and mention counts,
              statements;
  -o FILE     writes them to FILE (`parley ingest --db DB --bundle FILE` loads it later), or,
              with --format jsonl, writes the statements byte for byte as one `parley extract`
              over the same input writes them.

  parley_dask.py --local-workers 2 --db news.db --bulk corpus.jsonl.zst      # one machine
  parley_dask.py --scheduler tcp://10.0.0.5:8786 --parley /opt/parley/bin/parley \\
      --db news.db --bulk corpus.jsonl.zst                                   # a cluster

Every worker needs the parley binary at the --parley path (and any --rules directory at the same
path); nothing else is shared: partitions travel through Dask, and only the client's machine
needs the corpus and the store. At most --max-in-flight partitions are held at once, so memory
stays bounded on any corpus size. When the client leaves, the workers' parley processes end
(their requests pipe closes), so nothing is left running on the cluster.

Exit status: 0 on success; 1 when a partition fails (parley's message is printed, naming the
partition's first document) or the ingest fails; 2 on usage errors.
"""
import argparse
import collections
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading


F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)  # Linux; fcntl has it from Python 3.10


def read_lines(path):
    """Yields the non-blank lines of a .jsonl or .jsonl.zst file as bytes.

    Read in pieces of 1 MiB and cut at newlines: iterating the stream line by line cost the
    client a tenth of a CPU second per 10,000 documents."""
    if path.endswith(".zst"):
        # Fed on stdin: zstd skips a symbolic link named on its command line.
        with open(path, "rb") as compressed:
            proc = subprocess.Popen(["zstd", "-dcq"], stdin=compressed, stdout=subprocess.PIPE)
        stream = proc.stdout
    else:
        proc = None
        stream = open(path, "rb")
    try:
        rest = b""
        while True:
            piece = stream.read(1 << 20)
            if not piece:
                break
            lines = (rest + piece).split(b"\n")
            rest = lines.pop()
            for line in lines:
                if line.strip():
                    yield line + b"\n"
        if rest.strip():
            yield rest + b"\n"
    finally:
        stream.close()
        if proc is not None and proc.wait() != 0:
            raise RuntimeError(f"zstd could not decompress '{path}'")


def partitions(paths, docs_per_partition):
    """Yields lists of document lines across all inputs: docs_per_partition at a time, then the
    last ones halving in size (down to an eighth of a partition), so that the workers finish
    together and the store's load of the last partition, which nothing overlaps, is short."""
    smallest = max(1, docs_per_partition // 8)
    pending = []
    for path in paths:
        for line in read_lines(path):
            pending.append(line)
            if len(pending) == 2 * docs_per_partition:
                yield pending[:docs_per_partition]
                del pending[:docs_per_partition]
    while pending:
        size = len(pending)
        if size > smallest:
            size = max(smallest, min(docs_per_partition, (size + 1) // 2))
        yield pending[:size]
        del pending[:size]


class ParleyServer:
    """A worker's `parley extract --requests -` process: one request per partition."""

    def __init__(self, command, directory):
        self.dir = tempfile.mkdtemp(prefix="parley-dask-", dir=directory)
        self.err = open(os.path.join(self.dir, "stderr"), "w+b")
        self.err_read = 0  # parley's messages up to here were returned with a partition
        self.proc = subprocess.Popen(command + ["--requests", "-"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.err)

    def new_stderr(self):
        """What parley wrote to stderr since the last call (its start-up messages included)."""
        self.err.seek(self.err_read)
        text = self.err.read()
        self.err_read += len(text)
        return text.decode("utf-8", "replace")

    def extract(self, data):
        """Returns (error or None, output bytes, parley's stderr for this partition, parley's
        answer: its "documents" and "statements" counts)."""
        source = os.path.join(self.dir, "partition.jsonl")
        target = os.path.join(self.dir, "partition.out")
        with open(source, "wb") as f:
            f.write(data)
        try:
            self.proc.stdin.write(f"{source}\t{target}\n".encode())
            self.proc.stdin.flush()
            answer = self.proc.stdout.readline()
        except BrokenPipeError:
            answer = b""
        if not answer:
            code = self.proc.wait()
            return f"parley exited with {code}", b"", self.new_stderr(), {}
        answer = json.loads(answer)
        warnings = self.new_stderr()
        if "error" in answer:
            return answer["error"], b"", warnings, answer
        with open(target, "rb") as f:
            output = f.read()
        os.remove(source)
        os.remove(target)
        return None, output, warnings, answer

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()  # parley answers the last request and exits
            self.proc.wait()
        self.proc.stdout.close()
        self.err.close()
        shutil.rmtree(self.dir, ignore_errors=True)


# Parley processes started before Dask was imported, by plugin name (start_local_servers).
PRESTARTED = {}
PRESTARTED_LOCK = threading.Lock()


def start_local_servers(name, command, count):
    """For a LocalCluster, whose workers are threads of this process: starts their parley
    processes before Dask is imported, so that parley reads its rules while Python imports
    Dask (a third of a second with one core idle). The workers' plugin takes them."""
    PRESTARTED[name] = [ParleyServer(command, None) for _ in range(count)]


def take_prestarted(module, name, count):
    """Up to `count` of the parley processes start_local_servers started in `module` (this
    recipe's module in this process; none in a worker process elsewhere)."""
    registry = getattr(sys.modules.get(module), "PRESTARTED", None)
    lock = getattr(sys.modules.get(module), "PRESTARTED_LOCK", None)
    if registry is None or lock is None:
        return []
    with lock:
        spare = registry.get(name, [])
        taken, spare[:] = spare[:count], spare[count:]
    return taken


def close_prestarted():
    """Ends the parley processes no worker took."""
    with PRESTARTED_LOCK:
        left = [server for servers in PRESTARTED.values() for server in servers]
        PRESTARTED.clear()
    for server in left:
        server.close()


def plugin_class():
    """The Dask worker plugin, defined once Dask is imported: starts one parley process per
    worker thread when registered (or takes those started for it before the import), ends
    them when the worker closes."""
    from distributed import WorkerPlugin

    class ParleyPlugin(WorkerPlugin):
        def __init__(self, name, command):
            self.name = name
            self.command = command
            self.module = __name__  # where start_local_servers keeps its processes

        def setup(self, worker):
            self.directory = worker.local_directory
            self.lock = threading.Lock()
            nthreads = worker.state.nthreads if hasattr(worker, "state") else worker.nthreads
            self.idle = take_prestarted(self.module, self.name, nthreads)
            self.idle += [ParleyServer(self.command, self.directory)
                          for _ in range(nthreads - len(self.idle))]
            self.servers = list(self.idle)

        def extract(self, data):
            """Extracts one partition on an idle parley process (a worker thread's own)."""
            with self.lock:
                server = self.idle.pop() if self.idle else None
            if server is None:  # more threads than at set-up
                server = ParleyServer(self.command, self.directory)
                with self.lock:
                    self.servers.append(server)
            try:
                return server.extract(data)
            finally:
                with self.lock:
                    self.idle.append(server)

        def teardown(self, worker):
            for server in self.servers:
                server.close()
            self.servers = self.idle = []

    return ParleyPlugin


def extract_partition(plugin_name, data):
    """Runs on a worker: extracts one partition with one of the worker's parley processes."""
    from distributed import get_worker
    return get_worker().plugins[plugin_name].extract(data)


def submit_partition(client, plugin_name, data):
    """Submits one partition's extraction."""
    return client.submit(extract_partition, plugin_name, data, pure=False)


def first_id(lines):
    try:
        return json.loads(lines[0]).get("id", "?")
    except ValueError:
        return "?"


def spare_local_imports():
    """Before Dask is imported for a LocalCluster: pandas, NumPy and Jinja2 will not be
    imported (`import` raises ImportError; all are optional to Dask). A worker imports pandas
    when it registers, only to report its version (distributed/versions.py; 0.2 CPU s), Dask
    imports NumPy only to allocate the buffers of network messages faster (0.07 CPU s), which
    the LocalCluster's in-process workers do not send, and Jinja2 for the HTML views of a
    notebook (0.04 CPU s). All were on the start-up path, and the recipe has no use for them."""
    for module in ("pandas", "numpy", "jinja2"):
        if module not in sys.modules:
            sys.modules[module] = None


class FastImport:
    """While Dask is imported: no cyclic garbage collection (the import makes some 200,000
    objects and no garbage; a tenth of its CPU went to collections), and Dask's configuration
    files read by libyaml's parser instead of PyYAML's pure-Python one (the same values; a tenth
    again). For a LocalCluster, whose Dask talks to itself in this process and never over TLS,
    also no certificate authorities: Tornado builds two default SSL contexts at import, each
    loading the system's CA bundle (a fifth of the import). All is as before afterwards, and
    the objects of the import are frozen out of later collections."""

    def __init__(self, local):
        self.local = local

    def __enter__(self):
        import gc
        gc.disable()
        self.environ = {}
        if self.local:
            for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
                self.environ[name] = os.environ.get(name)
                os.environ[name] = os.devnull
        self.yaml = None
        try:
            import yaml
            if getattr(yaml, "CSafeLoader", None) is not None:
                self.yaml = yaml, yaml.safe_load
                yaml.safe_load = lambda stream: yaml.load(stream, Loader=yaml.CSafeLoader)
        except ImportError:
            pass
        return self

    def __exit__(self, *exc):
        import gc
        if self.yaml is not None:
            self.yaml[0].safe_load = self.yaml[1]
        for name, value in self.environ.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        gc.freeze()
        gc.enable()
        return False


def spare_computation_code():
    """The client sends the source of the code that called submit along with each task, for a
    dashboard, finding it with inspect.getsource (for each partition, about 10 ms of CPU: most
    of a submit). Frames of this script are left out of that search, as Dask's own are, so it
    finds none and sends "<Code not available>"."""
    import dask
    key = "distributed.diagnostics.computations.ignore-modules"
    ignored = list(dask.config.get(key, []))
    dask.config.set({key: ignored + ["__main__", __name__]})


def quiet_local_cluster():
    """Spares the LocalCluster, whose scheduler and workers are threads of this process, what
    only a dashboard would use: the scheduler and workers sample the event loop every 20 ms,
    the stacks every 10 ms, the memory every 100 ms and the machine every 500 ms (half the
    event loop's CPU)."""
    import dask
    dask.config.set({
        "distributed.admin.tick.interval": "1s",
        "distributed.admin.system-monitor.interval": "5s",
        "distributed.worker.profile.enabled": False,
        "distributed.worker.memory.monitor-interval": "1s",
    })


def run(args):
    command = [args.parley, "extract", "--input-format", "jsonl", "--format", args.format,
               "--jobs", "1"]
    for rules in args.rules:
        command += ["--rules", rules]
    if args.no_default_rules:
        command.append("--no-default-rules")
    # One plugin, so one parley process, per worker and command.
    plugin_name = "parley-" + hashlib.sha1("\0".join(command).encode()).hexdigest()[:16]

    # The parley processes start first, so that they open the store and read the rules while
    # Dask is imported.
    ingest = None
    if args.db:
        ingest = subprocess.Popen([args.parley, "ingest", "--db", args.db, "--bundle", "-"] +
                                  (["--bulk"] if args.bulk else []), stdin=subprocess.PIPE)
        try:  # a 1 MiB pipe: a 64 KiB one wakes the ingest every 64 KiB of bundles
            fcntl.fcntl(ingest.stdin.fileno(), F_SETPIPE_SZ, 1 << 20)
        except OSError:
            pass  # a system whose limit is lower keeps the default
    if not args.scheduler:
        start_local_servers(plugin_name, command, args.local_workers)
        spare_local_imports()
    try:
        with FastImport(local=not args.scheduler):
            from dask.distributed import Client, LocalCluster
    except ImportError:
        close_prestarted()
        if ingest is not None:
            ingest.stdin.close()
            ingest.wait()
        sys.stderr.write("parley_dask: error: Dask is not installed (Debian "
                         "python3-distributed, or pip install distributed)\n")
        return 1
    out = open(args.output + ".partial", "wb") if args.output else None

    spare_computation_code()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        # Workers in this process (threads): the extraction runs in their parley processes,
        # so Python worker processes would only add start-up (~1 CPU s each) and copies.
        quiet_local_cluster()
        # The dashboard listens on a free port: None would take 8787 and, when another
        # cluster holds it, warn and move.
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1,
                               processes=False, dashboard_address=":0")
        client = Client(cluster)
    failed = False
    documents = 0
    lines_out = 0
    try:
        client.register_worker_plugin(plugin_class()(plugin_name, command), name=plugin_name)
        pending = collections.deque()

        def drain_one():
            nonlocal failed, lines_out
            future, first, index = pending.popleft()
            error, output, warnings, answer = future.result()
            if warnings:
                sys.stderr.write(warnings)
            if error is not None:
                sys.stderr.write(f"parley_dask: error: partition {index} (first document "
                                 f"'{first}') failed: {error}\n")
                failed = True
                return
            if ingest is not None:
                try:
                    ingest.stdin.write(output)
                except BrokenPipeError:
                    failed = True  # the ingest's own message says why
                    return
            if out is not None:
                out.write(output)
            lines_out += answer["statements" if args.format == "jsonl" else "documents"]

        for index, batch in enumerate(partitions(args.inputs, args.docs_per_partition)):
            documents += len(batch)
            # Scattered, not embedded in the task: partitions are megabytes.
            data = client.scatter(b"".join(batch), hash=False)
            future = submit_partition(client, plugin_name, data)
            pending.append((future, first_id(batch), index))
            while len(pending) >= args.max_in_flight and not failed:
                drain_one()
            if failed:
                break
        while pending and not failed:
            drain_one()
        for future, _, _ in pending:
            future.cancel()
    finally:
        if ingest is not None:  # the ingest stores the last bundles while Dask closes
            try:
                ingest.stdin.close()
            except BrokenPipeError:
                pass
        client.close()
        if cluster is not None:
            cluster.close()
        close_prestarted()
        if out is not None:
            out.close()
        if ingest is not None:
            if ingest.wait() != 0:
                sys.stderr.write(f"parley_dask: error: loading the bundles into '{args.db}' "
                                 f"failed (parley exited with {ingest.returncode})\n")
                failed = True
    if failed:
        if out is not None:
            os.remove(args.output + ".partial")
        return 1
    if out is not None:
        os.replace(args.output + ".partial", args.output)
    what = "statements" if args.format == "jsonl" else "documents extracted"
    where = " -> ".join(x for x in (args.output, args.db) if x)
    sys.stderr.write(f"parley_dask: {documents} documents read, {lines_out} {what} -> {where}\n")
    return 0


def main(argv):
    parser = argparse.ArgumentParser(
        description="parley extract over partitions of a JSON Lines corpus on a Dask cluster; "
                    "the store built by one process")
    parser.add_argument("inputs", nargs="+", help=".jsonl or .jsonl.zst corpus files, in order")
    parser.add_argument("--db", help="build this store (one `parley ingest --bundle -`)")
    parser.add_argument("--bulk", action="store_true",
                        help="passed to parley ingest: tune the store for a large first load")
    parser.add_argument("-o", "--output", help="also write the extraction bundles (or, with "
                        "--format jsonl, the statements) to this file")
    parser.add_argument("--format", choices=("bundle", "jsonl"), default="bundle",
                        help="what the workers return: bundle (default; needed for --db) or "
                        "jsonl (statements only, with -o)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--local-workers", type=int, default=2,
                       help="without --scheduler: a LocalCluster with this many workers (2)")
    parser.add_argument("--parley", default=shutil.which("parley") or "parley",
                        help="path of the parley binary on every worker (default: on PATH)")
    parser.add_argument("--docs-per-partition", type=int, default=500,
                        help="documents per partition (500, about 3 MB of text)")
    parser.add_argument("--max-in-flight", type=int, default=8,
                        help="partitions submitted but not yet written (8)")
    parser.add_argument("--rules", action="append", default=[],
                        help="extra rule file or directory, passed to parley (repeatable)")
    parser.add_argument("--no-default-rules", action="store_true",
                        help="passed to parley: only the --rules given")
    args = parser.parse_args(argv)
    if args.docs_per_partition < 1 or args.max_in_flight < 1 or args.local_workers < 1:
        parser.error("--docs-per-partition, --max-in-flight and --local-workers must be >= 1")
    if not args.db and not args.output:
        parser.error("name the store to build (--db) or the file to write (-o), or both")
    if args.db and args.format != "bundle":
        parser.error("--db needs --format bundle (the statements alone are not the store)")
    if os.path.exists(args.parley):
        args.parley = os.path.abspath(args.parley)  # workers may run elsewhere in the tree
    for path in args.inputs:
        if not os.path.isfile(path):
            parser.error(f"input '{path}' is not a file")
    return run(args)


if __name__ == "__main__":
    status = main(sys.argv[1:])
    # Every process and file of the run is closed by now; what is left is the interpreter
    # tearing Dask's modules and threads down (0.1-0.3 s with one core idle), so skip it.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
