"""Goal figures in the user's number format: rates per 1,000 and shares in per cent."""

from django import template

from sikkerby.locale import rounded_number

register = template.Library()


@register.filter
def per_thousand(rate: float | None) -> str:
    return "–" if rate is None else rounded_number(1000 * rate, 1)


@register.filter
def percent(share: float | None) -> str:
    return "–" if share is None else f"{rounded_number(100 * share, 1)} %"


@register.filter
def list_with(first, second) -> list:
    return [first, second]
