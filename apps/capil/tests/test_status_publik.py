"""A P.5.1 report on the citizen's status page (apps/publik serves every process model): the step
in plain words, the public reason of a return, names masked."""

from django.urls import reverse

from apps.core.workflow import jalankan_aksi

from .factories import kelahiran_baru


def test_the_reporter_follows_the_report_with_code_and_pin(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=kk, ayah=ayah, ibu=ibu, lengkap=False)
    jalankan_aksi(objek=objek, aksi="kembalikan", pengguna=pengguna("petugas_fo"),
                  catatan="Surat keterangan lahir dari rumah sakit belum ada.")
    r = client.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin}, follow=True)
    teks = r.content.decode()
    assert r.status_code == 200
    assert "Persyaratan belum lengkap" in teks
    assert "Surat keterangan lahir dari rumah sakit belum ada." in teks
    assert "ANISA PUTRI" not in teks  # the holder's name is masked
