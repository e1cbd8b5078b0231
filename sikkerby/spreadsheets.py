"""Files for spreadsheets that never run what a user typed (OWASP: CSV injection). Every xlsx
and CSV export goes through here.

A cell starting with =, +, -, @, a tab or a carriage return is a formula to Excel and
LibreOffice: typed text such as `=HYPERLINK(...)` would run when a committee secretary opens
the file. In xlsx, openpyxl stores such text as a formula; it is stored as text instead. In
CSV the text gets a leading apostrophe, the usual mark for "this is text"; numbers, which may
start with a minus, are left as they are."""

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DANISH_NUMBER = re.compile(r"^-?\d[\d.]*(,\d+)?$")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell that no spreadsheet reads as a formula."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not DANISH_NUMBER.match(value)
    ):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def xlsx_bytes(workbook: Workbook) -> bytes:
    """The workbook as a file, with every formula openpyxl made of typed text stored as text.
    (Sikker By writes no formulas of its own: totals are computed and written as numbers.)"""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class DanishCsvWriter:
    """Danish Excel CSV (semicolons, CRLF), every cell made safe with `csv_cell`."""

    def __init__(self, out: io.StringIO):
        self._writer = csv.writer(out, delimiter=";", lineterminator="\r\n")

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow(csv_row(values))
