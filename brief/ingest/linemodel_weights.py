"""Weights of brief.ingest.linemodel (order: LINE_FEATURES), written by
benchmarks/train_line_model.py from the FIT half by site of webpages-dev page_text
(87 pages, 240 labelled kept lines, 25 junk)."""

LINE: dict = {
    "weights": (
        -0.9241,
        -0.1090,
        -0.1624,
        -0.3611,
        0.4624,
        -0.1650,
        0.5163,
        0.5205,
        -0.8213,
        1.0210,
        1.7904,
        1.5476,
        0.6478,
        1.7580,
        0.7351,
        -0.2381,
        1.8616,
        -0.9386,
        -1.5723,
        0.7313,
    ),
    "threshold": 0.8997,
}
