"""Where uploaded scans and issued PDFs live, and how a download leaves the portal.

With S3_BUCKET set (settings.py) the files are in S3-compatible object storage (MinIO in
docker-compose), shared by every web and worker host. A download view first checks access and
writes the access log, then calls ``respons_berkas``: on object storage it answers with a
redirect to a presigned URL that expires after S3_URL_DETIK seconds (minutes, not days); on the
local disk it streams the file as before.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import tempfile
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PenyimpananS3(S3Storage):
    """S3Storage that signs its URLs for the address browsers use (``url_publik``) when the hosts
    reach the store under another name (compose: ``http://minio:9000``). A SigV4 signature covers
    the host, so the public URL must be signed for the public host, not rewritten afterwards."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "url_publik": None}

    @cached_property
    def _klien_publik(self):
        import boto3
        from botocore.config import Config

        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.url_publik,
            region_name=self.region_name,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            config=Config(signature_version=self.signature_version, s3={"addressing_style": self.addressing_style}),
        )

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.url_publik:
            return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
        params = {**(parameters or {}), "Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name))}
        return self._klien_publik.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=expire or self.querystring_expire, HttpMethod=http_method
        )


def respons_berkas(berkas, *, content_type: str, filename: str, as_attachment: bool = False) -> HttpResponse:
    """The answer to a download the caller has already allowed and logged."""
    if isinstance(berkas.storage, S3Storage):
        url = berkas.storage.url(
            berkas.name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": content_disposition_header(as_attachment, filename),
                "ResponseCacheControl": "private, no-store",
            },
            expire=settings.S3_URL_DETIK,
        )
        respons = HttpResponseRedirect(url)
        # The signed address is for this person and these minutes only.
        respons["Cache-Control"] = "private, no-store"
        respons["Referrer-Policy"] = "no-referrer"
        return respons
    return FileResponse(berkas.open("rb"), content_type=content_type, as_attachment=as_attachment, filename=filename)


def di_disk(storage: Storage) -> bool:
    """True when the storage is a local folder (``path`` works), false on object storage."""
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def berkas_di_bawah(akar: str, storage: Storage | None = None) -> list[tuple[str, datetime]] | None:
    """Every file under the folder ``akar`` (recursively) with its modification time, through the
    storage API so the same code serves the local disk and the bucket. None when the folder is
    not there (on object storage: no object under the prefix)."""
    storage = storage or default_storage
    if isinstance(storage, S3Storage):
        # One listing gives the keys and their times; get_modified_time would be a HEAD per file.
        awalan = storage._normalize_name(clean_name(akar)).rstrip("/") + "/"
        lokasi = storage._normalize_name("").rstrip("/")
        hasil = [
            (posixpath.relpath(o.key, lokasi) if lokasi else o.key, o.last_modified)
            for o in storage.bucket.objects.filter(Prefix=awalan)
            if not o.key.endswith("/")
        ]
        return hasil or None
    if not storage.exists(akar):
        return None
    hasil: list[tuple[str, datetime]] = []

    def jalan(folder: str) -> None:
        folders, files = storage.listdir(folder)
        for f in files:
            nama = f"{folder}/{f}"
            hasil.append((nama, storage.get_modified_time(nama)))
        for d in folders:
            jalan(f"{folder}/{d}")

    jalan(akar.rstrip("/"))
    return hasil


@contextlib.contextmanager
def jalur_lokal(berkas) -> Iterator[str]:
    """A path on this host for a program that wants a file (the counter's print command): the
    file itself on the local disk, a temporary copy, removed afterwards, on object storage."""
    if di_disk(berkas.storage):
        yield berkas.path
        return
    akhiran = os.path.splitext(berkas.name)[1]
    with tempfile.NamedTemporaryFile(suffix=akhiran) as tmp:
        with berkas.storage.open(berkas.name, "rb") as sumber:
            for potong in iter(lambda: sumber.read(1 << 16), b""):
                tmp.write(potong)
        tmp.flush()
        yield tmp.name
