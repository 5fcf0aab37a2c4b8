"""Every model of the portal is in Django admin, with search and filters, and its list opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

# Kept as inlines of their parent (the parent's page shows them).
INLINE = {
    "dokumen.cetakdokumen", "pendaftaran.persyaratan", "capil.catatanpinggir", "capil.kelahiran",
    "capil.lahirmati", "capil.kematian", "capil.perkawinan", "capil.perceraian",
}
APP_PORTAL = {"core", "akun", "penduduk", "dokumen", "publik", "umum", "keuangan", "pendaftaran", "capil", "piak", "pemanfaatan", "dasbor"}


def model_portal():
    return [m for m in apps.get_models() if m._meta.app_label in APP_PORTAL]


def test_every_model_is_in_admin_with_search_and_filters():
    for model in model_portal():
        label = model._meta.label_lower
        if label in INLINE:
            continue
        model_admin = admin.site._registry.get(model)
        assert model_admin is not None, f"{label} is not in admin"
        assert model_admin.search_fields, f"{label} has no search"
        assert model_admin.list_filter, f"{label} has no filters"


@pytest.mark.django_db
def test_every_admin_list_opens_for_the_superuser(admin_client):
    for model in model_portal():
        if model not in admin.site._registry:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert admin_client.get(url, {"q": "35"}).status_code == 200, url
