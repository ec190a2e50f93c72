// Checks of the static origin (deploy/k8s/base/api-static) in one rendered overlay (called by
// validate.mjs): the Gateway serves /api/openapi.json and /problems/{code} from it, as the local
// nginx gateway serves them itself.
//
//  - the Deployment is hardened like the services, probes its own port, reads no configuration
//    and no Secret (no database, no Redis), and the HPA rule holds (replicas unset if one exists);
//  - its ConfigMaps hold the merged OpenAPI (public /api/ paths only) and a page per code of
//    docs/errors.md plus the index (whether they are current is deploy/k8s/build-static.sh
//    --check's job, run by deploy/test/validate-manifests);
//  - exactly one HTTPRoute rule sends GET and HEAD of exactly /api/openapi.json and of the
//    /problems/ prefix to its Service, and no other route sends those paths anywhere;
//  - only the Gateway's namespace may reach it, on its port only, and no policy lets it out.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkHardening } from "./hardening.mjs";

const NAME = "api-static";
const WEB_ROOT = "/usr/share/nginx/html";
const GATEWAY_NAMESPACE = "envoy-gateway-system";
const ROUTED = ["Exact /api/openapi.json GET", "Exact /api/openapi.json HEAD", "PathPrefix /problems/ GET", "PathPrefix /problems/ HEAD"];
// The catalogue's rows, as deploy/gateway/render-catalogue.py reads them.
const ROW = /^\|\s*`([a-z][a-z0-9_]{0,63})`\s*\|\s*(\d{3})\s*\|(.*)\|(.*)\|\s*$/;

// A label selector (matchLabels and matchExpressions) against a pod's labels.
export function selects(selector, labels = {}) {
  const byLabel = Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return byLabel && (selector?.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === "In") return values.includes(labels[key]);
    if (operator === "NotIn") return !values.includes(labels[key]);
    if (operator === "Exists") return key in labels;
    if (operator === "DoesNotExist") return !(key in labels);
    return false;
  });
}

export function checkStaticOrigin({ root, where, objects, check, find, ofKind }) {
  const at = `${where} ${NAME}`;
  const deployment = find("Deployment", NAME);
  if (!check(deployment, at, "no Deployment (the static origin of /api/openapi.json and /problems/)")) return;
  const pod = deployment.spec.template.spec;
  const podLabels = deployment.spec.template.metadata?.labels;
  check(selects(deployment.spec.selector, podLabels), at, "selector does not match the pod labels");
  const container = pod.containers.find((c) => c.name === NAME);
  if (!check(container, at, `no container named ${NAME}`)) return;
  checkHardening({ pod, container, at, check });
  check(pod.automountServiceAccountToken === false, at, "needs no service account token");
  check(!container.env?.length && !container.envFrom?.length, at, "a static origin reads no configuration and no Secret");

  const http = (container.ports ?? []).find((p) => p.name === "http");
  check(Number.isInteger(http?.containerPort), at, "needs a container port named http");
  for (const probe of ["livenessProbe", "readinessProbe"]) {
    check(container[probe]?.httpGet?.port === "http" && container[probe]?.httpGet?.path, at, `${probe} must GET a path on the http port`);
  }
  const hpa = ofKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.name === NAME);
  if (hpa) check(deployment.spec.replicas === undefined, at, `the Deployment sets replicas although HPA ${hpa.metadata.name} owns the scale`);
  else check(deployment.spec.replicas >= 1, at, "without an HPA the Deployment sets its replicas");
  check(ofKind("PodDisruptionBudget").some((p) => selects(p.spec.selector, podLabels)), at, "PodDisruptionBudget must select the pods");

  // The files it serves, from ConfigMap volumes.
  const mounted = (path) => {
    const mount = (container.volumeMounts ?? []).find((m) => m.mountPath === path);
    const name = pod.volumes?.find((v) => v.name === mount?.name)?.configMap?.name;
    check(mount?.readOnly === true, at, `${path} must be mounted read-only`);
    return check(name && find("ConfigMap", name), at, `${path} must be mounted from a ConfigMap of the overlay`) ? find("ConfigMap", name) : undefined;
  };
  const nginx = mounted("/etc/nginx/nginx.conf");
  const conf = Object.values(nginx?.data ?? {})[0] ?? "";
  check(new RegExp(`listen\\s+${http?.containerPort};`).test(conf), at, `nginx.conf must listen on the container port ${http?.containerPort}`);
  check(conf.includes(`root ${WEB_ROOT};`) && conf.includes("try_files $uri.html ${uri}index.html =404;"), at, `nginx.conf must serve ${WEB_ROOT} and /problems/{code} as {code}.html`);
  const openapi = mounted(`${WEB_ROOT}/api`)?.data?.["openapi.json"];
  let spec;
  try {
    spec = JSON.parse(openapi);
  } catch {
    spec = undefined;
  }
  if (check(spec?.openapi && spec?.paths, at, "the openapi ConfigMap must hold openapi.json, an OpenAPI document")) {
    const paths = Object.keys(spec.paths);
    check(paths.length > 0 && paths.every((p) => p.startsWith("/api/")), at, "openapi.json may publish /api/ paths only");
  }
  const codes = readFileSync(join(root, "docs/errors.md"), "utf8").split("\n").map((l) => ROW.exec(l)?.[1]).filter(Boolean);
  const pages = Object.keys(mounted(`${WEB_ROOT}/problems`)?.data ?? {}).sort();
  const expected = [...codes.map((c) => `${c}.html`), "index.html"].sort();
  check(codes.length > 0 && JSON.stringify(pages) === JSON.stringify(expected), at, `the problems ConfigMap must hold index.html and a page per code of docs/errors.md (missing: ${expected.filter((p) => !pages.includes(p)).join(", ") || "none"}; extra: ${pages.filter((p) => !expected.includes(p)).join(", ") || "none"})`);

  const service = find("Service", NAME);
  const servicePort = service?.spec.ports.find((p) => p.name === "http");
  check(service && selects({ matchLabels: service.spec.selector }, podLabels), at, "the Service must select the pods");
  check(servicePort?.targetPort === "http" || servicePort?.targetPort === http?.containerPort, at, "the Service port http must target the container port http");

  // Routes: exactly the two public paths, GET and HEAD, to this Service and nowhere else.
  const routed = [];
  for (const route of ofKind("HTTPRoute")) {
    for (const rule of route.spec.rules ?? []) {
      const here = (rule.backendRefs ?? []).some((b) => b.name === NAME);
      const keys = (rule.matches ?? []).map((m) => `${m.path?.type ?? "PathPrefix"} ${m.path?.value ?? "/"} ${m.method ?? "ANY"}`);
      if (here) {
        check((rule.backendRefs ?? []).every((b) => b.name === NAME && b.port === servicePort?.port), at, `HTTPRoute ${route.metadata.name}: backends must be ${NAME}:${servicePort?.port} only`);
        routed.push(...keys);
      } else {
        const stray = (rule.matches ?? []).filter((m) => ["/api/openapi.json", "/problems"].some((p) => (m.path?.value ?? "/").startsWith(p)));
        check(stray.length === 0, at, `HTTPRoute ${route.metadata.name} routes ${stray.map((m) => m.path.value).join(", ")} away from ${NAME}`);
      }
    }
  }
  check(JSON.stringify([...routed].sort()) === JSON.stringify([...ROUTED].sort()), at, `the routes to ${NAME} must be exactly ${ROUTED.join(", ")} (are ${routed.join(", ") || "none"})`);

  // Network: the Gateway's proxies in, on the container port only; nothing out (not even DNS).
  const policies = ofKind("NetworkPolicy").filter((p) => selects(p.spec.podSelector, podLabels));
  check(policies.some((p) => p.metadata.name === "default-deny-all"), at, "default-deny-all must apply");
  const ingress = policies.flatMap((p) => p.spec.ingress ?? []);
  check(ingress.length > 0, at, `an ingress policy must admit the Gateway (namespace ${GATEWAY_NAMESPACE})`);
  check(
    ingress.every((r) => (r.ports ?? []).length > 0 && r.ports.every((p) => p.port === http?.containerPort || p.port === "http")),
    at,
    `ingress rules must name only the port ${http?.containerPort}`,
  );
  check(
    ingress.every((r) => (r.from ?? []).length > 0 && r.from.every((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === GATEWAY_NAMESPACE && !f.podSelector && !f.ipBlock)),
    at,
    `only the Gateway's namespace ${GATEWAY_NAMESPACE} may reach it`,
  );
  const egress = policies.filter((p) => (p.spec.egress ?? []).length > 0).map((p) => p.metadata.name);
  check(egress.length === 0, at, `it needs no egress, but ${egress.join(", ")} allow some`);
}
