"""Report: verdicts as terminal text, JSON and a self-contained HTML page."""
