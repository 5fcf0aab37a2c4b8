"""Celery jobs of apps/dokumen: render-and-sign, print, email, and the sweeper. They take ids and
call ``apps.dokumen.jobs``; retries (exponential backoff) live here.

``acks_late`` and ``reject_on_worker_lost`` are set globally (settings) and repeated here: a worker
killed mid-job gets its message redelivered, and the leases in ``jobs`` make the second run safe.
What the broker still loses (a message acked after its retries ran out while the database was
away, a Redis restarted without persistence) the sweeper publishes again from the rows.
"""

from __future__ import annotations

from celery import Task, shared_task

from . import jobs

BIASA = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (Exception,),
    "dont_autoretry_for": (jobs.GalatPermanen,),
    "retry_backoff": 5,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 5,
}


class TugasDokumen(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        jobs.tandai_gagal(args[0], exc)


class TugasEmail(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        jobs.tandai_email_gagal(args[0], exc)


class TugasCetak(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        jobs.tandai_cetak_gagal(args[0], exc)


# Rendering has soft and hard time limits: a runaway template cannot hold a worker. The hard
# limit stays below the lease (settings.PEKERJAAN_MASA_KLAIM), so a live job never loses it.
@shared_task(base=TugasDokumen, soft_time_limit=60, time_limit=90, **BIASA)
def proses_dokumen(self, dokumen_id: int, token: str = "") -> str:
    return jobs.proses_dokumen(dokumen_id, token)


@shared_task(base=TugasEmail, soft_time_limit=60, time_limit=90, **BIASA)
def kirim_email_dokumen(self, dokumen_id: int) -> str:
    return jobs.kirim_email_dokumen(dokumen_id)


@shared_task(base=TugasCetak, soft_time_limit=60, time_limit=90, **BIASA)
def cetak_dokumen(self, cetak_id: int) -> str:
    return jobs.cetak_dokumen(cetak_id)


# Beat, every minute (settings.CELERY_BEAT_SCHEDULE). Expires before the next run: a backlog of
# sweeper messages after an outage collapses to one run.
@shared_task(acks_late=True, soft_time_limit=50, time_limit=55, expires=55)
def sapu_pekerjaan() -> dict:
    from . import massal

    hasil = jobs.sapu_pekerjaan()
    hasil["tte_massal"] = massal.sapu_tte_massal()
    return hasil


class TugasTTEMassal(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        from . import massal

        massal.tte_massal_gagal(args[0], exc)


# A bulk TTE runs its records' transitions one by one (fast, database only); each record renews
# the batch's lease, so the limits are per batch, not per record. The documents are signed by
# proses_dokumen jobs, in parallel on the other worker processes.
@shared_task(base=TugasTTEMassal, **{**BIASA, "max_retries": 3}, soft_time_limit=600, time_limit=660)
def tte_massal_jalankan(self, batch_id: int) -> str:
    from . import massal

    return massal.tte_massal_jalankan(batch_id)


# Beat, nightly: PDF files of a worker killed between writing and recording them.
@shared_task(acks_late=True, soft_time_limit=600, time_limit=900)
def bersihkan_pdf_yatim() -> int:
    return jobs.bersihkan_pdf_yatim()
