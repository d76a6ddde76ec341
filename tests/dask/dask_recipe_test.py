#!/usr/bin/python3
"""The Dask recipe (tools/dask/parley_dask.py) on a LocalCluster with 2 workers builds the store
one `parley ingest` builds from the same input: equal `parley export` of statements and of
entities (aliases, roles, mention counts), equal `parley stats` (documents, sentences,
entities, statements, dates), equal entity cards. Each worker starts parley once (the rules
are compiled once per worker), no "Large object" warning is printed and no process is left
behind.

  dask_recipe_test.py PARLEY_BINARY SAMPLE.jsonl.zst

Exits 77 (ctest: skipped) when python3-distributed is not installed (tools/setup.sh --test).
"""
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
RECIPE = os.path.join(HERE, "..", "..", "tools", "dask", "parley_dask.py")
PARLEY = ""
SAMPLE = ""


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def processes_with(marker):
    """Pids of live processes whose environment holds `marker`."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if marker.encode() in f.read():
                    found.append(int(pid))
        except OSError:
            pass  # gone, or not ours to read
    return found


class DaskRecipeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="parley-dask-test.")
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def parley(self, *args):
        done = run([PARLEY] + list(args))
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return done.stdout

    def logging_parley(self):
        """A parley that appends its command line to a log: which processes the recipe starts."""
        wrapper = self.path("parley-logged")
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write(f'#!/bin/sh\necho "$*" >>"{self.path("invocations")}"\nexec "{PARLEY}" "$@"\n')
        os.chmod(wrapper, stat.S_IRWXU)
        return wrapper

    def recipe(self, *args, parley=None):
        marker = "PARLEY_DASK_TEST=" + uuid.uuid4().hex
        env = dict(os.environ, PARLEY_DASK_TEST=marker.split("=", 1)[1])
        done = run([sys.executable, RECIPE, "--local-workers", "2",
                    "--parley", parley or PARLEY] + list(args), env=env, cwd=self.dir)
        # The cluster, its workers and their parley processes are gone with the recipe.
        for _ in range(50):
            left = processes_with(marker)
            if not left:
                break
            time.sleep(0.1)
        self.assertEqual(left, [], "processes left behind by the recipe")
        self.assertNotIn(b"Large object", done.stderr)
        self.assertNotIn(b"Warning", done.stderr)
        return done

    def assert_same_store(self, db, reference):
        for what in ("statements", "entities"):
            mine = self.parley("export", "--db", db, "--format", "jsonl", "--what", what)
            theirs = self.parley("export", "--db", reference, "--format", "jsonl", "--what", what)
            self.assertGreater(len(theirs), 0)
            self.assertTrue(mine == theirs, f"the stores' {what} exports differ")
        stats = json.loads(self.parley("stats", "--db", db, "--json"))
        expected = json.loads(self.parley("stats", "--db", reference, "--json"))
        for s in (stats, expected):
            del s["disk_bytes"]  # how RocksDB laid the same records out
        self.assertEqual(stats, expected)
        # The card of the most mentioned person: aliases, roles, mentions, first and last dates.
        entities = [json.loads(line) for line in self.parley(
            "export", "--db", reference, "--format", "jsonl", "--what", "entities").splitlines()]
        top = max((e for e in entities if e["type"] == "person"), key=lambda e: e["mentions"])
        self.assertEqual(self.parley("entity", "--db", db, top["id"]),
                         self.parley("entity", "--db", reference, top["id"]))

    def test_store_equals_direct_ingest(self):
        direct = run([PARLEY, "ingest", "--db", self.path("direct.db"), "--jobs", "1", SAMPLE])
        self.assertEqual(direct.returncode, 0, direct.stderr.decode())

        # 16 documents per partition (the last ones fewer) and at most 3 in flight: 16
        # partitions, so workers finish out of order and the client must still store them in
        # input order; each partition's bundle is a stream with entity references of its own.
        # Through a symbolic link, as tools/bench.sh names the corpus.
        os.symlink(SAMPLE, self.path("sample.jsonl.zst"))
        done = self.recipe("--docs-per-partition", "16", "--max-in-flight", "3", "--bulk",
                           "--db", self.path("dask.db"), "-o", self.path("corpus.bundle"),
                           self.path("sample.jsonl.zst"), parley=self.logging_parley())
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        self.assertIn(b"parley_dask: 200 documents read, 200 documents extracted", done.stderr)
        self.assert_same_store(self.path("dask.db"), self.path("direct.db"))

        # One extraction process per worker, one ingest.
        with open(self.path("invocations"), encoding="utf-8") as f:
            commands = [line.split()[0] for line in f]
        self.assertEqual(sorted(commands), ["extract", "extract", "ingest"])

        # The bundle file the recipe wrote loads into the same store later.
        self.parley("ingest", "--db", self.path("later.db"), "--bundle", self.path("corpus.bundle"))
        self.assert_same_store(self.path("later.db"), self.path("direct.db"))

    def test_statements_equal_single_machine_run(self):
        single = run([PARLEY, "extract", SAMPLE, "--jobs", "1"])
        self.assertEqual(single.returncode, 0, single.stderr.decode())
        self.assertGreater(single.stdout.count(b"\n"), 0, "the sample yields no statements")
        done = self.recipe("--docs-per-partition", "16", "--max-in-flight", "3",
                           "--format", "jsonl", "-o", self.path("dask.jsonl"), SAMPLE)
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        with open(self.path("dask.jsonl"), "rb") as f:
            distributed = f.read()
        self.assertTrue(distributed == single.stdout,
                        f"{len(distributed)} bytes from Dask, {len(single.stdout)} from one run")

    def test_failing_partition_stops_with_parley_message(self):
        missing = self.path("no-such-rules")
        done = self.recipe("--docs-per-partition", "50", "--rules", missing,
                           "-o", self.path("out.jsonl"), "--db", self.path("out.db"), SAMPLE)
        self.assertEqual(done.returncode, 1)
        err = done.stderr.decode()
        self.assertIn(missing, err)  # parley's own message names the missing path
        self.assertIn("parley_dask: error: partition 0 (first document '", err)
        self.assertFalse(os.path.exists(self.path("out.jsonl")))
        self.assertFalse(os.path.exists(self.path("out.jsonl.partial")))


class ReadLinesTest(unittest.TestCase):
    """read_lines cuts the input at newlines whatever the 1 MiB pieces it reads."""

    def test_lines_across_pieces(self):
        sys.path.insert(0, os.path.dirname(RECIPE))
        import parley_dask
        long_line = b"x" * ((1 << 20) + 17)  # spans two pieces
        cases = [
            (b"", []),
            (b"a\nb\n", [b"a\n", b"b\n"]),
            (b"a\n\n  \nb", [b"a\n", b"b\n"]),  # blank lines dropped, last line ended
            (b"a\r\nb\r\n", [b"a\r\n", b"b\r\n"]),
            (long_line + b"\n" + long_line, [long_line + b"\n", long_line + b"\n"]),
            (b"y" * ((1 << 20) - 1) + b"\nz\n", [b"y" * ((1 << 20) - 1) + b"\n", b"z\n"]),
        ]
        with tempfile.TemporaryDirectory() as directory:
            for data, expected in cases:
                path = os.path.join(directory, "in.jsonl")
                with open(path, "wb") as f:
                    f.write(data)
                self.assertEqual(list(parley_dask.read_lines(path)), expected, data[:20])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    PARLEY, SAMPLE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("python3-distributed is not installed (tools/setup.sh --test); skipped")
        sys.exit(77)
    unittest.main(argv=sys.argv[:1], verbosity=2)
