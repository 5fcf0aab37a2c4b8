"""The kernel: permissions enforced, one log row per transition, optimistic locking, uploads."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from apps.core.models import Lampiran, RiwayatStatus
from apps.core.peran import Peran
from apps.core.workflow import AksiDitolak, Konflik, jalankan_aksi, model_proses
from tests.kernel_app.models import Contoh

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def contoh(db):
    return Contoh.objects.create(nama="Uji")


def test_every_transition_in_the_project_declares_a_role(db):
    from apps.akun.roles import KODE_PERAN
    from apps.core.tutup_otomatis import KODE_SISTEM
    from apps.core.workflow import aksi_model

    for model in model_proses():
        for t in model.status_field().get_all_transitions(model):
            assert isinstance(t.permission, Peran), f"{model.__name__}.{t.name} has no peran()"
            # "sistem": the auto-close, which no user may take (core.tutup_otomatis).
            assert set(t.permission.kode) <= {*KODE_PERAN, KODE_SISTEM}, f"{model.__name__}.{t.name}: unknown role"
        for nama in aksi_model(model):
            assert getattr(model, nama).alters_data is True


def test_it_runs_a_permitted_transition_and_logs_it(contoh, pengguna):
    fo = pengguna("petugas_fo")
    jalankan_aksi(objek=contoh, aksi="periksa", pengguna=fo, catatan="ok")
    contoh.refresh_from_db()
    assert contoh.status == "lengkap"
    assert contoh.diperiksa_oleh == "petugas_fo"
    assert contoh.versi == 1
    log = RiwayatStatus.objects.get(object_id=contoh.pk)
    assert (log.dari, log.ke, log.oleh, log.catatan, log.peran) == ("diajukan", "lengkap", fo, "ok", "petugas_fo")


def test_verifikator_cannot_take_fo_action(contoh, pengguna):
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=contoh, aksi="periksa", pengguna=pengguna("verifikator"))
    contoh.refresh_from_db()
    assert contoh.status == "diajukan"
    assert not RiwayatStatus.objects.exists()


def test_superuser_gets_no_bypass(contoh, django_user_model):
    root = django_user_model.objects.create_superuser("root", "r@x.id", "x")
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=contoh, aksi="periksa", pengguna=root)


def test_it_rejects_wrong_state(contoh, pengguna):
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=contoh, aksi="verifikasi", pengguna=pengguna("verifikator"))
    contoh.refresh_from_db()
    assert contoh.status == "diajukan"


def test_return_requires_a_reason(contoh, pengguna):
    with pytest.raises(AksiDitolak, match="Alasan"):
        jalankan_aksi(objek=contoh, aksi="kembalikan", pengguna=pengguna("petugas_fo"), catatan=" ")
    assert Contoh.objects.get().status == "diajukan"


def test_stale_page_is_refused(contoh, pengguna):
    fo = pengguna("petugas_fo")
    stale = Contoh.objects.get(pk=contoh.pk)
    jalankan_aksi(objek=contoh, aksi="periksa", pengguna=fo, versi=0)
    with pytest.raises(Konflik):
        jalankan_aksi(objek=stale, aksi="kembalikan", pengguna=fo, catatan="x", versi=0)
    assert Contoh.objects.get().status == "lengkap"
    assert RiwayatStatus.objects.count() == 1


def test_concurrent_save_loses_cleanly(contoh, pengguna):
    """Both loaded the record in 'diajukan'; the second save finds the row changed."""
    fo = pengguna("petugas_fo")
    a = Contoh.objects.get(pk=contoh.pk)
    b = Contoh.objects.get(pk=contoh.pk)
    jalankan_aksi(objek=a, aksi="periksa", pengguna=fo)
    with pytest.raises(Konflik):
        jalankan_aksi(objek=b, aksi="kembalikan", pengguna=fo, catatan="kurang KK")
    assert b.status == "lengkap"  # reloaded: the loser sees the winner's state
    assert RiwayatStatus.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_officers_at_once_one_wins(pengguna):
    """Two threads, two database connections, the same record: exactly one transition lands."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is proven on PostgreSQL (CI)")
    contoh = Contoh.objects.create(nama="Balapan")
    fo = pengguna("petugas_fo")
    hasil = []
    penghalang = threading.Barrier(2)

    def petugas(aksi, catatan):
        from django.db import connections

        obj = Contoh.objects.get(pk=contoh.pk)
        penghalang.wait()
        try:
            jalankan_aksi(objek=obj, aksi=aksi, pengguna=fo, catatan=catatan, versi=0)
            hasil.append("menang")
        except Konflik:
            hasil.append("konflik")
        finally:
            connections.close_all()

    t = [threading.Thread(target=petugas, args=("periksa", "")), threading.Thread(target=petugas, args=("kembalikan", "x"))]
    for x in t:
        x.start()
    for x in t:
        x.join()
    assert sorted(hasil) == ["konflik", "menang"]
    assert RiwayatStatus.objects.filter(object_id=contoh.pk).count() == 1


# --- views ------------------------------------------------------------------------------------

def url_aksi(obj, aksi):
    return reverse("kernel_app:contoh-aksi", args=[obj.pk, aksi])


def test_view_forbids_role_without_permission(client, contoh, pengguna):
    client.force_login(pengguna("verifikator"))
    r = client.post(url_aksi(contoh, "periksa"), {"versi": 0})
    assert r.status_code == 403
    assert Contoh.objects.get().status == "diajukan"


def test_view_forbids_outsider(client, contoh, pengguna):
    client.force_login(pengguna("caraka"))
    assert client.get(reverse("kernel_app:contoh-detail", args=[contoh.pk])).status_code == 403
    assert client.post(url_aksi(contoh, "periksa"), {"versi": 0}).status_code == 403


def test_view_rejects_unknown_action(client, contoh, pengguna):
    client.force_login(pengguna("petugas_fo"))
    assert client.post(url_aksi(contoh, "delete"), {"versi": 0}).status_code == 404
    assert client.post(url_aksi(contoh, "save"), {"versi": 0}).status_code == 404


def test_view_runs_action_and_redirects(client, contoh, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(url_aksi(contoh, "periksa"), {"versi": 0, "catatan": "lengkap"})
    assert r.status_code == 302
    assert Contoh.objects.get().status == "lengkap"


def test_view_keeps_typed_reason_on_conflict(client, contoh, pengguna):
    fo = pengguna("petugas_fo")
    jalankan_aksi(objek=contoh, aksi="periksa", pengguna=fo)
    client.force_login(fo)
    # The officer's page still showed version 0 in state 'diajukan'.
    contoh.refresh_from_db()
    r = client.post(url_aksi(contoh, "kembalikan"), {"versi": 0, "catatan": "KK belum dilampirkan"})
    assert r.status_code in (400, 409)
    assert "KK belum dilampirkan" in r.content.decode()
    assert Contoh.objects.get().status == "lengkap"


def test_view_requires_reason_for_return(client, contoh, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(url_aksi(contoh, "kembalikan"), {"versi": 0, "catatan": ""})
    assert r.status_code == 400
    assert "Alasan wajib diisi" in r.content.decode()
    assert Contoh.objects.get().status == "diajukan"


def test_it_refuses_oversized_upload(client, contoh, pengguna, settings):
    settings.LAMPIRAN_UKURAN_MAKS = 1024
    client.force_login(pengguna("petugas_fo"))
    besar = SimpleUploadedFile("kk.pdf", PDF + b"0" * 2000, content_type="application/pdf")
    r = client.post(url_aksi(contoh, "periksa"), {"versi": 0, "lampiran": besar})
    assert r.status_code == 400
    assert "melebihi batas" in r.content.decode()
    assert Contoh.objects.get().status == "diajukan"
    assert not Lampiran.objects.exists()


def test_it_refuses_disguised_upload(client, contoh, pengguna):
    client.force_login(pengguna("petugas_fo"))
    palsu = SimpleUploadedFile("kk.pdf", b"MZ\x90\x00 this is an exe" * 10, content_type="application/pdf")
    r = client.post(url_aksi(contoh, "periksa"), {"versi": 0, "lampiran": palsu})
    assert r.status_code == 400
    assert "Jenis berkas tidak diterima" in r.content.decode()
    png_as_pdf = SimpleUploadedFile("kk.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="application/pdf")
    r = client.post(url_aksi(contoh, "periksa"), {"versi": 0, "lampiran": png_as_pdf})
    assert "tidak sesuai dengan namanya" in r.content.decode()
    assert Contoh.objects.get().status == "diajukan"


def test_upload_is_stored_logged_and_download_is_logged(client, contoh, pengguna):
    from apps.core.models import AksesBerkas

    client.force_login(pengguna("petugas_fo"))
    r = client.post(url_aksi(contoh, "periksa"), {"versi": 0, "lampiran": SimpleUploadedFile("kk.pdf", PDF)})
    assert r.status_code == 302
    lampiran = Lampiran.objects.get()
    assert lampiran.riwayat.aksi == "periksa"
    assert lampiran.jenis_mime == "application/pdf"
    r = client.get(reverse("core:lampiran-unduh", args=[lampiran.pk]))
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == PDF
    assert AksesBerkas.objects.filter(oleh__username="petugas_fo").count() == 1


def test_outsider_cannot_download_attachment(client, contoh, pengguna):
    jalankan_aksi(
        objek=contoh, aksi="periksa", pengguna=pengguna("petugas_fo"),
        lampiran=[(SimpleUploadedFile("kk.pdf", PDF), "KK")],
    )
    client.force_login(pengguna("caraka"))
    assert client.get(reverse("core:lampiran-unduh", args=[Lampiran.objects.get().pk])).status_code == 403


def test_queue_shows_only_actionable_records(client, pengguna, django_assert_max_num_queries):
    for i in range(30):
        Contoh.objects.create(nama=f"n{i}")
    Contoh.objects.filter(nama="n0").update(status="lengkap")
    client.force_login(pengguna("verifikator"))
    with django_assert_max_num_queries(8):
        r = client.get(reverse("kernel_app:contoh-antrian"))
    assert r.status_code == 200
    assert list(r.context["object_list"]) == [Contoh.objects.get(nama="n0")]


def test_queue_and_detail_query_count_is_constant(client, pengguna, django_assert_num_queries):
    fo = pengguna("petugas_fo")
    client.force_login(fo)
    Contoh.objects.create(nama="a")
    url = reverse("kernel_app:contoh-antrian")
    client.get(url)  # warm caches (content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    for i in range(40):
        Contoh.objects.create(nama=f"x{i}")
    with CaptureQueriesContext(connection) as banyak:
        client.get(url)
    assert len(sedikit) == len(banyak)
    obj = Contoh.objects.first()
    for _ in range(3):
        jalankan_aksi(objek=obj, aksi="periksa", pengguna=fo) if obj.status == "diajukan" else None
    detail = reverse("kernel_app:contoh-detail", args=[obj.pk])
    client.get(detail)
    with CaptureQueriesContext(connection) as q:
        r = client.get(detail)
    assert r.status_code == 200
    assert len(q) <= 10


def test_object_rule_of_a_role_refuses_with_403_not_a_state_message(pengguna):
    """A role's object-level rule (``peran(..., syarat=...)``) failing is a 403, not a state message."""
    verifikator = pengguna("verifikator")
    biasa = Contoh.objects.create(nama="biasa", status="terverifikasi")
    rahasia = Contoh.objects.create(nama="rahasia", status="terverifikasi")
    jalankan_aksi(objek=biasa, aksi="catat", pengguna=verifikator)
    with pytest.raises(PermissionDenied, match="bukan bagian tugas Anda"):
        jalankan_aksi(objek=rahasia, aksi="catat", pengguna=verifikator)
    assert RiwayatStatus.objects.filter(object_id=rahasia.pk).count() == 0
