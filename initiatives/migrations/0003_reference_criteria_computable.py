"""The reference catalogue's criteria that became computable when activities and survey
answers could be recorded: VINK's outreach counts, the yearly follow-up meeting, the yearly
survey and the half-yearly reports count activities; Ny Start's 'crime falls' compares the
same young people before and after their start. Catalogues loaded before this get the same
change; criteria an owner has since edited are left alone."""

from django.db import migrations

CHANGES = [
    # (initiative slug, text starts with, old kind, new kind, statuses, direction)
    (
        "vink",
        "Viden om radikalisering udbredes til minimum 100 frontmedarbejdere",
        "count_in_period",
        "activity_count",
        "frontmedarbejdere",
        None,
    ),
    (
        "vink",
        "Viden om radikalisering udbredes til minimum 100 forældre",
        "count_in_period",
        "activity_count",
        "forældre",
        None,
    ),
    (
        "vink",
        "Viden om radikalisering udbredes til minimum 200 elever",
        "count_in_period",
        "activity_count",
        "elever",
        None,
    ),
    (
        "fritidsjob",
        "Der afholdes et årligt opfølgningsmøde",
        "manual",
        "activity_count",
        "opfølgningsmøde",
        None,
    ),
    (
        "tryghedsindekset",
        "Der gennemføres årligt en undersøgelse",
        "manual",
        "activity_count",
        "undersøgelse",
        None,
    ),
    (
        "urolige-omraader",
        "Der gennemføres halvårligt afrapporteringer",
        "manual",
        "activity_count",
        "afrapportering",
        None,
    ),
    (
        "ny-start",
        "De unges kriminalitet falder",
        "count_in_period",
        "cohort_share",
        "anholdelse,sigtelse,dom",
        "decrease",
    ),
]


def forwards(apps, schema_editor):
    SuccessCriterion = apps.get_model("initiatives", "SuccessCriterion")
    for slug, text, old_kind, new_kind, statuses, direction in CHANGES:
        rows = SuccessCriterion.objects.filter(
            initiative__slug=slug,
            initiative__is_reference=True,
            text__startswith=text,
            kind=old_kind,
            version=1,
        )
        values = {"kind": new_kind, "statuses": statuses}
        if direction:
            values["direction"] = direction
        if new_kind == "cohort_share":
            values["target_unit"] = ""
        rows.update(**values)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0002_activity_count_criteria")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
