#!/usr/bin/python3
"""The Dask recipe (tools/dask/parley_dask.py) on a LocalCluster with 2 workers gives what one
machine gives: the same statement JSON Lines byte for byte, and a store whose exported
statements equal those of `parley ingest` run directly on the same input.

  dask_recipe_test.py PARLEY_BINARY SAMPLE.jsonl.zst

Exits 77 (ctest: skipped) when python3-distributed is not installed (tools/setup.sh --test).
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RECIPE = os.path.join(HERE, "..", "..", "tools", "dask", "parley_dask.py")
PARLEY = ""
SAMPLE = ""


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


class DaskRecipeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="parley-dask-test.")
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def export(self, db):
        done = run([PARLEY, "export", "--db", db, "--format", "jsonl"])
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return done.stdout

    def test_equals_single_machine_run(self):
        single = run([PARLEY, "extract", SAMPLE, "--jobs", "1"])
        self.assertEqual(single.returncode, 0, single.stderr.decode())
        self.assertGreater(single.stdout.count(b"\n"), 0, "the sample yields no statements")

        # 16 documents per partition and at most 3 in flight: 13 partitions, so workers finish
        # out of order and the client must still write them in input order.
        dask = run([sys.executable, RECIPE, "--local-workers", "2", "--parley", PARLEY,
                    "--docs-per-partition", "16", "--max-in-flight", "3",
                    "-o", self.path("dask.jsonl"), "--db", self.path("dask.db"), SAMPLE])
        self.assertEqual(dask.returncode, 0, dask.stderr.decode())
        self.assertIn(b"parley_dask: 200 documents, ", dask.stderr)
        with open(self.path("dask.jsonl"), "rb") as f:
            distributed = f.read()
        self.assertTrue(distributed == single.stdout,
                        f"{len(distributed)} bytes from Dask, {len(single.stdout)} from one run")

        direct = run([PARLEY, "ingest", "--db", self.path("direct.db"), "--jobs", "1", SAMPLE])
        self.assertEqual(direct.returncode, 0, direct.stderr.decode())
        exported = self.export(self.path("dask.db"))
        self.assertGreater(len(exported), 0)
        self.assertTrue(exported == self.export(self.path("direct.db")),
                        "the stores' statement exports differ")
        self.assertEqual(sorted(exported.splitlines()), sorted(single.stdout.splitlines()))

    def test_failing_partition_stops_with_parley_message(self):
        missing = self.path("no-such-rules")
        done = run([sys.executable, RECIPE, "--local-workers", "2", "--parley", PARLEY,
                    "--docs-per-partition", "50", "--rules", missing,
                    "-o", self.path("out.jsonl"), SAMPLE])
        self.assertEqual(done.returncode, 1)
        err = done.stderr.decode()
        self.assertIn(missing, err)  # parley's own message names the missing path
        self.assertIn("parley_dask: error: partition 0 (first document '", err)
        self.assertFalse(os.path.exists(self.path("out.jsonl")))
        self.assertFalse(os.path.exists(self.path("out.jsonl.partial")))


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
