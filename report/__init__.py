"""The debrief: main courante, key figures, the measured impact of every message."""
