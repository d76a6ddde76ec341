"""Loads a parley GEXF 1.3 export with networkx and compares it with the expected graph.

Usage: /usr/bin/python3 check_gexf.py EXPORT.gexf EXPECTED.json

EXPECTED.json (written by tests/graph/export_readers_test.cc) lists nodes and edges as for
check_graphml.py, plus "time": "static", "spells" or "timestamps" and, per edge, "spells"
([[start, end], ...]) and "timestamps" ([date, ...]).
Exit status 0 when the file matches and no warning was emitted; 1 otherwise, with every
difference printed.
"""
import sys
import xml.etree.ElementTree as ElementTree

import common

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
    mode = "static" if expected["time"] == "static" else "dynamic"
    if graph.graph.get("mode") != mode:
        problems.append(f"mode {graph.graph.get('mode')!r}, expected {mode!r}")
    edges = common.check_networkx_graph(graph, expected, problems, "")
    # networkx does not read the edges' viz elements: check them on the XML.
    root = ElementTree.parse(path).getroot()
    by_id = {e["id"]: e for e in expected["edges"]}
    for element in root.iter(f"{{{GEXF_NS}}}edge"):
        want = by_id.get(element.get("id"), {})
        color = element.find(f"{{{GEXF_NS}/viz}}color")
        got = None if color is None else [int(color.get(c)) for c in "rgb"]
        if got != want.get("color"):
            problems.append(f"edge {element.get('id')} viz colour {got!r} != {want.get('color')!r}")
        thickness = element.find(f"{{{GEXF_NS}/viz}}thickness")
        got = None if thickness is None else float(thickness.get("value"))
        if got != want.get("thickness"):
            problems.append(f"edge {element.get('id')} thickness {got!r} != {want.get('thickness')!r}")
    if expected["time"] == "spells":
        for edge in expected["edges"]:
            data = edges.get(edge["id"], (None, None, {}))[2]
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


if __name__ == "__main__":
    sys.exit(common.run(check, "networkx"))
