#!/usr/bin/env python3
# test-import-differential.py — the import against the JSON Schema
#
# Usage: test-import-differential.py VD_IMPORT_BATCH VERDICT_DESK SCHEMA.json [SEED]
#
# Derives thousands of documents from valid exports with a seeded mutation
# generator (the same seed always gives the same documents): for every
# field position wrong types, null, missing, empty, extra keys, huge
# strings, NUL and other control characters, duplicated and dropped list
# elements; and over the text duplicate keys, trailing content, broken
# escapes and other encodings. For each document:
#
#  - if python3-jsonschema refuses it, the import must refuse it;
#  - every refusal has a one-line message, and leaves the database's dump
#    and file bytes as they were;
#  - every acceptance exports a document that validates, whose text fields
#    are the document's, and that imports and exports again byte-identical.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import jsonschema

SEED = 12
# Derived fields: their shape is checked but their values are recomputed.
COMPUTED = {"pricing_label", "panel", "community", "quote", "tools", "reviewers", "split",
            "scorecards"}
HUGE = 110 * 1024


def tap(ok, description):
    tap.n += 1
    print(f"{'ok' if ok else 'not ok'} {tap.n} {description}", flush=True)
    if not ok:
        tap.failed = True


tap.n = 0
tap.failed = False


# Serialising ---------------------------------------------------------------

class Dup:
    """An object with members in order, one of which may repeat."""

    def __init__(self, pairs):
        self.pairs = pairs


def dumps(value, layout):
    """JSON text of @value; Dup objects keep their repeated members. The
    "export" layout is the desk's own, so the import's page finder sees the
    pages it expects; "compact" and "odd" exercise the whole-document path."""
    if layout == "compact":
        sep, colon, indent = ",", ":", None
    elif layout == "odd":
        sep, colon, indent = " ,\t", "\r\n:", None
    else:
        sep, colon, indent = ",", " : ", "  "

    def emit(v, depth):
        pad = "" if indent is None else "\n" + indent * (depth + 1)
        end = "" if indent is None else "\n" + indent * depth
        if isinstance(v, Dup) or isinstance(v, dict):
            pairs = v.pairs if isinstance(v, Dup) else list(v.items())
            if not pairs:
                return "{}"
            return "{" + sep.join(pad + json.dumps(k, ensure_ascii=False) + colon +
                                  emit(x, depth + 1) for k, x in pairs) + end + "}"
        if isinstance(v, list):
            if not v:
                return "[]"
            return "[" + sep.join(pad + emit(x, depth + 1) for x in v) + end + "]"
        return json.dumps(v, ensure_ascii=False)

    return emit(value, 0)


# Positions -----------------------------------------------------------------

def positions(value, path=()):
    """Every path to a value below the top."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield path + (key,)
            yield from positions(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield path + (i,)
            yield from positions(child, path + (i,))


def get(doc, path):
    for step in path:
        doc = doc[step]
    return doc


def clone(doc):
    # Much faster than copy.deepcopy for plain JSON values.
    return json.loads(json.dumps(doc))


def with_value(doc, path, value):
    out = clone(doc)
    get(out, path[:-1])[path[-1]] = value
    return out


def without(doc, path):
    out = clone(doc)
    del get(out, path[:-1])[path[-1]]
    return out


def duplicated(doc, path):
    out = clone(doc)
    parent = get(out, path[:-1])
    parent.insert(path[-1], clone(parent[path[-1]]))
    return out


def wrong_type(value):
    if isinstance(value, bool) or value is None:
        return "true"
    if isinstance(value, str):
        return 7
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return {"0": value[0]} if value else {}
    return [value]


def empty_of(value):
    if isinstance(value, str):
        return ""
    if isinstance(value, list):
        return []
    if isinstance(value, dict):
        return {}
    return 0


def value_mutations(value):
    """Replacements for one value, by what it is."""
    out = [("null", None), ("wrong-type", wrong_type(value)), ("empty", empty_of(value))]
    if isinstance(value, str):
        out += [("nul", value[:3] + "\u0000" + value[3:]),
                ("control", value + "\u0001\u001f\u007f"),
                ("tab-newline", value + "\t\n"),
                ("trailing-newline", value + "\n"),
                ("upper", value.upper()),
                ("space", " " + value),
                ("huge", value + "é" * HUGE),
                ("long-bytes", value + "✓" * 40000),
                ("mixed-script", value + " مرحبا 🚀 <b>&amp;</b> \\\"")]
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        out += [("negative", -1), ("over-100", 101), ("big", 2 ** 63), ("float", 1.0),
                ("fraction", 1.5), ("bool", True)]
    elif isinstance(value, dict):
        out += [("extra-key", dict(value, x_extra=1))]
    return out


def derive(seeds, rng):
    """(name, bytes) for every document."""
    docs = []

    def add(name, text_or_bytes):
        data = text_or_bytes if isinstance(text_or_bytes, bytes) else text_or_bytes.encode(
            "utf-8", "surrogatepass")
        docs.append((f"{len(docs):05d}-{name}.json", data))

    for s, seed in enumerate(seeds):
        add(f"s{s}-valid", dumps(seed, "export"))
        add(f"s{s}-valid-compact", dumps(seed, "compact"))
        # Every field position of the first seed; a tenth of the second's
        # (its second page repeats the first).
        for path in positions(seed):
            if s > 0 and rng.random() > 0.1:
                continue
            value = get(seed, path)
            where = "-".join(str(p) for p in path)
            layout = rng.choice(("export", "export", "export", "compact", "odd"))
            mutations = value_mutations(value)
            # The three every value gets (and NUL every string), and two more
            # of those for its type.
            always = 4 if isinstance(value, str) else 3
            for kind, replacement in mutations[:always] + rng.sample(
                    mutations[always:], min(2, len(mutations) - always)):
                add(f"s{s}-{kind}-{where}", dumps(with_value(seed, path, replacement), layout))
            add(f"s{s}-missing-{where}", dumps(without(seed, path), layout))
            if isinstance(path[-1], int):
                add(f"s{s}-duplicated-{where}", dumps(duplicated(seed, path), layout))

        # Duplicate keys: the first copy differs, so first-wins and last-wins
        # readers disagree.
        for path in rng.sample([p for p in positions(seed) if isinstance(p[-1], str)], 60):
            doc = clone(seed)
            parent = get(doc, path[:-1])
            pairs = list(parent.items())
            index = [k for k, _ in pairs].index(path[-1])
            pairs.insert(index, (path[-1], wrong_type(parent[path[-1]])))
            if len(path) == 1:
                doc = Dup(pairs)
            else:
                get(doc, path[:-2])[path[-2]] = Dup(pairs)
            add(f"s{s}-dup-key-{'-'.join(map(str, path))}", dumps(doc, "export"))

        # The issue's own examples, whole.
        doc = dict(clone(seed), x_extra=True)
        add(f"s{s}-top-level-extra-key", dumps(doc, "export"))
        doc = clone(seed)
        page = doc["comparisons"][0]
        page["tool_b"] = page["tool_a"]
        page["tools"][1] = clone(page["tools"][0])
        add(f"s{s}-same-tool-twice", dumps(doc, "export"))
        doc = clone(seed)
        doc["comparisons"][0]["tools"] = doc["comparisons"][0]["tools"][:1]
        add(f"s{s}-one-tool", dumps(doc, "export"))
        doc = clone(seed)
        page = doc["comparisons"][0]
        page["panel"].pop(0)
        page["reviewers"].pop(0)
        page["split"].pop(0)
        add(f"s{s}-scorecards-off-panel", dumps(doc, "export"))

        text = dumps(seed, "export")
        for kind, data in (("two-documents", text + text), ("trailing-x", text + "x"),
                           ("trailing-space", text + "\n \n"), ("trailing-nul", text + "\0"),
                           ("trailing-comment", text + "// done"),
                           ("trailing-comma", text.replace('"\n  }', '",\n  }', 1)),
                           ("leading-bom", "\ufeff" + text),
                           ("raw-nul", text.replace('"tagline" : "', '"tagline" : "\0', 1)),
                           ("raw-control", text.replace('"tagline" : "', '"tagline" : "\x01', 1)),
                           ("bad-escape", text.replace('"tagline" : "', '"tagline" : "\\x', 1)),
                           ("lone-surrogate",
                            text.replace('"tagline" : "', '"tagline" : "\\ud800', 1)),
                           ("escaped-nul", text.replace('"tagline" : "', '"tagline" : "\\u0000', 1)),
                           ("escaped-pair",
                            text.replace('"tagline" : "', '"tagline" : "\\ud83d\\ude80', 1)),
                           ("nan", text.replace('"votes_up" : null', '"votes_up" : NaN', 1)),
                           ("leading-zero", text.replace('"schema_version" : 1',
                                                         '"schema_version" : 01', 1)),
                           ("plus", text.replace('"schema_version" : 1',
                                                 '"schema_version" : +1', 1)),
                           ("exponent", text.replace('"schema_version" : 1',
                                                     '"schema_version" : 1e0', 1)),
                           ("single-quotes", text.replace('"format"', "'format'", 1)),
                           ("truncated", text[: len(text) // 2]),
                           ("empty", ""), ("deep", "[" * 5000 + "]" * 5000)):
            add(f"s{s}-{kind}", data)
        for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1252"):
            add(f"s{s}-encoding-{encoding}", text.encode(encoding, "replace"))

        # Random pairs of mutations, for what one at a time misses.
        all_paths = list(positions(seed))
        for n in range(80):
            doc = seed
            for path in rng.sample(all_paths, 2):
                try:
                    kind, replacement = rng.choice(value_mutations(get(doc, path)))
                    doc = with_value(doc, path, replacement)
                except (KeyError, IndexError, TypeError):
                    pass
            add(f"s{s}-pair-{n}", dumps(doc, "export"))

    return docs


# Seeds ---------------------------------------------------------------------

def second_page(doc):
    """The demo's page again under another slug, with its own comparison and
    scorecard uuids: the same tools and reviewers on two pages, as an export
    of a real desk has them."""
    page = clone(doc["comparisons"][0])
    fresh = "5eed0000-0000-4000-8000-%012d"
    page["uuid"] = fresh % 1
    page["slug"] = page["slug"] + "-again"
    for i, card in enumerate(page["scorecards"]):
        card["uuid"] = fresh % (100 + i)
        card["comparison"] = page["uuid"]
    two = clone(doc)
    two["comparisons"].append(page)
    return two


# Checking ------------------------------------------------------------------

def schema_verdict(validator, data):
    """Whether Python's reader and the schema accept @data."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return False, None
    return validator.is_valid(doc), doc


def records(doc):
    """(uuid, fields) of every record in a document, computed members left out."""
    for page in doc.get("comparisons", []):
        yield page["uuid"], {k: v for k, v in page.items() if k not in COMPUTED}
        for kind in ("tools", "reviewers", "scorecards"):
            for record in page[kind]:
                yield record["uuid"], {k: v for k, v in record.items() if k not in COMPUTED}


def strict_loads(data):
    def pairs(items):
        keys = [k for k, _ in items]
        assert len(keys) == len(set(keys)), f"duplicate key in {keys}"
        return dict(items)

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_constant=constant)


def main():
    batch, binary, schema_path = sys.argv[1:4]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else SEED
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    rng = random.Random(seed)

    # Thousands of small files and scratch databases: in memory where the
    # machine has a tmpfs for it.
    scratch = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=scratch) as tmp:
        db = os.path.join(tmp, "demo.db")
        subprocess.run([binary, "--database", db, "--create-demo"], check=True,
                       capture_output=True)
        exported = subprocess.run([binary, "--database", db, "--export-json", "-"], check=True,
                                  capture_output=True).stdout
        demo = json.loads(exported)
        seeds = [demo, second_page(demo)]
        for s in seeds:
            validator.validate(s)
        seed_path = os.path.join(tmp, "seed.json")
        with open(seed_path, "wb") as f:
            f.write(exported)

        started = time.monotonic()
        docs = derive(seeds, rng)
        docdir = os.path.join(tmp, "docs")
        outdir = os.path.join(tmp, "out")
        os.mkdir(docdir)
        os.mkdir(outdir)
        for name, data in docs:
            with open(os.path.join(docdir, name), "wb") as f:
                f.write(data)
        derived = time.monotonic()

        # The import runs while the schema judges the same documents.
        with subprocess.Popen([batch, seed_path, docdir, outdir], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=dict(os.environ, TMPDIR=tmp)) as run:
            verdicts = {name: schema_verdict(validator, data) for name, data in docs}
            validated = time.monotonic()
            stdout, stderr = run.communicate()
        imported = time.monotonic()
        tap(run.returncode == 0, f"the batch importer ran: {stderr.decode()[-2000:]}")
        print(f"# derived {len(docs)} documents in {derived - started:.1f} s; the schema judged "
              f"them in {validated - derived:.1f} s while the import took "
              f"{imported - derived:.1f} s")
        results = [json.loads(line) for line in stdout.decode().splitlines()]
        tap(len(results) == len(docs), f"one result per document ({len(results)}/{len(docs)})")

        counts = dict(documents=len(docs), schema_refused=0, import_refused=0, accepted=0)
        problems = []
        for result in results:
            name = result["doc"]
            valid, parsed = verdicts[name]
            counts["schema_refused"] += not valid
            counts["import_refused"] += not result["empty_ok"]
            counts["accepted"] += result["empty_ok"]

            if not valid and (result["empty_ok"] or result["seeded_ok"]):
                problems.append(f"{name}: the schema refuses it but the import accepted it")
            for where in ("empty", "seeded"):
                message = result.get(f"{where}_message")
                if not result[f"{where}_ok"] and (not message or "\n" in message.strip()):
                    problems.append(f"{name}: refused without a one-line message: {message!r}")
            if not result["seeded_ok"] and not (result["dump_same"] and result["bytes_same"]):
                problems.append(f"{name}: refused, but the database changed "
                                f"(dump same: {result['dump_same']}, bytes same: "
                                f"{result['bytes_same']})")
            if not result["empty_clean"]:
                problems.append(f"{name}: refused, but the empty database is not empty")
            if not result["empty_ok"] or not valid:
                continue

            if not result["roundtrip"]:
                problems.append(f"{name}: export → import → export differs: "
                                f"{result.get('roundtrip_message')}")
            with open(result["export"], "rb") as f:
                out = f.read()
            try:
                out_doc = strict_loads(out)
                validator.validate(out_doc)
            except (ValueError, AssertionError, jsonschema.ValidationError) as e:
                problems.append(f"{name}: the export does not validate: {str(e)[:300]}")
                continue

            # Text never changes on the way in or out: each record the export
            # carries has the fields the document gave it (when the document
            # gave it one version only; of several, the newer won).
            given = {}
            for uuid, fields in records(parsed):
                given.setdefault(uuid, []).append(fields)
            for uuid, fields in records(out_doc):
                versions = given.get(uuid, [])
                if len(versions) >= 1 and all(v == versions[0] for v in versions):
                    if fields != versions[0]:
                        problems.append(f"{name}: {uuid} changed on the way through: "
                                        f"{str(fields)[:200]} != {str(versions[0])[:200]}")

        for problem in problems[:40]:
            print(f"# {problem}")
        tap(not problems, f"{len(problems)} problems over {len(results)} documents")
        tap(len(docs) >= 2000, f"at least 2,000 documents ({len(docs)})")
        tap(counts["accepted"] > 0 and counts["import_refused"] > 0,
            "some documents accepted, some refused")
        print(f"# counts: {json.dumps(counts)}")

    print(f"1..{tap.n}")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
