// The pod hardening every workload of the base meets (the services and the static origin):
// non-root, read-only root filesystem, no privilege escalation, no capabilities, the runtime's
// seccomp profile, /tmp as an emptyDir, memory requests and limits and a CPU request.
export function checkHardening({ pod, container, at, check }) {
  const sc = container.securityContext ?? {};
  check(pod.securityContext?.runAsNonRoot === true || sc.runAsNonRoot === true, at, "must run as non-root");
  check(sc.readOnlyRootFilesystem === true, at, "readOnlyRootFilesystem must be true");
  check(sc.allowPrivilegeEscalation === false, at, "allowPrivilegeEscalation must be false");
  check(sc.capabilities?.drop?.includes("ALL"), at, "capabilities must drop ALL");
  check(
    (pod.securityContext?.seccompProfile?.type ?? sc.seccompProfile?.type) === "RuntimeDefault",
    at,
    "seccomp profile must be RuntimeDefault",
  );
  const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
  check(tmp && pod.volumes?.find((v) => v.name === tmp.name)?.emptyDir, at, "/tmp must be an emptyDir");
  check(container.resources?.requests?.memory && container.resources?.limits?.memory, at, "memory requests and limits are required");
  check(container.resources?.requests?.cpu, at, "a CPU request is required");
}
