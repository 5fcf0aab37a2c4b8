"""The cross-process index: written with every creation and transition, rebuilt idempotently, and
read by the home page, the status page and the staff search with a constant number of queries."""

import importlib
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.core import indeks
from apps.core.indeks import cari_global, hitung_antrian, indeks_bangun, model_terbatas
from apps.core.models import IndeksProses
from apps.core.workflow import AksiDitolak, jalankan_aksi
from apps.publik.selectors import proses_dari_kode
from tests.kernel_app.models import Contoh, ContohA, ContohB, ContohC, ContohD, ContohDokumen

ENAM = (Contoh, ContohDokumen, ContohA, ContohB, ContohC, ContohD)
# One role per kernel test process (Contoh: petugas_fo ... ContohD: verifikator_pendataan).
PERAN_ENAM = ("petugas_fo", "operator_siak", "operator_rekam", "verifikator_wna", "adb", "verifikator_pendataan")


def baris(objek) -> IndeksProses:
    return IndeksProses.objects.get(content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk)


def buat(model, i: int = 0, **kw):
    if model is ContohDokumen:
        kw = {"nama": kw.get("nama", f"WARGA {i}"), "nik": kw.get("nik", f"35750141079{i:05d}")}
        return ContohDokumen.objects.create(status="ditandatangani", **kw)
    return model.objects.create(nama=kw.get("nama", f"WARGA {i}"), **({"nik": kw["nik"]} if "nik" in kw and model is not Contoh else {}))


@pytest.fixture
def pengguna_banyak(db, django_user_model):
    from django.contrib.auth.models import Group

    def _buat(username: str, peran: tuple[str, ...]):
        u = django_user_model.objects.create_user(username, password="x")
        u.groups.set([Group.objects.get_or_create(name=p)[0] for p in peran])
        return u

    return _buat


# -- writing ------------------------------------------------------------------------------------
def test_it_indexes_a_new_record_with_its_map_code_applicant_and_queue(db):
    tenggat = timezone.localdate() - timedelta(days=1)
    objek = ContohDokumen.objects.create(nama="SITI AMINAH", nik="3575014107900003", tenggat=tenggat)
    b = baris(objek)
    assert (b.kode_proses, b.kode_lacak, b.nik, b.nama) == ("T.1", objek.kode_lacak, "3575014107900003", "SITI AMINAH")
    assert (b.status, b.status_label, b.selesai) == ("terverifikasi", "Terverifikasi", False)
    assert b.peran_antrian == "|kabid|kadis|"
    assert b.tenggat == tenggat and b.terlambat
    assert IndeksProses.objects.terlambat().get() == b


def test_a_transition_moves_the_row_to_the_next_queue(db, pengguna):
    objek = Contoh.objects.create(nama="Uji")
    assert baris(objek).peran_antrian == "|petugas_fo|"
    jalankan_aksi(objek=objek, aksi="periksa", pengguna=pengguna("petugas_fo"))
    b = baris(objek)
    assert (b.status, b.status_label, b.peran_antrian) == ("lengkap", "Lengkap", "|verifikator|")
    jalankan_aksi(objek=objek, aksi="verifikasi", pengguna=pengguna("verifikator"))
    b = baris(objek)
    assert b.selesai and b.status == "terverifikasi"


def test_the_row_is_written_in_the_transaction_of_the_transition(db, pengguna, monkeypatch):
    objek = Contoh.objects.create(nama="Uji")

    def gagal(objek):
        raise RuntimeError("indeks tidak dapat ditulis")

    monkeypatch.setattr(indeks, "indeks_tulis", gagal)
    with pytest.raises(RuntimeError):
        jalankan_aksi(objek=objek, aksi="periksa", pengguna=pengguna("petugas_fo"))
    objek.refresh_from_db()
    assert objek.status == "diajukan"  # the transition rolled back with the failed index write
    assert baris(objek).status == "diajukan"


def test_a_refused_transition_leaves_the_row_alone(db, pengguna):
    objek = Contoh.objects.create(nama="Uji")
    sebelum = baris(objek).diperbarui_pada
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=objek, aksi="verifikasi", pengguna=pengguna("verifikator"))
    assert baris(objek).diperbarui_pada == sebelum


def test_a_deleted_record_leaves_the_index(db):
    objek = Contoh.objects.create(nama="Uji")
    Contoh.objects.filter(pk=objek.pk).delete()
    assert not IndeksProses.objects.exists()


def test_the_rebuild_is_idempotent_and_repairs_bulk_writes(db):
    a = Contoh.objects.create(nama="Satu")
    b = Contoh.objects.create(nama="Dua")
    Contoh.objects.filter(pk=a.pk).update(status="lengkap")  # bulk write: bypasses Proses.save
    IndeksProses.objects.filter(object_id=b.pk).delete()
    IndeksProses.objects.create(
        content_type=ContentType.objects.get_for_model(Contoh), object_id=999999, kode_proses="T.0", layanan="x",
        kode_lacak="XXXX-XXXX-XXXX", status="diajukan", status_label="Diajukan", dibuat_pada=timezone.now(),
    )
    out = StringIO()
    call_command("bangun_indeks", stdout=out)
    assert "kernel_app.Contoh: 2 baris" in out.getvalue()
    sekali = list(IndeksProses.objects.order_by("object_id").values_list("object_id", "status", "peran_antrian"))
    assert sekali == [(a.pk, "lengkap", "|verifikator|"), (b.pk, "diajukan", "|petugas_fo|")]
    indeks_bangun()
    assert list(IndeksProses.objects.order_by("object_id").values_list("object_id", "status", "peran_antrian")) == sekali


def test_the_data_migration_fills_missing_rows_once(db):
    a = Contoh.objects.create(nama="SITI", tenggat=timezone.localdate())
    IndeksProses.objects.all().delete()
    migrasi = importlib.import_module("apps.core.migrations.0003_indeks_proses")
    migrasi.isi_indeks(django_apps, None)
    migrasi.isi_indeks(django_apps, None)
    b = baris(a)
    assert (b.kode_lacak, b.nama, b.status, b.peran_antrian, b.tenggat) == (
        a.kode_lacak, "SITI", "diajukan", "|petugas_fo|", a.tenggat,
    )
    assert IndeksProses.objects.count() == 1


# -- who reads what -------------------------------------------------------------------------------
def test_roles_with_a_narrowed_view_are_not_full_readers():
    from apps.pendaftaran.models import PermohonanIntegrasi
    from apps.umum.models import Disposisi, SuratMasuk

    assert "petugas_integrasi" not in indeks.peran_baca_penuh(PermohonanIntegrasi)
    assert "verifikator" in indeks.peran_baca_penuh(PermohonanIntegrasi)
    assert indeks.peran_baca_penuh(SuratMasuk) == {"kadis", "sekretaris", "tata_usaha"}
    assert "caraka" not in indeks.peran_baca_penuh(Disposisi)


def test_search_finds_a_partial_code_a_partial_nik_and_a_name(db, pengguna_banyak):
    fo = pengguna_banyak("fo", ("operator_rekam",))
    objek = ContohA.objects.create(nama="Siti Aminah", nik="3575014107900003")
    ContohA.objects.create(nama="Budi", nik="3575020101800001")
    awal = objek.kode_lacak.replace("-", "")[:6].lower()
    assert [b.object_id for b in cari_global(fo, awal)] == [objek.pk]
    assert [b.object_id for b in cari_global(fo, "41079000")] == [objek.pk]
    assert [b.object_id for b in cari_global(fo, "aminah")] == [objek.pk]
    assert cari_global(fo, "ab") == []  # too short to search


def test_search_shows_only_processes_the_roles_may_read(db, pengguna_banyak):
    ContohA.objects.create(nama="Siti Aminah", nik="3575014107900003")
    ContohB.objects.create(nama="Siti Badriyah", nik="3575014107900004")
    wna = pengguna_banyak("wna", ("verifikator_wna",))
    assert [b.nama for b in cari_global(wna, "siti")] == ["Siti Badriyah"]
    assert cari_global(pengguna_banyak("kosong", ()), "siti") == []


def test_search_page_lists_results_with_links(client, pengguna_banyak):
    objek = ContohA.objects.create(nama="Siti Aminah", nik="3575014107900003")
    client.force_login(pengguna_banyak("rekam", ("operator_rekam",)))
    r = client.get(reverse("core:cari"), {"q": "aminah"})
    assert r.status_code == 200
    html = r.content.decode()
    assert reverse("kernel_app:contoha-detail", args=[objek.pk]) in html
    assert "Siti Aminah" in html and objek.kode_lacak in html


def test_search_page_is_for_staff_only(client, pengguna_banyak):
    r = client.get(reverse("core:cari"), {"q": "aminah"})
    assert r.status_code == 302
    client.force_login(pengguna_banyak("warga", ()))
    assert client.get(reverse("core:cari"), {"q": "aminah"}).status_code == 403


def test_search_page_rejects_post(client, pengguna_banyak):
    client.force_login(pengguna_banyak("rekam", ("operator_rekam",)))
    assert client.post(reverse("core:cari"), {"q": "aminah"}).status_code == 405


# -- constant number of queries at 1 and 6 process types ---------------------------------------
def _isi(models, per_model: int):
    for model in models:
        for i in range(per_model):
            buat(model, i, nama=f"SITI {model.__name__} {i}")


def _kueri(fungsi) -> int:
    fungsi()  # warm the content-type and role caches
    with CaptureQueriesContext(connection) as q:
        fungsi()
    return len(q)


def test_home_page_counts_take_the_same_queries_for_1_and_6_process_types(client, pengguna_banyak):
    satu = pengguna_banyak("satu", PERAN_ENAM[:1])
    enam = pengguna_banyak("enam", PERAN_ENAM)
    # Processes every staff role takes part in but reads only in part (an incident: the reporter's
    # own) cost the same for both users; what is compared is the index's share.
    assert model_terbatas(satu) == model_terbatas(enam)
    _isi(ENAM, 3)
    url = reverse("akun:beranda")

    def beranda(user):
        client.force_login(user)
        return _kueri(lambda: client.get(url))

    n1, n6 = beranda(satu), beranda(enam)
    _isi(ENAM, 20)
    assert n1 == n6 == beranda(satu) == beranda(enam)
    client.force_login(enam)
    kartu = {a.url: a.jumlah for a in client.get(url).context["antrian"]}
    for model in ENAM:
        assert kartu[reverse(f"kernel_app:{model._meta.model_name}-antrian")] == 23, model


def test_home_counts_match_the_model_queues(db, pengguna_banyak):
    enam = pengguna_banyak("enam", PERAN_ENAM)
    _isi(ENAM, 2)
    Contoh.objects.create(nama="lengkap", status="lengkap")  # the verifikator's queue, not FO's
    ContohA.objects.create(nama="x", tenggat=timezone.localdate() - timedelta(days=2))
    jenis = ContentType.objects.get_for_models(*ENAM)
    angka = hitung_antrian(enam)
    assert angka[jenis[Contoh].pk] == {"jumlah": 2, "terlambat": 0}
    assert angka[jenis[ContohA].pk] == {"jumlah": 3, "terlambat": 1}


def test_search_takes_the_same_queries_for_1_and_6_process_types(client, pengguna_banyak):
    satu = pengguna_banyak("satu", PERAN_ENAM[:1])
    enam = pengguna_banyak("enam", PERAN_ENAM)
    _isi(ENAM, 3)
    url = reverse("core:cari")

    def cari(user):
        client.force_login(user)
        return _kueri(lambda: client.get(url, {"q": "siti"}))

    n1, n6 = cari(satu), cari(enam)
    _isi(ENAM, 20)
    assert n1 == n6 == cari(satu) == cari(enam)
    client.force_login(enam)
    assert len(client.get(url, {"q": "siti"}).context["hasil"]) == 50


def test_status_look_up_takes_two_queries_whatever_the_process(db, django_assert_num_queries):
    # The index row (with whether a document was issued), then the record.
    objek = {model: buat(model, 1) for model in ENAM}
    for model, o in objek.items():
        if not model.DILACAK_PEMOHON:
            continue
        proses_dari_kode(o.kode_lacak)  # warm the content-type cache
        with django_assert_num_queries(2):
            assert proses_dari_kode(o.kode_lacak.lower().replace("-", " ")) == o
    # Internal records (ContohDokumen is not DILACAK_PEMOHON) and unknown codes: one query, none.
    with django_assert_num_queries(1):
        assert proses_dari_kode(objek[ContohDokumen].kode_lacak) is None
    with django_assert_num_queries(1):
        assert proses_dari_kode("ZZZZ-ZZZZ-ZZZZ") is None


def test_the_home_page_offers_the_search_to_staff(client, pengguna_banyak):
    client.force_login(pengguna_banyak("rekam", ("operator_rekam",)))
    assert f'action="{reverse("core:cari")}"' in client.get(reverse("akun:beranda")).content.decode()


def test_a_stale_save_leaves_the_callers_transaction_usable(db):
    from django_fsm import ConcurrentTransition

    objek = Contoh.objects.create(nama="Uji")
    basi = Contoh.objects.get(pk=objek.pk)
    objek.nama = "Baru"
    objek.versi += 1
    objek.save()
    basi.nama = "Basi"
    with pytest.raises(ConcurrentTransition):
        basi.save()
    assert Contoh.objects.get(pk=objek.pk).nama == "Baru"  # no TransactionManagementError
    assert baris(objek).nama == "Baru"


def test_only_rows_some_role_acts_on_are_in_a_queue(db, pengguna):
    objek = ContohA.objects.create(nama="Uji")
    assert baris(objek).di_antrean
    jalankan_aksi(objek=objek, aksi="selesaikan", pengguna=pengguna("operator_rekam"))
    b = baris(objek)
    assert (b.di_antrean, b.peran_antrian, b.selesai) == (False, "", True)
    # A final state with an action stays in its queue (Contoh's "catat" by the verifikator).
    lain = Contoh.objects.create(nama="x", status="terverifikasi")
    assert baris(lain).di_antrean and baris(lain).selesai


def test_the_queue_flag_migration_sets_it_from_the_roles(db):
    a = Contoh.objects.create(nama="a")
    b = ContohA.objects.create(nama="b", status="selesai")
    IndeksProses.objects.update(di_antrean=False)
    IndeksProses.objects.filter(object_id=b.pk).update(di_antrean=True)
    migrasi = importlib.import_module("apps.core.migrations.0005_indeks_di_antrean")
    migrasi.isi_di_antrean(django_apps, None)
    assert baris(a).di_antrean and not baris(b).di_antrean


def test_writing_the_row_leaves_no_related_cache_on_the_record(db):
    from apps.pendaftaran.models import Layanan, PermohonanTanpaVerifikasi

    layanan = Layanan.objects.first()
    pk = PermohonanTanpaVerifikasi.objects.create(layanan_id=layanan.pk, nik="3575014107900003", nama="SITI").pk
    # A fresh instance saved again (as every transition does): only the index write reads the relation.
    objek = PermohonanTanpaVerifikasi.objects.get(pk=pk)
    objek.save()
    assert baris(objek).layanan == layanan.nama  # read through the relation ...
    assert "layanan" not in objek._state.fields_cache  # ... without leaving it cached


def test_the_staff_menu_links_the_search(pengguna_banyak):
    from apps.akun.menu import menu_pengguna

    assert reverse("core:cari") in [t.url for t in menu_pengguna(pengguna_banyak("rekam", ("operator_rekam",))).lihat]
    assert menu_pengguna(pengguna_banyak("warga", ("pemohon",))).lihat == []


def test_the_creation_log_refreshes_the_row_with_what_was_saved_after_the_record(db):
    from apps.core.workflow import catat_pembuatan

    objek = Contoh.objects.create(nama="")
    Contoh.objects.filter(pk=objek.pk).update(nama="SITI AMINAH")  # a detail written after the record
    objek.refresh_from_db()
    catat_pembuatan(objek=objek, pengguna=None)
    assert baris(objek).nama == "SITI AMINAH"
