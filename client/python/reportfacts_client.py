#!/usr/bin/python3
"""Example Python client of reportfacts: extracts one file, prints JSON.

This is how another service calls reportfacts.v1.FactExtractor from Python
with Debian's python3-grpcio and python3-protobuf. Generate the stubs once,
then point PYTHONPATH (or --stubs) at them:

    bash client/python/generate_stubs.sh build/python
    PYTHONPATH=build/python /usr/bin/python3 \\
        client/python/reportfacts_client.py --server 127.0.0.1:50051 report.txt

The output is the ExtractResponse in proto3 JSON with the proto field names,
the same shape `reportfacts extract --format json` prints. Offsets count
Unicode code points, so text[metric["begin"]:metric["end"]] in Python (on
the decoded str) is the metric's digits.

Exit codes: 0 success, 1 the server answered with an error, 2 usage error or
unreadable input, 3 server unreachable.
"""

import argparse
import os
import sys

EXIT_OK = 0
EXIT_SERVER_ERROR = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3

# Sent as "authorization: Bearer <token>" when set, as the C++ client does.
AUTH_TOKEN_ENV = "REPORTFACTS_AUTH_TOKEN"
# The server's default receive limit is 16 MiB; responses of big reports are
# large too.
MAX_MESSAGE_BYTES = 64 << 20


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Extract the facts of one document with a reportfacts "
        "server and print them as JSON.")
    parser.add_argument("file", help="UTF-8 text file, or - for stdin")
    parser.add_argument("--server", default="127.0.0.1:50051",
                        help="host:port of the server (default %(default)s)")
    parser.add_argument("--id", default=None,
                        help="document id (default: the file name)")
    parser.add_argument("--reference_date", default="",
                        help="YYYY-MM-DD that relative dates refer to")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="deadline of the call, seconds (default "
                        "%(default)s)")
    parser.add_argument("--stubs", default=None,
                        help="folder of the generated stubs (default: "
                        "PYTHONPATH)")
    return parser.parse_args(argv)


def import_stubs(stubs_dir):
    """Imports the generated modules; None, having said how to make them, if
    they are absent."""
    if stubs_dir:
        sys.path.insert(0, stubs_dir)
    try:
        # pylint: disable=import-outside-toplevel
        from reportfacts.v1 import fact_extractor_pb2
        from reportfacts.v1 import fact_extractor_pb2_grpc
        from reportfacts.v1 import facts_pb2
    except ImportError as error:
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "generate_stubs.sh")
        print(f"reportfacts_client: cannot import the reportfacts stubs "
              f"({error}); generate them with `bash {script} OUT_DIR` and "
              f"pass --stubs OUT_DIR or set PYTHONPATH=OUT_DIR",
              file=sys.stderr)
        return None
    return fact_extractor_pb2, fact_extractor_pb2_grpc, facts_pb2


def read_input(path):
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def main(argv):
    args = parse_args(argv)
    try:
        text = read_input(args.file)
    except OSError as error:
        print(f"reportfacts_client: cannot read {args.file}: "
              f"{error.strerror}", file=sys.stderr)
        return EXIT_USAGE

    # grpc and protobuf come from Debian's python3-grpcio and python3-protobuf;
    # imported here so that --help works without them.
    import grpc  # pylint: disable=import-outside-toplevel
    from google.protobuf import json_format  # pylint: disable=import-outside-toplevel
    stubs = import_stubs(args.stubs)
    if stubs is None:
        return EXIT_USAGE
    extractor_pb2, extractor_grpc, facts_pb2 = stubs

    document = facts_pb2.Document(
        id=args.id if args.id is not None else
        ("stdin" if args.file == "-" else os.path.basename(args.file)),
        text=text,  # bytes: the server checks the UTF-8 itself
        reference_date=args.reference_date)
    metadata = []
    token = os.environ.get(AUTH_TOKEN_ENV, "").strip()
    if token:
        metadata.append(("authorization", f"Bearer {token}"))

    options = [("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
               ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)]
    with grpc.insecure_channel(args.server, options=options) as channel:
        stub = extractor_grpc.FactExtractorStub(channel)
        try:
            response = stub.Extract(
                extractor_pb2.ExtractRequest(document=document),
                timeout=args.timeout, metadata=metadata)
        except grpc.RpcError as error:
            code = error.code()
            print(f"reportfacts_client: {code.name}: {error.details()}",
                  file=sys.stderr)
            if code == grpc.StatusCode.UNAVAILABLE:
                print(f"reportfacts_client: is a server running on "
                      f"{args.server}? (--server HOST:PORT)", file=sys.stderr)
                return EXIT_UNREACHABLE
            return EXIT_SERVER_ERROR

    print(json_format.MessageToJson(response,
                                    including_default_value_fields=True,
                                    preserving_proto_field_name=True,
                                    ensure_ascii=False,
                                    indent=2))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
