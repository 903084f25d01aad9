import pytest

from bilag.pipeline.language import detect_language

DANISH = (
    "Flygtningenævnet har i dag truffet afgørelse i en sag om en kvindelig asylansøger fra "
    "Syrien. Nævnet lagde vægt på, at hun ikke havde været udsat for forfølgelse, og at der "
    "ikke var grund til at tro, at hun ville blive det ved en tilbagevenden til hjemlandet."
)
ENGLISH = (
    "The Refugee Appeals Board today decided the case of a female asylum seeker from Syria. "
    "The board found that she had not been persecuted and that there was no reason to believe "
    "she would be if she returned to her country of origin."
)


def test_danish() -> None:
    assert detect_language(DANISH) == "da"


def test_short_danish_is_not_norwegian_or_swedish() -> None:
    assert detect_language("Hun har ikke været udsat for forfølgelse i hjemlandet.") == "da"


def test_english() -> None:
    assert detect_language(ENGLISH) == "en"


def test_german() -> None:
    text = "Der Flüchtling wurde gestern in Berlin von der Polizei festgenommen und verhört."
    assert detect_language(text) == "de"


@pytest.mark.parametrize("text", ["", "   ", "12. 2019 - 3/4", "Ja"])
def test_too_little_text(text: str) -> None:
    assert detect_language(text) == ""
