"""The kernel's records in Django admin: logs and counters read-only, attachments without a
direct file link, the holiday calendar editable; search and filters work on every list."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.core.models import AksesBerkas, HariLibur, Lampiran, RiwayatStatus, Urutan
from apps.core.workflow import catat_pembuatan, jalankan_aksi
from tests.kernel_app.models import Contoh

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

HANYA_BACA = [RiwayatStatus, Lampiran, AksesBerkas, Urutan]


@pytest.fixture
def admin_portal(pengguna):
    """The 'admin' role as the administrator has it: staff, not superuser."""
    user = pengguna("admin")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def klien_admin(client, admin_portal):
    client.force_login(admin_portal)
    return client


def _isi(pengguna, n: int = 1):
    fo = pengguna("petugas_fo")
    for i in range(n):
        obj = Contoh.objects.create(nama=f"Warga {i}")
        catat_pembuatan(objek=obj, pengguna=fo)
        jalankan_aksi(
            objek=obj, aksi="periksa", pengguna=fo, catatan="lengkap",
            lampiran=[(SimpleUploadedFile(f"ktp-{i}.pdf", PDF, content_type="application/pdf"), "KTP")],
        )
        AksesBerkas.objects.create(oleh=fo, berkas=f"lampiran/x/{i}.pdf", keterangan="uji", alamat_ip="127.0.0.1")
    Urutan.berikutnya("register-uji", 2026)
    HariLibur.objects.get_or_create(tanggal=date(2026, 12, 25), defaults={"nama": "Hari Raya Natal"})


def _url(model, jenis, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{jenis}", args=args)


@pytest.mark.parametrize("model", [RiwayatStatus, Lampiran, AksesBerkas, Urutan, HariLibur])
def test_it_lists_searches_and_filters(klien_admin, pengguna, model):
    _isi(pengguna)
    daftar = _url(model, "changelist")
    assert klien_admin.get(daftar).status_code == 200
    r = klien_admin.get(daftar, {"q": "uji"})
    assert r.status_code == 200
    assert r.context["cl"].search_fields, f"{model.__name__} admin has no search"
    spec = r.context["cl"].filter_specs
    assert spec, f"{model.__name__} admin has no filters"
    # Every offered filter choice opens without error.
    for f in spec:
        for pilihan in f.choices(r.context["cl"]):
            assert klien_admin.get(daftar + pilihan["query_string"]).status_code == 200


@pytest.mark.parametrize("model", HANYA_BACA)
def test_it_refuses_add_change_and_delete_of_logs(klien_admin, pengguna, model, admin_user, client):
    _isi(pengguna)
    obj = model.objects.first()
    for klien in (klien_admin, client):  # the admin role, and a superuser
        if klien is client:
            client.force_login(admin_user)
        assert klien.get(_url(model, "add")).status_code == 403
        assert klien.post(_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
        r = klien.get(_url(model, "change", obj.pk))
        assert r.status_code == 200
        assert not r.context["has_change_permission"]
        assert klien.post(_url(model, "change", obj.pk), {}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()


def test_it_shows_attachments_only_through_the_logged_download(klien_admin, pengguna, settings):
    _isi(pengguna)
    lampiran = Lampiran.objects.get()
    unduh = reverse("core:lampiran-unduh", args=[lampiran.pk])
    for r in (klien_admin.get(_url(Lampiran, "changelist")), klien_admin.get(_url(Lampiran, "change", lampiran.pk))):
        html = r.content.decode()
        assert unduh in html
        assert lampiran.berkas.name not in html
        assert settings.MEDIA_URL not in html


def test_it_edits_the_holiday_calendar(klien_admin):
    r = klien_admin.post(_url(HariLibur, "add"), {"tanggal": "2026-12-26", "nama": "Cuti bersama Natal"})
    assert r.status_code == 302
    libur = HariLibur.objects.get(tanggal=date(2026, 12, 26))
    r = klien_admin.post(_url(HariLibur, "change", libur.pk), {"tanggal": "2026-12-26", "nama": "Cuti Bersama Hari Raya Natal"})
    assert r.status_code == 302
    libur.refresh_from_db()
    assert libur.nama == "Cuti Bersama Hari Raya Natal"
    r = klien_admin.get(_url(HariLibur, "changelist"), {"tanggal__year": "2026"})
    assert r.status_code == 200
    assert "Sabtu" in r.content.decode()  # 26-12-2026 is a Saturday


def test_holiday_list_filters_by_year(klien_admin):
    # Years the seeded calendar (2026, 2027) does not cover.
    HariLibur.objects.create(tanggal=date(2025, 8, 17), nama="HUT RI 2025")
    HariLibur.objects.create(tanggal=date(2030, 8, 17), nama="HUT RI 2030")
    r = klien_admin.get(_url(HariLibur, "changelist"), {"tahun": "2030"})
    assert [h.nama for h in r.context["cl"].result_list] == ["HUT RI 2030"]


def test_log_filter_lists_process_models_only(klien_admin, pengguna):
    _isi(pengguna)
    r = klien_admin.get(_url(RiwayatStatus, "changelist"))
    proses = next(f for f in r.context["cl"].filter_specs if f.parameter_name == "proses")
    ct = ContentType.objects.get_for_model(Contoh)
    nilai = [v for v, _ in proses.lookup_choices]
    assert str(ct.pk) in nilai
    assert str(ContentType.objects.get_for_model(HariLibur).pk) not in nilai
    r = klien_admin.get(_url(RiwayatStatus, "changelist"), {"proses": ct.pk})
    assert r.context["cl"].result_count == RiwayatStatus.objects.count()


@pytest.mark.parametrize("model", [RiwayatStatus, Lampiran, AksesBerkas])
def test_log_lists_take_constant_queries(klien_admin, pengguna, model, django_assert_max_num_queries):
    _isi(pengguna, 2)
    with django_assert_max_num_queries(14) as sedikit:
        klien_admin.get(_url(model, "changelist"))
    _isi(pengguna, 8)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        klien_admin.get(_url(model, "changelist"))


def test_staff_without_view_permission_sees_nothing(client, pengguna):
    kabid = pengguna("kabid")
    kabid.is_staff = True
    kabid.save(update_fields=["is_staff"])
    client.force_login(kabid)
    for model in [*HANYA_BACA, HariLibur]:
        assert client.get(_url(model, "changelist")).status_code == 403
