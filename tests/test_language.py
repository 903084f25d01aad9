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


NORWEGIAN = (
    "Landinfo er en faglig uavhengig enhet som innhenter og analyserer informasjon om forholdene "
    "i ulike land. Ifølge flere kilder har sikkerhetssituasjonen i hovedstaden blitt bedre det "
    "siste året, men det forekommer fortsatt angrep mot sivile. Myndighetene har opprettet flere "
    "kontrollposter langs hovedveiene, og kilder forteller at unge menn ofte blir stoppet."
)
SWEDISH = (
    "Lifos är Migrationsverkets center för landinformation och landanalys. Enligt flera källor "
    "har säkerhetsläget i huvudstaden förbättrats under det senaste året, men attacker mot "
    "civila förekommer fortfarande. Myndigheterna har upprättat fler vägspärrar längs de stora "
    "vägarna, och källor uppger att unga män ofta stoppas och förhörs."
)


@pytest.mark.parametrize(("text", "language"), [(NORWEGIAN, "no"), (SWEDISH, "sv")])
def test_a_norwegian_or_swedish_report_is_told_from_danish(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Kvindeorganisation E, interview 14. oktober 2025.",
        "Midlertidig beskyttelsesstatus: 1 år ad gangen",
        # A Danish report that cites Landinfo in Norwegian is Danish.
        DANISH + " Landinfo, Afghanistan: Sikkerhetssituasjonen i Kabul, temanotat, 3. juni 2024.",
    ],
)
def test_danish_that_looks_norwegian_or_swedish_line_by_line_is_danish(text: str) -> None:
    assert detect_language(text) == "da"


def test_english() -> None:
    assert detect_language(ENGLISH) == "en"


def test_german() -> None:
    text = "Der Flüchtling wurde gestern in Berlin von der Polizei festgenommen und verhört."
    assert detect_language(text) == "de"


@pytest.mark.parametrize("text", ["", "   ", "12. 2019 - 3/4", "Ja"])
def test_too_little_text(text: str) -> None:
    assert detect_language(text) == ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Policie v pondělí zadržela tři muže, kteří podle vyšetřovatelů pašovali lidi.", "cs"),
        (
            "Policija pirmdien aizturēja trīs vīriešus, kurus tur aizdomās par kontrabandu.",
            "lv",
        ),
        (
            "Polisi menahan tiga orang pria yang diduga menyelundupkan pengungsi ke pulau itu.",
            "id",
        ),
        ("경찰은 월요일 난민을 밀입국시킨 혐의로 세 남성을 체포했다고 밝혔다.", "ko"),
        ("警察は月曜日、難民を密入国させた疑いで男性三人を逮捕したと発表した。", "ja"),
        ("ตำรวจจับกุมชายสามคนในข้อหาลักลอบนำผู้ลี้ภัยเข้าประเทศเมื่อวันจันทร์", "th"),
    ],
)
def test_languages_of_countries_of_origin_and_europe_are_told_apart(
    text: str, language: str
) -> None:
    # These were labelled as the closest language of a smaller set (Korean as Somali).
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
        "Path C: Scotland, Norway, Serbia, Bulgaria/Israel/Hungary/Romania*",
    ],
)
def test_a_short_list_of_english_names_is_no_rare_language(text: str) -> None:
    # An unrestricted model calls these Irish and Welsh.
    assert detect_language(text) == "en"
