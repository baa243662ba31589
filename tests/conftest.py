"""Settings for the suite's property-based tests (Hypothesis)."""

import os

from hypothesis import HealthCheck, settings

# "ci", the default, tries the same 200 examples on every run, so a run is repeatable and quick
# and writes no example database. HYPOTHESIS_PROFILE=thorough tries 2,000 fresh ones each run.
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
