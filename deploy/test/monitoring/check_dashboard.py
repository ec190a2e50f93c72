"""Offline checks of the alerts and the Grafana dashboard (run by deploy/test/check-monitoring).

  check_dashboard.py rules RULE_FILE OUT      writes the PrometheusRule's groups as a plain rule file
  check_dashboard.py dashboard RULE_FILE KUSTOMIZATION DASHBOARD_JSON
      the dashboard JSON parses; it has one panel per alert, titled with the alert's name, whose
      queries use every metric the alert's expression uses; the kustomization ships it in a
      ConfigMap labelled grafana_dashboard: "1" (Grafana's dashboard sidecar).
"""

import json
import re
import sys

import yaml

# Metric names in the rules: the exporters' prefixes, or a __name__ matcher.
METRIC = re.compile(r'\b(?:forge|http|agroal|kube|redis|jvm)_[a-z0-9_]+\b|__name__=~"[^"]+"')


def alerts(rule_file):
    with open(rule_file, encoding="utf-8") as f:
        rule = yaml.safe_load(f)
    if rule.get("kind") != "PrometheusRule":
        sys.exit(f"{rule_file} is not a PrometheusRule")
    return rule, [r for g in rule["spec"]["groups"] for r in g["rules"] if "alert" in r]


def write_rules(rule_file, out):
    rule, _ = alerts(rule_file)
    with open(out, "w", encoding="utf-8") as f:
        yaml.safe_dump({"groups": rule["spec"]["groups"]}, f, sort_keys=False)


def check_dashboard(rule_file, kustomization, dashboard_file):
    problems = []
    _, rules = alerts(rule_file)
    try:
        with open(dashboard_file, encoding="utf-8") as f:
            dashboard = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"{dashboard_file}: not valid JSON: {e}")
    panels = dashboard.get("panels", [])
    for rule in rules:
        name = rule["alert"]
        matching = [p for p in panels if p.get("title", "").startswith(name + ":")]
        if len(matching) != 1:
            problems.append(f"{name}: {len(matching)} panels titled '{name}: ...', expected 1")
            continue
        queries = " ".join(t.get("expr", "") for t in matching[0].get("targets", []))
        for metric in sorted(set(METRIC.findall(rule["expr"]))):
            if metric not in queries:
                problems.append(f"{name}: the panel's queries do not use {metric}")
    ids = [p.get("id") for p in panels]
    if len(ids) != len(set(ids)):
        problems.append("panel ids are not unique")
    with open(kustomization, encoding="utf-8") as f:
        k = yaml.safe_load(f)
    shipped = [
        g
        for g in k.get("configMapGenerator", [])
        if any(str(x).split("=")[-1].endswith(dashboard_file.split("/")[-1]) for x in g.get("files", []))
    ]
    if not shipped or shipped[0].get("options", {}).get("labels", {}).get("grafana_dashboard") != "1":
        problems.append("the dashboard is not in a ConfigMap labelled grafana_dashboard: \"1\"")
    if problems:
        print("dashboard check FAILED:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        sys.exit(1)
    print(f"dashboard valid: {len(panels)} panels, one per alert ({len(rules)} alerts)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "rules":
        write_rules(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "dashboard":
        check_dashboard(*sys.argv[2:])
    else:
        sys.exit(__doc__)
