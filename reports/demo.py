"""The demo's committee history: every synthetic safety-survey wave presented to BIU, ØU and
BR in the autumn of its year, through the same action a secretariat uses, so the
safety-index initiative's yearly survey is counted from the presentations (never typed)."""

import random
from datetime import date

from django.utils import timezone

from accounts.models import User
from areas.models import SurveyWave
from reports.models import SAFETY_INDEX_COMMITTEES
from reports.safety_presentations import survey_wave_present


def demo_presentations_create() -> int:
    """Safe to run again: waves already presented are left alone."""
    by = User.objects.filter(is_superuser=True).first() or User.objects.first()
    if by is None:
        return 0
    rng, today, made = random.Random(2009), timezone.localdate(), 0
    for wave in SurveyWave.objects.filter(presentations__isnull=True, name__contains="syntetisk"):
        for month, committee in zip((10, 11, 12), SAFETY_INDEX_COMMITTEES, strict=True):
            meeting = date(wave.year, month, rng.randint(2, 27))
            if meeting <= today:
                survey_wave_present(by=by, wave=wave, committee=committee, meeting_on=meeting)
                made += 1
    return made
