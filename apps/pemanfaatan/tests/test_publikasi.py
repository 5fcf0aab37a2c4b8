"""P.7.2 — the DKB snapshot against counts made here independently, its immutability, the
small-cell rule, the public page (fixed queries, snapshot only, CSV/XLSX) and the review chain to
the kadis' signed book."""

import csv
import io
import subprocess
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.pemanfaatan.agregat import _samarkan, snapshot_bekukan, tabel_publik
from apps.pemanfaatan.models import AgregatDKB, PublikasiAgregat
from apps.pemanfaatan.models.publikasi import semester_terakhir, tanggal_semester
from apps.penduduk.models import Keluarga, Penduduk, Wilayah

pytestmark = pytest.mark.django_db


def _isi_register(n: int, d: date, mulai: int = 0):
    """``n`` residents spread over three kelurahan of two kecamatan, with every case the snapshot
    must tell apart: born after the cut-off, dead before and after it, moved out, children with and
    without akta, married teenagers."""
    kel = list(Wilayah.objects.filter(tingkat="kelurahan").order_by("kode"))
    pilih = [kel[0], kel[1], kel[-1]]
    agama = ["islam", "islam", "kristen", "katolik", "hindu"]
    kawin = ["belum_kawin", "kawin", "kawin", "cerai_mati"]
    orang = []
    for i in range(mulai, mulai + n):
        k = pilih[i % 3]
        kk = Keluarga.objects.create(no_kk=f"357501{i:010d}", alamat="Jl. Uji", rt="001", rw="001", kelurahan=k) \
            if i % 4 == 0 else None
        umur_hari = (i * 397) % (90 * 365)
        lahir = d - timedelta(days=umur_hari) if i % 11 else d + timedelta(days=3)  # some born after D
        p = Penduduk(
            nik=f"3575{i:012d}", nama=f"WARGA {i}", tempat_lahir="PASURUAN", tanggal_lahir=lahir,
            jenis_kelamin="L" if i % 2 else "P", agama=agama[i % 5], status_perkawinan=kawin[i % 4],
            pekerjaan=["Wiraswasta", "Pelajar/Mahasiswa", "Petani"][i % 3], kelurahan=k, alamat="Jl. Uji", rt="001",
            rw="001", pendidikan=["sd", "slta", "s1", ""][i % 4], no_akta_kelahiran="AL-1" if i % 3 else "",
            keluarga=kk or (orang[-1].keluarga if orang else None),
        )
        if i % 13 == 0:
            p.status_hidup, p.tanggal_meninggal = "meninggal", d - timedelta(days=20)  # died in the semester
        elif i % 17 == 0:
            p.status_hidup, p.tanggal_meninggal = "meninggal", d + timedelta(days=5)  # alive on D
        if i % 19 == 0:
            p.tanggal_pindah = d - timedelta(days=400)
        p.save()
        orang.append(p)
    return orang


def _umur(p, d):
    return d.year - p.tanggal_lahir.year - ((d.month, d.day) < (p.tanggal_lahir.month, p.tanggal_lahir.day))


def _hidup_pada(p, d):
    if p.tanggal_lahir > d or (p.tanggal_pindah and p.tanggal_pindah <= d):
        return False
    return p.tanggal_meninggal is None or p.tanggal_meninggal > d


@pytest.fixture
def semester():
    return semester_terakhir(timezone.localdate())


def test_aggregates_match_counts_made_independently(semester):
    d = tanggal_semester(*semester)
    orang = _isi_register(120, d)
    s = snapshot_bekukan(*semester)
    sel = {(a.kelurahan_id, a.dimensi, a.kategori): a.jumlah for a in AgregatDKB.objects.filter(snapshot=s)}
    hidup = [p for p in orang if _hidup_pada(p, d)]
    assert s.jumlah_penduduk == len(hidup)
    for kel in {p.kelurahan_id for p in orang}:
        di = [p for p in hidup if p.kelurahan_id == kel]
        assert sel.get((kel, "jenis_kelamin", "Laki-laki"), 0) == sum(p.jenis_kelamin == "L" for p in di)
        assert sel.get((kel, "agama", "Kristen"), 0) == sum(p.agama == "kristen" for p in di)
        assert sel.get((kel, "umur5", "15–19"), 0) == sum(15 <= _umur(p, d) <= 19 for p in di)
        assert sel.get((kel, "umur5", "75+"), 0) == sum(_umur(p, d) >= 75 for p in di)
        assert sel.get((kel, "umur_kebijakan", "15–64 (usia produktif)"), 0) == sum(15 <= _umur(p, d) <= 64 for p in di)
        assert sel.get((kel, "pendidikan", "Tidak diisi"), 0) == sum(p.pendidikan == "" for p in di)
        assert sel.get((kel, "status_perkawinan", "Cerai mati"), 0) == sum(p.status_perkawinan == "cerai_mati" for p in di)
        assert sel.get((kel, "pekerjaan", "Petani"), 0) == sum(p.pekerjaan == "Petani" for p in di)
        assert sel.get((kel, "wajib_ktp", "Wajib KTP-el"), 0) == sum(
            _umur(p, d) >= 17 or p.status_perkawinan != "belum_kawin" for p in di)
        anak = [p for p in di if _umur(p, d) < 17]
        assert sel.get((kel, "akta_kelahiran", "Belum memiliki"), 0) == sum(p.no_akta_kelahiran == "" for p in anak)
        assert sel.get((kel, "kia", "Belum memiliki"), 0) == len(anak)
        keluarga = {p.keluarga_id for p in hidup if p.keluarga_id}
        assert sel.get((kel, "keluarga", "Jumlah KK"), 0) == Keluarga.objects.filter(pk__in=keluarga, kelurahan_id=kel).count()
        awal = date(d.year, 1, 1) if d.month == 6 else date(d.year, 7, 1)
        assert sel.get((kel, "peristiwa", "Kematian"), 0) == sum(
            1 for p in orang if p.kelurahan_id == kel and p.tanggal_meninggal and awal <= p.tanggal_meninggal <= d)
        assert sel.get((kel, "peristiwa", "Kelahiran"), 0) == sum(
            1 for p in orang if p.kelurahan_id == kel and awal <= p.tanggal_lahir <= d)


def test_snapshot_is_frozen(semester):
    d = tanggal_semester(*semester)
    orang = _isi_register(30, d)
    s = snapshot_bekukan(*semester)
    sebelum = list(AgregatDKB.objects.filter(snapshot=s).values_list("kelurahan_id", "dimensi", "kategori", "jumlah"))
    Penduduk.objects.filter(pk__in=[p.pk for p in orang[:10]]).update(agama="buddha")
    sesudah = list(AgregatDKB.objects.filter(snapshot=s).values_list("kelurahan_id", "dimensi", "kategori", "jumlah"))
    assert sebelum == sesudah
    with pytest.raises(ValidationError):
        s.save()
    with pytest.raises(ValidationError):
        s.delete()
    with pytest.raises(ValidationError):
        AgregatDKB.objects.filter(snapshot=s).first().save()
    with pytest.raises(IntegrityError):  # one snapshot per semester
        snapshot_bekukan(*semester)


def test_small_cell_rule():
    # Row 0 has one small cell (3): it is hidden, and so is the smallest other cell of its row (10)
    # and of its column, so neither can be worked back from the totals.
    m = [[3, 10, 40], [20, 30, 50], [6, 40, 60]]
    h = _samarkan(m, 5)
    assert h[0][0] is None and h[0][1] is None
    assert sum(1 for b in h for n in b if n is None) >= 3
    assert all(n is None or n == 0 or n >= 5 for b in h for n in b)
    for baris in h:
        assert sum(1 for n in baris if n is None) != 1
    for kol in zip(*h, strict=True):
        assert sum(1 for n in kol if n is None) != 1
    assert _samarkan([[0, 7]], 5) == [[0, 7]]  # zero is not suppressed


def test_public_outputs_never_show_a_small_cell(semester):
    d = tanggal_semester(*semester)
    _isi_register(40, d)
    s = snapshot_bekukan(*semester)
    for t in tabel_publik(s, ambang=5):
        for b in [*t.baris, t.total]:
            assert all(n is None or n == 0 or n >= 5 for n in b["sel"]), (t.dimensi, b)
    t10 = {t.dimensi: t for t in tabel_publik(s, ambang=10)}
    t5 = {t.dimensi: t for t in tabel_publik(s, ambang=5)}
    assert t10["agama"].disamarkan >= t5["agama"].disamarkan


def _terbitkan(s, pengguna):
    return PublikasiAgregat.objects.create(snapshot=s, judul=f"Agregat {s.judul}", status="terbit",
                                           terbit_pada=timezone.now())


def test_public_page_reads_only_the_snapshot_with_fixed_queries(client, semester, pengguna):
    d = tanggal_semester(*semester)
    _isi_register(12, d)
    s = snapshot_bekukan(*semester)
    _terbitkan(s, pengguna)
    url = reverse("pemanfaatan:statistik")
    client.get(url)
    with CaptureQueriesContext(connection) as kecil:
        r = client.get(url)
    assert r.status_code == 200 and 'data-grafik="umur5"' in r.content.decode() and "grafik-data" in r.content.decode()
    assert "chart.umd.min.js" in r.content.decode() and "aturan-sel-kecil" in r.content.decode()
    _isi_register(150, d, mulai=1000)
    # A later semester is larger; this one is unchanged, and the page's queries stay the same.
    with CaptureQueriesContext(connection) as besar:
        client.get(url)
    assert len(kecil) == len(besar)
    sql = " ".join(q["sql"] for q in besar.captured_queries)
    assert "penduduk_penduduk" not in sql and "penduduk_keluarga" not in sql
    kec = Wilayah.objects.filter(tingkat="kecamatan").order_by("kode").first()
    with CaptureQueriesContext(connection) as disaring:
        assert client.get(url, {"kecamatan": kec.kode}).status_code == 200
    assert len(disaring) == len(kecil)


def test_csv_and_xlsx_of_a_table(client, semester, pengguna):
    from openpyxl import load_workbook

    d = tanggal_semester(*semester)
    _isi_register(60, d)
    s = snapshot_bekukan(*semester)
    _terbitkan(s, pengguna)
    r = client.get(reverse("pemanfaatan:statistik-csv", args=[s.pk, "jenis_kelamin"]))
    baris = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert baris[0][0] == "Kategori" and baris[-1][0] == "Jumlah"
    assert [b[0] for b in baris[1:3]] == ["Laki-laki", "Perempuan"]
    assert int(baris[-1][-1]) == s.jumlah_penduduk
    r = client.get(reverse("pemanfaatan:statistik-xlsx", args=[s.pk, "agama"]))
    ws = load_workbook(io.BytesIO(r.content)).active
    assert ws.cell(2, 1).value == "Kategori"
    assert client.get(reverse("pemanfaatan:statistik-csv", args=[s.pk, "tidak_ada"])).status_code == 404


def _aksi(client, pub, nama, **data):
    pub.refresh_from_db()
    r = client.post(reverse("pemanfaatan:publikasiagregat-aksi", args=[pub.pk, nama]), {"versi": pub.versi, **data})
    assert r.status_code == 302, (nama, r.context["form"].errors if r.context and "form" in r.context else r)
    pub.refresh_from_db()
    return pub


def test_review_chain_returns_then_the_kadis_signs_the_book(client, semester, pengguna, kadis, passphrase,
                                                            django_capture_on_commit_callbacks, tmp_path):
    from apps.dokumen.models import Dokumen

    d = tanggal_semester(*semester)
    _isi_register(60, d)
    admin = pengguna("admin_piak")
    client.force_login(admin)
    r = client.post(reverse("pemanfaatan:dkb"), {"dkb-tahun": semester[0], "dkb-semester": semester[1], "bekukan": "1"})
    assert r.status_code == 302
    s = PublikasiAgregat._meta.get_field("snapshot").related_model.objects.get()
    r = client.post(reverse("pemanfaatan:dkb"), {"pub-snapshot": s.pk, "pub-judul": "Agregat Kependudukan",
                                                  "pub-ambang_sel_kecil": 5, "publikasi": "1"})
    assert r.status_code == 302
    pub = PublikasiAgregat.objects.get()
    pub = _aksi(client, pub, "ajukan_pembahasan")
    pub = _aksi(client, pub, "selesai_pembahasan", notulen_pembahasan="Angka kelahiran dicek ulang.")
    client.force_login(pengguna("sekretaris"))
    pub = _aksi(client, pub, "kembalikan_sekretaris", catatan="Tambahkan kata pengantar.")
    assert pub.status == "draf"
    client.force_login(admin)
    pub = _aksi(client, pub, "sesuaikan_draf", judul="Agregat Kependudukan", ambang_sel_kecil=5,
                pengantar="Buku ini memuat agregat kependudukan semester berkenaan.")
    pub = _aksi(client, pub, "ajukan_pembahasan")
    pub = _aksi(client, pub, "selesai_pembahasan", notulen_pembahasan="Pengantar ditambahkan.")
    client.force_login(pengguna("sekretaris"))
    pub = _aksi(client, pub, "setujui_sekretaris")
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        pub = _aksi(client, pub, "setujui_kadis", passphrase=passphrase)
    assert pub.status == "terbit"
    dok = Dokumen.untuk(pub).get()
    assert dok.status == Dokumen.Status.SELESAI and dok.ditandatangani_oleh == kadis
    pdf = tmp_path / "buku.pdf"
    pdf.write_bytes(dok.berkas.open("rb").read())
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    halaman = int(next(b.split()[-1] for b in info.splitlines() if b.startswith("Pages:")))
    assert halaman >= 10
    teks = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    assert "AGREGAT KEPENDUDUKAN" in teks and "Catatan metodologi" in teks and "semester berkenaan" in teks
    assert "Laki-laki" in teks and "Jumlah" in teks and "Kota Pasuruan" in teks
    # One chart per table: SVG images drawn by WeasyPrint as vector graphics, their labels text.
    from apps.pemanfaatan.agregat import DIMENSI

    for _, judul in DIMENSI:
        assert "Grafik: " + judul.split(" (")[0][:30] in " ".join(teks.split()), judul
    assert "Signature" in subprocess.run(["pdfsig", pdf], capture_output=True, text=True).stdout
    # Published: the public page shows it and serves the signed book.
    client.logout()
    r = client.get(reverse("pemanfaatan:statistik"))
    assert r.context["pub"] == pub
    assert client.get(reverse("pemanfaatan:statistik-buku", args=[s.pk])).status_code == 200
