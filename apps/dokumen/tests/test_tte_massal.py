"""Bulk TTE (issue 9 item 7), eager jobs on SQLite: selection, refusal per record, the passphrase
checked once per batch (wrong: nothing signed, counted towards the pause), idempotent reruns."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.core.models import RiwayatStatus
from apps.dokumen import massal
from apps.dokumen.models import Dokumen, ItemTTEMassal, Pejabat, TTEMassal
from apps.dokumen.tte.lokal import BackendLokal

from .conftest import PASSPHRASE
from .test_bsre import bsre  # noqa: F401

pytestmark = pytest.mark.django_db


def _contoh(n=1, **kw):
    from tests.kernel_app.models import ContohDokumen

    return [ContohDokumen.objects.create(email=f"warga{i}@contoh.id", **kw) for i in range(n)]


def _kunci(daftar):
    return [massal.kunci_pilihan(type(o), o.pk) for o in daftar]


def _mulai(cb, pejabat, daftar, passphrase=PASSPHRASE):
    with cb(execute=True):
        return massal.tte_massal_mulai(pengguna=pejabat.user, pilihan=_kunci(daftar), passphrase=passphrase)


@pytest.fixture
def hitung_buka(monkeypatch):
    """Counts how often the official's key is unlocked to check a passphrase (the real check runs)."""
    n = {"periksa": 0}
    asli = BackendLokal.periksa_passphrase

    def periksa(self, pejabat, passphrase):
        n["periksa"] += 1
        return asli(self, pejabat, passphrase)

    monkeypatch.setattr(BackendLokal, "periksa_passphrase", periksa)
    return n


def test_it_signs_every_selected_record_with_one_passphrase_check(django_capture_on_commit_callbacks, kabid, hitung_buka):
    daftar = _contoh(3)
    batch = _mulai(django_capture_on_commit_callbacks, kabid, daftar)

    batch.refresh_from_db()
    assert batch.status == TTEMassal.Status.SELESAI and batch.token == ""
    assert hitung_buka["periksa"] == 1  # once per batch, not per record
    for o in daftar:
        o.refresh_from_db()
        assert o.status == "ditandatangani"
    dok = Dokumen.objects.filter(perlu_tte=True)
    assert dok.count() == 3 and all(d.siap and d.ditandatangani_oleh == kabid for d in dok)
    assert sorted(m.to[0] for m in mail.outbox) == ["warga0@contoh.id", "warga1@contoh.id", "warga2@contoh.id"]
    assert massal.tte_massal_hitung(batch) | {} == {
        "total": 3, "ditandatangani": 3, "gagal": 0, "sisa": 0, "berjalan": 3, "terkirim": 3, "selesai": True, "persen": 100,
    }


def test_it_refuses_a_record_with_its_reason_and_goes_on(django_capture_on_commit_callbacks, kabid, pengguna):
    baik = _contoh(2)
    sudah = _contoh(1, status="dicetak")[0]
    batch = _mulai(django_capture_on_commit_callbacks, kabid, [baik[0], sudah, baik[1]])

    item = {i.object_id: i for i in batch.item.all()}
    assert item[sudah.pk].status == ItemTTEMassal.Status.DITOLAK
    assert "tidak dapat dijalankan pada status" in item[sudah.pk].alasan
    assert all(item[o.pk].status == ItemTTEMassal.Status.DIPROSES and item[o.pk].dokumen.siap for o in baik)
    sudah.refresh_from_db()
    assert sudah.status == "dicetak" and not Dokumen.untuk(sudah).exists()
    h = massal.tte_massal_hitung(batch)
    assert (h["ditandatangani"], h["gagal"], h["sisa"]) == (2, 1, 0)
    [gagal] = massal.tte_massal_kegagalan(batch)
    assert gagal["kunci"] == f"{item[sudah.pk].content_type_id}:{sudah.pk}"


def test_a_record_the_official_may_not_sign_is_refused(django_capture_on_commit_callbacks, kabid, kadis):
    """A record the official cannot open (here one that does not exist) is refused without a
    detail that would reveal it; the others are signed."""
    from tests.kernel_app.models import ContohDokumen

    [o] = _contoh(1)
    # A key for a model that is not a process with TTE, and one for a record that does not exist.
    pilihan = [*_kunci([o]), f"{massal.kunci_pilihan(ContohDokumen, 999999)}"]
    with django_capture_on_commit_callbacks(execute=True):
        batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=pilihan, passphrase=PASSPHRASE)
    st = dict(batch.item.values_list("object_id", "status"))
    assert st == {o.pk: "diproses", 999999: "ditolak"}
    assert batch.item.get(object_id=999999).alasan == massal.PESAN_TIDAK_DITEMUKAN


def test_a_wrong_passphrase_signs_nothing_and_counts_once(django_capture_on_commit_callbacks, kabid):
    daftar = _contoh(3)
    batch = _mulai(django_capture_on_commit_callbacks, kabid, daftar, passphrase="salah-salah")

    batch.refresh_from_db()
    assert batch.status == TTEMassal.Status.DITOLAK and "Passphrase salah" in batch.alasan
    assert batch.token == ""
    assert not Dokumen.objects.exists() and not RiwayatStatus.objects.filter(aksi="tandatangani").exists()
    assert set(batch.item.values_list("status", flat=True)) == {"ditolak"}
    assert Pejabat.objects.get(pk=kabid.pk).passphrase_salah == 1
    h = massal.tte_massal_hitung(batch)
    assert (h["ditandatangani"], h["gagal"], h["sisa"], h["selesai"]) == (0, 3, 0, True)


def test_the_pause_after_five_wrong_tries_applies(django_capture_on_commit_callbacks, kabid):
    daftar = _contoh(1)
    for _ in range(5):
        _mulai(django_capture_on_commit_callbacks, kabid, daftar, passphrase="salah-salah")
    from apps.core.workflow import AksiDitolak

    with pytest.raises(AksiDitolak, match="dijeda selama 15 menit"):
        massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(daftar), passphrase=PASSPHRASE)
    assert TTEMassal.objects.count() == 5 and not Dokumen.objects.exists()


def test_a_redelivered_batch_signs_nothing_twice(django_capture_on_commit_callbacks, kabid):
    daftar = _contoh(2)
    batch = _mulai(django_capture_on_commit_callbacks, kabid, daftar)
    assert massal.tte_massal_jalankan(batch.pk) == "selesai"  # the message again: nothing to do
    # A worker that died after the first record: the batch is leased again, its items kept.
    TTEMassal.objects.filter(pk=batch.pk).update(status=TTEMassal.Status.MENUNGGU, token=massal.bungkus(PASSPHRASE, batch_id=batch.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert massal.tte_massal_jalankan(batch.pk) == "selesai"
    assert RiwayatStatus.objects.filter(aksi="tandatangani").count() == 2
    assert Dokumen.objects.count() == 2 and set(Dokumen.objects.values_list("percobaan", flat=True)) == {1}
    assert len(mail.outbox) == 2


def test_an_expired_seal_signs_nothing(django_capture_on_commit_callbacks, kabid, settings):
    daftar = _contoh(1)
    batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(daftar), passphrase=PASSPHRASE)  # job not run
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.TTE_PASSPHRASE_TTL + 60)):
        assert massal.tte_massal_jalankan(batch.pk) == "ditolak"
    batch.refresh_from_db()
    assert "Waktu penandatanganan habis" in batch.alasan and not Dokumen.objects.exists()


def test_the_passphrase_is_not_stored_in_clear(kabid):
    daftar = _contoh(1)
    batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(daftar), passphrase=PASSPHRASE)
    batch.refresh_from_db()
    assert batch.token and PASSPHRASE not in batch.token
    assert massal.buka(batch.token, batch_id=batch.pk) == PASSPHRASE


def test_a_failed_signing_is_retried_on_the_same_document(django_capture_on_commit_callbacks, kabid):
    [o] = _contoh(1)
    batch = _mulai(django_capture_on_commit_callbacks, kabid, [o])
    dok = batch.item.get().dokumen
    # The signing job failed after the transition ran (the record is past its TTE step).
    Dokumen.objects.filter(pk=dok.pk).update(status=Dokumen.Status.GAGAL, galat="disk penuh", ditandatangani_pada=None,
                                             berkas="", email_terkirim_pada=None)
    assert [g["alasan"] for g in massal.tte_massal_kegagalan(batch)] == ["disk penuh"]
    ulang = _mulai(django_capture_on_commit_callbacks, kabid, [o])
    assert ulang.item.get().dokumen_id == dok.pk
    dok.refresh_from_db()
    assert dok.siap and dok.ditandatangani_pada and Dokumen.objects.count() == 1


# -- pages -----------------------------------------------------------------------------------
def test_the_page_lists_the_officials_tte_queue_and_filters(client, kabid):
    daftar = _contoh(3)
    _contoh(1, status="dicetak")
    client.force_login(kabid.user)
    r = client.get(reverse("dokumen:tte-massal"))
    assert r.status_code == 200 and r.context["jumlah"] == 3
    r = client.get(reverse("dokumen:tte-massal"), {"q": daftar[1].kode_lacak[-5:]})
    assert [o.pk for _, o, _ in r.context["kelompok"][0]["baris"]] == [daftar[1].pk]


def test_all_filtered_signs_what_the_filter_selects(client, django_capture_on_commit_callbacks, kabid):
    daftar = _contoh(3)
    client.force_login(kabid.user)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("dokumen:tte-massal-mulai"),
                        {"cakup": "tersaring", "q": daftar[2].kode_lacak, "passphrase": PASSPHRASE})
    batch = TTEMassal.objects.get()
    assert r.status_code == 302 and r.url == reverse("dokumen:tte-massal-detail", args=[batch.pk])
    assert list(batch.item.values_list("object_id", flat=True)) == [daftar[2].pk]
    r = client.get(r.url)
    assert r.status_code == 200 and b'id="tte-selesai"' in r.content


def test_the_progress_block_polls_until_done(client, kabid):
    daftar = _contoh(2)
    batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(daftar), passphrase=PASSPHRASE)
    client.force_login(kabid.user)
    r = client.get(reverse("dokumen:tte-massal-kemajuan", args=[batch.pk]))
    assert r.status_code == 200 and b"hx-trigger" in r.content and b'id="n-sisa">2<' in r.content


def test_it_rejects_get_on_start(client, kabid):
    client.force_login(kabid.user)
    assert client.get(reverse("dokumen:tte-massal-mulai")).status_code == 405


def test_it_requires_a_signing_role(client, pengguna):
    client.force_login(pengguna("verifikator"))
    assert client.get(reverse("dokumen:tte-massal")).status_code == 403
    assert client.post(reverse("dokumen:tte-massal-mulai"), {"passphrase": PASSPHRASE}).status_code == 403
    assert not TTEMassal.objects.exists()


def test_another_officials_batch_is_not_found(client, kabid, kadis):
    batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(_contoh(1)), passphrase=PASSPHRASE)
    client.force_login(kadis.user)
    assert client.get(reverse("dokumen:tte-massal-detail", args=[batch.pk])).status_code == 404
    assert client.get(reverse("dokumen:tte-massal-kemajuan", args=[batch.pk])).status_code == 404


def test_the_sweeper_publishes_a_lost_batch(kabid, settings, django_capture_on_commit_callbacks):
    daftar = _contoh(1)
    batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(daftar), passphrase=PASSPHRASE)  # never published
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.PEKERJAAN_TENGGANG + 5)):
        with django_capture_on_commit_callbacks(execute=True):
            assert massal.sapu_tte_massal() == 1
    batch.refresh_from_db()
    assert batch.status == TTEMassal.Status.SELESAI and Dokumen.objects.get().siap


def test_the_queue_offers_bulk_tte_only_to_the_signing_role(client, kabid, pengguna):
    _contoh(1)
    url = reverse("kernel_app:contohdokumen-antrian")
    client.force_login(kabid.user)
    r = client.get(url)
    assert b'id="tautan-tte-massal"' in r.content and b"proses=kernel_app.contohdokumen" in r.content
    client.force_login(pengguna("operator_siak"))
    r = client.get(url)
    assert r.status_code == 200 and b'id="tautan-tte-massal"' not in r.content


def test_role_rules_hold_per_record_and_a_real_process_signs_through_its_own_service(
    django_capture_on_commit_callbacks, kabid, kadis, pengguna
):
    """A kutipan akta is the kadis's (P.5.1): in the kabid's batch it is refused, the kabid's own
    file goes on; in the kadis's batch it is signed through capil's TTE service (register entry,
    kutipan and register page)."""
    from apps.capil.tests.factories import kelahiran_baru, keluarga_baru

    keluarga, ayah, ibu = keluarga_baru()
    akta = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=keluarga, ayah=ayah, ibu=ibu, status="terverifikasi")
    [o] = _contoh(1)
    batch = _mulai(django_capture_on_commit_callbacks, kabid, [akta, o])
    st = {(i.content_type.model, i.object_id): (i.status, i.alasan) for i in batch.item.all()}
    assert st[("contohdokumen", o.pk)][0] == "diproses"
    status, alasan = st[("pencatatansipil", akta.pk)]
    assert status == "ditolak" and alasan in {"Peran Anda tidak berwenang menjalankan aksi ini.", massal.PESAN_TIDAK_DITEMUKAN}
    akta.refresh_from_db()
    assert akta.status == "terverifikasi" and not Dokumen.untuk(akta).exists()

    batch = _mulai(django_capture_on_commit_callbacks, kadis, [akta])
    assert batch.item.get().status == "diproses"
    akta.refresh_from_db()
    assert akta.status == "ditandatangani"
    assert set(Dokumen.untuk(akta).values_list("jenis", flat=True)) >= {"register_akta"}
    assert all(d.siap and d.ditandatangani_oleh == kadis for d in Dokumen.untuk(akta))


def test_with_bsre_a_wrong_passphrase_costs_one_try_not_one_per_file(bsre, kadis, django_capture_on_commit_callbacks):  # noqa: F811
    """BSrE finds a wrong passphrase only when it signs: the batch signs its first document first
    and stops there, so BSrE sees one wrong try and the other files are not touched."""
    daftar = _contoh(4)
    batch = _mulai(django_capture_on_commit_callbacks, kadis, daftar, passphrase="salah-salah")
    batch.refresh_from_db()
    assert batch.status == TTEMassal.Status.DITOLAK and "Passphrase salah" in batch.alasan
    assert len(bsre.permintaan) == 1  # one signing request reached BSrE
    assert Pejabat.objects.get(pk=kadis.pk).passphrase_salah == 1
    assert Dokumen.objects.count() == 1 and Dokumen.objects.get().status == Dokumen.Status.GAGAL
    h = massal.tte_massal_hitung(batch)
    assert (h["ditandatangani"], h["gagal"], h["sisa"]) == (0, 4, 0)


def test_with_bsre_a_right_passphrase_signs_the_whole_batch(bsre, kadis, django_capture_on_commit_callbacks):  # noqa: F811
    daftar = _contoh(3)
    batch = _mulai(django_capture_on_commit_callbacks, kadis, daftar)
    h = massal.tte_massal_hitung(batch)
    assert (h["ditandatangani"], h["gagal"], h["sisa"]) == (3, 0, 0)
    assert set(Dokumen.objects.values_list("percobaan", flat=True)) == {1}


@pytest.mark.parametrize("n", [2, 20])
def test_the_pages_run_a_fixed_number_of_queries(client, kabid, n, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    daftar = _contoh(n)
    client.force_login(kabid.user)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("dokumen:tte-massal")).status_code == 200
    batch = _mulai(django_capture_on_commit_callbacks, kabid, daftar)
    ItemTTEMassal.objects.filter(batch=batch, pk=batch.item.first().pk).update(status="ditolak", alasan="uji")
    for nama in ("dokumen:tte-massal-detail", "dokumen:tte-massal-kemajuan"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(nama, args=[batch.pk])).status_code == 200


def test_admin_shows_a_batch_read_only_without_its_sealed_passphrase(admin_client, kabid):
    batch = massal.tte_massal_mulai(pengguna=kabid.user, pilihan=_kunci(_contoh(1)), passphrase=PASSPHRASE)  # not run yet
    batch.refresh_from_db()
    r = admin_client.get(reverse("admin:dokumen_ttemassal_change", args=[batch.pk]))
    assert r.status_code == 200 and batch.token and batch.token.encode() not in r.content
    assert admin_client.get(reverse("admin:dokumen_ttemassal_add")).status_code == 403
