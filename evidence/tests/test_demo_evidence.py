"""On the demo data the evidence cards recover the planted effect (outcomes.demo: +15 points
in job or education for Fremskudt beskæftigelsesindsats på Nørrebro), refuse what cannot be
compared, and show a committee reader no count under 5."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from cases.demo_population import demo_population_create
from evidence.card import MARYLAND_COMPARISON
from evidence.demo import demo_registers_create
from evidence.estimators import Refusal
from evidence.served import evidence_card
from initiatives.models import Initiative
from outcomes.demo import PLANTED_EFFECT, PLANTED_SLUG
from outcomes.models import Participation

TODAY = date(2026, 12, 3)


@pytest.fixture
def demo(all_roles, settings):
    from accounts.demo import demo_users_create
    from accounts.models import User

    settings.DEBUG = True
    demo_users_create()
    with time_machine.travel(datetime(2026, 12, 3, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        demo_population_create(today=TODAY)
        demo_registers_create(today=TODAY, by=User.objects.get(username="sagsbehandler"))
        yield


def test_the_demo_cards_recover_the_planted_effect_and_refuse_what_cannot_be_compared(demo):
    planted = evidence_card(Initiative.objects.get(slug=PLANTED_SLUG), as_of=TODAY, final=False)
    started = planted.headline.started
    assert started.is_effect and planted.headline.maryland == MARYLAND_COMPARISON
    assert started.low <= PLANTED_EFFECT <= started.high
    assert started.matched >= 30
    # The inmates, each with two prior convictions, cannot be compared with the pool.
    inmates = evidence_card(
        Initiative.objects.get(slug="indsats-for-indsatte"), as_of=TODAY, final=False
    )
    assert inmates.headline.started.refusal == Refusal.BALANCE_FAILS
    assert inmates.headline.maryland < MARYLAND_COMPARISON


def _small_counts(page) -> list[str]:
    """Counts are shown in cells of their own: those from 1 to 4."""
    cells = re.findall(r"<td>\s*(\d+)\s*</td>", page.content.decode())
    return [c for c in cells if 0 < int(c) < 5]


def test_every_initiative_with_participants_has_a_card_a_reader_sees_without_small_counts(
    demo, client, committee_reader
):
    client.force_login(committee_reader)
    slugs = Initiative.objects.filter(
        pk__in=Participation.objects.values("initiative")
    ).values_list("slug", flat=True)
    assert len(slugs) > 10
    with time_machine.travel(datetime(2026, 12, 3, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        for slug in slugs:
            page = client.get(reverse("evidence:card", args=[slug]))
            assert page.status_code == 200, slug
            text = re.sub(r"<[^>]+>", " ", page.content.decode())
            assert "Endelige tal for afsluttede år" in text
            assert not _small_counts(page), slug
        api = client.get(f"/api/v1/initiatives/{PLANTED_SLUG}/evidence")
    assert api.status_code == 200
    assert api.json()["final"] is True


def test_those_who_see_persons_get_todays_card_with_small_counts_hidden_too(
    demo, client, ssp_consultant
):
    """The people behind a card are more than any caseworker may see."""
    client.force_login(ssp_consultant)
    with time_machine.travel(datetime(2026, 12, 3, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        page = client.get(reverse("evidence:card", args=["den-korte-snor"]))
    assert "3.12.2026" in page.content.decode()
    assert not _small_counts(page)


def test_a_hidden_count_of_participants_without_a_comparable_person_hides_those_compared():
    """Compared + without a comparable person = the treated measured, which the subgroups
    add up to: one hidden alone could be worked out."""
    from evidence.card import _estimate_without_small_counts
    from evidence.estimators import Estimate

    shown = _estimate_without_small_counts(
        Estimate(
            Refusal.NONE,
            treated=43,
            treated_missing=9,
            pool=900,
            pool_missing=0,
            matched=40,
            unmatched=3,
        )
    )
    assert (shown.matched, shown.unmatched) == ("skjult", "<5")
