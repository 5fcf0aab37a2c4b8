"""The local certificate authority of development and tests (``buat_sertifikat_lokal``).

Keys are ECDSA P-256: signatures verify in poppler (pdfsig) and pyHanko, and unlocking and
signing take a few milliseconds. Files in ``settings.TTE_KEY_DIR`` (outside the repo and the
database, mode 0600):

- ``ca.pem`` — the CA certificate (the trust root of the verification page and of
  ``pyhanko sign validate --trust``); ``ca-key.pem`` — its key (unencrypted: development only);
- ``<NIP>.p12`` — per official: key + certificate + CA, encrypted with the official's passphrase.

Production does not use this: BSrE holds the officials' keys.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ORGANISASI = "Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan"
NAMA_CA = "CA Lokal TTE Dispendukcapil Kota Pasuruan (bukan untuk produksi)"
# id-kp-documentSigning (RFC 9336)
EKU_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")


def _tulis(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _nama(*atribut) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISASI), *atribut])


def berkas_ca(direktori: Path) -> Path:
    return Path(direktori) / "ca.pem"


def muat_atau_buat_ca(direktori: Path, *, ulang: bool = False):
    """(certificate, key) of the local CA, created on first use."""
    direktori = Path(direktori)
    cert_path, key_path = berkas_ca(direktori), direktori / "ca-key.pem"
    if cert_path.exists() and key_path.exists() and not ulang:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        return cert, key, False
    key = ec.generate_private_key(ec.SECP256R1())
    nama = _nama(x509.NameAttribute(NameOID.COMMON_NAME, NAMA_CA))
    sekarang = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(nama)
        .issuer_name(nama)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(days=1))
        .not_valid_after(sekarang + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _tulis(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    _tulis(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return cert, key, True


def buat_p12_pejabat(direktori: Path, *, nama: str, nip: str, passphrase: str, ca_cert, ca_key) -> Path:
    """Issue a signing certificate for one official and store it as ``<NIP>.p12``."""
    key = ec.generate_private_key(ec.SECP256R1())
    sekarang = dt.datetime.now(dt.UTC)
    subjek = _nama(x509.NameAttribute(NameOID.COMMON_NAME, nama), x509.NameAttribute(NameOID.SERIAL_NUMBER, f"NIP{nip}"))
    cert = (
        x509.CertificateBuilder()
        .subject_name(subjek)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(days=1))
        .not_valid_after(sekarang + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([EKU_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        nama.encode(), key, cert, [ca_cert], serialization.BestAvailableEncryption(passphrase.encode())
    )
    path = Path(direktori) / f"{nip}.p12"
    _tulis(path, data)
    return path
