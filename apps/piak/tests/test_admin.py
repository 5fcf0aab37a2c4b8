import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from .factories import pengaduan_baru

pytestmark = pytest.mark.django_db


def test_every_piak_admin_list_opens(admin_client):
    pengaduan_baru()
    for model in apps.get_app_config("piak").get_models():
        model_admin = admin.site._registry[model]
        assert model_admin.search_fields and model_admin.list_filter, model
        url = reverse(f"admin:piak_{model._meta.model_name}_changelist")
        assert admin_client.get(url, {"q": "35"}).status_code == 200, url


def test_the_pin_is_not_shown_in_admin(admin_client):
    objek = pengaduan_baru()
    r = admin_client.get(reverse("admin:piak_pengaduan_change", args=[objek.pk]))
    assert r.status_code == 200 and b"PIN:" not in r.content
