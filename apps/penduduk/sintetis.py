"""A synthetic population register for development, demos and benchmarks (``buat_register``).

Every family gets one No. KK (issuing kecamatan code + registration date DDMMYY + 4-digit serial)
and an address with RT/RW in a real kelurahan of that kecamatan. Every resident gets a NIK made
from the kecamatan of first registration, the birth date (day + 40 for women) and a serial unique
per prefix and date, so each NIK passes ``validasi_nik`` and ``periksa_nik`` against its own birth
date and sex. Panggungrejo (357504) was split off in 2012: in families already living there before,
members born before 2012 carry the code of the kecamatan it came from (357501–357503), and so do
KKs registered before 2012, as in the real register.

Families: a head, usually a spouse, children with plausible ages (the mother 19–42 at each birth,
children up to 30 still on the card), sometimes a parent, parent-in-law or other relative; heads and
spouses are *kawin*, children *belum kawin*, a head without a spouse is single, divorced or widowed.
Children carry their parents' names; a head living with a parent carries that parent's name.
Names come from Faker's ``id_ID`` lists (taken once, then drawn with a seeded ``random.Random``, so a
seed gives the same register every time).
"""

from __future__ import annotations

import datetime
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max, OuterRef, ProtectedError, Subquery
from django.db.models.functions import Substr

from .models import Agama, Hubungan, JenisKelamin, Keluarga, Penduduk, StatusPerkawinan, Wilayah
from .validators import KODE_ASAL_PANGGUNGREJO, KODE_PANGGUNGREJO

TANGGAL_PEMEKARAN_PANGGUNGREJO = datetime.date(2012, 1, 1)
UKURAN_BATCH = 5000  # residents per transaction / bulk_create

AGAMA_BOBOT = [
    (Agama.ISLAM, 880),
    (Agama.KRISTEN, 60),
    (Agama.KATOLIK, 25),
    (Agama.BUDDHA, 15),
    (Agama.HINDU, 8),
    (Agama.KHONGHUCU, 10),
    (Agama.KEPERCAYAAN, 2),
]
PEKERJAAN_DEWASA = [
    ("KARYAWAN SWASTA", 22),
    ("WIRASWASTA", 20),
    ("PEDAGANG", 10),
    ("BURUH HARIAN LEPAS", 12),
    ("PEGAWAI NEGERI SIPIL", 5),
    ("GURU", 3),
    ("NELAYAN/PERIKANAN", 3),
    ("SOPIR", 3),
    ("TUKANG BANGUNAN", 3),
    ("PETANI/PEKEBUN", 2),
    ("PERAWAT", 1),
    ("KEPOLISIAN RI", 1),
    ("TENTARA NASIONAL INDONESIA", 1),
    ("BELUM/TIDAK BEKERJA", 4),
]
KOTA_LAHIR_LUAR = [
    "SURABAYA", "MALANG", "PROBOLINGGO", "SIDOARJO", "BANGIL", "LUMAJANG", "JEMBER", "MOJOKERTO",
    "KEDIRI", "BLITAR", "BANYUWANGI", "SITUBONDO", "BONDOWOSO", "MADIUN", "JAKARTA", "SEMARANG",
]  # fmt: skip


@dataclass
class HasilRegister:
    penduduk: int
    keluarga: int
    detik: float

    @property
    def baris_per_detik(self) -> float:
        return (self.penduduk + self.keluarga) / self.detik if self.detik else 0.0


class _Nama:
    """Faker ``id_ID`` name lists, read once (Faker per call is too slow for 200,000 rows)."""

    def __init__(self, rng: random.Random):
        from faker import Faker

        faker = Faker("id_ID")
        orang = faker.provider("faker.providers.person")
        alamat = faker.provider("faker.providers.address")
        self.rng = rng
        self.depan = {"L": sorted(set(orang.first_names_male)), "P": sorted(set(orang.first_names_female))}
        self.belakang = {"L": sorted(set(orang.last_names_male)), "P": sorted(set(orang.last_names_female))}
        self.jalan = sorted(set(alamat.streets))
        self.kota = sorted({k.upper() for k in alamat.cities})

    def orang(self, jk: str) -> str:
        r = self.rng
        bagian = [r.choice(self.depan[jk])]
        if r.random() < 0.35:
            bagian.append(r.choice(self.depan[jk]))
        if r.random() < 0.55:
            bagian.append(r.choice(self.belakang[jk]))
        nama = []
        for b in bagian:  # "Agus Agus" reads as a typo
            if b not in nama:
                nama.append(b)
        return " ".join(nama).upper()

    def alamat(self) -> str:
        return f"JL. {self.rng.choice(self.jalan).upper()} NO. {self.rng.randint(1, 180)}"


class _Nomor:
    """Serials per NIK/KK prefix+date, continuing after what the register already holds."""

    def __init__(self, *, lanjut: bool):
        self.nik: dict[str, int] = defaultdict(int)
        self.kk: dict[str, int] = defaultdict(int)
        if lanjut:
            for model, kolom, tujuan in ((Penduduk, "nik", self.nik), (Keluarga, "no_kk", self.kk)):
                terakhir = (
                    model.objects.annotate(k=Substr(kolom, 1, 12)).values("k").annotate(m=Max(Substr(kolom, 13, 4)))
                )
                for baris in terakhir:
                    if baris["m"] and baris["m"].isdigit():
                        tujuan[baris["k"]] = int(baris["m"])

    @staticmethod
    def _berikut(tabel: dict[str, int], kunci: str) -> str:
        tabel[kunci] += 1
        if tabel[kunci] > 9999:
            raise RuntimeError(f"Nomor urut untuk {kunci} habis.")
        return f"{kunci}{tabel[kunci]:04d}"

    def buat_nik(self, prefiks: str, lahir: datetime.date, jk: str) -> str:
        hari = lahir.day + (40 if jk == JenisKelamin.PEREMPUAN else 0)
        return self._berikut(self.nik, f"{prefiks}{hari:02d}{lahir:%m%y}")

    def buat_kk(self, prefiks: str, terbit: datetime.date) -> str:
        return self._berikut(self.kk, f"{prefiks}{terbit:%d%m%y}")


def _pilih_bobot(rng: random.Random, pilihan: list[tuple]) -> object:
    return rng.choices([p for p, _ in pilihan], weights=[b for _, b in pilihan])[0]


def _ulang_tahun(lahir: datetime.date, umur: int) -> datetime.date:
    try:
        return lahir.replace(year=lahir.year + umur)
    except ValueError:  # 29 February
        return lahir.replace(year=lahir.year + umur, day=28)


class _Pembuat:
    def __init__(self, *, rng: random.Random, acuan: datetime.date, nomor: _Nomor):
        self.rng = rng
        self.acuan = acuan
        self.nomor = nomor
        self.nama = _Nama(rng)
        kelurahan = list(Wilayah.objects.filter(tingkat=Wilayah.Tingkat.KELURAHAN).order_by("kode"))
        if not kelurahan:
            raise RuntimeError("Tabel wilayah kosong: jalankan migrate (migrasi 0002 memuat wilayah).")
        # Families spread over kelurahan evenly, so a kecamatan's share follows its kelurahan count.
        self.kelurahan = kelurahan

    # --- people -----------------------------------------------------------------------------
    def _lahir_umur(self, umur_min: float, umur_maks: float) -> datetime.date:
        hari_min = int(umur_min * 365.25)
        hari_maks = int(umur_maks * 365.25)
        return self.acuan - datetime.timedelta(days=self.rng.randint(hari_min, max(hari_min, hari_maks)))

    def _umur(self, lahir: datetime.date) -> int:
        a = self.acuan
        return a.year - lahir.year - ((a.month, a.day) < (lahir.month, lahir.day))

    def _pekerjaan(self, umur: int, jk: str, hubungan: str) -> str:
        r = self.rng
        if umur < 5:
            return "BELUM/TIDAK BEKERJA"
        if umur < 19:
            return "PELAJAR/MAHASISWA"
        if umur < 24 and r.random() < 0.5:
            return "PELAJAR/MAHASISWA"
        if umur >= 60 and r.random() < 0.6:
            return "PENSIUNAN" if r.random() < 0.3 else "BELUM/TIDAK BEKERJA"
        if jk == JenisKelamin.PEREMPUAN and hubungan in (Hubungan.ISTRI, Hubungan.ORANG_TUA, Hubungan.MERTUA):
            if r.random() < 0.5:
                return "MENGURUS RUMAH TANGGA"
        return _pilih_bobot(r, PEKERJAAN_DEWASA)

    def _tempat_lahir(self, anak: bool) -> str:
        r = self.rng
        if r.random() < (0.92 if anak else 0.72):
            return "PASURUAN"
        return r.choice(KOTA_LAHIR_LUAR) if r.random() < 0.8 else r.choice(self.nama.kota)

    def _orang(self, *, jk, lahir, hubungan, status, agama, nama=None, ayah="", ibu="", anak=False) -> dict:
        return {
            "nama": nama or self.nama.orang(jk),
            "jenis_kelamin": jk,
            "tanggal_lahir": lahir,
            "hubungan": hubungan,
            "status_perkawinan": status,
            "agama": agama,
            "nama_ayah": ayah or self.nama.orang("L"),
            "nama_ibu": ibu or self.nama.orang("P"),
            "tempat_lahir": self._tempat_lahir(anak),
            "pekerjaan": self._pekerjaan(self._umur(lahir), jk, hubungan),
        }

    def _anak(self, ibu_lahir: datetime.date, jumlah: int) -> list[datetime.date]:
        """Birth dates of up to ``jumlah`` children: mother 19–42, child at most 30, a year apart."""
        awal = max(_ulang_tahun(ibu_lahir, 19), _ulang_tahun(self.acuan, -30))
        akhir = min(_ulang_tahun(ibu_lahir, 42), self.acuan - datetime.timedelta(days=30))
        if awal >= akhir or jumlah <= 0:
            return []
        rentang = (akhir - awal).days
        tanggal = sorted(awal + datetime.timedelta(days=self.rng.randint(0, rentang)) for _ in range(jumlah))
        hasil: list[datetime.date] = []
        for t in tanggal:
            if not hasil or (t - hasil[-1]).days >= 365:
                hasil.append(t)
        return hasil

    # --- a family ---------------------------------------------------------------------------
    def keluarga(self) -> tuple[dict, list[dict]]:
        r = self.rng
        kel = r.choice(self.kelurahan)
        kode_kec = kel.induk_id.replace(".", "")
        agama = _pilih_bobot(r, AGAMA_BOBOT)
        jenis = r.choices(["pasangan", "pasangan_saja", "orang_tua_tunggal", "sendiri"], weights=[68, 12, 11, 9])[0]
        anggota: list[dict] = []

        if jenis in ("pasangan", "pasangan_saja"):
            if jenis == "pasangan_saja" and r.random() < 0.5:
                kepala_lahir = self._lahir_umur(21, 34)
            elif jenis == "pasangan_saja":
                kepala_lahir = self._lahir_umur(55, 85)
            else:
                kepala_lahir = self._lahir_umur(24, 72)
            istri_lahir = min(
                _ulang_tahun(kepala_lahir, r.choice([-2, -1, 0, 1, 2, 2, 3, 3, 4, 5, 6, 8])),
                _ulang_tahun(self.acuan, -19),
            )
            kepala = self._orang(
                jk=JenisKelamin.LAKI_LAKI, lahir=kepala_lahir, hubungan=Hubungan.KEPALA, status=StatusPerkawinan.KAWIN, agama=agama
            )
            istri = self._orang(
                jk=JenisKelamin.PEREMPUAN, lahir=istri_lahir, hubungan=Hubungan.ISTRI, status=StatusPerkawinan.KAWIN, agama=agama
            )
            anggota += [kepala, istri]
            ibu_lahir, nama_ayah, nama_ibu = istri_lahir, kepala["nama"], istri["nama"]
            jumlah_anak = 0 if jenis == "pasangan_saja" else r.choices([0, 1, 2, 3, 4, 5], weights=[6, 24, 34, 22, 10, 4])[0]
        elif jenis == "orang_tua_tunggal":
            kepala_lahir = self._lahir_umur(28, 75)
            status = r.choice([StatusPerkawinan.CERAI_MATI, StatusPerkawinan.CERAI_HIDUP])
            kepala = self._orang(jk=JenisKelamin.PEREMPUAN, lahir=kepala_lahir, hubungan=Hubungan.KEPALA, status=status, agama=agama)
            anggota.append(kepala)
            ibu_lahir, nama_ayah, nama_ibu = kepala_lahir, self.nama.orang("L"), kepala["nama"]
            jumlah_anak = r.choices([1, 2, 3], weights=[45, 40, 15])[0]
        else:
            jk = r.choice([JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN])
            kepala_lahir = self._lahir_umur(19, 88)
            umur = self._umur(kepala_lahir)
            if umur < 30:
                status = StatusPerkawinan.BELUM_KAWIN
            else:
                status = _pilih_bobot(
                    r, [(StatusPerkawinan.BELUM_KAWIN, 3), (StatusPerkawinan.CERAI_HIDUP, 2), (StatusPerkawinan.CERAI_MATI, 4 if umur > 50 else 1)]
                )
            anggota.append(self._orang(jk=jk, lahir=kepala_lahir, hubungan=Hubungan.KEPALA, status=status, agama=agama))
            ibu_lahir, nama_ayah, nama_ibu, jumlah_anak = None, "", "", 0

        if ibu_lahir is not None:
            for lahir in self._anak(ibu_lahir, jumlah_anak):
                jk = r.choice([JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN])
                anggota.append(
                    self._orang(
                        jk=jk, lahir=lahir, hubungan=Hubungan.ANAK, status=StatusPerkawinan.BELUM_KAWIN,
                        agama=agama, ayah=nama_ayah, ibu=nama_ibu, anak=True,
                    )
                )  # fmt: skip

        kepala = anggota[0]
        umur_kepala = self._umur(kepala["tanggal_lahir"])
        if umur_kepala < 60 and r.random() < 0.12:
            # A widowed parent of the head (or, for a couple, sometimes of the wife) lives with them.
            mertua = len(anggota) > 1 and anggota[1]["hubungan"] == Hubungan.ISTRI and r.random() < 0.4
            anak_dari = anggota[1] if mertua else kepala
            jk = JenisKelamin.PEREMPUAN if r.random() < 0.7 else JenisKelamin.LAKI_LAKI
            lahir = _ulang_tahun(anak_dari["tanggal_lahir"], -r.randint(20, 36))
            if self._umur(lahir) <= 95:
                ortu = self._orang(
                    jk=jk, lahir=lahir, hubungan=Hubungan.MERTUA if mertua else Hubungan.ORANG_TUA,
                    status=StatusPerkawinan.CERAI_MATI, agama=agama,
                )  # fmt: skip
                anak_dari["nama_ibu" if jk == JenisKelamin.PEREMPUAN else "nama_ayah"] = ortu["nama"]
                if r.random() < 0.04:
                    ortu["status_hidup"] = Penduduk.StatusHidup.MENINGGAL
                    ortu["tanggal_meninggal"] = self.acuan - datetime.timedelta(days=r.randint(5, 700))
                anggota.append(ortu)
        elif r.random() < 0.03:
            lahir = self._lahir_umur(1, 60)
            hubungan = Hubungan.CUCU if self._umur(lahir) < 15 and umur_kepala > 50 else Hubungan.FAMILI
            status = StatusPerkawinan.BELUM_KAWIN if self._umur(lahir) < 25 else r.choice(list(StatusPerkawinan))
            jk = r.choice([JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN])
            anggota.append(self._orang(jk=jk, lahir=lahir, hubungan=hubungan, status=status, agama=agama))

        # The KK: registered once the head was an adult, not before 2004 (16-digit KK numbers).
        awal = max(_ulang_tahun(kepala["tanggal_lahir"], 19), datetime.date(2004, 1, 1))
        if awal >= self.acuan:
            awal = self.acuan - datetime.timedelta(days=365)
        terbit = awal + datetime.timedelta(days=r.randint(0, (self.acuan - awal).days))
        lama_di_panggungrejo = kode_kec == KODE_PANGGUNGREJO and r.random() < 0.6
        kode_asal = r.choice(KODE_ASAL_PANGGUNGREJO)

        def prefiks(tanggal: datetime.date) -> str:
            if lama_di_panggungrejo and tanggal < TANGGAL_PEMEKARAN_PANGGUNGREJO:
                return kode_asal
            return kode_kec

        alamat = {"alamat": self.nama.alamat(), "rt": f"{r.randint(1, 12):03d}", "rw": f"{r.randint(1, 9):03d}", "kelurahan_id": kel.kode}
        keluarga = {"no_kk": self.nomor.buat_kk(prefiks(terbit), terbit), "tanggal_terbit": terbit, **alamat}
        for orang in anggota:
            orang.update(alamat)
            orang["nik"] = self.nomor.buat_nik(prefiks(orang["tanggal_lahir"]), orang["tanggal_lahir"], orang["jenis_kelamin"])
        return keluarga, anggota


class _KolomKK:
    """Pendidikan, golongan darah, tanggal perkawinan and nomor akta kelahiran (demo patterns: the
    nomor akta follows the observed ``3575-LU-DDMMYYYY-NNNN`` layout, see DOMAIN.md)."""

    PENDIDIKAN_DEWASA = [("sd", 18), ("sltp", 20), ("slta", 38), ("d1_d2", 3), ("d3", 6), ("s1", 13), ("s2", 2)]
    GOLONGAN = [("A", 22), ("B", 27), ("AB", 7), ("O", 34), ("tidak_tahu", 10)]

    def __init__(self, rng: random.Random, acuan: datetime.date):
        self.rng, self.acuan, self.urut = rng, acuan, 0

    def _pendidikan(self, umur: int) -> str:
        if umur < 5:
            return "tidak_sekolah"
        if umur < 12:
            return "belum_tamat_sd"
        if umur < 15:
            return "sd"
        if umur < 18:
            return "sltp"
        return _pilih_bobot(self.rng, self.PENDIDIKAN_DEWASA)

    def lengkapi(self, anggota: list[dict]) -> None:
        r = self.rng
        istri = next((o for o in anggota if o["hubungan"] == Hubungan.ISTRI), None)
        nikah = None
        if istri is not None:
            nikah = _ulang_tahun(istri["tanggal_lahir"], r.randint(19, 27))
            nikah = min(nikah, self.acuan - datetime.timedelta(days=400))
        for o in anggota:
            lahir = o["tanggal_lahir"]
            umur = self.acuan.year - lahir.year - ((self.acuan.month, self.acuan.day) < (lahir.month, lahir.day))
            o["pendidikan"] = self._pendidikan(umur)
            o["golongan_darah"] = _pilih_bobot(r, self.GOLONGAN)
            if nikah and o["hubungan"] in (Hubungan.KEPALA, Hubungan.ISTRI) and o["status_perkawinan"] == StatusPerkawinan.KAWIN:
                o["tanggal_perkawinan"] = nikah
            if lahir.year >= 2005 and o["hubungan"] in (Hubungan.ANAK, Hubungan.CUCU):
                self.urut += 1
                catat = lahir + datetime.timedelta(days=r.randint(3, 50))
                o["no_akta_kelahiran"] = f"3575-LU-{catat:%d%m%Y}-{self.urut % 10000:04d}"


def register_hapus() -> int:
    """Empties the register (residents and families); regions stay. Returns residents removed.

    Records of services (births, deaths, requests: demo data of ``siapkan_demo`` too) that point at
    residents are never deleted here: a ProtectedError then names them in Bahasa Indonesia and
    nothing is removed."""
    try:
        with transaction.atomic():
            Keluarga.objects.filter(kepala__isnull=False).update(kepala=None)
            jumlah = Penduduk.objects.count()
            Penduduk.objects.all().delete()
            Keluarga.objects.all().delete()
    except ProtectedError as e:
        hitung = Counter(str(o._meta.verbose_name) for o in e.protected_objects)
        perujuk = ", ".join(f"{n} {nama}" for nama, n in sorted(hitung.items()))
        raise ProtectedError(
            f"penduduk/keluarga masih dirujuk oleh {perujuk}. Perintah ini tidak menghapus data layanan; "
            "untuk register sintetis yang bersih mulailah dari basis data kosong "
            "(mis. hapus var/dukcapil.sqlite3, lalu migrate).",
            e.protected_objects,
        ) from e
    return jumlah


def register_buat(
    *,
    jumlah: int,
    seed: int | None = None,
    tanggal_acuan: datetime.date | None = None,
    ukuran_batch: int = UKURAN_BATCH,
    kemajuan: Callable[[int, int], None] | None = None,
) -> HasilRegister:
    """Adds ``jumlah`` synthetic residents in whole families (the last one cut to fit), in
    transactions of about ``ukuran_batch`` residents; numbers continue after existing ones."""
    from django.utils import timezone

    mulai = time.perf_counter()
    acuan = tanggal_acuan or timezone.localdate()
    pembuat = _Pembuat(rng=random.Random(seed), acuan=acuan, nomor=_Nomor(lanjut=Penduduk.objects.exists()))
    # The KK columns added later draw from their own generator, so a seed keeps its NIKs and names.
    tambahan = _KolomKK(random.Random(f"kolom-kk-{seed}") if seed is not None else random.Random(), acuan)
    total_penduduk = total_keluarga = 0
    while total_penduduk < jumlah:
        keluarga_batch: list[dict] = []
        anggota_batch: list[list[dict]] = []
        n = 0
        while n < ukuran_batch and total_penduduk + n < jumlah:
            kk, anggota = pembuat.keluarga()
            tambahan.lengkapi(anggota)
            anggota = anggota[: jumlah - total_penduduk - n]
            keluarga_batch.append(kk)
            anggota_batch.append(anggota)
            n += len(anggota)
        with transaction.atomic():
            objek_kk = Keluarga.objects.bulk_create([Keluarga(**kk) for kk in keluarga_batch], batch_size=2000)
            orang = [
                Penduduk(keluarga_id=kk.pk, **o) for kk, anggota in zip(objek_kk, anggota_batch, strict=True) for o in anggota
            ]
            Penduduk.objects.bulk_create(orang, batch_size=2000)
            ids = [kk.pk for kk in objek_kk]
            kepala = Penduduk.objects.filter(keluarga=OuterRef("pk"), hubungan=Hubungan.KEPALA).values("pk")[:1]
            Keluarga.objects.filter(pk__gte=min(ids), pk__lte=max(ids), kepala__isnull=True).update(kepala=Subquery(kepala))
        total_penduduk += n
        total_keluarga += len(keluarga_batch)
        if kemajuan:
            kemajuan(total_penduduk, total_keluarga)
    if connection.vendor == "postgresql" and total_penduduk >= 10_000:
        # Fresh statistics, or the planner guesses row counts of the bulk-loaded tables.
        with connection.cursor() as c:
            c.execute(f"ANALYZE {Penduduk._meta.db_table}, {Keluarga._meta.db_table}")
    return HasilRegister(penduduk=total_penduduk, keluarga=total_keluarga, detik=time.perf_counter() - mulai)
