"""`make bench` (evidence part): every initiative's evidence card computed from the records.

Builds the outcomes benchmark's data (`--scale 1`: 30,000 persons, 60,000 cases, 150,000
participations, 1.5 million status observations; benchmarks/outcomes_data.py) plus the demo's
register extracts for the comparison pool, then reports what the worker spends computing every
card from the records (loading them, every card, the slowest), and what users wait for: every
card served (goal: 2 s for all together), before and after a record changes; and the
portfolio's rows with every committee card computed (goal: p95 300 ms). Importing
scikit-learn, scipy and statsmodels is given apart. Figures, not tests."""

import argparse
import random
import time
from datetime import date, timedelta


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    from benchmarks.database import throwaway_database

    with throwaway_database():
        from django.conf import settings
        from django.db import connection
        from django.utils import timezone

        from accounts.demo import demo_users_create
        from accounts.models import User
        from benchmarks.outcomes_data import scale_data_create
        from evidence.demo import demo_registers_create

        settings.DEBUG = True  # the demo generators refuse to run without it
        demo_users_create()
        started = time.perf_counter()
        counts = scale_data_create(args.scale, random.Random(7))
        today = timezone.localdate()
        registers = demo_registers_create(
            today=today, by=User.objects.get(username="sagsbehandler")
        )
        print(
            f"evidence at scale {args.scale:g} on {connection.vendor}: "
            + ", ".join(f"{n:,} {what}" for what, n in counts.items())
            + f", {registers[0]:,} register statuses (built in {time.perf_counter() - started:.0f} s)"
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
        settings.DEBUG = False
        _cards(today)


def _cards(today) -> None:
    from evidence.card import evidence_card_store
    from evidence.records import person_records_load, records_version
    from evidence.served import evidence_card
    from initiatives.models import Initiative
    from outcomes.models import Participation, StatusObservation

    started = time.perf_counter()
    import sklearn.linear_model  # noqa: F401
    import statsmodels.regression.linear_model  # noqa: F401
    from scipy.optimize import minimize  # noqa: F401

    print(f"  importing scikit-learn, scipy, statsmodels: {time.perf_counter() - started:.1f} s")
    initiatives = list(Initiative.objects.filter(pk__in=Participation.objects.values("initiative")))
    started = time.perf_counter()
    version = records_version()
    stamped = time.perf_counter() - started
    started = time.perf_counter()
    records = person_records_load()
    loaded = time.perf_counter() - started
    # What the worker does after records change: compute every card from the records.
    times = []
    for initiative in initiatives:
        one = time.perf_counter()
        evidence_card_store(initiative, as_of=today, version=version, records=records)
        times.append((time.perf_counter() - one, initiative.slug))
    total = loaded + sum(t for t, _ in times)
    slowest = max(times)
    print(
        f"  the worker computes every card ({len(initiatives)} initiatives): {total:.1f} s "
        f"(loading the records {loaded:.1f} s; slowest {slowest[1]} {slowest[0]:.1f} s)"
    )
    # What users wait for: every card served, as the page, the PDF and the API get it.
    started = time.perf_counter()
    for initiative in initiatives:
        assert evidence_card(initiative, as_of=today, final=False).current
    served = time.perf_counter() - started
    print(
        f"  every card served ({len(initiatives)}): {served:.2f} s, goal 2 s "
        f"(the records' version stamp {1000 * stamped:.0f} ms of each)"
    )
    # After a record changes, the last card is served (marked) while the worker computes anew.
    observation = StatusObservation.objects.order_by("pk").first()
    StatusObservation.objects.create(
        person_id=observation.person_id,
        observed_on=observation.observed_on + timedelta(days=1),
        status=observation.status,
        source=observation.source,
    )
    started = time.perf_counter()
    for initiative in initiatives:
        assert not evidence_card(initiative, as_of=today, final=False).current
    print(
        f"  every card served after a change, marked as computed before it: "
        f"{time.perf_counter() - started:.2f} s"
    )
    _portfolio(today, initiatives)


def _portfolio(today, initiatives) -> None:
    """The portfolio page's rows (every initiative) once the committees' cards are computed."""
    from benchmarks.database import percentiles
    from evidence.card import evidence_card_store
    from evidence.records import person_records_load, records_version
    from initiatives.models import Initiative
    from portfolio.rows import portfolio_rows

    last_year_end = date(today.year - 1, 12, 31)
    version, records = records_version(), person_records_load()
    for initiative in initiatives:
        evidence_card_store(initiative, as_of=last_year_end, version=version, records=records)
    samples = []
    for _ in range(10):
        started = time.perf_counter()
        portfolio_rows(Initiative.objects.all(), year=today.year - 1)
        samples.append(1000 * (time.perf_counter() - started))
    p50, p95 = percentiles(samples)
    print(
        f"  the portfolio, all 37 initiatives: p50 {p50:.0f} ms, p95 {p95:.0f} ms (goal p95 300 ms)"
    )


if __name__ == "__main__":
    main()
