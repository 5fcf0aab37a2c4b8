"""§7: every state-changing endpoint that is not a transition, role × endpoint.

The kernel's transitions have their own matrices (apps/*/tests/test_matriks.py). These are the
other POST endpoints that change something: the document retry, the background-job retry and
abandon, and the intake pages that create records and store uploads. For each, every role (and an
anonymous visitor) posts a request that would succeed for the declared role: only the declared
roles succeed (0 unexpected successes), and a refusal leaves the state as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.akun.roles import KODE_PERAN
from apps.core.models import Lampiran
from apps.core.workflow import jalankan_aksi
from apps.dokumen.models import Dokumen
from apps.dokumen.services import dokumen_tandatangani, dokumen_terbitkan
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kabid, kadis  # noqa: F401

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ANONIM = "(anonim)"


@dataclass
class Titik:
    """One endpoint: how to post to it, what state it changes, who may."""

    url: str
    data: Callable[[], dict]
    keadaan: Callable[[], object]
    boleh: frozenset[str]


@pytest.fixture(autouse=True)
def _tanpa_job(monkeypatch):
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    monkeypatch.setattr("apps.dokumen.jobs.antrekan_proses", lambda *a, **k: None, raising=False)


def _contoh(status="terverifikasi"):
    from tests.kernel_app.models import ContohDokumen

    return ContohDokumen.objects.create(status=status)


def _gagal(dok: Dokumen) -> Dokumen:
    Dokumen.objects.filter(pk=dok.pk).update(status=Dokumen.Status.GAGAL, galat="disk penuh")
    return dok


def _keadaan_dokumen(dok):
    return lambda: Dokumen.objects.filter(pk=dok.pk).values_list("status", "ditandatangani_oleh", "token_tte").get()


def titik_ulangi_tte(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    """Retry of a kutipan-like document the kadis signed at the TTE step: the kadis only."""
    objek = _contoh()
    jalankan_aksi(objek=objek, aksi="tandatangani", pengguna=kadis.user)
    dok = _gagal(dokumen_tandatangani(objek=objek, jenis="surat", pejabat=kadis, passphrase=PASSPHRASE, kirim_email=False))
    return Titik(reverse("dokumen:dokumen-ulangi", args=[dok.pk]), lambda: {"passphrase": PASSPHRASE},
                 _keadaan_dokumen(dok), frozenset({"kadis"}))


def titik_ulangi_cetak(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    """Retry of an unsigned document issued at the cetak step: the role of that step only."""
    objek = _contoh("ditandatangani")
    operator = pengguna("operator_siak")
    jalankan_aksi(objek=objek, aksi="cetak", pengguna=operator)
    dok = _gagal(dokumen_terbitkan(objek=objek, jenis="tanda_terima", oleh=operator))
    return Titik(reverse("dokumen:dokumen-ulangi", args=[dok.pk]), dict, _keadaan_dokumen(dok),
                 frozenset({"operator_siak"}))


def titik_pekerjaan_ulangi(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    objek = _contoh("ditandatangani")
    dok = _gagal(dokumen_terbitkan(objek=objek, jenis="tanda_terima"))
    return Titik(reverse("dokumen:pekerjaan-ulangi", args=["dokumen", dok.pk]), dict, _keadaan_dokumen(dok),
                 frozenset({"admin_piak", "admin"}))


def titik_pekerjaan_tinggalkan(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    objek = _contoh("ditandatangani")
    dok = _gagal(dokumen_terbitkan(objek=objek, jenis="tanda_terima"))
    return Titik(reverse("dokumen:pekerjaan-tinggalkan", args=["dokumen", dok.pk]), lambda: {"alasan": "Uji"},
                 _keadaan_dokumen(dok), frozenset({"admin_piak", "admin"}))


def titik_surat_masuk_baru(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    from apps.umum.models import SuratMasuk
    from apps.umum.tests.conftest import data_surat

    def data():
        d = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data_surat().items()}
        return {**d, "pindaian": SimpleUploadedFile("surat.pdf", PDF)}

    return Titik(reverse("umum:suratmasuk-baru"), data, lambda: (SuratMasuk.objects.count(), Lampiran.objects.count()),
                 frozenset({"tata_usaha"}))


def _isian_pendaftaran(lay):
    data = {"layanan": lay.pk, "nik": "3575014107900003", "nama": "SITI AMINAH", "no_kk": "3575010101200001",
            "alamat": "Jl. Hayam Wuruk 1", "email": "siti@example.id", "telepon": "081234567890"}
    for p in lay.persyaratan.filter(wajib=True):
        data[f"syarat_{p.pk}"] = "on"
        data[f"berkas_{p.pk}"] = SimpleUploadedFile("pindaian.pdf", PDF)
    return data


def titik_pendaftaran_baru(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    from apps.pendaftaran.models import PermohonanDenganVerifikasi
    from apps.pendaftaran.tests.factories import layanan

    lay = layanan("kk", "hilang")
    return Titik(reverse("pendaftaran:baru"), lambda: _isian_pendaftaran(lay),
                 lambda: (PermohonanDenganVerifikasi.objects.count(), Lampiran.objects.count()), frozenset({"petugas_fo"}))


def titik_pendaftaran_integrasi(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    from apps.pendaftaran.models import PermohonanIntegrasi
    from apps.pendaftaran.tests.factories import instansi_mitra, jadikan_petugas_mitra, layanan, pastikan_keluarga

    jadikan_petugas_mitra(pengguna("petugas_integrasi"), instansi_mitra())
    lay = layanan("kk", "perubahan_data")
    # The partner records the KK's change, for a member of a family in the register.
    pastikan_keluarga("3575010101200001", "3575014107900003", "SITI AMINAH")
    ubah = {"ubah_nik_1": "3575014107900003", "ubah_kolom_1": "pekerjaan", "ubah_nilai_1": "GURU"}
    return Titik(reverse("pendaftaran:integrasi-baru"), lambda: {**_isian_pendaftaran(lay), **ubah},
                 lambda: (PermohonanIntegrasi.objects.count(), Lampiran.objects.count()), frozenset({"petugas_integrasi"}))


def titik_tte_massal(pengguna, kadis, kabid) -> Titik:  # noqa: F811
    """Start of a bulk TTE: only the roles of a TTE action (kabid, kadis)."""
    from apps.dokumen.massal import kunci_pilihan
    from apps.dokumen.models import TTEMassal

    objek = _contoh()
    return Titik(reverse("dokumen:tte-massal-mulai"),
                 lambda: {"pilih": [kunci_pilihan(type(objek), objek.pk)], "passphrase": PASSPHRASE, "cakup": "pilihan"},
                 lambda: TTEMassal.objects.count(), frozenset({"kabid", "kadis"}))


TITIK = {
    "dokumen-ulangi (TTE kadis)": titik_ulangi_tte,
    "tte-massal-mulai": titik_tte_massal,
    "dokumen-ulangi (langkah cetak)": titik_ulangi_cetak,
    "pekerjaan-ulangi": titik_pekerjaan_ulangi,
    "pekerjaan-tinggalkan": titik_pekerjaan_tinggalkan,
    "suratmasuk-baru": titik_surat_masuk_baru,
    "pendaftaran-baru": titik_pendaftaran_baru,
    "pendaftaran-integrasi-baru": titik_pendaftaran_integrasi,
}


def _berhasil(r, sebelum, sesudah) -> bool:
    return r.status_code in (200, 302) and "/masuk/" not in r.get("Location", "") and sebelum != sesudah


@pytest.mark.parametrize("nama", list(TITIK))
def test_only_the_declared_roles_succeed_and_a_refusal_changes_nothing(client, pengguna, kadis, kabid, nama):  # noqa: F811
    titik = TITIK[nama](pengguna, kadis, kabid)
    users = {kode: pengguna(kode) for kode in KODE_PERAN}
    users["kadis"], users["kabid"] = kadis.user, kabid.user
    tak_terduga, tertolak_salah = [], []
    # Refused roles first, on the same state: none may change it.
    for kode in [ANONIM, *[k for k in KODE_PERAN if k not in titik.boleh]]:
        client.logout()
        if kode != ANONIM:
            client.force_login(users[kode])
        sebelum = titik.keadaan()
        r = client.post(titik.url, titik.data())
        sesudah = titik.keadaan()
        if _berhasil(r, sebelum, sesudah):
            tak_terduga.append(kode)
        elif sebelum != sesudah or r.status_code not in (302, 400, 403, 404):
            tertolak_salah.append((kode, r.status_code))
    assert tak_terduga == [], f"{nama}: unexpected successes"
    assert tertolak_salah == [], f"{nama}: a refusal changed state or answered oddly"
    # The declared role succeeds on the very same state (so the refusals were for the role).
    kode = sorted(titik.boleh)[0]
    client.logout()
    client.force_login(users[kode])
    sebelum = titik.keadaan()
    r = client.post(titik.url, titik.data())
    assert _berhasil(r, sebelum, titik.keadaan()), (nama, kode, r.status_code)


def test_capil_intake_refuses_every_role_but_the_front_office(client, pengguna):
    """P.5.1 intake (creates a request and stores scans): refused before any form is read."""
    from apps.capil.models import PencatatanSipil

    url = reverse("capil:pencatatan-baru-jenis", args=["kelahiran"])
    tak_terduga = []
    for kode in KODE_PERAN:
        client.force_login(pengguna(kode))
        r = client.post(url, {"umum-pelapor_nama": "X", "syarat-0": SimpleUploadedFile("a.pdf", PDF)})
        if (r.status_code != 403) != (kode == "petugas_fo"):
            tak_terduga.append((kode, r.status_code))
    client.logout()
    assert client.post(url, {}).status_code == 302
    assert tak_terduga == [] and not PencatatanSipil.objects.exists() and not Lampiran.objects.exists()


def test_citizen_account_endpoints_give_every_role_the_same_and_no_role_more(client, pengguna):
    """Sign-up, log-in and log-out of citizens' accounts (akun.warga) are public pages: every role
    and an anonymous visitor get the same answer; none gains a citizen's list from a staff session,
    and none gains or loses a role or its staff session through them."""
    from django.core.cache import cache
    from django.utils import timezone

    from apps.akun.models import AkunWarga
    from apps.core.peran import peran_pengguna

    sandi = "Kopi-Tubruk-2026"
    salah = []
    for kode in [ANONIM, *KODE_PERAN]:
        cache.clear()  # the per-address sign-up limit
        client.logout()
        user = None if kode == ANONIM else pengguna(kode)
        if user is not None:
            client.force_login(user)
        email = f"w-{kode.strip('()')}@contoh.id"
        r = client.post(reverse("akun:warga-daftar"), {"nama": "Warga", "email": email, "kata_sandi": sandi,
                                                       "kata_sandi2": sandi, "situs": ""})
        dibuat = AkunWarga.objects.filter(email=email, terverifikasi_pada__isnull=True).exists()
        daftar_saya = client.get(reverse("akun:warga-permohonan"))
        AkunWarga.objects.filter(email=email).update(terverifikasi_pada=timezone.now())
        masuk = client.post(reverse("akun:warga-masuk"), {"email": email, "kata_sandi": sandi})
        keluar = client.post(reverse("akun:warga-keluar"))
        sesudah = client.get(reverse("akun:beranda")).wsgi_request.user
        hasil = (r.status_code, dibuat, daftar_saya.get("Location"), masuk.get("Location"), keluar.status_code)
        harap = (302, True, reverse("akun:warga-masuk"), reverse("akun:warga-permohonan"), 302)
        tetap = (sesudah.is_authenticated, peran_pengguna(sesudah)) == (user is not None, frozenset({kode} if user else ()))
        if hasil != harap or not tetap:
            salah.append((kode, hasil, tetap))
    assert salah == []


def test_citizen_account_reset_and_resend_give_every_role_the_same_and_no_role_more(client, pengguna):
    """"Lupa kata sandi", "Kirim ulang tautan verifikasi" and the reset link (akun.warga) are public
    pages: every role and an anonymous visitor get the same answer, the reset changes only the
    citizen's password, and no staff session or role is gained or lost through them."""
    from django.core.cache import cache

    from apps.akun.models import AkunWarga
    from apps.akun.warga import token_reset
    from apps.core.peran import peran_pengguna

    salah = []
    for kode in [ANONIM, *KODE_PERAN]:
        cache.clear()  # the per-address limits
        client.logout()
        user = None if kode == ANONIM else pengguna(kode)
        if user is not None:
            client.force_login(user)
        email = f"r-{kode.strip('()')}@contoh.id"
        akun = AkunWarga(email=email, nama="Warga")
        akun.atur_kata_sandi("Kopi-Tubruk-2026")
        akun.save()
        lupa = client.post(reverse("akun:warga-lupa"), {"email": email, "situs": ""})
        ulang = client.post(reverse("akun:warga-kirim-ulang"), {"email": email, "situs": ""})
        baru = "Teh-Poci-2027"
        reset = client.post(reverse("akun:warga-reset", args=[token_reset(akun)]), {"kata_sandi": baru, "kata_sandi2": baru})
        akun.refresh_from_db()
        sesudah = client.get(reverse("akun:beranda")).wsgi_request.user
        terkirim = reverse("akun:warga-tautan-terkirim")
        hasil = (lupa.get("Location"), ulang.get("Location"), reset.status_code, akun.cek_kata_sandi(baru))
        tetap = (sesudah.is_authenticated, peran_pengguna(sesudah)) == (user is not None, frozenset({kode} if user else ()))
        if hasil != (terkirim, terkirim, 200, True) or not tetap:
            salah.append((kode, hasil, tetap))
    assert salah == []


def test_public_online_filing_is_open_to_anyone_and_creates_only_a_held_filing(client, pengguna, django_capture_on_commit_callbacks):
    """The public filing pages (apps.publik.views_daring) need no account: an anonymous visitor and
    every role may post them. What step 2 keeps is a held filing (PengajuanDaring and its scans),
    never a request in a queue; "Kirim" only sends the email; the request exists only once the
    emailed link is opened."""
    from django.core import mail
    from django.core.cache import cache

    from apps.pendaftaran.models import PermohonanDenganVerifikasi
    from apps.pendaftaran.tests.factories import layanan
    from apps.publik.models import PengajuanDaring

    lay = layanan("kk", "hilang")
    data = {k: v for k, v in _isian_pendaftaran(lay).items() if not k.startswith(("berkas_", "syarat_", "layanan"))}
    salah = []
    for kode in [ANONIM, *KODE_PERAN]:
        cache.clear()  # the per-address limit: every role posts from the same test address
        client.logout()
        if kode != ANONIM:
            client.force_login(pengguna(kode))
        sebelum = PengajuanDaring.objects.count()
        r1 = client.post(reverse("publik:daring-layanan", args=[lay.kode]), data)
        berkas = {f"berkas_{p.pk}": SimpleUploadedFile("pindaian.pdf", PDF) for p in lay.persyaratan.filter(wajib=True)}
        r2 = client.post(reverse("publik:daring-layanan-berkas", args=[lay.kode]), berkas)
        with django_capture_on_commit_callbacks(execute=True):
            r3 = client.post(reverse("publik:daring-layanan-periksa", args=[lay.kode]))
        if (r1.status_code, r2.status_code, r3.status_code) != (302, 302, 302) or PengajuanDaring.objects.count() != sebelum + 1:
            salah.append((kode, r1.status_code, r2.status_code, r3.status_code))
    assert salah == []
    assert not PermohonanDenganVerifikasi.objects.exists() and len(mail.outbox) == len(KODE_PERAN) + 1
    tautan = next(b for b in mail.outbox[0].body.split() if "/daring/konfirmasi-pengajuan/" in b)
    client.logout()
    assert client.get(tautan).status_code == 200 and not PermohonanDenganVerifikasi.objects.exists()
    assert client.post(tautan).status_code == 200 and PermohonanDenganVerifikasi.objects.count() == 1
