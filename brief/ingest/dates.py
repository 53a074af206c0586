"""Publication dates as ISO 8601 (YYYY-MM-DD), whatever way a page wrote them.

The date part is found with a pattern (so "Updated 9:15 AM EST Nov 19, 2019"
or "published 9 August 2012" give "Nov 19, 2019" / "9 August 2012"), then read
by ``dateparser`` (a dependency of htmldate, which trafilatura uses). Only a
date with its year is read: "3 hours ago" or "Nov 19" would need the day the
page was fetched, and the output must not depend on when brief runs.
"""

from __future__ import annotations

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
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def iso_date(text: str | None) -> str | None:
    """``text``'s first complete date as YYYY-MM-DD, or None when it holds none."""
    if not text:
        return None
    m = _ISO.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return m.group(0)
    m = _DATE_WITH_YEAR.search(text)
    if not m:
        return None
    # dateparser loads its language tables on first use (~0.2 s): only pages with a date pay it.
    import dateparser

    parsed = dateparser.parse(m.group(0).replace(" of ", " "), languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None
