"""Extractive summarising: scorers rate sentences, one shared ``select`` chooses the points.

``scorers`` holds one scorer per module and the registry; ``similarity`` the
TF-IDF vectors and cosine they share; ``select`` the budget, redundancy and
reading order that every scorer goes through.
"""
