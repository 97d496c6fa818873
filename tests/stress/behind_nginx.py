#!/usr/bin/env python3
"""The deployment of docs/deployment.md, tested: nginx (Debian package) terminates TLS with a
self-signed certificate made here, on 127.0.0.1, and forwards to `ziping serve` on loopback.
Checks that the API answers through it over HTTPS, that a body over the limit is refused by
nginx before it reaches the server, a chunked body within it reaches the server whole, and that
the server still names no path. Nothing listens beyond 127.0.0.1.

usage: behind_nginx.py --ziping BUILD/ziping [--nginx /usr/sbin/nginx]"""
import argparse
import http.client
import json
import os
import socket
import ssl
import subprocess
import tempfile
import time

from serverproc import HOST, Checks, Server

CONFIG = """
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen {host}:{port} ssl;
    ssl_certificate {tmp}/cert.pem;
    ssl_certificate_key {tmp}/key.pem;
    client_max_body_size 16m;
    client_header_timeout 10s;
    client_body_timeout 60s;
    send_timeout 30s;
    large_client_header_buffers 4 16k;
    location / {{
      proxy_pass http://{host}:{upstream};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Connection "";
      proxy_request_buffering on;
      proxy_read_timeout 120s;
    }}
  }}
}}
"""


def free_port():
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("--nginx", default="/usr/sbin/nginx")
    args = parser.parse_args()
    checks = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        # nginx's workers (not root) buffer request bodies in the temporary paths under it.
        os.chmod(tmp, 0o755)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=localhost", "-keyout", f"{tmp}/key.pem", "-out",
                        f"{tmp}/cert.pem"], check=True, capture_output=True)
        with Server(args.ziping, os.path.join(tmp, "nginx.db")) as server:
            port = free_port()
            with open(f"{tmp}/nginx.conf", "w") as f:
                f.write(CONFIG.format(tmp=tmp, host=HOST, port=port, upstream=server.port))
            nginx = subprocess.Popen([args.nginx, "-c", f"{tmp}/nginx.conf", "-p", tmp],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                context = ssl.create_default_context(cafile=f"{tmp}/cert.pem")
                context.check_hostname = False

                def https(method, path, body=None, headers=None):
                    c = http.client.HTTPSConnection(HOST, port, context=context, timeout=30)
                    chunked = "Transfer-Encoding" in (headers or {})
                    try:
                        c.request(method, path, body=body, headers=headers or {},
                                  encode_chunked=chunked)
                        r = c.getresponse()
                        return r.status, r.read()
                    finally:
                        c.close()

                status = None
                for _ in range(50):
                    try:
                        status, body = https("GET", "/api/health")
                        break
                    except OSError:
                        time.sleep(0.1)
                checks.check(status == 200 and b'"status":"ok"' in body,
                             f"/api/health over HTTPS through nginx ({status})")
                checks.check(b"/tmp" not in body, "no path in the answer through nginx")
                big = b" " * (17 << 20)
                status, body = https("POST", "/api/check", big, {"Content-Type": "application/json"})
                checks.check(status == 413, f"a 17 MiB body is refused by nginx ({status})")

                def chunks():
                    form = open(os.path.join(os.path.dirname(__file__), "..", "..", "examples",
                                             "tianjin-2022-dept.json"), "rb").read()
                    for i in range(0, len(form), 4096):
                        yield form[i:i + 4096]
                status, body = https("POST", "/api/check", chunks(),
                                     {"Content-Type": "application/json",
                                      "Transfer-Encoding": "chunked"})
                checks.check(status == 200 and b'"total"' in body,
                             f"a chunked form checked through nginx ({status})")
            finally:
                nginx.terminate()
                nginx.wait(timeout=10)
    checks.exit()


if __name__ == "__main__":
    main()
