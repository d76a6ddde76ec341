"""Loads a parley GraphML export with networkx and igraph and compares it with the expected graph.

Usage: /usr/bin/python3 check_graphml.py EXPORT.graphml EXPECTED.json

EXPECTED.json is written by tests/graph/export_readers_test.cc from the GraphView it exported:
{"nodes": [{"id", "label", "type", "country", "statements"}],
 "edges": [{"id", "source", "target", "label", "weight", "first", "last", "plover", ...}]}.
Exit status 0 when both readers see exactly these nodes, edges and attributes and emit no
warning; 1 otherwise, with every difference printed.
"""
import sys

import common


def check(path, expected, problems):
    import igraph
    import networkx as nx

    edges = common.check_networkx_graph(nx.read_graphml(path), expected, problems, "networkx: ")
    for edge in expected["edges"]:
        data = edges.get(edge["id"], (None, None, {}))[2]
        if [data.get("r"), data.get("g"), data.get("b")] != edge["color"]:
            problems.append(f"networkx: edge {edge['id']} colour {data!r} != {edge['color']!r}")

    graph = igraph.Graph.Read_GraphML(path)
    if not graph.is_directed():
        problems.append("igraph: graph is not directed")
    got_nodes = sorted((v["id"], v["label"], v["type"], v["country"] or "") for v in graph.vs)
    want_nodes = sorted((n["id"], n["label"], n["type"], n["country"]) for n in expected["nodes"])
    if got_nodes != want_nodes:
        problems.append(f"igraph: nodes differ:\n  got  {got_nodes}\n  want {want_nodes}")
    got_edges = sorted(
        (graph.vs[e.source]["id"], graph.vs[e.target]["id"], e["label"], e["weight"],
         e["first"] or "", e["last"] or "") for e in graph.es)
    want_edges = sorted(
        (e["source"], e["target"], e["label"], float(e["weight"]), e["first"], e["last"])
        for e in expected["edges"])
    if got_edges != want_edges:
        problems.append(f"igraph: edges differ:\n  got  {got_edges}\n  want {want_edges}")


if __name__ == "__main__":
    sys.exit(common.run(check, "networkx and igraph"))
