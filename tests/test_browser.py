"""The portal in a real Chromium: visitors, staff, accessibility (axe-core), keyboard, 360 px.

Needs /usr/bin/chromium (skipped without it) and, for the axe checks, axe-core from npm
(`npm ci` puts it in node_modules/). Screenshots go to artifacts/screenshots/.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connections
from django.utils import translation

from bilag.demo import rasterize_pdf, render_pdf
from bilag.models import Bilag, DecisionCitation
from bilag.search import index_bilag
from bilag.tasks import embedded_worker
from tests.factories import BilagFactory, PageFactory, SourceFactory
from tests.pdfs import CHROMIUM
from tests.test_i18n import compile_translations

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
OCR_WORD = "Quokkafestival"  # appears only as pixels in the scanned upload

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous, so Django's async-safety guard must not stop them.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    playwright = sync_playwright().start()
    # From here on this thread runs in Playwright's context, where Django opens new connection
    # objects; they need the test database's snapshot for serialized_rollback to restore.
    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    )
    yield chromium
    chromium.close()
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


PAGE_ERRORS: dict[int, list[str]] = {}


def watch_errors(page) -> list[str]:
    """Console errors and uncaught exceptions, e.g. a script refused by the CSP."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors


@pytest.fixture
def new_page(browser, live_server):
    compile_translations()
    contexts = []

    def make(*, width: int = 1280, height: int = 900, bypass_csp: bool = False, **options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": height},
            # Chromium asks for English by default; a Danish visitor is the usual case.
            locale="da-DK",
            bypass_csp=bypass_csp,
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        PAGE_ERRORS[id(page)] = watch_errors(page)
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            PAGE_ERRORS.pop(id(page), None)
        context.close()


def screenshot(page, name: str, *, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def make_bilag(title: str, text: str, **kwargs) -> Bilag:
    """A bilag as processing leaves it: a cover page, one page of text, indexed."""
    bilag = BilagFactory(title=title, cleaned_text=text, **kwargs)
    PageFactory(bilag=bilag, number=1, text="")
    PageFactory(bilag=bilag, number=2, text=text)
    index_bilag(bilag)
    return bilag


@pytest.fixture
def material():
    amnesty = SourceFactory(name="Amnesty International", url="https://www.amnesty.org/")
    report = make_bilag(
        "Sikkerhedssituationen i Damaskus",
        "Rapporten beskriver checkpoints omkring Damaskus og forholdene for hjemvendte.",
        number=12,
        source=amnesty,
        language="da",
        published=datetime.date(2023, 5, 2),
        added=datetime.date(2024, 1, 15),
        pdf=ContentFile(render_pdf(None, [["Damaskus checkpoints"]], notice=""), name="r.pdf"),
    )
    DecisionCitation.objects.create(
        bilag=report,
        reference="Syri/2024/17",
        url="https://fln.dk/da/Praksis/Syrien",
        decided_on=datetime.date(2024, 3, 1),
    )
    DecisionCitation.objects.create(bilag=report, reference="Syri/2024/31")
    old = make_bilag(
        "Forældet landerapport",
        "En ældre rapport om militærtjeneste og desertion.",
        number=11,
        added=datetime.date(2022, 6, 1),
    )
    old.withdraw(on=datetime.date(2024, 2, 1), note="Erstattet af en nyere rapport.")
    Bilag.objects.filter(pk=old.pk).update(superseded_by=report)
    make_bilag(
        "Kvinders rettigheder i Afghanistan",
        "Om adgang til uddannelse og arbejde.",
        number=3,
        country=report.country.__class__.objects.get(slug="afghanistan"),
        source=amnesty,
        language="da",
    )
    return {"report": report, "withdrawn": old, "source": amnesty}


# -- (a) A visitor ---------------------------------------------------------------------------


def test_visitor_finds_a_bilag_by_country_and_by_a_word_and_downloads_it(new_page, material):
    page = new_page()
    page.goto("/")
    page.get_by_role("link", name="Syrien", exact=True).click()
    page.wait_for_url(re.compile(r"/syrien/$"))
    page.get_by_role("link", name=re.compile("Sikkerhedssituationen i Damaskus")).click()
    page.wait_for_url(re.compile(r"/syrien/12/$"))
    assert page.locator("h1").inner_text() == "Sikkerhedssituationen i Damaskus"

    page.goto("/")
    page.get_by_role("searchbox", name="Søg i baggrundsmaterialet").fill("hjemvendte")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/soeg/\?q=hjemvendte"))
    result = page.locator(".bilag-list .bilag-title").first
    assert "bilag nr. 12" in result.inner_text()
    assert page.locator(".bilag-list mark").count() or page.locator(".snippet").count()
    result.click()
    page.wait_for_url(re.compile(r"/syrien/12/\?q=hjemvendte"))
    assert page.get_by_role("heading", name=re.compile("hjemvendte")).is_visible()

    # The decisions that cite it, linked where the decision is online.
    decisions = page.locator(".decisions li")
    assert decisions.count() == 2
    assert page.get_by_role("link", name="Syri/2024/17").get_attribute("href").startswith("https")

    # The PDF behind the "Åbn PDF" link.
    href = page.get_by_role("link", name="Åbn PDF").get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    assert PAGE_ERRORS[id(page)] == []


def test_copy_citation_button_announces_success(new_page, material):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto("/syrien/12/")
    button = page.get_by_role("button", name="Kopiér henvisning")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("#copy-status")
    assert status.get_attribute("aria-live") == "polite"
    page.wait_for_function("document.getElementById('copy-status').textContent.length > 0")
    assert status.inner_text() == "Henvisningen er kopieret."
    copied = page.evaluate("navigator.clipboard.readText()")
    with translation.override("da"):
        assert copied == material["report"].citation
    assert PAGE_ERRORS[id(page)] == []


def test_copy_button_is_hidden_without_javascript(new_page, material):
    page = new_page(java_script_enabled=False)
    page.goto("/syrien/12/")
    assert page.locator("button.copy-button").count() == 1
    assert not page.locator("button.copy-button").is_visible()
    assert (
        "Flygtningenævnets baggrundsmateriale, Syrien"
        in page.locator("#citation-text").inner_text()
    )


# -- (b) A staff member uploads a scan -----------------------------------------------------


def test_staff_uploads_a_scan_watches_it_publish_and_finds_it_by_an_ocr_word(
    new_page, material, django_user_model, settings, tmp_path, request, live_server
):
    settings.BAGGRUND_PROCESSING = "thread"  # the live server's background thread processes it
    # The worker thread keeps its database connection; close it so the test database can go.
    request.addfinalizer(lambda: embedded_worker.submit(connections.close_all).result())
    shared = getattr(live_server.thread, "connections_override", {}).get("default")
    if shared is not None and shared.vendor == "sqlite":
        # In-memory SQLite in shared-cache mode locks whole tables and does not wait: the live
        # server's reads (page loads, status polling) must not make the worker's writes fail.
        with shared.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")
    django_user_model.objects.create_user(
        "redaktoer", password="Hemmeligt-kodeord-42", is_staff=True, is_superuser=True
    )
    cover = [
        "Flygtningenævnets baggrundsmateriale",
        "Bilagsnr.: 901",
        "Land: Syrien",
        "Kilde: Amnesty International",
        "Titel: Indscannet notat om markeder",
        "Udgivet: 3. marts 2024",
        "Optaget på baggrundsmaterialet: 4. april 2024",
    ]
    body = [f"The annual {OCR_WORD} in the northern province was cancelled this year."]
    scan = rasterize_pdf(render_pdf(cover, [body], notice=""), dpi=200)
    path = tmp_path / "notat.pdf"
    path.write_bytes(scan)

    page = new_page()
    page.goto("/admin/bilag/bilag/upload/")
    page.get_by_label("Username").or_(page.get_by_label("Brugernavn")).fill("redaktoer")
    page.get_by_label("Password").or_(page.get_by_label("Adgangskode")).fill("Hemmeligt-kodeord-42")
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/bilag/bilag/upload/$"))

    page.locator("input[name=files]").set_input_files(str(path))
    page.locator("input[type=submit][value]").last.click()
    page.wait_for_url(re.compile(r"/admin/bilag/bilag/\?status__exact=processing"))
    status = page.locator(".bilag-status").first
    assert status.get_attribute("data-polling") == "1"
    page.evaluate("window.stillTheSamePage = true")
    page.wait_for_selector(".bilag-status.status-published", timeout=60_000)
    assert page.evaluate("window.stillTheSamePage") is True  # updated without a reload
    screenshot(page, "admin-upload-published", full_page=False)

    bilag = Bilag.objects.get(original_filename="notat.pdf")
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert set(bilag.pages.values_list("method", flat=True)) == {"ocr"}

    visitor = new_page()
    visitor.goto("/")
    visitor.get_by_role("searchbox", name="Søg i baggrundsmaterialet").fill(OCR_WORD.lower())
    visitor.keyboard.press("Enter")
    visitor.wait_for_url(re.compile(r"/soeg/"))
    titles = visitor.locator(".bilag-list .bilag-title").all_inner_texts()
    assert len(titles) == 1 and f"bilag nr. {bilag.number}" in titles[0]


# -- (c) Accessibility -----------------------------------------------------------------------


def public_pages(material) -> list[tuple[str, str]]:
    report, source = material["report"], material["source"]
    return [
        ("home", "/"),
        ("country", "/syrien/"),
        ("country-filter-error", "/syrien/?udgivet_fra=ikke-en-dato&sortering=titel"),
        ("country-filtered", "/syrien/?kilde=amnesty-international&udgaaede=on"),
        ("search-empty", "/soeg/"),
        ("search", "/soeg/?q=damaskus"),
        ("search-no-results", "/soeg/?q=zzzqqq"),
        ("permalink", report.get_absolute_url()),
        ("permalink-search", report.get_absolute_url() + "?q=checkpoints"),
        ("permalink-withdrawn", material["withdrawn"].get_absolute_url()),
        ("sources", "/kilder/"),
        ("source", f"/kilder/{source.slug}/"),
        ("new-since", "/syrien/nye/"),
        ("new-since-results", "/syrien/nye/?siden=2020-01-01"),
        ("new-since-error", "/syrien/nye/?siden=igaar"),
        ("annex-list", "/syrien/bilagsfortegnelse/"),
        ("not-found", "/syrien/999/"),
    ]


def axe_violations(page, tags: list[str] = AXE_TAGS) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} → "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def test_every_page_type_passes_axe(new_page, material):
    if not AXE.exists():
        pytest.skip("axe-core is not installed; run `npm ci`")
    page = new_page(bypass_csp=True)  # axe is injected as an inline script
    found, checked = {}, []
    for language in ("da", "en"):
        if language == "en":
            page.goto("/")
            page.locator(".lang-switch button").click()
            page.wait_for_selector("html[lang=en]")
        for name, url in public_pages(material):
            response = page.goto(url)
            if response.status == 404 and name != "not-found":
                continue  # a page type this version of the portal does not have
            if name.endswith("error"):
                assert page.locator(".error-summary").is_visible(), url
            violations = axe_violations(page)
            if violations:
                found[f"{language} {url}"] = violations
            checked.append(url)
            if language == "da":
                screenshot(page, name)
            elif name in {"home", "permalink", "country"}:
                screenshot(page, f"{name}-en")
    page.goto("/admin/login/")  # Django's own admin: WCAG rules only, not best practice
    violations = axe_violations(page, AXE_TAGS[:-1])
    if violations:
        found["/admin/login/"] = violations
    assert found == {}
    assert len(checked) >= 20


# -- (d) Keyboard ----------------------------------------------------------------------------


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {id: el.id, cls: el.className, tag: el.tagName, text: el.textContent.trim(),
                    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                    visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0};
        }"""
    )


def test_keyboard_skip_link_search_box_and_language_switch(new_page, material):
    page = new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["cls"] == "skip-link" and skip["visible"]
    assert skip["outline"] != "none" and skip["outlineWidth"] >= 2
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    page.goto("/")
    for _ in range(6):
        page.keyboard.press("Tab")
        if focused(page)["id"] == "site-search-q":
            break
    search = focused(page)
    assert search["id"] == "site-search-q" and search["outline"] != "none"
    page.keyboard.type("damaskus")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/soeg/\?q=damaskus"))

    # The language switch is a real button: reachable by Tab, works with Enter, same URL.
    url = page.url
    page.keyboard.press("Tab")
    for _ in range(6):
        if focused(page)["text"].startswith("English"):
            break
        page.keyboard.press("Tab")
    assert focused(page)["tag"] == "BUTTON" and focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_selector("html[lang=en]")
    assert page.url == url
    assert "Search for" in page.locator("h1").inner_text()
    assert PAGE_ERRORS[id(page)] == []


def test_keyboard_operates_the_filters(new_page, material):
    page = new_page()
    page.goto("/syrien/")
    assert page.locator(".bilag-list .bilag-item").count() == 1  # withdrawn ones hidden
    page.locator("#id_udgaaede").focus()
    page.keyboard.press("Space")
    for _ in range(5):
        page.keyboard.press("Tab")
        if focused(page)["tag"] == "BUTTON":
            break
    assert focused(page)["text"] == "Vis"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"udgaaede=on"))
    assert page.locator(".bilag-list .bilag-item").count() == 2


def test_print_stylesheet_keeps_the_content_and_drops_the_chrome(new_page, material):
    page = new_page()
    page.emulate_media(media="print")
    page.goto("/syrien/12/")
    for hidden in (".site-header", ".site-footer", ".actions", ".copy-button", ".breadcrumb"):
        assert not page.locator(hidden).is_visible(), hidden
    for shown in ("h1", ".metadata", "#citation-text", ".decisions"):
        assert page.locator(shown).is_visible(), shown
    assert "fln.dk" in page.evaluate(
        "getComputedStyle(document.querySelector('.decisions a'), '::after').content"
    )
    page.goto("/syrien/?udgaaede=on")
    assert not page.locator(".filters").is_visible()
    assert page.locator(".bilag-list .bilag-item").count() == 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/syrien/12/")
    page.pdf(path=str(SCREENSHOTS.parent / "permalink-print.pdf"), format="A4")


# -- (e) Small screens -----------------------------------------------------------------------


def test_no_horizontal_scrolling_at_360_px(new_page, material):
    page = new_page(width=360, height=740, is_mobile=True, has_touch=True)
    too_wide = {}
    for name, url in public_pages(material):
        response = page.goto(url)
        if response.status == 404 and name != "not-found":
            continue
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 360:
            too_wide[url] = width
        if name in {"home", "country", "search", "permalink", "permalink-withdrawn", "annex-list"}:
            screenshot(page, f"{name}-360")
    assert too_wide == {}
