"""Seed 002's two housing-area goals name what they measure, so they are computed from the
housing areas' yearly figures: new vulnerable areas, and the fall in the share of adults
outside the labour market."""

from django.db import migrations

MEASURES = [
    ("udlejningsmodeller", "Der må ikke komme nye udsatte områder", "nye udsatte"),
    ("udlejningsmodeller", "Andelen af personer udenfor arbejdsmarkedet", "uden for arbejdsmarkedet"),
]


def forwards(apps, schema_editor):
    SuccessCriterion = apps.get_model("initiatives", "SuccessCriterion")
    for slug, text, statuses in MEASURES:
        SuccessCriterion.objects.filter(
            initiative__slug=slug, text__startswith=text, kind="area_vs_city", statuses=""
        ).update(statuses=statuses)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0005_area_criteria_measures")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
