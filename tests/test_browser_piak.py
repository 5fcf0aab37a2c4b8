"""P.6.2 and the SKM in a real browser: a complaint filed on the public form, forwarded to a
technical division, answered and confirmed to the citizen (emails read on a real SMTP server),
reopened once, answered again; the citizen then answers the SKM and the public IKM page shows it.

Screenshots of every step are kept under test-artifacts/.
"""

import re

import pytest

from apps.piak.models import Pengaduan
from apps.piak.tests.factories import berkas_png
from tests.conftest import buka_aksi, buka_status, kirim_aksi, masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_complaint_forwarded_answered_reopened_and_the_skm(halaman, pengguna, settings, server_smtp):
    server_smtp.pakai_di(settings)
    settings.SITE_URL = halaman.live_url
    pengguna("admin_piak")
    pengguna("bidang_teknis")

    # 1. The citizen files a complaint on the public form; a wrong NIK comes back with the text kept.
    halaman.goto("/piak/aduan/")
    halaman.fill("input[name=nama]", "Rina Wati")
    halaman.fill("input[name=nik]", "12345")
    halaman.fill("input[name=email]", "rina@contoh.id")
    halaman.fill("textarea[name=isi]", "Akta kelahiran anak saya belum terbit sejak tiga minggu.")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("text=NIK terdiri dari 16 angka")
    assert halaman.input_value("textarea[name=isi]").startswith("Akta kelahiran anak saya")
    halaman.fill("input[name=nik]", "")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#kode-lacak")
    halaman.langkah("tanda-terima")
    kode, pin = halaman.inner_text("#kode-lacak").strip(), halaman.inner_text("#pin").strip()
    objek = Pengaduan.objects.get(kode_lacak=kode)
    assert any(kode in m["Subject"] and "rina@contoh.id" in m.penerima for m in server_smtp.pesan)

    # 2. admin_piak forwards it to a technical division with a due date.
    masuk(halaman, "admin_piak")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    buka_aksi(halaman, "teruskan")
    halaman.select_option("select[name=bidang]", "capil")
    halaman.fill("input[name=tenggat_bidang]", halaman.evaluate("new Date(Date.now() + 2*86400000).toISOString().slice(0, 10)"))
    kirim_aksi(halaman)
    assert "Diteruskan" in halaman.inner_text("#status")

    # 3. The division answers (it does not see the citizen's contact data).
    masuk(halaman, "bidang_teknis")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    assert "rina@contoh.id" not in halaman.content()
    buka_aksi(halaman, "jawab_bidang")
    halaman.fill("textarea[name=jawaban_bidang]", "Akta sudah ditandatangani; dapat diunduh di halaman status.")
    kirim_aksi(halaman)

    # 4. admin_piak confirms the answer to the citizen (pre-filled with the division's).
    masuk(halaman, "admin_piak")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    buka_aksi(halaman, "jawab")
    assert "Akta sudah ditandatangani" in halaman.input_value("textarea[name=jawaban]")
    kirim_aksi(halaman)
    halaman.langkah("dijawab")
    jawaban = [m for m in server_smtp.pesan if m["Subject"].startswith("Jawaban atas") and kode in m["Subject"]]
    assert len(jawaban) == 1 and "Akta sudah ditandatangani" in jawaban[0].get_body(("plain",)).get_content()

    # 5. The citizen reads the answer on the status page and reopens it, once.
    buka_status(halaman, kode, pin, linimasa="attached")
    assert "Akta sudah ditandatangani" in halaman.inner_text("#jawaban-pengaduan")
    halaman.fill("#form-buka-ulang textarea[name=alasan]", "Di halaman status belum ada dokumennya.")
    halaman.click("button[name=buka_ulang]")
    halaman.wait_for_selector("text=Dibuka kembali")
    halaman.langkah("dibuka-kembali")
    assert halaman.locator("#form-buka-ulang").count() == 0

    # 6. Answered again; no second reopening, and the citizen answers the SKM.
    masuk(halaman, "admin_piak")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    buka_aksi(halaman, "jawab")
    halaman.fill("textarea[name=jawaban]", "Dokumen sudah kami unggah ulang; silakan unduh.")
    kirim_aksi(halaman)
    buka_status(halaman, kode, pin, linimasa="attached")
    assert halaman.locator("#form-buka-ulang").count() == 0
    halaman.click("#undangan-skm a")
    halaman.wait_for_selector("#form-skm")
    for i in range(1, 10):
        halaman.check(f"input[name=u{i}][value='{4 if i % 2 else 3}']")
    halaman.fill("textarea[name=saran]", "Terima kasih, cepat ditanggapi.")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#skm-selesai")

    # 7. The public IKM page: (4+3+4+3+4+3+4+3+4)/9 = 32/9 = 3.5556 x 25 = 88.89, grade A.
    halaman.goto("/piak/ikm/")
    halaman.langkah("ikm")
    assert re.sub(r"\s", "", halaman.inner_text("#nilai-ikm")) in ("88,89", "88.89")
    assert halaman.inner_text("#mutu-ikm").strip() == "A"


# -- P.6.1: an incident classified central, answered, fixed and confirmed by the reporter ----------
def test_incident_central_answered_checked_and_confirmed(halaman, pengguna, settings, server_smtp):
    from apps.piak.models import Insiden

    server_smtp.pakai_di(settings)
    settings.SITE_URL = halaman.live_url
    pelapor = pengguna("operator_siak")
    pelapor.email = "siak@dinas.id"
    pelapor.save(update_fields=["email"])
    pengguna("pejabat_piak")
    pengguna("petugas_fo")

    # 1. A SIAK user reports it from the menu: service, what happens since when, a screenshot.
    masuk(halaman, "operator_siak")
    halaman.click("#menu-layanan-baru .dropdown-toggle")
    halaman.click("#menu-layanan-baru >> text=Laporkan gangguan jaringan / sistem")
    halaman.select_option("select[name=layanan]", "siak")
    halaman.fill("textarea[name=gejala]", "SIAK terpusat menolak login: koneksi ke server pusat habis waktu.")
    sejak = halaman.evaluate("(() => { const d = new Date(Date.now() - 3600000);"
                             " return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); })()")
    halaman.fill("input[name=sejak]", sejak)
    halaman.set_input_files("input[name=tangkapan_layar]", files=[{
        "name": "layar.png", "mimeType": "image/png", "buffer": berkas_png().read()}])
    halaman.click("button[name=lapor]")
    halaman.wait_for_selector("#status")
    halaman.langkah("dilaporkan")
    objek = Insiden.objects.get()
    assert objek.dibuat_oleh_id == pelapor.pk and objek.layanan == "siak"

    # The front office sees the open incident as a banner.
    masuk(halaman, "petugas_fo")
    assert "Aplikasi SIAK" in halaman.inner_text("#banner-insiden")

    # 2. pejabat_piak classifies it central, with the Ditjen ticket, then records the answer.
    masuk(halaman, "pejabat_piak")
    halaman.goto("/piak/insiden/")
    halaman.click(f"a.kode-lacak:has-text('{objek.kode_lacak}')")
    halaman.wait_for_selector("#status")
    buka_aksi(halaman, "klasifikasi_pusat")
    halaman.fill("input[name=nomor_tiket_pusat]", "HD-DUKCAPIL-2026-1188")
    kirim_aksi(halaman)
    assert "Ditjen" in halaman.inner_text("#status")
    assert halaman.inner_text("#tiket-pusat").strip() == "HD-DUKCAPIL-2026-1188"
    assert "Pusat" in halaman.inner_text("#lingkup")
    buka_aksi(halaman, "catat_jawaban_pusat")
    halaman.fill("textarea[name=jawaban_pusat]", "Sertifikat server pusat diperbarui; login dipulihkan.")
    kirim_aksi(halaman)
    assert "Sertifikat server pusat" in halaman.inner_text("#jawaban-pusat")

    # 3. The fix is checked internally: the reporter is told in the portal and by email.
    buka_aksi(halaman, "pulih")
    kirim_aksi(halaman)
    assert "konfirmasi" in halaman.inner_text("#status").lower()
    assert halaman.locator("#waktu-penyelesaian").count() == 1
    halaman.langkah("pulih")
    surat = [m for m in server_smtp.pesan if "siak@dinas.id" in m.penerima]
    assert len(surat) == 1 and "sudah ditangani" in surat[0]["Subject"]
    assert f"/piak/insiden/{objek.pk}/" in surat[0].get_body(("plain",)).get_content()

    # 4. The reporter reads the notice in the portal and confirms the system works again.
    masuk(halaman, "operator_siak")
    halaman.click("#menu-utama a[href='/piak/pemberitahuan/']")
    halaman.wait_for_selector("#pemberitahuan")
    halaman.langkah("pemberitahuan")
    halaman.click("#pemberitahuan a:has-text('sudah ditangani')")
    halaman.wait_for_selector("#status")
    buka_aksi(halaman, "konfirmasi")
    kirim_aksi(halaman)
    assert halaman.inner_text("#status").strip() == "Selesai"
    halaman.langkah("dikonfirmasi")
    objek.refresh_from_db()
    assert objek.status == "selesai" and objek.dikonfirmasi_pada and objek.waktu_penyelesaian

    # The banner is gone.
    masuk(halaman, "petugas_fo")
    assert halaman.locator("#banner-insiden").count() == 0



# -- P.6.3: a biodata update whose audited change shows on the resident's page ----------------------
@pytest.fixture
def penduduk_terdaftar(db):
    import datetime

    from apps.penduduk.models import Keluarga, Penduduk, Wilayah

    # A transactional test's flush empties the region table its migration loaded: put back one.
    kota, _ = Wilayah.objects.get_or_create(kode="35.75", defaults={"tingkat": "kota", "nama": "Kota Pasuruan"})
    kec, _ = Wilayah.objects.get_or_create(kode="35.75.01", defaults={"tingkat": "kecamatan", "nama": "Gadingrejo", "induk": kota})
    kel, _ = Wilayah.objects.get_or_create(kode="35.75.01.1001", defaults={"tingkat": "kelurahan", "nama": "Karangketug", "induk": kec})
    kk = Keluarga.objects.create(no_kk="3575010101200001", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel)
    warga = Penduduk.objects.create(
        nik="3575014107900003", nama="SITI AMINAH", tempat_lahir="Pasuruan", tanggal_lahir=datetime.date(1990, 7, 1),
        jenis_kelamin="P", agama="islam", status_perkawinan="belum_kawin", pekerjaan="Wiraswasta", keluarga=kk,
        hubungan="kepala", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel,
    )
    kk.kepala = warga
    kk.save(update_fields=["kepala"])
    return warga


def test_population_data_update_shows_its_audited_change_on_the_residents_page(
        halaman, pengguna, settings, server_smtp, penduduk_terdaftar):
    from apps.piak.models import PemutakhiranData

    server_smtp.pakai_di(settings)
    settings.SITE_URL = halaman.live_url
    for kode in ("petugas_fo", "adb", "pejabat_piak"):
        pengguna(kode)
    warga = penduduk_terdaftar

    # 1. The front office takes the request: only the changed field is filled.
    masuk(halaman, "petugas_fo")
    halaman.click("#menu-layanan-baru .dropdown-toggle")
    halaman.click("#menu-layanan-baru >> text=Pemutakhiran data kependudukan")
    halaman.fill("input[name=nik]", warga.nik)
    halaman.fill("input[name=email]", "siti@contoh.id")
    halaman.fill("input[name=baru_pekerjaan]", "Guru")
    halaman.fill("textarea[name=keterangan]", "SK pengangkatan guru terlampir.")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#status")
    objek = PemutakhiranData.objects.get()
    assert objek.perubahan_diminta == {"pekerjaan": "Guru"}
    assert "Wiraswasta" in halaman.inner_text("#rincian-perubahan")
    buka_aksi(halaman, "lengkap")
    kirim_aksi(halaman)

    # 2. The ADB changes the register (audited, field by field) and records the SIAK reference.
    masuk(halaman, "adb")
    halaman.goto(f"/piak/pemutakhiran/{objek.pk}/")
    buka_aksi(halaman, "mutakhirkan")
    halaman.fill("input[name=referensi_siak]", "SIAK-UPD-20261130-07")
    kirim_aksi(halaman)
    rincian = halaman.inner_text("#rincian-perubahan")
    assert "Wiraswasta" in rincian and "Guru" in rincian
    assert halaman.inner_text("#referensi-siak").strip() == "SIAK-UPD-20261130-07"

    # 3. The PIAK official checks the result against the request; the resident is told.
    masuk(halaman, "pejabat_piak")
    halaman.goto(f"/piak/pemutakhiran/{objek.pk}/")
    buka_aksi(halaman, "sesuai")
    kirim_aksi(halaman)
    assert halaman.inner_text("#status").strip() == "Selesai"
    assert any("siti@contoh.id" in m.penerima for m in server_smtp.pesan)

    # 4. On the resident's page in the register: pekerjaan Wiraswasta -> Guru, caused by this request.
    masuk(halaman, "adb")
    halaman.goto(f"/piak/pemutakhiran/{objek.pk}/")
    halaman.click("#tautan-penduduk")
    halaman.wait_for_selector("#riwayat")
    halaman.langkah("register-penduduk")
    blok = halaman.locator("#riwayat .riwayat-register").first
    assert objek.kode_lacak in blok.inner_text()
    baris = blok.locator("tbody tr").first.inner_text()
    assert re.search(r"Pekerjaan\s+Wiraswasta\s+Guru", baris)
    assert "SIAK-UPD-20261130-07" in blok.inner_text()
    warga.refresh_from_db()
    assert warga.pekerjaan == "Guru"


# -- SKM after the handover of a P.4 service; the public IKM page changes with the answer ----------
def test_citizen_answers_the_skm_after_handover_and_the_ikm_page_shows_it(halaman, pengguna, settings, server_smtp):
    from django.utils import timezone

    from apps.core.urls import url_proses
    from apps.pendaftaran.models import PermohonanTanpaVerifikasi
    from apps.pendaftaran.tests.factories import buat_permohonan
    from apps.piak.models import JawabanSkm
    from apps.piak.services.skm import skm_undang_selesai

    server_smtp.pakai_di(settings)
    settings.SITE_URL = halaman.live_url
    pengguna("operator_pengambilan")
    # An earlier answer this year (another service): every element 2 -> IKM 50,00, grade D.
    JawabanSkm.objects.create(kunci="x" * 64, kode_layanan="P.5.1", layanan="Akta kelahiran",
                              tanggal=timezone.localdate(), **{f"u{i}": 2 for i in range(1, 10)})
    obj = buat_permohonan(PermohonanTanpaVerifikasi, status="siap_diambil", email="siti@contoh.id")
    halaman.goto("/piak/ikm/")
    assert re.sub(r"\s", "", halaman.inner_text("#nilai-ikm")) in ("50,00", "50.00")
    assert halaman.inner_text("#mutu-ikm").strip() == "D"

    # 1. Before the handover the status page invites no survey.
    buka_status(halaman, obj.kode_lacak, obj.pin, linimasa="attached")
    assert halaman.locator("#undangan-skm").count() == 0

    # 2. The pick-up desk hands the KTP-el over.
    masuk(halaman, "operator_pengambilan")
    halaman.goto(url_proses(PermohonanTanpaVerifikasi, "detail", obj.pk))
    buka_aksi(halaman, "serahkan")
    kirim_aksi(halaman)
    assert halaman.inner_text("#status").strip() == "Selesai"

    # 3. The citizen is invited by email (the daily task) and on the status page.
    assert skm_undang_selesai() == 1
    undangan = [m for m in server_smtp.pesan if "siti@contoh.id" in m.penerima and "/piak/skm/" in m.get_body(("plain",)).get_content()]
    assert len(undangan) == 1
    buka_status(halaman, obj.kode_lacak, obj.pin, linimasa="attached")
    halaman.langkah("status-undangan-skm")
    halaman.click("#undangan-skm a")
    halaman.wait_for_selector("#form-skm")
    # A missing element is refused, with the choices kept.
    for i in range(1, 9):
        halaman.check(f"input[name=u{i}][value='4']")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#form-skm .text-danger")
    assert "Pilih salah satu nilai." in halaman.inner_text("#form-skm")
    assert halaman.is_checked("input[name=u1][value='4']")
    halaman.check("input[name=u9][value='3']")
    halaman.fill("textarea[name=saran]", "Antrean pengambilan cepat.")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#skm-selesai")
    assert JawabanSkm.objects.count() == 2

    # Answered once: the status page no longer invites it.
    buka_status(halaman, obj.kode_lacak, obj.pin, linimasa="attached")
    assert halaman.locator("#undangan-skm").count() == 0

    # 4. The IKM page: element averages (2+4)/2 = 3 for u1-u8 and (2+3)/2 = 2,5 for u9;
    #    (8 x 3 + 2,5) / 9 = 2,9444 x 25 = 73,61, grade C. The service itself: 35/9 x 25 = 97,22, A.
    halaman.goto("/piak/ikm/")
    halaman.langkah("ikm")
    assert re.sub(r"\s", "", halaman.inner_text("#nilai-ikm")) in ("73,61", "73.61")
    assert halaman.inner_text("#mutu-ikm").strip() == "C"
    baris = halaman.locator("#ikm-layanan tbody tr", has_text="P.4.1.1").inner_text()
    assert re.search(r"1\s+97[,.]22\s+A", baris)
    assert "siti" not in halaman.content().lower() and obj.kode_lacak not in halaman.content()
