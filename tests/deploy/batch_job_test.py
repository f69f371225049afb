#!/usr/bin/python3
"""The batch Indexed Job of deploy/batch: its properties as rendered, then
its exact command lines run for every index against a local server.

Usage: batch_job_test.py KUBECTL BATCH_DIR BASE_DIR SERVER_BIN CLIENT_BIN
                         DATA_DIR

Renders deploy/batch and checks what deploy/README.md promises: an Indexed
Job with a retry budget per index, as many shards as completions, each
pod's shard and output named by its completion index, the server's
hardening (non-root, read-only root, no capabilities), the archive mounted
read-only, and a --server that names a Service the base defines. It breaks
copies of the Job (one property each) and requires each to be caught.

Then it writes an archive of a few hundred documents in subfolders, starts
a reportfacts-server, and runs the container's command and args for every
completion index with the pod's paths and the server's address put in.
One shard is killed (SIGKILL) midway, while the server is slowed by
SIGSTOP pulses so that the kill lands with part of the shard written, and
is run again, as the Job's per-index retry would. After the shards are
merged, every document must have exactly one result, and `reportfacts
compare` must read the merged file.
Exits 0 on success, 77 when kubectl is missing, 1 on failure.
"""

import collections
import copy
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rendered  # noqa: E402

DOCUMENTS = 300
KILLED_INDEX = 3
INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']"


def fail(message, work=None):
    print(f"FAIL: {message}", file=sys.stderr)
    if work and os.path.exists(os.path.join(work, "server.err")):
        with open(os.path.join(work, "server.err"), errors="replace") as f:
            print(f"--- server.err\n{f.read()[-1500:]}", file=sys.stderr)
    sys.exit(1)


def flag(args, name):
    values = [a.split("=", 1)[1] for a in args if a.startswith(f"--{name}=")]
    return values[0] if len(values) == 1 else None


def problems_of(job, service_names):
    """The promises the rendered Job breaks ([] when it keeps them all)."""
    problems = []

    def expect(condition, message):
        if not condition:
            problems.append(message)

    spec = job.get("spec", {})
    pod = spec.get("template", {}).get("spec", {})
    containers = pod.get("containers", [])
    if len(containers) != 1:
        return ["the Job must have one container"]
    container = containers[0]
    args = container.get("args", [])
    expect(spec.get("completionMode") == "Indexed", "not an Indexed Job")
    expect(isinstance(spec.get("backoffLimitPerIndex"), int),
           "no backoffLimitPerIndex: one bad shard would fail the Job")
    expect(pod.get("restartPolicy") == "Never",
           "restartPolicy must be Never (per-index retries need it)")
    expect(str(spec.get("completions")) == flag(args, "shard_count"),
           "completions and --shard_count differ: shards would be lost")
    env = {e["name"]: e for e in container.get("env", [])}
    index_vars = [name for name, e in env.items()
                  if e.get("valueFrom", {}).get("fieldRef", {})
                  .get("fieldPath") == INDEX_ANNOTATION]
    expect(len(index_vars) == 1, "no variable holds the completion index")
    index_ref = f"$({index_vars[0]})" if index_vars else "$(?)"
    expect(flag(args, "shard_index") == index_ref,
           "--shard_index is not the completion index")
    output = flag(args, "output") or ""
    expect(index_ref in output, "--output is not one file per index")
    expect(args[:1] == ["batch"], "the container does not run batch")
    expect(container.get("command") == ["/opt/reportfacts/bin/reportfacts"],
           "the command is not the image's client")
    server = flag(args, "server") or ""
    match = re.fullmatch(r"dns:///([a-z0-9-]+):50051", server)
    expect(match is not None and match.group(1) in service_names,
           f"--server {server} names no Service of the base")
    security = container.get("securityContext", {})
    expect(security.get("readOnlyRootFilesystem") is True,
           "root filesystem not read-only")
    expect(security.get("allowPrivilegeEscalation") is False,
           "privilege escalation allowed")
    expect(security.get("capabilities", {}).get("drop") == ["ALL"],
           "capabilities not all dropped")
    expect(pod.get("securityContext", {}).get("runAsNonRoot") is True,
           "the pod may run as root")
    mounts = {m["name"]: m for m in container.get("volumeMounts", [])}
    archive_dir = args[1] if len(args) > 1 else ""
    archive = [m for m in mounts.values() if m["mountPath"] == archive_dir]
    expect(len(archive) == 1 and archive[0].get("readOnly") is True,
           "the archive is not mounted read-only")
    expect(any(output.startswith(m["mountPath"] + "/")
               for m in mounts.values() if not m.get("readOnly")),
           "--output is not on a writable volume")
    limits = container.get("resources", {}).get("limits", {})
    expect("memory" in limits and "cpu" in limits, "no resource limits")
    return problems


def check_manifest(kubectl, batch_dir, base_dir):
    objects = rendered.render(kubectl, batch_dir)
    job = rendered.only(objects, "Job")
    services = {o["metadata"]["name"]
                for o in rendered.render(kubectl, base_dir)
                if o["kind"] == "Service"}
    problems = problems_of(job, services)
    if problems:
        fail("; ".join(problems))
    container = job["spec"]["template"]["spec"]["containers"][0]
    broken = {
        "NonIndexed": lambda j: j["spec"].update(completionMode="NonIndexed"),
        "more completions": lambda j: j["spec"].update(completions=9),
        "a fixed shard": lambda j: j["spec"]["template"]["spec"][
            "containers"][0]["args"].__setitem__(
                container["args"].index(
                    next(a for a in container["args"]
                         if a.startswith("--shard_index="))),
                "--shard_index=0"),
        "a writable archive": lambda j: [
            m.pop("readOnly", None) for m in j["spec"]["template"]["spec"][
                "containers"][0]["volumeMounts"]],
        "an unknown Service": lambda j: j["spec"]["template"]["spec"][
            "containers"][0]["args"].__setitem__(
                container["args"].index(
                    next(a for a in container["args"]
                         if a.startswith("--server="))),
                "--server=dns:///nowhere:50051"),
    }
    for what, break_it in broken.items():
        copied = copy.deepcopy(job)
        break_it(copied)
        if not problems_of(copied, services):
            fail(f"the checks accepted a Job with {what}")
    return job


def document_text(i):
    # Small synthetic reports, different from one another.
    return (f"2023年，第{i}工作组共提出提案{i % 17 + 3}件，"
            f"开展视察{i % 5 + 1}次，培训委员{i % 40 + 10}人次。\n") * 20


def write_archive(archive):
    ids = []
    for i in range(DOCUMENTS):
        relative = os.path.join(f"{2000 + i % 7}", f"report-{i:04d}.txt")
        os.makedirs(os.path.join(archive, os.path.dirname(relative)),
                    exist_ok=True)
        with open(os.path.join(archive, relative), "w", encoding="utf-8") as f:
            f.write(document_text(i))
        ids.append(relative)
    return ids


def start_server(server_bin, data_dir, work):
    out = open(os.path.join(work, "server.out"), "w")
    err = open(os.path.join(work, "server.err"), "w")
    server = subprocess.Popen(
        [server_bin, "--listen=127.0.0.1:0", "--workers=2",
         f"--data_dir={data_dir}"], stdout=out, stderr=err)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with open(os.path.join(work, "server.out")) as f:
            match = re.search(r"^listening on .*:(\d+)$", f.read(), re.M)
        if match:
            return server, int(match.group(1))
        if server.poll() is not None:
            fail(f"the server exited {server.returncode}", work)
        time.sleep(0.05)
    fail("the server printed no port", work)


def command_for(job, index, archive, results, port):
    """The container's command line for one completion index, with the
    pod's paths and the Service replaced by the local ones."""
    container = job["spec"]["template"]["spec"]["containers"][0]
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    variables = {e["name"]: str(index) for e in container["env"]}
    line = []
    for arg in container["command"] + container["args"]:
        arg = re.sub(r"\$\((\w+)\)", lambda m: variables[m.group(1)], arg)
        arg = arg.replace(mounts["archive"], archive)
        arg = arg.replace(mounts["results"], results)
        arg = re.sub(r"^--server=.*", f"--server=127.0.0.1:{port}", arg)
        line.append(arg)
    return line


def lines_in(path):
    if not os.path.exists(path):
        return 0
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def run_killed_midway(line, client_bin, server, output, work):
    """Runs one shard, SIGKILLs it once part of its output is written."""
    line = [client_bin] + line[1:]
    client = subprocess.Popen(line, stdout=subprocess.DEVNULL,
                              stderr=open(os.path.join(work, "killed.err"),
                                          "w"))
    killed = False
    try:
        while client.poll() is None:
            # Pulses slow the server down, so the kill lands mid-shard.
            os.kill(server.pid, signal.SIGSTOP)
            time.sleep(0.04)
            if lines_in(output) > 0:
                client.kill()
                killed = True
                break
            os.kill(server.pid, signal.SIGCONT)
            time.sleep(0.005)
    finally:
        os.kill(server.pid, signal.SIGCONT)
    client.wait()
    return killed, lines_in(output)


def main():
    if len(sys.argv) != 7:
        fail("usage: batch_job_test.py KUBECTL BATCH_DIR BASE_DIR SERVER_BIN "
             "CLIENT_BIN DATA_DIR")
    kubectl = rendered.kubectl_or_skip(sys.argv[1])
    batch_dir, base_dir, server_bin, client_bin, data_dir = sys.argv[2:]
    job = check_manifest(kubectl, batch_dir, base_dir)
    shards = int(job["spec"]["completions"])

    work = tempfile.mkdtemp(prefix="reportfacts-batch-")
    archive = os.path.join(work, "archive")
    results = os.path.join(work, "results")
    os.makedirs(results)
    ids = write_archive(archive)
    server, port = start_server(server_bin, data_dir, work)
    start = time.monotonic()
    try:
        killed, partial = run_killed_midway(
            command_for(job, KILLED_INDEX, archive, results, port),
            client_bin, server,
            os.path.join(results, f"shard-{KILLED_INDEX}.jsonl"), work)
        if not killed:
            fail(f"shard {KILLED_INDEX} finished before the kill", work)
        for index in range(shards):
            line = command_for(job, index, archive, results, port)
            done = subprocess.run([client_bin] + line[1:],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                fail(f"shard {index}: exit {done.returncode}: "
                     f"{done.stderr[-800:]}", work)
        seconds = time.monotonic() - start

        merged = os.path.join(work, "all.jsonl")
        counts = collections.Counter()
        per_shard = []
        with open(merged, "w", encoding="utf-8") as out:
            for index in range(shards):
                path = os.path.join(results, f"shard-{index}.jsonl")
                with open(path, encoding="utf-8") as f:
                    lines = [l for l in f if l.strip()]
                per_shard.append(len(lines))
                for line in lines:
                    counts[json.loads(line)["document_id"]] += 1
                    out.write(line)
        duplicates = sorted(d for d, n in counts.items() if n > 1)
        missing = sorted(set(ids) - set(counts))
        extra = sorted(set(counts) - set(ids))
        print(f"figures: {DOCUMENTS} documents, {shards} shards "
              f"{per_shard}, shard {KILLED_INDEX} killed after {partial} "
              f"results and re-run, {seconds:.1f} s, duplicates "
              f"{len(duplicates)}, missing {len(missing)}")
        if duplicates or missing or extra:
            fail(f"duplicates {duplicates[:5]}, missing {missing[:5]}, "
                 f"unknown {extra[:5]}", work)
        if min(per_shard) == 0:
            fail(f"an empty shard: {per_shard}", work)
        compared = subprocess.run([client_bin, "compare", merged],
                                  capture_output=True, text=True)
        if compared.returncode != 0 or not compared.stdout.strip():
            fail(f"compare of the merged shards: exit "
                 f"{compared.returncode}: {compared.stderr[-500:]}", work)
    finally:
        server.kill()
        server.wait()
    shutil.rmtree(work, ignore_errors=True)
    print("PASS: batch Job")


if __name__ == "__main__":
    main()
