"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, for the link checker's tests.

Several instances on several ports stand for several hosts.
"""

from __future__ import annotations

import socket
import ssl
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE_WITH_IDS = b'<html><body><h2 id="complaints">Complaints</h2><a name="rights"></a></body></html>'


class _Handler(BaseHTTPRequestHandler):
    server: LinkServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None, head: bool = False) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _answer(self, head: bool) -> None:
        if self.path.startswith("http://"):  # asked as a proxy: the request line holds the whole URL
            with self.server.lock:
                self.server.counts["proxied"] += 1
            self.path = "/" + self.path.split("/", 3)[3] if self.path.count("/") >= 3 else "/"
        path = self.path.split("?", 1)[0]
        counts = self.server.counts
        with self.server.lock:
            counts[(self.command, self.path)] += 1
            count = counts[(self.command, self.path)]
            counts[self.path] += 1
        time.sleep(self.server.delay)
        if path in ("/ok", "/", "/page"):
            self._send(200, b"<html><body>fine</body></html>", head=head)
        elif path == "/ids":
            self._send(200, PAGE_WITH_IDS, head=head)
        elif path == "/moved":
            self._send(301, headers={"Location": "/ok"}, head=head)
        elif path == "/to-private":
            self._send(302, headers={"Location": "http://10.255.255.1/admin"}, head=head)
        elif path == "/with-cookie":
            self._send(200, b"ok", headers={"Set-Cookie": "session=secret; Path=/"}, head=head)
        elif path == "/echo-headers":
            seen = f"cookie={self.headers.get('Cookie')};auth={self.headers.get('Authorization')}".encode()
            with self.server.lock:
                self.server.last_headers = seen
            self._send(200, seen, head=head)
        elif path == "/moved-to-missing":
            self._send(302, headers={"Location": "/missing"}, head=head)
        elif path in ("/missing", "/gone"):
            self._send(404 if path == "/missing" else 410, b"not here", head=head)
        elif path == "/error":
            self._send(500, b"oops", head=head)
        elif path == "/rate-limited":
            if count == 1:
                self._send(429, headers={"Retry-After": "1"}, head=head)
            else:
                self._send(200, b"ok", head=head)
        elif path == "/rate-limited-long":
            self._send(429, headers={"Retry-After": "3600"}, head=head)
        elif path == "/flaky":
            self._send(503 if count == 1 else 200, b"", head=head)
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"late", head=head)
        elif path == "/reset":
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.request.close()
            self.close_connection = True
        elif path == "/loop-a":
            self._send(302, headers={"Location": "/loop-b"}, head=head)
        elif path == "/loop-b":
            self._send(302, headers={"Location": "/loop-a"}, head=head)
        elif path == "/to-file":
            self._send(302, headers={"Location": "file:///etc/passwd"}, head=head)
        elif path == "/no-head":
            if head:
                self._send(405, head=True)
            else:
                self._send(200, b"ok")
        elif path == "/challenge":
            self._send(403, b"checking your browser", headers={"cf-mitigated": "challenge", "Server": "cloudflare"}, head=head)
        elif path == "/forbidden":
            self._send(403, b"no", head=head)
        elif path == "/endless":
            # A body that never ends: the checker must stop reading at its cap.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            if not head:
                try:
                    chunk = b'<p id="x">' + b"a" * 65536
                    while True:
                        self.wfile.write(chunk)
                except OSError:
                    pass
            self.close_connection = True
        elif path == "/trickle":
            # Slowloris-style: a byte now and then, each within the read timeout.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            if not head:
                try:
                    for _ in range(100):
                        self.wfile.write(b"a")
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:
                    pass
            self.close_connection = True
        elif path == "/bad-headers":
            self.wfile.write(b"HTTP/1.1 two hundred OK\r\nBad Header Line\r\n\r\n")
            self.close_connection = True
        else:
            self._send(404, b"unknown", head=head)


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.scheme = "http" if tls is None else "https"
        self.last_headers = b""
        self.delay = delay
        self.counts: Counter = Counter()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_address[1]}{path}"

    def __enter__(self) -> LinkServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.shutdown()
        self.server_close()

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that hang up mid-answer (checkers giving up, timeouts) are expected here.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class TunnelProxy:
    """A real HTTP CONNECT proxy on a loopback port that sends every tunnel to one local port.

    With HTTPS_PROXY pointing at it, `https://127.0.0.1/…` (port 443) reaches a TLS
    LinkServer on an ordinary port, so no test needs to bind a privileged port.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.tunnels: list[str] = []  # host:port asked for in each CONNECT
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def __enter__(self) -> TunnelProxy:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        with client:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = client.recv(4096)
                if not chunk:
                    return
                request += chunk
            line = request.split(b"\r\n", 1)[0].decode("latin-1").split()
            if len(line) < 2 or line[0] != "CONNECT":
                client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            self.tunnels.append(line[1])
            with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                pump = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
                pump.start()
                _pipe(client, upstream)
                pump.join(timeout=5)


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            sink.sendall(chunk)
    except OSError:
        pass
    finally:
        try:
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass
