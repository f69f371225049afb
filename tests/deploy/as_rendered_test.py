#!/usr/bin/python3
"""Runs reportfacts-server the way a rendered overlay's Deployment does.

Usage: as_rendered_test.py KUBECTL OVERLAY DOCKERFILE BUILD_DIR CLIENT_BIN

Installs the build into a scratch root at the Dockerfile's install prefix
(the image layout), writes every ConfigMap file the container mounts at its
mount path under that root, and starts the Dockerfile's ENTRYPOINT with the
container's exact args and env, in its workingDir (mapped into the root),
inside a fresh network namespace so that the ports the manifest names are
free. Then, as the kubelet would:
  - the startup and readiness probes (grpc.health.v1, their service names)
    must answer SERVING within the startup probe's budget;
  - GET /metrics answers on the HTTP port;
  - termination: the preStop command runs (the server still serves), then
    SIGTERM while extractions are in flight; every one of them must
    complete, health must stop saying SERVING, and the server must exit 0
    before terminationGracePeriodSeconds (counted from preStop's start).
Exits 0 on success, 77 when kubectl or network namespaces are missing,
1 on failure.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rendered  # noqa: E402

IN_NAMESPACE = "REPORTFACTS_AS_RENDERED_NETNS"
IN_FLIGHT = 6


def fail(message, log=None):
    print(f"FAIL: {message}", file=sys.stderr)
    if log and os.path.exists(log):
        with open(log, errors="replace") as f:
            print(f"--- server log\n{f.read()[-3000:]}", file=sys.stderr)
    sys.exit(1)


def enter_network_namespace():
    """Re-runs this script in a new network namespace with loopback up."""
    if os.environ.get(IN_NAMESPACE):
        subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
        return
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        print("SKIP: needs unshare and ip (util-linux, iproute2)")
        sys.exit(rendered.SKIP)
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True)
    if probe.returncode != 0:
        print(f"SKIP: cannot make a network namespace: {probe.stderr!r}")
        sys.exit(rendered.SKIP)
    env = dict(os.environ, **{IN_NAMESPACE: "1"})
    code = subprocess.run(["unshare", "--net", sys.executable] + sys.argv,
                          env=env).returncode
    sys.exit(code)


def dockerfile_layout(path):
    """(install prefix, ENTRYPOINT argv) of the Dockerfile."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    prefix = re.search(r"-DCMAKE_INSTALL_PREFIX=(\S+)", text)
    entry = re.findall(r"^ENTRYPOINT\s+(\[.*\])\s*$", text, re.M)
    if not prefix or not entry:
        fail(f"{path}: no CMAKE_INSTALL_PREFIX or exec-form ENTRYPOINT")
    return prefix.group(1), json.loads(entry[-1])


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def length_delimited(field, payload):
    return varint(field << 3 | 2) + varint(len(payload)) + payload


def extract_request(doc_id, text):
    """ExtractRequest{document: Document{id: 1, text: 2}}, encoded by hand
    so that the test needs no generated code."""
    document = length_delimited(1, doc_id.encode()) + length_delimited(
        2, text.encode())
    return length_delimited(1, document)


def response_id(data):
    """ExtractResponse.document_id (field 1), or None."""
    if not data or data[0] != 0x0A:
        return None
    length, shift, index = 0, 0, 1
    while True:
        byte = data[index]
        length |= (byte & 0x7F) << shift
        index += 1
        shift += 7
        if not byte & 0x80:
            break
    return data[index:index + length].decode()


def health(client_bin, port, service):
    result = subprocess.run(
        [client_bin, "health", "--server", f"127.0.0.1:{port}", "--service",
         service, "--timeout_ms", "1000"], capture_output=True, text=True)
    return result.stdout.strip() or result.stderr.strip()


def probe_budget(probe):
    return probe.get("periodSeconds", 10) * probe.get("failureThreshold", 3)


def main():
    if len(sys.argv) != 6:
        fail("usage: as_rendered_test.py KUBECTL OVERLAY DOCKERFILE "
             "BUILD_DIR CLIENT_BIN")
    kubectl = rendered.kubectl_or_skip(sys.argv[1])
    overlay, dockerfile, build_dir, client_bin = sys.argv[2:]
    enter_network_namespace()
    try:
        import grpc
    except ImportError:
        fail("python3-grpcio missing (run scripts/setup.sh)")

    objects = rendered.render(kubectl, overlay)
    deployment = rendered.only(objects, "Deployment")
    pod = deployment["spec"]["template"]["spec"]
    container = rendered.server_container(deployment)
    prefix, entrypoint = dockerfile_layout(dockerfile)

    root = tempfile.mkdtemp(prefix="reportfacts-pod-")
    log = os.path.join(root, "server.log")
    server = None
    try:
        # The image: the build installed at the Dockerfile's prefix.
        install = subprocess.run(
            ["cmake", "--install", build_dir, "--prefix", root + prefix],
            capture_output=True, text=True)
        if install.returncode != 0:
            fail(f"cmake --install: {install.stderr}")
        # The mounted ConfigMap files.
        for path, contents in rendered.mounted_files(objects,
                                                     deployment).items():
            os.makedirs(os.path.dirname(root + path), exist_ok=True)
            with open(root + path, "w", encoding="utf-8") as f:
                f.write(contents)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        for variable in container.get("env", []):
            if "value" not in variable:
                fail(f"env {variable['name']}: only literal values are "
                     f"supported here")
            env[variable["name"]] = variable["value"]
        argv = [root + entrypoint[0]] + entrypoint[1:]
        if "command" in container:
            argv = [root + container["command"][0]] + container["command"][1:]
        argv += container.get("args", [])
        cwd = root + container.get("workingDir", "/")
        print(f"running {argv} in {cwd}")
        with open(log, "w") as log_file:
            server = subprocess.Popen(argv, cwd=cwd, env=env,
                                      stdout=log_file, stderr=log_file)

        # Startup and readiness, as the kubelet probes them.
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        started = time.monotonic()
        startup = container["startupProbe"]
        deadline = started + probe_budget(startup)
        while health(client_bin, startup["grpc"]["port"],
                     startup["grpc"].get("service", "")) != "SERVING":
            if server.poll() is not None:
                fail(f"the server exited {server.returncode} at start", log)
            if time.monotonic() > deadline:
                fail("not SERVING within the startup probe's budget", log)
            time.sleep(0.1)
        readiness = container["readinessProbe"]["grpc"]
        state = health(client_bin, readiness["port"],
                       readiness.get("service", ""))
        if state != "SERVING":
            fail(f"readiness probe answer: {state}", log)
        print(f"ready after {time.monotonic() - started:.2f} s")

        with urllib.request.urlopen(
                f"http://127.0.0.1:{ports['http']}/metrics", timeout=10) as r:
            if r.status != 200 or b"# TYPE" not in r.read():
                fail("GET /metrics gave no Prometheus page", log)

        # Termination: preStop, then SIGTERM with calls in flight.
        grace = pod.get("terminationGracePeriodSeconds", 30)
        terminating = time.monotonic()
        pre_stop = container["lifecycle"]["preStop"]["exec"]["command"]
        subprocess.run(pre_stop, check=True, timeout=grace)
        if health(client_bin, ports["grpc"], "") != "SERVING":
            fail("the server stopped serving during preStop", log)

        channel = grpc.insecure_channel(
            f"127.0.0.1:{ports['grpc']}",
            options=[("grpc.max_send_message_length", 64 << 20),
                     ("grpc.max_receive_message_length", 256 << 20)])
        extract = channel.unary_unary("/reportfacts.v1.FactExtractor/Extract")
        # Documents of 256 KiB (a few tenths of a second each), so that
        # IN_FLIGHT of them outlast the signal.
        flags = rendered.effective_flags(
            container, rendered.mounted_files(objects, deployment))
        size = min(int(flags.get("max_doc_bytes", 8 << 20)), 256 << 10)
        sentences, total, i = [], 0, 0
        while total < size:
            sentence = f"{i}年，委员共提出提案{i % 90 + 5}件，开展视察{i % 9 + 1}次。"
            sentences.append(sentence)
            total += len(sentence.encode())
            i += 1
        text = "".join(sentences[:-1])
        calls = [extract.future(extract_request(f"doc{i}", text), timeout=120)
                 for i in range(IN_FLIGHT)]
        waited = time.monotonic()
        while not any(call.done() for call in calls):
            if time.monotonic() - waited > 120:
                fail("no extraction finished in 120 s", log)
            time.sleep(0.01)
        server.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        pending = sum(1 for c in calls if not c.done())
        if pending == 0:
            fail("every call finished before SIGTERM: nothing was in flight")
        # Health goes NOT_SERVING (or refuses the call) at once, so that the
        # readiness probe and clients' health checks take the pod out.
        while health(client_bin, ports["grpc"], "") == "SERVING":
            if time.monotonic() - signalled > 5:
                fail("still SERVING 5 s after SIGTERM", log)
            time.sleep(0.05)
        for i, call in enumerate(calls):
            try:
                if response_id(call.result(timeout=grace)) != f"doc{i}":
                    fail(f"doc{i}: a response for another document", log)
            except grpc.RpcError as error:
                fail(f"doc{i}, in flight at SIGTERM: {error.code()} "
                     f"{error.details()}", log)
        left = grace - (time.monotonic() - terminating)
        try:
            code = server.wait(timeout=max(left, 0.1))
        except subprocess.TimeoutExpired:
            fail(f"still running {grace} s after preStop began", log)
        if code != 0:
            fail(f"exit code {code} after SIGTERM", log)
        print(f"OK: ready, then preStop, SIGTERM with {pending} of "
              f"{IN_FLIGHT} calls in flight, all completed; exited 0 "
              f"{time.monotonic() - signalled:.2f} s after SIGTERM, "
              f"{time.monotonic() - terminating:.2f} s of a {grace} s grace "
              f"period")
    finally:
        if server is not None and server.poll() is None:
            server.kill()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
