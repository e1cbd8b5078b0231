"""Every person shown on any page or API answer is in the access log (Datatilsynet: log every
use of personal data). The test logs in as every demo role, follows every link it finds (a
few of each kind), posts the searches, and checks that each person whose name or page link
is in a response has an access-log entry for that user written by that request."""

import re
from collections import defaultdict

import pytest

from accounts.demo import DEMO_USERS, demo_users_create
from accounts.models import User
from audit.models import AccessLogEntry
from audit.tests.crawl import Crawl
from cases.demo_population import demo_population_create
from conftest import client_for
from people.actions import person_for_registration
from people.models import Person

API_LISTS = [
    "/api/v1/me",
    "/api/v1/cases",
    "/api/v1/tasks",
    "/api/v1/referrals",
    "/api/v1/intervention/courses",
    "/api/v1/intervention/steering",
]
# A person named by page link or by id (the audit trail names persons as "person 12").
PERSON_LINK = re.compile(r"/personer/(\d+)/|\bperson (\d+)\b")


class LoggedReads:
    """Checks each page: every person named or linked in it has an entry by this request."""

    def __init__(self, user: User, names: dict[str, set[int]]):
        self.user, self.names = user, names
        self.shown: list[tuple[str, int]] = []
        self.missed: list[tuple[str, str]] = []

    def __call__(self, url: str, text: str, before: int) -> None:
        logged = set(
            AccessLogEntry.objects.filter(
                id__gt=before, user_id=self.user.pk, subject_type="people.person"
            ).values_list("subject_id", flat=True)
        )
        for name, ids in self.names.items():
            if name in text:
                self.shown.append((url, min(ids)))
                if not {str(i) for i in ids} & logged:
                    self.missed.append((url, name))
        for person_id in {a or b for a, b in PERSON_LINK.findall(text)}:
            self.shown.append((url, int(person_id)))
            if person_id not in logged:
                self.missed.append((url, f"person {person_id}"))


@pytest.fixture
def demo(settings, catalogue):
    settings.DEBUG = True
    demo_users_create()
    demo_population_create(young_people=30)
    # A typed CPR number waiting for its match (the match page shows both records).
    young = Person.objects.filter(ssp_cases__isnull=False).first()
    person_for_registration(
        by=User.objects.get(username="sagsbehandler"),
        visible=Person.objects.none(),
        first_name="Indtastet",
        last_name="Navnesen",
        cpr_text=f"{young.cpr[:6]}-{young.cpr[6:]}",
        purpose="Oprettelse af SSP-sag",
    )
    names: dict[str, set[int]] = defaultdict(set)
    for person in Person.objects.all():
        names[str(person)].add(person.pk)
    return names


@pytest.mark.parametrize("username", [u[0] for u in DEMO_USERS])
def test_every_person_shown_to_every_role_is_in_the_access_log(demo, username):
    user = User.objects.get(username=username)
    reads = LoggedReads(user, demo)
    crawl = Crawl(client_for(user), check=reads)
    crawl.run(
        [
            "/",
            "/mit-arbejde/",
            "/henvisninger/",
            "/interventionsteam/",
            "/revision/",
            "/revision/?format=csv",
            "/noedadgang/gennemgang/",
            *API_LISTS,
        ]
    )
    some = Person.objects.filter(ssp_cases__isnull=False).order_by("pk")[:3]
    if user.has_perm("cases.search_persons"):
        for person in some:
            crawl.fetch("/personer/soeg/", {"name": person.last_name})
    if user.has_perm("audit.answer_subject_access"):
        crawl.fetch("/indsigt/", {"cpr": f"{some[0].cpr[:6]}-{some[0].cpr[6:]}"})
    if user.has_perm("audit.view_access_log"):
        crawl.fetch("/adgangslog/", {"person_id": some[0].pk})
    print(
        f"{username}: {crawl.pages} pages, {len(reads.shown)} persons shown, {len(reads.missed)} not logged"
    )
    assert reads.missed == []
