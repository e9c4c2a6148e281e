#!/usr/bin/env python3
"""Fill unfinished entries of a Qt .ts file.

  ts_fill.py FILE.ts MAPPING.json     translations from {"context": {"source": "text" | ["form", ...]}}
  ts_fill.py --english-plurals FILE.ts   English numerus forms from the source ("(s)" -> "" / "s", "(es)" -> "" / "es")
  ts_fill.py --report FILE.ts         list unfinished or empty entries (exit 1 if any)
"""
import json
import sys
import xml.etree.ElementTree as ET


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def save(tree, path):
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def messages(root):
    for ctx in root.findall("context"):
        name = ctx.findtext("name")
        for msg in ctx.findall("message"):
            yield name, msg


def set_translation(msg, value):
    tr = msg.find("translation")
    for child in list(tr):
        tr.remove(child)
    tr.text = None
    if msg.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value]
        for form in forms:
            el = ET.SubElement(tr, "numerusform")
            el.text = form
    else:
        tr.text = value if isinstance(value, str) else value[0]
    if "type" in tr.attrib:
        del tr.attrib["type"]


def unfinished(msg):
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if msg.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (tr.text or "").strip()


def main(argv):
    if len(argv) == 3 and argv[1] == "--english-plurals":
        tree, root = load(argv[2])
        for _, msg in messages(root):
            src = msg.findtext("source")
            one = src.replace("(es)", "").replace("(s)", "")
            many = src.replace("(es)", "es").replace("(s)", "s")
            set_translation(msg, [one, many])
        save(tree, argv[2])
        return 0
    if len(argv) == 3 and argv[1] == "--report":
        tree, root = load(argv[2])
        missing = [(c, m.findtext("source")) for c, m in messages(root) if unfinished(m)]
        for c, s in missing:
            print(f"{c}\t{s}")
        return 1 if missing else 0
    if len(argv) == 3:
        tree, root = load(argv[1])
        mapping = json.load(open(argv[2], encoding="utf-8"))
        filled = 0
        for ctx, msg in messages(root):
            src = msg.findtext("source")
            value = mapping.get(ctx, {}).get(src)
            if value is not None:
                set_translation(msg, value)
                filled += 1
        save(tree, argv[1])
        print(f"filled {filled}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
