"""Money and discrepancy formatting for templates, in Danish notation."""

from decimal import Decimal

from django import template

from initiatives.budget import discrepancy, format_kroner, format_million

register = template.Library()


@register.filter
def mio(amount: Decimal | None) -> str:
    return format_million(amount)


@register.filter
def kr(amount: Decimal | None) -> str:
    return format_kroner(amount)


@register.simple_tag
def row_total(row, years) -> Decimal:
    return row.total(years)


@register.simple_tag
def stated_difference(
    stated: Decimal | None, computed: Decimal, printed: str = ""
) -> Decimal | None:
    if stated is None:
        return None
    return discrepancy(stated=stated, computed=computed, printed=printed)


@register.filter
def get_year(mapping: dict, year: int):
    return mapping.get(year)


@register.simple_tag
def column_total(table, year) -> Decimal:
    return table.column_total(year)


@register.filter
def signed_mio(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    text = format_million(abs(amount))
    return f"+{text}" if amount > 0 else f"−{text}"
