"""`make bench`: how fast the catalogue part answers, as figures (never as timed tests).

Loads the reference catalogue into a throw-away SQLite database (or the DATABASE_URL
database's test copy), multiplies it by --scale (each copy a full set of 37 initiatives
with their money and criteria), and reports p50/p95 latency of the main pages and the time
to build every budget table.
"""

import argparse
import time

from benchmarks.database import percentiles, throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10, help="copies of the reference catalogue")
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()

    with throwaway_database():
        _multiply_catalogue(args.scale)
        _report(args)


def _multiply_catalogue(scale: int) -> None:
    from initiatives import seed_catalogue as seed
    from initiatives.reference_catalogue import _initiative_create

    for copy in range(1, scale):
        for spec in seed.INITIATIVES:
            _initiative_create(
                {**spec, "slug": f"{spec['slug']}-{copy}", "name": f"{spec['name']} ({copy})"}
            )


def _report(args) -> None:
    from django.test import Client

    from accounts.models import Department, RoleAssignment, User
    from accounts.roles import Role
    from initiatives import queries
    from initiatives.models import Funding, Initiative

    user = User.objects.create_user("bench", department=Department.objects.get(code="BIF"))
    RoleAssignment.objects.create(user=user, role=Role.INITIATIVE_OWNER)
    client = Client()
    client.force_login(user)
    print(
        f"Catalogue: {Initiative.objects.count()} initiatives, {Funding.objects.count()} funding lines"
    )

    start = time.perf_counter()
    for first, last in [(2009, 2012), (2014, 2017), (2007, 2017)]:
        queries.budget_by_initiative(first=first, last=last)
        queries.budget_by_department(first=first, last=last)
        queries.budget_by_source(first=first, last=last)
    print(
        f"All nine budget tables (3 ranges x 3 views): {1000 * (time.perf_counter() - start):.1f} ms"
    )

    pages = [
        "/indsatser/",
        "/indsatser/?department=BIF&year=2014",
        "/indsatser/den-korte-snor/",
        "/indsatser/budget/?first=2009&last=2012",
        "/indsatser/budget/kilde/003-tabel-1/",
        "/api/v1/initiatives",
        "/indsatser/budget/eksport.xlsx?first=2009&last=2012",
    ]
    for page in pages:
        client.get(page)  # warm caches and template compilation
        samples = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            response = client.get(page)
            samples.append(1000 * (time.perf_counter() - t))
            assert response.status_code == 200, page
        p50, p95 = percentiles(samples)
        print(f"{page:<50} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    t = time.perf_counter()
    client.get("/indsatser/den-korte-snor/statusskema.pdf")
    print(f"{'status form PDF (one)':<50} {1000 * (time.perf_counter() - t):7.1f} ms")


if __name__ == "__main__":
    main()
