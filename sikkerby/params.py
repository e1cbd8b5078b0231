"""Reading a number from a query or form parameter someone may have typed by hand: only ASCII
digits count ("²".isdigit() is true, and int("²") fails), and it must lie within bounds."""


def int_param(value: str | None, *, low: int | None = None, high: int | None = None) -> int | None:
    """The whole number in `value`, or None when it is not one or lies outside low..high."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdecimal()) or len(text) > 12:
        return None
    number = int(text)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number
