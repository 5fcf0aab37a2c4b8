import pytest


@pytest.fixture(autouse=True)
def _piak_email(settings):
    settings.SITE_URL = "http://portal.uji"
