"""Weights of brief.ingest.titlemodel (order: TITLE_FEATURES), written by
benchmarks/train_cleaning.py from the FIT half by site of scraped-dev + webpages-dev page_text
(91 pages, 1961 candidate lines)."""

TITLE: dict = {
    "weights": (
        -0.3276,
        -0.4172,
        -1.8698,
        -2.3435,
        -1.6890,
        -0.1461,
        -0.1575,
        -0.4664,
        0.2491,
        2.8076,
        1.6088,
        -0.5725,
        1.4967,
        -0.1828,
        0.4016,
        1.8628,
        0.3986,
        0.7891,
        -0.9331,
        -0.0372,
        0.0152,
        -0.0168,
        1.5754,
        0.7712,
        0.6488,
        -0.0044,
    ),
    "threshold": 0.0,
}
