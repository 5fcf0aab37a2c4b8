"""The local PAdES backend: pyHanko with the official's PKCS#12 from ``settings.TTE_KEY_DIR``.

The PKCS#12 is decrypted in memory with the passphrase the official typed, used for one
signature, and dropped. A wrong passphrase raises ``PassphraseSalah`` and nothing is signed.
"""

from __future__ import annotations

import io

from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.stamp import QRStampStyle
from pyhanko.stamp.qr import QRStamp
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import PESAN_PASSPHRASE_SALAH, GalatTTE, PassphraseSalah, Tampilan

# Room for the CMS signature container (certificate chain + ECDSA signature is ~2 KiB); giving it
# up front spares pyHanko a trial signature to measure it.
RUANG_TANDA_TANGAN = 8192


class _Penanda(signers.SimpleSigner):
    """SimpleSigner that keeps the unlocked key object instead of re-parsing it per signature."""

    def __init__(self, *, kunci, **kwargs):
        super().__init__(**kwargs)
        self._kunci = kunci

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if isinstance(self._kunci, EllipticCurvePrivateKey):
            return self._kunci.sign(data, ECDSA(hash_algo))
        if isinstance(self._kunci, RSAPrivateKey) and self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo == "rsassa_pkcs1v15":
            return self._kunci.sign(data, PKCS1v15(), hash_algo)
        return super().sign_raw(data, digest_algorithm)


def buka_p12(data: bytes, passphrase: str) -> _Penanda:
    try:
        kunci, cert, lain = pkcs12.load_key_and_certificates(data, passphrase.encode())
    except ValueError:
        raise PassphraseSalah(PESAN_PASSPHRASE_SALAH) from None
    if kunci is None or cert is None:
        raise GalatTTE("Berkas sertifikat pejabat tidak berisi kunci penandatangan.")
    return _Penanda(
        kunci=kunci,
        signing_key=translate_pyca_cryptography_key_to_asn1(kunci),
        signing_cert=translate_pyca_cryptography_cert_to_asn1(cert),
        cert_registry=SimpleCertificateStore.from_certs([translate_pyca_cryptography_cert_to_asn1(c) for c in lain]),
    )


class _StempelQR(QRStamp):
    """pyHanko's QR stamp with a fixed mask pattern: qrcode otherwise tries all eight masks, which
    is most of the stamp's cost (any mask gives a valid code)."""

    def _qr_xobject(self):
        import qrcode
        from pyhanko.pdf_utils.qr import PdfStreamQRImage
        from pyhanko.pdf_utils.writer import init_xobject_dictionary

        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=2)
        qr.add_data(self.url)
        qr.make()
        img = qr.make_image(image_factory=PdfStreamQRImage)
        ukuran = (qr.modules_count + 2 * qr.border) * qr.box_size
        xobj = init_xobject_dictionary(img.render_command_stream(), ukuran, ukuran)
        xobj.compress()
        return self.writer.add_object(xobj), ukuran


class _GayaStempel(QRStampStyle):
    def create_stamp(self, writer, box, text_params):
        text_params = dict(text_params)
        return _StempelQR(writer, style=self, url=text_params.pop("url"), text_params=text_params, box=box)


def gaya_stempel(baris: tuple[str, ...], *, ukuran_huruf: int = 7) -> QRStampStyle:
    from pyhanko.pdf_utils.text import TextBoxStyle

    teks = "\n".join(b.replace("%", "%%") for b in baris)
    return _GayaStempel(stamp_text=teks, border_width=0, text_box_style=TextBoxStyle(font_size=ukuran_huruf), innsep=2)


def tandatangani_pdf(pdf: bytes, penanda, tampilan: Tampilan, *, nama_field: str = "TTE") -> bytes:
    """Apply one PAdES B-B signature with a visible block (text + QR) at ``tampilan.kotak``."""
    tinggi = tampilan.kotak[3] - tampilan.kotak[1]
    meta = signers.PdfSignatureMetadata(
        field_name=nama_field,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=tampilan.alasan,
        location=tampilan.lokasi,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=penanda,
        stamp_style=gaya_stempel(tampilan.baris, ukuran_huruf=7 if tinggi >= 50 else 4),
        new_field_spec=fields.SigFieldSpec(nama_field, on_page=tampilan.halaman, box=tuple(round(v) for v in tampilan.kotak)),
    )
    keluar = io.BytesIO()
    pdf_signer.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        output=keluar,
        bytes_reserved=RUANG_TANDA_TANGAN,
        appearance_text_params={"url": tampilan.url_qr},
    )
    return keluar.getvalue()


class BackendLokal:
    kode = "lokal"

    def _p12(self, pejabat) -> bytes:
        path = pejabat.berkas_p12
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise GalatTTE(
                "Sertifikat TTE pejabat ini belum dibuat. Jalankan “python manage.py buat_sertifikat_lokal”."
            ) from None

    def buka(self, pejabat, passphrase: str) -> _Penanda:
        return buka_p12(self._p12(pejabat), passphrase)

    def periksa_passphrase(self, pejabat, passphrase: str) -> None:
        """Raise PassphraseSalah unless the passphrase opens the official's key."""
        self.buka(pejabat, passphrase)

    def tandatangani(self, pdf: bytes, *, pejabat, passphrase: str, tampilan: Tampilan) -> bytes:
        return tandatangani_pdf(pdf, self.buka(pejabat, passphrase), tampilan)
