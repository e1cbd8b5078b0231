"""`make bench` (outcomes part): how fast success criteria are computed live and how fast
extracts import, on the synthetic demo population scaled up with --young-people.

Builds a throw-away database (SQLite, or DATABASE_URL's test copy), loads the reference
catalogue, demo users and the demo population, then reports: the time to compute every
criterion of every initiative (all scorecards), p50/p95 of the scorecard and 'Mit arbejde'
pages, and status-observation import throughput in rows per second. Figures, not tests.
"""

import argparse
import time

from benchmarks.database import percentiles, throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--young-people", type=int, default=2000)
    parser.add_argument("--import-rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with throwaway_database():
        from django.conf import settings

        from accounts.demo import demo_users_create
        from cases.demo_population import demo_population_create

        settings.DEBUG = True  # the demo generator refuses to run without it
        demo_users_create()
        started = time.perf_counter()
        demo_population_create(young_people=args.young_people)
        seconds = time.perf_counter() - started
        print(f"demo population of {args.young_people} young people: {seconds:.1f} s")
        _report(args)


def _report(args) -> None:
    import random

    from django.test import Client
    from django.utils import timezone

    from accounts.models import User
    from initiatives.models import Initiative
    from outcomes.models import Participation, StatusObservation
    from outcomes.records_import import records_import
    from outcomes.scorecard import initiative_scorecard

    print(
        f"participations {Participation.objects.count()}, observations {StatusObservation.objects.count()}"
    )
    initiatives = list(Initiative.objects.prefetch_related("success_criteria"))
    started = time.perf_counter()
    criteria = sum(
        len(cards)
        for i in initiatives
        for cards in initiative_scorecard(i, timezone.localdate()).values()
    )
    print(
        f"every criterion of every initiative ({criteria} criteria, {len(initiatives)} initiatives): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )
    client = Client()
    client.force_login(User.objects.get(username="ssp"))
    for path in ["/indsatser/fremskudt-norrebro/resultater/", "/mit-arbejde/"]:
        client.get(path)
        samples = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            assert client.get(path).status_code == 200
            samples.append((time.perf_counter() - t) * 1000)
        p50, p95 = percentiles(samples)
        print(f"{path}: p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    rng = random.Random(1)
    cprs = list(Participation.objects.values_list("person__cpr", flat=True)[:500])
    lines = ["cpr;dato;status"] + [
        f"{c[:6]}-{c[6:]};{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-2025;I job"
        for c in (rng.choice(cprs) for _ in range(args.import_rows))
    ]
    data = "\n".join(lines).encode("cp1252")
    by = User.objects.get(username="sagsbehandler")
    started = time.perf_counter()
    count = records_import(by=by, kind="status", filename="bench.csv", data=data)
    seconds = time.perf_counter() - started
    print(f"import of {count} status rows: {seconds:.1f} s = {count / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
