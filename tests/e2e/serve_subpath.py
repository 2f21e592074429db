"""A plain static file server (Python's, not trunk) with a copy of dist/ at /tools/trailscope/,
as a host would put it. Usage: serve_subpath.py PORT [MIME type for .wasm]"""

import functools
import http.server
import shutil
import sys
from pathlib import Path

port = int(sys.argv[1])
wasm_type = sys.argv[2] if len(sys.argv) > 2 else "application/wasm"
repo = Path(__file__).resolve().parents[2]
root = repo / "target" / "e2e-static" / str(port)
shutil.rmtree(root, ignore_errors=True)
shutil.copytree(repo / "dist", root / "tools" / "trailscope")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": wasm_type}

    def log_message(self, format, *args):
        pass  # quiet: the tests check what was requested


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root))
server.serve_forever()
