"""Publication dates as ISO 8601 (YYYY-MM-DD), whatever way a page wrote them.

The date part is found with a pattern (so "Updated 9:15 AM EST Nov 19, 2019"
or "published 9 August 2012" give "Nov 19, 2019" / "9 August 2012"), then read
by ``dateparser`` (a dependency of htmldate, which trafilatura uses). Only a
date with its year is read: "3 hours ago" or "Nov 19" would need the day the
page was fetched, and the output must not depend on when brief runs.
"""

from __future__ import annotations

import datetime as _dt
import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_WITH_YEAR = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|\b\d{4}/\d{1,2}/\d{1,2}\b",
    re.IGNORECASE,
)
# "Nov 19, 2019" and "9 August 2012": month name, day and year are unambiguous and read
# here; only numeric forms (is 03/04 March or April?) go to dateparser, whose language
# tables cost ~0.2 s to load, so most pages never pay for it.
_NAMED = re.compile(
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))$",
    re.IGNORECASE,
)
_MONTHS = {
    name: i
    for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def iso_date(text: str | None, day_first: bool | None = None) -> str | None:
    """``text``'s first complete date as YYYY-MM-DD, or None when it holds none.

    ``day_first`` settles a numeric date such as 04/03/2021 when the page has shown its order
    elsewhere (see ``numeric_order``); left None, the English reading (month first) holds.
    """
    if not text:
        return None
    m = _ISO.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return m.group(0)
    m = _DATE_WITH_YEAR.search(text)
    if not m:
        return None
    named = _named_date(m.group(0))
    if named is not None:
        return named or None
    numeric = _NUMERIC.fullmatch(m.group(0))
    if numeric:
        # Read here, as dateparser's English reading would (month first unless the first part
        # cannot be a month), or in the order the page shows.
        a, b, year = (int(x) for x in numeric.groups())
        if day_first is None:
            day_first = a > 12
        day, month = (a, b) if day_first else (b, a)
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    # dateparser loads its language tables on first use (~0.2 s): only year-first numeric dates pay it.
    import dateparser

    parsed = dateparser.parse(m.group(0).replace(" of ", " "), languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None


_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def numeric_order(texts: list[str]) -> bool | None:
    """Whether a page writes numeric dates day first (14/04/2020), month first (04/14/2020),
    or None when no date on it tells (every part 12 or less, or both orders seen)."""
    day_first = month_first = False
    for t in texts:
        for m in _NUMERIC.finditer(t):
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= 12 < a <= 31 and b <= 12
            month_first |= 12 < b <= 31 and a <= 12
    return day_first if day_first != month_first else None


def _named_date(text: str) -> str | None:
    """YYYY-MM-DD of a date written with its month's name; "" for an impossible one
    ("Feb 30, 2020"); None when ``text`` is not written that way."""
    m = _NAMED.match(text)
    if not m:
        return None
    month = _MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
    day, year = int(m.group("d1") or m.group("d2")), int(m.group("y1") or m.group("y2"))
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return ""
