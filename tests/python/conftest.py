import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> pathlib.Path:
    if not SHARED_DATA.is_dir():
        message = f"shared data not found at {SHARED_DATA} (place ../shared/data beside the checkout)"
        if os.environ.get("CI") == "true":  # CI always has the data: its absence is a failure there
            pytest.fail(message)
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_article(shared_data) -> str:
    return (shared_data / "seed" / "news_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_article() -> str:
    return (REPO / "examples" / "news_article.txt").read_text(encoding="utf-8")
