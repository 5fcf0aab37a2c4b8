"""Management commands of the kernel: state diagrams and the clean-up of orphaned files."""

import os
import time
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from apps.core.management.commands.graph_transitions import dot_model
from apps.core.models import Lampiran
from apps.core.workflow import model_proses
from tests.kernel_app.models import Contoh

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_graph_transitions_writes_one_file_per_process(tmp_path):
    out = StringIO()
    call_command("graph_transitions", "--out", str(tmp_path), stdout=out)
    nama = sorted(p.name for p in tmp_path.glob("*.dot"))
    assert nama == sorted(f"{m._meta.label_lower}.dot" for m in model_proses())
    assert "kernel_app.contoh.dot" in nama


def test_graph_shows_states_actions_and_roles():
    dot = dot_model(Contoh)
    assert dot.startswith('digraph "kernel_app.Contoh" {')
    assert '"diajukan" [label="Diajukan"];' in dot
    assert '"terverifikasi" [label="Terverifikasi", peripheries=2];' in dot
    assert "__awal -> \"diajukan\";" in dot
    assert '"diajukan" -> "lengkap" [label="Berkas lengkap\\n(petugas_fo)"];' in dot
    assert '"lengkap" -> "terverifikasi" [label="Verifikasi\\n(verifikator)"];' in dot
    assert '"terverifikasi" -> "terverifikasi" [label="Catat\\n(verifikator)"];' in dot
    assert dot.count("->") == 5  # four transitions and the start arrow


def test_graph_transitions_for_one_model(tmp_path):
    call_command("graph_transitions", "--out", str(tmp_path), "--model", "kernel_app.Contoh", stdout=StringIO())
    assert [p.name for p in tmp_path.iterdir()] == ["kernel_app.contoh.dot"]


def test_graph_transitions_rejects_an_unknown_model(tmp_path):
    with pytest.raises(CommandError):
        call_command("graph_transitions", "--out", str(tmp_path), "--model", "core.HariLibur", stdout=StringIO())


def _tua(path, jam=48):
    t = time.time() - jam * 3600
    os.utime(path, (t, t))


@pytest.fixture
def berkas(settings, db, pengguna):
    """One attachment with its row, one orphaned file older than a day, one orphan just written."""
    obj = Contoh.objects.create(nama="Uji")
    lampiran = Lampiran.simpan(objek=obj, berkas=SimpleUploadedFile("kk.pdf", PDF), keterangan="KK")
    akar = settings.MEDIA_ROOT / "lampiran" / "2026" / "10"
    akar.mkdir(parents=True, exist_ok=True)
    yatim = akar / "yatim.pdf"
    yatim.write_bytes(PDF)
    baru = settings.MEDIA_ROOT / "lampiran" / "2026" / "11" / "baru.pdf"
    baru.parent.mkdir(parents=True, exist_ok=True)
    baru.write_bytes(PDF)
    _tua(yatim)
    _tua(lampiran.berkas.path)
    # Stamped by the process clock, not the file system's: the age check reads both the same way
    # even when the clock is moved (faketime).
    _tua(baru, jam=0)
    return lampiran, yatim, baru


def test_it_removes_old_orphans_only(berkas):
    lampiran, yatim, baru = berkas
    out = StringIO()
    call_command("bersihkan_berkas", stdout=out)
    assert not yatim.exists()
    assert not yatim.parent.exists()  # the emptied month folder goes too
    assert baru.exists()  # younger than a day: its transaction may still be running
    assert os.path.exists(lampiran.berkas.path)
    assert "1 berkas yatim dihapus" in out.getvalue()


def test_dry_run_deletes_nothing(berkas):
    lampiran, yatim, baru = berkas
    out = StringIO()
    call_command("bersihkan_berkas", "--coba", stdout=out)
    assert yatim.exists()
    assert "akan dihapus: lampiran/2026/10/yatim.pdf" in out.getvalue()


def test_age_limit_is_configurable(berkas):
    lampiran, yatim, baru = berkas
    _tua(baru, jam=2)
    call_command("bersihkan_berkas", "--umur-jam", "1", stdout=StringIO())
    assert not baru.exists()
    assert os.path.exists(lampiran.berkas.path)


def test_it_tolerates_a_missing_folder(settings, db):
    out = StringIO()
    call_command("bersihkan_berkas", stdout=out)
    assert "Tidak ada folder lampiran" in out.getvalue()


def test_beat_schedule_names_registered_tasks():
    from django.conf import settings

    from dukcapil.celery import app

    app.loader.import_default_modules()
    for nama, entri in settings.CELERY_BEAT_SCHEDULE.items():
        assert entri["task"] in app.tasks, nama


def test_housekeeping_task_runs_the_command(settings, tmp_path):
    from apps.core.tasks import bersihkan_berkas

    settings.MEDIA_ROOT = tmp_path
    assert bersihkan_berkas.apply().get() == "Tidak ada folder lampiran."
