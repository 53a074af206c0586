"""Weights of brief.ingest.titlemodel (order: TITLE_FEATURES), written by
benchmarks/train_cleaning.py from the FIT half by site of scraped-dev + webpages-dev page_text
(91 pages, 1961 candidate lines)."""

TITLE: dict = {
    "weights": (
        -0.8280,
        -0.5315,
        -1.9880,
        -2.1899,
        -1.5416,
        -0.1216,
        -0.4333,
        -0.6241,
        -0.1173,
        2.7063,
        1.7383,
        -0.2618,
        1.4594,
        -0.4908,
        0.2868,
        1.6457,
        0.5580,
        0.8383,
        -0.9503,
        -0.2016,
        -0.0839,
        -0.0933,
        1.2105,
        0.9388,
        0.3600,
        0.0100,
        0.7008,
        2.1967,
    ),
    "threshold": 0.0000,
}
