"""The cross-process index learns that a record has a document (IndeksProses.ada_dokumen)."""

from apps.core.models import IndeksProses


def tandai_indeks(sender, instance, created, **kwargs) -> None:
    """post_save of Dokumen: the first document of a record flags its index row, in the same
    transaction; the status page looks for downloadable documents only on flagged rows."""
    if created:
        IndeksProses.objects.filter(
            content_type_id=instance.content_type_id, object_id=instance.object_id, ada_dokumen=False
        ).update(ada_dokumen=True)
