"""Calibration for scenario designers: fit networks and parameters to observed crises."""
