"""Loads a parley GraphML export with networkx and igraph and compares it with the expected graph.

Usage: /usr/bin/python3 check_graphml.py EXPORT.graphml EXPECTED.json

EXPECTED.json is written by tests/graph/export_readers_test.cc from the GraphView it exported:
{"nodes": [{"id", "label", "type", "country", "statements"}],
 "edges": [{"id", "source", "target", "label", "weight", "first", "last", ...}]}.
Exit status 0 when both readers see exactly these nodes, edges and attributes and emit no
warning; 1 otherwise, with every difference printed.
"""
import json
import sys
import warnings


def check_networkx(path, expected, problems):
    import networkx as nx

    graph = nx.read_graphml(path)
    if not graph.is_directed():
        problems.append("networkx: graph is not directed")
    if graph.number_of_nodes() != len(expected["nodes"]):
        problems.append(f"networkx: {graph.number_of_nodes()} nodes, expected {len(expected['nodes'])}")
    if graph.number_of_edges() != len(expected["edges"]):
        problems.append(f"networkx: {graph.number_of_edges()} edges, expected {len(expected['edges'])}")
    for node in expected["nodes"]:
        if node["id"] not in graph.nodes:
            problems.append(f"networkx: node {node['id']!r} missing")
            continue
        data = graph.nodes[node["id"]]
        for key in ("label", "type", "country"):
            if data.get(key, "") != node[key]:
                problems.append(f"networkx: node {node['id']!r} {key} {data.get(key)!r} != {node[key]!r}")
        if data.get("statements") != node["statements"]:
            problems.append(f"networkx: node {node['id']!r} statements {data.get('statements')!r}")
    if graph.is_multigraph():
        edges = {data.get("id", key): (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    else:
        edges = {data.get("id"): (u, v, data) for u, v, data in graph.edges(data=True)}
    for edge in expected["edges"]:
        if edge["id"] not in edges:
            problems.append(f"networkx: edge {edge['id']} missing")
            continue
        u, v, data = edges[edge["id"]]
        if (u, v) != (edge["source"], edge["target"]):
            problems.append(f"networkx: edge {edge['id']} links {u}->{v}")
        if data.get("label") != edge["label"]:
            problems.append(f"networkx: edge {edge['id']} label {data.get('label')!r}")
        if data.get("weight") != float(edge["weight"]) or data.get("count") != edge["weight"]:
            problems.append(f"networkx: edge {edge['id']} weight {data.get('weight')!r}")
        for key in ("first", "last", "plover"):
            if data.get(key, "") != edge[key]:
                problems.append(f"networkx: edge {edge['id']} {key} {data.get(key)!r} != {edge[key]!r}")


def check_igraph(path, expected, problems):
    import igraph

    graph = igraph.Graph.Read_GraphML(path)
    if not graph.is_directed():
        problems.append("igraph: graph is not directed")
    if graph.vcount() != len(expected["nodes"]):
        problems.append(f"igraph: {graph.vcount()} nodes, expected {len(expected['nodes'])}")
    if graph.ecount() != len(expected["edges"]):
        problems.append(f"igraph: {graph.ecount()} edges, expected {len(expected['edges'])}")
    got_nodes = sorted(
        (v["id"], v["label"], v["type"], v["country"] or "") for v in graph.vs)
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


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_networkx(path, expected, problems)
        check_igraph(path, expected, problems)
    problems.extend(f"warning while reading: {w.category.__name__}: {w.message}" for w in caught)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"OK: networkx and igraph read {len(expected['nodes'])} nodes, {len(expected['edges'])} edges")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
