"""``python manage.py graph_transitions [--out DIR] [--model app.Model]``: the state machines as Graphviz.

One ``<app_label>.<model>.dot`` file per process model: its states (final ones double-ringed, the
initial one marked by an arrow), and one edge per transition labelled with the action and the roles
that may take it, read from ``core.workflow.aksi_model`` — the same declaration the kernel enforces.
Render with ``dot -Tsvg file.dot -o file.svg``.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.core.peta import teks_kode
from apps.core.workflow import aksi_model, model_proses, status_alur


def _kutip(teks) -> str:
    return '"' + str(teks).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _target(t) -> list[str]:
    if isinstance(t.target, str):
        return [t.target]
    return [str(s) for s in getattr(t.target, "allowed_states", []) or []]


def dot_model(model) -> str:
    """The Graphviz source of ``model``'s state machine."""
    field = model.status_field()
    # Only the states of this flow: P.4.1's flows share one Status enum but not all its states.
    alur = set(status_alur(model))
    label_status = {str(k): str(v) for k, v in field.flatchoices if str(k) in alur}
    semua = list(label_status)
    awal = field.get_default()
    akhir = {str(s) for s in model.STATUS_AKHIR}
    aksi = aksi_model(model)

    sisi: dict[tuple[str, str], list[str]] = {}
    for t in field.get_all_transitions(model):
        info = aksi.get(t.name)
        label = info.label if info else t.name
        peran = ", ".join(info.peran) if info and info.peran else "?"
        teks = f"{label}\n({peran})"
        targets = _target(t) or ["?"]
        for ke in targets:
            if t.source == "*":
                sumber = semua
            elif t.source == "+":
                sumber = [s for s in semua if s != ke]
            else:
                sumber = [str(t.source)]
            for dari in sumber:
                daftar = sisi.setdefault((dari, ke), [])
                if teks not in daftar:
                    daftar.append(teks)

    meta = model._meta
    judul = f"{teks_kode(model)} {meta.verbose_name_plural}".strip()
    baris = [
        f"digraph {_kutip(meta.label)} {{",
        f"  label={_kutip(judul)}; labelloc=t; rankdir=LR; fontname=\"DejaVu Sans\";",
        '  node [shape=box, style="rounded", fontname="DejaVu Sans"];',
        '  edge [fontname="DejaVu Sans", fontsize=10];',
        '  __awal [shape=point, label=""];',
    ]
    for nilai, nama in label_status.items():
        atribut = ["peripheries=2"] if nilai in akhir else []
        baris.append(f"  {_kutip(nilai)} [label={_kutip(nama)}{''.join(', ' + a for a in atribut)}];")
    if "?" in {ke for _, ke in sisi}:
        baris.append('  "?" [label="(ditentukan saat aksi)", shape=ellipse, style=dashed];')
    if awal is not None:
        baris.append(f"  __awal -> {_kutip(awal)};")
    for (dari, ke), label in sisi.items():
        baris.append(f"  {_kutip(dari)} -> {_kutip(ke)} [label={_kutip(chr(10).join(label))}];")
    baris.append("}")
    return "\n".join(baris) + "\n"


class Command(BaseCommand):
    help = "Menulis diagram status setiap proses (Graphviz .dot): status, aksi, dan peran yang boleh menjalankannya."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "var" / "diagram"), help="Folder keluaran.")
        parser.add_argument("--model", action="append", default=[], help="Hanya model ini (app_label.Model); boleh diulang.")

    def handle(self, *args, out, model, **opts):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        daftar = sorted(model_proses(), key=lambda m: m._meta.label)
        if model:
            diminta = {m.lower() for m in model}
            daftar = [m for m in daftar if m._meta.label_lower in diminta]
            if not daftar:
                raise CommandError(f"Model proses tidak ditemukan: {', '.join(model)}")
        for m in daftar:
            path = folder / f"{m._meta.label_lower}.dot"
            path.write_text(dot_model(m), encoding="utf-8")
            self.stdout.write(str(path))
        self.stdout.write(self.style.SUCCESS(f"{len(daftar)} diagram ditulis ke {folder}"))
