"""Measuring cleaning: on the labelled corpus (`corpus`) and on snippet sets (`snippet_run`).

Nothing here is imported by ``import cleantext``; snippet sets need the ``html`` extra
(trafilatura, and lxml for the naive renderer). Reached through ``cleantext eval``.
"""
