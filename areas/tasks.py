"""Background imports of the areas part (run by `sikkerby db_worker`)."""

from django.tasks import task

from areas.models import AreaSet
from areas.safety_import import police_counts_import, survey_wave_import
from imports.jobs import import_job_run

SURVEY, POLICE = "areas.survey", "areas.police"


@task()
def area_import_task(job_id: int) -> int:
    def run(job, progress) -> int:
        area_set = AreaSet.objects.get(key=job.parameters["area_set"])
        data = bytes(job.data)
        if job.kind == SURVEY:
            wave = survey_wave_import(
                by=job.created_by,
                area_set=area_set,
                year=job.parameters["year"],
                invited=job.parameters["invited"],
                filename=job.filename,
                data=data,
                progress=progress,
            )
            return wave.responded
        return police_counts_import(
            by=job.created_by,
            area_set=area_set,
            filename=job.filename,
            data=data,
            progress=progress,
        )

    return import_job_run(job_id, run).saved
