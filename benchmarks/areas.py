"""`make bench` (areas part): the safety index at a municipality's scale — 35 areas, six
yearly waves, 300,000 weighted answers at --scale 1 — computed for every area and year, the
survey import's throughput in rows per second, and the hotspot suggestions (Gi* with 9,999
permutations) over the 35 areas and over a 400-area grid. Figures, not tests."""

import argparse
import random
import time
from decimal import Decimal

from benchmarks.database import throwaway_database

AREAS, YEARS = 35, range(2009, 2015)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--import-rows", type=int, default=50_000)
    args = parser.parse_args()
    with throwaway_database():
        from django.db import connection

        from accounts.demo import demo_users_create
        from accounts.models import User
        from areas.models import (
            Area,
            AreaKind,
            AreaSet,
            AreaYear,
            PoliceReportCount,
            SurveyResponse,
            SurveyWave,
        )

        demo_users_create()
        by = User.objects.get(username="analytiker")
        rng = random.Random(35)
        area_set = AreaSet.objects.create(
            key="bench", name="35 bydele (benchmark)", kind=AreaKind.SAFETY_INDEX
        )
        areas = [
            Area.objects.create(
                area_set=area_set, code=f"{n:02d}", name=f"Område {n}", geometry=_cell(n - 1, 7)
            )
            for n in range(1, AREAS + 1)
        ]
        per_wave = round(300_000 * args.scale / len(YEARS))
        started = time.perf_counter()
        for year in YEARS:
            wave = SurveyWave.objects.create(
                area_set=area_set,
                year=year,
                name=f"{year}",
                invited=per_wave * 3,
                responded=per_wave,
                imported_by=by,
            )
            SurveyResponse.objects.bulk_create(
                (
                    SurveyResponse(
                        wave=wave,
                        area=rng.choice(areas),
                        weight=Decimal(str(round(rng.uniform(0.4, 2.5), 4))),
                        neighbourhood=rng.choice(["safe"] * 8 + ["neither", "unsafe"]),
                        evening_safe=rng.random() < 0.85,
                        night_safe=rng.random() < 0.7,
                        victim=rng.random() < 0.1,
                    )
                    for _ in range(per_wave)
                ),
                batch_size=10_000,
            )
            for area in areas:
                AreaYear.objects.create(area=area, year=year, residents=rng.randint(8_000, 30_000))
                for category in ["burglary", "robbery", "theft", "violence"]:
                    PoliceReportCount.objects.create(
                        area=area, year=year, category=category, reports=rng.randint(50, 900)
                    )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
        print(
            f"safety index on {connection.vendor}: {SurveyResponse.objects.count():,} answers "
            f"in {AREAS} areas × {len(YEARS)} years (built in {time.perf_counter() - started:.0f} s)"
        )
        _index(area_set)
        _hotspots(area_set)
        _import(args, area_set, by, rng)


def _cell(index: int, columns: int) -> dict:
    x, y = index % columns, index // columns
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _hotspots(area_set) -> None:
    from areas.gi_star import gi_star, touching
    from areas.hotspot_suggestions import hotspot_suggestions

    started = time.perf_counter()
    hotspot_suggestions(area_set, 2012, 2014)  # the first call also imports PySAL
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(3):
        started = time.perf_counter()
        result = hotspot_suggestions(area_set, 2012, 2014)
        samples.append((time.perf_counter() - started) * 1000)
    print(
        f"hotspot suggestions, {len(result.rows)} areas, 3 years: {sorted(samples)[1]:.0f} ms "
        f"(median of 3; the first call, importing PySAL: {first:.0f} ms)"
    )
    grid = [_cell(i, 20) for i in range(400)]
    rng = random.Random(400)
    values = [rng.lognormvariate(4, 0.5) for _ in grid]
    started = time.perf_counter()
    neighbours = touching(grid)
    gi_star(values, neighbours)
    print(f"Gi* on a 400-area grid: {(time.perf_counter() - started) * 1000:.0f} ms")


def _index(area_set) -> None:
    from areas.safety_queries import safety_history

    samples = []
    for _ in range(3):
        started = time.perf_counter()
        assert len(safety_history(area_set)) == len(YEARS)
        samples.append((time.perf_counter() - started) * 1000)
    print(f"safety index for every area and year: {sorted(samples)[1]:.0f} ms (median of 3)")


def _import(args, area_set, by, rng) -> None:
    from areas.safety_import import survey_wave_import

    lines = ["område;vægt;nabolag;aften;nat;offer"] + [
        f"Område {rng.randint(1, AREAS)};{rng.uniform(0.4, 2.5):.4f}".replace(".", ",")
        + f";{rng.choice(['tryg', 'utryg', 'hverken'])};ja;nej;nej"
        for _ in range(args.import_rows)
    ]
    data = "\r\n".join(lines).encode("cp1252")
    started = time.perf_counter()
    wave = survey_wave_import(
        by=by,
        area_set=area_set,
        year=2015,
        invited=args.import_rows,
        filename="bench.csv",
        data=data,
    )
    seconds = time.perf_counter() - started
    print(
        f"survey import of {wave.responded:,} rows: {seconds:.1f} s = "
        f"{wave.responded / seconds:,.0f} rows/s"
    )


if __name__ == "__main__":
    main()
