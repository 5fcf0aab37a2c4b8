"""A local S3-compatible server for the tests (moto in server mode, on 127.0.0.1 and a free port).

The portal talks to it over HTTP exactly as to MinIO or S3: through django-storages and boto3,
with the settings S3_* of dukcapil/settings.py. Separate processes (gunicorn, Celery workers)
reach it through the same address.
"""

from __future__ import annotations

import contextlib
import socket

BUCKET = "dukcapil-uji"
KUNCI = "uji-akses"
RAHASIA = "uji-rahasia-0123456789"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server_s3():
    """Start moto's threaded server, create the bucket, yield its endpoint URL."""
    from moto.server import ThreadedMotoServer

    port = _port_bebas()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    try:
        klien(url).create_bucket(Bucket=BUCKET)
        yield url
    finally:
        server.stop()


def klien(url: str):
    import boto3

    return boto3.client(
        "s3", endpoint_url=url, aws_access_key_id=KUNCI, aws_secret_access_key=RAHASIA, region_name="us-east-1"
    )


def env_s3(url: str) -> dict[str, str]:
    """The environment that points a portal process (web or worker) at the test server."""
    return {"S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": url, "S3_ACCESS_KEY": KUNCI, "S3_SECRET_KEY": RAHASIA, "S3_REGION": "us-east-1"}


def storages_s3(url: str, *, url_detik: int = 300) -> dict:
    """settings.STORAGES with the uploaded and issued files on the test server."""
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "dukcapil.penyimpanan.PenyimpananS3",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": url,
                "access_key": KUNCI,
                "secret_key": RAHASIA,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "signature_version": "s3v4",
                "default_acl": None,
                "file_overwrite": False,
                "querystring_expire": url_detik,
            },
        },
    }
