"""The monthly service report to the Walikota: compiled, signed by the kadis (TTE), sent."""

import subprocess

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from apps.core.models import AksesBerkas
from apps.dasbor.models import LaporanBulanan
from apps.dokumen.models import Dokumen

from .conftest import PASSPHRASE
from .pembantu import ajukan, selesaikan

pytestmark = pytest.mark.django_db


def _susun(client, user):
    hari_ini = timezone.localdate()
    client.force_login(user)
    return client.post("/dasbor/laporan/susun/", {"bulan": hari_ini.month, "tahun": hari_ini.year})


def test_the_report_is_compiled_signed_and_sent(client, pengguna, kadis, django_capture_on_commit_callbacks, tmp_path):
    fo, ver = pengguna("petugas_fo"), pengguna("verifikator")
    selesaikan(ajukan(oleh=fo, tenggat=timezone.localdate()), fo=fo, verifikator=ver)
    ajukan(oleh=fo)
    assert _susun(client, pengguna("sekretaris")).status_code == 302
    laporan = LaporanBulanan.objects.get()
    assert laporan.data["jumlah"]["masuk"] == 2
    assert laporan.data["jumlah"]["persen_tepat"] == 100.0

    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(f"/dasbor/laporan/{laporan.pk}/tte/", {"passphrase": PASSPHRASE})
    assert resp.status_code == 302
    laporan.refresh_from_db()
    assert laporan.status == LaporanBulanan.Status.DITANDATANGANI
    dok = Dokumen.objects.get(content_type=ContentType.objects.get_for_model(LaporanBulanan), object_id=laporan.pk)
    assert dok.status == "selesai", dok.galat
    assert dok.nomor.startswith("400.12/001/")
    pdf = client.get(f"/dasbor/laporan/{laporan.pk}/unduh/")
    isi = b"".join(pdf.streaming_content)
    path = tmp_path / "laporan.pdf"
    path.write_bytes(isi)
    assert "Signature is Valid" in subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    teks = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Wali Kota Pasuruan" in teks and "Laporan Bulanan Pelayanan" in teks
    assert AksesBerkas.objects.filter(oleh=kadis.user, berkas=dok.berkas.name).exists()
    # Anyone holding the letter checks it on the public verification page (its QR code).
    client.logout()
    verifikasi = client.get(dok.url_verifikasi.removeprefix("http://testserver"))
    assert verifikasi.status_code == 200 and dok.nomor in verifikasi.content.decode()

    # Signed figures are frozen: compiling again is refused.
    resp = _susun(client, pengguna("sekretaris"))
    assert "sudah ditandatangani" in client.get(resp["Location"]).content.decode()
    client.force_login(pengguna("sekretaris"))
    client.post(f"/dasbor/laporan/{laporan.pk}/kirim/")
    laporan.refresh_from_db()
    assert laporan.status == LaporanBulanan.Status.DIKIRIM and laporan.dikirim_pada


def test_a_wrong_passphrase_signs_nothing(client, pengguna, kadis, django_capture_on_commit_callbacks):
    _susun(client, pengguna("sekretaris"))
    laporan = LaporanBulanan.objects.get()
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(f"/dasbor/laporan/{laporan.pk}/tte/", {"passphrase": "salah"}, follow=True)
    assert "Passphrase salah" in resp.content.decode()
    laporan.refresh_from_db()
    assert laporan.status == LaporanBulanan.Status.DISUSUN
    assert not Dokumen.objects.exists()


def test_only_their_roles_take_each_step(client, pengguna):
    assert _susun(client, pengguna("petugas_fo")).status_code == 403
    assert _susun(client, pengguna("kabid")).status_code == 403  # a kabid reads the reports only
    assert not LaporanBulanan.objects.exists()
    _susun(client, pengguna("sekretaris"))
    laporan = LaporanBulanan.objects.get()
    client.force_login(pengguna("sekretaris"))
    assert client.post(f"/dasbor/laporan/{laporan.pk}/tte/", {"passphrase": PASSPHRASE}).status_code == 403
    laporan.refresh_from_db()
    assert laporan.status == LaporanBulanan.Status.DISUSUN
    client.post(f"/dasbor/laporan/{laporan.pk}/kirim/")
    laporan.refresh_from_db()
    assert laporan.status == LaporanBulanan.Status.DISUSUN
    client.force_login(pengguna("kabid"))
    assert client.get("/dasbor/laporan/").status_code == 200
