"""Renderers of reports; they format a `Report` and never decide anything themselves."""

from cleantext.report.plain import describe_edit, render_json_line, render_text

__all__ = ["describe_edit", "render_json_line", "render_text"]
