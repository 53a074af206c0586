"""Weights of brief.ingest.storymodel (order: FEATURES) and the log-odds threshold, written by
benchmarks/train_body.py from FIT-half pages by site (scraped-dev, webpages-dev, webpages-multilingual-dev)
(513 pages, 2229 labelled kept lines)."""

STORY: dict = {
    "weights": (
        1.8013,
        -1.0337,
        0.7219,
        -0.1260,
        -0.2154,
        -1.4080,
        -0.6625,
        3.1410,
        -0.6037,
        0.2495,
        -0.6412,
        -0.8265,
        -0.3504,
        0.1934,
        1.1842,
        0.3537,
        0.8372,
        1.0659,
        1.7962,
        -7.0960,
        -2.2498,
        -5.1027,
    ),
    "threshold": 1.0000,
}
