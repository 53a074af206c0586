"""Ingest: read files, stdin and URLs, decode and sniff them, and clean them into article text.

``sources`` reads and decodes, ``fetch`` downloads, ``clean`` turns a Source into
article text plus Metadata (HTML through trafilatura; ``htmltitle`` picks the
page's headline), ``boilerplate`` removes page furniture from flattened text:
``lines`` rates each line, ``region`` finds the story and what does not belong
to it, ``header`` reads the title, byline, date and site, ``titlemodel`` picks a
headline when the rules find none, ``dates`` writes dates as ISO 8601.
"""
