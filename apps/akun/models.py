"""Citizens' accounts (akun warga): kept apart from the staff's ``auth.User``.

A citizen never becomes a Django user, so no staff page, role, group or menu can ever apply to
one: the staff views see an anonymous visitor. The account only lists the requests filed with
its (verified) email address; see ``apps.akun.warga``."""

from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone


class AkunWarga(models.Model):
    email = models.EmailField("email", unique=True)
    nama = models.CharField("nama", max_length=120)
    kata_sandi = models.CharField("kata sandi (hash)", max_length=128)
    terverifikasi_pada = models.DateTimeField("email dikonfirmasi pada", null=True, blank=True)
    aktif = models.BooleanField(default=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    masuk_terakhir = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "akun warga"
        verbose_name_plural = "akun warga"

    def __str__(self) -> str:
        return self.email

    @property
    def terverifikasi(self) -> bool:
        return self.terverifikasi_pada is not None

    def atur_kata_sandi(self, mentah: str) -> None:
        self.kata_sandi = make_password(mentah)

    def cek_kata_sandi(self, mentah: str) -> bool:
        def perbarui(m):  # hasher upgraded: store the new hash
            self.atur_kata_sandi(m)
            self.save(update_fields=["kata_sandi"])

        return check_password(mentah, self.kata_sandi, perbarui)
