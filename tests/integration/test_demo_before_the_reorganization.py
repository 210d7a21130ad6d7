"""A demo built for a day before 01/07/2025 still ends the posts of the units that end then:
no post outlives its unit because the demo's today came before the unit's last day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from canbo.demo.generator import DemoResult, build_demo
from canbo.demo.scales import SCALES

from .test_demo_plausible import posts_outside_their_units

BEFORE_THE_MERGER = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def early_demo(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[DemoResult]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        yield build_demo(SCALES["tiny"], 7, BEFORE_THE_MERGER)
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_posts_of_a_demo_built_before_the_merger_end_with_their_units(
    early_demo: DemoResult,
) -> None:
    assert posts_outside_their_units(BEFORE_THE_MERGER) == []
