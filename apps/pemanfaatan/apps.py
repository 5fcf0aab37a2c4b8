from django.apps import AppConfig


class PemanfaatanConfig(AppConfig):
    name = "apps.pemanfaatan"
    verbose_name = "Pemanfaatan data"

    def ready(self):
        from apps.dokumen.jenis import daftarkan_jenis

        # The Dinas' side of a PKS may be signed with TTE by the kadis (P.7.1). Internal: the
        # institution receives its copy at handover, not from the public status page.
        daftarkan_jenis(
            "pks_pemanfaatan_data", judul="Perjanjian Kerja Sama Pemanfaatan Data Kependudukan",
            template="pemanfaatan/dokumen/pks_pemanfaatan_data.html", pola_nomor="470/{urut:04d}/PKS/423.112/{tahun}",
            untuk_pemohon=False, contoh=_contoh_pks(),
        )
        # P.7.2: the semester book, signed by the kadis when he approves it.
        daftarkan_jenis(
            "buku_agregat", judul="Buku Agregat Kependudukan Kota Pasuruan",
            template="pemanfaatan/dokumen/buku_agregat.html", pola_nomor="470/{urut:04d}/AGR/423.112/{tahun}",
            untuk_pemohon=False,
        )
        # P.7.3: the SK Tim Inovasi, a letter of the kadis (the office's letter layout).
        daftarkan_jenis(
            "sk_tim_inovasi", judul="Keputusan Kepala Dinas tentang Tim Inovasi Layanan",
            template="dokumen/surat.html", pola_nomor="188.45/{urut:04d}/SK-INOV/423.112/{tahun}", untuk_pemohon=False,
        )


def _contoh_pks() -> dict:
    from datetime import date
    from types import SimpleNamespace

    p = SimpleNamespace(pihak_dinas="Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan",
                        nama_lembaga="RSUD dr. R. Soedarsono", nomor_pks="", nomor_ksb="",
                        dasar_hukum="Permendagri Nomor 102 Tahun 2019", tujuan="Verifikasi identitas pasien",
                        tanggal_mulai=date(2026, 1, 5), tanggal_berakhir=date(2031, 1, 4))
    return {"perjanjian": p, "elemen": ["NIK", "Nama lengkap"], "hak": ["Verifikasi NIK (cocok/tidak cocok)"],
            "nama": p.nama_lembaga, "nik": ""}
