"""The daily digest: many articles -> stories clustered across sources -> one dated file.

``build`` wires the stages (inputs and feeds, per-article ``analyse`` and its
``cache``, ``cluster`` into event stories, ``stories`` for bullets, key quotes
and headlines, the optional ``abstractive`` pass); ``render`` and ``write``
(under ``lock``) turn a Digest into the dated file. This door exports what the
API and the CLI use.
"""

from brief.digest.build import NoArticlesError, build_digest, digest_date
from brief.types import Article, Digest, Failure, Story

__all__ = ["Article", "Digest", "Failure", "NoArticlesError", "Story", "build_digest", "digest_date"]
