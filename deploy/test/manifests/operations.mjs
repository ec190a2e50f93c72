// Operations checks of one rendered overlay (called by validate.mjs):
//
//  - the HorizontalPodAutoscaler owns the scale: a Deployment an HPA targets sets no replicas, so
//    a second `kubectl apply` does not reset it;
//  - graceful shutdown fits the pod's grace period: the service's shutdown delay plus its shutdown
//    timeout (FORGE_SHUTDOWN_DELAY / FORGE_SHUTDOWN_TIMEOUT from the ConfigMap, else the
//    defaults of the configuration), plus any preStop sleep, stay below
//    terminationGracePeriodSeconds;
//  - the database connection budget: for each service, (pool size + 1 connection Flyway holds at
//    start) x the HPA's maxReplicas, summed, fits PostgreSQL's max_connections less its 3
//    superuser-reserved connections. max_connections comes from the in-cluster PostgreSQL's
//    `-c max_connections=N` (dev) or the Namespace annotation patriotforge.dev/postgres-max-connections
//    (prod: the external server this overlay is sized for);
//  - the PrometheusRule of the alerts is part of the overlay.
const MAX_CONNECTIONS_ANNOTATION = "patriotforge.dev/postgres-max-connections";
const SUPERUSER_RESERVED = 3;
const FLYWAY_CONNECTIONS = 1;

const DURATION = /^(\d+)([smh]?)$/i;

// Quarkus durations as the services' configuration writes them: 5S, 20s, 1M, PT20S, or seconds.
function seconds(text) {
  if (text === undefined || text === null) return NaN;
  const value = String(text).trim();
  const iso = /^PT(?:(\d+)M)?(?:(\d+)S)?$/i.exec(value);
  if (iso) return Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0);
  const m = DURATION.exec(value);
  if (!m) return NaN;
  return Number(m[1]) * { "": 1, s: 1, m: 60, h: 3600 }[m[2].toLowerCase()];
}

// The value a service sees for a property whose default reads ${VARIABLE:default}: the ConfigMap's
// value of VARIABLE when it sets one, else the default.
function effective(svc, property, configMap) {
  const raw = svc.properties.get(property);
  if (raw === undefined) return undefined;
  const ref = /^\$\{([A-Z0-9_]+):([^}]*)\}$/.exec(raw);
  if (!ref) return raw;
  return configMap?.data?.[ref[1]] ?? ref[2];
}

export function checkOperations({ name, where, objects, config, check, find, ofKind }) {
  let connections = 0;
  const budget = [];
  for (const [service, svc] of Object.entries(config)) {
    const at = `${where} ${service}`;
    const deployment = find("Deployment", service);
    const hpa = ofKind("HorizontalPodAutoscaler").find(
      (h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === service,
    );
    if (!deployment) continue;
    if (hpa) {
      check(
        deployment.spec.replicas === undefined,
        at,
        `the Deployment sets replicas (${deployment.spec.replicas}) although HPA ${hpa.metadata.name} owns the scale; a second apply would reset it`,
      );
    }

    const pod = deployment.spec.template.spec;
    const container = pod.containers.find((c) => c.name === service);
    const configMap = find("ConfigMap", service);
    const delay = seconds(effective(svc, "quarkus.shutdown.delay", configMap) ?? "0");
    const timeout = seconds(effective(svc, "quarkus.shutdown.timeout", configMap));
    const preStop = container?.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (check(Number.isFinite(timeout), at, "quarkus.shutdown.timeout must be set (graceful shutdown)")) {
      check(
        svc.properties.get("quarkus.shutdown.delay-enabled") === "true" && delay > 0,
        at,
        "a shutdown delay (quarkus.shutdown.delay-enabled, FORGE_SHUTDOWN_DELAY) must keep the pod serving while it leaves the endpoints",
      );
      check(
        preStop + delay + timeout < grace,
        at,
        `preStop ${preStop} s + shutdown delay ${delay} s + shutdown timeout ${timeout} s must stay below terminationGracePeriodSeconds ${grace}`,
      );
    }

    const pool = Number(effective(svc, "quarkus.datasource.jdbc.max-size", configMap));
    check(Number.isInteger(pool) && pool > 0, at, "quarkus.datasource.jdbc.max-size must have a numeric value");
    if (hpa && Number.isInteger(pool)) {
      const total = (pool + FLYWAY_CONNECTIONS) * hpa.spec.maxReplicas;
      connections += total;
      budget.push(`${service} (${pool} + ${FLYWAY_CONNECTIONS}) x ${hpa.spec.maxReplicas} = ${total}`);
    }
  }

  check(
    ofKind("PrometheusRule").some((r) => (r.spec.groups ?? []).some((g) => (g.rules ?? []).some((x) => x.alert))),
    where,
    "the PrometheusRule with the alerts is missing",
  );

  if (name === "base") return;
  const maxConnections = postgresMaxConnections(objects);
  if (
    check(
      Number.isInteger(maxConnections),
      where,
      `PostgreSQL's max_connections is unknown: set \`-c max_connections=N\` on the in-cluster PostgreSQL or the Namespace annotation ${MAX_CONNECTIONS_ANNOTATION}`,
    )
  ) {
    check(
      connections <= maxConnections - SUPERUSER_RESERVED,
      where,
      `connection budget exceeded: ${budget.join(" + ")} = ${connections} > max_connections ${maxConnections} - ${SUPERUSER_RESERVED} reserved`,
    );
  }
}

function postgresMaxConnections(objects) {
  for (const set of objects.filter((o) => o.kind === "StatefulSet" || o.kind === "Deployment")) {
    for (const c of set.spec.template.spec.containers ?? []) {
      const args = [...(c.command ?? []), ...(c.args ?? [])].join(" ");
      const m = /max_connections=(\d+)/.exec(args);
      if (m) return Number(m[1]);
    }
  }
  const annotated = objects
    .filter((o) => o.kind === "Namespace")
    .map((o) => o.metadata?.annotations?.[MAX_CONNECTIONS_ANNOTATION])
    .find((v) => v !== undefined);
  return annotated === undefined ? undefined : Number(annotated);
}
