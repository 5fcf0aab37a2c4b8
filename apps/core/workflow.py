"""Running and reading the state machines of process models.

``jalankan_aksi`` is the one way a transition is taken anywhere in the portal (views, services,
tests): it checks the permission django-fsm-2 leaves unchecked, guards against a stale page and a
concurrent save, saves, and writes the log row, all in one transaction.

Each transition may describe itself in ``custom``:
- ``label``: the button text ("Verifikasi", "Kembalikan ke pemohon");
- ``form``: dotted path of the action's form (default ``core.forms.AksiForm``: a note and an
  optional attachment);
- ``layanan``: dotted path of the service to call instead of the bare transition, when the step has
  consequences (documents, email). It is called as ``layanan(objek=, pengguna=, form=)`` and must
  itself call ``jalankan_aksi``;
- ``wajib_catatan``: a reason is required (every return);
- ``catatan_publik``: the note is shown to the person the file goes back to (status page);
- ``gaya``: Bootstrap button colour ("success", "danger", ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_fsm import ConcurrentTransition, Transition, get_available_user_FIELD_transitions, has_transition_perm

from .models import Lampiran, Proses, RiwayatStatus
from .peran import Peran, peran_pengguna


class AksiDitolak(Exception):
    """A domain refusal; its message is shown to the user as is (Bahasa Indonesia)."""


class Konflik(AksiDitolak):
    """Someone else acted on the record since the user opened it."""


PESAN_KONFLIK = (
    "Berkas ini baru saja diproses oleh petugas lain, sehingga aksi Anda tidak dijalankan. "
    "Periksa status terbaru di bawah; isian Anda masih tersimpan di formulir."
)


@dataclass(frozen=True)
class Aksi:
    """A transition as the screens and tests see it."""

    nama: str
    label: str
    sumber: tuple[str, ...]
    target: str | None
    peran: tuple[str, ...]
    form: str = "apps.core.forms.AksiForm"
    layanan: str | None = None
    wajib_catatan: bool = False
    catatan_publik: bool = False
    gaya: str = "primary"
    custom: dict = field(default_factory=dict, compare=False, hash=False)
    # The object-level rule of the role, if any (``peran(..., syarat=...)``).
    syarat: object = field(default=None, compare=False, hash=False)


def model_proses() -> list[type[Proses]]:
    """Every concrete process model of the project."""
    return [m for m in apps.get_models() if issubclass(m, Proses)]


@cache
def aksi_model(model: type[Proses]) -> dict[str, Aksi]:
    """All transitions of ``model`` by name, with their sources merged."""
    hasil: dict[str, Aksi] = {}
    per_nama: dict[str, list[Transition]] = {}
    for t in model.status_field().get_all_transitions(model):
        per_nama.setdefault(t.name, []).append(t)
    for nama, daftar in per_nama.items():
        t = daftar[0]
        perm = t.permission
        c = dict(t.custom)
        hasil[nama] = Aksi(
            nama=nama,
            label=c.get("label", nama.replace("_", " ").capitalize()),
            sumber=tuple(sorted({x.source for x in daftar})),
            target=t.target if isinstance(t.target, str) else None,
            peran=perm.kode if isinstance(perm, Peran) else (),
            form=c.get("form", "apps.core.forms.AksiForm"),
            layanan=c.get("layanan"),
            wajib_catatan=c.get("wajib_catatan", False),
            catatan_publik=c.get("catatan_publik", False),
            gaya=c.get("gaya", "primary"),
            custom=c,
            syarat=perm.syarat if isinstance(perm, Peran) else None,
        )
    return hasil


def peran_proses(model: type[Proses]) -> frozenset[str]:
    """Roles that act in this process, plus those allowed to read it."""
    kode = {p for a in aksi_model(model).values() for p in a.peran}
    return frozenset(kode) | frozenset(model.PERAN_LIHAT)


def status_antrian(model: type[Proses], user) -> list[str]:
    """States in which the user's roles have an action: the user's work queue of this process."""
    milik = peran_pengguna(user)
    return sorted({s for a in aksi_model(model).values() if milik & set(a.peran) for s in a.sumber})


def status_alur(model: type[Proses]) -> list[str]:
    """The states this model's flow can be in (its initial state, every source and target), in the
    order of the choices: flows that share a ``Status`` enum (P.4.1) each offer only their own."""
    semua = [str(s) for s, _ in model.status_field().flatchoices]
    aksi = aksi_model(model).values()
    if any(s in ("*", "+") for a in aksi for s in a.sumber) or any(a.target is None for a in aksi):
        return semua
    ada = {str(model.status_field().get_default())}
    ada |= {str(s) for a in aksi for s in a.sumber} | {str(a.target) for a in aksi}
    return [s for s in semua if s in ada]


def aksi_tersedia(objek: Proses, user) -> list[Aksi]:
    """Actions the user may take on ``objek`` now (state, conditions and role all met)."""
    semua = aksi_model(type(objek))
    nama = {t.name for t in get_available_user_FIELD_transitions(objek, user, objek.status_field())}
    return [a for n, a in semua.items() if n in nama]


def ambil_aksi(objek: Proses, nama: str) -> Aksi:
    """The allow-listed action ``nama`` of the record's model, or AksiDitolak."""
    aksi = aksi_model(type(objek)).get(nama)
    if aksi is None:
        raise AksiDitolak("Aksi tidak dikenal.")
    return aksi


def jalankan_aksi(
    *,
    objek: Proses,
    aksi: str,
    pengguna,
    catatan: str = "",
    versi: int | None = None,
    data: dict | None = None,
    lampiran=(),
    sebelum_simpan=None,
) -> RiwayatStatus:
    """Take transition ``aksi`` on ``objek`` as ``pengguna`` and log it; return the log row.

    - 403 (PermissionDenied) when the user's role may not take it, whatever the state;
    - AksiDitolak when the state or a condition does not allow it, or a required reason is missing;
    - Konflik when ``versi`` (what the user saw) is stale or another save won the race.
    Nothing is written in any of these cases. ``sebelum_simpan(objek)`` may set more fields
    (e.g. the data an action form edits) inside the same transaction.
    """
    info = ambil_aksi(objek, aksi)
    metode = getattr(objek, aksi)
    if not (peran_pengguna(pengguna) & set(info.peran)):
        raise PermissionDenied("Peran Anda tidak berwenang menjalankan aksi ini.")
    if info.syarat is not None and not info.syarat(objek, pengguna):
        raise PermissionDenied("Berkas ini bukan bagian tugas Anda.")
    if versi is not None and int(versi) != objek.versi:
        raise Konflik(PESAN_KONFLIK)
    if not has_transition_perm(metode, pengguna):
        raise AksiDitolak(f"Aksi “{info.label}” tidak dapat dijalankan pada status “{objek.status_label}”.")
    catatan = (catatan or "").strip()
    if info.wajib_catatan and not catatan:
        raise AksiDitolak("Alasan wajib diisi agar penerima tahu apa yang harus diperbaiki.")

    dari = objek.status
    try:
        with transaction.atomic():
            if sebelum_simpan:
                sebelum_simpan(objek)
            metode(oleh=pengguna, data=data or {})
            objek.versi += 1
            objek.status_sejak = timezone.now() if objek.status != dari else objek.status_sejak
            # Proses.save also rewrites the record's row of the cross-process index (state, label,
            # the roles whose queue it is now in) inside this transaction.
            objek.save()
            log = RiwayatStatus.objects.create(
                content_type=ContentType.objects.get_for_model(objek),
                object_id=objek.pk,
                aksi=aksi,
                aksi_label=info.label,
                dari=dari,
                ke=objek.status,
                oleh=pengguna,
                peran=", ".join(sorted(peran_pengguna(pengguna) & set(info.peran))),
                catatan=catatan,
                catatan_publik=info.catatan_publik,
            )
            for berkas, keterangan in lampiran:
                Lampiran.simpan(objek=objek, berkas=berkas, keterangan=keterangan, oleh=pengguna, riwayat=log)
    except ConcurrentTransition as exc:
        objek.refresh_from_db()
        raise Konflik(PESAN_KONFLIK) from exc
    except Exception:
        # The in-memory record may hold the half-applied transition; reload what the database has.
        if objek.pk:
            objek.refresh_from_db()
        raise
    return log


def catat_pembuatan(*, objek: Proses, pengguna, catatan: str = "", label: str = "Permohonan dicatat") -> RiwayatStatus:
    """The first timeline row of a new record (its creation is not a transition).

    Called once the record and the rows created with it (a capil event's details) are saved, so
    its row of the cross-process index is written again with the complete summary."""
    from .indeks import indeks_tulis

    indeks_tulis(objek)
    return RiwayatStatus.objects.create(
        content_type=ContentType.objects.get_for_model(objek),
        object_id=objek.pk,
        aksi="buat",
        aksi_label=label,
        dari="",
        ke=objek.status,
        oleh=pengguna,
        peran=", ".join(sorted(peran_pengguna(pengguna))) if pengguna else "",
        catatan=catatan,
    )


def riwayat(objek: Proses):
    return (
        RiwayatStatus.objects.filter(content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk)
        .select_related("oleh")
        .prefetch_related("lampiran")
    )


def lampiran_dari(objek: Proses):
    return Lampiran.objects.filter(content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk)


def panggil_layanan(info: Aksi):
    return import_string(info.layanan) if info.layanan else None


def kelas_form(info: Aksi):
    return import_string(info.form)


def jalankan_dari_form(*, objek: Proses, info: Aksi, pengguna, form) -> RiwayatStatus | None:
    """Run an action from its validated form: the model's service if it names one, else the bare
    transition with the form's note, attachment and data (ModelForm fields applied to the record)."""
    layanan = panggil_layanan(info)
    if layanan is not None:
        return layanan(objek=objek, pengguna=pengguna, form=form)
    return jalankan_form(objek=objek, pengguna=pengguna, form=form, aksi=info.nama)


def jalankan_form(*, objek: Proses, pengguna, form, aksi: str | None = None, sebelum_simpan=None) -> RiwayatStatus:
    """The bare transition of ``form.aksi`` with the form's note, version, data and attachments.

    What a ``layanan`` calls for the transition itself, before or after its own consequences
    (inside its own ``transaction.atomic()`` when they must land together).
    """
    # A ModelForm's is_valid() has already copied its fields onto the record; the transition's
    # save persists them in the same transaction as the state change.
    return jalankan_aksi(
        objek=objek,
        aksi=aksi or form.aksi.nama,
        pengguna=pengguna,
        catatan=form.cleaned_data.get("catatan", ""),
        versi=form.cleaned_data.get("versi"),
        data=form.data_aksi(),
        lampiran=form.daftar_lampiran(),
        sebelum_simpan=sebelum_simpan,
    )
