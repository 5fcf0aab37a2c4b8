from django import template

from ..urls import url_proses as _url_proses

register = template.Library()


@register.simple_tag
def url_proses(objek, jenis, *args):
    """``{% url_proses objek "detail" objek.pk %}``: a process page, the app's or the kernel's."""
    return _url_proses(objek if isinstance(objek, type) else type(objek), jenis, *args)
