"""A minimal Language Server Protocol client over stdio, for testing lzplan's schemas
in yaml-language-server as an editor would use them."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any


class Client:
    def __init__(self, command: list[str], root: Path) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": None,
            "rootUri": root.as_uri(),
            "capabilities": {
                "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                 "publishDiagnostics": {}},
                "workspace": {"configuration": True},
            },
        })  # fmt: skip
        self.notify("initialized", {})
        settings = {"yaml": {"validate": True, "hover": True, "completion": True,
                             "schemaStore": {"enable": False}}}  # fmt: skip
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"id": wanted, "method": method, "params": params})
        while True:
            message = self.wait(timeout)
            if message.get("id") == wanted and "method" not in message:
                return message.get("result")

    def wait(self, timeout: float = 60) -> dict[str, Any]:
        """The next message from the server, answering its own requests on the way."""
        while True:
            message = self.messages.get(timeout=timeout)
            if "id" in message and "method" in message:  # the server asks us something
                result: Any = None
                if message["method"] == "workspace/configuration":
                    result = [{"validate": True, "hover": True} for _ in message["params"]["items"]]
                self._send({"id": message["id"], "result": result})
                continue
            return message

    def diagnostics(self, uri: str, timeout: float = 60) -> list[dict[str, Any]]:
        """The first non-empty diagnostics the server publishes for ``uri``."""
        while True:
            message = self.wait(timeout)
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params["diagnostics"]:
                    return list(params["diagnostics"])

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
        finally:
            self.process.kill()
            self.process.wait(timeout=10)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
