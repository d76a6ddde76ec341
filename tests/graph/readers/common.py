"""Shared by check_graphml.py and check_gexf.py: the expectations file, the checks every networkx
reading gets, and the command-line driver."""
import json
import sys
import warnings


def check_networkx_graph(graph, expected, problems, prefix):
    """Counts, node label/type/country/iso3/code/codes/statements and edge endpoints, label, weight, count, first,
    last and plover, as a networkx graph read from any format should show them. Returns the edges
    by id for format-specific checks."""
    if not graph.is_directed():
        problems.append(f"{prefix}graph is not directed")
    if graph.number_of_nodes() != len(expected["nodes"]):
        problems.append(f"{prefix}{graph.number_of_nodes()} nodes, expected {len(expected['nodes'])}")
    if graph.number_of_edges() != len(expected["edges"]):
        problems.append(f"{prefix}{graph.number_of_edges()} edges, expected {len(expected['edges'])}")
    for node in expected["nodes"]:
        if node["id"] not in graph.nodes:
            problems.append(f"{prefix}node {node['id']!r} missing")
            continue
        data = graph.nodes[node["id"]]
        for key in ("label", "type", "country", "iso3", "code", "codes"):
            if data.get(key, "") != node[key]:
                problems.append(f"{prefix}node {node['id']!r} {key} {data.get(key)!r} != {node[key]!r}")
        if data.get("statements") != node["statements"]:
            problems.append(f"{prefix}node {node['id']!r} statements {data.get('statements')!r}")
        # Gephi's visual attributes: GEXF viz (networkx puts them under "viz"), GraphML r/g/b/size.
        viz = data.get("viz", {})
        color = viz.get("color", data)
        if [color.get("r"), color.get("g"), color.get("b")] != node["color"]:
            problems.append(f"{prefix}node {node['id']!r} colour {color!r} != {node['color']!r}")
        if viz.get("size", data.get("size")) != node["size"]:
            problems.append(f"{prefix}node {node['id']!r} size {viz.get('size', data.get('size'))!r}")
    if graph.is_multigraph():
        # networkx keys parallel edges by the file's edge id (GraphML keeps it only as the key).
        edges = {data.get("id", key): (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    else:
        edges = {data.get("id"): (u, v, data) for u, v, data in graph.edges(data=True)}
    for edge in expected["edges"]:
        if edge["id"] not in edges:
            problems.append(f"{prefix}edge {edge['id']} missing")
            continue
        u, v, data = edges[edge["id"]]
        if (u, v) != (edge["source"], edge["target"]):
            problems.append(f"{prefix}edge {edge['id']} links {u}->{v}")
        if data.get("label") != edge["label"] or data.get("predicate") != edge["label"]:
            problems.append(f"{prefix}edge {edge['id']} label {data.get('label')!r}")
        if data.get("weight") != float(edge["weight"]) or data.get("count") != edge["weight"]:
            problems.append(f"{prefix}edge {edge['id']} weight {data.get('weight')!r}")
        for key in ("first", "last", "plover", "sources", "first_source", "latest_source"):
            if data.get(key, "") != edge[key]:
                problems.append(f"{prefix}edge {edge['id']} {key} {data.get(key)!r} != {edge[key]!r}")
    return edges


def run(check, readers):
    """Command-line driver: `check(path, expected, problems)` with warnings recorded as problems.
    Prints every problem, or one OK line naming `readers`; returns the exit status."""
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
        counts = ", ".join(f"{len(v)} {k}" for k, v in expected.items() if isinstance(v, list))
        print(f"OK: {readers} read {counts}")
    return 1 if problems else 0
