"""The demo's register table for goal c: SYNTHETIC counts of 15-19-year-olds in Copenhagen by
origin and parents' social background, 2008-2010, loaded through the real import.

Planted: young immigrants and descendants live more often where every group's charge rate is
high, so their crude rate is far above Danish-origin young people's; standardised on social
background their rate ratio is 1.5 in 2008, 1.2 in 2009 and 1.0 in 2010 (at level, as the
goal asks). The last stratum has fewer than 5 immigrant charges, so it is merged with the one
before (same rate, so the merging costs nothing here; in real tables it may)."""

from accounts.models import User
from initiatives.models import PolicyGoal
from policy_goals.crime_table import crime_table_import

# (social background, charges per person for everyone, Danish-origin persons, immigrants)
STRATA = [
    ("Forældre: grundskole, uden for arbejdsmarkedet", 0.12, 1500, 3600),
    ("Forældre: grundskole, i arbejde", 0.08, 3000, 3000),
    ("Forældre: erhvervsuddannelse, uden for arbejdsmarkedet", 0.09, 1200, 800),
    ("Forældre: erhvervsuddannelse, i arbejde", 0.05, 8000, 2400),
    ("Forældre: videregående uddannelse, lav indkomst", 0.03, 3000, 1000),
    ("Forældre: videregående uddannelse, høj indkomst", 0.03, 5000, 60),
]
PLANTED_RATIO = {2008: 1.50, 2009: 1.20, 2010: 1.00}
DEMO_FILENAME = "SYNTETISK-kriminalitetsfrekvens-15-19-aar.csv"


def demo_crime_table_csv() -> bytes:
    lines = ["år;herkomst;social baggrund;personer;sigtelser;domme;frafaldne sigtelser"]
    for year, ratio in PLANTED_RATIO.items():
        for label, rate, danish, immigrants in STRATA:
            for origin, persons, origin_rate, dropped in (
                ("dansk oprindelse", danish, rate, 0.12),
                ("indvandrere og efterkommere", immigrants, rate * ratio, 0.18),
            ):
                charges = round(persons * origin_rate)
                lines.append(
                    f"{year};{origin};{label};{persons};{charges};{round(charges * 0.4)};"
                    f"{round(charges * dropped)}"
                )
    return "\r\n".join(lines).encode("cp1252")


def demo_crime_table_create(by: User) -> int:
    """Safe to run again: each year's table replaces the last."""
    goal = PolicyGoal.objects.get(code="c")
    return crime_table_import(by=by, goal=goal, filename=DEMO_FILENAME, data=demo_crime_table_csv())
