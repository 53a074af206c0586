"""Who said what: quotations, their speakers, and the key quotes of a briefing.

The public door for the rest of brief. ``grouping`` joins quotation spans into
quotations, ``candidates`` reads where a speaker is written around each, and
``attribution`` chooses and resolves the speaker (with ``clauses`` for the grammar,
``speakers`` for the article's cast of names, ``coreference`` for pronouns and
nominal descriptions, ``trust`` for which speakers may be shown at all);
``keyquotes`` chooses and displays the key quotes.
"""

from brief.quotes.attribution import extract_quotes
from brief.quotes.keyquotes import choose_key_quotes, display_text, is_named

__all__ = ["choose_key_quotes", "display_text", "extract_quotes", "is_named"]
