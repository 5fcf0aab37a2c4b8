"""Numbers that are links, not text: with USE_THOUSAND_SEPARATOR, page 1,000 of a queue must link
to ``page=1001``, not ``page=1.001`` (a 404)."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def test_the_pager_links_pages_past_a_thousand_whole():
    page = Paginator(range(30_000), 25).page(1000)
    html = render_to_string("partials/halaman.html", {"is_paginated": True, "page_obj": page})
    assert "page=999\"" in html and "page=1001\"" in html
    assert "Halaman 1.000 dari 1.200" in html  # the text stays in the Dinas' number format
