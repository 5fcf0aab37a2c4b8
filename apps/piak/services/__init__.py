"""PIAK's services (P.6.1, P.6.2, P.6.3, SKM); ``buka_pengaduan`` is what other processes call."""

from .pengaduan import buka_pengaduan, pengaduan_buka_ulang  # noqa: F401
