"""A criterion may measure a policy goal; the reference catalogue's letting-agreement criteria
measure goals a and b (seed 002)."""

import django.db.models.deletion
from django.db import migrations, models

MEASURING = {
    "a": "Der må ikke komme nye udsatte områder i Københavns Kommune.",
    "b": "Andelen af personer udenfor arbejdsmarkedet skal falde med 10 procentpoint i aftaleperioden.",
}


def link_seeded_criteria(apps, schema_editor):
    PolicyGoal = apps.get_model("initiatives", "PolicyGoal")
    SuccessCriterion = apps.get_model("initiatives", "SuccessCriterion")
    for code, text in MEASURING.items():
        goal = PolicyGoal.objects.filter(code=code).first()
        if goal is not None:
            SuccessCriterion.objects.filter(
                initiative__slug="udlejningsmodeller", text=text, measures_goal=None
            ).update(measures_goal=goal)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0010_streams_by_channel_and_age"),
    ]

    operations = [
        migrations.AddField(
            model_name="successcriterion",
            name="measures_goal",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="measuring_criteria",
                to="initiatives.policygoal",
                verbose_name="måler det politiske mål",
            ),
        ),
        migrations.RunPython(link_seeded_criteria, migrations.RunPython.noop),
    ]
