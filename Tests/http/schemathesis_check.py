#!/usr/bin/env python3
"""schemathesis against the served /openapi.yaml: no 5xx, every status, content type, header and body as the
document says. Runs with a valid ID token, so the authenticated paths are reached too; the event stream (it never
ends) is left to e2e_citizen.py.

Usage: Tests/http/schemathesis_check.py PATH/TO/lots [--max-examples N]   (about a minute with the default 100)"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from citizen_support import IdentityProvider, Server, demo_store, intake  # noqa: E402


def main():
    lots = os.path.abspath(sys.argv[1])
    examples = sys.argv[sys.argv.index("--max-examples") + 1] if "--max-examples" in sys.argv else "100"
    folder = tempfile.mkdtemp(prefix="lots-schemathesis-")
    db = demo_store(lots, folder)
    idp = IdentityProvider(folder)
    server = Server(lots, db, idp=idp)
    try:
        token = idp.token()
        # A few real cases, so generated case ids also hit cases of this citizen.
        for _ in range(3):
            status, body, _ = server.call("POST", "/v1/intakes", intake(), headers={"Authorization": "Bearer " + token})
            assert status == 201, body
        run = subprocess.run([
            "schemathesis", "run", f"{server.base}/openapi.yaml", "--url", server.base,
            "-H", f"Authorization: Bearer {token}",
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance",
            "--exclude-operation-id", "caseEvents",
            "--max-examples", examples, "--seed", "1", "--request-timeout", "10",
            "--generation-deterministic",
        ], timeout=600, env={**os.environ, "NO_COLOR": "1"})
        code = run.returncode
    finally:
        server.stop()
    if code != 0:
        print("schemathesis found responses that do not match the document (see above)", file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()
