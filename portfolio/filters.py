"""The portfolio's filters, read from the query string (the page, the exports and the API
take the same ones)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from initiatives.models import Initiative
from portfolio.rows import portfolio_year
from sikkerby.params import int_param


@dataclass(frozen=True)
class PortfolioFilters:
    department: str = ""  # a department's code
    kind: str = ""
    goal: str = ""  # a policy goal's code
    lapses_after: int | None = None  # the last funded year, as Bortfald lists them
    sort: str = "rang"
    year: int | None = None  # a whole year up to last year; None: last year

    @classmethod
    def of(cls, params) -> "PortfolioFilters":
        return cls(
            department=params.get("forvaltning", "").strip(),
            kind=params.get("type", "").strip(),
            goal=params.get("maal", "").strip(),
            lapses_after=int_param(params.get("bortfalder", "")),
            sort=params.get("sorter", "rang").strip() or "rang",
            year=int_param(params.get("aar", ""), low=1990, high=portfolio_year()),
        )

    @property
    def chosen_year(self) -> int:
        return self.year or portfolio_year()

    def initiatives(self) -> QuerySet[Initiative]:
        chosen = Initiative.objects.all()
        if self.lapses_after is not None:
            chosen = chosen.lapsing_after(self.lapses_after)
        if self.department:
            chosen = chosen.filter(owning_departments__code=self.department)
        if self.kind:
            chosen = chosen.filter(kind=self.kind)
        if self.goal:
            chosen = chosen.filter(policy_goals__code=self.goal)
        return Initiative.objects.filter(pk__in=chosen.values("pk"))

    def query(self, **changes) -> str:
        """The query string with `changes` (for sorting links)."""
        from urllib.parse import urlencode

        values = {
            "forvaltning": self.department,
            "type": self.kind,
            "maal": self.goal,
            "bortfalder": "" if self.lapses_after is None else str(self.lapses_after),
            "sorter": self.sort,
            "aar": "" if self.year is None else str(self.year),
            **changes,
        }
        return urlencode({k: v for k, v in values.items() if v})
