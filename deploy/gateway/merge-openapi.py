#!/usr/bin/env python3
"""Merges the services' OpenAPI documents into the one the gateway serves at /api/openapi.json.

Usage: merge-openapi.py OUT NAME=DOCUMENT [NAME=DOCUMENT ...]
  e.g. merge-openapi.py openapi.json auth=auth-service/target/openapi/openapi.json \
           quote=quote-service/target/openapi/openapi.json

Each DOCUMENT is the OpenAPI document a service's build writes
(quarkus.smallrye-openapi.store-schema-directory). Only public paths are kept: those under /api/
(never /q/*, the operations endpoints). Whatever the services publish is merged, so a new
endpoint appears here without a change to this script. A component (schema, response, ...) that
two services define differently is renamed after its service (AuthUser, QuoteUser) and every
$ref to it in that service's paths follows; an identical one is kept once. Two services that
publish the same path is an error: the gateway routes a path to one service only.
"""
import json
import sys


def fail(message):
    print(f"merge-openapi: {message}", file=sys.stderr)
    sys.exit(1)


def rename_refs(node, renames):
    """Rewrites every {"$ref": "#/components/SECTION/NAME"} whose (SECTION, NAME) is renamed."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            parts = ref.split("/")
            if len(parts) == 4 and (parts[2], parts[3]) in renames:
                node["$ref"] = f"#/components/{parts[2]}/{renames[(parts[2], parts[3])]}"
        for value in node.values():
            rename_refs(value, renames)
    elif isinstance(node, list):
        for value in node:
            rename_refs(value, renames)


def conflicts(docs):
    """(section, name) pairs defined by several services with different content."""
    seen, clashing = {}, set()
    for _, doc in docs:
        for section, entries in doc.get("components", {}).items():
            for name, value in entries.items():
                key = (section, name)
                if key in seen and seen[key] != value:
                    clashing.add(key)
                seen.setdefault(key, value)
    return clashing


def merge(docs):
    clashing = conflicts(docs)
    merged = {
        "openapi": docs[0][1].get("openapi", "3.0.3"),
        "info": {
            "title": "PatriotForge API",
            "version": docs[0][1].get("info", {}).get("version", "0"),
            "description": "Every public endpoint of "
            + " and ".join(doc.get("info", {}).get("title", name) for name, doc in docs)
            + ", as the gateway routes them. Errors are problem documents whose `type` names "
            "a page of the error catalogue at /problems/{code}.",
        },
        "paths": {},
        "components": {},
        "tags": [],
    }
    owner = {}
    for name, doc in docs:
        prefix = name[:1].upper() + name[1:]
        renames = {key: prefix + key[1] for key in clashing}
        rename_refs(doc, renames)
        for path, item in doc.get("paths", {}).items():
            if not path.startswith("/api/"):
                continue
            if path in merged["paths"]:
                fail(f"{path} is published by both {owner[path]} and {name}")
            owner[path] = name
            merged["paths"][path] = item
        for section, entries in doc.get("components", {}).items():
            target = merged["components"].setdefault(section, {})
            for entry, value in entries.items():
                target[renames.get((section, entry), entry)] = value
        known = {tag["name"] for tag in merged["tags"]}
        merged["tags"] += [tag for tag in doc.get("tags", []) if tag.get("name") not in known]
    if not merged["paths"]:
        fail("no public path in any document")
    merged["paths"] = dict(sorted(merged["paths"].items()))
    for section in merged["components"]:
        merged["components"][section] = dict(sorted(merged["components"][section].items()))
    return merged


def main(argv):
    if len(argv) < 3 or any("=" not in arg for arg in argv[2:]):
        fail("usage: merge-openapi.py OUT NAME=DOCUMENT [NAME=DOCUMENT ...]")
    docs = []
    for arg in argv[2:]:
        name, path = arg.split("=", 1)
        try:
            with open(path, encoding="utf-8") as f:
                docs.append((name, json.load(f)))
        except FileNotFoundError:
            fail(f"{path} is missing: build the services first (./mvnw package -DskipTests)")
        except json.JSONDecodeError as e:
            fail(f"{path} is not JSON: {e}")
    with open(argv[1], "w", encoding="utf-8") as f:
        json.dump(merge(docs), f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
