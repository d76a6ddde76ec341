#!/usr/bin/python3
"""Runs `parley extract` over partitions of a JSON Lines corpus on a Dask cluster.

The client reads the corpus (.jsonl or .jsonl.zst, in the order given) and cuts it into
partitions of whole documents. Each partition goes to a worker, which pipes it through the real
`parley extract - --input-format jsonl` binary and sends back its statement JSON Lines. The
client writes the partitions' statements in input order, so the output file is byte for byte
what one `parley extract` run over the same input writes (extraction keeps no state between
documents). With --db, the client then loads the statements with
`parley ingest --db DB --statements OUT`.

  parley_dask.py --scheduler tcp://host:8786 --parley /opt/parley/bin/parley \\
      -o statements.jsonl --db news.db corpus.jsonl.zst
  parley_dask.py --local-workers 2 -o statements.jsonl corpus.jsonl.zst   # one machine

Every worker needs the parley binary at the --parley path (and any --rules directory at the
same path). At most --max-in-flight partitions are held at once, so the client's memory stays
bounded on any corpus size; the client is the only reader of the corpus and the only writer of
the output, which keeps the output order but makes its disk the limit on a large cluster.

Exit status: 0 on success; 1 when a partition fails (parley's message is printed, naming the
partition's first document) or the load fails; 2 on usage errors.
"""
import argparse
import collections
import os
import shutil
import subprocess
import sys


def read_lines(path):
    """Yields the non-blank lines of a .jsonl or .jsonl.zst file as bytes."""
    if path.endswith(".zst"):
        proc = subprocess.Popen(["zstd", "-dcq", "--", path], stdout=subprocess.PIPE)
        stream = proc.stdout
    else:
        proc = None
        stream = open(path, "rb")
    try:
        for line in stream:
            if line.strip():
                yield line if line.endswith(b"\n") else line + b"\n"
    finally:
        stream.close()
        if proc is not None and proc.wait() != 0:
            raise RuntimeError(f"zstd could not decompress '{path}'")


def partitions(paths, docs_per_partition):
    """Yields lists of document lines, docs_per_partition at a time, across all inputs."""
    batch = []
    for path in paths:
        for line in read_lines(path):
            batch.append(line)
            if len(batch) == docs_per_partition:
                yield batch
                batch = []
    if batch:
        yield batch


def extract_partition(parley, extra_args, data):
    """Runs on a worker: parley extract over one partition's JSON Lines.

    Returns (exit code, statements as bytes, stderr as text)."""
    command = [parley, "extract", "-", "--input-format", "jsonl", "--format", "jsonl",
               "--jobs", "1"] + list(extra_args)
    done = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def first_id(lines):
    import json
    try:
        return json.loads(lines[0]).get("id", "?")
    except ValueError:
        return "?"


def run(args):
    from dask.distributed import Client, LocalCluster

    extra = []
    for rules in args.rules:
        extra += ["--rules", rules]
    if args.no_default_rules:
        extra.append("--no-default-rules")

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    failed = False
    documents = 0
    statements = 0
    try:
        pending = collections.deque()
        tmp = args.output + ".partial"
        with open(tmp, "wb") as out:

            def drain_one():
                nonlocal failed, statements
                future, first, index = pending.popleft()
                code, stdout, stderr = future.result()
                if stderr:
                    sys.stderr.write(stderr)
                if code != 0:
                    sys.stderr.write(f"parley_dask: error: partition {index} (first document "
                                     f"'{first}') failed: parley exited with {code}\n")
                    failed = True
                    return
                out.write(stdout)
                statements += stdout.count(b"\n")

            for index, batch in enumerate(partitions(args.inputs, args.docs_per_partition)):
                documents += len(batch)
                future = client.submit(extract_partition, args.parley, extra, b"".join(batch),
                                       pure=False)
                pending.append((future, first_id(batch), index))
                while len(pending) >= args.max_in_flight and not failed:
                    drain_one()
                if failed:
                    break
            while pending and not failed:
                drain_one()
            for future, _, _ in pending:
                future.cancel()
        if failed:
            os.remove(tmp)
            return 1
        os.replace(tmp, args.output)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stderr.write(f"parley_dask: {documents} documents, {statements} statements -> "
                     f"{args.output}\n")
    if args.db:
        done = subprocess.run([args.parley, "ingest", "--db", args.db, "--statements",
                               args.output])
        if done.returncode != 0:
            sys.stderr.write(f"parley_dask: error: loading '{args.output}' into '{args.db}' "
                             f"failed (parley exited with {done.returncode})\n")
            return 1
    return 0


def main(argv):
    parser = argparse.ArgumentParser(
        description="parley extract over partitions of a JSON Lines corpus on a Dask cluster")
    parser.add_argument("inputs", nargs="+", help=".jsonl or .jsonl.zst corpus files, in order")
    parser.add_argument("-o", "--output", required=True, help="statement JSON Lines to write")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--local-workers", type=int, default=2,
                       help="without --scheduler: a LocalCluster with this many workers (2)")
    parser.add_argument("--parley", default=shutil.which("parley") or "parley",
                        help="path of the parley binary on every worker (default: on PATH)")
    parser.add_argument("--docs-per-partition", type=int, default=500,
                        help="documents per partition (500, about 3 MB of text)")
    parser.add_argument("--max-in-flight", type=int, default=16,
                        help="partitions submitted but not yet written (16)")
    parser.add_argument("--rules", action="append", default=[],
                        help="extra rule file or directory, passed to parley (repeatable)")
    parser.add_argument("--no-default-rules", action="store_true",
                        help="passed to parley: only the --rules given")
    parser.add_argument("--db", help="then load the statements into this store")
    args = parser.parse_args(argv)
    if args.docs_per_partition < 1 or args.max_in_flight < 1 or args.local_workers < 1:
        parser.error("--docs-per-partition, --max-in-flight and --local-workers must be >= 1")
    if os.path.exists(args.parley):
        args.parley = os.path.abspath(args.parley)  # workers may run elsewhere in the tree
    for path in args.inputs:
        if not os.path.isfile(path):
            parser.error(f"input '{path}' is not a file")
    return run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
