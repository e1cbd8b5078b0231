from datetime import date

import pytest
from django.test import Client

from cases.models import LevelRule, Task
from conftest import ROLE_NAMES, login_client


def test_my_work_lists_overdue_tasks_first(level_3_case, ssp_consultant):
    Task.objects.filter(case=level_3_case, title="Handleplan med ansvarlige personer").update(
        due_date=date(2020, 1, 1)
    )
    page = login_client(Client(), ssp_consultant).get("/mit-arbejde/").content.decode()
    assert page.index("Handleplan med ansvarlige personer") < page.index(
        "Behandling i koordinationsgruppen"
    )
    assert "overskredet" in page


def test_a_task_is_marked_done(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    task = level_3_case.tasks.first()
    client.post(f"/opgaver/{task.pk}/udfoert/")
    task.refresh_from_db()
    assert task.done_at is not None and task.done_by == ssp_consultant


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_administrators_configure_level_rules(all_roles, role):
    client = login_client(Client(), all_roles[role])
    expected = 200 if role == "administrator" else 403
    assert client.get("/niveauregler/").status_code == expected
    assert client.get("/niveauregler/3/").status_code == expected


def test_an_administrator_changes_a_deadline(administrator):
    client = login_client(Client(), administrator)
    rule = LevelRule.objects.get(level=4)
    actions = list(rule.actions.all())
    data = {
        "handling_body": rule.handling_body,
        "responsible_role": rule.responsible_role,
        "characteristics": rule.characteristics,
        "actions-TOTAL_FORMS": str(len(actions) + 1),
        "actions-INITIAL_FORMS": str(len(actions)),
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
    }
    for i, action in enumerate(actions):
        data.update(
            {
                f"actions-{i}-id": action.pk,
                f"actions-{i}-title": action.title,
                f"actions-{i}-deadline_days": "1" if i == 0 else action.deadline_days,
            }
        )
    data.update({f"actions-{len(actions)}-title": "", f"actions-{len(actions)}-deadline_days": ""})
    assert client.post("/niveauregler/4/", data).status_code == 302
    rule.refresh_from_db()
    assert rule.actions.get(title="Akut koordinationsmøde").deadline_days == 1
    assert not rule.is_default


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_case_workers_open_cases(all_roles, role):
    client = login_client(Client(), all_roles[role])
    expected = 200 if role in {"ssp_consultant", "coordinator", "caseworker"} else 403
    assert client.get("/sager/ny/").status_code == expected
