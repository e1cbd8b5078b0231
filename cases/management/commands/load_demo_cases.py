"""A handful of clearly synthetic young people with SSP cases for the demo (only with DEBUG on).

Demo persons get replacement numbers ('DDMMYY-E001'), never CPR-shaped numbers, so a demo
database can never be mistaken for real data; they are flagged `is_synthetic` and marked
'demo' wherever they are shown. (The full synthetic population is a later step.)"""

from datetime import date, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from cases.actions import ssp_case_open
from cases.models import CaseMember, SspBodyMembership, SspCase, Task
from people.actions import person_create

DEMO_CASES = [
    (
        "Demo",
        "Adam",
        date(2012, 3, 14),
        "amager-vest",
        1,
        "Skole",
        "Meget fravær og konflikter i frikvartererne.",
    ),
    (
        "Demo",
        "Bashir",
        date(2010, 7, 2),
        "amager-vest",
        2,
        "Klub",
        "Butikstyveri sammen med ældre unge.",
    ),
    (
        "Demo",
        "Clara",
        date(2009, 11, 23),
        "noerrebro",
        3,
        "Københavns Politi",
        "Gentagne indbrud i kolonihaver.",
    ),
    (
        "Demo",
        "Deniz",
        date(2008, 5, 5),
        "noerrebro",
        4,
        "Københavns Politi",
        "Knivstik i forbindelse med konflikt.",
    ),
]


class Command(BaseCommand):
    help = "Opretter nogle få syntetiske demo-sager (kun når DEBUG er slået til)."

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-sager oprettes kun, når DEBUG er slået til.")
        if SspCase.objects.filter(person__is_synthetic=True).exists():
            self.stdout.write("Demo-sagerne findes allerede.")
            return
        ssp = User.objects.get(username="ssp")
        coordinator = User.objects.get(username="koordinator")
        SspBodyMembership.objects.get_or_create(user=ssp, ssp_district="15 Sundbyvester")
        for first, last, born, district, level, partner, text in DEMO_CASES:
            person = person_create(
                by=ssp,
                first_name=first,
                last_name=last,
                birth_date=born,
                district=district,
                is_synthetic=True,
                purpose="Demo-data",
            )
            case = ssp_case_open(
                by=ssp,
                person=person,
                level=level,
                reporting_partner=partner,
                reported_on=timezone.localdate() - timedelta(days=10 * level),
                ssp_district="15 Sundbyvester",
                description=text,
                legal_basis="rpl115",
                necessity="Demo: koordinering mellem skole, socialforvaltning og politi.",
            )
            if level >= 3:
                CaseMember.objects.get_or_create(
                    case=case, user=coordinator, defaults={"role_on_case": "Koordinator"}
                )
                Task.objects.filter(case=case).update(responsible=coordinator)
        self.stdout.write(
            self.style.SUCCESS(
                f"Oprettede {len(DEMO_CASES)} syntetiske demo-sager i SSP-distrikt 15 Sundbyvester."
            )
        )
