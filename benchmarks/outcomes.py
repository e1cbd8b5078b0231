"""`make bench` (outcomes part): success criteria computed live at a municipality's scale.

`--scale 1` is one large municipality (30,000 persons, 60,000 cases, 150,000 participations,
1.5 million status observations; benchmarks/outcomes_data.py); `--scale 10` national. Builds a
throw-away database (SQLite, or DATABASE_URL's test copy) and reports, as figures: the time to
compute every criterion of every initiative through the app, the same through one
hand-written SQL statement per criterion kind (the floor, benchmarks/outcomes_floor.py) and
their ratio; p50/p95 of the case-worker pages and the scorecard; import throughput; peak
memory. Figures, not tests: the targets are in the README.
"""

import argparse
import random
import resource
import statistics
import time
import tracemalloc

from benchmarks.database import percentiles, throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--import-rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with throwaway_database():
        from django.conf import settings
        from django.db import connection

        from accounts.demo import demo_users_create
        from benchmarks.outcomes_data import scale_data_create

        settings.DEBUG = True  # the demo generator refuses to run without it
        demo_users_create()
        started = time.perf_counter()
        counts = scale_data_create(args.scale, random.Random(7))
        print(
            f"outcomes at scale {args.scale:g} on {connection.vendor}: "
            + ", ".join(f"{n:,} {what}" for what, n in counts.items())
            + f" (built in {time.perf_counter() - started:.0f} s)"
        )
        with connection.cursor() as cursor:
            # Planner statistics and (PostgreSQL) the visibility map that index-only scans
            # need: what autovacuum gives a database in use, after a bulk load at once.
            cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
        settings.DEBUG = False  # no query log while timing
        _criteria(args)
        _pages(args)
        _import(args)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the whole run (max RSS, incl. building the data): {peak:.0f} MB")


def _timed(function, repeat: int = 3) -> float:
    """Median wall time in ms."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _criteria(args) -> None:
    from django.utils import timezone

    from benchmarks.outcomes_floor import cohort_status_floor, every_criterion_floor
    from initiatives.models import Initiative
    from outcomes.scorecard import initiative_scorecard

    today = timezone.localdate()
    initiatives = list(Initiative.objects.prefetch_related("success_criteria"))
    cards = [c for i in initiatives for g in initiative_scorecard(i, today).values() for c in g]
    _check_floor_agrees(cards, cohort_status_floor(today))

    def every_criterion() -> None:
        for initiative in initiatives:
            initiative_scorecard(initiative, today)

    app = _timed(every_criterion)
    floor = _timed(lambda: every_criterion_floor(today))
    print(
        f"every criterion of every initiative ({len(cards)} criteria, {len(initiatives)} "
        f"initiatives): {app:.0f} ms; floor (one SQL statement per kind) {floor:.0f} ms; "
        f"ratio {app / floor:.2f}"
    )
    tracemalloc.start()
    every_criterion()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"Python memory allocated at peak while computing every criterion: {peak / 2**20:.1f} MB")


def _check_floor_agrees(cards, floor: dict) -> None:
    """The floor must give the app's figures, or its time means nothing."""
    compared = 0
    for card in cards:
        for result in card.results:
            if not result.label.startswith(("efter ", "ved start")):
                continue
            months = int(result.label.split()[1]) if result.label.startswith("efter") else 0
            successes, observed, size = floor[(card.criterion.pk, months)]
            if result.numerator is not None:
                assert (result.numerator, result.denominator) == (successes, observed), (
                    card.criterion.pk,
                    months,
                )
            assert result.missing == size - observed or result.denominator is None
            compared += 1
    print(f"floor and app agree on all {compared} cohort figures")


def _pages(args) -> None:
    from django.test import Client

    from accounts.models import User
    from cases.permissions import cases_visible_to

    user = User.objects.get(username="ssp")
    case = cases_visible_to(user).order_by("pk").first()
    client = Client()
    client.force_login(user)
    for path in [
        "/mit-arbejde/",
        f"/sager/{case.pk}/",
        f"/personer/{case.person_id}/",
        "/indsatser/fremskudt-norrebro/resultater/",
        "/indsatser/ny-start/resultater/",
    ]:
        client.get(path)
        samples = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            assert client.get(path).status_code == 200, path
            samples.append((time.perf_counter() - started) * 1000)
        p50, p95 = percentiles(samples)
        print(f"{path}: p50 {p50:.0f} ms, p95 {p95:.0f} ms")


def _import(args) -> None:
    from accounts.models import User
    from outcomes.models import Participation
    from outcomes.records_import import records_import

    rng = random.Random(1)
    cprs = list(Participation.objects.values_list("person__cpr", flat=True)[:2000])
    lines = ["cpr;dato;status"] + [
        f"{c[:6]}-{c[6:]};{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-2025;I job"
        for c in (rng.choice(cprs) for _ in range(args.import_rows))
    ]
    data = "\n".join(lines).encode("cp1252")
    by = User.objects.get(username="sagsbehandler")
    started = time.perf_counter()
    count = records_import(by=by, kind="status", filename="bench.csv", data=data)
    seconds = time.perf_counter() - started
    print(f"import of {count:,} status rows: {seconds:.1f} s = {count / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
