#!/usr/bin/python3
"""Three replicas behind one client, one of them killed mid-batch.

Usage: scale_out_test.py SERVER_BIN CLIENT_BIN DATA_DIR

Starts three reportfacts-server replicas on loopback (port 0, debug logs),
sends a batch of documents through one `reportfacts extract` given the
three addresses as a list (round_robin and retries come from the client's
service config), and halfway through freezes one replica (SIGSTOP), so
that the next call round robin sends it hangs in flight, then SIGKILLs
it. Checks that every document got exactly one result (the hung call must
be retried elsewhere), that all three replicas served a share, and that
the two survivors served the rest. The documents are FIFOs the test
writes one by one, so the kill lands at a known point of the batch however
fast the machine is.

Also checks the dns:///name:port form and that a list with a host name is
refused as a usage error.
Exits 0 on success, 1 on failure.
"""

import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

DOCUMENTS = 300
KILL_AFTER = DOCUMENTS // 2
REPLICAS = 3


def fail(message, work=None):
    print(f"FAIL: {message}", file=sys.stderr)
    if work:
        for name in sorted(os.listdir(work)):
            if name.endswith(".err"):
                with open(os.path.join(work, name), errors="replace") as f:
                    tail = f.read()[-1500:]
                print(f"--- {name}\n{tail}", file=sys.stderr)
    sys.exit(1)


def start_replica(server_bin, data_dir, work, index):
    out = open(os.path.join(work, f"replica{index}.out"), "w")
    err = open(os.path.join(work, f"replica{index}.err"), "w")
    process = subprocess.Popen(
        [server_bin, "--listen=127.0.0.1:0", "--workers=1",
         "--log_level=debug", f"--data_dir={data_dir}"],
        stdout=out, stderr=err)
    return process


def wait_port(process, work, index, timeout=60):
    path = os.path.join(work, f"replica{index}.out")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(path) as f:
            match = re.search(r"^listening on .*:(\d+)$", f.read(), re.M)
        if match:
            return int(match.group(1))
        if process.poll() is not None:
            fail(f"replica {index} exited {process.returncode}", work)
        time.sleep(0.05)
    fail(f"replica {index} printed no port", work)


def served(work, index):
    """Extract calls replica `index` logged (one debug line per call)."""
    with open(os.path.join(work, f"replica{index}.err"),
              errors="replace") as f:
        return sum(1 for line in f if ' Extract id="' in line)


def document_text(i):
    # Small synthetic reports, different from one another.
    return (f"2023年，第{i}工作组共提出提案{i % 17 + 3}件，"
            f"开展视察{i % 5 + 1}次，培训委员{i % 40 + 10}人次。\n")


def feed(paths, kill_replica, errors):
    """Writes each FIFO in turn; kills the replica after KILL_AFTER."""
    try:
        for i, path in enumerate(paths):
            with open(path, "w", encoding="utf-8") as fifo:
                fifo.write(document_text(i))
            if i + 1 == KILL_AFTER:
                kill_replica()
    except OSError as error:  # the client died: it reports the rest
        errors.append(error)


def main():
    if len(sys.argv) != 4:
        fail("usage: scale_out_test.py SERVER_BIN CLIENT_BIN DATA_DIR")
    server_bin, client_bin, data_dir = sys.argv[1:]
    work = tempfile.mkdtemp(prefix="reportfacts-scale-")
    replicas = [start_replica(server_bin, data_dir, work, i)
                for i in range(REPLICAS)]
    try:
        ports = [wait_port(p, work, i) for i, p in enumerate(replicas)]
        for port in ports:
            health = subprocess.run(
                [client_bin, "health", "--server", f"dns:///localhost:{port}",
                 "--timeout_ms", "20000"], capture_output=True, text=True)
            if health.returncode != 0:
                fail(f"health via dns:///localhost:{port}: {health.stderr}",
                     work)
        bad_list = subprocess.run(
            [client_bin, "health", "--server",
             f"localhost:{ports[0]},127.0.0.1:{ports[1]}"],
            capture_output=True, text=True)
        if bad_list.returncode != 2 or "dns:///" not in bad_list.stderr:
            fail(f"a list with a host name gave exit {bad_list.returncode}: "
                 f"{bad_list.stderr}")

        paths = []
        for i in range(DOCUMENTS):
            path = os.path.join(work, f"doc{i:04d}.txt")
            os.mkfifo(path)
            paths.append(path)
        victim = 1
        killed_at = {}

        def kill_replica():
            killed_at["served"] = served(work, victim)
            replicas[victim].send_signal(signal.SIGKILL)
            replicas[victim].wait()

        def freeze_then_kill_replica():
            replicas[victim].send_signal(signal.SIGSTOP)
            # Within a second the client has sent the frozen replica a call
            # (round robin: one in three) and waits on it.
            threading.Timer(1.0, kill_replica).start()

        addresses = ",".join(f"127.0.0.1:{port}" for port in ports)
        client = subprocess.Popen(
            [client_bin, "extract", "--format", "jsonl", "--server", addresses,
             "--timeout_ms", "30000"] + paths,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        feed_errors = []
        # A daemon: if the client dies, the feeder stays blocked on a FIFO
        # no one opens, and must not keep the test alive.
        feeder = threading.Thread(target=feed,
                                  args=(paths, freeze_then_kill_replica,
                                        feed_errors), daemon=True)
        feeder.start()
        try:
            stdout, stderr = client.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            client.kill()
            fail("the client did not finish the batch in 180 s", work)
        feeder.join(timeout=10)
        if client.returncode != 0:
            fail(f"client exited {client.returncode}: {stderr[-2000:]}", work)
        if feed_errors:
            fail(f"feeding the documents failed: {feed_errors[0]}", work)

        ids = collections.Counter()
        for line in stdout.splitlines():
            response = json.loads(line)
            if response.get("error_code") not in (None, "", 0, "OK"):
                fail(f"{response['document_id']}: {response['error_code']} "
                     f"{response.get('error_message')}")
            ids[response["document_id"]] += 1
        missing = [p for p in paths if ids[p] == 0]
        repeated = [p for p, n in ids.items() if n > 1]
        unknown = [p for p in ids if p not in set(paths)]
        if missing or repeated or unknown:
            fail(f"results: {len(missing)} missing, {len(repeated)} repeated, "
                 f"{len(unknown)} unknown (e.g. "
                 f"{(missing + repeated + unknown)[:3]})")

        shares = [served(work, i) for i in range(REPLICAS)]
        print(f"served per replica: {shares} (replica {victim} killed after "
              f"{KILL_AFTER} documents, having served "
              f"{killed_at.get('served')})")
        # Round robin over three: about a third each before the kill.
        floor = KILL_AFTER // REPLICAS // 2
        if min(shares) < floor:
            fail(f"a replica served under {floor} documents: {shares}", work)
        survivors = sum(s for i, s in enumerate(shares) if i != victim)
        if survivors < DOCUMENTS - shares[victim]:
            fail(f"the survivors served {survivors}, fewer than the "
                 f"{DOCUMENTS - shares[victim]} the killed replica left", work)
        after_kill = DOCUMENTS - KILL_AFTER
        for i in range(REPLICAS):
            if i != victim and shares[i] < after_kill // 4:
                fail(f"survivor {i} took little of the second half: {shares}",
                     work)
        print(f"OK: {DOCUMENTS} documents, one result each, over "
              f"{REPLICAS} replicas with one killed")
    finally:
        for process in replicas:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
