"""Every municipality starts with the labelled default level rules (cases/level_rule_defaults.py)."""

from django.db import migrations


def create_defaults(apps, schema_editor):
    from cases.level_rule_defaults import DEFAULT_LEVEL_RULES

    LevelRule = apps.get_model("cases", "LevelRule")
    LevelRuleAction = apps.get_model("cases", "LevelRuleAction")
    for level, body, role, characteristics, actions in DEFAULT_LEVEL_RULES:
        rule, created = LevelRule.objects.get_or_create(
            level=level, defaults={"handling_body": body, "responsible_role": str(role), "characteristics": characteristics}
        )
        if created:
            for position, (title, days) in enumerate(actions, start=1):
                LevelRuleAction.objects.create(rule=rule, title=title, deadline_days=days, position=position)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
