"""Writes of P.1.2.3 (BMD): the stock-take, the divisions' needs, the reconciled register."""

from __future__ import annotations

from django.db import transaction

from apps.core.workflow import catat_pembuatan, jalankan_form

from .models import Aset, Inventarisasi, KebutuhanBarang


def inventarisasi_buka(*, pengguna, data: dict) -> Inventarisasi:
    """P.1.2.3.1 — the pengurus barang orders the stock-take of a budget year."""
    with transaction.atomic():
        inv = Inventarisasi(**data, dibuat_oleh=pengguna)
        inv.save()
        catat_pembuatan(objek=inv, pengguna=pengguna, label="Perekapan barang diperintahkan", catatan=inv.instruksi)
    return inv


def aksi_ajukan_kebutuhan(*, objek: Inventarisasi, pengguna, form):
    """P.1.2.3.2 — one row of a division's needs, logged with the (self-)transition."""
    d = form.cleaned_data
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        k = KebutuhanBarang.objects.create(
            inventarisasi=objek, bidang=d["bidang"], kode_barang=d.get("kode_barang", ""), nama_barang=d["nama_barang"],
            jumlah=d["jumlah"], satuan=d["satuan"], harga_satuan=d["harga_satuan"], alasan=d["alasan"],
            diajukan_oleh=pengguna,
        )
        log.catatan = (f"{k.bidang}: {k.nama_barang}, {k.jumlah} {k.satuan}. " + log.catatan).strip()
        log.save(update_fields=["catatan"])
    return log


def aksi_catat_aset(*, objek: Inventarisasi, pengguna, form):
    """P.1.2.3.3 — the register takes what the pengurus barang found; the log keeps what changed."""
    d = form.cleaned_data
    with transaction.atomic():
        aset = Aset.objects.select_for_update().get(pk=d["aset"].pk)
        sebelum = f"{aset.get_kondisi_display()}, {aset.lokasi}, {aset.pemegang or '-'}"
        aset.kondisi, aset.lokasi, aset.pemegang = d["kondisi"], d["lokasi"], d.get("pemegang")
        aset.save(update_fields=["kondisi", "lokasi", "pemegang", "diperbarui_pada"])
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        sesudah = f"{aset.get_kondisi_display()}, {aset.lokasi}, {aset.pemegang or '-'}"
        log.catatan = (f"{aset}: {sebelum} → {sesudah}. " + log.catatan).strip()
        log.save(update_fields=["catatan"])
    return log
