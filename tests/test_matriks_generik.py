"""The generic role × action × state matrix of every process model found at run time.

For each concrete process model (``model_proses()``), each state of its status field, each of its
actions and each role of apps/akun/roles.py, a user holding that role posts the action's form to
the kernel's action URL (the one the browser uses), filled with valid data. The action must succeed
exactly when the role is declared on the transition, the state is one of its sources, the role's
object rule holds and the transition's conditions hold; any other attempt is refused (403, 404 or
an error message) and leaves the record's state, version and timeline rows as they were.

Records come from the builders of tests/matriks_pabrik.py; a process model without one fails here.
The totals (combinations tried, successes expected and unexpected, refusals with and without a
change) are printed at the end of the run.
"""

from __future__ import annotations

import datetime
import decimal
import logging
from collections import Counter
from functools import cache

import pytest
from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.test import Client
from django.utils import timezone

from apps.akun.roles import KODE_PERAN
from apps.core.models import RiwayatStatus
from apps.core.urls import url_proses
from apps.core.workflow import aksi_model, kelas_form, model_proses
from apps.dokumen.models import Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401

from .matriks_pabrik import PABRIK, Dunia

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TOTAL: Counter = Counter()
TERCAPAI: set[tuple[str, str, str]] = set()  # (model, action, role) that succeeded somewhere


def label(model) -> str:
    return model._meta.label


def kasus() -> list:
    """(model, state) for every process model and every choice of its status field."""
    return [pytest.param(m, str(s), id=f"{label(m)}-{s}")
            for m in model_proses() for s, _ in m.status_field().flatchoices]


# -- expectations -----------------------------------------------------------------------------
@cache
def _semua_transisi(model) -> tuple:
    return tuple(model.status_field().get_all_transitions(model))


def transisi(model, nama: str, status: str):
    """The django-fsm transitions named ``nama`` that leave ``status`` (a wildcard source counts)."""
    return [t for t in _semua_transisi(model) if t.name == nama and t.source in (status, "*", "+")]


def harus_berhasil(objek, nama: str, kode: str, user) -> bool:
    info = aksi_model(type(objek))[nama]
    if kode not in info.peran:
        return False
    if info.syarat is not None and not info.syarat(objek, user):
        return False
    return any(all(c(objek) for c in t.conditions) for t in transisi(type(objek), nama, objek.status))


def target(objek, nama: str) -> set[str]:
    hasil = set()
    for t in transisi(type(objek), nama, objek.status):
        hasil.update(t.target.allowed_states if hasattr(t.target, "allowed_states") else [t.target])
    return {str(s) for s in hasil if s is not None}


def jejak(objek) -> tuple:
    """What a refusal must leave untouched: state, version, timeline rows."""
    model = type(objek)
    log = (RiwayatStatus.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"))
           .order_by().values("object_id").annotate(n=Count("pk")).values("n"))
    status, versi, n = (model.objects.filter(pk=objek.pk).annotate(n=Subquery(log))
                        .values_list("status", "versi", "n").get())
    return (status, versi, n or 0)


# -- the generic form builder -----------------------------------------------------------------
def _nilai(nilai):
    """A form's initial value as the browser would post it."""
    if isinstance(nilai, models.Model):
        return nilai.pk
    if isinstance(nilai, datetime.datetime):
        return timezone.localtime(nilai).strftime("%Y-%m-%dT%H:%M") if timezone.is_aware(nilai) else nilai.strftime("%Y-%m-%dT%H:%M")
    if isinstance(nilai, datetime.date):
        return nilai.isoformat()
    if isinstance(nilai, datetime.time):
        return nilai.strftime("%H:%M")
    if isinstance(nilai, decimal.Decimal | float):
        return str(nilai)
    if isinstance(nilai, bool):
        return "on" if nilai else None
    if isinstance(nilai, list | tuple | models.QuerySet):
        return [_nilai(v) for v in nilai]
    return nilai


def _pilihan_pertama(field: forms.Field):
    for nilai, _ in field.choices:
        if isinstance(_, list | tuple):  # an optgroup
            return _[0][0]
        if nilai not in ("", None):
            return getattr(nilai, "value", nilai)
    return None


def _isi_wajib(field: forms.Field):
    """A valid value for a required field that has no initial value."""
    hari_ini = timezone.localdate()
    if isinstance(field, forms.ModelMultipleChoiceField):
        pertama = field.queryset.first()
        return [pertama.pk] if pertama else None
    if isinstance(field, forms.ModelChoiceField):
        pertama = field.queryset.first()
        return pertama.pk if pertama else None
    if isinstance(field, forms.MultipleChoiceField):
        return [_pilihan_pertama(field)]
    if isinstance(field, forms.ChoiceField):
        return _pilihan_pertama(field)
    if isinstance(field, forms.BooleanField):
        return "on"
    if isinstance(field, forms.EmailField):
        return "uji@contoh.id"
    if isinstance(field, forms.DateTimeField):
        return (timezone.localtime() - datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
    if isinstance(field, forms.DateField):
        return hari_ini.isoformat()
    if isinstance(field, forms.TimeField):
        return "09:00"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return str(field.min_value if field.min_value is not None else 1)
    return "Uji matriks"


def isian(objek, nama: str, dunia: Dunia) -> dict:
    """Valid form data for action ``nama`` of ``objek``, built from the action's own form as a
    holder of its role would see it: initial values as the page shows them, a value for every
    required field left empty, a PDF for every file field, the passphrase, then what the model's
    builder adds. Built once per record version and action; every role posts the same data."""
    kunci = ("isian", label(type(objek)), objek.pk, objek.versi, nama)
    if kunci not in dunia.simpan:
        dunia.simpan[kunci] = _buat_isian(objek, nama, dunia)
    data = dict(dunia.simpan[kunci])
    for nama_field in data.pop(BERKAS):
        data[nama_field] = SimpleUploadedFile(f"{nama_field}.pdf", PDF, content_type="application/pdf")
    return data


BERKAS = "__berkas__"


def _buat_isian(objek, nama: str, dunia: Dunia) -> dict:
    info = aksi_model(type(objek))[nama]
    pemilik = next((p for p in info.peran if p in dunia.pengguna), None)
    user = dunia.pengguna[pemilik] if pemilik else None
    cls = kelas_form(info)
    kw = {"instance": objek} if issubclass(cls, forms.ModelForm) else {}
    form = cls(None, aksi=info, objek=objek, pengguna=user, initial={"versi": objek.versi}, **kw)
    data: dict = {BERKAS: []}
    for nama_field, f in form.fields.items():
        if isinstance(f, forms.FileField):
            data[BERKAS].append(nama_field)
            continue
        nilai = _nilai(form.get_initial_for_field(f, nama_field))
        if nilai in (None, "", []) and (f.required or nama_field == "catatan"):
            nilai = _isi_wajib(f) if nama_field != "catatan" else "Catatan uji matriks"
        if nilai not in (None, "", []):
            data[nama_field] = nilai
    data["versi"] = objek.versi
    if "passphrase" in form.fields:
        data["passphrase"] = dunia.passphrase
    data.update(PABRIK[label(type(objek))].isian(nama, objek, dunia))
    return data


def alasan(r) -> str:
    """Why a post was refused: the form's errors or the page's messages (for the failure report)."""
    konteks = getattr(r, "context", None)
    if not konteks:
        return ""
    form = konteks.get("form")
    pesan = [str(m) for m in konteks.get("messages", [])]
    return f"{dict(form.errors) if form is not None and form.errors else ''} {pesan}"


# -- the world ----------------------------------------------------------------------------------
@pytest.fixture
def dunia(pengguna, direktori_kunci):  # noqa: F811
    """One user per role; the kabid and the kadis are signing officials (local keys)."""
    semua = {kode: pengguna(kode) for kode in KODE_PERAN}
    Pejabat.objects.create(user=semua["kabid"], nama="Ir. Sri Rahayu, M.M.", nip="197508172000122001",
                           jabatan="Kepala Bidang Pelayanan Pendaftaran Penduduk")
    Pejabat.objects.create(user=semua["kadis"], nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    return Dunia(pengguna=semua, passphrase=PASSPHRASE)


@pytest.fixture
def klien(dunia) -> dict[str, Client]:
    hasil = {}
    for kode, user in dunia.pengguna.items():
        hasil[kode] = Client()
        hasil[kode].force_login(user)
    return hasil


@pytest.fixture(autouse=True)
def _tanpa_log_403():
    """Thousands of expected 403/404s: keep django.request's tracebacks out of the output."""
    logger = logging.getLogger("django.request")
    lama = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(lama)


@pytest.fixture(scope="module", autouse=True)
def _cetak_total(request):
    yield
    if not TOTAL:
        return
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    baris = (
        f"Matriks peran × aksi × status: {len(TOTAL['model'])} model proses, {TOTAL['dicoba']} kombinasi dicoba; "
        f"berhasil {TOTAL['berhasil']} (sesuai harapan) dan {TOTAL['berhasil_tak_terduga']} tak terduga; "
        f"harapan berhasil yang gagal {TOTAL['gagal_tak_terduga']}; "
        f"ditolak {TOTAL['ditolak']}, di antaranya {TOTAL['ditolak_berubah']} mengubah data."
    )
    # Declared (action, role) pairs no state's record let succeed: a builder to extend, or a
    # transition no record can take (shown, not failed: a partial run sees only some states).
    belum = sorted(f"{m}.{a}:{p}" for m in TOTAL["model"] for a, info in aksi_model(apps.get_model(m)).items()
                   for p in info.peran if p in KODE_PERAN and (m, a, p) not in TERCAPAI)
    if belum:
        baris += f"\nAksi yang tidak pernah berhasil untuk perannya ({len(belum)}): {', '.join(belum)}"
    capman = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capman is None:
        print(baris)
        return
    with capman.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(baris)


# -- the tests ------------------------------------------------------------------------------------
def test_every_process_model_has_a_record_builder():
    tanpa = sorted(label(m) for m in model_proses() if label(m) not in PABRIK)
    assert not tanpa, (
        f"Model proses tanpa pembuat rekaman untuk matriks peran: {', '.join(tanpa)}. "
        "Daftarkan fungsi (status, dunia) -> rekaman dengan @pabrik(...) di tests/matriks_pabrik.py "
        "atau apps/<app>/tests/pabrik_matriks.py."
    )


@pytest.mark.parametrize(("model", "status"), kasus())
def test_only_the_declared_role_in_a_source_state_succeeds(model, status, dunia, klien):
    pembuat = PABRIK.get(label(model))
    if pembuat is None:
        pytest.fail(f"{label(model)}: model proses tanpa pembuat rekaman di tests/matriks_pabrik.py; "
                    "setiap proses wajib masuk matriks peran × aksi × status.")
    objek = pembuat.buat(status, dunia)
    assert objek.status == status, f"{label(model)}: pembuat memberi status {objek.status}, bukan {status}"
    TOTAL.setdefault("model", set()).add(label(model))
    salah: list[str] = []
    awal = jejak(objek)  # refusals change nothing, so this holds until a success
    for nama in aksi_model(model):
        for kode in KODE_PERAN:
            user = dunia.pengguna[kode]
            boleh = harus_berhasil(objek, nama, kode, user)
            sasaran = pembuat.buat(status, dunia) if boleh else objek  # a success leaves ``objek`` alone
            sebelum = jejak(sasaran) if boleh else awal
            harapan_target = target(sasaran, nama)
            url = url_proses(model, "aksi", sasaran.pk, nama)
            r = klien[kode].post(url, isian(sasaran, nama, dunia))
            sesudah = jejak(sasaran)
            TOTAL["dicoba"] += 1
            kombinasi = f"{label(model)} status={status} aksi={nama} peran={kode}"
            berhasil = r.status_code == 302 and sesudah != sebelum
            if boleh:
                if berhasil and sesudah[1] == sebelum[1] + 1 and sesudah[2] == sebelum[2] + 1 and (
                        not harapan_target or sesudah[0] in harapan_target):
                    TOTAL["berhasil"] += 1
                    TERCAPAI.add((label(model), nama, kode))
                else:
                    TOTAL["gagal_tak_terduga"] += 1
                    salah.append(f"{kombinasi}: seharusnya berhasil, didapat HTTP {r.status_code} {alasan(r)}, "
                                 f"{sebelum} -> {sesudah}")
                continue
            if berhasil or r.status_code == 302:
                TOTAL["berhasil_tak_terduga"] += 1
                salah.append(f"{kombinasi}: seharusnya ditolak, didapat HTTP {r.status_code}, {sebelum} -> {sesudah}")
                continue
            TOTAL["ditolak"] += 1
            if sesudah != sebelum:
                TOTAL["ditolak_berubah"] += 1
                salah.append(f"{kombinasi}: ditolak (HTTP {r.status_code}) tetapi data berubah {sebelum} -> {sesudah}")
            elif r.status_code not in (400, 403, 404):
                salah.append(f"{kombinasi}: penolakan dengan HTTP {r.status_code}")
            elif kode not in aksi_model(model)[nama].peran and r.status_code not in (403, 404):
                # A role without the action is refused for its role, before state or data are read.
                salah.append(f"{kombinasi}: peran tanpa aksi ini mendapat HTTP {r.status_code}, bukan 403/404")
    assert not salah, "\n".join(salah)
