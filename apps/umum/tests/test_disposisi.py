"""P.1.2.1.2 — disposition, forwarding, delivery to every target and the targets' follow-up."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.core.models import AksesBerkas, Lampiran, RiwayatStatus
from apps.core.workflow import AksiDitolak, jalankan_aksi
from apps.umum.models import Disposisi, SuratMasuk
from apps.umum.services import disposisi_terima, surat_masuk_disposisikan
from conftest import buat_pengguna

from .conftest import berkas_pdf, berkas_png


def url_aksi(obj, aksi):
    return reverse(f"umum:{obj._meta.model_name}-aksi", args=[obj.pk, aksi])


def test_kadis_disposes_to_a_position_and_a_person(alur):
    surat = alur.ke("didisposisi")
    assert surat.instruksi == ["tindak_lanjuti"]
    assert surat.didisposisi_oleh == alur.kadis
    tujuan = list(surat.disposisi.order_by("pk"))
    assert [(d.jabatan, d.pengguna) for d in tujuan] == [("kabid", None), ("", alur.kasi)]
    assert {d.status for d in tujuan} == {"menunggu"}
    assert {d.tenggat for d in tujuan} == {surat.batas_waktu}
    assert [d.tujuan_label for d in tujuan] == ["Kepala bidang", alur.kasi.get_full_name()]
    assert RiwayatStatus.objects.filter(aksi="buat", aksi_label="Disposisi diterbitkan").count() == 2


def test_disposition_page_creates_targets_from_the_form(client, alur):
    surat = alur.catat()
    client.force_login(alur.kadis)
    batas = (timezone.localdate() + timedelta(days=5)).isoformat()
    r = client.post(url_aksi(surat, "disposisikan"), {
        "versi": surat.versi, "tujuan_jabatan": ["sekretaris", "kabid"], "tujuan_pengguna": [alur.kasi.pk],
        "instruksi": ["hadiri", "pelajari_laporkan"], "instruksi_lain": "Koordinasikan dengan PIAK",
        "batas_waktu": batas, "catatan": "Penting",
    })
    assert r.status_code == 302
    surat.refresh_from_db()
    assert surat.status == "didisposisi"
    assert surat.instruksi_label == ["Hadiri/wakili", "Pelajari dan laporkan", "Koordinasikan dengan PIAK"]
    assert surat.disposisi.count() == 3


def test_disposition_needs_a_target_an_instruction_and_a_due_date_not_past(client, alur):
    surat = alur.catat()
    client.force_login(alur.kadis)
    kemarin = (timezone.localdate() - timedelta(days=1)).isoformat()
    r = client.post(url_aksi(surat, "disposisikan"), {"versi": surat.versi, "batas_waktu": kemarin})
    assert r.status_code == 400
    galat = r.context["form"].errors
    assert "tujuan_jabatan" in galat and "instruksi" in galat and "batas_waktu" in galat
    surat.refresh_from_db()
    assert surat.status == "diagendakan" and not surat.disposisi.exists()
    with pytest.raises(AksiDitolak):
        surat_masuk_disposisikan(surat=surat, pengguna=alur.kadis, instruksi=["arsipkan"], batas_waktu=timezone.localdate())


def test_delivery_is_complete_only_when_every_target_received_it(alur):
    surat = alur.ke("diantar")  # the first of two targets has received it
    pertama, kedua = surat.disposisi.order_by("pk")
    assert (pertama.status, kedua.status) == ("diterima", "menunggu")
    assert surat.status == "diantar"
    disposisi_terima(disposisi=kedua, pengguna=alur.caraka, diterima_oleh="Hendra")
    surat.refresh_from_db()
    assert surat.status == "tersampaikan"
    log = RiwayatStatus.objects.get(object_id=surat.pk, aksi="selesai_antar")
    assert log.oleh == alur.caraka


def test_caraka_cannot_close_a_letter_a_target_has_not_received(alur):
    surat = alur.ke("diantar")
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=surat, aksi="selesai_antar", pengguna=alur.caraka)
    surat.refresh_from_db()
    assert surat.status == "diantar"


def test_caraka_delivers_only_once_the_letter_was_handed_over(alur):
    surat = alur.ke("diteruskan")
    d = surat.disposisi.first()
    with pytest.raises(AksiDitolak):
        disposisi_terima(disposisi=d, pengguna=alur.caraka, diterima_oleh="X")
    d.refresh_from_db()
    assert d.status == "menunggu"


def test_receipt_records_who_when_and_the_photo(client, alur):
    surat = alur.ke("diantar")
    d = surat.disposisi.get(status="menunggu")
    client.force_login(alur.caraka)
    assert client.get(url_aksi(d, "terima")).status_code == 200
    # The letter came in today: the receipt is this very minute (never in the future, never before).
    tadi = timezone.localtime().replace(second=0, microsecond=0)
    r = client.post(url_aksi(d, "terima"), {
        "versi": d.versi, "diterima_oleh": "Hendra (staf kasi)", "diterima_pada": tadi.strftime("%Y-%m-%dT%H:%M"),
        "lampiran": berkas_png(),
    })
    assert r.status_code == 302, r.context["form"].errors
    d.refresh_from_db()
    assert (d.status, d.diterima_oleh, d.diantar_oleh) == ("diterima", "Hendra (staf kasi)", alur.caraka)
    assert timezone.localtime(d.diterima_pada).strftime("%Y-%m-%d %H:%M") == tadi.strftime("%Y-%m-%d %H:%M")
    foto = Lampiran.objects.get(pk=d.tanda_terima_id)
    assert foto.object_id == surat.pk and foto.keterangan == f"Tanda terima — {d.tujuan_label}"
    assert foto.riwayat.object_id == d.pk and foto.riwayat.aksi == "terima"
    surat.refresh_from_db()
    assert surat.status == "tersampaikan"


def test_receipt_time_cannot_be_in_the_future(client, alur):
    surat = alur.ke("diantar")
    d = surat.disposisi.get(status="menunggu")
    client.force_login(alur.caraka)
    r = client.post(url_aksi(d, "terima"), {"versi": d.versi, "diterima_oleh": "X", "diterima_pada": "2099-01-01T08:00"})
    assert r.status_code == 400 and "diterima_pada" in r.context["form"].errors


def test_kadis_returns_with_a_reason_and_tata_usaha_corrects(client, alur):
    surat = alur.catat()
    client.force_login(alur.kadis)
    r = client.post(url_aksi(surat, "kembalikan"), {"versi": surat.versi, "catatan": ""})
    assert r.status_code == 400
    r = client.post(url_aksi(surat, "kembalikan"), {"versi": surat.versi, "catatan": "Halaman 2 tidak terpindai"})
    assert r.status_code == 302
    surat.refresh_from_db()
    assert surat.status == "perbaikan"
    client.force_login(alur.tu)
    r = client.get(reverse("umum:suratmasuk-detail", args=[surat.pk]))
    assert "Halaman 2 tidak terpindai" in r.content.decode()
    r = client.post(url_aksi(surat, "perbaiki"), {
        "versi": surat.versi, "asal": "opd", "pengirim": surat.pengirim, "nomor_surat": surat.nomor_surat,
        "tanggal_surat": surat.tanggal_surat.isoformat(), "tanggal_diterima": surat.tanggal_diterima.isoformat(),
        "perihal": "Undangan rapat koordinasi data kematian (lengkap)", "sifat": "segera",
        "lampiran": berkas_pdf("ulang.pdf"),
    })
    assert r.status_code == 302
    surat.refresh_from_db()
    assert (surat.status, surat.sifat, surat.nomor_agenda) == ("diagendakan", "segera", 1)
    assert Lampiran.objects.filter(object_id=surat.pk, keterangan="Pindaian surat (pengganti)").exists()


def test_each_target_sees_its_dispositions_with_due_dates(client, alur, pengguna):
    surat = alur.ke("tersampaikan")
    lewat = alur.ke("tersampaikan", nomor_surat="lama", perihal="Permintaan data lama")
    lewat.disposisi.update(tenggat=timezone.localdate() - timedelta(days=2))
    antrian = reverse("umum:disposisi-antrian")

    client.force_login(alur.kabid)
    r = client.get(antrian)
    baris = list(r.context["object_list"])
    assert [d.jabatan for d in baris] == ["kabid", "kabid"]
    assert baris[0].surat == lewat and baris[0].terlambat  # due first, marked overdue
    isi = r.content.decode()
    assert "terlambat" in isi and surat.agenda in isi

    client.force_login(alur.kasi)
    assert {d.pengguna for d in client.get(antrian).context["object_list"]} == {alur.kasi}

    kasi_lain = buat_pengguna("kasi", "kasi_lain")
    client.force_login(kasi_lain)
    assert list(client.get(antrian).context["object_list"]) == []

    client.force_login(pengguna("sekretaris"))
    assert list(client.get(antrian).context["object_list"]) == []


def test_target_marks_it_followed_up_with_a_note(client, alur):
    surat = alur.ke("tersampaikan")
    d = surat.disposisi.get(jabatan="kabid")
    client.force_login(alur.kabid)
    r = client.post(url_aksi(d, "tindak_lanjuti"), {"versi": d.versi, "catatan": " "})
    assert r.status_code == 400 and "catatan" in r.context["form"].errors
    r = client.post(url_aksi(d, "tindak_lanjuti"), {"versi": d.versi, "catatan": "Rapat dihadiri Kasi Pendaftaran"})
    assert r.status_code == 302
    d.refresh_from_db()
    assert (d.status, d.hasil_tindak_lanjut, d.ditindaklanjuti_oleh) == (
        "ditindaklanjuti", "Rapat dihadiri Kasi Pendaftaran", alur.kabid)
    assert not d.terlambat
    r = client.get(reverse("umum:suratmasuk-detail", args=[surat.pk]))
    assert "Rapat dihadiri Kasi Pendaftaran" in r.content.decode()


def test_a_named_target_is_the_only_one_who_may_follow_it_up(client, alur):
    surat = alur.ke("tersampaikan")
    d = surat.disposisi.get(pengguna=alur.kasi)
    kasi_lain = buat_pengguna("kasi", "kasi_lain")
    with pytest.raises(PermissionDenied):  # disposed to another kasi: not this one's task
        jalankan_aksi(objek=d, aksi="tindak_lanjuti", pengguna=kasi_lain, data={"hasil_tindak_lanjut": "x"})
    client.force_login(kasi_lain)
    assert client.post(url_aksi(d, "tindak_lanjuti"), {"versi": d.versi, "catatan": "x"}).status_code == 404
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=d, aksi="tindak_lanjuti", pengguna=alur.caraka)
    d.refresh_from_db()
    assert d.status == "diterima"


def test_target_reads_the_scan_of_its_letter_and_the_access_is_logged(client, alur, pengguna):
    surat = alur.ke("tersampaikan")
    scan = Lampiran.objects.get(object_id=surat.pk, keterangan="Pindaian surat")
    unduh = reverse("core:lampiran-unduh", args=[scan.pk])
    client.force_login(alur.kabid)
    r = client.get(reverse("umum:disposisi-detail", args=[surat.disposisi.get(jabatan="kabid").pk]))
    assert unduh in r.content.decode()
    assert client.get(unduh).status_code == 200
    assert AksesBerkas.objects.filter(oleh=alur.kabid).count() == 1
    client.force_login(pengguna("bidang_teknis"))  # a target position, but not of this letter
    assert client.get(unduh).status_code == 404
    assert client.get(reverse("umum:suratmasuk-detail", args=[surat.pk])).status_code == 404


def test_caraka_carries_a_secret_letter_without_reading_it(client, alur):
    rahasia = alur.ke("diantar", sifat="rahasia", perihal="Laporan pemeriksaan pegawai")
    d = rahasia.disposisi.get(status="menunggu")
    scan = Lampiran.objects.get(object_id=rahasia.pk, keterangan="Pindaian surat")
    client.force_login(alur.caraka)
    r = client.get(reverse("umum:disposisi-detail", args=[d.pk]))
    assert r.status_code == 200
    assert "Laporan pemeriksaan pegawai" not in r.content.decode() and "(surat rahasia)" in r.content.decode()
    assert "Laporan pemeriksaan pegawai" not in client.get(reverse("umum:disposisi-antrian")).content.decode()
    assert client.get(reverse("umum:suratmasuk-detail", args=[rahasia.pk])).status_code == 404
    assert client.get(reverse("core:lampiran-unduh", args=[scan.pk])).status_code == 404
    assert client.post(url_aksi(d, "terima"), {"versi": d.versi, "diterima_oleh": "Sekretaris",
                                               "diterima_pada": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}).status_code == 302


def test_caraka_sees_deliveries_only_once_handed_over(client, alur):
    belum = alur.ke("diteruskan")
    sudah = alur.ke("diantar", nomor_surat="2")
    client.force_login(alur.caraka)
    r = client.get(reverse("umum:disposisi-antrian"))
    assert {d.surat_id for d in r.context["object_list"]} == {sudah.pk}
    assert client.get(reverse("umum:disposisi-detail", args=[belum.disposisi.first().pk])).status_code == 404
    assert SuratMasuk.untuk_pengguna(alur.caraka).filter(pk=belum.pk).count() == 0
    assert Disposisi.untuk_pengguna(alur.caraka).filter(surat=sudah).count() == 2
