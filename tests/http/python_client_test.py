#!/usr/bin/python3
"""End-to-end test of client/python/reportfacts_client.py.

Starts the real reportfacts-server (gRPC and HTTP on free ports), runs the
Python client against it and checks what it prints, then checks that the
server's /metrics saw the calls. Paths come from the environment (set by
tests/http/CMakeLists.txt):

  REPORTFACTS_SERVER_BIN  reportfacts-server
  REPORTFACTS_DATA_OUT    its data folder
  REPORTFACTS_SAMPLE      a sample report
  REPORTFACTS_PY_CLIENT   client/python/reportfacts_client.py
  REPORTFACTS_PY_STUBS    folder of the generated stubs
"""

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

PYTHON = "/usr/bin/python3"  # Debian's, which has python3-grpcio
TIMEOUT = 120  # seconds; generous for a loaded machine


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"python_client_test: set {name}")
    return value


def parse_metrics(text):
    """Returns {(name, frozenset(labels)): value} of a Prometheus page."""
    samples = {}
    line_re = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$')
    label_re = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = line_re.match(line)
        if match is None:
            raise AssertionError(f"not a sample line: {line!r}")
        labels = frozenset(label_re.findall(match.group(3) or ""))
        samples[(match.group(1), labels)] = float(match.group(4))
    return samples


class PythonClientTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.sample = env("REPORTFACTS_SAMPLE")
        cls.client = env("REPORTFACTS_PY_CLIENT")
        cls.stubs = env("REPORTFACTS_PY_STUBS")
        cls.server = subprocess.Popen(
            [env("REPORTFACTS_SERVER_BIN"), "--listen=127.0.0.1:0",
             "--http_listen=127.0.0.1:0", "--workers=2",
             "--data_dir=" + env("REPORTFACTS_DATA_OUT"), "--log_level=warn"],
            stdout=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(l) for l in cls.server.stdout],
                         daemon=True).start()
        cls.grpc_address = cls.http_address = None
        deadline = time.monotonic() + TIMEOUT
        while cls.grpc_address is None or cls.http_address is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                cls.server.kill()
                raise AssertionError("the server printed no listening lines")
            if line.startswith("listening on "):
                cls.grpc_address = line.split()[-1]
            elif line.startswith("http listening on "):
                cls.http_address = line.split()[-1]

    @classmethod
    def tearDownClass(cls):
        cls.server.send_signal(signal.SIGTERM)
        try:
            code = cls.server.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            cls.server.kill()
            raise
        if code != 0:
            raise AssertionError(f"the server exited with {code} on SIGTERM")

    def run_client(self, *args, server=None):
        return subprocess.run(
            [PYTHON, self.client, "--stubs", self.stubs, "--server",
             server or self.grpc_address, *args],
            capture_output=True, text=True, timeout=TIMEOUT, check=False)

    def http_get(self, path):
        with urllib.request.urlopen(f"http://{self.http_address}{path}",
                                    timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")

    def test_extract_prints_facts_whose_spans_index_the_input(self):
        result = self.run_client(self.sample)
        self.assertEqual(result.returncode, 0, result.stderr)
        facts = json.loads(result.stdout)
        with open(self.sample, encoding="utf-8") as handle:
            text = handle.read()  # offsets count code points, as str does
        self.assertEqual(facts["document_id"], os.path.basename(self.sample))
        self.assertGreater(len(facts["metrics"]), 0)
        for metric in facts["metrics"]:
            begin, end = int(metric["begin"]), int(metric["end"])
            self.assertLess(begin, end)
            self.assertEqual(text[begin:end], metric["text"], metric)
            self.assertIn(metric["text"], metric["sentence"])
            span = metric.get("sentence_span")
            if span:
                self.assertEqual(
                    text[int(span["begin"]):int(span["end"])],
                    metric["sentence"])
            self.assertLess(metric["report"], len(facts["reports"]))
        for date in facts["dates"]:
            self.assertEqual(text[int(date["begin"]):int(date["end"])],
                             date["text"], date)
        for report in facts["reports"]:
            self.assertLessEqual(int(report["end"]), len(text))

        # The HTTP side gives the same facts for the same text.
        request = urllib.request.Request(
            f"http://{self.http_address}/v1/extract", method="POST",
            data=text.encode("utf-8"),
            headers={"Content-Type": "text/plain; charset=utf-8"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            over_http = json.loads(response.read().decode("utf-8"))

        def key(metric):
            return (metric["begin"], metric["end"], metric["indicator"])
        self.assertEqual([key(m) for m in over_http["metrics"]],
                         [key(m) for m in facts["metrics"]])

    def test_invalid_utf8_fails_with_the_byte_offset(self):
        with open(self.sample, "rb") as handle:
            good = handle.read()
        offset = 120
        while good[offset] & 0xC0 == 0x80:  # a character boundary
            offset -= 1
        with tempfile.NamedTemporaryFile(suffix=".txt") as bad:
            bad.write(good[:offset] + b"\xff" + good[offset:])
            bad.flush()
            result = self.run_client(bad.name)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("INVALID_ARGUMENT", result.stderr)
        self.assertIn(f"byte offset {offset}", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_unreachable_server_exits_3(self):
        with socket.socket() as probe:  # a port nobody listens on
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        result = self.run_client(self.sample, server=f"127.0.0.1:{port}")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("UNAVAILABLE", result.stderr)

    def test_missing_file_exits_2(self):
        result = self.run_client("/nonexistent/report.txt")
        self.assertEqual(result.returncode, 2)
        self.assertIn("cannot read", result.stderr)

    def test_http_port_in_use_fails_start(self):
        result = subprocess.run(
            [env("REPORTFACTS_SERVER_BIN"), "--listen=127.0.0.1:0",
             "--http_listen=" + self.http_address, "--workers=1",
             "--data_dir=" + env("REPORTFACTS_DATA_OUT")],
            capture_output=True, text=True, timeout=TIMEOUT, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertNotIn("listening on", result.stdout)
        self.assertIn("already in use", result.stderr)

    def test_metrics_count_the_clients_calls(self):
        ok = ("reportfacts_requests_total", frozenset({
            ("transport", "grpc"),
            ("method", "/reportfacts.v1.FactExtractor/Extract"),
            ("code", "OK")}))
        status, page = self.http_get("/metrics")
        self.assertEqual(status, 200)
        before = parse_metrics(page).get(ok, 0)
        documents = parse_metrics(page)[
            ("reportfacts_documents_processed_total", frozenset())]

        result = self.run_client(self.sample)
        self.assertEqual(result.returncode, 0, result.stderr)
        after = parse_metrics(self.http_get("/metrics")[1])
        self.assertEqual(after[ok], before + 1)
        self.assertEqual(
            after[("reportfacts_documents_processed_total", frozenset())],
            documents + 1)

        status, health = self.http_get("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(health)["status"], "SERVING")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
