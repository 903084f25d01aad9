import pytest

from bilag.pipeline.clean import (
    _article_regions,
    _Block,
    _Kind,
    _Line,
    _n_words,
    clean_pages,
    clean_text,
)

# Prose paragraphs for the synthetic pages, wrapped at about 90 characters like a print.
P1 = """The regional authorities announced on Monday that the border crossing would reopen for
civilians after three weeks of closure, according to several local officials who spoke to the
press in the capital. Aid organisations said that thousands of families had been waiting for
weeks."""
P2 = """Human rights groups have documented arbitrary arrests of returnees in the area during the
past year, and they warn that the security situation remains unpredictable for people who are
perceived to be opponents of the government or members of its armed forces, including
conscripts."""
P3 = """The United Nations estimates that more than two million people are still displaced inside
the country, most of them in camps where access to water and health care is very limited and
where winters are harsh."""

S1 = "The regional authorities announced on Monday that the border crossing would reopen"
S2 = "Human rights groups have documented arbitrary arrests of returnees in the area"
S3 = "The United Nations estimates that more than two million people are still displaced"


def flat(text: str) -> str:
    return " ".join(text.split())


def page(*parts: str) -> str:
    return "\n".join(parts)


def between_paragraphs(text: str) -> str:
    """The cleaned text of a page that prints TEXT between two paragraphs of an article."""
    return clean_text([page(P1, "", text, "", P2)])


BOTH_PARAGRAPHS = flat(P1) + "\n\n" + flat(P2)  # all that stays when the text between goes


def test_keeps_prose_and_joins_lines_of_a_paragraph() -> None:
    out = clean_pages([page(P1, "", P2)])
    assert out == [flat(P1) + "\n\n" + flat(P2)]


def test_output_has_one_entry_per_page_and_clean_text_skips_empty() -> None:
    pages = [page(P1), page("Home", "News", "Sport", "Weather", "Contact us"), page(P2)]
    out = clean_pages(pages)
    assert len(out) == 3
    assert out[1] == ""
    assert clean_text(pages) == flat(P1) + "\n\n" + flat(P2)


def test_paragraphs_without_blank_lines_split_at_short_last_line() -> None:
    # pdfium gives no blank lines: a short line closing a sentence ends a paragraph.
    out = clean_text([page(P1, P2)])
    assert out == BOTH_PARAGRAPHS


def test_removes_cookie_banner() -> None:
    banner = (
        "We use cookies to improve your experience and to show you personalised ads.\n"
        "By clicking Accept you consent to our use of cookies. Read our privacy policy."
    )
    danish = "Vi bruger cookies til statistik. Når du klikker Accepter, giver du samtykke."
    out = clean_text([page(banner, "", P1, "", danish, "", P2)])
    assert "cookie" not in out.lower()
    assert S1 in out and S2 in out


def test_removes_navigation_menu() -> None:
    menu = ["Home", "News", "World", "UK", "Business", "Politics", "Tech", "Science"]
    out = clean_text([page(*menu, P1, "", P2)])
    assert out == BOTH_PARAGRAPHS


def test_removes_share_block() -> None:
    share = ["Share this story", "Facebook", "Twitter", "Email"]
    out = clean_text([page(P1, *share, P2)])
    assert out == BOTH_PARAGRAPHS


def assert_removed_after_two_paragraphs(junk: list[str]) -> None:
    out = clean_text([page(P1, "", P2, *junk, P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_removes_related_section_and_teasers() -> None:
    related = [
        "Related Topics",
        "Syria conflict",
        "Refugees and asylum",
        "More on this story",
        "Syria war: Rebels agree to leave besieged town",
        "Who are the armed groups in the north?",
    ]
    assert_removed_after_two_paragraphs(related)


def test_removes_read_more_and_newsletter() -> None:
    out = clean_text(
        [
            page(
                P1,
                "READ MORE: Protesters clash with police in the capital",
                P2,
                "Sign up for our daily newsletter to get the news in your inbox.",
                "Læs også: Ny rapport om situationen i landet",
                P3,
            )
        ]
    )
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


@pytest.mark.parametrize(
    "teaser",
    ["LÆS OGSÅ Regeringen vil stramme reglerne for asyl", "READ MORE Thousands flee"],
)
def test_a_teaser_labelled_in_capitals_goes_without_a_colon(teaser: str) -> None:
    assert between_paragraphs(teaser) == BOTH_PARAGRAPHS


def test_a_heading_that_starts_like_a_teaser_label_stays() -> None:
    heading = "Læs også rapportens bilag om sikkerhedssituationen"
    assert heading in between_paragraphs(heading)


def test_removes_chromium_print_header_and_footer() -> None:
    header = "11/10/2018, 14:32 Syria: Border crossing reopens - BBC News"
    pages = [
        page(header, P1, "https://www.bbc.com/news/world-middle-east-45812345 1/2"),
        page(header, P2, "https://www.bbc.com/news/world-middle-east-45812345 2/2"),
    ]
    out = clean_pages(pages)
    assert out == [flat(P1), flat(P2)]


FIREFOX_TITLE = "Syria: Border crossing reopens - BBC News"
FIREFOX_ADDRESS = "https://www.bbc.com/news/world-middle-east-45812345"


@pytest.mark.parametrize(
    "header, footer",
    [
        # Firefox's title and address on one line or two, its page count and clock after.
        ([f"{FIREFOX_TITLE} {FIREFOX_ADDRESS}"], ["Page {i} of {n} 11/10/2018, 14:32"]),
        ([FIREFOX_TITLE, FIREFOX_ADDRESS], ["{i} of {n}", "10/11/18, 2:32 PM"]),
    ],
)
@pytest.mark.parametrize("paragraphs", [(P1,), (P1, P2)])
def test_removes_firefox_print_header_and_footer_also_on_one_or_two_pages(
    header: list[str], footer: list[str], paragraphs: tuple[str, ...]
) -> None:
    n = len(paragraphs)
    pages = [
        page(*header, text, *(line.format(i=i, n=n) for line in footer))
        for i, text in enumerate(paragraphs, start=1)
    ]
    assert clean_pages(pages) == [flat(text) for text in paragraphs]


def test_a_reports_page_count_without_a_clock_leaves_its_first_line_alone() -> None:
    source = "Available from https://www.refworld.org/docid/5c2f54d94.html"
    out = clean_pages([page(source, P1, "Page 1 of 12")])
    assert out == ["\n\n".join([source, flat(P1)])]


def test_removes_running_header_and_footer_repeated_across_pages() -> None:
    pages = [
        page("Country Report Syria - Landinfo", P, f"Landinfo {i} / 2019 confidential")
        for i, P in enumerate((P1, P2, P3), start=1)
    ]
    assert clean_pages(pages) == [flat(P1), flat(P2), flat(P3)]


def test_removes_page_numbers() -> None:
    pages = [page(P1, "Page 1 of 3"), page("- 2 -", P2), page(P3, "3")]
    assert clean_pages(pages) == [flat(P1), flat(P2), flat(P3)]


def test_removes_garbage_and_timestamp_lines() -> None:
    out = clean_text([page(P1, "0:00", "~~ ,. | ;: —=", "12H ago", P2)])
    assert out == BOTH_PARAGRAPHS


@pytest.mark.parametrize("garbage", ["| ~~ ,. ee —=", "a 7 ' , . : ;", "oe | ' ~"])
def test_removes_ocr_garbage_with_a_few_letters_among_its_marks(garbage: str) -> None:
    assert between_paragraphs(garbage) == BOTH_PARAGRAPHS


@pytest.mark.parametrize("icon", ["løs", "wr", "ib,"])
def test_removes_an_icon_that_ocr_reads_as_a_short_word(icon: str) -> None:
    assert between_paragraphs(icon) == BOTH_PARAGRAPHS


@pytest.mark.parametrize("line", ["EU", "Pro", "FN"])
def test_a_short_capitalised_word_alone_on_its_line_stays(line: str) -> None:
    assert line in between_paragraphs(line).split("\n\n")


@pytest.mark.parametrize(
    "line", ["10:30 – 12:00", "– 12 % –", "(a) and (c)", "§ 7, stk. 1", "- Ni** My**"]
)
def test_a_short_line_of_figures_or_marks_between_words_stays(line: str) -> None:
    assert line in between_paragraphs(line)


def test_removes_image_alt_text_and_credit_caption() -> None:
    out = clean_text([page(P1, "Refugee camp", "Families wait at the border (Image: GETTY)", P2)])
    assert out == BOTH_PARAGRAPHS


def test_rejoins_words_hyphenated_at_line_end() -> None:
    text = page(
        "Thousands of refugees have crossed the border this year, and many more refu-",
        "gees are expected to arrive before the winter according to the agency.",
    )
    out = clean_text([text])
    assert "many more refugees are expected" in out


def test_rejoins_unknown_word_split_by_hyphenation() -> None:
    text = page(
        "The organisation said that the situation for the population was extremely precar-",
        "ious because of the fighting that continued in the surrounding districts.",
    )
    assert "extremely precarious because" in clean_text([text])


def test_keeps_real_hyphens_at_line_end() -> None:
    text = page(
        "The leader of the group, Abu Bakr al-Baghdadi, was reported killed by the al-",
        "Baghdadi family's neighbours in the north-west, while troops advanced in the north-",
        "eastern districts and a long-term ceasefire was discussed with self-appointed long-",
        "term observers who had been in the area for many years according to the report.",
    )
    out = clean_text([text])
    assert "by the al-Baghdadi family" in out
    assert "in the north-eastern districts" in out
    assert "self-appointed long-term observers" in out


def test_english_text_keeps_the_hyphen_between_two_english_words_that_join_to_none() -> None:
    # OCR'd text has no hyphenation mark, and "cheating" and "hiked" occur only here.
    text = page(
        "The carmaker, which has focused on electric vehicles after its diesel emissions-",
        "cheating scandal, says the wagon will go far, while landlords in the city hiked-",
        "up the rent and the government said that it would look into the matter soon.",
    )
    out = clean_text([text])
    assert "diesel emissions-cheating scandal" in out
    assert "landlords in the city hiked-up the rent" in out
    assert "while landlords" in out


def test_danish_text_joins_a_compound_broken_at_a_line_end() -> None:
    # Danish writes compounds closed: "for" and "hold" are English words, but not here.
    text = page(
        "Ifølge rapporten er de generelle for-",
        "hold for asylansøgere i landet blevet værre, og flere menneskerettigheds-",
        "organisationer har kritiseret myndighederne for den måde, som de behandler dem på.",
    )
    out = clean_text([text])
    assert "de generelle forhold for asylansøgere" in out
    assert "flere menneskerettighedsorganisationer har" in out


def test_ocrs_bar_for_the_pronoun_i_is_mended_in_the_kept_text() -> None:
    text = page(
        '"| run my business on my phone. | have for years, and |\'m not alone," he said, and',
        "the minister added that the border crossing would reopen once the talks had ended.",
    )
    out = clean_text([text])
    assert out.startswith('"I run my business on my phone. I have for years, and I\'m not alone,"')


def test_a_bar_before_a_capitalised_word_or_a_figure_stays() -> None:
    text = page(
        "The report (UNHCR | Geneva) was published on Monday and counts 12 | 14 camps in the",
        "region, where the border crossing would reopen once the talks had ended this week.",
    )
    assert "(UNHCR | Geneva) was published on Monday and counts 12 | 14 camps" in clean_text([text])


def test_a_blank_line_that_ocr_sets_inside_a_paragraph_does_not_split_it() -> None:
    text = page(
        "Sondland, a wealthy hotelier whom the president tapped as his ambassador to the",
        "European Union, is more directly entangled than any witness yet in the efforts of the",
        "president to get the government in Kyiv to open an investigation of his political rival",
        "",
        "Joe Biden and the Democrats in the 2016 election, according to the testimony so far.",
    )
    assert "investigation of his political rival Joe Biden and the Democrats" in clean_text([text])


def test_a_short_line_before_a_blank_line_and_a_capital_stays_apart() -> None:
    text = page("Border crossing reopens for trade", "", P1)
    assert clean_text([text]) == "Border crossing reopens for trade\n\n" + flat(P1)


def test_paragraph_split_across_pages_joins_onto_first_page() -> None:
    first, rest = P2.split("\n", 1)
    pages = [page(P1, "", first), page(rest, "", P3)]
    out = clean_pages(pages)
    assert out == [flat(P1) + "\n\n" + flat(P2), flat(P3)]


def test_paragraph_split_across_pages_with_print_furniture_between() -> None:
    first, rest = P2.split("\n", 1)
    pages = [
        page("1/5/2020, 09:15 Report", P1, "", first, "https://example.org/report 1/2"),
        page("1/5/2020, 09:15 Report", rest, "https://example.org/report 2/2"),
    ]
    assert clean_pages(pages) == [flat(P1) + "\n\n" + flat(P2), ""]


def test_paragraph_split_across_pages_without_the_letter_tails_of_its_cut_line() -> None:
    # The browser prints a line cut at the page break on both pages; pdfium reads the tails
    # of its letters at the top of the next page.
    first, rest = P2.split("\n", 1)
    pages = [
        page("1/5/2020, 09:15 Report", P1, "", first, "https://example.org/report 1/2"),
        page("1/5/2020, 09:15 Report", "g y g q", rest, "https://example.org/report 2/2"),
    ]
    assert clean_pages(pages) == [flat(P1) + "\n\n" + flat(P2), ""]


def test_unicode_repairs() -> None:
    text = "The ﬁnal re\u00adport on the con\u00adﬂict was pub\x00lished\u00a0today in Geneva."
    out = clean_text([text])
    assert out == "The final report on the conflict was published today in Geneva."


def test_zero_width_characters_go_but_persians_non_joiner_stays() -> None:
    text = "The\u200b report\u2060 was\ufeff published\u200c today in Kabul and Herat."
    assert clean_text([text]) == "The report was published today in Kabul and Herat."
    # Persian spells "می‌شود" (it becomes) with a zero-width non-joiner between its parts.
    persian = "گزارش نشان می\u200cدهد که وضعیت پناهجویان در مرز بدتر می\u200cشود و کمک کافی نیست."
    assert clean_text([persian]) == persian


def test_an_icon_fonts_glyphs_go() -> None:
    # Font Awesome's clock and chevron, printed as characters of the private use area.
    text = "Published \uf017 12 March in Kabul \uf105 the report says that the border is closed."
    assert (
        clean_text([text])
        == "Published 12 March in Kabul the report says that the border is closed."
    )


def test_soft_hyphen_at_line_end_joins_word() -> None:
    text = page(
        "The commission published its annual report on the situation of minorities in the "
        "inter\u00ad",
        "national community and called for further dialogue.",
    )
    assert "in the international community" in clean_text([text])


def test_hyphen_that_pdfium_reports_as_ufffe_is_decided_like_a_line_end_hyphen() -> None:
    # pdfium turns a hyphen at a line's end into U+FFFE and often joins the two lines.
    text = page(
        "The leader of the group was named as Abu Bakr al\ufffeBaghdadi by the ministry, which",
        "said that thousands of refugees had crossed the border this year and many more refu\ufffe",
        "gees were expected to arrive before the winter, according to the agency.",
    )
    out = clean_text([text])
    assert "Abu Bakr al-Baghdadi by the ministry" in out
    assert "many more refugees were expected" in out


def test_a_browsers_plain_hyphen_at_a_line_end_is_the_words_own() -> None:
    # A browser hyphenates with U+2010, so in a printed web page a plain hyphen at a line's
    # end belongs to the word, also when the document has no other copy of it.
    body = page(
        "The carmaker, which has focused on electric vehicles since its emissions\ufffecheating",
        "scandal, said the new 302-",
        "horsepower wagon would go on sale next year, and that a soft-hyphenated inter\u2010",
        "nationalisation of its suppliers would follow in the spring, its chief said.",
    )
    out = clean_text([page(HEADER, body, FOOTER)])
    assert "its emissions-cheating scandal" in out
    assert "the new 302-horsepower wagon" in out
    assert "soft-hyphenated internationalisation of its suppliers" in out


def test_pdfiums_hyphen_mark_in_a_report_is_mostly_hyphenation() -> None:
    # Without a browser's print header the mark may be typeset hyphenation ("be-cause"),
    # unless the document writes compounds with the first part or it is a known prefix.
    text = page(
        "The committee said that the decision had been taken be\ufffe",
        "cause of the fighting in the hazara-kvarterer of the city, where many hazara\ufffe",
        "studerende live, and that the long\u2010",
        "term plan for the refu\ufffe",
        "gees would be kept, according to the report published by the committee on Monday.",
    )
    out = clean_text([text])
    assert "taken because of the fighting" in out
    assert "many hazara-studerende live" in out
    assert "the long-term plan for the refugees" in out


def test_normalises_whitespace() -> None:
    out = clean_text(["  The   regional\tauthorities   announced  the decision today.  \r\n"])
    assert out == "The regional authorities announced the decision today."


def test_keeps_headings_and_list_items_on_their_own_lines() -> None:
    text = page(
        P1,
        "",
        "Situation of returnees",
        "",
        P2,
        "The report lists the following groups at risk:",
        "• Former members of the armed forces",
        "• Journalists and human rights defenders",
        "• Persons who evaded military service",
        "",
        P3,
    )
    lines = clean_text([text]).splitlines()
    assert "Situation of returnees" in lines
    assert "The report lists the following groups at risk:" in lines
    assert "• Former members of the armed forces" in lines
    assert "• Persons who evaded military service" in lines
    assert flat(P3) in lines


def test_short_unsure_content_between_prose_is_kept() -> None:
    text = page(P1, "", "Ticket prices", "", "Adults: 120 kr.", "", P2)
    out = clean_text([text])
    assert "Ticket prices" in out and "Adults: 120 kr." in out


def test_danish_document() -> None:
    body = [
        "Flygtningenævnet har i en ny afgørelse lagt vægt på, at ansøgeren ikke havde været",
        "udsat for konkret og individuel forfølgelse, før hun forlod sit hjemland i foråret.",
        "",
        "Nævnet fandt endvidere, at de generelle forhold i hjemområdet ikke i sig selv kunne",
        "begrunde asyl, men at situationen fortsat skal følges nøje af myndighederne.",
    ]
    pages = [
        page(
            "3/12/2019, 10:05 Ny afgørelse om asyl | Nyheder",
            "Forside",
            "Nyheder",
            "Indland",
            "Udland",
            "Kultur",
            "Del artiklen",
            "Facebook",
            "Twitter",
            *body,
            "Læs også",
            "Regeringen vil ændre reglerne for familiesammenføring",
            "Tilmeld dig vores nyhedsbrev",
            "https://nyheder.example.dk/indland/ny-afgoerelse 1/1",
        )
    ]
    out = clean_text(pages)
    assert out == (
        "Flygtningenævnet har i en ny afgørelse lagt vægt på, at ansøgeren ikke havde været "
        "udsat for konkret og individuel forfølgelse, før hun forlod sit hjemland i foråret."
        "\n\nNævnet fandt endvidere, at de generelle forhold i hjemområdet ikke i sig selv "
        "kunne begrunde asyl, men at situationen fortsat skal følges nøje af myndighederne."
    )


def test_english_document() -> None:
    header = "11/10/2018, 14:32 Syria: Border crossing reopens - BBC News"
    pages = [
        page(
            header,
            "Skip to content",
            "Home",
            "News",
            "Sport",
            "Weather",
            "iPlayer",
            "Syria: Border crossing reopens",
            "11 October 2018",
            "Share this with",
            "Facebook",
            "Twitter",
            P1,
            "",
            "Advertisement",
            "",
            P2.split("\n", 1)[0],
            "https://www.bbc.com/news/world-middle-east-45812345 1/2",
        ),
        page(
            header,
            P2.split("\n", 1)[1],
            "",
            P3,
            "Related Topics",
            "Syrian civil war",
            "United Nations",
            "Copyright © 2018 BBC. The BBC is not responsible for the content of external sites.",
            "https://www.bbc.com/news/world-middle-east-45812345 2/2",
        ),
    ]
    out = clean_pages(pages)
    assert out[0].endswith(flat(P1) + "\n\n" + flat(P2))
    assert out[1] == flat(P3)
    assert S1 in out[0] and S2 in out[0] and S3 in out[1]
    for junk in ("Skip to content", "Weather", "Advertisement", "Facebook", "Copyright", "1/2"):
        assert junk not in "\n".join(out)


def test_page_ending_a_sentence_starts_a_new_paragraph_on_the_next_page() -> None:
    pages = [
        "Government forces and their allies launched an offensive against the last pocket held "
        "by the group\nin the eastern province, residents and monitors said on Tuesday.\n"
        "Thousands of civilians fled the villages along the river during the fighting.",
        "Aid agencies warned that the camps receiving the displaced were already overcrowded.",
    ]
    out = clean_pages(pages)
    assert out[0].endswith(
        "Thousands of civilians fled the villages along the river during the fighting."
    )
    assert out[1] == pages[1]


def test_page_of_short_headings_is_kept_when_nothing_marks_it_as_boilerplate() -> None:
    pages = [
        "The government announced new measures to protect civilians in the eastern region.\n"
        "Human rights organisations reported that several journalists were detained without\n"
        "charge during the protests last spring.",
        "Flygtningenævnet og Udlændingestyrelsen\nRapport om sikkerhedssituationen\n\n"
        "The security situation remains fragile\nJournalists were detained in March\n",
    ]
    out = clean_pages(pages)
    assert out[0].startswith("The government announced new measures")
    assert out[1].splitlines()[::2] == [
        "Flygtningenævnet og Udlændingestyrelsen",
        "Rapport om sikkerhedssituationen",
        "The security situation remains fragile",
        "Journalists were detained in March",
    ]


def test_print_header_in_the_middle_of_the_text_is_removed() -> None:
    header = "11/25/26, 12:19 PM Border crossing reopens - News"
    pages = [
        page(P1, header, P2, "https://example.org/news/border 1/2"),
        page(header, P3, "https://example.org/news/border 2/2"),
    ]
    assert clean_pages(pages) == [flat(P1) + "\n\n" + flat(P2), flat(P3)]


def test_print_headers_title_that_ocr_reads_apart_from_its_date_is_removed() -> None:
    # OCR reads the date at the header's left and the title at its centre as two blocks,
    # and may put the title anywhere on the page.
    pages = [
        page("11/25/26, 12:19 PM Border crossing reopens for trade | Daily News", P1),
        page("11/25/26, 12:19 PM", P2, "Border crossing reopens for trade | Daily News", P3),
    ]
    assert clean_pages(pages) == [flat(P1), flat(P2) + "\n\n" + flat(P3)]


def test_link_at_the_bottom_of_a_page_is_content_without_a_page_count() -> None:
    pages = [page(P1, "The full report: https://example.org/report.pdf", "https://example.org/a")]
    out = clean_text(pages)
    assert "https://example.org/report.pdf" in out
    assert out.endswith("https://example.org/a")


def test_removes_readers_comments() -> None:
    comments = [
        "2 responses to “Border crossing reopens”",
        "1. jensen says:",
        "November 19, 2019 at 6:34 am",
        "It is about time they opened it again, the families have waited long enough for this.",
        "2. marie says:",
        "November 19, 2019 at 6:44 am",
        "Nobody believes the authorities will keep it open for more than a week or two.",
    ]
    assert clean_text([page(P1, "", P2, "", *comments)]) == flat(P1) + "\n\n" + flat(P2)


def test_japanese_prose_is_kept_and_joined_without_spaces() -> None:
    text = page(
        "先日、不正に改造した携帯電話を販売したとして、商標法違反の疑いで二十代の男性が逮捕されたという",
        "ニュースを耳にしました。",
        "",
        "報道によると、今回販売されたのは、機能制限を解除した携帯電話で、公式の店では販売されていないものです。",
    )
    out = clean_text([text])
    assert "逮捕されたというニュースを耳にしました。" in out
    assert "報道によると" in out


# More prose for the rules that look at a whole article, wrapped like the paragraphs above.
P4 = """Officials in the neighbouring district said that the schools which had been used as
shelters during the fighting would reopen next month, once the families living in them had
been moved to the new housing that the regional government and several donors have paid for."""
P5 = """Local journalists reported that prices for flour and fuel had doubled since the summer,
and that many households now depend on remittances from relatives abroad, who send money
through informal networks because the banks in the area have been closed for most of the year."""
P6 = """The commission that investigates disappearances said it had received more than four
hundred new complaints since January, most of them from the families of young men who were
taken from their homes at night by people in uniform and have not been heard from since then."""
P7 = """Observers expect the negotiations between the parties to resume after the holidays, but
they caution that earlier rounds of talks broke down over the same questions of security,
the return of property and the release of detainees, none of which has been settled yet."""
ARTICLE = [P1, P2, P3, P4, P5, P6, P7]


def test_short_prose_outside_the_article_is_a_teaser_and_is_removed() -> None:
    # Before this rule, each summary was prose enough to be kept wherever it stood.
    teasers = [
        "© 2024 Example Media. All rights reserved.",
        "Flood waters recede in the south",
        "Farmers return to their fields as the water drops for the first time in weeks.",
        "3 hours ago",
        "New bridge opens to traffic",
        "The crossing cuts the journey between the two towns to less than an hour.",
        "5 hours ago",
    ]
    out = clean_text([page(P1, "", P2, "", P3, "", *teasers)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_short_prose_inside_the_article_is_kept() -> None:
    short = "The decision was welcomed by families who had waited at the border for days."
    out = clean_text([page(P1, "", short, "", P2, "", P3, "", "Share this story")])
    assert out == "\n\n".join([flat(P1), short, flat(P2), flat(P3)])


def test_banner_several_lines_deep_at_the_bottom_of_every_page_is_removed() -> None:
    banner = [
        "This site is paid for by its readers and depends on their gifts to keep",
        "reporting from the region on every single day of the year without a",
        "paywall, so that anyone who wants to read it can do so, whatever their",
        "means may be at the time they come to the site to read about the region.",
        "Give today",
    ]
    pages = [page(p, *banner) for p in (P1, P2, P3)]
    assert clean_pages(pages) == [flat(P1), flat(P2), flat(P3)]


def test_a_banner_printed_over_a_line_of_the_page_is_cut_off_that_line() -> None:
    # pdfium reads a fixed banner and the text it covers as one line where they share a
    # baseline: the banner's other copies go, and this one is cut off the text's line.
    banner = "We use cookies to improve your experience on this website. Accept all"
    last = "The ministry did not comment."
    pages = [page(P1, f"{last} {banner}"), *(page(p, banner) for p in (P2, P3, P4))]
    assert clean_pages(pages) == [f"{flat(P1)}\n\n{last}", flat(P2), flat(P3), flat(P4)]


def test_lines_that_recur_near_the_edges_at_other_places_are_no_banner() -> None:
    # A text that repeats its lines (a placeholder text, a form): they recur near the edge of
    # every page, but at other places on each, where a banner's place never moves.
    lines = (P1 + "\n" + P2 + "\n" + P3).replace(".", ",").splitlines()
    pages = [page(*lines[k:], *lines[:k]) + "." for k in (0, 3, 6, 9)]
    out = clean_text(pages)
    # Before, the repeats were peeled off each page as far as they went: nine words in ten.
    assert len(out.split()) >= 0.6 * sum(len(p.split()) for p in pages)


@pytest.mark.parametrize(
    "buttons",
    ["Accept all Only necessary Settings", "Tillad alle · Kun nødvendige · Vis detaljer",
     "Alle akzeptieren Ablehnen"],
)  # fmt: skip
def test_a_consent_banners_buttons_on_a_line_of_their_own_go(buttons: str) -> None:
    assert between_paragraphs(buttons) == BOTH_PARAGRAPHS


@pytest.mark.parametrize(
    "field", ["Your e-mail addres", "Indtast din e-mailadresse", "Email address", "Ihre E-Mail"]
)
def test_a_forms_placeholder_for_the_e_mail_address_goes(field: str) -> None:
    assert between_paragraphs(field) == BOTH_PARAGRAPHS


def test_a_heading_in_the_words_of_consent_buttons_stays() -> None:
    heading = "Only necessary repairs allowed"
    assert heading in between_paragraphs(heading)


def test_long_cookie_notice_is_removed_but_an_article_about_cookies_is_kept() -> None:
    notice = (
        "We and our partners use cookies and similar tracking technologies to personalise "
        "content and ads, to provide social media features and to analyse our traffic. We "
        "also share information about your use of our site with our social media, "
        "advertising and analytics partners, who may combine it with other information that "
        "you have provided to them. Read our cookie policy and our privacy notice, or choose "
        "your preferences below; by continuing you consent to this."
    )
    article = (
        "The data protection authority fined the company on Monday because its website set "
        "cookies before visitors could say whether they wanted them, which the authority "
        "said broke the rules on privacy. The company said that it would appeal the decision "
        "and that it had already changed the way its pages work for all of its visitors, "
        "who now see a choice when they first arrive on the site from any of its countries."
    )
    out = clean_text([page(P1, "", notice, "", article, "", P2)])
    assert out == "\n\n".join([flat(P1), article, flat(P2)])


def test_series_of_time_stamps_after_the_article_starts_the_comments() -> None:
    comments = []
    for name, stamp, text in [
        ("maria_k", "2 days ago at 07:52 am", "The report is right about the border."),
        ("Ole H", "2 days ago at 08:10 am", "Nobody there believes it will stay open."),
        ("jensen", "1 day ago at 11:03 pm", "My cousin waited there for three weeks."),
    ]:
        comments += ["Avatar", name, stamp, text, "Rating: 4 Votes"]
    out = clean_text([page("\n\n".join(ARTICLE), *comments)])
    assert out == "\n\n".join(flat(p) for p in ARTICLE)


def test_time_stamps_before_the_article_has_been_told_are_left_to_other_rules() -> None:
    entries = []
    for stamp in ("10:32 am", "10:47 am", "11:05 am"):
        entries += [stamp, P1.replace("Monday", f"Monday at {stamp}")]
    out = clean_text([page(*entries, P2)])
    assert flat(P1).replace("Monday", "Monday at 11:05 am") in out
    assert flat(P2) in out


def test_live_blog_entries_dated_by_the_clock_after_the_article_are_kept() -> None:
    entries = []
    for stamp in ("10:32 am", "10:47 am", "11:05 am"):
        entries += [stamp, P2.replace("past year", f"past year ({stamp} update)")]
    out = clean_text([page("\n\n".join(ARTICLE), *entries)])
    for stamp in ("10:32 am", "10:47 am", "11:05 am"):
        assert flat(P2).replace("past year", f"past year ({stamp} update)") in out


def test_run_of_short_lines_with_figures_is_data_not_a_menu() -> None:
    results = ["Yes 1,204", "No 877", "Blank 45", "Invalid 12"]
    out = clean_text([page(P1, *results, P2)])
    assert out == "\n\n".join([flat(P1), *results, flat(P2)])


def test_run_of_short_lines_with_figures_next_to_boilerplate_is_kept() -> None:
    prices = ["Adults 150 kr", "Children 75 kr", "Groups of ten or more 120 kr"]
    out = clean_text([page(P1, "", P2, *prices, "Share this story", "Facebook")])
    assert out == "\n\n".join([flat(P1), flat(P2), *prices])


def test_teasers_after_a_related_heading_run_until_the_next_sentence() -> None:
    most_read = [
        "Most read",
        "Rebels agree to leave the besieged town after weeks of talks with the army and the",
        "syria rebels town talks army latest news middle east",
        "Heavy rain cuts off villages in the mountains as rivers burst their banks along the",
        "weather floods rain villages mountains rivers latest",
        "Here are the main points of the agreement:",
        "1. The border reopens",
    ]
    out = clean_text([page(P1, *most_read, P2)])
    assert out == "\n\n".join(
        [flat(P1), "Here are the main points of the agreement:", "1. The border reopens", flat(P2)]
    )


def test_picture_file_names_credits_and_counters_go_without_breaking_a_list() -> None:
    items = [
        "Solar lantern for 25 dollars",
        "lantern-front.jpg",
        "Water filter for 40 dollars",
        "Jane Doe/Getty Images",
        "Blanket for 12 dollars",
        "1 of 6",
    ]
    # Were they boilerplate, the middle item would stand between two pieces of it.
    out = clean_text([page(P1, "", *(x for item in items for x in (item, "")), P2)])
    assert out == "\n\n".join(
        [flat(P1), "Solar lantern for 25 dollars", "Water filter for 40 dollars"]
        + ["Blanket for 12 dollars", flat(P2)]
    )


def test_teaser_headline_printed_twice_is_removed() -> None:
    teaser = [
        "Farmers Return To Their Fields As The",
        "Flood Waters Recede In The South",
        "Farmers Return To Their Fields As The Flood Waters",
        "Recede In The South",
    ]
    assert_removed_after_two_paragraphs(teaser)


def test_date_lines_with_a_weekday_are_removed() -> None:
    dates = ["Wednesday November 20, 2019", "onsdag den 20. november 2019"]
    out = clean_text([page(P1, dates[0], P2, dates[1], P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_removes_print_and_reply_links_and_each_phrase_of_the_vocabulary() -> None:
    # "Reply", "Teilen" and "Del" begin lines of the phrase list in clean.py.
    chrome = ["Print this article", "Reply", "Udskriv artikel", "Teilen", "Del"]
    out = clean_text([page(P1, chrome[0], P2, *chrome[1:], P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


@pytest.mark.parametrize(
    "chrome",
    [
        "Spring til indhold", "Lyt til artiklen", "Artiklen fortsætter under annoncen",
        "Kopiér link", "Fejl i artiklen?", "Vis flere", "Artikel anhören", "Link kopieren",
        "Listen to this article", "Story continues below", "Gift this article",
        "Comments are closed", "Skjul kommentarer", "Bild vergrößern", "Copiar enlace",
        "Comments (12)", "View 12 comments", "Like Loading...", "Annoncørbetalt indhold",
        "Posted in World | Tagged Syria | Leave a comment", "Skrevet af Jane Doe",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "Your browser does not support the video tag.",
        "Click to share on Twitter (Opens in new window)",
        "Artiklen fortsætter efter annoncen", "Følg journalist", "Reuse this content",
        "Follow Al Jazeera English:",
        "Sign in or create your Guardian account to join the discussion",
        "This is not a UNHCR publication. UNHCR is not responsible for, nor does it necessarily "
        "endorse, its content.",
        "The BBC is not responsible for the content of external sites.",
        "Lire aussi : Le Parlement adopte la loi sur le renseignement",
        "Lee también: El Gobierno aprueba la reforma", "Leggi anche: Il governo approva la riforma",
        "Lees ook: Kabinet valt over asielbeleid", "Czytaj także: Rząd przyjął projekt ustawy",
        "Читайте также: Правительство приняло закон", "اقرأ أيضا: الحكومة تعلن إجراءات جديدة",
        "Story continues below advertisement", "Thanks for reading", "Listen · 5:12 min",
        "Dela artikeln", "Senaste nytt", "Del artikkelen", "Annonse",
        "Get it on Google Play", "Download the BBC app", "Ansvarshavende chefredaktør: Jane Doe",
        "CVR-nr. 12345678", "Dansk English", "Printed on 12 March 2021",
        "This article is more than 2 years old", "Artiklen er mere end 5 år gammel",
        "Lecture 3 min.", "4 min. læsning", "5 min di lettura", "Leestijd 3 minuten",
        "Contenus sponsorisés", "Link kopieret", "Ihr Browser unterstützt dieses Video nicht.",
        "Publié aujourd'hui à 14h32", "Publicado hoy a las 14:32",
        "Du er her: Forside > Ord og begreber", "Vous êtes ici :", "Ja Nej", "Læs højt",
        "Is this page useful? Maybe Yes this page is useful No this page is not useful Thank you "
        "for your feedback",
        "Last updated 12 March 2021 — see all updates", "Get emails about this page",
        # Phrases with a hyphen, compared as the lines are: "e mail".
        "E-mail", "Abonnez-vous", "Qui sommes-nous ?",
        # Share buttons.
        "Share", "Share Article", "Share Tweet", "Del på Facebook", "Send as Email Send as Email",
        "Share this story", "Facebook Twitter WhatsApp", "Suivez-nous sur Facebook",
        "Síguenos en Twitter", "EMAIL ME", "LinkedIn Facebook Twitter Email More",
        # Newsletter boxes and copyright notices.
        "Sign up for our daily newsletter", "Newsletter", "Tilmeld dig nyhedsbrevet",
        "Subscribe to the Evening Post's briefing. No spam, unsubscribe at any time.",
        "Copyright 2019 Evening Post",
        "Copyright © 2019 The Associated Press. All rights reserved.",
        # A Danish news site's chrome: saving, audio, the meter of free articles, the
        # newsletter, the trial offer, stamps of editing and printing.
        "Gem til senere", "Følg emnet", "Læs hele artiklen", "Læst op af Jens Jensen",
        "This article was read by an AI voice", "Du har læst 3 af 3 gratis artikler",
        "Abonner for at læse hele artiklen", "Få de vigtigste nyheder direkte i din indbakke",
        "Prøv Politiken gratis i 30 dage", "Try The Times free for 30 days",
        "Sidst redigeret 12.03.2021", "This page was last updated on 12 March 2021",
        "Dernière mise à jour le 12 mars 2021", "Udskrevet den 3. december 2026",
        # A Danish authority's page: its share, help, read-aloud, navigation and login
        # lines, and the heading of its list of links.
        "Del denne side", "Blev du hjulpet?", "Lyt til siden", "Hent Adobe Reader",
        "Spring over navigation", "Log ind med MitID", "Relevante links",
        # Country-of-origin sites' chrome (ecoi.net, Refworld, NGOs): navigation, search,
        # calls to act and to give, a breadcrumb from the home page.
        "Jump to content", "Advanced Search", "Take action", "Sign the petition",
        "Print Friendly, PDF & Email", "Home / News / Syria",
        "Your tax deductible gift can help stop human rights violations around the world.",
    ],
)  # fmt: skip
def test_a_line_of_site_chrome_goes_also_inside_the_article(chrome: str) -> None:
    assert between_paragraphs(chrome) == BOTH_PARAGRAPHS


@pytest.mark.parametrize(
    "line",
    [
        "Follow these steps:",
        "This is not a good publication for the ministry, the opposition said on Monday.",
        "The platform says that it is not responsible for the content that its users post.",
        "Printed on both sides of the leaflet, the message warned of new attacks in the city.",
        "English and Danish are the languages of the board.",
        "La lecture du rapport a duré 3 minutes, selon le président du tribunal.",
        "You are here because the court has ordered it, the judge told him on Monday.",
        "Yes, no one knew what would happen.",
        "Voir aussi : l'article 12 de la loi du 10 juillet 1991.",
        "Thank you for reading my letter, the minister wrote to the families in the camp.",
        "He said that he would make a donation to the hospital, and residents were urged to "
        "donate now.",
        "Refugees were given unlimited access to the clinic once the country had reached the "
        "limit of its funds.",
        "The donors pledged money to support independent journalism in the region.",
        "The newspaper's new app for subscribers was launched in 2019.",
        "Il a décidé de faire un don à l'hôpital après un essai gratuit du médicament.",
        "I debatten om nye regler for asyl sagde ministeren: »Du skal ikke tro, at vi giver op.«",
        "Redaktør: Jane Doe",
        "The regulator reserves the right to remove posts that it finds offensive.",
        # Headings that begin with the share buttons' words or name a network.
        "Del 2: Sikkerhedssituationen i Kabul",
        "Share of votes by region",
        "Facebook removes posts in Myanmar",
        "Facebook and WhatsApp monitoring",
        # A paragraph of one sentence that tells of newsletters, sign-ups and copyright.
        "Young men must sign up for military service when they turn 18, according to the law.",
        "Many families subscribe to a satellite service to follow foreign news channels.",
        "If you live in the camp, you can sign up for the language course at the town hall.",
        "Digtet blev læst op af forfatteren ved mindehøjtideligheden i Aarhus i går.",
        "Prøv at forestille dig at flygte uden din familie, sagde hun til de fremmødte.",
        "Du har læst rapporten, men den siger intet om de 3 af 5 distrikter i nord.",
        "The report was funded by a gift that can help the families, the agency said.",
        "Læst op af dommeren fik afgørelsen stor betydning for de andre sager.",
        "Du har læst 3 af 5 rapporter, men ingen af dem nævner distriktet i nord.",
        "The party sends a newsletter to its members every month, one source said.",
        "Villagers get breaking news from the radio, as the internet has been cut since May.",
        "Kilden oplyste, at man kan abonnere på oppositionens nyhedsbrev.",
        "The blogger was charged under the copyright law for sharing a video of the protest.",
    ],
)
def test_a_line_of_the_article_in_the_words_of_site_chrome_stays(line: str) -> None:
    assert line in between_paragraphs(line)


def test_caption_with_its_credit_run_on_goes_without_taking_the_lead_with_it() -> None:
    lead = "Shelling hit the old town again on Sunday, residents said."
    caption = "Smoke rises over the old town after the shelling on SundayCredit: Jane Doe"
    out = clean_text([page(lead, caption, P1, "", P2)])
    assert out == "\n\n".join([lead, flat(P1), flat(P2)])


# Summaries of other articles, each long enough to pass for a paragraph of prose.
SUMMARIES = [
    "Engineers finished the repairs to the main water pipeline on Friday, and the district "
    "council said that households in the eastern quarters of the city would have running "
    "water again by the end of the week.",
    "The teachers' union called off the strike after the ministry agreed to pay the salaries "
    "that had been withheld since the spring, and schools in the region are expected to "
    "reopen their doors to pupils on Monday.",
    "A court in the capital sentenced two former police officers to prison for the death of "
    "a detainee in custody last year, in a case that the victim's family and their lawyers "
    "had pursued for more than twelve months.",
]


def test_several_prose_summaries_well_outside_the_article_are_teasers() -> None:
    footer_menu = ["Newsroom", "Archive", "Weather", "Traffic", "Obituaries", "Puzzles"] * 5
    teasers = []
    for number, summary in enumerate(SUMMARIES):
        teasers += [f"Headline of teaser number {number}", "", summary, ""]
    out = clean_text([page(*ARTICLE[:3], "", *footer_menu, "", *teasers)])
    assert out == "\n\n".join(flat(p) for p in ARTICLE[:3])


def test_one_paragraph_well_outside_the_article_is_kept() -> None:
    footer_menu = ["Newsroom", "Archive", "Weather", "Traffic", "Obituaries", "Puzzles"] * 3
    out = clean_text([page(*ARTICLE[:3], "", *footer_menu, "", SUMMARIES[0])])
    assert out == "\n\n".join([*(flat(p) for p in ARTICLE[:3]), SUMMARIES[0]])


def test_labelled_teaser_inside_the_article_goes_with_its_summary() -> None:
    teaser = [
        "World",
        "Ceasefire talks resume in the capital after a week",
        "World",
        "Ceasefire talks resume in the capital after a week",
        "",
        "Delegations returned to the table on Tuesday, mediators said.",
        "",
    ]
    out = clean_text([page(P1, "", P2, "", P3, "", P4, "", *teaser, P5, "", P6)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3, P4, P5, P6))


def test_paragraph_after_a_doubled_caption_without_label_is_kept() -> None:
    caption = ["The old bridge over the river at night", "The old bridge over the river at night"]
    short = "Delegations returned to the table on Tuesday, mediators said."
    out = clean_text([page(P1, "", P2, "", P3, "", *caption, "", short, "", P4)])
    assert out == "\n\n".join([flat(P1), flat(P2), flat(P3), short, flat(P4)])


def test_series_of_excerpts_cut_off_with_an_ellipsis_is_removed() -> None:
    excerpts = [
        "The council met on Thursday to discuss the budget for next year, and members said...",
        "Residents of the northern villages have complained for months that the road was…",
        "Officials at the ministry declined to comment on the report, which found... Read more",
    ]
    out = clean_text([page(P1, "", P2, "", P3, "", "\n\n".join(excerpts))])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_one_paragraph_trailing_off_with_an_ellipsis_is_kept() -> None:
    trailing = "Asked whether the border would stay open, the official only said: we will see..."
    out = between_paragraphs(trailing)
    assert out == "\n\n".join([flat(P1), trailing, flat(P2)])


HEADER = "11/25/26, 3:36 PM Court halts Returns Flight to Kabul - The Evening Post"
FOOTER = "https://post.example/news/court-halts 1/2"
MENU = ["Home", "World", "Politics", "Business", "Sport"]


def test_headline_named_by_the_print_header_is_kept_as_one_line() -> None:
    # Title case keeps every wrapped line of the headline capitalised and heading-like.
    pages = [page(HEADER, *MENU, "Court halts Returns", "Flight to Kabul", P1, P2, FOOTER)]
    out = clean_text(pages)
    assert out.startswith("Court halts Returns Flight to Kabul\n\n")
    assert "Politics" not in out


def test_a_headline_that_holds_a_separator_of_its_own_is_the_headline() -> None:
    # "Returns (January – March 2025) – The Evening Post": the headline is the part of the
    # title that the page prints, not its longest piece between dashes.
    header = "11/25/26, 3:36 PM Returns to Kabul (January 2024 – March 2025) – The Evening Post"
    lines = ["Returns to Kabul", "(January 2024 – March 2025)"]
    out = clean_text([page(header, *MENU, *lines, P1, P2, FOOTER)])
    assert out.startswith("Returns to Kabul (January 2024 – March 2025)\n\n")


def test_line_ending_in_a_function_word_runs_on_to_a_capitalised_word() -> None:
    # A narrow column: the short lines stop after "vom" and "der", and German capitalises
    # the nouns that continue them.
    lead = page(
        "Der Flug sollte am frühen Mittwochmorgen vom",
        "Flughafen Leipzig starten, berichten Behörden der",
        "Stadt.",
    )
    out = clean_text([page(P1, lead, P2)])
    assert "vom Flughafen Leipzig starten, berichten Behörden der Stadt." in out


def test_a_heading_wrapped_after_a_dash_between_words_is_one_line() -> None:
    out = clean_text([page(P1, "", "Returns to Kabul (2024 –", "2025)", "", P2)])
    assert "\n\nReturns to Kabul (2024 – 2025)\n\n" in out


def test_short_capitalised_line_after_a_wide_unfinished_line_is_a_heading() -> None:
    caption = "Detainees queue for food in the courtyard of the centre. Photo: Lina Haddad/Reuters"
    out = clean_pages([page(P1, caption, "Europe's role", P2)])[0]
    assert "\n\nEurope's role\n\n" in out


def test_lower_case_continuation_skips_a_banner_at_the_foot_of_the_page() -> None:
    # The banner spans the page; the article's column ends short of it.
    first = "Human rights groups have documented arbitrary arrests\nof returnees in the area during"
    rest = P2[len(first) :]
    banner = page(
        "We use cookies to measure traffic and show relevant ads. You can change your consent",
        "at any time in the settings. Accept all Only necessary Settings",
    )
    pages = [page(P1, first, banner), page(rest, P3)]
    out = clean_text(pages)
    assert flat(P2) in out
    assert "cookies" not in out


def test_article_resumes_on_the_next_page_after_a_sidebar() -> None:
    sidebar = page("Most read", "1. Storm closes", "the bridges", "2. New rules", "for benefits")
    short = "The ministry said it would appeal against the decision."
    pages = [page("Court halts flight", P1, P2, sidebar), page(short, "Share this", *MENU)]
    out = clean_text(pages)
    assert short in out
    assert "Storm closes" not in out


def test_list_items_that_end_alike_are_not_a_headline_printed_twice() -> None:
    items = page(
        "Refugee status: 2 years, then renewed for 2 years at a time",
        "Protection status: 1 year, then renewed for 2 years at a time",
    )
    out = clean_text([page(P1, items, P2)])
    assert "Refugee status: 2 years" in out and "Protection status: 1 year" in out


def test_feedback_widget_is_removed_and_list_before_it_kept() -> None:
    items = page("First instance: about 620,000 cases", "Appeal or review: about 290,000 cases")
    related = page("Related data", "Resettlement 2023", "Returns and readmission")
    out = clean_text([page(P1, P2, items, "Was this page helpful? Yes No", related, "© 2024")])
    assert "First instance: about 620,000 cases" in out and "Appeal or review" in out
    assert "helpful" not in out


def test_labels_just_before_the_headline_are_not_rescued_by_the_prose_after_it() -> None:
    # A breadcrumb of two labels: too short for a menu, and the headline stands between it
    # and the article's first paragraph.
    breadcrumb = page("Home", "World", "Asia")
    pages = [page(HEADER, breadcrumb, "Court halts Returns", "Flight to Kabul", P1, P2)]
    out = clean_text(pages)
    assert out.startswith("Court halts Returns Flight to Kabul\n\n")
    assert "Asia" not in out and "World" not in out
    assert flat(P1) in out and flat(P2) in out


def test_article_resumed_on_the_next_page_ends_with_its_last_prose() -> None:
    sidebar = page("Most read", "1. Storm closes", "the bridges", "2. New rules", "for benefits")
    short = "The ministry said it would appeal against the decision."
    author_box = page("Correspondent", "Jane Doe, Kabul")
    pages = [page("Court halts flight", P1, P2, sidebar), page(short, author_box, "Share this")]
    out = clean_text(pages)
    assert short in out
    assert "Correspondent" not in out and "Jane Doe" not in out


def test_continuation_skips_a_sidebar_headline_that_does_not_fill_the_column() -> None:
    first = "Human rights groups have documented arbitrary arrests of returnees in the area during"
    rest = P2[len(first) + 1 :]
    teaser = "Storm closes the bridges on the northern coast road tonight"
    pages = [page(P1, first, "Most read", teaser), page(rest, P3)]
    out = clean_text(pages)
    assert flat(P2) in out


# P2's first line cut where a word ends, and the rest of P2 that the next page carries on.
P2_HEAD = "Human rights groups have documented arbitrary arrests of returnees in the area"
P2_REST = P2[len(P2_HEAD) + 1 :]


def test_continuation_skips_a_picture_with_its_caption_and_credit_at_the_pages_foot() -> None:
    picture = page(
        "Families wait at the border crossing in the early morning after the night's storm.",
        "Photo: Getty Images",
    )
    out = clean_text([page(P1, P2_HEAD, "In pictures", picture), page(P2_REST, P3)])
    assert flat(P2) in out


def test_continuation_skips_a_line_printed_as_a_link_at_the_pages_foot() -> None:
    teaser = "Storm closes the bridges on the northern coast road as the river rises, say police"
    lines = page(HEADER, P1, P2_HEAD, "Most read", teaser)
    link = len(lines.split("\n")) - 1
    out = clean_text([lines, page(P2_REST, P3, FOOTER)], [{link}, set()])
    assert flat(P2) in out


def test_continuation_skips_a_bar_printed_at_the_top_of_the_next_page() -> None:
    bar = page("SIGN UP FOR E-MAIL", "NEWSLETTERS")
    out = clean_text([page(P1, P2_HEAD), page(bar, P2_REST, P3)])
    assert flat(P2) in out
    assert "NEWSLETTERS" not in out


def test_a_short_line_at_the_top_of_a_page_after_a_finished_paragraph_stays() -> None:
    # The page before ends its paragraph: the short line is the next page's heading.
    own = "in the north, aid groups warned on Tuesday that the camps could not take more families."
    out = clean_pages([page(P1, P2), page("Winter camps", own, P3)])
    assert out[0].endswith(flat(P2))
    assert out[1].startswith("Winter camps " + own)


def test_a_line_printed_across_the_page_does_not_continue_the_columns_paragraph() -> None:
    # The paragraph's last line fills the column; an overlay's or caption's line is wider.
    wide = (
        "The violent simulated birth of a galaxy cluster where dark matter structures merge "
        "together while supermassive black holes expel cosmic gas away from the centre"
    )
    full = "Human rights groups have documented arbitrary arrests of returnees in the area of"
    out = clean_pages([page(P1, full, wide, P3)])[0]
    assert full + "\n\n" in out


def test_teasers_around_the_headline_printed_again_after_the_article_stay_removed() -> None:
    teasers = page("Up next", "Storm closes the bridges", "Court halts Returns Flight to Kabul")
    more = page("New rules for benefits", "Border talks resume")
    pages = [page(HEADER, "Court halts Returns Flight to Kabul", P1, P2, teasers, more)]
    out = clean_text(pages)
    assert flat(P2) in out
    assert "Up next" not in out and "Storm closes" not in out


LEAD = "Three men were taken off the plane minutes before it was due to leave."


def test_byline_and_stamp_line_after_the_headline_go_and_the_lead_stays() -> None:
    byline = "By MARIA LUND | Special to the Evening Post"
    stamp = "Updated 3:15 pm CET, Tuesday, March 12, 2019"
    pages = [page(HEADER, "Court halts Returns Flight to Kabul", LEAD, byline, stamp, P1, P2)]
    out = clean_text(pages)
    assert out.startswith("Court halts Returns Flight to Kabul\n\n" + LEAD + "\n\n")
    assert "MARIA LUND" not in out and "3:15" not in out


def test_the_standfirst_under_the_headline_stays_between_a_date_and_a_share_bar() -> None:
    standfirst = "Authorities should halt deportations and allow UN access to detention sites."
    share = "Share this via Facebook Share this via X Share this via WhatsApp Share this via Email"
    printed = page(
        HEADER, *MENU, "March 12, 2025 12:01AM EDT", "Court halts Returns Flight to Kabul",
        standfirst, "", share, "Other ways to share Print", "", P1, P2, P3, FOOTER,
    )  # fmt: skip
    out = clean_text([printed])
    assert out.startswith(f"Court halts Returns Flight to Kabul\n\n{standfirst}\n\n{flat(P1)}")
    assert "Share" not in out


def test_bylines_in_other_shapes_go_but_prose_that_starts_with_by_stays() -> None:
    bylines = ["Af Jens Holm, Ritzau", "Karen Vestergaard, korrespondent", "Von Anna Weber"]
    prose = "By the end of the month, more than 400 families had returned to the village."
    out = clean_text([page(P1, *bylines, prose, P2)])
    assert prose in out
    assert not any(byline in out for byline in bylines)


def test_labelled_bylines_and_reading_times_go_but_prose_about_reading_stays() -> None:
    lines = [
        "Analysis by Jane Doe, Senior Legal Analyst",
        "Opinion by John Roe",
        "11 minute read · Updated 9:22 PM EST, Mon November 6, 2023",
        "5 min read",
        "Læsetid: 4 min.",
    ]
    prose = "Reading the report took the committee more than a week, its chair said on Monday."
    out = clean_text([page(P1, *lines, "", prose, "", P2)])
    assert out == "\n\n".join([flat(P1), prose, flat(P2)])


@pytest.mark.parametrize(
    "stamp",
    ["November 28, 2013 -- Updated 0203 GMT (1003 HKT)", "3 May 2021 -- Updated 0955 JST"],
)
def test_stamp_lines_with_other_time_zones_go(stamp: str) -> None:
    out = clean_text([page(HEADER, "Court halts Returns Flight to Kabul", LEAD, stamp, P1, P2)])
    assert out.startswith("Court halts Returns Flight to Kabul\n\n" + LEAD + "\n\n")
    assert stamp not in out


def test_a_date_with_a_word_in_capitals_is_no_stamp_line() -> None:
    dated = "March 12, 2019 WEST BANK"
    out = clean_text([page(P1, dated, P2)])
    assert dated in out


def test_related_article_in_the_singular_opens_a_teaser() -> None:
    assert_removed_after_two_paragraphs(
        ["RELATED ARTICLE", "Justice rejects calls to step aside in the case"]
    )


def test_comment_stamp_with_its_author_goes_but_dates_with_places_stay() -> None:
    stamp = "Lene Mikkelsen April 2, 2020 - 9:41 pm"
    tour = page("June 17 -- Royal Arena, Copenhagen", "June 19 -- Spektrum, Oslo")
    out = clean_text([page(P1, stamp, P2, tour, P3)])
    assert "Lene Mikkelsen" not in out
    assert "Royal Arena, Copenhagen" in out and "Spektrum, Oslo" in out


def test_share_bar_naming_many_networks_is_removed() -> None:
    bar = "SHARES Pinterest Facebook Twitter Flipboard Reddit Email"
    assert_removed_after_two_paragraphs([bar])


def test_tag_lines_go_but_a_sentence_about_tags_stays() -> None:
    tags = ["Tags: Syria, refugees, Damascus", "Filed under asylum , Europe , returns"]
    prose = "Tags on the tents show which of the families have been registered by the agency."
    out = clean_text([page(P1, tags[0], P2, tags[1], prose, P3)])
    assert prose in out
    assert "Syria, refugees" not in out and "Filed under" not in out


def test_comment_form_and_comment_rules_go_but_prose_about_a_platforms_rules_stays() -> None:
    notices = [
        "Your email address will not be published. Required fields are marked *",
        "Save my name and email in this browser for the next time I comment.",
        "Please keep your comments civil and on topic. We reserve the right to remove any "
        "comment that breaks our rules.",
        "You must be logged in to post a comment.",
    ]
    prose = (
        "The company removed the posts, saying they broke its community guidelines on hate "
        "speech, and suspended the account for a week."
    )
    out = clean_text([page(P1, "", P2, "", prose, "", "\n\n".join(notices), "", P3)])
    assert prose in out
    assert out == "\n\n".join([flat(P1), flat(P2), prose, flat(P3)])


# The site's rules for comments, told to the reader, in other languages than English.
COMMENT_RULES = [
    "Læs vores debatregler, før du kommenterer. Krænkende kommentarer bliver slettet.",
    "Bitte beachten Sie unsere Netiquette: Kommentare werden vor der Freischaltung geprüft.",
    "Avant de commenter, lisez la charte des commentaires : vos contributions sont modérées.",
    "Recuerde que los comentarios deben respetar las normas de uso del sitio.",
    "ultimahora.es se reserva el derecho de eliminar cualquier comentario inapropiado.",
    "Vi forbeholder os retten til at slette kommentarer uden varsel.",
    # The comments are their writers' opinion, not the site's.
    "El contenido de los comentarios es la opinión de los usuarios o internautas, no de "
    "ultimahora.es.",
    "Die Kommentare geben die Meinung der Verfasser wieder, nicht die der Redaktion.",
    "The comments below are the views of their authors and do not reflect those of the site.",
]


@pytest.mark.parametrize(
    "prose",
    [
        "Regeringen sagde, at kommentarerne brød partiets regler, og at ministeren nu skal "
        "forklare sig for udvalget.",
        "Sie kritisierte die Kommentare des Ministers, die nach ihrer Ansicht gegen die Regeln "
        "des Parlaments verstießen.",
        "El gobierno dijo que los comentarios del ministro violaban las normas del partido, "
        "según su portavoz en la capital.",
        "The ministry did not reply to a request for comment on the views of the readers who "
        "wrote to it.",
        "Readers' comments did not change the views of the authorities, the editor said.",
    ],
)
def test_an_article_about_comments_that_broke_rules_stays(prose: str) -> None:
    assert prose in between_paragraphs(prose)


def test_author_box_line_that_asks_to_follow_the_author_is_removed() -> None:
    box = "Her book about the camps is out now. Follow her on Twitter @hannaeklund."
    assert_removed_after_two_paragraphs([box])


def test_more_kinds_of_teaser_headings_start_a_list_of_teasers() -> None:
    for heading in ("More Great Evening Post Stories", "Editors' Picks", "Must read", "More on:"):
        assert_removed_after_two_paragraphs([heading, "Storm closes the bridges tonight"])


def test_sentence_that_starts_like_a_teaser_heading_is_kept() -> None:
    prose = "Next up is the debate in parliament, where the bill is expected to pass."
    out = clean_text([page(P1, prose, P2)])
    assert prose in out


def test_caption_label_starts_a_caption_of_its_own_after_a_wide_alt_text() -> None:
    # The alt text fills the column: without the label the caption would run on from it.
    alt = "Families from the besieged northern districts wait at the Kilis border crossing"
    caption = "Image: Families wait in the rain at the border crossing near Kilis"
    out = clean_text([page(P1, "", P2, alt, caption, P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_gallery_counter_agency_credit_and_misspelt_rights_notice_are_removed() -> None:
    furniture = ["Image 3 of 12", "Lars Nielsen, AP", "© 2019 Evening Post. All Right Reserved."]
    assert_removed_after_two_paragraphs(furniture)


def test_gallery_and_comment_form_chrome_phrases_are_removed() -> None:
    chrome = ["Continue reading below", "Back to Gallery", "Select Month", "About the author"]
    out = clean_text([page(P1, chrome[0], P2, *chrome[1:], P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_gallery_printed_slide_by_slide_goes_with_its_numbered_dots() -> None:
    slides = ["Storm hits the coast"] * 4 + ["1", "2", "3", "4"] + ["Toggle caption"]
    out = clean_text([page(HEADER, "Court halts Returns Flight to Kabul", P1, *slides, P2)])
    assert "Storm hits" not in out and "\n\n2\n\n" not in out and "caption" not in out
    assert flat(P1) in out and flat(P2) in out


def test_labels_repeated_with_other_text_between_them_stay() -> None:
    # A meal plan's or an interview's label recurs, but never three times in a row.
    rows = []
    for meal in ("Oats and berries", "Rice and lentils", "Fish and greens"):
        rows += ["Eat every 2-3 hours", meal]
    out = clean_text([page(HEADER, "Court halts Returns Flight to Kabul", P1, *rows, P2)])
    assert out.count("Eat every 2-3 hours") == 3


def test_wiki_pointers_and_reader_counters_go_without_taking_the_section_with_them() -> None:
    # They stand inside the article, between a section's heading and its text.
    out = clean_text([page(P1, "History", "Main article: History of Syria", P2, "1.2K views", P3)])
    assert out == "\n\n".join([flat(P1), "History", flat(P2), flat(P3)])


def test_comment_form_fields_go_and_labels_with_a_colon_stay() -> None:
    form = ["Name *", "Correo electrónico (*):", "* Campos obligatorios Acepto las condiciones"]
    assert_removed_after_two_paragraphs(form)
    out = clean_text([page(P1, "Sources:", P2)])
    assert "Sources:" in out


@pytest.mark.parametrize(
    "placeholder",
    [
        "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine "
        "Verbindung zu Twitter her. Hier kannst du deine Einstellungen verwalten.",
        "We respect your privacy: this external content from YouTube is only loaded once you "
        "agree. You can change your consent at any time.",
    ],
)
def test_embedded_post_held_back_for_consent_goes(placeholder: str) -> None:
    assert_removed_after_two_paragraphs([placeholder, "Datenschutzeinstellungen verwalten"])


def test_a_paragraph_about_a_platforms_privacy_rules_stays() -> None:
    prose = (
        "The regulator said Twitter had shared the personal data of millions of users without "
        "their consent, in breach of its own privacy rules."
    )
    out = clean_text([page(P1, prose, P2)])
    assert prose in out


def test_site_chrome_in_french_czech_and_latvian_goes() -> None:
    chrome = ["Article réservé aux abonnés", "Ajouter à vos sélections", "Dalīties", "Lasīt vairāk"]
    assert_removed_after_two_paragraphs(chrome)
    assert_removed_after_two_paragraphs(["Mohlo by vás zajímat", "Vláda schválila rozpočet"])


def test_login_form_after_the_article_goes() -> None:
    form = [
        "Screen Name:",
        "Password:",
        "Confirm password:",
        "I agree to the processing of my personal data for the purpose of creating a personal "
        "account on this site, in compliance with the Privacy Policy",
        "We are committed to protecting your personal information and we have updated our "
        "Privacy Policy to comply with the General Data Protection Regulation (GDPR).",
    ]
    out = clean_text([page(P1, P2, P3, *form)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_a_call_to_click_a_picture_goes_and_a_call_to_follow_a_link_stays() -> None:
    picture = "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada."
    link = "Click the link to see the full calendar of hearings for the coming season."
    out = clean_text([page(P1, "", picture, "", P2, "", link, "", P3)])
    assert picture not in out
    assert link in out


def test_table_of_contents_with_leader_dots_is_kept_entry_by_entry() -> None:
    # The leader dots are no OCR noise; an entry that fills the column ends its line.
    contents = [
        "1. Introduction .................................................... 3",
        "2. The security situation in the northern provinces ............... 4",
        "Armed groups. . . . . . . . . . . . . . . . . . . . . . . . . . . . 5",
        "Treatment of returnees at the airport..............................7",
        "Annex: sources .................................................... iv",
    ]
    pages = [page("Contents", *contents, "~~ ,. | ;: —="), page("1. Introduction", P1, P2)]
    out = clean_pages(pages)
    assert out[0].split("\n\n") == ["Contents", *contents]
    assert flat(P1) in out[1]


def test_lines_of_code_in_a_technical_document_are_no_menu() -> None:
    example = [
        '"name": "camp-7",',
        '"capacity": {',
        '"tents": "unknown",',
        "<status>open</status>",
        "Region = North",
    ]
    menu = ["Home", "Reports", "Countries", "Methods", "Contact"]
    lead_in = "The registry answers a request for a camp with a record like this one:"
    out = clean_text([page(*menu, P1, lead_in, *example, P2)])
    assert out.split("\n\n") == [flat(P1), lead_in, *example, flat(P2)]


def test_short_bulleted_list_items_are_no_menu_and_may_repeat() -> None:
    # Two lists of a report that share items, printed with their bullets.
    first = ["The office records for each applicant:", "• name", "• date of birth", "• region"]
    second = ["For each family it records:", "• name", "• date of birth", "• region", "• size"]
    menu = ["Home", "Reports", "Countries", "Methods", "Contact"]
    out = clean_text([page(P1, *first, *second, P2, *menu)])
    assert out.split("\n\n") == [flat(P1), *first, *second, flat(P2)]


def test_wiki_section_headings_with_edit_links_are_no_menu() -> None:
    # A section heading, a picture's label, a subsection heading and its "main article"
    # note (which goes): four short lines between two paragraphs, as a printed wiki article
    # has them.
    headings = ["Camps[edit]", "Camp map", "North[rediger]"]
    menu = ["Home", "Reports", "Countries", "Methods", "Contact"]
    out = clean_text([page(*menu, P1, P2, *headings, "Main article: Camps", P3)])
    assert out.split("\n\n") == [flat(P1), flat(P2), *headings, flat(P3)]


def test_running_header_and_footer_of_a_plain_text_document_go_wherever_they_stand() -> None:
    # A document kept as plain text breaks its pages where it did when it was written, not
    # where the browser that printed it does: its furniture stands mid-page.
    def footer(number: int) -> str:
        return f"Doe & Roe            Informational               [Page {number}]"

    header = "Country Note 12        Return Procedures         May 2024"
    split = "The regional office registered the families who had returned from the camps in"
    rest = "Jordan and Lebanon during the winter, most of them without any documents."
    doc = [
        page("Background", P1, "", footer(1), "", header, "", "Detention", P2),
        page(split, "", footer(2), "", header, "", rest, "", "Returns", P3, "", footer(3)),
        page(header, "", "Health care", P4, "", footer(4)),
    ]
    out = clean_text(doc)
    assert "[Page" not in out and "Return Procedures" not in out
    assert f"{split} {rest}" in out
    assert all(heading in out for heading in ("Background", "Detention", "Returns", "Health"))


def test_short_paragraph_closed_by_citation_marks_is_prose() -> None:
    # An encyclopedia puts its citation marks after the full stop; the paragraph after an
    # advertisement still belongs to the article.
    cited = (
        "The camp was closed in the spring of 2019, and most of its residents were moved to "
        "the shelters in the city.[12][13]"
    )
    out = clean_text([page(P1, "", P2, "", P3, "", "Advertisement", "", cited, "", *MENU)])
    assert out == "\n\n".join([flat(P1), flat(P2), flat(P3), cited])


def test_line_next_to_several_page_labels_is_no_running_header() -> None:
    # A pagination menu names pages too; the caption next to it is printed once.
    caption = "Families wait for the bus at the crossing"
    out = clean_text([page(P1, "", P2, "", caption, "Page 1", "Page 2", "Page 3", "", P3)])
    assert caption in out
    assert "Page 2" not in out


# An article long enough to have been told, and what the cleaner makes of it.
STORY = "\n\n".join(ARTICLE[:5])
STORY_TEXT = "\n\n".join(flat(p) for p in ARTICLE[:5])


def after_story(*lines: str) -> str:
    """The cleaned text of a page that holds the story and then the lines."""
    return clean_text([page(STORY, "", *lines)])


# The foot of a web page once the article is over: tags, a share bar, the comment form.
ARTICLE_FOOT = [
    "Tags: Syria, returns",
    "Share on Facebook",
    "Share on Twitter",
    "Leave a comment",
    "Your email address will not be published. Required fields are marked *",
]


def test_teaser_summaries_go_with_their_section_once_the_article_has_ended() -> None:
    teasers = ["More stories", "Water returns to the eastern quarters"]
    teasers += ["", SUMMARIES[0], "", "Teachers end their strike", "", SUMMARIES[1]]
    assert after_story(*ARTICLE_FOOT, "", *teasers) == STORY_TEXT


def test_short_paragraph_after_an_inline_related_box_stays() -> None:
    # Right after the prose the box is no end of the article: its section ends at a sentence.
    related = ["Related stories", "Water returns to the eastern quarters"]
    short = "The ministry said it would appeal against the decision."
    out = after_story(*related, "", short, "", P4)
    assert short in out and flat(P4) in out
    assert "Water returns" not in out


def test_prose_between_boilerplate_outside_the_article_is_removed() -> None:
    footer_menu = ["Newsroom", "Archive", "Weather", "Traffic", "Obituaries", "Puzzles"] * 3
    blurb = (
        "The Evening Post is where the region finds its news. It is the essential source of "
        "information and ideas that make sense of a world in constant change, and the "
        "conversation that it starts shows how the news is changing every part of our lives."
    )
    assert after_story(*footer_menu, "", blurb, "", *footer_menu) == STORY_TEXT


def test_author_box_with_an_about_heading_goes() -> None:
    box = [
        "About Maria Lund",
        "",
        "Maria Lund has covered the region for the Evening Post since 2015 and writes about "
        "migration, courts and the border.",
    ]
    assert after_story(*box, "", "Privacy policy") == STORY_TEXT


def test_biography_of_the_author_named_by_the_byline_goes() -> None:
    bio = "Maria Lund is a correspondent for the Evening Post and lives in the capital."
    danish = "Maria Lund er korrespondent for avisen og bor i hovedstaden."
    for text in (bio, danish):
        pages = [page("By Maria Lund", STORY, "", "Maria Lund", "", text, "", "Home")]
        out = clean_text(pages)
        assert "Maria Lund" not in out
        assert flat(P3) in out


@pytest.mark.parametrize(
    ("byline", "bio"),
    [
        ("By Maria Lund, Staff", "Maria Lund is a correspondent for the Evening Post."),
        # The byline's name glued to the author's title, as pdfium prints them.
        (
            "By Maria LundSenior Correspondent",
            "Award-winning journalist Maria Lund writes a weekly column on migration and has "
            "reported from the border since 2015.",
        ),
        ("Af Maria Lund", "Maria Lund skriver om flygtninge og bor i hovedstaden."),
    ],
)
def test_biography_without_a_heading_of_the_author_named_by_the_byline_goes(
    byline: str, bio: str
) -> None:
    out = clean_text([page(byline, STORY, "", bio, "", "Home")])
    assert out == STORY_TEXT


def test_a_paragraph_on_a_person_named_after_by_in_a_sentence_stays() -> None:
    # "by President Obama" in the article is no byline; nor is a byline's other person.
    about = "President Obama is expected to sign the bill into law before the end of the month."
    signed = "The bill was passed by Congress and will be signed by President Obama."
    out = clean_text([page("By Maria Lund", STORY, "", signed, "", about, "", "Home")])
    assert out == "\n\n".join([STORY_TEXT, signed, about])


def test_author_box_after_an_article_of_short_paragraphs_goes() -> None:
    # Each paragraph is shorter than prose that vouches for itself; together they are the
    # article, which has been told once they have passed.
    short = [
        f"Paragraph {n} tells how the families who returned to the district found their "
        "houses, fields and schools after the fighting."
        for n in range(1, 10)
    ]
    box = ["Sobre Carlos Nadalim", BIOGRAPHY.replace("Jane Doe", "Carlos Nadalim")]
    out = clean_text([page("\n\n".join(short + box))])
    assert out.split("\n\n") == short


@pytest.mark.parametrize(
    "credit",
    [
        "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
        "Keith Bradsher contributed reporting from Hong Kong.",
        "(Reporting by Will Dunham; Editing by Tom Brown)",
    ],
)
def test_the_credits_that_close_a_wire_story_go(credit: str) -> None:
    assert after_story(credit, "", "Home") == STORY_TEXT


def test_a_sentence_on_someone_who_contributed_reporting_skills_stays() -> None:
    sentence = "She contributed reporting skills to the project for two years."
    assert sentence in after_story(sentence)


def test_heading_and_paragraph_that_explain_a_name_are_no_author_box() -> None:
    # No byline gives the name: it is the article's subject, not its author.
    explained = (
        "Frontex is the European Union's border agency, and it has deployed officers to the "
        "crossing since the spring."
    )
    out = after_story("Frontex", "", explained, "", P4)
    assert "Frontex\n\n" + explained in out


def test_comment_thread_whose_comments_end_in_reply_buttons_goes() -> None:
    thread = [
        "2 comments",
        "Anna Holm May 2, 2021 - 9:41 pm",
        "I tried to cross there with my family last month and the queue was very long, but",
        "the officers were kind to us and the children, and we were on the other side of the",
        "border before it was dark, which is more than we had hoped for when we set out.",
        "Reply",
        "Peter Berg May 3, 2021 - 8:10 am",
        "Hi Anna,",
        "Thank you for telling us how it went. We hope to travel there in the summer with our",
        "parents, and it is good to know that the crossing is open and that the officers are",
        "helpful to the families who have been waiting for so long to see their relatives.",
        "Reply",
        "Leave a Comment",
    ]
    assert after_story(*thread) == STORY_TEXT


# Readers' comments printed as plain paragraphs, without stamps or reply buttons.
COMMENTS = [
    "I tried to cross there with my family last month and the queue was very long, but the\n"
    "officers were kind to us and the children, and we were on the other side before dark.",
    "Nobody in our village believes that the authorities will keep the crossing open for more\n"
    "than a week or two, and the families who went back last year are still waiting for help.",
]


@pytest.mark.parametrize("heading", ["Comments (56)", "Kommentare ( 56 )", "Comments"])
def test_a_comment_section_under_its_heading_goes_however_much_prose_it_holds(
    heading: str,
) -> None:
    printed = page(HEADER, STORY, "", heading, "", "\n\n".join(COMMENTS), FOOTER)
    assert clean_text([printed]) == STORY_TEXT


BIOGRAPHY = """Jane Doe has covered the Middle East for the Evening Post since 2009, first from
Beirut and later from Amman, and she is the author of two books about the war in Syria."""


@pytest.mark.parametrize("heading", ["About the author", "Om forfatteren"])
def test_the_authors_biography_after_the_article_goes(heading: str) -> None:
    printed = page(HEADER, STORY, "", heading, "", BIOGRAPHY, FOOTER)
    assert clean_text([printed]) == STORY_TEXT


def test_prose_after_the_tag_line_below_the_article_goes() -> None:
    teaser = P6  # another article's summary, as long as a paragraph of prose
    printed = page(HEADER, STORY, "", "Tags: Syria, returns", "", teaser, FOOTER)
    assert clean_text([printed]) == STORY_TEXT


def test_a_topics_heading_and_its_list_below_the_article_go_as_ocr_reads_them() -> None:
    # OCR reads the list's bullets as "e" and "+".
    tags = ["Topics", "", "+ Government and politics", "", "e International relations", "",
            "e Border crossings"]  # fmt: skip
    printed = page(HEADER, STORY, "", *tags, FOOTER)
    assert clean_text([printed]) == STORY_TEXT


def test_lines_that_ocr_starts_with_a_bullet_read_as_e_are_a_list() -> None:
    items = ["e Syria", "e Iraq", "+ Afghanistan"]
    out = between_paragraphs("\n".join(items))
    assert "\n\n• Syria\n\n• Iraq\n\n• Afghanistan\n\n" in out


def test_a_line_that_starts_with_e_alone_is_no_list_item() -> None:
    text = page(
        "Il presidente ha incontrato i ministri del governo ieri sera a Roma, e la riunione",
        "e Trump ha parlato con loro della situazione al confine per quasi due ore di fila.",
    )
    assert "e Trump ha parlato" in clean_text([text])


def test_a_tag_line_above_the_article_takes_no_article_with_it() -> None:
    printed = page(HEADER, "Tags: Syria, returns", "", STORY, FOOTER)
    assert clean_text([printed]) == STORY_TEXT


def test_an_author_box_above_the_article_takes_no_article_with_it() -> None:
    printed = page(HEADER, "About the author", "", BIOGRAPHY, "", STORY, FOOTER)
    assert clean_text([printed]).endswith(STORY_TEXT)


def test_a_heading_on_comments_in_the_article_or_a_count_above_it_ends_nothing() -> None:
    heading = "Comments on the draft law"
    printed = page(HEADER, "56 comments", "", STORY, "", heading, "", P6, "", P7, FOOTER)
    out = clean_text([printed])
    assert out.startswith(STORY_TEXT) and flat(P6) in out and flat(P7) in out


def test_single_reply_button_of_an_embedded_post_takes_no_text_with_it() -> None:
    embed = ["Comments", "The border is open again, the queue is short this morning.", "Reply"]
    out = after_story(*embed, "", P4, "", P5)
    assert flat(P4) in out and flat(P5) in out


def test_link_list_after_the_last_prose_goes_with_a_line_that_is_no_link() -> None:
    links = ["Gift guides", "Best phones of the year", "Ten gifts for the cook in your life"]
    glued = "Travel checklist: what to pack for a long trip. Related topics:"
    topics = "Phones Laptops Storage Networks"
    assert after_story(*links, glued, topics, "Privacy policy") == STORY_TEXT


def test_run_after_the_last_prose_that_opens_with_the_articles_own_line_stays() -> None:
    sign_off = "Reporting by Maria Lund; editing by Peter Berg."
    run = [sign_off, "Gift guides", "Best phones of the year", "Ten gifts for the cook", "Home"]
    assert sign_off in after_story(*run)


def test_label_dropped_wherever_else_it_is_printed_goes_where_it_would_be_kept() -> None:
    # A teaser list prints its section's label by every item; one copy after the article's
    # last paragraph would be kept by its neighbours. The article's own subheading, also a
    # menu item, stays.
    menu = ["Home", "Economy", "Health", "Returns", "Contact"]
    teasers = ["Economy", "Prices rise in the capital", "Economy", "Bakers raise bread prices"]
    teasers += ["Economy", "Fuel queues grow longer", "Economy", "Banks close early"]
    doc = page(
        *menu, "", P1, "", "Health", P2, "", P3, "", "Economy", "Share on Facebook", *teasers
    )
    out = clean_text([doc])
    assert "Economy" not in out
    assert out == "\n\n".join([flat(P1), "Health", flat(P2), flat(P3)])


def test_advertisement_labels_in_more_languages_are_removed() -> None:
    labels = ["Iklan", "Publicidade", "Реклама", "광고"]
    out = clean_text([page(P1, "", labels[0], "", P2, "", labels[1], labels[2], labels[3], "", P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_teasers_cut_off_with_two_dots_are_removed_but_one_such_line_stays() -> None:
    teasers = ["Bakers in the old town raise their pr..", "Water returns to the eastern qu.."]
    teasers += ["Teachers end their strike after thr.."]
    out = clean_text([page(P1, "", P2, "", *teasers, "", P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))
    trailing = "The list of documents is long: passports, birth certificates, etc.."
    assert trailing in between_paragraphs(trailing)


def test_newsletter_appeals_in_other_words_are_removed() -> None:
    appeals = [
        "Breaking News Emails",
        "Every morning we send an email with the stories of the day.",
        "The news that matters, straight to your inbox.",
        "No spam, we promise. You can unsubscribe at any time.",
        "Get breaking science news on monster snakes and dinosaurs, aliens and more!",
    ]
    mail = "The ministry said that it had received thousands of emails from worried parents."
    out = clean_text([page(P1, "", P2, "", *appeals, "", mail, "", P3)])
    assert out == "\n\n".join([flat(P1), flat(P2), mail, flat(P3)])


# Pitches for a subscription or a donation.
PITCHES = [
    "Already a subscriber? Log in",
    "Subscribe to continue reading. Unlimited digital access from $1 a week.",
    "We rely on readers like you. Support our journalism: donate today.",
    "A Word to Our Loyal Readers. Support Factcheck and make a difference for readers.",
    "We do this work at no cost to you. We need your financial support.",
    "Allerede abonnent? Log ind her",
    "Prøv nu: køb et abonnement for 1 kr. den første måned.",
    "Sie sind bereits Digital-Abonnent? Hier anmelden",
    "4 Wochen kostenlos testen",
    "Mit Ihrer Spende können Sie uns und unsere Arbeit unterstützen. Vielen Dank.",
    "Déjà abonné ? Se connecter",
    "Already have an account? Sign in",
    "You have reached your limit of free articles",
    "Create a free account to continue reading",
    "Wählen Sie Ihren Zugang und lesen Sie weiter:",
    "Choose your subscription",
    # An affiliate link's disclosure, and a notice that the slideshow needs JavaScript.
    "Sometimes we include links to online retail stores. If you click on one and make a "
    "purchase we may receive a small commission.",
    "If you buy something through this post, the site may get a share of the sale.",
    "This slideshow requires JavaScript.",
]


@pytest.mark.parametrize("line", PITCHES + COMMENT_RULES)
def test_pitches_and_the_rules_for_comments_go(line: str) -> None:
    assert between_paragraphs(line) == BOTH_PARAGRAPHS


def test_an_article_that_tells_of_subscriptions_and_donations_stays() -> None:
    told = [
        "The charity said that donations had fallen by a third since the war began, and "
        "that it could no longer pay for the clinics in the camps.",
        "Turkey hoped to become a member of the union, and its subscribers to the plan "
        "included the ministers of three neighbouring states.",
        "Those who buy votes pay a commission to the local fixers, you are told in the "
        "villages near the border, and the police look away.",
        "Support for the party and its leader has grown in the north, the survey shows.",
        "The families said that support from Denmark and Sweden had come too late.",
    ]
    for sentence in told:
        assert sentence in between_paragraphs(sentence)


def test_calls_to_click_go_once_their_neighbours_have_been_decided() -> None:
    # The call separates a fact box's labels from the article's first heading: the labels
    # are judged as if it were there.
    fact_box = ["Claim", "The new law ends all family reunification.", "Verdict", "False"]
    fact_box += ["About this verdict"]
    call = "Do you like our reporting? Click here to support it."
    out = clean_text(
        [page(*fact_box, "", call, "", "Origin", "", STORY, "", "CLICK HERE FOR OUR APP")]
    )
    assert "lick here" not in out.lower()
    assert all(line in out for line in (*fact_box, "Origin", STORY_TEXT))


def test_fine_print_goes_but_a_sentence_about_a_trademark_stays() -> None:
    fine_print = [
        "By registering you agree to the Terms of Use and acknowledge the Privacy Policy. You "
        "agree to receive offers from our partners.",
        "Quotes delayed at least 20 minutes. Market data provided by a data vendor.",
        "Daily Courier is a registered trademark of Courier Media Group.",
        "The content of this site is for informational purposes only and is not intended as "
        "legal or medical advice.",
        "This site is protected by reCAPTCHA and the search engine's privacy policy applies.",
        "The material on this site may not be reproduced without prior written permission.",
    ]
    brand = "In 2018 the court gave the company the right to use his trademark of the bird."
    out = after_story(brand, "", *fine_print)
    assert out == STORY_TEXT + "\n\n" + brand


def test_line_of_footer_links_is_removed_but_a_heading_that_starts_alike_stays() -> None:
    footer_links = ["Terms of Service Privacy Notice", "FAQ | Contact us | Sitemap"]
    heading = "Contact with relatives abroad"
    out = clean_text([page(P1, "", heading, P2, "", P3, "", *footer_links)])
    assert out == "\n\n".join([flat(P1), heading, flat(P2), flat(P3)])


def test_more_and_the_sites_name_opens_a_list_of_teasers() -> None:
    teasers = ["More Daily Courier", "", "Water returns to the eastern quarters", "Jane Doe"]
    teasers += ["", SUMMARIES[0], "", "Teachers end their strike", "John Roe", "", SUMMARIES[1]]
    assert after_story(*ARTICLE_FOOT, "", *teasers) == STORY_TEXT


def test_heading_that_starts_with_more_is_no_list_of_teasers() -> None:
    heading = "More than a decade of displacement"
    out = clean_text([page(P1, "", P2, "", heading, P3, "", P4)])
    assert out == "\n\n".join([flat(P1), flat(P2), heading, flat(P3), flat(P4)])


def test_photo_credits_in_more_shapes_are_removed() -> None:
    credits = [
        "Families at the crossing. Photo by Jane Doe",
        "Jane Doe | Daily Courier | Getty Images",
        "John Roe Submitted photo",
        "Courtesy of the Red Cross",
        "Jane Doe/Daily Courier",
    ]
    photo = "The exhibition in the town hall shows a famous photo by a local artist."
    out = clean_text([page(P1, "", credits[0], "", P2, "", *credits[1:], "", photo, "", P3)])
    assert out == "\n\n".join([flat(P1), flat(P2), photo, flat(P3)])


@pytest.mark.parametrize(
    "credit",
    ["Getty Images", "Ritzau Scanpix", "EPA-EFE", "Illustration: Jane Doe", "Grafik: Jane Doe"],
)
def test_an_agencys_name_alone_or_a_labelled_illustration_credit_goes(credit: str) -> None:
    assert between_paragraphs(credit) == BOTH_PARAGRAPHS


def test_a_paragraph_that_names_an_agency_stays() -> None:
    sentence = "Reuters and AFP reported the attack on Monday, citing the local authorities."
    assert sentence in between_paragraphs(sentence)


def test_tag_line_and_teaser_heading_in_lower_case_do_not_carry_a_paragraph_on() -> None:
    # Printed right under the article's last line; a wrapped line of prose that opens with
    # the same words still carries its paragraph on.
    foot = ["Published 12 March 2021 08:15", "tags #Syria #returns", "most popular"]
    teasers = ["Bakers in the old town raise the price of bread", "Teachers end their strike"]
    assert after_story(*foot, *teasers, "", P6) == STORY_TEXT + "\n\n" + flat(P6)
    wrapped = [
        "The radio station in the camp has within two years become by far the most",
        "popular news programme in the region, according to a survey published this week.",
    ]
    assert " ".join(wrapped) in clean_text([page(P1, "", *wrapped, "", P2)])


def test_pull_quote_printed_again_near_its_paragraph_is_removed() -> None:
    quote = '"Aid organisations said that thousands of families had been waiting for weeks."'
    out = between_paragraphs(quote)
    assert out == BOTH_PARAGRAPHS


def test_an_article_told_a_sentence_a_paragraph_is_kept_among_menus_and_teasers() -> None:
    # A tabloid's paragraphs are a sentence each, as short as teasers' summaries; teasers
    # stand between headlines, the article's sentences follow one another. The site's blurb
    # at the foot is the page's one long paragraph.
    sentences = [
        "A hunter who ate a wild rabbit has been taken to hospital with the plague.",
        "The 55-year-old is the third person in the city to contract the disease, officials say.",
        "Health officials said that 28 people in close contact with him were quarantined.",
        "He told doctors that he had eaten the meat in the mountains on November 5.",
        "He was admitted to hospital on Saturday and is being treated with antibiotics.",
        "The last major outbreak in the country was ten years ago, when several people died.",
    ]
    menu = ["Home", "News", "Sport", "TV & Showbiz", "Money", "Travel"]
    caption = "The hospital where the patients are treatedCredit: Getty - Contributor"
    body = [*sentences[:2], "6", caption, *sentences[2:4], "QUARANTINED", *sentences[4:]]
    teasers = [
        "Most read in world news",
        "Conspiracy theorists say they have spotted a famous activist in an old picture",
        "Police say they found nothing unusual after a search of the old mine",
    ]
    blurb = (
        "The Daily Sun Online is the website of the country's biggest newspaper, and it brings "
        "its readers the latest news, sport, showbiz and celebrity gossip every day of the "
        "week, from early in the morning until late at night, on all of their devices."
    )
    printed = page(*menu, "", "\n\n".join(body + teasers), "", *menu, "", blurb)
    out = clean_text([printed]).split("\n\n")
    assert out[: len(sentences) + 1] == [*sentences[:4], "QUARANTINED", *sentences[4:]]


def test_the_article_resumes_from_the_page_before_past_a_sidebar_box_at_its_foot() -> None:
    # The first page's paragraph, then the sidebar (boilerplate) and a subscribe box's short
    # line at its foot; the article carries on at the top of the next page.
    def block(page: int, kind: _Kind, text: str) -> _Block:
        return _Block(lines=[_Line(text, page)], kind=kind, text=text)

    first = block(0, _Kind.GOOD, flat(P1))
    sidebar = [block(0, _Kind.BAD, f"Afghanistan: related document {k}") for k in range(12)]
    box = block(0, _Kind.SHORT, "Get an e-mail when new documents on")
    rest = [block(1, _Kind.GOOD, flat(p)) for p in (P2, P3, P4, P5)]
    regions = _article_regions([first, *sidebar, box, *rest])
    assert regions == [(0, 1), (13, 18)]


def test_a_caption_printed_twice_in_a_row_is_kept_once_but_a_tables_cells_stay() -> None:
    # The picture's alt text and its caption say the same.
    caption = "The new reception hall"
    assert between_paragraphs(f"{caption}\n\n{caption}") == "\n\n".join(
        [flat(P1), caption, flat(P2)]
    )
    # A table's cells repeat: "Not known" under two columns.
    assert between_paragraphs("Not known\nNot known").split("\n\n")[1:-1] == ["Not known"] * 2


def test_short_line_at_a_page_foot_does_not_carry_over_onto_the_next_page() -> None:
    # A share bar alone at the page's foot, shorter than the column, is no paragraph's
    # first line; a paragraph that starts on the page's last line still carries over.
    bar = "SHARES Pinterest Facebook Twitter Mix Flipboard Reddit Tumblr WhatsApp"
    out = clean_text([page(P1, "", P2, bar), page(P3)])
    assert out == "\n\n".join([flat(P1), flat(P2), flat(P3)])
    first = "Officials in the northern province confirmed on Friday that the new reception hall in"
    rest = "Kalvebod would open in the spring and house up to two hundred families, they said."
    out = clean_text([page(P1, "", first), page(rest, "", P3)])
    assert out == "\n\n".join([flat(P1), first + " " + rest, flat(P3)])


def test_caption_wider_than_the_column_does_not_run_into_the_paragraph_under_it() -> None:
    scene = "Families wait by the fence at the crossing on Monday morning."
    caption = scene + " Photo: Jane Doe for the Courier"
    out = clean_text([page(P1, "", caption, P2)])
    assert out == BOTH_PARAGRAPHS
    # Nor into a quotation that opens the next page.
    quote = '"We have waited for three weeks," said one of the drivers at the crossing.'
    trucks = "Trucks wait in a long line at the border crossing on Monday (Image: Jane Doe)"
    out = clean_text([page(P1, "", trucks), page(quote)])
    assert out == flat(P1) + "\n\n" + quote


def test_labelled_link_to_a_related_article_is_removed_in_brackets_too() -> None:
    links = ["Related article: Ferry service resumes after storm", "[Related: Talks on new port]"]
    related = "Related stories are told by the families who came back last spring."
    out = clean_text([page(P1, "", links[0], "", P2, "", links[1], "", related, "", P3)])
    assert out == "\n\n".join([flat(P1), flat(P2), related, flat(P3)])


def test_search_box_is_removed_but_a_heading_about_a_search_stays() -> None:
    boxes = ["Search: Search the Courier", "Search here..", "Søg:"]
    heading = "Search for the missing fishermen"
    out = clean_text([page(P1, "", *boxes, "", P2, "", heading, "", P3)])
    assert out == "\n\n".join([flat(P1), flat(P2), heading, flat(P3)])


def test_author_line_with_a_social_media_handle_is_removed() -> None:
    handles = ["Jane Doe @janedoe", "News reporter @jroe / 2 days"]
    account = "Account: @cityhall"
    out = clean_text([page(P1, "", handles[0], "", P2, "", handles[1], "", account, "", P3)])
    assert out == "\n\n".join([flat(P1), flat(P2), account, flat(P3)])


def test_print_header_at_the_foot_of_a_one_page_print_is_removed() -> None:
    # pdfium may put the header of a page printed alone at its foot, by the footer.
    footer = "https://post.example/news/court-halts 1/1"
    out = clean_text([page(P1, "", P2, "", P3, HEADER, footer)])
    assert out == "\n\n".join([flat(P1), flat(P2), flat(P3)])


def test_a_short_paragraph_before_a_credit_standing_alone_stays() -> None:
    # A picture without a caption leaves its credit after the paragraph before it: a
    # sentence there may be that paragraph as well as a caption, so it stays.
    paragraph = "The ministry denied that any returnee had been harmed in custody."
    credit = "Jane Doe/Getty Images"
    out = clean_text([page(P1, "", paragraph, "", credit, "", P2, "", P3)])
    assert out == "\n\n".join([flat(P1), paragraph, flat(P2), flat(P3)])


def test_headings_printed_again_in_the_table_of_contents_stay() -> None:
    # A heading is no teaser printed twice, nor a pull quote of its contents entry.
    toc = [
        "Contents",
        "1 Background of the returns to the northern province ........ 3",
        "2 Treatment of returnees at the airport in the capital ........ 5",
    ]
    headings = [entry.split(" ....")[0] for entry in toc[1:]]
    out = clean_text([page(*toc), page(headings[0], P1, "", headings[1], P2, "", P3)])
    assert out.split("\n\n") == [*toc, headings[0], flat(P1), headings[1], flat(P2), flat(P3)]


def test_pager_line_is_removed_but_a_heading_with_its_words_stays() -> None:
    pagers = ["« Previous | Next »", "Older posts", "Forrige side Næste side"]
    heading = "Next steps for the previous government"
    out = clean_text([page(P1, "", *pagers[:2], "", P2, "", heading, "", P3, "", pagers[2])])
    assert out == "\n\n".join([flat(P1), flat(P2), heading, flat(P3)])


# --------------------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    "stamps",
    [
        ("Hace 28 minutos", "Hace una hora", "Hace 2 horas"),  # Spanish
        ("il y a 5 minutes", "il y a une heure", "il y a 3 heures"),  # French
        ("12 minuti fa", "un'ora fa", "3 ore fa"),  # Italian
        ("10 minuten geleden", "2 uur geleden", "1 dag geleden"),  # Dutch
        ("för 5 minuter sedan", "för 2 timmar sedan", "3 dagar sedan"),  # Swedish
        ("5 minut temu", "2 godziny temu", "3 dni temu"),  # Polish
        ("5 минут назад", "2 часа назад", "3 дня назад"),  # Russian
        ("an hour ago", "a day ago", "3 days ago"),  # English, in words
    ],
)
def test_comment_time_stamps_in_other_languages_start_the_comments(
    stamps: tuple[str, ...],
) -> None:
    comments = []
    for name, stamp in zip(("Alcalino", "Casper", "Jaime"), stamps, strict=True):
        comments += [name, stamp, "The report is right about the border.", "Valoración: 3"]
    out = clean_text([page("\n\n".join(ARTICLE), *comments)])
    assert out == "\n\n".join(flat(p) for p in ARTICLE)


@pytest.mark.parametrize(
    "chrome",
    [
        ["Compartir", "Imprimir", "Enviar"],
        ["Partager", "Imprimer", "Réagir"],
        ["Condividi", "Stampa", "Commenti"],
        ["Delen", "Afdrukken", "Reacties"],
        ["Поделиться", "Печать", "Комментарии"],
        # A teaser section's heading and its headlines.
        ["Lo más leído", "El Gobierno aprueba la reforma", "La oposición pide elecciones"],
        ["Sur le même sujet", "Le Parlement adopte la loi", "Manifestation à Paris"],
        ["Leia também", "Governo anuncia novas medidas", "Oposição critica decisão"],
        ["Czytaj także", "Rząd przyjął projekt ustawy", "Opozycja krytykuje decyzję"],
        ["Mest sete", "Regeringen fremlægger ny udlændingepakke", "Flere flygter fra Sudan"],
        ["Mehr aus dem Ressort", "Regierung beschließt neues Gesetz", "Opposition kritisiert Plan"],
        ["What to read next", "Floods close the coast road", "Teachers end their strike"],
        ["شارك", "طباعة", "التعليقات"],
        ["اشتراک\u200cگذاری", "چاپ", "نظرات"],
        ["اقرأ أيضًا", "الحكومة تعلن إجراءات جديدة", "المعارضة تنتقد القرار"],
        ["الأكثر قراءة", "اشتباكات في ريف دمشق", "عودة اللاجئين إلى حمص"],
        ["بیشتر بخوانید", "دولت طرح جدید را تصویب کرد", "اعتراض مخالفان به تصمیم"],
    ],
)
def test_share_labels_and_teaser_sections_in_other_languages_go(chrome: list[str]) -> None:
    assert_removed_after_two_paragraphs(chrome)


@pytest.mark.parametrize("label", ["Página 1 de 2", "page 1 sur 2", "Strona 1 z 2", "Sida 1 av 2"])
def test_page_labels_in_other_languages_go(label: str) -> None:
    assert clean_pages([page(P1, label), page(P2)]) == [flat(P1), flat(P2)]


@pytest.mark.parametrize(
    "footer",
    [
        "© 2014 El Diario. Todos los derechos reservados.",
        "Tous droits réservés",
        "Para ver el vídeo haga clic aquí",
        "© 2013 جميع الحقوق محفوظة",
        "کلیه حقوق این سایت محفوظ است.",
    ],
)
def test_copyright_and_click_appeals_in_other_languages_go(footer: str) -> None:
    out = clean_text([page(P1, footer, P2)])
    assert out == BOTH_PARAGRAPHS


def test_prose_that_names_a_time_or_the_rights_reserved_stays() -> None:
    # Inside a paragraph these words are the article's, not the site's.
    prose = (
        "Hace dos años el tribunal decidió que los documentos de la familia quedaban "
        "reservados, y los abogados de la defensa dicen que todos los derechos de los "
        "detenidos fueron respetados durante el proceso que comenzó en la capital."
    )
    out = between_paragraphs(prose)
    assert out == "\n\n".join([flat(P1), prose, flat(P2)])


@pytest.mark.parametrize(
    "stamp",
    [
        "Publié le 12 mars 2019 à 14h32",
        "martes, 12 de marzo de 2019, 14:32",
        "12. března 2019 12:32",
        "12 марта 2019 г.",
        "Aggiornato il 3 aprile 2020 alle 09:15",
        "27-06-2012",
        "الأربعاء، 12 مارس 2019",
        "۱۲ اسفند ۱۳۹۷",
        "سه\u200cشنبه ۲۱ آبان ۱۴۰۱ ساعت ۱۰:۳۰",
        "تاریخ انتشار: ۱۲ اسفند ۱۳۹۷",
        "آخر تحديث 14:00 (GMT+0400)",
    ],
)
def test_date_lines_in_other_languages_go(stamp: str) -> None:
    out = clean_text([page("\n\n".join(ARTICLE[:2]), stamp, "\n\n".join(ARTICLE[2:4]))])
    assert out == "\n\n".join(flat(p) for p in ARTICLE[:4])


def test_a_sentence_that_names_a_date_stays() -> None:
    sentence = "Le Parlement a voté la loi le 12 mars 2019 à Paris."
    out = clean_text([page(P1, sentence, P2)])
    assert sentence in out


# --------------------------------------------------------------------------- reports


@pytest.mark.parametrize(
    "date",
    [
        [],
        # A date in the shape of a web page's dateline is the report's own in its title block.
        ["January 3, 2024"],
        ["12. marts 2026"],
    ],
)
def test_a_reports_title_block_before_its_first_paragraph_stays(date: list[str]) -> None:
    title = [
        "Returning to nothing: the forced return of refugees across the border",
        "Northbridge Refugee Council",
        *date,
        "Summary",
    ]
    assert clean_text([page(*title, P1, "", P2)]) == "\n\n".join([*title, flat(P1), flat(P2)])


REPORT_PAGE_END = page(
    "After the largest attacks the authorities sealed off the districts concerned for",
    "several days. According to one source, this meant that the wounded could not reach",
    "the hospitals in time and that the families of those who had died were unable to",
)
REPORT_NEXT_PAGE = page(
    "collect their dead. The authorities have not published figures for those killed.",
    "2.2 Checkpoints and searches",
    "The number of checkpoints in the capital has risen sharply, and several sources describe",
    "harassment of young men at them.",
)
CONTINUED = (
    "the hospitals in time and that the families of those who had died were unable to "
    "collect their dead. The "
    "authorities have not published figures for those killed."
)


@pytest.mark.parametrize(
    "footnote",
    [
        "3 International organisation B, written reply of 2 November 2025.",
        # pdfium prints the number of a page's first footnote on a line of its own.
        "3\nInternational organisation B, written reply of 2 November 2025.",
    ],
)
def test_paragraph_continues_past_the_footnotes_at_a_pages_foot(footnote: str) -> None:
    pages = [page(REPORT_PAGE_END, footnote), REPORT_NEXT_PAGE]
    out = clean_pages(pages)
    assert CONTINUED in out[0]
    assert "3 International organisation B, written reply of 2 November 2025." in out[0]
    assert out[1].startswith("2.2 Checkpoints and searches")


def test_a_footnotes_number_alone_above_the_pages_last_lines_opens_its_footnote() -> None:
    # The first footnote runs over two lines and a second one follows: its number stands
    # higher up than a page's last lines, yet it opens a footnote, not a mark in the text.
    text = page(
        REPORT_NEXT_PAGE,
        "Several sources describe the same pattern in the districts of the west.",
        "1",
        "International Organization for Migration (IOM), Displacement Tracking Matrix,",
        "report of December 2025.",
        "2 Interview with an international organisation in Erbil, 21 October 2025.",
    )
    out = clean_text([text])
    assert "1 International Organization for Migration (IOM), Displacement Tracking" in out
    assert "2 Interview with an international organisation in Erbil" in out


def test_a_reports_numbered_paragraphs_and_footnotes_are_blocks_of_their_own() -> None:
    text = page(
        "1.2.2 A person who is over the age of national service may not be at risk for that reason",
        "alone, although the evidence indicates that the authorities treat them differently.",
        "1.2.3 Payment of the diaspora tax may regularise a person's status in some cases, and",
        "sources disagree on how consistently this is applied.",
        "The number of people displaced by the fighting in the region rose to more than",
        "2.5 million by the end of the year, the agency said in its annual report on Monday.",
        "1 See the country guidance case of MST and Others, and section 4 of this note.",
        "2 Danish Immigration Service, National service, exit and return, 2024, p. 41.",
    )
    blocks = clean_text([text]).split("\n\n")
    assert [block[:6] for block in blocks] == ["1.2.2 ", "1.2.3 ", "The nu", "1 See ", "2 Dani"]
    assert "more than 2.5 million by the end of the year" in blocks[2]


def test_a_footnote_mark_alone_between_sentences_goes_but_a_column_of_figures_stays() -> None:
    # pdfium prints a superscript mark after a sentence on a line of its own.
    marked = page(P1, "", "1", "", P2)
    assert clean_text([marked]) == flat(P1) + "\n\n" + flat(P2)
    figures = page(P1, "", "Returns by year:", "2021", "12", "2022", "15", "", P2)
    assert "\n\n12\n\n" in clean_text([figures])


@pytest.mark.parametrize(
    "line",
    [
        "Download the full report (PDF, 1.2 MB) Share Print",
        "Hent rapporten som pdf",
        "Summary in Danish (pdf, 380 kB)",
        "Sidst opdateret 2. april 2024",
        "Last updated 3 March 2020",
        "Fandt du det, du søgte? Ja Nej",
    ],
)
def test_download_links_update_stamps_and_feedback_go(line: str) -> None:
    assert_removed_after_two_paragraphs([line])


def test_prose_about_a_download_stays() -> None:
    prose = "Download figures published by the ministry show that 1.2 million files were opened."
    out = between_paragraphs(prose)
    assert prose in out


def test_no_pages_and_empty_pages_are_cleaned_to_nothing() -> None:
    assert clean_pages([]) == []
    assert clean_pages(["", "\n\n"]) == ["", ""]


def test_a_line_opening_with_a_date_in_a_sentence_run_on_over_a_page_is_no_footnote() -> None:
    first = page(
        P1,
        "",
        "The men said they had been taken from their homes by members of the security forces and",
        "arrested in the city on",
        "12 March and held for several weeks in a building near the airport, where one of them",
    )
    out = clean_text([first, page("described beatings during the interrogations.", "", P2)])
    assert (
        "arrested in the city on 12 March and held for several weeks in a building near the "
        "airport, where one of them described beatings during the interrogations."
    ) in out


def test_figures_after_labels_are_no_footnotes() -> None:
    figures = ["People detained at the border last year:", "350", "Of them released:", "120"]
    out = clean_text([page(P1, "", *figures, "", P2, "", P3)])
    assert "\n\n350\n\n" in out and "\n\n120\n\n" in out
    assert flat(P2) in out


def test_a_dated_line_at_a_reports_page_foot_is_no_print_header() -> None:
    entry = "12.03.2019, 10.15 Police raided the office of the newspaper in the centre."
    out = clean_text([page(P1, "", P2, "", P3, "", entry)])
    assert entry in out


def test_headlines_that_open_like_a_search_box_or_a_month_stay() -> None:
    headlines = ["Search for survivors goes on", "Cerca de 200 muertos en Alepo", "Set 2"]
    for headline in headlines:
        out = between_paragraphs(headline)
        assert headline in out


def test_stamp_labels_in_other_languages_with_a_clock_time_go() -> None:
    for stamp in ("Publicado 14:32", "Mis à jour 10:15", "Last updated 09:40"):
        out = clean_text([page(HEADER, "Court halts Returns Flight to Kabul", LEAD, stamp, P1, P2)])
        assert stamp not in out and LEAD in out


# A web print's page: the browser's header and footer around the site's lines.
PRINT_HEADER = "11/10/2018, 14:32 Border crossing reopens - Example News"
PRINT_FOOTER = "https://news.example.org/world/border-crossing-reopens {}/2"
TEASER = "Farmers return to their fields as the water drops for the first time in weeks"


def links_to(pages: list[str], *texts: str) -> list[list[int]]:
    """For each page, the numbers of its lines that read one of TEXTS."""
    return [[i for i, line in enumerate(p.split("\n")) if line in texts] for p in pages]


def web_print(*parts: str) -> list[str]:
    return [
        page(PRINT_HEADER, P1, "", P2, PRINT_FOOTER.format(1)),
        page(PRINT_HEADER, *parts, PRINT_FOOTER.format(2)),
    ]


def test_a_teaser_printed_as_a_link_next_to_boilerplate_is_removed() -> None:
    pages = web_print(P3, "", TEASER, "", "Share this story")
    # Without the links, the teaser reads as the article's last line.
    assert flat(TEASER) in clean_text(pages)
    out = clean_pages(pages, links_to(pages, TEASER))
    assert out == [flat(P1) + "\n\n" + flat(P2), flat(P3)]


def test_a_long_teaser_printed_as_a_link_is_no_prose() -> None:
    summary = [
        "Farmers in the south return to their fields as the flood water drops, and aid groups",
        "say that the harvest may yet be saved if the weather holds for two more weeks.",
    ]
    pages = web_print(P3, "", *summary)
    assert flat(" ".join(summary)) in clean_text(pages)
    assert flat(" ".join(summary)) not in clean_text(pages, links_to(pages, *summary))


def test_links_between_two_paragraphs_are_kept() -> None:
    sources = ["UNHCR: Syria factsheet", "Amnesty International: annual report"]
    pages = web_print("", *sources, "", P3)
    out = clean_text(pages, links_to(pages, *sources))
    assert out == clean_text(pages)
    assert all(source in out for source in sources)


def test_a_web_address_printed_as_a_link_is_kept() -> None:
    address = "https://www.unhcr.org/syria-emergency.html"
    pages = web_print(P3, "", address, "", "Share this story")
    assert address in clean_text(pages, links_to(pages, address))


def test_a_reports_links_are_its_sources_and_are_kept() -> None:
    # No browser header: a report, whose last line links to its source.
    source = "Amnesty International: Annual report on Syria"
    pages = [page(P1, "", P2), page(P3, "", source)]
    assert source in clean_text(pages, links_to(pages, source))
    # The same page printed by a browser: a link after the article's end is the site's.
    printed = web_print(P3, "", source)
    assert source not in clean_text(printed, links_to(printed, source))


def test_link_lines_count_the_raw_lines_with_blank_and_windows_line_breaks() -> None:
    pages = web_print(P3, "", "", TEASER, "", "Share this story")
    pages = [p.replace("\n", "\r\n") for p in pages]
    links = [[i for i, line in enumerate(p.split("\r\n")) if line == TEASER] for p in pages]
    assert flat(TEASER) not in clean_text(pages, links)
    # One line off, and the teaser is not a link.
    assert flat(TEASER) in clean_text(pages, [[i - 1 for i in p] for p in links])


def test_a_credit_with_the_copyright_sign_is_picture_furniture_and_keeps_the_lead() -> None:
    # The credit between the lead and the first paragraph once cut the lead off the article,
    # when the breadcrumb above it is links and so no prose.
    header = "11/10/2018, 14:32 Where does the smog come from? - Kids Portal"
    lead = "One of the big problems we face is air pollution. But where does the smog come from?"
    crumbs = ["Kids Portal", "Politics for children › Topics › Environment › Climate"]
    credit = "Traffic jam © aremac / Clipdealer"
    pages = [
        page(
            header,
            *crumbs,
            "Where does the smog come from?",
            lead,
            "Cars in a traffic jam on a wide road",  # the picture's alt text
            credit,
            P1,
            "",
            P2,
            PRINT_FOOTER.format(1),
        ),
        page(header, P3, PRINT_FOOTER.format(2)),
    ]
    out = clean_text(pages, links_to(pages, *crumbs))
    assert lead in out and credit not in out
    assert crumbs[1] not in out
    # A site's copyright, with its year, is no picture's credit.
    assert "© 2024 Kids Portal" not in clean_text([page(P1, "", P2, "", "© 2024 Kids Portal")])


def test_a_browsers_pdf_without_its_print_header_reads_hyphens_and_links_as_a_web_print():
    hyphen = page(
        "The carmaker, which has focused on electric vehicles since its emissions\ufffecheating",
        "scandal, said the new wagon would go on sale next year, its chief said on Monday.",
    )
    pages = [page(P1, "", P2), page(hyphen, "", P3, "", TEASER, "", "Share this story")]
    links = links_to(pages, TEASER)
    assert "emissionscheating" in clean_text(pages, links)
    assert flat(TEASER) in clean_text(pages, links)  # a report's links are its sources
    out = clean_text(pages, links, browser_made=True)
    assert "its emissions-cheating scandal" in out
    assert flat(TEASER) not in out and flat(P3) in out


SECTIONS = [f"Section {n}" for n in range(1, 21)]  # a site's menu, printed as links


def test_a_browsers_pdf_without_its_print_header_with_a_sites_menus_is_a_web_page() -> None:
    pages = [page(*SECTIONS, P1, "", P2), page(P3)]
    links = links_to(pages, *SECTIONS)
    # A report's short lines before its first paragraph are its title block.
    assert clean_text(pages, links).startswith("Section 1")
    assert clean_text(pages, links, browser_made=True) == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_a_browsers_pdf_with_few_links_is_judged_as_a_report() -> None:
    pages = [page(*SECTIONS[:19], P1, "", P2), page(P3)]
    links = links_to(pages, *SECTIONS[:19])
    assert clean_text(pages, links, browser_made=True).startswith("Section 1")


# Short paragraphs of the article that go on after a sidebar printed within it.
LATER = [
    "The ministry said on Tuesday that the new rules would apply from the first of March.",
    "Lawyers for several families said they would challenge the decision in the courts.",
]


def test_paragraphs_after_a_sidebars_heading_within_the_article_stay() -> None:
    told = page(P1, "", P2, "", P3, "", P1.replace("Monday", "Friday"))
    sidebar = page("Share", "Facebook", "Twitter", "Email", "Print", "Most read")
    rest = page(LATER[0], "", LATER[1], "", P2.replace("past year", "spring"))
    out = clean_text([page(told, sidebar, "", rest)])
    assert LATER[0] in out and LATER[1] in out


def test_teasers_after_a_sidebars_heading_once_the_article_has_ended_go() -> None:
    told = page(P1, "", P2, "", P3, "", P1.replace("Monday", "Friday"))
    sidebar = page("Share", "Facebook", "Twitter", "Email", "Print", "Most read")
    teasers = page("Storm closes the bridges", "", LATER[0], "", "New rules", "", LATER[1])
    out = clean_text([page(told, sidebar, teasers)])
    assert LATER[0] not in out and LATER[1] not in out


TEASER_CARDS = [
    ("Keep your phone charged in a power outage", "A phone is often the one device you have."),
    ("Staying safe when the lights go out", "Water and batteries are not all you need."),
    ("Food in a weather emergency", "What to keep on hand when the storm comes."),
]


def teaser_cards(dated: bool) -> list[str]:
    lines = []
    for headline, summary in TEASER_CARDS:
        lines += [headline, "April 26, 2014", summary] if dated else [headline, summary]
    return lines


@pytest.mark.parametrize("dated", [False, True])
def test_three_linked_headlines_with_their_summaries_are_a_teaser_list(dated: bool) -> None:
    cards = teaser_cards(dated)
    pages = web_print(P3, "", *cards, "", P3.replace("United Nations", "Red Cross"))
    headlines = [headline for headline, _ in TEASER_CARDS]
    out = clean_text(pages, links_to(pages, *headlines))
    assert flat(P3) in out and "Red Cross estimates" in out
    assert not any(summary in out for _, summary in TEASER_CARDS)
    assert not any(headline in out for headline in headlines)


def test_two_linked_teasers_or_unlinked_subheadings_with_short_paragraphs_stay() -> None:
    after = P3.replace("United Nations", "Red Cross")
    two = web_print(P3, "", *teaser_cards(False)[:4], "", after)
    headlines = [headline for headline, _ in TEASER_CARDS]
    assert TEASER_CARDS[1][1] in clean_text(two, links_to(two, *headlines))
    # The same cards without links: an article's subheadings with their paragraphs.
    three = web_print(P3, "", *teaser_cards(False), "", after)
    assert all(summary in clean_text(three) for _, summary in TEASER_CARDS)


@pytest.mark.parametrize(
    "bar",
    [
        "Home › News › World › Middle East",
        "Topics • Government and politics • Legal proceedings • Impeachments",
        # OCR reads the bullet as "e".
        "Places in this Story e Ukraine e District of Columbia e United States",
        "Home | News | Sport | Weather | Contact",
    ],
)
def test_a_bar_of_links_or_tags_on_one_line_goes(bar: str) -> None:
    out = between_paragraphs(bar)
    assert out == BOTH_PARAGRAPHS


@pytest.mark.parametrize(
    "line",
    [
        # Italian "e" (and) between names in a sentence.
        "Il ministro e Maria e Giovanni e Luca sono arrivati a Roma ieri sera.",
        "Syria | Iraq | Turkey. The three countries share the river.",
        "| Country | Applications | Decisions |",  # a plain-text table's row
    ],
)
def test_a_sentence_or_table_row_with_separators_is_no_bar(line: str) -> None:
    assert line in between_paragraphs(line)


def test_a_menu_in_japanese_goes_and_the_articles_text_stays() -> None:
    menu = ["ヨーロッパ", "アフリカ", "中東・北アフリカ", "ロシア・CIS", "中国・台湾"]
    menu.append("アジア・オセアニア")
    prose = (
        "ナイジェリア北東部ボルノ州で十六日夜、少女を使った自爆攻撃が起き、三十一人が死亡した。"
        "地元当局者と民兵指導者が十七日、記者団に明らかにした。"
    )
    out = clean_text([page(P1, *menu, prose, P2)])
    assert prose in out
    assert not any(item in out for item in menu)


def test_a_labelled_link_right_under_a_paragraphs_full_last_line_goes_alone() -> None:
    # No blank line: the paragraph's last line fills the column, the link's line does not.
    last = "They are there to show sovereignty and are responsible for the defence of the region."
    teaser = "SEE MORE: Hong Kong protests: 800 students under siege in university"
    out = clean_text([page(P1, last, teaser, P2)])
    assert "SEE MORE" not in out and "800 students" not in out
    assert last in out and flat(P2) in out


@pytest.mark.parametrize(
    "caption",
    [
        "Smoke rises over the oil field near the town on Monday. Jane Doe/Getty Images",
        "Smoke rises over the oil field near the town on Monday.Jane Doe—Getty Images",
        "Protesters gather outside the parliament building in the capital. John Smith - AFP",
    ],
)
def test_a_caption_closed_by_an_agencys_credit_goes(caption: str) -> None:
    out = between_paragraphs(caption)
    assert out == BOTH_PARAGRAPHS


# An agency's caption that names everyone in the picture, over 80 words.
LONG_CAPTION = "Members of the cabinet pose for their official photo at the palace, from left " + (
    ", ".join(
        f"Minister {name} of the {office} ministry"
        for name, office in (
            ("Ana Berg", "finance"), ("Tom Lund", "defence"), ("Eva Holm", "justice"),
            ("Ole Dahl", "health"), ("Ida Krag", "labour"), ("Per Hald", "transport"),
            ("Mia Rask", "culture"), ("Jon Vest", "foreign"), ("Liv Sand", "education"),
        )
    )
)  # fmt: skip


@pytest.mark.parametrize(
    "caption",
    [
        f"{LONG_CAPTION}. (Photo by Jane DOE / AFP) (Photo by JANE DOE/AFP via Getty Images)",
        f"{LONG_CAPTION}. (AP Photo/John Smith, File)",
    ],
)
def test_a_long_caption_closed_by_its_credit_in_brackets_goes(caption: str) -> None:
    assert _n_words(caption) > 80
    assert between_paragraphs(caption) == BOTH_PARAGRAPHS


def test_a_videos_length_and_source_and_its_ad_feedback_go() -> None:
    out = clean_text([page(P1, "", "Video Ad Feedback", "", P2, "", "05:22 - Source: CNN", "", P3)])
    assert out == "\n\n".join(flat(p) for p in (P1, P2, P3))


def test_a_sentence_that_names_an_agency_at_its_end_stays() -> None:
    sentence = "The protesters gathered outside the parliament building, according to Reuters."
    assert sentence in between_paragraphs(sentence)


APPEAL = """Most of our assignments begin when readers ask us whether a story is true, and those
tips send our reporters across a vast range of political, legal and historical questions. We
do this work every day at no cost to you, but it is far from free to produce, so we need your
support to go on."""


def test_prose_after_the_articles_end_is_another_text() -> None:
    # The article, its share bar, the site's menus, then the site's appeal at the page's end.
    menus = [*MENU, "Contact us", *(f"{item} news" for item in MENU), *(f"{m} live" for m in MENU)]
    pages = web_print(P3, "", "Share this article", "", *menus, "", APPEAL)
    out = clean_text(pages)
    assert flat(P3) in out
    assert "assignments" not in out


def test_prose_after_a_sidebar_without_an_end_marker_stays() -> None:
    menus = [*MENU, "Contact us", *(f"{item} news" for item in MENU), *(f"{m} live" for m in MENU)]
    pages = web_print(P3, "", *menus, "", APPEAL)
    assert "assignments" in clean_text(pages)


def test_a_list_of_linked_headlines_weighs_as_boilerplate_against_the_prose_after_it() -> None:
    # A sidebar's label, nine teasers' headlines printed as links, then a teaser's summary.
    headlines = [f"Storm closes {n} bridges on the coast road" for n in range(2, 11)]
    summary = (
        "Farmers in the south return to their fields as the flood water drops, and aid groups "
        "say that the harvest may yet be saved if the weather holds for two more weeks in the "
        "valley."
    )
    footer = "© 2024 Example News"
    pages = web_print(P3, "", "Advertisement", "", *headlines, "", summary, "", footer)
    out = clean_text(pages, links_to(pages, *headlines))
    assert flat(P3) in out
    assert "Farmers" not in out and "bridges" not in out


@pytest.mark.parametrize("line", ["View all (23)", "See all 12 photos", "Vis alle billeder"])
def test_a_link_to_the_whole_gallery_goes_also_inside_the_article(line: str) -> None:
    out = between_paragraphs(line)
    assert out == BOTH_PARAGRAPHS


def test_a_lead_in_to_the_pictures_stays() -> None:
    assert "See more photos:" in between_paragraphs("See more photos:")


@pytest.mark.parametrize(
    "menu",
    [
        "Home About Advertisements Job Vacancies Contact",
        "Home World U.S. Politics Economy Business Tech Markets Opinion Life & Arts",
        "Forside Indland Udland Politik Kultur Sport",
    ],
)
def test_a_sites_menu_printed_as_one_line_of_links_goes(menu: str) -> None:
    lines = page(P1, "", menu, "", P2)
    link = lines.split("\n").index(menu)
    assert clean_text([lines], [{link}], browser_made=True) == BOTH_PARAGRAPHS
    # Not printed as links, the same words may be the article's: they stay.
    assert menu in clean_text([lines], browser_made=True)


def test_a_link_that_opens_with_home_and_reads_as_a_headline_stays_between_paragraphs() -> None:
    for line in (
        "Home Depot co-founder Ken Langone discusses the company's plans",
        "Home Office Country Policy Note Eritrea",
    ):
        lines = page(P1, "", line, "", P2)
        link = lines.split("\n").index(line)
        assert line in clean_text([lines], [{link}], browser_made=True)
