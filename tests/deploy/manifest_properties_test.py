#!/usr/bin/python3
"""Checks the properties deploy/README.md promises on every rendered
overlay, and that the overlays differ where they should.

Usage: manifest_properties_test.py KUBECTL DOCKERFILE TAXONOMY OVERLAY...

Before trusting a pass it breaks copies of the first overlay's objects
(one property each) and requires every broken copy to be caught.
Exits 0 on success, 77 when kubectl is missing, 1 on failure.
"""

import copy
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rendered  # noqa: E402

GRPC_PORT = 50051
HTTP_PORT = 8080
# Measured with the built server (deploy/README.md): resident memory with
# the data loaded, and resident memory per byte of document text in
# flight.
IDLE_RSS_MIB = 40
RSS_PER_DOC_BYTE = 6


def quantity(value):
    """A Kubernetes CPU or memory quantity as a float (cores or bytes)."""
    value = str(value)
    units = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "k": 1e3,
             "M": 1e6, "G": 1e9}
    for suffix, factor in sorted(units.items(), key=lambda u: -len(u[0])):
        if value.endswith(suffix):
            return float(value[:-len(suffix)]) * factor
    return float(value)


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v
                                  for k, v in selector.items())


def port_of(address):
    return int(address.rsplit(":", 1)[1])


def check(objects, dockerfile_uid, taxonomy):
    """Returns the list of violated properties of one overlay."""
    problems = []

    def expect(condition, message):
        if not condition:
            problems.append(message)

    try:
        deployment = rendered.only(objects, "Deployment")
        config_maps = [o for o in objects if o["kind"] == "ConfigMap"]
        services = [o for o in objects if o["kind"] == "Service"]
        hpa = rendered.only(objects, "HorizontalPodAutoscaler")
        pdb = rendered.only(objects, "PodDisruptionBudget")
        policy = rendered.only(objects, "NetworkPolicy")
        container = rendered.server_container(deployment)
    except (AssertionError, KeyError) as error:
        return [str(error)]

    # API versions the issue names.
    expect(hpa["apiVersion"] == "autoscaling/v2", "HPA not autoscaling/v2")
    expect(pdb["apiVersion"] == "policy/v1", "PDB not policy/v1")

    # One namespace for everything namespaced.
    namespaces = {o["metadata"].get("namespace") for o in objects
                  if o["kind"] != "Namespace"}
    expect(len(namespaces) == 1 and None not in namespaces,
           f"objects spread over namespaces {namespaces}")

    pod = deployment["spec"]["template"]["spec"]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    expect(selects(deployment["spec"]["selector"]["matchLabels"], pod_labels),
           "Deployment selector does not match its pods")

    # Ports.
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    expect(ports.get("grpc") == GRPC_PORT, "no containerPort grpc 50051")
    expect(ports.get("http") == HTTP_PORT, "no containerPort http 8080")

    # Probes: the kubelet's own gRPC health checks on the gRPC port.
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        spec = container.get(probe, {})
        expect(spec.get("grpc", {}).get("port") == GRPC_PORT,
               f"{probe} is not a gRPC probe on {GRPC_PORT}")
    startup = container.get("startupProbe", {})
    expect(startup.get("periodSeconds", 10) *
           startup.get("failureThreshold", 3) >= 20,
           "startupProbe allows under 20 s to load the data")
    liveness = container.get("livenessProbe", {})
    readiness = container.get("readinessProbe", {})
    expect(liveness.get("periodSeconds", 10) *
           liveness.get("failureThreshold", 3) >
           readiness.get("periodSeconds", 10) *
           readiness.get("failureThreshold", 3),
           "liveness would restart a pod before readiness takes it out")

    # Resources.
    resources = container.get("resources", {})
    requests, limits = resources.get("requests", {}), resources.get(
        "limits", {})
    for kind in ("cpu", "memory"):
        expect(kind in requests and kind in limits,
               f"no {kind} request and limit")
        if kind in requests and kind in limits:
            expect(quantity(requests[kind]) <= quantity(limits[kind]),
                   f"{kind} request above its limit")

    # Security.
    pod_security = pod.get("securityContext", {})
    security = container.get("securityContext", {})

    def either(key):
        return security.get(key, pod_security.get(key))

    expect(either("runAsNonRoot") is True, "runAsNonRoot not set")
    expect(either("runAsUser") == dockerfile_uid,
           f"runAsUser {either('runAsUser')} is not the image's USER "
           f"{dockerfile_uid}")
    expect(security.get("allowPrivilegeEscalation") is False,
           "allowPrivilegeEscalation not false")
    expect(security.get("readOnlyRootFilesystem") is True,
           "readOnlyRootFilesystem not true")
    expect(security.get("privileged") is not True, "privileged")
    capabilities = security.get("capabilities", {})
    expect(capabilities.get("drop") == ["ALL"] and
           not capabilities.get("add"), "capabilities do not drop ALL")
    expect((either("seccompProfile") or {}).get("type") == "RuntimeDefault",
           "seccompProfile not RuntimeDefault")
    expect(pod.get("automountServiceAccountToken") is False,
           "service account token mounted")

    # Flags, mounted files and graceful termination.
    try:
        files = rendered.mounted_files(objects, deployment)
        flags = rendered.effective_flags(container, files)
    except (AssertionError, KeyError) as error:
        return problems + [f"flags: {error}"]
    expect(port_of(flags.get("listen", ":0")) == GRPC_PORT,
           "--listen is not the gRPC port")
    expect(port_of(flags.get("http_listen", ":0")) == HTTP_PORT,
           "--http_listen is not the HTTP port")
    workdir = container.get("workingDir", "/")
    taxonomy_path = os.path.normpath(os.path.join(workdir,
                                                  flags.get("taxonomy", "")))
    expect(files.get(taxonomy_path) == taxonomy,
           f"--taxonomy ({taxonomy_path}) is not a mounted copy of "
           f"service/data/taxonomy.tsv (copy it to deploy/base/)")
    drain = int(flags.get("drain_seconds", 20))
    pre_stop = container.get("lifecycle", {}).get("preStop", {})
    command = pre_stop.get("exec", {}).get("command", [])
    wait = (int(command[1]) if len(command) == 2 and
            command[0].endswith("sleep") else None)
    expect(wait is not None and wait >= 1,
           "no preStop sleep (endpoints would still route to a stopping pod)")
    grace = pod.get("terminationGracePeriodSeconds", 30)
    expect(wait is not None and grace >= wait + drain + 2,
           f"terminationGracePeriodSeconds {grace} < preStop {wait} s + "
           f"--drain_seconds {drain} + 2 s to exit")

    # Memory limit covers the worst case the flags allow: workers and queue
    # full of the largest documents.
    in_flight = int(flags.get("workers", 1)) + int(
        flags.get("queue_capacity", 4 * int(flags.get("workers", 1))))
    worst = IDLE_RSS_MIB * 2**20 + in_flight * int(
        flags.get("max_doc_bytes", 8 << 20)) * RSS_PER_DOC_BYTE
    if "memory" in limits:
        expect(quantity(limits["memory"]) >= worst,
               f"memory limit {limits['memory']} below the worst case "
               f"{worst / 2**20:.0f} MiB the flags allow")

    # Spread over nodes, counting this Deployment's pods.
    spreads = pod.get("topologySpreadConstraints", [])
    expect(any(s["topologyKey"] == "kubernetes.io/hostname" and
               selects(s.get("labelSelector", {}).get("matchLabels"),
                       pod_labels) for s in spreads),
           "no topology spread over kubernetes.io/hostname for these pods")

    # Services: one ClusterIP, one headless, both on the gRPC port.
    cluster_ip = [s for s in services
                  if s["spec"].get("type", "ClusterIP") == "ClusterIP" and
                  s["spec"].get("clusterIP") != "None"]
    headless = [s for s in services if s["spec"].get("clusterIP") == "None"]
    expect(len(cluster_ip) == 1, "not exactly one ClusterIP Service")
    expect(len(headless) == 1, "not exactly one headless Service")
    for service in services:
        name = service["metadata"]["name"]
        expect(selects(service["spec"].get("selector"), pod_labels),
               f"Service {name} selects no pod of the Deployment")
        service_ports = {p["port"]: p.get("targetPort")
                         for p in service["spec"]["ports"]}
        expect(service_ports.get(GRPC_PORT) in ("grpc", GRPC_PORT),
               f"Service {name} does not forward {GRPC_PORT}")

    # Autoscaling on CPU, of this Deployment, which leaves the count to it.
    target = hpa["spec"]["scaleTargetRef"]
    expect(target["kind"] == "Deployment" and
           target["name"] == deployment["metadata"]["name"],
           "the HPA scales something else")
    expect("replicas" not in deployment["spec"],
           "Deployment sets replicas although the HPA owns the count")
    expect(any(m["type"] == "Resource" and m["resource"]["name"] == "cpu"
               for m in hpa["spec"].get("metrics", [])),
           "the HPA does not scale on CPU")
    low, high = hpa["spec"].get("minReplicas", 1), hpa["spec"]["maxReplicas"]
    expect(1 <= low <= high, f"HPA bounds {low}..{high}")

    # The PDB covers the pods and never blocks a drain at the floor.
    expect(selects(pdb["spec"]["selector"].get("matchLabels"), pod_labels),
           "PDB selects no pod of the Deployment")
    if "minAvailable" in pdb["spec"]:
        expect(int(pdb["spec"]["minAvailable"]) < low,
               "PDB minAvailable would block every eviction at minReplicas")
    else:
        expect(int(pdb["spec"].get("maxUnavailable", 0)) >= 1,
               "PDB allows no disruption")

    # NetworkPolicy: in, only the gRPC and HTTP ports.
    expect(selects(policy["spec"]["podSelector"].get("matchLabels"),
                   pod_labels), "NetworkPolicy selects no pod")
    expect("Ingress" in policy["spec"].get("policyTypes", []),
           "NetworkPolicy does not govern ingress")
    allowed = set()
    for rule in policy["spec"].get("ingress", []):
        if not rule.get("ports"):
            problems.append("an ingress rule allows every port")
        for port in rule.get("ports", []):
            allowed.add((port.get("protocol", "TCP"), port.get("port")))
    expect(allowed == {("TCP", GRPC_PORT), ("TCP", HTTP_PORT)},
           f"ingress allows {sorted(allowed)}, not just TCP 50051 and 8080")

    # Image: a pinned tag, not latest.
    image = container["image"]
    expect(re.search(r":[\w.-]+$", image) and not image.endswith(":latest"),
           f"image {image} has no pinned tag")
    return problems


def self_test(objects, uid, taxonomy):
    """Breaks one property at a time; each must be caught."""

    def container_of(objs):
        return rendered.server_container(rendered.only(objs, "Deployment"))

    def pod_of(objs):
        return rendered.only(objs, "Deployment")["spec"]["template"]["spec"]

    breakers = {
        "writable root": lambda o: container_of(o)["securityContext"].update(
            readOnlyRootFilesystem=False),
        "capability added": lambda o: container_of(o)["securityContext"][
            "capabilities"].update(add=["NET_ADMIN"]),
        "short grace": lambda o: pod_of(o).update(
            terminationGracePeriodSeconds=10),
        "http readiness": lambda o: container_of(o).update(
            readinessProbe={"httpGet": {"port": 8080}}),
        "open policy": lambda o: rendered.only(o, "NetworkPolicy")["spec"][
            "ingress"].append({}),
        "no spread": lambda o: pod_of(o).update(topologySpreadConstraints=[]),
        "stale taxonomy": lambda o: [
            c["data"].update({k: v + "\n"}) for c in o
            if c["kind"] == "ConfigMap" for k, v in c["data"].items()
            if k.endswith(".tsv")],
        "small memory": lambda o: container_of(o)["resources"]["limits"].update(
            memory="64Mi"),
    }
    missed = []
    for name, breaker in breakers.items():
        broken = copy.deepcopy(objects)
        breaker(broken)
        if not check(broken, uid, taxonomy):
            missed.append(name)
    return missed, len(breakers)


def main():
    if len(sys.argv) < 5:
        raise SystemExit("usage: manifest_properties_test.py KUBECTL "
                         "DOCKERFILE TAXONOMY OVERLAY...")
    kubectl = rendered.kubectl_or_skip(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        users = re.findall(r"^USER\s+(\d+)", f.read(), re.M)
    if not users:
        raise SystemExit("FAIL: the Dockerfile sets no numeric USER")
    uid = int(users[-1])
    with open(sys.argv[3], encoding="utf-8") as f:
        taxonomy = f.read()

    failed = False
    renderings = {}
    for overlay in sys.argv[4:]:
        objects = rendered.render(kubectl, overlay)
        renderings[overlay] = objects
        problems = check(objects, uid, taxonomy)
        name = os.path.basename(os.path.normpath(overlay))
        for problem in problems:
            print(f"FAIL {name}: {problem}", file=sys.stderr)
        failed |= bool(problems)
        if not problems:
            print(f"ok: {name}: {len(objects)} objects hold every property")

    first = next(iter(renderings.values()))
    missed, broken = self_test(first, uid, taxonomy)
    if missed:
        print(f"FAIL: the checks missed broken copies: {missed}",
              file=sys.stderr)
        failed = True

    # The overlays must differ in what they are for.
    if len(renderings) > 1:
        def profile(objects):
            hpa = rendered.only(objects, "HorizontalPodAutoscaler")["spec"]
            deployment = rendered.only(objects, "Deployment")
            resources = rendered.server_container(deployment)["resources"]
            namespace = deployment["metadata"]["namespace"]
            return ((hpa.get("minReplicas"), hpa["maxReplicas"]),
                    repr(resources), namespace)
        profiles = [profile(o) for o in renderings.values()]
        for index, what in enumerate(("HPA bounds", "resources",
                                      "namespace")):
            values = [p[index] for p in profiles]
            if len(set(values)) != len(values):
                print(f"FAIL: overlays share their {what}: {values}",
                      file=sys.stderr)
                failed = True
    if failed:
        sys.exit(1)
    print(f"OK: {len(renderings)} overlays; {broken} broken copies caught")


if __name__ == "__main__":
    main()
