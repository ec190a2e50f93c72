// Offline validation of the Kubernetes manifests (deploy/k8s), run by deploy/test/validate-manifests:
//
//  1. every object is valid against its schema: Kubernetes (kubernetes-models), Gateway API
//     (@kubernetes-models/gateway-api) and Prometheus Operator
//     (@kubernetes-models/prometheus-operator); a field the schema does not know (a typo) fails too;
//  2. the manifests agree with the services' configuration
//     (<service>/src/main/resources/application.properties over service-common's
//     META-INF/microprofile-config.properties): container and Service ports against
//     quarkus.http.port's and quarkus.management.port's defaults, probe paths against the health
//     endpoints (on the management port), and every environment variable (ConfigMap keys, Secret
//     keys, container env) is a ${FORGE_...} that the service reads;
//  3. references hold: selectors, Secret names and keys, HPA targets, routes and their ports;
//  4. operations (operations.mjs): the HPA owns the replicas, graceful shutdown fits the grace
//     period, the database connection budget fits max_connections, the PrometheusRule is there;
//  5. the static origin of /api/openapi.json and /problems/* (static-origin.mjs).
//
// Usage: node validate.mjs REPO_ROOT RENDERED...   (RENDERED: name=file, a `kubectl kustomize` output)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { checkOperations } from "./operations.mjs";
import { checkHardening } from "./hardening.mjs";
import { checkStaticOrigin } from "./static-origin.mjs";

const [root, ...renderedArgs] = process.argv.slice(2);
if (!root) {
  console.error("usage: node validate.mjs REPO_ROOT [name=rendered.yaml ...]");
  process.exit(2);
}
const k8sDir = join(root, "deploy/k8s");
const failures = [];
let checks = 0;
const fail = (where, message) => failures.push(`${where}: ${message}`);
const check = (ok, where, message) => {
  checks++;
  if (!ok) fail(where, message);
  return ok;
};

// --- The services' configuration ------------------------------------------------------------

const SERVICES = {
  "auth-service": { portVariable: "FORGE_AUTH_PORT" },
  "quote-service": { portVariable: "FORGE_QUOTE_PORT" },
};
// Read by the container image (run-java.sh of the UBI OpenJDK images), not by the service.
const IMAGE_VARIABLES = new Set(["JAVA_OPTS_APPEND"]);

const SHARED_CONFIG = "service-common/src/main/resources/META-INF/microprofile-config.properties";

function readServiceConfig(service) {
  // The lines both services share live in service-common's microprofile-config.properties (a
  // lower ordinal); the service's own application.properties comes after it and wins.
  const shared = join(root, SHARED_CONFIG);
  const file = join(root, service, "src/main/resources/application.properties");
  const text = readFileSync(shared, "utf8") + "\n" + readFileSync(file, "utf8");
  const properties = new Map();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    properties.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const variables = new Set([...text.matchAll(/\$\{(FORGE_[A-Z0-9_]+)/g)].map((m) => m[1]));
  const portValue = properties.get("quarkus.http.port") ?? "8080";
  const portMatch = /^\$\{[A-Z0-9_]+:(\d+)\}$/.exec(portValue) ?? /^(\d+)$/.exec(portValue);
  const managementEnabled = properties.get("quarkus.management.enabled") === "true";
  const managementValue = properties.get("quarkus.management.port") ?? "9000";
  const managementMatch =
    /^\$\{[A-Z0-9_]+:(\d+)\}$/.exec(managementValue) ?? /^(\d+)$/.exec(managementValue);
  const rootPath = (properties.get("quarkus.http.non-application-root-path") ?? "q").replace(
    /^\/|\/$/g,
    "",
  );
  const healthPath = (properties.get("quarkus.smallrye-health.root-path") ?? "health").replace(
    /^\/|\/$/g,
    "",
  );
  const metricsPath = (properties.get("quarkus.micrometer.export.prometheus.path") ?? "metrics")
    .replace(/^\/|\/$/g, "");
  const base = `/${rootPath}/${healthPath}`;
  return {
    file: `${relative(root, file)} (with ${SHARED_CONFIG})`,
    variables,
    port: portMatch ? Number(portMatch[1]) : NaN,
    // Health and metrics: on the management interface when it is enabled, else on the API port.
    opsPortName: managementEnabled ? "management" : "http",
    opsPort: managementEnabled ? (managementMatch ? Number(managementMatch[1]) : NaN) : undefined,
    properties,
    portVariable: /^\$\{([A-Z0-9_]+):/.exec(portValue)?.[1],
    probes: {
      startupProbe: `${base}/started`,
      livenessProbe: `${base}/live`,
      readinessProbe: `${base}/ready`,
    },
    metrics: `/${rootPath}/${metricsPath}`,
  };
}

// The nginx gateway's limits, which the Envoy Gateway policies must match.
const gatewayScript = readFileSync(join(root, "deploy/forge/gateway.sh"), "utf8");
const gatewayAuthRate = Number(/FORGE_GATEWAY_AUTH_RATE:-(\d+)/.exec(gatewayScript)?.[1]);
const nginxTemplate = readFileSync(join(root, "deploy/gateway/nginx.conf.template"), "utf8");
const nginxBodyLimit = /client_max_body_size\s+(\d+)([kKmM]);/.exec(nginxTemplate);
const gatewayBodyLimit = nginxBodyLimit ? `${nginxBodyLimit[1]}${nginxBodyLimit[2].toUpperCase()}i` : undefined;
check(Number.isInteger(gatewayAuthRate), "deploy/forge/gateway.sh", "no default for FORGE_GATEWAY_AUTH_RATE");
check(gatewayBodyLimit !== undefined, "deploy/gateway/nginx.conf.template", "no client_max_body_size");

const config = {};
for (const service of Object.keys(SERVICES)) {
  config[service] = readServiceConfig(service);
  check(
    Number.isInteger(config[service].port),
    config[service].file,
    "quarkus.http.port has no numeric default",
  );
  check(
    config[service].portVariable === SERVICES[service].portVariable,
    config[service].file,
    `quarkus.http.port should read ${SERVICES[service].portVariable}`,
  );
}

// --- Schema validation --------------------------------------------------------------------------

const MODEL_PACKAGES = {
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const pkg = MODEL_PACKAGES[group] ?? "kubernetes-models";
  const path = group ? `${pkg}/${group}/${version}/${kind}` : `${pkg}/${version}/${kind}`;
  try {
    const module = await import(path);
    return module[kind];
  } catch {
    return undefined;
  }
}

// --- Envoy Gateway policies -------------------------------------------------------------------
// No npm package carries Envoy Gateway's CRD models, so the fields these manifests use are
// described here from Envoy Gateway's API reference (gateway.envoyproxy.io/v1alpha1, v1.5+): a
// field not listed below fails as unknown, and values are checked for their type.

const ENVOY_GATEWAY_GROUP = "gateway.envoyproxy.io";
const QUANTITY = /^[1-9][0-9]*([EPTGMK]i|[EPTGMk])?$/;
const envoyTypes = {
  string: (v) => typeof v === "string" && v.length > 0,
  uint: (v) => Number.isInteger(v) && v >= 0,
  bool: (v) => typeof v === "boolean",
  quantity: (v) => (typeof v === "string" && QUANTITY.test(v)) || (Number.isInteger(v) && v > 0),
  cidr: (v) => typeof v === "string" && /^([0-9.]+|[0-9a-fA-F:]+)\/\d{1,3}$/.test(v),
};
const oneOf = (...values) => (v) => values.includes(v);
const TARGET_REF = { group: "string", kind: "string", name: "string", sectionName: "string" };
const RATE_LIMIT_RULE = {
  clientSelectors: [
    {
      headers: [{ name: "string", type: oneOf("Exact", "RegularExpression", "Distinct"), value: "string" }],
      sourceCIDR: { type: oneOf("Exact", "Distinct"), value: "cidr" },
    },
  ],
  limit: { requests: "uint", unit: oneOf("Second", "Minute", "Hour", "Day") },
};
const ENVOY_GATEWAY_SCHEMAS = {
  v1alpha1: {
    ClientTrafficPolicy: {
      targetRefs: [TARGET_REF],
      clientIPDetection: {
        xForwardedFor: { numTrustedHops: "uint", trustedCIDRs: ["cidr"] },
        customHeader: { name: "string", failClosed: "bool" },
      },
      connection: { bufferLimit: "quantity", connectionLimit: { value: "uint" } },
    },
    BackendTrafficPolicy: {
      targetRefs: [TARGET_REF],
      requestBuffer: { limit: "quantity" },
      rateLimit: {
        type: oneOf("Global", "Local"),
        global: { rules: [RATE_LIMIT_RULE] },
        local: { rules: [RATE_LIMIT_RULE] },
      },
    },
  },
};
const METADATA_FIELDS = new Set(["name", "namespace", "labels", "annotations"]);

function checkAgainst(value, schema, path, where) {
  if (typeof schema === "string") {
    check(envoyTypes[schema](value), where, `${path}: ${JSON.stringify(value)} is not a valid ${schema}`);
  } else if (typeof schema === "function") {
    check(schema(value), where, `${path}: ${JSON.stringify(value)} is not an allowed value`);
  } else if (Array.isArray(schema)) {
    if (check(Array.isArray(value) && value.length > 0, where, `${path} must be a non-empty list`)) {
      value.forEach((item, i) => checkAgainst(item, schema[0], `${path}[${i}]`, where));
    }
  } else if (check(value && typeof value === "object" && !Array.isArray(value), where, `${path} must be an object`)) {
    for (const [key, item] of Object.entries(value)) {
      if (check(key in schema, where, `${path}.${key} is a field the schema does not know`)) {
        checkAgainst(item, schema[key], `${path}.${key}`, where);
      }
    }
  }
}

function validateEnvoyGatewayObject(object, where) {
  const version = object.apiVersion.split("/")[1];
  const spec = ENVOY_GATEWAY_SCHEMAS[version]?.[object.kind];
  if (!spec) {
    fail(where, `${object.apiVersion} ${object.kind}: no schema known for this kind`);
    return;
  }
  const extra = Object.keys(object).filter((k) => !["apiVersion", "kind", "metadata", "spec"].includes(k));
  check(extra.length === 0, where, `${describe(object)} has fields its schema does not know: ${extra.join(", ")}`);
  const meta = object.metadata ?? {};
  check(typeof meta.name === "string" && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(meta.name), where, `${describe(object)}: metadata.name is required (a DNS label)`);
  const metaExtra = Object.keys(meta).filter((k) => !METADATA_FIELDS.has(k));
  check(metaExtra.length === 0, where, `${describe(object)}: unknown metadata fields ${metaExtra.join(", ")}`);
  checkAgainst(object.spec, spec, `${describe(object)} spec`, where);
  const rateLimit = object.spec?.rateLimit;
  if (rateLimit) {
    const kind = rateLimit.type?.toLowerCase();
    check(rateLimit[kind] !== undefined && Object.keys(rateLimit).length === 2, where, `${describe(object)}: rateLimit.type ${rateLimit.type} needs exactly its own section`);
    // "Distinct" (a bucket per client) is only supported for Global rate limits.
    const distinct = (rateLimit.local?.rules ?? []).some((r) => (r.clientSelectors ?? []).some((c) => c.sourceCIDR?.type === "Distinct" || (c.headers ?? []).some((h) => h.type === "Distinct")));
    check(!distinct, where, `${describe(object)}: Distinct selectors need a Global rate limit`);
  }
}

// Wraps the object tree in proxies that record which properties the schema validator looks at.
// A key the validator never read, in an object where it read others, is a field the schema does
// not know: the generated validators do not reject additional properties themselves.
function tracked(value, accessLog) {
  if (value === null || typeof value !== "object") return value;
  const seen = new Set();
  const entry = { value, seen, enumerated: false };
  accessLog.push(entry);
  const children = Array.isArray(value) ? [] : {};
  for (const [k, v] of Object.entries(value)) children[k] = tracked(v, accessLog);
  entry.children = children;
  return new Proxy(children, {
    get(target, key, receiver) {
      if (typeof key === "string") seen.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") seen.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      entry.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function unknownFields(accessLog) {
  const unknown = [];
  for (const entry of accessLog) {
    if (Array.isArray(entry.value) || entry.enumerated || entry.seen.size === 0) continue;
    for (const key of Object.keys(entry.value)) {
      if (!entry.seen.has(key)) unknown.push(key);
    }
  }
  return unknown;
}

function describe(object) {
  return `${object.kind}/${object.metadata?.name ?? "?"}`;
}

async function validateSchema(object, where) {
  checks++;
  if (!object || typeof object !== "object" || !object.apiVersion || !object.kind) {
    fail(where, "not a Kubernetes object (apiVersion and kind are required)");
    return;
  }
  if (object.apiVersion.startsWith(`${ENVOY_GATEWAY_GROUP}/`)) {
    validateEnvoyGatewayObject(object, where);
    return;
  }
  const Model = await modelFor(object.apiVersion, object.kind);
  if (!Model) {
    fail(where, `${object.apiVersion} ${object.kind}: no schema known for this kind`);
    return;
  }
  try {
    new Model(structuredClone(object)).validate();
  } catch (error) {
    fail(where, `${describe(object)} violates the ${object.apiVersion} schema: ${error.message}`);
    return;
  }
  const validate = Model.prototype.validate;
  // Validate a proxied copy to see which fields the schema knows.
  const accessLog = [];
  try {
    validate.call(tracked(structuredClone(object), accessLog));
  } catch {
    // already reported above
  }
  const unknown = unknownFields(accessLog);
  check(unknown.length === 0, where, `${describe(object)} has fields its schema does not know: ${unknown.join(", ")}`);
}

// --- Loading --------------------------------------------------------------------------------------

function loadYaml(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const objects = [];
  for (const doc of docs) {
    if (doc.errors.length) {
      fail(relative(root, file), `YAML error: ${doc.errors[0].message}`);
      continue;
    }
    const value = doc.toJSON();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// Every YAML file under deploy/k8s is either a kustomization, something a kustomization uses
// (resource or patch, hence validated in a rendered overlay), or a standalone Secret template.
const yamlFiles = walk(k8sDir).filter((f) => /\.ya?ml$/.test(f));
const used = new Set();
for (const kustomization of yamlFiles.filter((f) => /kustomization\.ya?ml$/.test(f))) {
  used.add(kustomization);
  const [k] = loadYaml(kustomization);
  const base = dirname(kustomization);
  for (const resource of k?.resources ?? []) used.add(resolve(base, resource));
  for (const patch of k?.patches ?? []) if (patch.path) used.add(resolve(base, patch.path));
  for (const generator of k?.configMapGenerator ?? []) {
    for (const f of generator.files ?? []) used.add(resolve(base, f.split("=").pop()));
  }
}
const standalone = yamlFiles.filter((f) => relative(k8sDir, f).startsWith("secrets/"));
for (const file of yamlFiles) {
  check(
    used.has(file) || standalone.includes(file),
    relative(root, file),
    "is neither used by a kustomization nor a Secret template under deploy/k8s/secrets/",
  );
}

const rendered = renderedArgs.map((arg) => {
  const [name, file] = arg.split("=");
  return { name, objects: loadYaml(file) };
});
check(
  ["base", "dev", "prod"].every((n) => rendered.some((r) => r.name === n)),
  "deploy/k8s",
  "the base and the dev and prod overlays must all be rendered (kubectl kustomize)",
);

const secretTemplates = standalone.flatMap((file) =>
  loadYaml(file).map((object) => ({ file: relative(root, file), object })),
);
for (const { file, object } of secretTemplates) {
  await validateSchema(object, file);
  check(object.kind === "Secret", file, "deploy/k8s/secrets/ holds Secrets only");
  for (const [key, value] of Object.entries({ ...object.stringData, ...object.data })) {
    check(
      typeof value === "string" && /REPLACE_ME/.test(value),
      file,
      `${describe(object)} key ${key} must hold a placeholder (REPLACE_ME), never a real value`,
    );
  }
}
const secretKeys = new Map(
  secretTemplates.map(({ object }) => [
    object.metadata.name,
    new Set(Object.keys({ ...object.stringData, ...object.data })),
  ]),
);

// --- Consistency checks per rendered overlay ------------------------------------------------------

const labelsMatch = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

for (const { name, objects } of rendered) {
  const where = `overlay ${name}`;
  for (const object of objects) await validateSchema(object, `${where} ${describe(object)}`);
  const find = (kind, n) => objects.find((o) => o.kind === kind && o.metadata?.name === n);
  const ofKind = (kind) => objects.filter((o) => o.kind === kind);

  const namespaces = new Set(
    objects.filter((o) => o.kind !== "Namespace").map((o) => o.metadata?.namespace),
  );
  if (name !== "base") {
    check(namespaces.size === 1 && !namespaces.has(undefined), where, `objects span namespaces ${[...namespaces]}`);
  }

  for (const [service, svc] of Object.entries(config)) {
    const at = `${where} ${service}`;
    const deployment = find("Deployment", service);
    if (!check(deployment, at, "no Deployment")) continue;
    const pod = deployment.spec.template.spec;
    const podLabels = deployment.spec.template.metadata?.labels;
    check(labelsMatch(deployment.spec.selector.matchLabels, podLabels), at, "selector does not match the pod labels");
    const container = pod.containers.find((c) => c.name === service);
    if (!check(container, at, `no container named ${service}`)) continue;

    // Ports
    const http = (container.ports ?? []).find((p) => p.name === "http");
    check(http?.containerPort === svc.port, at, `containerPort http is ${http?.containerPort}, the service listens on ${svc.port} (${svc.file})`);
    if (svc.opsPortName === "management") {
      const management = (container.ports ?? []).find((p) => p.name === "management");
      check(management?.containerPort === svc.opsPort, at, `containerPort management is ${management?.containerPort}, the management interface listens on ${svc.opsPort} (${svc.file})`);
    }
    const service_ = find("Service", service);
    if (check(service_, at, "no Service")) {
      check(labelsMatch(service_.spec.selector, podLabels), at, "Service selector does not match the pods");
      const sp = service_.spec.ports.find((p) => p.name === "http");
      check(sp && (sp.targetPort === "http" || sp.targetPort === svc.port), at, "Service port http must target the container port http");
      check(sp?.port === svc.port, at, `Service port is ${sp?.port}, expected ${svc.port}`);
    }

    // Probes
    for (const [probe, path] of Object.entries(svc.probes)) {
      const p = container[probe];
      check(p?.httpGet?.path === path, at, `${probe} must GET ${path} (is ${p?.httpGet?.path})`);
      check(p?.httpGet?.port === svc.opsPortName, at, `${probe} must use the ${svc.opsPortName} port (health is served there)`);
    }

    checkHardening({ pod, container, at, check });

    // Environment: every name is one the service reads (or the image's).
    const envNames = new Map();
    const configMapNames = (container.envFrom ?? []).filter((e) => e.configMapRef).map((e) => e.configMapRef.name);
    check((container.envFrom ?? []).every((e) => !e.secretRef), at, "Secrets are referenced key by key, not with envFrom");
    for (const cmName of configMapNames) {
      const cm = find("ConfigMap", cmName);
      if (!check(cm, at, `ConfigMap ${cmName} is missing`)) continue;
      for (const key of Object.keys(cm.data ?? {})) envNames.set(key, `ConfigMap ${cmName}`);
    }
    for (const env of container.env ?? []) {
      envNames.set(env.name, "env");
      const ref = env.valueFrom?.secretKeyRef;
      if (ref) {
        check(secretKeys.has(ref.name), at, `env ${env.name} refers to Secret ${ref.name}, which deploy/k8s/secrets/ does not define`);
        check(secretKeys.get(ref.name)?.has(ref.key), at, `env ${env.name} refers to key ${ref.key}, missing from Secret ${ref.name}`);
        check(ref.key === env.name, at, `env ${env.name} should come from the Secret key of the same name`);
      }
      const cmRef = env.valueFrom?.configMapKeyRef;
      if (cmRef) check(find("ConfigMap", cmRef.name)?.data?.[cmRef.key] !== undefined, at, `env ${env.name}: ConfigMap key ${cmRef.name}/${cmRef.key} is missing`);
    }
    for (const [variable, source] of envNames) {
      check(
        svc.variables.has(variable) || IMAGE_VARIABLES.has(variable),
        at,
        `${source} sets ${variable}, which ${svc.file} does not read`,
      );
    }
    for (const secretName of [...secretKeys.keys()].filter((s) => s === service)) {
      for (const key of secretKeys.get(secretName)) {
        check(svc.variables.has(key), `deploy/k8s/secrets ${secretName}`, `key ${key} is not a variable ${svc.file} reads`);
      }
    }
    const portVar = envNames.get(svc.portVariable);
    check(!portVar, at, `${svc.portVariable} must not be set: the port is fixed by the image and the manifests`);

    // Mounted Secret files must be where the configuration points.
    for (const mount of container.volumeMounts ?? []) {
      const volume = pod.volumes?.find((v) => v.name === mount.name);
      if (!volume?.secret) continue;
      check(secretKeys.has(volume.secret.secretName), at, `volume ${mount.name}: Secret ${volume.secret.secretName} is not defined under deploy/k8s/secrets/`);
      for (const item of volume.secret.items ?? []) {
        check(secretKeys.get(volume.secret.secretName)?.has(item.key), at, `volume ${mount.name}: key ${item.key} is missing from Secret ${volume.secret.secretName}`);
        const file = `${mount.mountPath}/${item.path}`;
        const cmValues = configMapNames.flatMap((n) => Object.values(find("ConfigMap", n)?.data ?? {}));
        check(cmValues.includes(file), at, `nothing in the configuration points at the mounted file ${file}`);
      }
    }

    // Autoscaling, disruption budget, monitoring
    const hpa = find("HorizontalPodAutoscaler", service);
    if (check(hpa, at, "no HorizontalPodAutoscaler")) {
      check(hpa.spec.scaleTargetRef.kind === "Deployment" && hpa.spec.scaleTargetRef.name === service, at, "HPA must target the Deployment");
      check(hpa.spec.minReplicas <= hpa.spec.maxReplicas, at, "HPA minReplicas > maxReplicas");
    }
    const pdb = find("PodDisruptionBudget", service);
    check(pdb && labelsMatch(pdb.spec.selector.matchLabels, podLabels), at, "PodDisruptionBudget must select the pods");
    const monitor = find("ServiceMonitor", service);
    if (check(monitor, at, "no ServiceMonitor")) {
      check(labelsMatch(monitor.spec.selector.matchLabels, service_?.metadata?.labels), at, "ServiceMonitor must select the Service");
      for (const endpoint of monitor.spec.endpoints) {
        check(endpoint.port === svc.opsPortName, at, `ServiceMonitor must scrape the port named ${svc.opsPortName}`);
        check(service_?.spec.ports.some((p) => p.name === endpoint.port), at, `the Service has no port named ${endpoint.port} to scrape`);
        check(endpoint.path === svc.metrics, at, `ServiceMonitor path must be ${svc.metrics}`);
      }
    }

    // Network policies select existing pods
    const policies = ofKind("NetworkPolicy").filter((p) => labelsMatch(p.spec.podSelector.matchLabels, podLabels));
    check(policies.some((p) => p.metadata.name === "default-deny-all"), at, "default-deny-all must apply");
    check(policies.some((p) => p.spec.policyTypes.includes("Ingress") && p.spec.ingress?.some((r) => r.ports?.some((port) => port.port === svc.port))), at, `an ingress policy must allow port ${svc.port}`);
    if (svc.opsPortName === "management") {
      // The management port is for Prometheus (namespace monitoring) only: no rule that admits
      // the Gateway or another pod may name it, and the API port's rules must not admit all ports.
      const rules = policies.flatMap((p) => p.spec.ingress ?? []);
      const opsRules = rules.filter((r) => r.ports?.some((port) => port.port === svc.opsPort));
      check(opsRules.length > 0, at, `an ingress policy must allow Prometheus to port ${svc.opsPort}`);
      check(
        opsRules.every((r) => (r.from ?? []).length > 0 && r.from.every((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring" && !f.podSelector)),
        at,
        `only the monitoring namespace may reach the management port ${svc.opsPort}`,
      );
      check(rules.every((r) => (r.ports ?? []).length > 0), at, "every ingress rule must name its ports");
    }
  }

  checkOperations({ name, where, objects, config, check, find, ofKind });
  checkStaticOrigin({ root, where, objects, check, find, ofKind });

  // quote-service fetches the JWKS from auth-service inside the cluster.
  const jwks = find("ConfigMap", "quote-service")?.data?.FORGE_JWKS_URL;
  if (jwks) {
    check(
      jwks === `http://auth-service:${config["auth-service"].port}/api/auth/.well-known/jwks.json`,
      `${where} quote-service`,
      `FORGE_JWKS_URL ${jwks} must point at the auth-service Service`,
    );
  }

  // Gateway API: the routes of CONTRACT.md section 4, and nothing for /q.
  const gateway = ofKind("Gateway");
  check(gateway.length === 1, where, "exactly one Gateway");
  const routes = ofKind("HTTPRoute");
  const prefixes = new Map();
  for (const route of routes) {
    for (const parent of route.spec.parentRefs ?? []) {
      check(gateway.some((g) => g.metadata.name === parent.name), where, `HTTPRoute ${route.metadata.name} attaches to unknown Gateway ${parent.name}`);
      if (parent.sectionName) check(gateway[0]?.spec.listeners.some((l) => l.name === parent.sectionName), where, `HTTPRoute ${route.metadata.name}: no listener ${parent.sectionName}`);
    }
    for (const rule of route.spec.rules ?? []) {
      for (const match of rule.matches ?? []) {
        const path = match.path?.value ?? "/";
        check(!/^\/q(\/|$)/.test(path) && path !== "/", where, `HTTPRoute ${route.metadata.name} must not route ${path}: /q/* is not public`);
        for (const backend of rule.backendRefs ?? []) prefixes.set(path, backend);
      }
      for (const backend of rule.backendRefs ?? []) {
        const target = find("Service", backend.name);
        check(target?.spec.ports.some((p) => p.port === backend.port), where, `HTTPRoute ${route.metadata.name}: no Service port ${backend.name}:${backend.port}`);
      }
    }
  }
  check(prefixes.get("/api/auth/")?.name === "auth-service", where, "/api/auth/ must route to auth-service");
  check(prefixes.get("/api/quotes")?.name === "quote-service", where, "/api/quotes must route to quote-service");
  check(prefixes.get("/api/webhooks")?.name === "quote-service", where, "/api/webhooks must route to quote-service");

  // FORGE_WEBHOOK_ALLOW_PRIVATE lifts the webhooks' SSRF rules: local runs only, never prod.
  if (name === "prod") {
    const quoteEnv = find("Deployment", "quote-service")?.spec.template.spec.containers.flatMap((c) => c.env ?? []) ?? [];
    const setsAllowPrivate =
      objects.some((o) => o.kind === "ConfigMap" && o.data && "FORGE_WEBHOOK_ALLOW_PRIVATE" in o.data) ||
      quoteEnv.some((e) => e.name === "FORGE_WEBHOOK_ALLOW_PRIVATE");
    check(!setsAllowPrivate, where, "the prod overlay must never set FORGE_WEBHOOK_ALLOW_PRIVATE");
  }

  // Envoy Gateway policies: what the nginx gateway does, on the Gateway and the auth route.
  const policies = objects.filter((o) => o.apiVersion?.startsWith(`${ENVOY_GATEWAY_GROUP}/`));
  for (const policy of policies) {
    for (const ref of policy.spec?.targetRefs ?? []) {
      check(ref.group === "gateway.networking.k8s.io" && ["Gateway", "HTTPRoute"].includes(ref.kind), where, `${describe(policy)} must target a Gateway or an HTTPRoute`);
      check(find(ref.kind, ref.name), where, `${describe(policy)} targets ${ref.kind} ${ref.name}, which is not in the overlay`);
    }
  }
  const targets = (policy, kind, name) => (policy.spec?.targetRefs ?? []).some((r) => r.kind === kind && r.name === name);
  const gatewayName = gateway[0]?.metadata.name;
  check(
    policies.some((p) => p.kind === "ClientTrafficPolicy" && targets(p, "Gateway", gatewayName) && Number.isInteger(p.spec.clientIPDetection?.xForwardedFor?.numTrustedHops)),
    where,
    "a ClientTrafficPolicy on the Gateway must set clientIPDetection.xForwardedFor.numTrustedHops",
  );
  const bodyLimits = policies.filter((p) => p.kind === "BackendTrafficPolicy" && targets(p, "Gateway", gatewayName) && p.spec.requestBuffer);
  check(
    bodyLimits.length === 1 && bodyLimits[0].spec.requestBuffer.limit === gatewayBodyLimit,
    where,
    `a BackendTrafficPolicy on the Gateway must cap request bodies at ${gatewayBodyLimit}, as the nginx gateway does`,
  );
  const authLimits = policies.filter((p) => p.kind === "BackendTrafficPolicy" && targets(p, "HTTPRoute", "auth-service") && p.spec.rateLimit);
  const perClient = authLimits.flatMap((p) => p.spec.rateLimit.global?.rules ?? []).filter((r) => r.clientSelectors?.some((c) => c.sourceCIDR?.type === "Distinct"));
  check(
    perClient.length > 0 && perClient.every((r) => r.limit.unit === "Second" && r.limit.requests === gatewayAuthRate),
    where,
    `the auth-service route needs a per-client-address rate limit of ${gatewayAuthRate} requests per second (FORGE_GATEWAY_AUTH_RATE's default)`,
  );
}

if (failures.length) {
  console.error(`manifest validation FAILED (${failures.length} of ${checks} checks):`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
const objectCount = rendered.reduce((n, r) => n + r.objects.length, 0) + secretTemplates.length;
console.log(`manifests valid: ${objectCount} objects (${rendered.map((r) => `${r.name} ${r.objects.length}`).join(", ")}, secrets ${secretTemplates.length}), ${checks} checks`);
