"""Ingest: read files, stdin and URLs, decode and sniff them, and clean them into article text.

``sources`` reads and decodes, ``fetch`` downloads, ``clean`` turns a Source into
article text plus Metadata (HTML through trafilatura), ``boilerplate`` removes
page furniture from flattened text and finds the title, byline and date.
"""
