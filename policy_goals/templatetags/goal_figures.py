"""Goal figures in the user's number format: rates per 1,000 and shares in per cent
(rounded first: number_format cuts decimals off)."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def per_thousand(rate: float | None) -> str:
    return "–" if rate is None else number_format(round(1000 * rate, 1), 1)


@register.filter
def percent(share: float | None) -> str:
    return "–" if share is None else f"{number_format(round(100 * share, 1), 1)} %"


@register.filter
def list_with(first, second) -> list:
    return [first, second]
