"""Text: sentences and paragraphs, quotation marks, content terms, and the rules for a bullet.

The lowest layer above the types: every later stage uses it, it uses none of them.
"""
