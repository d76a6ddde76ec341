"""Loads a parley GEXF 1.3 export with networkx and compares it with the expected graph.

Usage: /usr/bin/python3 check_gexf.py EXPORT.gexf EXPECTED.json

EXPECTED.json (written by tests/graph/export_readers_test.cc) lists nodes and edges as for
check_graphml.py, plus "time": "static", "spells" or "timestamps" and, per edge, "spells"
([[start, end], ...]) and "timestamps" ([date, ...]).
Exit status 0 when the file matches and no warning was emitted; 1 otherwise, with every
difference printed.
"""
import json
import sys
import warnings
import xml.etree.ElementTree as ElementTree

GEXF_NS = "http://gexf.net/1.3"


def read_gexf_13(path):
    """networkx 2.8 knows GEXF 1.1draft and 1.2draft. GEXF 1.3 changed the namespace but none of
    the elements networkx reads, so it is registered as one more version of the same reader."""
    import networkx as nx
    from networkx.readwrite import gexf

    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": GEXF_NS,
            "NS_VIZ": GEXF_NS + "/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": GEXF_NS + " " + GEXF_NS + "/gexf.xsd",
            "VERSION": "1.3",
        }
    return nx.read_gexf(path, version="1.3")


def check(path, expected, problems):
    graph = read_gexf_13(path)
    dynamic = expected["time"] != "static"
    if graph.graph.get("mode") != ("dynamic" if dynamic else "static"):
        problems.append(f"mode {graph.graph.get('mode')!r}")
    if graph.number_of_nodes() != len(expected["nodes"]):
        problems.append(f"{graph.number_of_nodes()} nodes, expected {len(expected['nodes'])}")
    if graph.number_of_edges() != len(expected["edges"]):
        problems.append(f"{graph.number_of_edges()} edges, expected {len(expected['edges'])}")
    for node in expected["nodes"]:
        if node["id"] not in graph.nodes:
            problems.append(f"node {node['id']!r} missing")
            continue
        data = graph.nodes[node["id"]]
        for key in ("label", "type", "country"):
            if data.get(key, "") != node[key]:
                problems.append(f"node {node['id']!r} {key} {data.get(key)!r} != {node[key]!r}")
        if data.get("statements") != node["statements"]:
            problems.append(f"node {node['id']!r} statements {data.get('statements')!r}")
    edges = {}
    for u, v, data in graph.edges(data=True):
        edges[data.get("id")] = (u, v, data)
    for edge in expected["edges"]:
        if edge["id"] not in edges:
            problems.append(f"edge {edge['id']} missing")
            continue
        u, v, data = edges[edge["id"]]
        if (u, v) != (edge["source"], edge["target"]):
            problems.append(f"edge {edge['id']} links {u}->{v}")
        if data.get("label") != edge["label"] or data.get("predicate") != edge["label"]:
            problems.append(f"edge {edge['id']} label {data.get('label')!r}")
        if data.get("weight") != float(edge["weight"]) or data.get("count") != edge["weight"]:
            problems.append(f"edge {edge['id']} weight {data.get('weight')!r}")
        for key in ("first", "last", "plover"):
            if data.get(key, "") != edge[key]:
                problems.append(f"edge {edge['id']} {key} {data.get(key)!r} != {edge[key]!r}")
        if expected["time"] == "spells":
            want = [tuple(s) for s in edge["spells"]]
            if data.get("spells", []) != want:
                problems.append(f"edge {edge['id']} spells {data.get('spells')!r} != {want!r}")
    if expected["time"] == "timestamps":
        # networkx reads interval spells only; check the timestamps on the XML itself.
        root = ElementTree.parse(path).getroot()
        by_id = {e["id"]: e for e in expected["edges"]}
        for element in root.iter(f"{{{GEXF_NS}}}edge"):
            got = [s.get("timestamp") for s in element.iter(f"{{{GEXF_NS}}}spell")]
            want = by_id.get(element.get("id"), {}).get("timestamps")
            if got != want:
                problems.append(f"edge {element.get('id')} timestamps {got!r} != {want!r}")


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check(path, expected, problems)
    problems.extend(f"warning while reading: {w.category.__name__}: {w.message}" for w in caught)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"OK: networkx read {len(expected['nodes'])} nodes, {len(expected['edges'])} edges")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
