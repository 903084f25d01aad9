"""Boilerplate removal and text repair for the pages of a bilag.

Input is the raw text of each page (PDF text layer or OCR), the cover sheet already removed.
Most bilag are web pages printed from a browser, so besides the article they hold the site's
menus, share buttons, cookie banners, teasers for other articles and the browser's own print
header ("11/10/2018, 14:32  <title>") and footer ("<url>  1/3").

The approach, in order:

1. Normalise characters (NFKC, no NUL, soft hyphens or icon glyphs, one kind of line break).
2. Remove lines by position and repetition: browser print headers/footers (at either edge of
   the page: a page printed alone may get its header at the foot), lines that recur at the
   top or bottom of most pages (also a banner several lines deep that the browser prints at
   the same place on every page; lines that recur at other places are the document's own
   text repeating itself; where such a banner was printed over a line of text near the
   edge, pdfium reads the two as one line, and the banner is cut off it), page numbers, and
   lines with no letters at all that look like
   clock times or durations. A plain-text document (an RFC, a report kept as text) printed
   from a browser has page breaks of its own anywhere on the printed page: its running
   footers, which name their page, and the headers printed next to them go wherever they
   stand, and a paragraph carries on past them as over a page break.
3. Assemble lines into blocks (paragraphs), also across page breaks: a line continues onto the
   next one when it fills the column, ends in a word hyphen, or lacks closing punctuation
   while the next starts in lower case or the line stops after a function word ("of",
   "nach") or a dash between words ("Returns (2024 –" / "2025)"). Headings, list items,
   entries of a table of contents and captions opened by
   their label ("Image:") or closed by a credit ("… Photo: Jane Doe") stay blocks of their
   own, also after a wide caption, and so do a labelled tag line and a teaser list's
   heading printed in lower case ("most popular"), and a labelled link ("SEE MORE: …") printed
   right under a paragraph's full last line. The headline that the browser's print
   header names is one block, however it wraps (the longest run of the title's parts that
   the page prints: a headline may hold a dash of its own, "Returns (January – March 2025)
   – Site"). A lower-case continuation at the top of a
   page joins the last unfinished paragraph of the page before, past a banner, sidebar
   list, advertisement, a picture with its caption and credit, a link's text, a report's
   footnotes ("12 UNHCR, Guidelines, p. 34.", their number
   on a line of its own as pdfium prints the first) or a short line that does not fill the
   column (a sidebar's headline) printed at its foot; such a line alone at a page's foot is
   carried over only by a continuation in lower case, and so is a paragraph past a bar of a
   few short lines printed at the next page's top ("SIGN UP FOR E-MAIL", "NEWSLETTERS"). A
   line printed across the page, wider than the column (a caption, an overlay), starts a
   block of its own. A report's numbered paragraphs ("2.4.1
   The authorities …") and its footnotes at a page's foot are blocks of their own; a
   footnote mark that pdfium printed alone after a sentence goes.
4. Classify blocks in the spirit of jusText: "good" blocks are prose (long enough, closing
   punctuation, perhaps followed by citation marks "[12]", a fair share of function words in
   English, Danish or German); prose under 30 words is only "near good" (it may be a teaser's
   summary) and counts as good inside the article's region (and for the region, next to
   other prose: an article told a sentence a paragraph); "bad" ones match boilerplate
   phrases (cookies, an embedded post held back for the reader's consent, sharing, newsletters,
   pitches for a subscription or a donation ("Already a subscriber?", "Støt vores arbejde"),
   related articles, copyright, advertisement labels, "Was this page helpful?", a breadcrumb's
   label "Du er her:", a consent banner's buttons "Accept all Only necessary Settings", a
   wire story's closing credits "Jane Doe contributed to this report."),
   labelled links
   to other articles ("Read more: …", "[Related article: …]"), a search box ("Search: …",
   "Search here.."), a link to download a file ("Download the full report (PDF, 1.2 MB)"), date
   lines, tag lines, bars of links or tags on one line ("Home › News › World", "Topics •
   Politics • Courts", "Topics e Politics" as OCR reads the bullet), share bars, pagers
   ("« Previous | Next »"), the comment form's fine print,
   fields ("Name *", "Password:", "Your e-mail address") and the site's rules for comments
   (told to the reader, or
   keeping the right to delete comments, in eight of the languages), the site's fine print
   (consent by registering, a form's check box "I agree to the processing of my personal data",
   a note on the site's privacy policy, disclaimers of advice, trademark notices, delayed
   quotes), a line of footer links ("Terms of Service Privacy Notice"), an app store's badge,
   the masthead's editor and company number, a language picker, a note on printing or on the
   article's age ("This article is more than 2 years old"), runs of menu-like short
   lines without figures or code (one to three words, or in Chinese and Japanese a dozen
   characters; a document's list items with printed bullets and a wiki's
   section headings "History[edit]" are no menu items), the teasers after a "Related"-style
   heading or "More" and the site's name up to the next sentence (once the article has ended,
   told and followed by several lines of boilerplate, up to the next prose longer than a
   teaser's summary, so the summaries go too, or to two paragraphs in a row: summaries follow
   their headlines, and the article goes on after a sidebar's heading printed within it), a
   comment thread whose comments each end in a reply button, from its heading on, and
   everything from a series of web time stamps ("2 days ago") once the article has been told;
   the rest are "short" and decided by their neighbours.
   Pictures' captions (also one closed by its agency's credit, "… in Kabul. Jane Doe/Getty
   Images", or by a credit in brackets, "(Photo by Jane Doe/AFP)", which may follow a
   caption of 150 words), credits ("Photo by Jane Doe", "Submitted photo", an agency's name
   alone), file names and
   counters, a video's length and source ("05:22 - Source: CNN"), a wiki's pointers ("Main
   article: …"), counters of readers ("314 views"), links to a whole gallery ("View all
   (23)"), a
   gallery printed slide by slide (its title three times or more in a row, its numbered dots
   "1", "2", "3"), a list of teasers (three or more headlines printed as links in a row, each
   with perhaps its date and a short summary that is no link), bylines ("Opinion by Jane
   Doe") and stamp lines ("Updated 3:15 pm CET, March 12, 2019", "Jane Doe 2019-03-12 14:35",
   "11 minute read"), an author's name with a social
   media handle ("Jane Doe @janedoe"), headlines (not list items or entries of a table of
   contents) printed twice within a few lines (teasers) with the section labels printed by them
   and, once the article is under way, the summary after a labelled one, an author box after
   the article ("About Jane Doe", or the byline's name alone, and the biography; or the
   biography alone when it opens with the name a byline gives, "By Jane Doe, Staff": "Jane
   Doe is a correspondent …", "Award-winning journalist Jane Doe writes …"), and a series
   of excerpts cut off with an ellipsis (or two dots), are dropped before that and do not count
   as neighbours. The headline named by the print header is kept, but it is no prose for its
   neighbours: short labels just before it (breadcrumbs, section labels) are judged as if
   nothing followed them, and the sentence just under it (the standfirst) is the article's.
   The article's main region is the stretch with the most prose net of
   boilerplate (lines printed as links weigh as boilerplate); it carries on over a page break
   past a sidebar printed at the page's end (the column first, the sidebar after it, page by
   page; also back from a region whose short blocks at the foot of a page, a sidebar's box,
   lead to the prose that opens the next), up to the
   last prose or list item of the page it resumes on. Outside the article's main region,
   several teaser-sized pieces of prose are a list of other articles' summaries, and one with
   boilerplate on both sides is the site's blurb or an appeal; in a web page, prose after the
   article's last region and a marker of its end (a share bar, tags, "Related", "Comments",
   a newsletter's box, a pitch, the copyright) is another text. After the article's last prose,
   a run of short lines that opens with a link-like line is a link list even when a few of its
   lines are not (cut off, or glued to a label). When a block is in doubt it is kept: losing a
   sentence of the article is worse than keeping a menu line. Once all is decided, a short
   label kept once but dropped at least three times as often elsewhere (the section label of
   every teaser) goes, and so do calls to click ("Get our app by clicking here", "Click the
   picture above"; not "Click the link to see the full table"), which are judged by their
   neighbours as the lines they look like, and passages (not headings) that a block a few
   blocks away prints in full (a pull quote, a caption printed again cut off or expanded),
   and the second of two equal lines of three or more words in a row (a picture's alt text
   and its caption).
   In a document that is no printed web page (a report), the short lines before the first
   prose are its title block and stay.
   The site's words (share, print, comments, "most read", "2 hours ago", "Page 1 of 2",
   copyright, newsletter and consent phrases) are known in English, Danish and German and in
   the other languages the material is printed in most (French, Spanish, Italian,
   Portuguese, Dutch, Swedish, Norwegian, Polish, Czech, Russian, Ukrainian, Turkish, Arabic,
   Persian, and Latvian's lines of chrome); so are their names of months and weekdays, from
   CLDR (and the Solar Hijri months of Iranian and Afghan sites), for date and stamp lines.
5. Rejoin words hyphenated at line ends, using the document's own vocabulary to tell
   "refu-gees" from "al-Baghdadi" or "north-eastern". A browser hyphenates with U+2010, so in
   a PDF a browser made (print header or Producer) a plain hyphen at a line's end (which
   pdfium reports as U+FFFE, often joining the two lines) is the word's own unless the
   document spells the word without it; in other documents pdfium's mark is mostly
   hyphenation ("be-cause"), unless the document writes compounds with the first part. A
   number's hyphen ("302-horsepower") is never hyphenation. Where no mark tells (OCR, a
   text file), a document in English (most of its words are in pyspellchecker's English word
   list) keeps the hyphen between two English words whose joining is none
   ("emissions-cheating", "hiked-up") and joins the rest; other languages write compounds
   closed, and join unless the document uses both halves as words. OCR's bar for the
   pronoun "I" ("| think") is mended in the kept text. Such a PDF without the print
   header (saved with it turned off) has its links read as a web print's; it is judged as a
   web page when it prints 20 or more short lines as links (a site's menus and teasers), else
   as a report, which a browser's engine makes too (HTML to PDF).

The output keeps one entry per input page; a paragraph that continues over a page break is
attached to the page where it starts.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from babel.dates import get_day_names, get_month_names
from spellchecker import SpellChecker

# --------------------------------------------------------------------------- vocabulary

_STOPWORD_TEXT = """
    a about after all also an and any are as at be because been before but by can could did
    do does for from had has have he her his how i if in into is it its may more most no not
    of on one only or other our out over said says she so some such than that the their them
    then there these they this those to under up was we were what when where which while who
    will with would you your
    af al alle alt andre at bare blev blive bliver da de dem den denne der deres det dette
    efter eller en end er et for fordi fra få før har havde hende hun hvad hvis hvor hvordan
    i ikke ind jeg kan kun kunne man med meget men mens mod må ned noget nu når og også om op
    os over på sig sin sine sit skal skulle som så til ud under var vi ville være været
    alle als am an auch auf aus bei bis da dann das dass dem den der des die doch durch ein
    eine einem einen einer es für gegen hat hatte ich ihr im in ist kann mit nach nicht noch
    nur oder sich sie sind so über um und uns von vor war waren was wie wir wird wurde zu zum
    zur
    """
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _key(text: str) -> str:
    """TEXT as compared with the phrases of site chrome: lower case, without punctuation."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^\w\s'&.]", " ", text)
    return " ".join(text.split()).strip(" .")


# Phrases that make up a whole short block of site chrome (compared after normalisation).
_BOILERPLATE_TEXT = """
    share|share this|share this story|share this article|share on facebook|share on twitter|
    share via email|facebook|twitter|email|e-mail|whatsapp|linkedin|pinterest|reddit|print|
    messenger|copy link|copy this link|tweet|
    related topics|related articles|related stories|related content|related|more on this story|
    read more|read next|see more|see also|more from|more stories|most read|most popular|
    most viewed|trending|top stories|recommended|recommended for you|you may also like|
    you might also like|latest news|latest videos|don't miss|advertisement|advert|sponsored|
    skip to main content|skip to content|skip navigation|menu|search|sign in|log in|
    login|register|subscribe|sign up|close|back to top|home|next|previous|comments|
    comment|leave a comment|show comments|view comments|post a comment|add a comment|
    follow us|follow us on twitter|find us on facebook|connect with us|cookie settings|
    cookies settings|privacy policy|cookie policy|terms of use|terms & conditions|
    terms and conditions|contact us|about us|sitemap|site map|all rights reserved|
    del|del artiklen|del på facebook|del på twitter|læs også|læs mere|læs flere|se også|
    relaterede artikler|mest læste|seneste nyt|annonce|tilmeld|log ind|søg|luk|forside|
    kommentarer|skriv kommentar|del denne artikel|spring til indhold|gå til indhold|
    gå til hovedindhold|hovedmenu|artiklen fortsætter under annoncen|annoncen fortsætter|
    hør artiklen|lyt til artiklen|læs op|gem|gem artikel|gemt|kopier link|kopiér link|tip os|
    tip redaktionen|fejl i artiklen|vis mere|vis flere|vis alle|se alle|opret bruger|
    opret profil|indlæser|send artikel|til toppen|tilbage til toppen|næste|
    teilen|artikel teilen|mehr zum thema|lesen sie auch|weitere artikel|meistgelesen|
    anzeige|werbung|kommentare|suche|anmelden|startseite|impressum|datenschutz|
    zum seitenanfang|nach oben|zum inhalt springen|zur navigation|hauptnavigation|
    artikel anhören|artikel vorlesen|vorlesen|artikel merken|merken|link kopieren|
    mehr anzeigen|weniger anzeigen|weiterlesen nach der anzeige|lädt|
    reply|svar|antworten|submit|print this article|print this page|print article|
    email this article|sharing is caring|udskriv|udskriv artikel|udskriv siden|seite drucken|
    artikel drucken|drucken|
    manage privacy settings|manage cookie settings|privacy settings|manage consent|
    datenschutzeinstellungen verwalten|datenschutzeinstellungen|privatsphäre-einstellungen|
    shares|caption|hide caption|show caption|toggle caption|enlarge this image|video|
    back to gallery|view gallery|see full gallery|learn more|ad feedback|video ad feedback|
    continue reading|continue reading below|ad choices|adchoices|about me|about the author|
    listen to this article|listen|save|save article|saved|gift this article|
    article continues below|story continues below|advertisement scroll to continue|
    scroll to continue with content|show more|show less|expand|collapse|loading|
    copy link to clipboard|link copied|like this|like loading|next post|previous post|
    next article|previous article|powered by wordpress|proudly powered by wordpress|
    sponsored links|ad|advertising|annoncørbetalt indhold|annoncørindhold|læs artiklen|
    opens in new window|scroll down for video|watch the video above|skip to navigation|
    fejl i artiklen skriv til os|artiklen fortsætter efter annoncen|giv artikel|giv artiklen|
    følg|følg emne|følg journalist|følg forfatter|other ways to share|
    explore more on these topics|reuse this content|acquire licensing rights|media caption|
    save articles to read later and create your own reading list|read more about|
    our standards the thomson reuters trust principles|origin view original|
    story continues below advertisement|advertisement continue reading below|
    annonce artiklen fortsætter nedenfor|thanks for reading|thank you for reading|
    tak fordi du læste med|danke fürs lesen|
    skip to footer|open menu|close menu|
    toggle navigation|main menu|navigation|sections|go to top|scroll to top|return to top|
    sign in to comment|log in to comment|create account|create a free account|my account|
    notifications|turn on notifications|download the app|get the app|open in app|
    enlarge|zoom|full screen|fullscreen|play video|play|pause|mute|unmute|watch video|replay|
    popular now|trending now|sponsored content|promoted|paid content|partner content|
    from our partners|around the web|more for you|recommended stories|read this next|
    comments are closed|be the first to comment|no comments yet|join the conversation|
    join the discussion|hide comments|load more comments|view all comments|sort by|oldest|
    newest|top comments|report an error|report a correction|submit a correction|
    suggest a correction|send us a tip|contact the author|email the author|follow|
    follow on twitter|text size|font size|print friendly|reprints|reprints & permissions|
    license this article|republish|republish this article|share full article|
    share on whatsapp|share via whatsapp|copy url|
    sponsoreret|tophistorier|vis kommentarer|skjul kommentarer|indlæs flere|hent flere|log ud|
    min profil|gemte artikler|cookiepolitik|cookieindstillinger|tilgængelighedserklæring|
    annoncér|annoncer hos os|del på linkedin|del på x|del via mail|del via e-mail|
    send til en ven|abonnér|prøv gratis|se video|afspil video|afspil|fuld skærm|forstør|
    kommentieren|jetzt kommentieren|kommentar schreiben|schließen|menü|abmelden|registrieren|
    mein konto|zurück|weiter|video abspielen|bild vergrößern|vollbild|zur startseite|
    per e-mail teilen|auf facebook teilen|auf x teilen|twittern|fehler melden|schriftgröße|
    signaler une erreur|envoyer par e-mail|écouter|regarder la vidéo|plein écran|agrandir|
    contenus sponsorisés|contenu sponsorisé|sponsorisé|contenido patrocinado|patrocinado|
    gesponsert|contenuto sponsorizzato|sponsorizzato|lien copié|enlace copiado|link kopiert|
    link kopieret|voir les commentaires|ver comentarios|kommentare anzeigen|
    ouvrir dans l'application|in der app öffnen|åbn i appen|print siden|gå til forsiden|
    skift sprog|læs højt|seite teilen|change language|
    suivre|cerrar|copiar enlace|enviar por whatsapp|reproducir video|pantalla completa|
    ampliar|
    select month|select category|om forfatteren|über den autor|über die autorin|
    publicidade|publicidad|publicité|pubblicità|reklame|reklama|advertentie|iklan|реклама|
    광고|広告|广告|
    compartir|compartir en facebook|compartir en twitter|imprimir|enviar|enviar por correo|
    anterior|siguiente|anteriorsiguiente|comentar|comenta|comentarios|buscar|inicio|portada|
    menú|suscríbete|iniciar sesión|noticias relacionadas|leer más|volver arriba|regístrate|
    mi cuenta|cerrar sesión|lo más visto|últimas noticias|ver más|seguir leyendo|archivado en|
    aviso legal|política de privacidad|política de cookies|contacto|quiénes somos|
    partager|partager sur facebook|partager sur twitter|imprimer|envoyer|suivant|précédent|
    rechercher|accueil|s'abonner|abonnez-vous|se connecter|connexion|commentaires|réagir|
    lire la suite|retour en haut|newsletter|recevoir la newsletter|s'inscrire|inscrivez-vous|
    mon compte|se déconnecter|déconnexion|réservé aux abonnés|article réservé aux abonnés|
    offrir cet article|ajouter à vos sélections|copier le lien|lire plus tard|écouter cet article|
    en continu|à la une|voir plus|voir aussi|en savoir plus|commenter|signaler|répondre|fermer|
    mentions légales|politique de confidentialité|gestion des cookies|plan du site|
    nous contacter|qui sommes-nous|mots-clés|
    condividi|stampa|cerca|accedi|abbonati|successivo|precedente|commenti|commenta|iscriviti|
    esci|leggi anche|ultime notizie|continua a leggere|chiudi|note legali|contatti|chi siamo|
    compartilhar|partilhar|pesquisar|entrar|assine|próximo|comentários|
    delen|deel|afdrukken|zoeken|inloggen|volgende|vorige|reacties|reageer|
    dela|skriv ut|sök|logga in|nästa|föregående|kommentarer|
    søk|logg inn|neste|forrige|
    dela artikeln|dela på facebook|prenumerera|annons|relaterat|senaste nytt|kontakta oss|
    tipsa oss|till toppen|stäng|meny|del artikkelen|abonner|annonse|
    siste nytt|kontakt oss|tips oss|lukk|
    udostępnij|drukuj|szukaj|zaloguj|komentarze|
    поделиться|печать|поиск|войти|комментарии|поділитися|друк|пошук|увійти|коментарі|
    paylaş|yazdır|ara|giriş|yorumlar|sdílet|tisk|hledat|komentáře|přihlásit|přihlásit se|
    odhlásit|reklama|předplatné|zavřít|zobrazit více|číst dál|diskuse|domů|kontakt|o nás|
    dalīties|komentāri|komentēt|lasīt vairāk|reklāma|meklēt|pieslēgties|ienākt|sākums|
    kontakti|par mums|abonēt|drukāt|aizvērt|
    save for later|follow this topic|back to homepage|back to home|read the full article|
    read full article|read the full story|relaterede emner|gem til senere|følg emnet|
    send tip til redaktionen|tilbage til forsiden|læs hele artiklen|fortsæt med at læse|
    sponsoreret indhold|vis flere nyheder|næste artikel|forrige artikel|kontakt os|
    privatlivspolitik|til hovedindhold|genveje|følg os|følg os på facebook|find os på facebook|
    zum inhalt|diesen artikel anhören|jetzt kostenlos testen|écouter l'article|
    del denne side|skriv til os|blev du hjulpet|giv feedback|tekststørrelse|lyt til siden|
    persondatapolitik|behandling af personoplysninger|cookies|get adobe reader|
    hent adobe reader|luk menu|åbn menu|vis menu|skip til indhold|spring over navigation|
    gå til navigation|søg på siden|søg efter|indtast søgeord|log på|log ind med mitid|
    selvbetjening|in english|english version|dansk version|
    jump to content|jump to navigation|skip to main navigation|advanced search|search tips|
    stay informed|keep up to date|get the latest news|take action|sign the petition|
    find out more|on this page|accessibility statement|print friendly, pdf & email|
    permalink|original link|
    شارك|مشاركة|شارك المقال|طباعة|بحث|الرئيسية|الصفحة الرئيسية|تعليقات|التعليقات|أضف تعليق|
    اشترك|تسجيل الدخول|إعلان|اتصل بنا|من نحن|سياسة الخصوصية|شروط الاستخدام|إغلاق|المزيد|
    التالي|السابق|
    اشتراک گذاری|چاپ|جستجو|صفحه اصلی|نظرات|ارسال نظر|تبلیغات|تماس با ما|درباره ما|ورود|
    بستن|بعدی|قبلی
    """
_BOILERPLATE_LINES = frozenset(_key(phrase) for phrase in _BOILERPLATE_TEXT.split("|"))

# Headings that open a section of teasers or links rather than article text.
_SECTION_STARTS = re.compile(
    r"^(related( topics| articles?| stories| story| content| coverage)?|more on this story|"
    r"more (from|in|stories|news)\b.*|most (read|popular|viewed|shared)\b.*|"
    r"(top|trending|latest|recommended|popular) (stories|news|videos|articles)\b.*|"
    r"you (may|might) also (like|be interested in)|don'?t miss|see more|read more|"
    r"læs (også|mere)|relaterede (artikler|historier)|mest læste|relateret( indhold)?|"
    r"mere fra\s.{1,30}|mere om (emnet|sagen)|flere (nyheder|artikler|historier)\b.*|"
    r"andre (læser|har læst) også|relaterede sider|relevante links|mest besøgte sider|"
    r"mest (sete|populære)|seneste (nyt|nyheder|artikler)|(udvalgt|anbefalet) (for|til) dig|"
    r"what to read next|most watched|top headlines|in other news|(sponsored|promoted) stories|"
    r"(from )?around the web|recommended reading|elsewhere on\s.{1,30}|"
    r"mehr aus dem ressort|empfohlene artikel|neueste artikel|top-?artikel|"
    r"mehr zum thema|lesen sie (auch|mehr)|weitere (artikel|nachrichten)|meistgelesen|"
    r"related (posts|news|videos|links|reading)|recent posts|popular posts|"
    r"more on|more\s.{0,30}\b(stories|articles|news|videos|reads)|"
    r"must (read|see|watch|listen)|editors?'? ?(picks|choice)|up next|next up( in .{1,30})?|"
    r"popular (on|in)\s.{1,30}|(das )?könnte sie auch interessieren|mest delte|"
    r"lire aussi|à lire aussi|articles? similaires|"
    r"(noticias|artículos) relacionad[ao]s|leer más|lees ook|leggi anche|articoli correlati|"
    r"читайте также|материалы по теме|関連記事|相关(新闻|文章|阅读)|관련 ?기사|"
    r"(lo )?más (leído|leídas|visto|vistos)|más noticias|(también )?te puede interesar|"
    r"les plus (lus|partagés)|à voir aussi|sur le même sujet|dans la même rubrique|"
    r"(i )?più (letti|lette)|(ti )?potrebbe (interessarti|interessare)|"
    r"leia (também|mais)|veja também|notícias relacionadas|mais (lidas|lidos)|"
    r"meest gelezen|lees meer|gerelateerde (artikelen|berichten)|"
    r"läs (också|mer)|mest lästa|relaterade artiklar|les (også|mer)|mest lest|"
    r"relaterte artikler|czytaj (także|też|więcej)|najczęściej czytane|zobacz (też|także)|"
    r"powiązane artykuły|по теме|самое (читаемое|популярное)|читайте також|по темі|"
    r"ilgili haberler|en çok okunanlar|související články|nejčtenější|"
    r"(nos )?derni(ers|ères) (articles|vidéos|actualités|infos)|toute l'actualité|"
    r"lo último|te recomendamos|da non perdere|"
    r"další (zprávy|články)|mohlo by vás zajímat|čtěte (také|více)|doporučujeme|"
    r"[اإ]قرأ (أيضً?ا|ايضً?ا|المزيد)|(مواضيع|أخبار|مقالات) (ذات صلة|متعلقة)|ذات صلة|"
    r"الأكثر (قراءة|مشاهدة|تصفحً?ا|شعبية|تداولً?ا)|المزيد من الأخبار|شاهد أيضً?ا|آخر الأخبار|"
    r"قد يعجبك أيضً?ا|(مطالب|اخبار|خبرهای) مرتبط|(همچنین )?بیشتر بخوانید|همچنین بخوانید|"
    r"پربازدیدترین(\u200c?ها)?|پربیننده\u200c?ترین|آخرین اخبار|مطالب پیشنهادی)\W*$",
    re.IGNORECASE,
)

# A heading over the article's tags ("Topics" and its list); before the article, a menu's
# item of the same name.
_TAG_HEADING = re.compile(r"^(topics|tags|emner|themen|schlagw(ö|oe)rter|nøgleord)$", re.IGNORECASE)

# "More" and the site's name: "More Daily Courier", its list of other articles.
_MORE_FROM_SITE = re.compile(r"^More(\s[A-Z][\w.'’&-]*){1,3}$")


def _is_section_start(text: str) -> bool:
    return bool(_SECTION_STARTS.match(text) or _MORE_FROM_SITE.match(text))


# Comment threads: "34 responses to …", and WordPress-style signatures ("jo says:") followed
# by the comment's time stamp.
_COMMENT_HEADING = re.compile(
    r"^(\d+\s+)?(comments?|responses?|replies|reactions|kommentar(er)?|kommentare?|"
    r"comentarios|commentaires|commenti|comentários|reacties|komentarze|комментарии|коментарі|"
    r"yorumlar|komentáře)(\s*\(\s?\d+\s?\)|\s+(to|on|til|zu)\b.*)?$|"
    r"^((view|show|see|read|load|vis|se|læs|alle) (all |alle )?\d+ (comments|kommentarer|"
    r"kommentare)|loading comments|write a comment|add (a|your) comment|"
    r"leave a (reply|comment)|"
    r"join the (discussion|conversation)|skriv en kommentar|kommentar schreiben|"
    r"deja (un|tu) comentario|laisser un commentaire|lascia un commento|deixe (um|seu) "
    r"comentário|laat een reactie achter|lämna en kommentar|legg igjen en kommentar|"
    r"dodaj komentarz|оставить комментарий|залишити коментар|"
    r"التعليقات|تعليقات|أضف تعليق(ك|ا)?|اترك تعليقً?ا|نظرات( شما)?|ارسال نظر|دیدگاه\u200c?ها)\W*$",
    re.IGNORECASE,
)
# "Comments on the draft law": a report's heading, not a site's comment section.
_COMMENT_TOPIC = re.compile(r"^\S+\s+(to|on|til|zu)\s", re.IGNORECASE)
_ABOUT_AUTHOR = re.compile(
    r"^(about the (author|writer)s?|om (forfatteren|skribenten)|über (den autor|die autorin)|"
    r"à propos de l'auteur|sobre el autor|sull'autore|over de auteur)\W*$",
    re.IGNORECASE,
)
_COMMENT_SIGNATURE = re.compile(
    r"^(\d+[.)]\s+)?\S.{0,40}?\s(says|skriver|schreibt|sagt|écrit|dice):$", re.IGNORECASE
)
_COMMENT_STAMP = re.compile(r"\d{1,2}[:.]\d{2}|\b(19|20)\d{2}\b|\bago\b|siden\b|\bvor\b")

# A page's feedback widget: "Was this page helpful? Yes No".
_FEEDBACK = re.compile(
    r"^((was|is) this (page|article|information) (helpful|useful)|did you find what you were "
    r"looking for|var (denne side|siden) (nyttig|brugbar)|fandt du (det|hvad),? du søgte|"
    r"war (diese seite|dieser artikel) hilfreich|cette page vous a-t-elle été utile|"
    r"(te|le) ha resultado útil( esta página)?|report a problem with this page|"
    r"hvad kan vi gøre bedre)\W*(maybe\W+)?(yes\W+no|ja\W+nej|ja\W+nein|oui\W+non|sí\W+no)?"
    r"(\W*yes this page is useful\W+no this page is not useful)?(\W*thank you for your "
    r"feedback)?\W*$|^(yes\W+no|ja\W+nej|ja\W+nein|oui\W+non)\W*$",
    re.IGNORECASE,
)
# The site's breadcrumb label ("Du er her:", "You are here: Home > News"), and its pointer to
# updates and alerts of a government page ("Get emails about this page").
_BREADCRUMB_LABEL = re.compile(
    r"^(you are here|du er her|sie sind hier|vous êtes ici|usted está aquí|está aquí|"
    r"breadcrumbs?|brødkrummesti)\s?(:(\s.{0,80})?)?$|"
    # A breadcrumb from the home page: "Home / News / Syria", "Forside › Nyheder".
    r"^(home|forside|startseite|accueil|inicio|portada)(\s[/›>»|]\s[^/›>»|]{1,40}){1,6}$|"
    r"^(get emails about this page|explore the topic|see all updates|"
    r"last updated .{0,40}\bsee all updates)\W*$",
    re.IGNORECASE,
)

# A link to download a file: "Download the full report (PDF, 1.2 MB)", "Hent rapporten (pdf)".
_DOWNLOAD = re.compile(
    r"\b(pdf|docx?|xlsx?|pptx?|odt|rtf|epub|zip)\W{1,3}\d+([.,]\d+)?\s?(kb|mb|gb|ko|mo)\b|"
    r"^(download|hent|herunterladen|télécharger|descargar|scarica|baixar|downloaden|ladda ner|"
    r"last ned|pobierz|скачать|завантажити)\b.{0,60}\b(pdf|docx?|report|rapport|bericht|"
    r"informe|file|fil|datei)\b",
    re.IGNORECASE,
)
_DOWNLOAD_WORDS = 15

# A search box: "Search: Search the site", "Search here..", "Søg:".
# ("Search for survivors goes on…" is a headline, not a box.)
_SEARCH_BOX = re.compile(
    r"^(search|søg|suche|cerca|buscar|rechercher)"
    r"(\s?:|\s(here|this site|the site)\b|\W{0,2}(\w+\W{1,2})?(\.\.|…)$)",
    re.IGNORECASE,
)
_SEARCH_WORDS = 6

_COOKIE_WORDS = re.compile(r"\bcookie", re.IGNORECASE)
_CONSENT_WORDS = re.compile(
    r"\b(accept|consent|agree|privacy|personal data|preferences|third[- ]part|opt[- ]?out|"
    r"tracking|cookie ?polic|"
    r"accepter|samtykke|persondata|privatliv|indstillinger|"
    r"akzeptieren|zustimm|einwillig|einverständnis|datenschutz|privatsphäre|einstellungen|"
    r"acept|consentimiento|privacidad|consentement|confidentialité|paramètres|accett|consenso|"
    r"aceit|privacidade|accepteren|toestemming|acceptera|samtycke|godta|akcept|zgod|"
    r"prywatnoś|приня|соглас|конфиденциальн|прийня|згод|kabul|gizlilik|souhlas)",
    re.IGNORECASE,
)
# A consent banner's buttons on a line of their own: "Accept all Only necessary Settings",
# "Tillad alle · Kun nødvendige · Vis detaljer", "Alle akzeptieren Ablehnen".
_CONSENT_BUTTON_WORD_TEXT = """
    accept allow reject decline agree ok all only necessary essential required strictly
    cookies settings manage preferences options customise customize show details more save
    my choices and
    tillad accepter afvis alle kun nødvendige indstillinger vis detaljer gem valg og
    akzeptieren zustimmen ablehnen nur notwendige erforderliche einstellungen anzeigen
    speichern und
    """
_CONSENT_BUTTON_WORDS = frozenset(_CONSENT_BUTTON_WORD_TEXT.split())
_CONSENT_BUTTON_VERB_TEXT = "accept allow reject decline tillad accepter afvis akzeptieren ablehnen"
_CONSENT_BUTTON_VERBS = frozenset(_CONSENT_BUTTON_VERB_TEXT.split())
_CONSENT_BUTTONS_WORDS = 10


def _is_consent_buttons(text: str) -> bool:
    words = [word.lower() for word in _WORD.findall(text)]
    return (
        2 <= len(words) <= _CONSENT_BUTTONS_WORDS
        and set(words) <= _CONSENT_BUTTON_WORDS
        and not _CONSENT_BUTTON_VERBS.isdisjoint(words)
    )


# An embedded post or video held back until the reader consents: "We respect your privacy
# and do not connect to Twitter without your consent."
_EMBED_SOURCE = re.compile(
    r"\b(twitter|youtube|instagram|facebook|tiktok|vimeo|soundcloud|spotify|podigee|datawrapper|"
    r"third[- ]party content|external content|externe[nr]? inhalte?|eksternt indhold|"
    r"contenu externe|contenido externo)",
    re.IGNORECASE,
)
_EMBED_WORDS = 80
_READER_ADDRESS_ANY = re.compile(
    r"\b(you|your|we|our|du|dein\w*|wir|unser\w*|ihr\w*|sie|din|dine|vi|vores|jeres|vous|votre|"
    r"nous|notre|usted|su|nosotros|nuestr\w*|tu|voi|noi|vostr\w*)\b",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\b(newsletter|nyhedsbrev|subscribe now|tilmeld dig|"
    # A sign-up that is not the sentence's imperative ("you can sign up for a free trial")
    # is told of, unless it names what newsletters send.
    r"(sign up|subscribe|register) (for|to) (receive |get )?(our|the latest|(a |the |my )?"
    r"(free |daily |weekly |morning |evening |breaking news )?(e-?mails?|alerts?|updates|"
    r"briefings?|digest|bulletin|mailing list))|"
    r"(^|(?<=[.!?:]\s))(sign up|subscribe) (for|to)|"
    # "Get breaking space news and the latest updates on rocket launches … and more!"
    r"(^|(?<=[.!?:]\s))get breaking .{0,40}news\b|"
    r"abonnieren|boletín|suscríbete|lettre d'information|abonnez-vous|inscrivez-vous|"
    r"iscriviti|nieuwsbrief|nyhetsbrev|biuletyn|рассылк|розсилк|النشرة (الإخبارية|البريدية)|"
    r"اشترك في|خبرنامه|"
    r"get (our|the) .{0,30}(in your inbox|emails?)|your inbox|unsubscribe|no spam|"
    r"din indbakke|ihr postfach|votre boîte (mail|de réception)|"
    r"we('ll| will)? send (you )?(an? )?e-?mails?|breaking news (alerts|e-?mails))",
    re.IGNORECASE,
)
# The newsletter box asks the reader ("Sign up for our newsletter", "Tilmeld dig
# nyhedsbrevet"); "Young men must sign up for military service" and "the party sends a
# newsletter to its members" are told of.
_NEWSLETTER_CALL = re.compile(
    r"(^|[.!?:]\s)(sign up|subscribe|join|get|tilmeld|abonnér|abonner|abonnieren sie|melden sie "
    r"sich|suscríbete|abonnez-vous|inscrivez-vous|iscriviti|schrijf je in)\b",
    re.IGNORECASE,
)
_NEWSLETTER_LABEL_WORDS = 6  # "Newsletter", "Daily briefing newsletter", "Subscribe now"


def _is_newsletter_box(text: str) -> bool:
    return bool(_NEWSLETTER.search(text)) and (
        _n_words(text) <= _NEWSLETTER_LABEL_WORDS
        or bool(_READER_ADDRESS_ANY.search(text) or _NEWSLETTER_CALL.search(text))
    )


# The site's pitch for a subscription ("Already a subscriber? Log in", "4 Wochen kostenlos
# testen", "Allerede abonnent?") or a donation ("Support our journalism", "Mit Ihrer
# Spende", "Støt vores arbejde"), in words that address the reader.
_PITCH = re.compile(
    r"\b(already (a |an )?(subscriber|member)|already have an account|"
    r"subscribe (today|to continue|to read)|(account|subscribe|sign in|log in) to continue reading|"
    r"(reached|used) (your|the) (free article|article limit|limit of free)|"
    # The meter of free articles, and a login or subscription to read on.
    r"(you have|you've) read \d+ of \d+ (free )?(articles|stories)|"
    r"du har læst \d+ af \d+ (gratis )?artikler|"
    r"sie haben \d+ von \d+ (kostenlosen |freien )?(artikeln|beiträgen)|"
    r"vous avez lu \d+ (sur|de) \d+ articles|"
    r"(abonnér|abonner|log ind|opret (en )?(gratis )?(bruger|profil)) for at (læse|fortsætte)|"
    r"(start|begin) (your|a) free trial|subscribers? only|unlimited digital access|"
    r"free articles? (left|remaining)|support our (work|journalism|reporting|mission)|"
    r"your (tax[- ]deductible )?(donation|support|gift|contribution) (can |will )?"
    r"(help|helps|makes|keeps|allows|enables)|"
    r"allerede abonnent|køb (et )?abonnement|bliv abonnent|kun for abonnenter|"
    r"støt (os|vores arbejde|uafhængig journalistik)|giv et bidrag|"
    r"bereits (digital-)?abonnent|abo (abschließen|sichern)|jetzt (abo|abonnieren|spenden)|"
    r"\d+ (wochen|monate?) (kostenlos|gratis) (testen|lesen)|nur für abonnenten|"
    r"abonnent werden|mit ihrer spende|spenden sie|unterstützen sie (uns|unsere)|"
    r"unterstützen sie (diese form des|unabhängigen|guten) journalismus|"
    # The paywall's choice of offers: "Wählen Sie Ihren Zugang und lesen Sie weiter".
    r"choose your (subscription|plan|offer)|vælg (dit|et) abonnement|"
    r"wählen sie (ihren|ein) (zugang|abo\w*)|choisissez (votre|une) (abonnement|offre|formule)|"
    r"elige tu (suscripción|plan)|"
    r"déjà abonné|faites un don|soutenez(-nous| notre)|"
    r"ya (eres|es) suscriptor|hazte socio|haz una donación|exclusivo para suscriptores|"
    r"al abonnee|word abonnee|alleen voor abonnees|doneer (nu|vandaag)|steun ons|"
    r"redan prenumerant|kun for abonnenter|støtt oss|stöd oss|"
    r"già abbonato|sostienici|fai una donazione|já é assinante|faça uma doação)\b|"
    # Calls that are pitches only as the sentence's imperative: not "he would make a donation",
    # "residents were urged to donate now", "aid to support independent journalism".
    r"(^|[.!?:]\s)(donate (now|today|here)|make a donation|support independent journalism|"
    # The site's appeal by its name: "Support Snopes and make a difference", not "Support for".
    r"support (?-i:[A-Z]\w+) (and|so|today|now)\b|we need your financial support|"
    r"(try|prøv|essayez|testen sie) .{0,40}(free|gratis|gratuitement|kostenlos)( for| i| pendant)? "
    r"\d+ (days|weeks|months|dage|uger|måneder|jours|semaines|mois|tage|wochen|monate)|"
    r"(only )?for subscribers)\b",
    re.IGNORECASE,
)
_PITCH_WORDS = 40
# A call to click: the site's way of pointing to its app, its shop or its appeal.
_CLICK_HERE = re.compile(
    r"\b(click(ing)? here|klik her|hier klicken|klicken sie hier|haga clic aquí|haz clic aquí|"
    r"cliquez ici|clicca qui|clique aqui|klik hier|klicka här|klikk her|kliknij tutaj|"
    r"нажмите здесь|натисніть тут|"
    # "Click the picture above": a link dressed as a picture (a link to the full table in
    # the text is the article's own).
    r"click (on )?(the|this) (image|photo|picture)|clique (na|no|sobre a) (foto|imagem)|"
    r"haga clic en (la imagen|la foto)|cliquez sur (l'image|la photo)|"
    r"clicca (sull'immagine|sulla foto)|klik på (billedet|fotoet)|"
    r"klicken sie auf das bild)(?!\w)",
    re.IGNORECASE,
)
_CALL_WORDS = 30  # a call to click is a line or two, no paragraph
_COPYRIGHT = re.compile(
    # "The copyright to the photographs" is an article's: the notice has the sign or a year.
    r"(©|\(c\)\s*\d{4}|^copyright\b|\bcopyright\s?(\(c\)|\d{4})|all rights? reserved|"
    r"alle rettigheder|"
    r"alle rechte vorbehalten|derechos reservados|droits réservés|diritti riservati|"
    r"direitos reservados|rechten voorbehouden|rättigheter förbehållna|rettigheter reservert|"
    r"prawa zastrzeżone|права защищены|права захищені|hakları saklıdır|práva vyhrazena|"
    r"(جميع|كل) الحقوق محفوظة|حقوق (النشر|الطبع) محفوظة|(تمامی|کلیه|همه) حقوق)",
    re.IGNORECASE,
)
_IMAGE_CREDIT = re.compile(
    r"(\((image|photo|picture|foto|bild|credit|source)s?\s*:[^)]*\)|"
    r"\((ap|afp|reuters|epa|getty)( images)?( file)? photo[^)]*\)|"
    r"^(image|photo|foto|bild)( credit)?s?\s*:|"
    r"\b(image|photo) (copyright|caption|source)\b|"
    r"(credit|photo|foto|bild|illustration|graphic|grafik|tegning)s?:\s*\S[^.!?:]{0,50}|"
    # "… Photo by Jane Doe", "… Submitted photo": capitalised, as a sentence says neither.
    r"\b(?-i:(Photo|Image|Picture|Illustration)( illustration)?s? by\s[^.!?:]{1,50}|"
    r"(Submitted|File|Courtesy|Staff) photo))\s*\W*$",
    re.IGNORECASE,
)
_AGENCIES = (
    r"(?i:getty images|shutterstock|istock(photo)?|afp|ap|associated press|reuters|epa|efe|"
    r"anadolu( agency)?|scanpix|ritzau|dpa|picture[- ]alliance|imago|sipa( usa)?|nurphoto|"
    r"zuma( press| wire)?|alamy|abaca( press)?)"
)
# A photographer's credit on a line of its own: "Jane Doe/Getty Images", "AFP via Getty Images".
_AGENCY_CREDIT = re.compile(
    rf"^\S.{{0,60}}(/|,|\||\bvia |\bphoto:? |\bfoto:? )\W*{_AGENCIES}\W*$|"
    # Agencies alone: "Getty Images", "Ritzau Scanpix", "EPA-EFE".
    rf"^{_AGENCIES}([\s/-]+{_AGENCIES})*$|"
    # "Courtesy of Jane Doe", "Jane Doe/Daily Courier".
    r"^(?-i:Courtesy)( of)?\s[A-Z][^.!?]{0,40}$|"
    r"^(?-i:[A-Z][\w'’-]+( [A-Z][\w'’.-]+){1,3}/[A-Z][\w.-]+( [A-Z][\w.-]+){0,2})$|"
    # "Stau © aremac / Clipdealer": a name after the sign, not a year (a site's copyright).
    r"^[^©]{0,60}©\s*(?!\d)[^.!?©\d]{1,50}$",
    re.IGNORECASE,
)
# A caption closed by its photographer's and agency's credit after its last sentence: "… in
# Kabul. Jane Doe/Getty Images", "… California.David McNew—Getty Images".
_CLOSING_CREDIT = re.compile(
    rf"[.!?\"”)]\s*([A-ZÆØÅÄÖÜ][\w.'’-]*\s?){{0,4}}\s?(/|—|–|\s-\s|\|)\s?{_AGENCIES}\W*$"
)
# The credits that close a wire story: "Jane Doe contributed to this report.", "(Reporting
# by Jane Doe; Editing by John Roe)", "Jane Doe contributed reporting from Kabul."
_REPORTING_CREDIT = re.compile(
    r"\bcontributed (reporting( from [^.]{1,60})?|to (this|the) (report|story|article))\W*$|"
    r"^\(?(additional )?(reporting|writing) by\b.*\)?$|\b[Ee]diting by [A-Z][^.]*\)\W*$"
)
_CREDIT_WORDS = 40  # a credit names a few writers, not a paragraph of prose
# A teaser's excerpt cut off mid-sentence: "… said on...", "… the first… Read more", "… the
# fi..".
_TRUNCATED = re.compile(
    r"\w(\.{2,3}|…)[\"'”’»)]?(\s*(read more|more|læs mere|mehr|weiterlesen))?$", re.IGNORECASE
)
_TRUNCATED_SERIES = 3  # excerpts that show a list of teasers rather than a trailing quote
# An image's file name or a gallery's counter ("1 of 6", "3 / 23") standing alone.
_IMAGE_FILE = re.compile(r"^[\w.-]+\.(jpe?g|png|gif|webp|svg|bmp|tiff?)$", re.IGNORECASE)
_GALLERY_COUNT = re.compile(
    r"^((image|photo|picture|slide|billede|foto|bild)\s)?\d{1,3}\s?(of|af|von|/)\s?/?\s?\d{1,3}$",
    re.IGNORECASE,
)
# A caption's label, which opens a caption of its own also when it fills the column.
_CAPTION_LABEL = re.compile(
    r"^(image|photo|picture|caption|foto|billede|bild|bildtext)( caption| credit)?s?\s?:\s",
    re.IGNORECASE,
)
# A line of the site's own: an app store's badge, the masthead's editor and company number
# (Danish media print both), a language picker, a note on printing or on the article's age.
_LANGUAGE_NAME = (
    r"(dansk|english|deutsch|français|español|italiano|português|nederlands|svenska|norsk|"
    r"suomi|polski|русский|українська|türkçe|العربية|فارسی)"
)
_SITE_NOTE = re.compile(
    r"^((download|get it|available) on (the )?(app store|google play)|"
    r"(download|get|hent) (the |our )?([\w.]+ )?(app|appen)|"
    r"(ansvarshavende (chef)?redaktør|chefredaktør)\s?:\s?\S.{0,50}|cvr(-nr)?\.?\s?:?\s?\d{8}|"
    r"v\.\s?i\.\s?s\.\s?d\.\s?p\.?\s?:?.{0,50}|"
    rf"{_LANGUAGE_NAME}(\s?[|/·•]?\s?{_LANGUAGE_NAME})+|"
    r"printed (from(\s+\S+)?|on\s[^,.;]{0,30}\d{4}[^,.;]{0,20})|"
    r"udskrevet (den )?\d{1,2}\.? ?(\w+|\d{1,2}\.?) ?\d{4}( kl\.? \d{1,2}[.:]\d{2})?|"
    r"(listen|lyt|anhören|écouter)\W+\d{1,2}:\d{2}(\s?min)?|"
    # The article read aloud: "Læst op af Jens Jensen", "This article was read by an AI voice".
    r"(narrated|læst op|read aloud|vorgelesen|lu) (by|af|von|par)\s"
    r"(?-i:[A-ZÆØÅÄÖÜ][\w.'’-]*(\s[A-ZÆØÅÄÖÜ][\w.'’-]*){0,3})|"
    r"(this article|the article|artiklen|dieser artikel)( is| was| er| wird| wurde)? "
    r"(read|læst op|vorgelesen)( aloud| op)? (by|af|von)\s[^.!?]{0,40}|"
    r"(this (article|story)|denne artikel|artiklen|dieser artikel) (is|was published|er|ist)"
    r" (more than|over|mere end|mehr als|über) \d+ (years?|months?|år|måneder|jahre?|monate?)"
    r"( old| ago| gammel| alt)?)\W*$",
    re.IGNORECASE,
)
# WordPress's share button: "Click to share on Twitter (Opens in new window)".
_CLICK_TO_SHARE = re.compile(r"^click to (share|email|print)\b.{0,60}$", re.IGNORECASE)
# A share button: "Share", "Share this article", "Del på Facebook", "Artikel teilen" ("Share
# of votes by region" and "Del 2: Baggrund", a report's part, are headings).
_SHARE_BUTTON = re.compile(
    r"^(other ways to share|share|del|teilen|artikel teilen)"
    r"(\s(this|on|via|with|to|it|now|article|story|post|page|print|"
    r"tweet|link|artiklen|artikel|den|siden|linket|på|auf|per|diesen|den artikel)\b.{0,40})?\W*$",
    re.IGNORECASE,
)
_SHARE_NETWORK = re.compile(
    r"\b(facebook|twitter|whatsapp|linkedin|email|e-mail|messenger|pinterest)\b", re.IGNORECASE
)
_SHARE_CHROME_WORDS = 6


# A share bar, however many networks it names: "SHARES Pinterest Facebook Twitter Reddit".
_SHARE_WORD_TEXT = """
    share shares sharing facebook twitter whatsapp linkedin email e-mail messenger pinterest
    reddit flipboard mix tumblr telegram pocket print copy link tweet del teilen
    """
_SHARE_WORDS = frozenset(_SHARE_WORD_TEXT.split())
# The words that stand with the networks' names on a share line: "Share on", "Send as Email".
_SHARE_LINE_WORD_TEXT = """
    on via as to with this it me us more follow article story post send pin på auf sur en per x
    mit med til partager compartir condividi dela
    """
_SHARE_LINE_WORDS = _SHARE_WORDS | frozenset(_SHARE_LINE_WORD_TEXT.split())


def _is_share_chrome(text: str) -> bool:
    """A short line of share buttons: a button, or networks' names with the words of a share
    line ("Facebook removes posts in Myanmar", "Facebook and WhatsApp monitoring" are
    headings)."""
    if _n_words(text) > _SHARE_CHROME_WORDS:
        return False
    others = {word.lower() for word in _WORD.findall(_SHARE_NETWORK.sub(" ", text))}
    return bool(_SHARE_BUTTON.match(text)) or (
        bool(_SHARE_NETWORK.search(text)) and others <= _SHARE_LINE_WORDS
    )


_SHARE_NETWORKS = re.compile(
    r"\b(facebook|twitter|whatsapp|linkedin|pinterest|reddit|flipboard|tumblr|telegram)\b",
    re.IGNORECASE,
)
# A pager: "« Previous | Next »", "Forrige side Næste side", "NEXT PREV".
_PAGER_WORD_TEXT = """
    previous prev next older newer page post posts article story entries forrige næste side
    artikel indlæg vorige vorherige nächste zurück weiter seite beitrag
    """
_PAGER_WORDS = frozenset(_PAGER_WORD_TEXT.split())
_PAGER_MAX_WORDS = 6
_PAGER_STEPS = frozenset({"previous", "prev", "older", "forrige", "vorige", "vorherige", "zurück"})
# The article's tags: "Tags: Syria, refugees", "Filed under politics, Europe".
_TAGS = re.compile(
    r"^(tags|tagged( with)?|filed under|emner|nøgleord|schlagw(ö|oe)rter|topics\s?:)(?!\w)|"
    r"^posted in\b.{1,80}\btagged\b",
    re.IGNORECASE,
)
# The comment form's fine print, and the site's rules for comments where it addresses the
# reader: an article about a platform's rules does not say "please" and "your".
_COMMENT_FORM = re.compile(
    r"\b(akismet|next time i comment|email address will not be published|required fields are "
    r"marked|notify me of (new|follow-?up)|comment data is processed|comments powered by|"
    # The page's notice that the browser lacks JavaScript or video.
    r"(please )?enable javascript|javascript (is )?(disabled|required)|"
    r"your browser does not support|votre navigateur ne (supporte|prend) pas|"
    r"requires javascript|(benötigt|erfordert|kræver) javascript|"
    r"ihr browser unterstützt\b.{0,30}\bnicht|din browser understøtter ikke|"
    r"su navegador no (admite|soporta))",
    re.IGNORECASE,
)
_COMMENT_RULES = re.compile(
    r"\b(comments?|commenting|commenters|posts)\b.*\b(polic(y|ies)|guidelines|rules|standards|"
    r"respectful|civil|constructive|on topic|off-topic|reserve the right|moderated)|"
    r"\b(register|log ?in|sign ?in|logged in)\b.{0,20}\bcomment|"
    r"\b(register|log ?in|sign ?in)\b.{0,60}\bjoin the (discussion|conversation)",
    re.IGNORECASE,
)
# The same in other languages: comments and the rules for them, told to the reader in the
# second person ("Læs vores debatregler, før du kommenterer"); "we" and "his" are no address
# in these languages' articles.
_OTHER_COMMENTS = re.compile(
    r"\b(kommentar\w*|debatindlæg|commentaires?|comentarios?|comentários?|commenti|reacties?)\b",
    re.IGNORECASE,
)
_OTHER_RULES = re.compile(
    r"\b(debatregler|retningslinjer|regler|netiquette|richtlinien|regeln|charte|règles|normas|"
    r"reglas|regras|regole|huisregels|regels|"
    # Comments are read before they appear: "Ihre Kommentare werden moderiert".
    r"moderiert|modereres|modereret|modérés|moderados|moderati|gemodereerd)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(
    # German's polite "Sie" in mid-sentence: at a sentence's start it may be "she".
    r"\b(du|din|dine|dit|venligst|(?<=\w\s)(?-i:Sie|Ihre?[mnr]?)|bitte|vous|votre|vos|usted|"
    r"recuerde|por favor|você|voi|vostr\w*|per favore|jouw|uw)\b",
    re.IGNORECASE,
)
# The site keeps the right to delete comments: "ultimahora.es se reserva el derecho de
# eliminar cualquier comentario", "Vi forbeholder os retten til at slette kommentarer" (in
# English "we reserve the right" is told to the reader, above; "the regulator reserves the
# right to remove posts" is an article's).
_COMMENT_REMOVAL = re.compile(
    r"\b(se reserva|se réserve|forbeholder (sig|os)|behält sich|behalten uns|si riserva|"
    r"reserva-se|behoudt zich)\b.{0,60}\b(eliminar|borrar|supprimer|slette|fjerne|löschen|"
    r"entfernen|rimuovere|cancellare|excluir|remover|verwijderen)\b.{0,60}\b(comentarios?|"
    r"commentaires?|kommentar\w*|commenti|comentários?|reacties?)\b",
    re.IGNORECASE,
)
# The site's word that comments are their writers' opinion, not its own: "El contenido de
# los comentarios es la opinión de los usuarios, no de …", "The views expressed in the
# comments do not reflect …" (an article reporting opinions in comments negates nothing).
_COMMENT_DISCLAIMER = re.compile(
    r"^(?=.*\b(comments|kommentarer|kommentare|commentaires|comentarios|comentários|commenti|"
    r"reacties|indlæg)\b)(?=.*\b(not|no|não|nicht|ikke|pas|non|niet|inte)\b)"
    # The opinion is the writers': "la opinión de los usuarios", "die Meinung der Verfasser".
    r".*\b(opinions?|views|opinión|opiniones|opinião|meinung|holdning\w*|avis|opinione|"
    r"mening)(\s\S+){0,3}\s(users|readers|authors|writers|usuarios|internautas|lectores|"
    r"autores|leitores|utilizadores|nutzer\w*|leser\w*|verfasser\w*|autoren|brugere|læsere|"
    r"skribenter|auteurs|lecteurs|internautes|utenti|lettori|autori)\b",
    re.IGNORECASE,
)
# An affiliate link's disclosure told to the reader: "If you buy something through this
# post, IGN may get a share of the sale", "we may receive a small commission".
_AFFILIATE_DISCLOSURE = re.compile(
    r"^(?=.*\b(buy|purchase|click|køber|kaufen|kauft|achetez|compras?|acquisti)\w*\b)"
    # What the site may be paid ("may receive a small commission", "kan vi modtage en
    # kommission"): those who "pay a commission" in an article are no disclosure.
    r".*\b(may|might|ggf|gegebenenfalls|eventuell|kan|kann|können|peut|pouvons|puede|podemos|"
    r"può|possiamo)\b(\s\S+){0,4}\s(commission|share of (the )?"
    r"sales?|provision|kommission|commissione|comisión)\b",
    re.IGNORECASE,
)
_AFFILIATE_WORDS = 40
# A wiki's pointer to another article ("Main article: Firefox").
_HATNOTE = re.compile(
    r"^(main articles?|further information|hovedartikel|uddybende artikel|hauptartikel)"
    r"\s?:\s.{1,120}$",
    re.IGNORECASE,
)
# A counter of readers: "314 views", "Visto 314 veces", "Læst 1.204 gange".
_VIEW_COUNT = re.compile(
    r"^(\d[\d,.\s]*[km]?\s(views|reads|visninger|visualizaciones|visualizações|aufrufe|vues|"
    r"visualizzazioni|weergaven|visningar|просмотр\w*)|(viewed|read|visto|vista|vu|lu|gelesen|"
    r"aufgerufen|læst|set|visualizzato|bekeken)\s\d[\d,.\s]*\s?(times|veces|vezes|fois|mal|"
    r"gange|volte|keer|gånger|ganger|раз))\.?$",
    re.IGNORECASE,
)
# A link to the whole gallery or list: "View all (23)", "See all 12 photos", "Vis alle
# billeder", "Alle anzeigen" (not "See more photos:", which leads in to the pictures).
_SHOW_ALL = re.compile(
    r"^((view|see|show) (all|more)|vis (alle|flere)|se (alle|flere)|alle anzeigen|mehr anzeigen)"
    r"(\s\d+)?(\s(photos|pictures|images|videos|stories|billeder|fotos|bilder|videoer))?"
    r"\s*(\(\d+\))?$",
    re.IGNORECASE,
)
# A form's field ("Name *", "Correo electrónico (*):", "Password:") and its note on
# required fields.
_FORM_FIELD = re.compile(
    r"^([^\W\d_][\w.\s-]{0,30}\s?\(?\*\)?\s?:?|\*\s?(required|campos obligatorios|"
    r"pflichtfelder|obligatoriske felter|champs obligatoires|campi obbligatori)\b.{0,80}|"
    r"((confirm |new |repeat )?password|screen name|user ?name|e-?mail( address)?|your name|"
    r"website|adgangskode|brugernavn|passwort|benutzername|mot de passe|nom d'utilisateur|"
    r"contraseña|nombre de usuario|correo electrónico|wachtwoord|lösenord|passord)\s?:|"
    # A field's placeholder, perhaps cut off by the field's width: "Your e-mail addres".
    r"(your |enter (your )?|din |indtast (din )?|ihre |votre )e-?mail[\w -]{0,12}|"
    r"e-?mail[- ]?(address|adresse)\w*)$",
    re.IGNORECASE,
)
# A line of the site's footer links: "Terms of Service Privacy Notice", "FAQ | Contact us".
_FOOTER_LINK = (
    r"(terms (of (use|service|sale)|(and|&) conditions)|privacy( (policy|notice|statement))?|"
    r"cookies?( (policy|settings|notice))?|contact( us)?|faq|about( us)?|site ?map|help|"
    r"accessibility( statement)?|advertise( with us)?|careers|legal( notice)?|disclaimer|"
    r"imprint|impressum|datenschutz(erklärung)?|kontakt|om os|privatlivspolitik)"
)
_FOOTER_LINKS = re.compile(rf"^{_FOOTER_LINK}([\s|/·•,-]+{_FOOTER_LINK})+\W*$", re.IGNORECASE)
# A site's fine print: the consent that comes with registering, a disclaimer of advice,
# trademark notices, delayed market quotes, a ban on reproduction, a reCAPTCHA notice.
_FINE_PRINT = re.compile(
    r"\b(by (registering|signing up|subscribing|creating an account|clicking|continuing)\b"
    r".{0,80}\byou (agree|accept|consent|acknowledge)|"
    r"you (have read and )?(agree|consent) to (the|our) (terms|privacy|use)|"
    r"information (provided|contained) on this (web)?site|results (may )?vary|"
    r"for (general )?informational purposes only|"
    r"not (intended|meant) (to|as|for)\b.{0,60}\b(advice|diagnos\w*|treat\w*)|"
    r"(is|are) (a )?(registered )?trademarks? of|quotes (are )?delayed|"
    r"may not be (reproduced|republished|redistributed|copied)|recaptcha|"
    # A site's note on what it links to or reprints: "The BBC is not responsible for the
    # content of external sites", Refworld's "This is not a UNHCR publication".
    r"not responsible for the content of external (sites|websites|links|internet sites)|"
    r"is not an? (?-i:[A-Z]{2,8}) publication|"
    # A form's check box, and the site's note on its own privacy policy.
    r"i (agree|consent|accept|have read)\b.{0,60}\b(personal data|privacy|terms)|"
    r"(updated|review|read) our (privacy|cookie) (policy|notice|statement))\b",
    re.IGNORECASE,
)
_FINE_PRINT_WORDS = 120
_READER_ADDRESS = re.compile(r"\b(you|your|please|we|our)\b", re.IGNORECASE)
# The author box's "Follow him on Twitter @jdoe".
_FOLLOW = re.compile(
    r"\b(follow (him|her|them|me|us) (on|at) (twitter|facebook|instagram|linkedin)|"
    r"følg (ham|hende|os) på|folgen sie (ihm|ihr|uns) auf|"
    r"(suivez-nous sur|síguenos en|seguici su|siga-nos n[oa]|volg ons op|följ oss på) "
    r"(twitter|facebook|instagram|linkedin|x|youtube|tiktok))\b|"
    # "Follow Al Jazeera English:", "Follow AP's coverage of the war at https://…".
    r"^(follow|følg|folgen sie)\s(?-i:[A-ZÆØÅÄÖÜ])[^.!?:]{1,40}:$|^follow \S+ coverage of\b",
    re.IGNORECASE,
)

# Chromium's print header ("11/10/2018, 14:32  Title") and footer ("https://…  1/3").
_PRINT_DATETIME = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(\s?[AaPp]\.?[Mm]\.?)?"
_PRINT_HEADER = re.compile(rf"^{_PRINT_DATETIME}(\s.*)?$")
# Firefox's print footer: the page count and the date ("Page 1 of 2 02/12/2026, 20:40", or on
# two lines); its header is the page's title and its address, at the top.
_COUNT_FOOTER = re.compile(
    rf"^((page|side|seite|página|pagina)\s)?\d{{1,4}}\s(of|af|von|de|sur|di|van)\s\d{{1,4}}"
    rf"(\s+{_PRINT_DATETIME})?$",
    re.IGNORECASE,
)
_DATETIME_LINE = re.compile(rf"^{_PRINT_DATETIME}$")
_PRINT_DATETIME_SEARCH = re.compile(_PRINT_DATETIME)
_TITLE_AND_ADDRESS = re.compile(r"^(\S.{0,200}\s)?((https?|file)://|www\.)\S+$")
_PRINT_FOOTER = re.compile(r"^((https?|file|ftp)://|www\.|about:)\S*.*?(\s\d{1,4}\s?/\s?\d{1,4})?$")
_URL = re.compile(r"^((https?|file|ftp)://|www\.|about:)\S*")
_PAGE_NUMBER = re.compile(
    r"^(page|side|seite|s\.|p\.|página|pagina|strona|sida|sivu|strana|стр\.|страница|"
    r"сторінка)?\s*\d{1,4}(\s*(of|af|von|de|sur|di|van|av|z|ze|из|з|/|\|)\s*\d{1,4})?$|"
    r"^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.IGNORECASE,
)
# Clock times and video durations on a line of their own ("0:00", "01:01:43").
_TIME_LIKE = re.compile(r"^\d{1,2}(:\d{2}){1,2}$")
# A line cut at the page break prints the tails of its letters on the next page, and pdfium
# reads them as letters: "g y g q".
_CLIPPED_LINE = re.compile(r"^[gjpqy,;]( [gjpqy,;])+$")

# "2 days ago", "14H ago", "an hour ago".
_AGO = (
    r"(\d+|an?|one)\s?(s|m|h|d|w|mo|y|secs?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|"
    r"years?)\s+ago\b"
)
# "2 timer siden", "vor 3 Stunden", "hace 28 minutos", "il y a 2 heures", "3 ore fa".
_RELATIVE_TIME = (
    r"\b((for|för)\s)?(\d+|en|et|ett)\s(minutter|minuter|timer|timmar|dage|dager|dagar|uger|"
    r"uker|veckor|måneder|månader|år|minut|time|timme|dag|uge|uke|vecka|måned|månad)\s+(siden|"
    r"sedan)\b|\bvor\s(\d+|einer?)\s(minuten?|stunden?|tag(en)?|wochen?|monat(en)?|jahr(en)?)\b|"
    r"\b(hace|há)\s(\d+|una?|um|uma)\s(segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(es)?|"
    r"años?|anos?)\b|\bil y a\s(\d+|une?)\s(secondes?|minutes?|heures?|jours?|semaines?|mois|"
    r"ans?)\b|\b(\d+|un[a']?)\s?(secondi|minuti|minuto|ore|ora|giorni|giorno|settimane|mesi|"
    r"anni)\sfa\b|\b(\d+|een)\s(seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|"
    r"maand|jaar)\sgeleden\b|\b\d+\s(sekund|minut|minuty|godzin[ay]?|godzinę|dni|dzień|"
    r"tygodni|miesięcy|lat)\stemu\b|\bpřed\s\d+\s(sekundami|minutami|hodinami|dny|týdny|"
    r"měsíci|lety)\b|\b\d+\s(секунд[уы]?|минут[уы]?|час(а|ов)?|дн(я|ей)|недел[юиь]|"
    r"месяц(а|ев)?|год(а)?|лет|хвилин[уи]?|годин[уи]?|дн(і|ів)|тижн(і|ів)|місяц(і|ів)|"
    r"рок(и|ів)|років)\s(назад|тому)(?!\w)|\b\d+\s(saniye|dakika|saat|gün|hafta|ay|yıl)\sönce\b"
)

# A line that is only a date or a relative time stamp ("12H ago", "Nov 18", "2 timer siden",
# "Wednesday November 20, 2019").
# The names of months and weekdays come from CLDR (via Babel) for the languages whose site
# words are known (see the module's docstring): "12 de marzo de 2019", "12. března 2019".
_DATE_LOCALES = (
    "en",
    "da",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "nb",
    "pl",
    "cs",
    "ru",
    "uk",
    "tr",
    "ar",
    "ar_SY",
    "fa",
)


def _cldr_names(names_of: Callable[..., Mapping[int, str]]) -> str:
    names = {
        name.lower().rstrip(".")
        for locale in _DATE_LOCALES
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for name in names_of(width, context, locale).values()
        if len(name.rstrip(".")) >= 3  # "do", "so", "ne" are words as well as weekdays
    }
    # Abbreviations that are English words, whole lines of which ("Set 2", "Out 3") are no date.
    return _trie_pattern(names - {"set", "out", "pro", "ara"})


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for many words, as a trie ("jan(?:uar(?:y)?)?"): an
    alternation of hundreds of names tried at every word would slow every stamp search."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# The months of the Solar Hijri calendar, which Iranian and Afghan sites date by ("۱۲ اسفند
# ۱۳۹۷"); Babel has only the Gregorian ones.
_SOLAR_HIJRI_MONTHS = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
_MONTH = (
    r"((jan|feb|mar|apr|may|maj|jun|jul|aug|sep|oct|okt|nov|dec|dez|mär|mai)[a-zæøåä]*|"
    rf"{_cldr_names(get_month_names)}|{_SOLAR_HIJRI_MONTHS})\.?"
)
_WEEKDAY = _cldr_names(get_day_names)
_DATE_JOIN = r"(de|del|of)"  # "12 de marzo de 2019", "the 12th of March"
_DATELINE = re.compile(
    rf"^((updated|published|opdateret|udgivet|aktualisiert)\W*)?(({_WEEKDAY}),?\s(den\s)?)?("
    rf"{_AGO}|{_RELATIVE_TIME}|"
    rf"{_MONTH}\s\d{{1,2}}(,?\s\d{{4}})?|\d{{1,2}}\.?\s({_DATE_JOIN}\s)?{_MONTH}"
    rf"(\s({_DATE_JOIN}\s)?\d{{4}})?(\s(г|р)\.?)?"
    r")\W*$",
    re.IGNORECASE,
)

# The parts of an article's or a comment's stamp line ("Updated 1:39 am EST, Wednesday,
# November 20, 2019", "Jane Doe 2019-11-20 14:35"): what is left once they are taken out.
_STAMP_DATE = re.compile(
    rf"\b({_MONTH}\s\d{{1,2}}(st|nd|rd|th)?\b(,?\s\d{{4}})?|"
    rf"\d{{1,2}}(st|nd|rd|th)?\.?\s({_DATE_JOIN}\s)?{_MONTH},?(\s({_DATE_JOIN}\s)?\d{{4}})?|"
    r"\d{4}-\d{2}-\d{2}(t[\d:]+z?)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|"
    r"today|yesterday|i dag|i går|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|"
    r"ontem|vandaag|gisteren)(?!\w)",
    re.IGNORECASE,
)
# The time an article takes to read: "11 minute read", "Læsetid: 4 min.".
_READING_TIME = (
    r"\b\d+\s?min(ute)?s?\.?\s(read|reading|læsning|lesezeit|leestijd|"
    r"(de |di )?(lectura|lettura|leitura|lecture))\b|"
    r"\b(reading time|read time|læsetid|lesezeit|lesedauer|lästid|lesetid|temps de lecture|"
    r"tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|lecture)\W*\d+\s?min\w*\.?"
)
# Arabic's and Persian's "published" and "last updated", a stamp's label.
_RTL_STAMP_LABELS = r"نشر|تاريخ النشر|آخر تحديث|تاریخ انتشار|منتشر شده|به\u200c?روزرسانی"
_STAMP_PARTS = re.compile(
    rf"\b({_WEEKDAY})\b|\d{{1,2}}[:.]\d{{2}}(:\d{{2}})?\s?([ap]\.?m\b\.?)?|\d{{1,2}}\s?[ap]\.?m\b\.?|"
    r"\b(utc|gmt|cet|cest|est|edt|et|pst|pdt|pt|cst|cdt|ist|bst|uk|first|last|updated|"
    r"published|posted|modified|edited|on|at|den|kl|opdateret|udgivet|publiceret|redigeret|"
    r"ændret|aktualisiert|geändert|bearbeitet|mise|jour|this|page|was|denne|side|er|"
    r"sidst|senest|zuletzt|dernière|última|ultimo|ostatnio|"
    r"veröffentlicht|am|um|publicado|actualizado|publié|mis à jour|modifié|pubblicato|"
    r"aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad|publisert|oppdatert|"
    r"opublikowano|zaktualizowano|publikováno|aktualizováno|опубликовано|обновлено|il|"
    r"опубліковано|оновлено|yayınlanma|güncelleme|le|à|a|el|las|alle|om|o|в|о|"
    # Arabic's and Persian's "(at the) hour".
    rf"{_RTL_STAMP_LABELS}|الساعة|ساعت)(?!\w)|"
    rf"\b\d{{1,2}}h\d{{2}}\b|{_READING_TIME}|"  # "14h32"
    # More time zones; those that are words too only in capitals.
    r"\b(hkt|jst|kst|sgt|aest|aedt|acst|awst|nzst|nzdt|msk|eet|eest|pkt|irst|akst|sast|"
    r"(?-i:WEST|WET|CAT|EAT|WAT|AST|ADT|MST|MDT|HST))\b",
    re.IGNORECASE,
)
_READING_TIME_LINE = re.compile(rf"^({_READING_TIME})\W*$", re.IGNORECASE)
_STAMP_LABEL = re.compile(
    r"^((this page was |denne side er )?(last|sidst|senest|zuletzt|dernière) )?"
    r"(updated|published|posted|edited|modified|opdateret|udgivet|redigeret|ændret|"
    r"aktualisiert|geändert|bearbeitet|mise à jour|modifié|"
    r"veröffentlicht|publicado|actualizado|publié|mis à jour|pubblicato|aggiornato|"
    r"gepubliceerd|bijgewerkt|publicerad|uppdaterad|publisert|oppdatert|opublikowano|"
    r"zaktualizowano|publikováno|aktualizováno|опубликовано|обновлено|опубліковано|оновлено|"
    rf"{_RTL_STAMP_LABELS})"
    r"(?!\w)",
    re.IGNORECASE,
)
_NAME = re.compile(r"^([A-ZÆØÅÄÖÜ][\w.'’-]*\s?){1,4}$")
# A byline: "By Jane Doe", "BY JANE DOE | Special to the Post", "Af Jens Hansen, Ritzau";
# "Jane Doe, staff writer".
_BYLINE = re.compile(
    r"^(?i:(analysis|opinion|commentary|story|words|interview|text|written|reporting|skrevet|"
    r"geschrieben) )?"
    r"(?i:by|af|von|par|por|door|di)\s+(?!(?i:the|a|an|den|det|der|die|das|le|la|el)\b)"
    r"[A-ZÆØÅÄÖÜ]|"
    r"^([A-ZÆØÅÄÖÜ][\w.'’-]*\s){1,3}?[A-ZÆØÅÄÖÜ][\w.'’-]*,\s.{0,30}\b(?i:reporter|"
    r"correspondent|writer|editor|journalist|contributor|columnist|redaktør|korrespondent|"
    r"redakteur(in)?|korrespondentin)$"
)
_BYLINE_WORDS = 20  # a byline with its date and the author's title

# A time stamp of a comment or a teaser: a relative time ("2 days ago", "14H ago"). Clock
# times alone are not enough: a live blog dates its entries by the clock, and they are content.
_WEB_STAMP = re.compile(
    rf"\b{_AGO}|{_RELATIVE_TIME}",
    re.IGNORECASE,
)

# An entry of a table of contents: a title, leader dots and its page number
# ("2.1 Security situation ........ 14"). Its dots are no OCR noise, and it ends its line.
_CONTENTS_ENTRY = re.compile(r"[^\s.]\s?(\.\s?){3,}\s?(\d{1,4}|[ivxlc]{1,6})$", re.IGNORECASE)
# A line of code or data that a technical document prints as it is: JSON ("id": 7,),
# markup, an assignment, a line that a comma or semicolon carries on.
_CODE = re.compile(r'[{}=]|<[\w/!?][^>]*>|"\s*:|[,;]$')
# A wiki's section heading with its edit link: "History[edit]", "Historie[redigér | …]".
_SECTION_EDIT = re.compile(
    r"\[\s?(edit|rediger|redigér|bearbeiten|modifier|editar|modifica)\b[^\]]{0,40}\]$",
    re.IGNORECASE,
)
_BULLET_MARK = r"[•·▪◦‣●■□*–-]"
_BULLET = re.compile(rf"^({_BULLET_MARK}|\d{{1,3}}[.)]|[a-zA-Z][.)])\s+\S")
# A list item marked with a symbol that is printed as text: a browser draws the bullets of
# a web page's lists and menus, so these come from a document's own lists.
_SYMBOL_BULLET = re.compile(rf"^{_BULLET_MARK}\s+\S")
# What may follow a sentence's last punctuation: closing quotes and brackets, and an
# encyclopedia's citation marks ("… in 1998.[12][13]").
_CLOSE = r"[\"'”’»)\]」』]*(\[\d{1,3}\])*$"
_TERMINAL = re.compile(rf"[.!?…:;。]{_CLOSE}|[\"”»」』]$")
_FULL_STOP = re.compile(rf"[.…。]{_CLOSE}")
# A sentence's full stop, or a colon that leads into what follows ("Here are the highlights:").
_SENTENCE_OR_LEAD_IN = re.compile(rf"[.…:。]{_CLOSE}")
_HEADING_END = re.compile(rf"[.…:;,。、]{_CLOSE}")
# Chinese, Japanese and Korean characters: printed twice as wide as Latin letters, and about
# two of them make a word. Chinese and Japanese put no spaces between words.
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_UNSPACED = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
# An inline link to another article: "SEE MORE: Hong Kong protests: 800 students under siege",
# "[Related article: …]".
_TEASER = re.compile(
    r"^\[?(see more|read more|read also|also read|more|watch|"
    r"related( (article|story|post|link|content|coverage)s?)?|læs også|læs mere|se også|"
    r"mehr zum thema|lesen sie auch|auch interessant|mehr dazu|"
    # "Read also" in other languages; not "see also", a report's cross-reference.
    r"(à )?lire aussi|le(er|e|a) (más|también)|leggi anche|leia também|lees (ook|meer)|"
    r"läs (också|mer)|les (også|mer)|czytaj (także|też|więcej)|читайте (также|також)|"
    r"[اإ]قرأ (أيضً?ا|ايضً?ا))\s*[:>»|]\s*\S.{0,150}$|"
    # A label in capitals needs no colon: "LÆS OGSÅ Regeringen vil stramme reglerne".
    r"^(?-i:LÆS OGSÅ|LÆS MERE|READ MORE|READ ALSO|ALSO READ|LESEN SIE AUCH|(À )?LIRE AUSSI)"
    r"\s\S.{0,150}$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_LINE_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")
_WORD_REACH = 100  # characters that hold a line's last word

# Prefixes that form real hyphenated compounds, kept when a line breaks after them.
_COMPOUND_PREFIX_TEXT = """
    al el ex non anti self co pre post pro semi multi counter cross mid vice neo pan pseudo
    quasi ultra north south east west well half long short high low so full all ill
    one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy
    eighty ninety
    """
_COMPOUND_PREFIXES = frozenset(_COMPOUND_PREFIX_TEXT.split())


# --------------------------------------------------------------------------- normalising


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode's Cc but the line break
# Zero-width characters, but the (non-)joiners inside a word of Arabic script: Persian
# spells with them ("می\u200cشود").
_ZERO_WIDTH = re.compile(
    r"[\u200b\u2060\ufeff]|(?<![\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc])[\u200c\u200d]"
    r"|[\u200c\u200d](?![^\W\d_])"
)


# Characters of Unicode's private use areas: an icon font's glyphs (a clock, a chevron, a
# network's logo), which stand for no text.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def _normalise(line: str) -> list[str]:
    """One raw line as the lines the cleaner reads."""
    line = _PRIVATE_USE.sub(" ", line.replace("\x00", ""))
    # pdfium reports a hyphen at a line's end as U+FFFE and often joins the two lines
    # ("al\ufffeBaghdadi"), whether the hyphen is the word's own (a browser breaks a line at
    # "al-Baghdadi") or hyphenation: the line is broken again after it, for
    # ``_rejoin_hyphen`` to tell which (``_Line.hyphen``).
    line = re.sub(r"\ufffe(?!$)", "\ufffe\n", line)
    line = unicodedata.normalize("NFKC", line)
    line = _ZERO_WIDTH.sub("", line)
    line = re.sub(r"[^\S\n]+", " ", line)  # NBSP, tabs, thin spaces
    return _CONTROL.sub("", line).split("\n")


@dataclass
class _Line:
    text: str
    page: int
    blank_before: bool = False  # a blank line or page break precedes it
    soft_break: bool = False  # a soft hyphen ended the previous line inside a word
    # The mark pdfium printed for the hyphen that ended the previous line: U+FFFE for a
    # plain hyphen, U+2010 for a browser's hyphenation; "" for a hyphen in the text itself.
    hyphen: str = ""
    # The document's own running header or footer stood just before it: a page break of
    # the document inside a printed page.
    furniture_before: bool = False
    link: bool = False  # the page prints it as a link's text (``extract.PageText``)

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _page_lines(pages: list[str], link_lines: Sequence[Collection[int]] = ()) -> list[list[_Line]]:
    result = []
    for number, page in enumerate(pages):
        links = link_lines[number] if number < len(link_lines) else ()
        lines: list[_Line] = []
        blank = True
        hyphen = ""
        soft_ended = False
        for index, raw_line in enumerate(
            page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        ):
            # A soft hyphen that ends a line breaks a word: the next line goes on with it.
            soft = soft_ended or raw_line.startswith("\u00ad")
            soft_ended = raw_line.endswith("\u00ad")
            for piece in _normalise(raw_line):
                text = piece.replace("\u00ad", "").strip()
                if not text:
                    blank = True
                    continue
                mark = text[-1] if text[-1] in "\ufffe\u2010" else ""
                if mark:
                    text = text[:-1] + "-"
                lines.append(
                    _Line(
                        text,
                        number,
                        blank_before=blank,
                        soft_break=soft,
                        hyphen=hyphen,
                        link=index in links,
                    )
                )
                blank = False
                hyphen = mark
                soft = False
        _mend_ocr_bullets(lines)
        result.append(lines)
    return result


# The marks that OCR reads a list's bullet as: "e Politics", "+ Sport", "« Courts".
_OCR_BULLET = re.compile(r"^[e+«°¢=©](?=\s+[A-ZÆØÅÄÖÜ0-9])")


def _mend_ocr_bullets(lines: list[_Line]) -> None:
    """Give two or more lines in a row that start with such a mark a bullet: a list's items.
    One such line alone may be a sentence's line ("e Trump", Italian's "and")."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and _OCR_BULLET.match(line.text):
            run.append(line)
            continue
        if len(run) >= 2:
            for item in run:
                item.text = _OCR_BULLET.sub("•", item.text, count=1)
        run = []


# --------------------------------------------------------------------------- by position


def _shape(text: str) -> str:
    """A line's shape for spotting repeats: digits and spaces don't count."""
    return re.sub(r"\d+", "#", text.lower()).replace(" ", "")


_FURNITURE_ZONE = 15  # lines from a page's top or bottom that a multi-line banner may fill


_TITLE_SEPARATOR = re.compile(r"\s(?:[-–—|:·]|::)\s")


def _page_headline(pages: list[list[_Line]]) -> str:
    """The article's headline as the browser's print header names it, or "".

    The header holds the page's title, often with the site's name ("Headline - Site",
    "Section | Headline"): the longest part is the headline. A title elided with "…" stays
    a prefix of it.
    """
    titles = Counter(
        (m.group(2) or "").strip()
        for lines in pages
        for line in lines
        if (m := _PRINT_HEADER.match(line.stripped))
    )
    if not titles:
        return ""
    title = titles.most_common(1)[0][0]
    # The parts between separators, and the runs of them that the page prints: a headline
    # may hold a separator of its own ("Situation of returnees (January 2024 – March 2025)").
    cuts = [0, *(i for m in _TITLE_SEPARATOR.finditer(title) for i in m.span()), len(title)]
    parts = [title[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    printed = [
        candidate
        for a in range(len(parts))
        for b in range(a + 2, len(parts) + 1)
        if (candidate := title[cuts[2 * a] : cuts[2 * b - 1]].strip())
        and any(_headline_runs(lines, candidate) for lines in pages)
    ]
    headline = max(printed or parts, key=len).strip()
    return headline if _n_words(headline.rstrip("….")) >= 3 else ""


def _edge_places(lines: list[_Line]) -> set[tuple[str, int]]:
    """The shapes of the lines near a page's top and bottom, with their places (0, 1, … from
    the top; -1, -2, … from the bottom)."""
    top = {(_shape(line.text), i) for i, line in enumerate(lines[:_FURNITURE_ZONE])}
    n = min(len(lines), _FURNITURE_ZONE)
    return top | {(_shape(lines[-1 - k].text), -1 - k) for k in range(n)}


_FOOTNOTES_ZONE = 8  # lines at a page's foot that its footnotes may fill


def _opens_footnotes(lines: list[_Line], i: int) -> bool:
    """Whether the lone number on line I opens the footnotes at the page's foot: the next
    footnote's number opens one of the few lines after it ("1" … "2 Interview with …")."""
    if i < len(lines) // 2 or len(lines) - i - 2 > _FOOTNOTES_ZONE:
        return False
    following = f"{int(lines[i].stripped) + 1} "
    return any(
        line.stripped.startswith(following) and line.stripped[len(following) :][:1].isupper()
        for line in lines[i + 2 :]
    )


def _remove_count_furniture(lines: list[_Line], edge: int) -> bool:
    """Remove Firefox's print header and footer from a page; True if it has them.

    The footer holds the page count and the date and time; it tells that the lines at the
    page's top up to one that ends in a web address (the title and the address, on one line
    or two) are the header. A report's "Page 3 of 10" without a clock tells nothing of it.
    """
    start = max(0, len(lines) - edge)
    footer = [i for i in range(start, len(lines)) if _COUNT_FOOTER.match(lines[i].stripped)]
    clock = [i for i in range(start, len(lines)) if _DATETIME_LINE.match(lines[i].stripped)]
    if not footer or not (clock or _PRINT_DATETIME_SEARCH.search(lines[footer[0]].stripped)):
        return False
    for i in sorted(footer + clock, reverse=True):
        del lines[i]
    top = next(
        (i for i, line in enumerate(lines[:edge]) if _TITLE_AND_ADDRESS.match(line.stripped)), None
    )
    if top is not None:
        del lines[: top + 1]
    return True


def _print_titles(header_lines: Iterable[str]) -> set[str]:
    """The page titles that a browser's print header shows with the site's name ("Headline |
    Site"): OCR may read such a title apart from the header's date and time, on another
    page and anywhere on it."""
    titles = {
        (m.group(2) or "").strip() for line in header_lines if (m := _PRINT_HEADER.match(line))
    }
    return {title for title in titles if _TITLE_SEPARATOR.search(title)}


def _remove_positional(pages: list[list[_Line]]) -> bool:
    """Remove furniture lines; True when the pages carry a browser's print header/footer."""
    edge = 3  # lines at the top and bottom of a page that may be headers or footers
    # pdfium sometimes puts the print header in the middle of a page's text: a header-shaped
    # line is furniture anywhere once it is seen on two pages.
    header_pages: Counter[str] = Counter()
    for lines in pages:
        header_pages.update({line.stripped for line in lines if _PRINT_HEADER.match(line.stripped)})
    url_pages = Counter(
        _shape(line.stripped) for lines in pages for line in lines if _URL.match(line.stripped)
    )
    titles = _print_titles(header_pages)
    browser_pages = 0
    for lines in pages:
        browser = _remove_count_furniture(lines, edge)
        count = len(lines)  # positions count from the page as printed, before any removal
        # A page printed alone may get its header at the foot, by the footer's link; without
        # that link, a dated line at a page's foot is the document's own (a chronology).
        linked = any(_URL.match(line.stripped) for line in lines[-edge:])
        for i, line in reversed(list(enumerate(lines))):
            at_top, at_bottom = i < edge, i >= count - edge
            text = line.stripped
            header = bool(_PRINT_HEADER.match(text)) and (
                at_top or (at_bottom and linked) or header_pages[text] >= 2
            )
            # A link in the text is content; the browser's footer has the page count with it.
            footer = (
                (at_top or at_bottom)
                and bool(m := _PRINT_FOOTER.match(text))
                and " " not in text[:8]
                and bool(m.group(3) or url_pages[_shape(text)] >= 2)
            )
            browser = browser or header or footer
            follower = lines[i + 1].stripped if i + 1 < len(lines) else ""
            if (
                not browser
                and text.isdigit()
                and len(text) <= 3
                and (at_bottom or _opens_footnotes(lines, i))
                and follower[:1].isalpha()
                and not (i > 0 and lines[i - 1].stripped.endswith(":"))
            ):
                # pdfium prints the number of a page's first footnote on a line of its own,
                # between the text's last line and the footnote's text (a figure after a
                # label "Of them released:" is no footnote).
                lines[i + 1].text = f"{text} {follower}"
                del lines[i]
                continue
            if (
                header
                or footer
                or text in titles
                or (
                    (at_top or at_bottom)
                    and (_PAGE_NUMBER.match(text) or _CLIPPED_LINE.match(text))
                )
                or _TIME_LIKE.match(text)
                or not any(c.isalnum() for c in text)
            ):
                del lines[i]
        browser_pages += browser
    _remove_running_furniture(pages)

    # Running headers and footers: the same line (up to numbers) near the edge of most pages.
    if len(pages) >= 3:
        threshold = max(3, len(pages) // 2)
        at_edge: Counter[str] = Counter()
        for lines in pages:
            at_edge.update({_shape(line.text) for line in lines[:edge] + lines[-edge:]})
        repeated = {shape for shape, n in at_edge.items() if n >= threshold and len(shape) > 1}
        banner: set[str] = set()  # the text of the lines so removed
        for lines in pages:
            for i in reversed(range(len(lines))):
                if (i < edge or i >= len(lines) - edge) and _shape(lines[i].text) in repeated:
                    banner.add(lines[i].stripped)
                    del lines[i]
        # A banner several lines long that the browser prints on every page: peel repeated
        # lines off the page's edges as far as they go. The banner stands at the same place
        # on every page; a document that repeats its own text has the repeats elsewhere.
        places: Counter[tuple[str, int]] = Counter()
        for lines in pages:
            places.update(_edge_places(lines))
        stacked = {place for place, n in places.items() if n >= threshold and len(place[0]) > 1}
        for lines in pages:
            n = min(len(lines), _FURNITURE_ZONE)
            top = next((k for k in range(n) if (_shape(lines[k].text), k) not in stacked), n)
            banner.update(line.stripped for line in lines[:top])
            del lines[:top]
            n = min(len(lines), _FURNITURE_ZONE)
            bottom = next(
                (k for k in range(n) if (_shape(lines[-1 - k].text), -1 - k) not in stacked), n
            )
            banner.update(line.stripped for line in lines[len(lines) - bottom :])
            del lines[len(lines) - bottom :]
        _cut_banner_pieces(pages, banner)
    return browser_pages > 0 and browser_pages >= len(pages) / 2


_BANNER_PIECE = 20  # characters of a banner's line that it may share with the page's text
_BANNER_WORDS = 4  # and words: a site's name alone may start the text's own line


def _cut_banner_pieces(pages: list[list[_Line]], banner: set[str]) -> None:
    """Cut a banner's line off a line of text near a page's edge that it was printed over:
    pdfium reads the two as one line where they share a baseline ("documents on We use
    cookies to …"), so the banner's other copies are gone but this one is not."""
    pieces = sorted(
        (text for text in banner if len(text) >= _BANNER_PIECE and _n_words(text) >= _BANNER_WORDS),
        key=len,
        reverse=True,
    )
    if not pieces:
        return
    for lines in pages:
        zone = len(lines) - _FURNITURE_ZONE
        for i, line in enumerate(lines):
            if _FURNITURE_ZONE <= i < zone:
                continue
            text = line.stripped
            for piece in pieces:
                if len(text) > len(piece) and text.endswith(piece):
                    line.text = text[: -len(piece)].rstrip()
                    break
                if len(text) > len(piece) and text.startswith(piece):
                    line.text = text[len(piece) :].lstrip()
                    break


# A page's label in a running footer: "[Page 12]", "Side 3 af 10", "Seite 4".
_PAGE_LABEL = re.compile(r"\b(page|side|seite|página|pagina)\s?\d{1,4}\b", re.IGNORECASE)
_RUNNING_NEAR = 3  # lines between a running footer and the running header of the next page
_RUNNING_WORDS = 12


def _remove_running_furniture(pages: list[list[_Line]]) -> None:
    """Remove a document's own running footers ("Doe & Roe  Standards Track  [Page 12]")
    and the running headers next to them wherever they stand.

    A plain-text document printed from a browser (an RFC, a report kept as text) has page
    breaks of its own that fall anywhere on the printed pages, so its furniture is not at
    their edges. A footer names its page, and the same line with other page numbers recurs;
    a header recurs next to the footers.
    """
    lines = [line for page in pages for line in page]
    texts: dict[str, set[str]] = {}
    for line in lines:
        if _n_words(line.stripped) <= _RUNNING_WORDS and _PAGE_LABEL.search(line.stripped):
            texts.setdefault(_shape(line.stripped), set()).add(line.stripped)
    footers = {shape for shape, seen in texts.items() if len(seen) >= 3}
    if not footers:
        return
    at = [i for i, line in enumerate(lines) if _shape(line.stripped) in footers]
    near = {
        k
        for i in at
        for k in range(max(0, i - _RUNNING_NEAR), min(len(lines), i + 1 + _RUNNING_NEAR))
    } - set(at)
    # A header is a line printed again and again by the footers, not one line by several.
    shapes = Counter(_shape(lines[k].stripped) for k in near)
    headers = {shape for shape, n in shapes.items() if n >= max(3, len(at) / 2) and len(shape) > 1}
    furniture = set(at) | {k for k in near if _shape(lines[k].stripped) in headers}
    for i in furniture:
        if i + 1 < len(lines) and i + 1 not in furniture:
            lines[i + 1].furniture_before = True
    removed = {id(lines[i]) for i in furniture}
    for page in pages:
        page[:] = [line for line in page if id(line) not in removed]


# --------------------------------------------------------------------------- blocks


class _Kind(Enum):
    GOOD = "good"
    NEAR_GOOD = "near"  # prose, but too short to vouch for itself: decided by its neighbours
    SHORT = "short"
    BAD = "bad"


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)
    kind: _Kind = _Kind.SHORT
    text: str = ""
    # Lines of furniture dropped just before this block (file names, doubled headlines):
    # they have no say in their neighbours' fate but still tell where the article ends.
    dropped_before: int = 0
    # The article's headline stands just before this block: it is kept whatever it looks
    # like, and in the context step it is a neighbour that vouches for nothing.
    after_headline: bool = False
    headline: bool = False  # the article's title as the browser's print header names it

    @property
    def page(self) -> int:
        return self.lines[0].page


def _n_words(text: str) -> int:
    return len(text.split()) + len(_WIDE.findall(text)) // 2


def _width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _is_heading_like(text: str) -> bool:
    return not _HEADING_END.search(text) and _n_words(text) <= 12


# Words after which a sentence cannot end: articles, prepositions and conjunctions. A line
# that stops after one without punctuation runs on, even when the next begins with a capital
# (German nouns, English title case).
_RUN_ON_TEXT = """
    a an the of to in on at by for from with into onto about between through and or but nor
    than that as
    en et den det de af i på til fra med om ved hos mod mellem gennem og eller men som at
    der die das den dem des ein eine einen einem einer eines von vom zu zum zur mit nach bei
    aus auf für über unter vor im durch gegen ohne um und oder aber als wie dass
    – — &
    """
_RUN_ON_WORDS = frozenset(_RUN_ON_TEXT.split())  # and a dash between words: "2024 – 2025"


def _ends_in_run_on_word(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1] in _RUN_ON_WORDS  # in lower case: mid-sentence


# The boilerplate phrases that head a list of teasers: "most popular", "related stories".
_SECTION_HEADINGS = frozenset(p for p in _BOILERPLATE_LINES if _SECTION_STARTS.match(p))


def _opens_site_section(text: str) -> bool:
    """A labelled tag line ("tags #Syria #returns") or the heading of a teaser list ("most
    popular"): printed in lower case, it may stand right under the article's last line."""
    return (_is_tag_line(text) and (":" in text or "#" in text)) or (
        len(text.split()) <= 4 and _key(text) in _SECTION_HEADINGS and _is_heading_like(text)
    )


_WIDER = 1.3  # of the column's width: a line printed across the page


def _continues(prev: _Line, nxt: _Line, width: float, alone: bool = False) -> bool:
    """Whether nxt continues the paragraph that prev belongs to (alone: prev is the
    paragraph's only line so far)."""
    a, b = prev.stripped, nxt.stripped
    if _opens_site_section(b) or _TEASER.match(b):
        return False  # a site's section or a labelled link ("SEE MORE: …") starts its block
    if _BULLET.match(b) or _IMAGE_FILE.match(b) or _IMAGE_FILE.match(a) or _CAPTION_LABEL.match(b):
        return False  # a list item, a picture's file name or caption stands on its own
    if _CONTENTS_ENTRY.search(a):
        return False
    if nxt.soft_break:
        return True

    def caption() -> bool:
        # A caption printed across the page, wider than the column (asked last: it is slow).
        return alone and not b[:1].islower() and _is_picture_furniture(a)

    starts_lower = b[:1].islower() or b[:1] in ",;)]"
    hyphen_break = bool(_LINE_HYPHEN.search(a)) and b[:1].isalpha()
    if hyphen_break and (starts_lower or not nxt.blank_before):
        return not caption()
    terminal = bool(_TERMINAL.search(a))
    if not terminal and starts_lower:
        return True
    if terminal and _SECTION_NUMBER.match(b):
        return False  # a report's numbered paragraph or heading: "2.4.1 The authorities …"
    if b[:1].isupper() and _width(b) > _WIDER * width:
        return False  # a caption or overlay printed across the page, not the column's text
    if nxt.page != prev.page or nxt.furniture_before:
        # A page break is not a line break: carry the paragraph over only when the page
        # stops mid-sentence.
        # A paragraph's first line fills the column; a headline alone at a page's foot
        # (a sidebar's, a teaser's) does not.
        fill = 0.8 if alone and b[:1].isupper() else 0.6
        return not terminal and _n_words(a) >= 4 and _width(a) >= fill * width and not caption()
    if nxt.blank_before:
        # OCR and real text layers mark paragraphs with a blank line; OCR also sets one
        # inside a paragraph now and then, after a full line that stops mid-sentence (of a
        # paragraph: a line alone is a widget's as often, "… Thank you for your feedback").
        return (
            not alone
            and _stops_mid_sentence(a, width)
            and _is_full_line(b, width)
            and not caption()
        )
    if not terminal and _ends_in_run_on_word(a) and b[:1].isalnum():
        return not caption()
    # A short line without closing punctuation that starts with a capital is a heading or a
    # label, not a paragraph's last line (which closes the sentence): it stands apart also
    # after a wide line such as a caption or a toolbar.
    if not terminal and b[:1].isupper() and _is_heading_like(b) and _width(b) < 0.5 * width:
        return False
    if _width(a) < 0.8 * width:
        return False
    if terminal and _is_heading_like(b) and _width(b) < 0.5 * width:
        return False
    return _n_words(a) >= 4 and not caption()


def _stops_mid_sentence(text: str, width: float) -> bool:
    """A full line of prose that ends on a word in small letters ("… political rival")."""
    last = text.split()[-1]
    return last.isalpha() and last.islower() and _is_full_line(text, width)


def _is_full_line(text: str, width: float) -> bool:
    return _n_words(text) >= 8 and _width(text) >= 0.9 * width


def _column_width(lines: list[_Line]) -> float:
    lengths = sorted(_width(line.stripped) for line in lines if _n_words(line.stripped) >= 5)
    if not lengths:
        return 80.0
    return float(lengths[int(0.9 * (len(lengths) - 1))])


def _headline_runs(lines: list[_Line], headline: str) -> list[tuple[int, int]]:
    """Runs of lines (start, end) that together print the headline, wrapped or not."""
    if not headline:
        return []
    elided = headline.endswith(("…", "..."))
    target = " ".join(headline.rstrip("….").lower().split())
    runs = []
    for start in range(len(lines)):
        text = ""
        for end in range(start, min(start + 6, len(lines))):
            if lines[end].page != lines[start].page:
                break
            text = f"{text} {lines[end].stripped.lower()}".strip()
            if text == target or (elided and text.startswith(target)):
                runs.append((start, end + 1))
                break
            if not target.startswith(text):
                break
    return runs


# A report's numbered paragraph or heading, "2.4.1 The authorities …", not "2.5 million".
_SECTION_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3}){1,3}\.?\s+[A-ZÆØÅÄÖÜ]")
# A report's footnote at a page's foot: "12 UNHCR, Eligibility Guidelines, 2021, p. 34."
_FOOTNOTE = re.compile(r"^\d{1,3}\s?([^\W\d_])")


def _is_page_end_furniture(block: _Block, width: float) -> bool:
    """Whether a block at a page's end may stand between a paragraph and its continuation:
    a banner or other boilerplate, a list item, a report's footnotes, a picture's credit, a
    link's text, or a short line such as a sidebar's headline (the paragraph's own last line
    on the page fills the column)."""
    block.text = " ".join(line.stripped for line in block.lines)
    return (
        _classify(block) is _Kind.BAD
        or bool(_BULLET.match(block.text))
        or bool(_FOOTNOTE.match(block.text) and _TERMINAL.search(block.text))
        or _is_picture_furniture(block.text)
        or _is_link_block(block)
        or (_is_heading_like(block.text) and _width(block.lines[-1].stripped) < 0.7 * width)
    )


def _continuation_target(blocks: list[_Block], width: float) -> _Block:
    """The block that a paragraph carried over a page break in lower case continues.

    The end of a printed page often holds a sticky banner (cookies, subscription), a
    sidebar's list, a picture with its caption and credit or an advertisement after the
    article's column: the paragraph continues the last block before them.
    """
    page = blocks[-1].page
    credited = False  # the block after this one is a picture's credit: this is its caption
    for block in reversed(blocks):
        if block.page != page:
            break
        furniture = _is_page_end_furniture(block, width)
        if not (furniture or credited):
            return block
        credited = furniture and _is_picture_furniture(block.text)
    return blocks[-1]


_BANNER_LINES = 3  # lines of a banner at a page's top


def _is_bar_line(line: _Line, width: float) -> bool:
    return _is_heading_like(line.stripped) and _width(line.stripped) < 0.5 * width


def _opens_page_top_bar(lines: list[_Line], i: int, width: float) -> bool:
    """Whether the short lines from lines[i], at a page's top, are a bar printed before the
    paragraph that the page carries on in lower case."""
    if lines[i].stripped[:1].islower():
        return False  # the paragraph's own words
    for k in range(i, min(i + _BANNER_LINES + 1, len(lines))):
        if lines[k].page != lines[i].page:
            return False
        if k > i and lines[k].stripped[:1].islower():
            return not _ADDRESS.match(lines[k].stripped)
        if not _is_bar_line(lines[k], width):
            return False
    return False


def _past_page_top_bar(blocks: list[_Block], page: int, width: float) -> _Block | None:
    """The unfinished paragraph on the page before that a lower-case line goes on with, when
    the blocks of PAGE so far are only a few short lines of furniture (a sticky bar, a link,
    a label)."""
    first = len(blocks)
    # Each block has a line: more blocks on the page than a banner's lines are no banner.
    while first > 0 and blocks[first - 1].page == page:
        first -= 1
        if len(blocks) - first > _BANNER_LINES:
            return None
    lines = sum(len(block.lines) for block in blocks[first:])
    if first == 0 or first == len(blocks) or lines > _BANNER_LINES:
        return None
    banner = blocks[first:]
    if not all(_is_page_end_furniture(block, width) for block in banner):
        return None
    if not all(_is_bar_line(line, width) for block in banner for line in block.lines):
        return None  # a bar's lines are short; a long one is the paragraph's own start
    target = _continuation_target(blocks[:first], width)
    return None if _TERMINAL.search(target.lines[-1].stripped) else target


def _footnote_starts(pages: list[list[_Line]]) -> set[int]:
    """Indices (over all lines) of a report's footnotes opening in the lower half of a page
    that ends with a finished footnote, each a block of its own: after a line that closes a
    sentence, or wherever the page's paragraph runs on to the next page (it goes on past
    them, not into them, even when its last line on the page stops after "to" or "the")."""
    starts, offset = set(), 0
    for n, page in enumerate(pages):
        nxt = pages[n + 1] if n + 1 < len(pages) else []
        runs_on = bool(nxt) and nxt[0].stripped[:1].islower()
        if page and _FULL_STOP.search(page[-1].stripped):
            starts.update(
                offset + k
                for k in range(max(1, len(page) // 2), len(page))
                if (m := _FOOTNOTE.match(page[k].stripped))
                and m.group(1).isupper()
                and (runs_on or _FULL_STOP.search(page[k - 1].stripped))
            )
        offset += len(page)
    return starts


def _assemble(pages: list[list[_Line]], headline: str = "", report: bool = False) -> list[_Block]:
    lines = [line for page in pages for line in page]
    width = _column_width(lines)
    headline_at = {start: end for start, end in _headline_runs(lines, headline)}
    footnotes = _footnote_starts(pages) if report else set()
    blocks: list[_Block] = []
    current: _Block | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in headline_at:
            # The page's title, wrapped or not, is one block of its own.
            current = _Block(lines[i : headline_at[i]], headline=True)
            blocks.append(current)
            i = headline_at[i]
            continue
        prev = lines[i - 1] if i else None
        target = current
        if prev is not None and current is not None and not current.headline and i not in footnotes:
            if line.stripped[:1].islower():
                if line.page != prev.page:
                    target = _continuation_target(blocks, width)
                elif not _ADDRESS.match(line.stripped):
                    # A bar printed at the page's top before the paragraph carried over.
                    target = _past_page_top_bar(blocks, line.page, width) or target
            if _continues(target.lines[-1], line, width, len(target.lines) == 1) and not (
                line.page != prev.page and _opens_page_top_bar(lines, i, width)
            ):
                target.lines.append(line)
                current = target
                i += 1
                continue
        current = _Block([line])
        blocks.append(current)
        i += 1
    return blocks


def _join_lines(block: _Block, vocabulary: _Vocabulary, browser: bool) -> str:
    text = block.lines[0].stripped
    for line in block.lines[1:]:
        nxt = line.stripped
        if line.soft_break:
            text += nxt
        # The block's text so far may be long: only its end can hold the broken word.
        elif (m := _LINE_HYPHEN.search(text[-_WORD_REACH:])) and nxt[:1].isalpha():
            first = m.group(1)
            second = _WORD.match(nxt)
            if second and _rejoin_hyphen(first, second.group(0), vocabulary, browser, line.hyphen):
                text = text[:-1] + nxt
            else:
                text += nxt
        elif text.endswith("-") and text[-2:-1].isdigit() and nxt[:1].isalpha():
            text += nxt  # "302-" "horsepower": a number is not hyphenated
        elif _UNSPACED.match(text[-1]) and _UNSPACED.match(nxt[0]):
            text += nxt
        else:
            text += " " + nxt
    return text


def _rejoin_hyphen(
    first: str, second: str, vocabulary: _Vocabulary, browser: bool, mark: str
) -> bool:
    """True when "first-" + "second" at a line break is one word split by hyphenation (mark:
    ``_Line.hyphen``)."""
    joined = (first + second).lower()
    if vocabulary[joined]:
        return True
    if vocabulary[f"{first}-{second}".lower()]:
        return False
    if browser and mark:
        # A browser hyphenates with U+2010: its plain hyphen is the word's own.
        return mark == "\u2010"
    if second[:1].isupper() or first.isupper() or first.lower() in _COMPOUND_PREFIXES:
        return False
    if vocabulary[first.lower() + "-"]:
        return False  # the document writes other compounds with it ("hazara-kvarterer")
    if mark:
        return True  # in a typeset document pdfium's mark is mostly hyphenation
    first, second = first.lower(), second.lower()
    if vocabulary.english:
        english = _english_words()
        if joined in english:
            return True
        if first in english and second in english:
            return False  # "emissions-cheating": English joins words with a hyphen
    # Both halves are words of this document: likely a compound ("long-term"). The second
    # half is counted once as the next line's first word: it must occur elsewhere too.
    return not (len(first) > 1 and vocabulary[first] and vocabulary[second] > 1)


@functools.cache
def _english_words() -> frozenset[str]:
    """English words (loaded once: 160,000 words, 0.3 s)."""
    return frozenset(SpellChecker("en").word_frequency.dictionary)


_ENGLISH_SHARE = 0.8  # of a document's words; English text scores 0.89-0.99, Danish 0.26-0.38


class _Vocabulary(Counter[str]):
    """The document's words with their counts, and whether it is written in English."""

    @functools.cached_property
    def english(self) -> bool:
        english = _english_words()
        words = known = 0
        for word, n in self.items():
            if "-" not in word:
                words += n
                known += n if word in english else 0
        return known >= _ENGLISH_SHARE * words > 0


def _vocabulary(pages: list[list[_Line]]) -> _Vocabulary:
    vocabulary = _Vocabulary()
    for page in pages:
        for line in page:
            words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line.stripped)
            if _LINE_HYPHEN.search(line.stripped) and words:
                words = words[:-1]  # the fragment before a line-end hyphen is not a word
            vocabulary.update(w.lower() for w in words)
            vocabulary.update(p.lower() for w in words if "-" in w for p in w.split("-"))
            # A compound's first part with its hyphen ("hazara-"), for ``_rejoin_hyphen``.
            vocabulary.update(w.split("-")[0].lower() + "-" for w in words if "-" in w)
    return vocabulary


# --------------------------------------------------------------------------- classifying


def _function_words(blocks: list[_Block]) -> frozenset[str]:
    """The built-in function words plus this document's most frequent short words.

    The latter stand in for function words of languages without a list (Portuguese,
    Indonesian, …), so prose in any language is recognised as prose.
    """
    counts = Counter(
        w.lower() for block in blocks for w in _WORD.findall(block.text) if len(w) <= 4
    )
    frequent = [w for w, n in counts.most_common(30) if n >= 5 and not w.isupper()]
    return _STOPWORDS | frozenset(frequent)


def _is_byline(text: str) -> bool:
    """An author's byline: short, and no sentence."""
    return (
        _n_words(text) <= _BYLINE_WORDS
        and not _FULL_STOP.search(text)
        and bool(_BYLINE.search(text))
    )


# An author's social media handle: "Jane Doe @janedoe", "News reporter @jdoe / 2 days".
_HANDLE = re.compile(r"(?<!\S)@\w{2,}")
_HANDLE_REST = re.compile(
    r"\b\d+\s?(s|m|h|d|w|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b( ago)?|[/|·•-]",
    re.IGNORECASE,
)
_HANDLE_NAME_WORDS = 4  # a name, or a short title ("News reporter")


def _is_handle_line(text: str) -> bool:
    """A line that names the author and their handle: nothing but a name or title is left
    (a label such as "Account: @jdoe" in a list of accounts is no byline)."""
    if not _HANDLE.search(text):
        return False
    rest = " ".join(_HANDLE_REST.sub(" ", _HANDLE.sub(" ", text)).split())
    return (
        0 < _n_words(rest) <= _HANDLE_NAME_WORDS
        and rest[:1].isupper()
        and not re.search(r"[.!?:;,()\d]", rest)
    )


def _is_stamp_line(text: str) -> bool:
    """A line that only dates the article or a comment: the date or time with its label and
    time zone, and perhaps the author's name."""
    if _n_words(text) > _BYLINE_WORDS:
        return False
    clock = re.search(r"\d[:.]\d\d", text)
    if not (_STAMP_DATE.search(text) or (_STAMP_LABEL.match(text) and clock)):
        return False
    rest = _STAMP_PARTS.sub(" ", _STAMP_DATE.sub(" ", text))
    rest = " ".join(re.sub(r"[^\w\s'’.-]", " ", rest).split()).strip(" .-")
    # A name goes with a date only when a clock time dates it to the minute: a comment's or
    # an author's stamp, not a list of dates and places.
    named = bool(clock and _NAME.match(rest))
    return not any(c.isalpha() for c in rest) or named or _is_byline(rest)


def _is_pager(words: list[str]) -> bool:
    """A line of nothing but links to the previous and the next page or post."""
    if not 2 <= len(words) <= _PAGER_MAX_WORDS:
        return False
    lower = {w.lower() for w in words}
    return lower <= _PAGER_WORDS and not _PAGER_STEPS.isdisjoint(lower)


def _is_share_bar(words: list[str]) -> bool:
    """Share buttons on a line: "Facebook Twitter Email", also with their words, "Share this
    via Facebook Share this via X Share this via Email" (two networks or more)."""
    networks = sum(bool(_SHARE_NETWORKS.match(w)) for w in words)
    return (
        len(words) >= 2 and all(w.lower() in _SHARE_WORDS for w in words) and networks >= 1
    ) or (networks >= 2 and all(w.lower() in _SHARE_LINE_WORDS for w in words))


def _is_tag_line(text: str) -> bool:
    return (
        bool(_TAGS.match(text)) and _n_words(text) <= _BYLINE_WORDS and not _FULL_STOP.search(text)
    )


def _is_icon_read(text: str) -> bool:
    """An icon that OCR reads as a word of two or three small letters alone on its line:
    "løs", "wr", "ib,". A capital may start a heading's or caption's last word ("Pro"), or
    an abbreviation ("EU")."""
    word = text.removesuffix(",")  # not "all...", a teaser cut short
    return 2 <= len(word) <= 3 and word.isalpha() and word.islower()


# A bar of links or tags on one line: "Home › News › World", "Topics • Politics • Courts";
# OCR reads the bullet as "e" or "«" ("Topics e Politics e Courts"), so there the items
# must be capitalised.
_ITEM_SEPARATOR = re.compile(r"\s([|•·›»>])\s|\s([e«°¢])\s(?=[A-ZÆØÅÄÖÜ])")
_ITEM_BAR_ITEMS = 4  # items that make a bar (fewer may be a sentence's "A | B")
_ITEM_WORDS = 5  # words of a bar's item: a label, a tag, a section's name


def _is_item_bar(text: str) -> bool:
    marks = Counter(m.group(1) or m.group(2) for m in _ITEM_SEPARATOR.finditer(text))
    if not marks:
        return False
    mark, count = marks.most_common(1)[0]
    if count + 1 < _ITEM_BAR_ITEMS:
        return False
    items = [item.strip() for item in re.split(rf"\s{re.escape(mark)}\s", text)]
    return all(
        item
        and _n_words(item) <= _ITEM_WORDS
        and any(c.isalpha() for c in item)
        and not _TERMINAL.search(item)
        and (not mark.isalnum() or item[0].isupper())
        for item in items
    )


def _is_notice(text: str) -> bool:
    """The comment form's fine print, the rules for comments, or an author box's "follow"."""
    return bool(
        _COMMENT_FORM.search(text)
        or (_COMMENT_RULES.search(text) and _READER_ADDRESS.search(text))
        or (
            _OTHER_COMMENTS.search(text)
            and _OTHER_RULES.search(text)
            and _SECOND_PERSON.search(text)
        )
        or _COMMENT_REMOVAL.search(text)
        or _COMMENT_DISCLAIMER.search(text)
        or (
            _n_words(text) <= _AFFILIATE_WORDS
            and _AFFILIATE_DISCLOSURE.search(text)
            and _READER_ADDRESS_ANY.search(text)
        )
        or _FOLLOW.search(text)
    )


# Prose shorter than this may be a teaser's summary or a comment rather than article text.
_GOOD_WORDS = 30


def _classify(block: _Block, stopwords: frozenset[str] = _STOPWORDS) -> _Kind:
    text = block.text
    words = _WORD.findall(text)
    wide = len(_WIDE.findall(text))
    n = len(words) + wide // 2
    key = _key(text)
    letters = sum(c.isalpha() for c in text)
    if (
        key in _BOILERPLATE_LINES
        or _is_section_start(text)
        or _TEASER.match(text)
        or _COMMENT_HEADING.match(text)
        or _FEEDBACK.match(text)
        or _BREADCRUMB_LABEL.match(text)
        or (n <= _SEARCH_WORDS and _SEARCH_BOX.match(text))
        or _FORM_FIELD.match(text)
        or _CLICK_TO_SHARE.match(text)
        or _SITE_NOTE.match(text)
    ):
        return _Kind.BAD
    if _is_consent_buttons(text):
        return _Kind.BAD
    if _COOKIE_WORDS.search(text):
        # A cookie notice is short, or longer but dense with consent vocabulary; an article
        # about cookies mentions them without asking for consent at every turn.
        consent = {m.group(0).lower() for m in _CONSENT_WORDS.finditer(text)}
        if (n <= 60 and consent) or (n <= 120 and len(consent) >= 3):
            return _Kind.BAD
    if n <= _EMBED_WORDS and _EMBED_SOURCE.search(text) and _READER_ADDRESS_ANY.search(text):
        consent = {m.group(0).lower() for m in _CONSENT_WORDS.finditer(text)}
        if len(consent) >= 2:
            return _Kind.BAD
    if n <= 40 and (_is_newsletter_box(text) or _COPYRIGHT.search(text)):
        return _Kind.BAD
    if n <= _CREDIT_WORDS and _REPORTING_CREDIT.search(text):
        return _Kind.BAD
    if n <= _PITCH_WORDS and _PITCH.search(text):
        return _Kind.BAD
    if _DATELINE.match(text) or _READING_TIME_LINE.match(text):
        return _Kind.BAD
    if _is_share_chrome(text):
        return _Kind.BAD
    if _is_share_bar(words) or _is_pager(words) or _is_tag_line(text) or _is_item_bar(text):
        return _Kind.BAD
    if n <= _DOWNLOAD_WORDS and _DOWNLOAD.search(text):
        return _Kind.BAD
    if n <= 80 and _is_notice(text):
        return _Kind.BAD
    if (n <= _FINE_PRINT_WORDS and _FINE_PRINT.search(text)) or _FOOTER_LINKS.match(text):
        return _Kind.BAD
    if (
        letters < 0.5 * len(text.replace(" ", ""))
        and n < 5
        and sum(not c.isalnum() and not c.isspace() for c in text) >= 3
        # Figures and names are content: "10:30 – 12:00", "– 12 % –", "- Ni** My**".
        and sum(c.isdigit() for c in text) <= 1
        and not any(word[:1].isupper() and word[1:2].islower() for word in text.split())
        and not _CONTENTS_ENTRY.search(text)
    ):
        return _Kind.BAD  # OCR noise such as "| ~~ ,. ee —=" or "a 7 ' , . : ;"
    if _is_icon_read(text):
        return _Kind.BAD
    stop = sum(w.lower() in stopwords for w in words)
    # Prose: long enough, closing punctuation (a lone question or exclamation is more often
    # a teaser headline) and a fair share of function words.
    closed = bool(_FULL_STOP.search(text)) or (n >= 15 and bool(_TERMINAL.search(text)))
    if wide and wide >= 0.5 * letters:
        stop = n  # no list of function words for these scripts; punctuation must do
    if n >= 8 and stop / n >= 0.15 and (closed or n >= 25):
        return _Kind.GOOD if n >= _GOOD_WORDS else _Kind.NEAR_GOOD
    return _Kind.SHORT


_UNSURE = (_Kind.SHORT, _Kind.NEAR_GOOD)

_PUNCTUATION = "\"'“”‘’«»()[]{},.;:!?–—-"
_DOUBLED_WORDS = 7  # words in a row that make a headline recognisable
_DOUBLED_WINDOW = 40  # words of headline-like text between the two printings


_SLIDES = 3  # blocks in a row that make a gallery's or carousel's slides or dots


def _gallery_slides(blocks: list[_Block]) -> set[int]:
    """A gallery or carousel printed slide by slide: its title printed again and again in a
    row (a heading of the article is not, and a table's or interview's repeated labels
    have other text between them), and its numbered dots, a run of blocks that count up one
    by one ("1", "2", "3")."""
    slides: set[int] = set()

    def runs(same: Callable[[_Block, _Block], bool], member: Callable[[_Block], bool]) -> None:
        run: list[int] = []
        for i, block in enumerate(blocks):
            if not member(block):
                run = []
                continue
            run = [*run, i] if run and same(blocks[run[-1]], block) else [i]
            if len(run) >= _SLIDES:
                slides.update(run)

    runs(
        lambda a, b: a.text == b.text,
        lambda b: not b.headline and _n_words(b.text) >= 2 and _is_heading_like(b.text),
    )
    runs(
        lambda a, b: int(a.text) + 1 == int(b.text),
        lambda b: b.text.isdigit() and len(b.text) <= 3,
    )
    return slides


_LINK_TEASERS = 3  # teasers in a row, each a linked headline and its summary


def _link_teasers(blocks: list[_Block], furniture: set[int]) -> set[int]:
    """A list of other articles printed as teasers: a headline printed as a link, perhaps
    its date, then a sentence or two of summary that is no link, three times or more in a
    row. An article's subheadings are no links, and its paragraphs run longer or come several
    to a heading."""
    teasers: set[int] = set()
    run: list[int] = []
    count = 0
    i = 0
    while i < len(blocks):
        start = i
        # The headline: linked lines (a card's second link, "can opener", stays with it).
        while i < len(blocks) and _is_link_block(blocks[i]) and _is_heading_like(blocks[i].text):
            i += 1
        if i == start or i - start > 2:
            run, count, i = [], 0, max(i, start + 1)
            continue
        while i < len(blocks) and (i in furniture or _DATELINE.match(blocks[i].text)):
            i += 1  # its date or stamp
        summary = blocks[i] if i < len(blocks) else None
        if (
            summary is None
            or any(line.link for line in summary.lines)
            or summary.kind not in (_Kind.GOOD, _Kind.NEAR_GOOD)
            or _n_words(summary.text) > _TEASER_SUMMARY_WORDS
        ):
            run, count = [], 0
            continue
        i += 1
        run += range(start, i)
        count += 1
        if count >= _LINK_TEASERS:
            teasers.update(run)
    return teasers


def _doubled_headlines(blocks: list[_Block]) -> set[int]:
    """Indices of short blocks whose words recur in short blocks a few lines on.

    Article text does not repeat itself at such close range; a list of teasers does. Two
    lists of a document may share items, so items with printed bullets are left out.
    """
    words: list[tuple[str, int]] = []  # (word, block index) over headline-like blocks
    for i, block in enumerate(blocks):
        if (
            block.kind is _Kind.SHORT
            and not _SYMBOL_BULLET.match(block.text)
            and not _CONTENTS_ENTRY.search(block.text)
        ):
            # Whole tokens with their digits, so that list items differing only in a
            # number or a link ("1-2 (Steelbook)", "1-4 (Steelbook)") stay apart.
            words += [(w.strip(_PUNCTUATION).lower() or w, i) for w in block.text.split()]
        else:
            words.append(("", i))  # anything else breaks the stream

    def opens_block(k: int) -> bool:
        return k == 0 or words[k - 1][1] != words[k][1]

    doubled: set[int] = set()
    matched: set[tuple[int, int]] = set()  # (first, second) word positions of a match
    seen: dict[tuple[str, ...], int] = {}
    for k in range(len(words) - _DOUBLED_WORDS + 1):
        gram = tuple(w for w, _ in words[k : k + _DOUBLED_WORDS])
        if "" in gram:
            continue
        first = seen.get(gram)
        if (
            first is not None
            and _DOUBLED_WORDS <= k - first <= _DOUBLED_WINDOW
            and all(w for w, _ in words[first:k])  # only headline-like text in between
            # A headline is printed twice from its first word; list items that end alike
            # ("…, then renewed for 2 years at a time") share only their tails.
            and ((opens_block(first) and opens_block(k)) or (first - 1, k - 1) in matched)
        ):
            matched.add((first, k))
            pair = words[first : first + _DOUBLED_WORDS] + words[k : k + _DOUBLED_WORDS]
            doubled.update(i for _, i in pair)
        seen[gram] = k
    return doubled


def _footnote_marks(blocks: list[_Block]) -> set[int]:
    """Indices of footnote marks standing alone: pdfium prints a superscript "3" after a
    sentence on a line of its own. A lone number between sentences is no table's figure."""
    return {
        i
        for i in range(1, len(blocks) - 1)
        if blocks[i].text.isdigit()
        and len(blocks[i].text) <= 3
        and _FULL_STOP.search(blocks[i - 1].text)
        and not blocks[i - 1].text[-1:].isdigit()
        and not blocks[i + 1].text.isdigit()
    }


_TEASER_SUMMARY_WORDS = 50  # a teaser's summary is a sentence or two


def _teaser_companions(blocks: list[_Block], doubled: set[int]) -> set[int]:
    """Indices of the section labels and summaries that go with doubled headlines.

    A teaser box prints its section's label by each printing of the headline ("Business",
    headline, "Business", headline) and a sentence or two of summary after it. Pictures'
    captions are doubled too, but without the labels; and the article's own title is printed
    twice before its lead paragraph, so a summary is taken for one only once the article has
    been under way for a while.
    """
    near = {i for d in doubled for i in (d - 1, d, d + 1) if 0 <= i < len(blocks)}

    def headline_next_to(i: int) -> str:
        return " ".join(blocks[j].text for j in (i - 1, i + 1) if j in doubled).lower()

    # A label stands apart from the headline: a caption's last word wrapped onto a line of
    # its own ("Pro") is part of the doubled text instead.
    labels = Counter(
        blocks[i].text
        for i in near
        if blocks[i].kind is _Kind.SHORT
        and _is_menu_item(blocks[i])
        and blocks[i].text.lower() not in headline_next_to(i)
    )
    companions = {i for i in near - doubled if labels[blocks[i].text] >= 2}
    prose_words = 0
    teaser = labelled = False  # inside a run of a teaser's lines; whether it has a label
    for i, block in enumerate(blocks):
        if i in doubled or i in companions:
            labelled = (teaser and labelled) or labels[block.text] >= 2
            teaser = True
            continue
        if (
            teaser
            and labelled
            and prose_words >= _ARTICLE_WORDS
            and block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD)
            and _n_words(block.text) <= _TEASER_SUMMARY_WORDS
        ):
            companions.add(i)
        elif block.kind is _Kind.GOOD:
            prose_words += _n_words(block.text)
        teaser = labelled = False
    return companions


# An author box after the article: "About Jane Doe" (or the author's name alone, the one the
# byline gives), then the author's biography ("Jane Doe is a reporter …", "… er journalist").
_ABOUT_NAME = re.compile(
    r"^(?i:about|über|om|sobre|à propos de|acerca de|over)\s+"
    r"(?P<name>[A-ZÆØÅÄÖÜ][^\W\d_]+(\s[A-ZÆØÅÄÖÜ][^\W\d_]+){1,3})$"
)
_PERSON = re.compile(r"^[A-ZÆØÅÄÖÜ][^\W\d_A-Z]+(\s[A-ZÆØÅÄÖÜ][^\W\d_]+){0,3}$")
_BYLINE_NAME = re.compile(
    r"\b(?i:by|af|von|par|por)\s([A-ZÆØÅÄÖÜ][^\W\d_]+(\s[A-ZÆØÅÄÖÜ]\S*){0,3})"
)
_BIO_VERB = re.compile(
    r"^\s(is|was|has|writes|covers|reports|er|var|har|skriver|dækker|ist|war|hat|schreibt|é|es|est)\b"
)
_BIO_WORDS = 120  # a biography is a few sentences
_BIO_REACH = 3  # blocks from the name to the biography (a photo, a "follow" bar between)
_BIO_TITLE = 50  # characters of a title before the name ("Pulitzer Prize-winning journalist")
# A name's word, up to a word glued to it ("HiltzikBusiness Columnist") or its punctuation.
_NAME_WORD = re.compile(r"[A-ZÆØÅÄÖÜ][^\W\d_A-ZÆØÅÄÖÜ]*(['’-][A-ZÆØÅÄÖÜ]?[^\W\d_A-ZÆØÅÄÖÜ]+)*")


def _byline_authors(blocks: list[_Block]) -> set[str]:
    """The authors' names that the bylines give ("By Jane Doe, Staff": "Jane Doe"), not
    a sentence ("signed by President Obama")."""
    authors = set()
    for block in blocks:
        if not _is_byline(block.text):
            continue
        for match in _BYLINE_NAME.finditer(block.text):
            words = []
            for word in match.group(1).split():
                name = _NAME_WORD.match(word)
                words.append(name.group())
                if name.group() != word:
                    break
            authors.add(" ".join(words))
    return authors


def _is_headless_bio(text: str, authors: Iterable[str]) -> bool:
    """A biography of a byline's author without a heading: "Jane Doe is a reporter …",
    "Pulitzer Prize-winning journalist Jane Doe writes …". Only a full name counts."""
    for author in authors:
        at = text.find(author)
        if (
            0 <= at <= _BIO_TITLE
            and " " in author
            and not _FULL_STOP.search(text[:at])
            and _BIO_VERB.match(text[at + len(author) :])
        ):
            return True
    return False


def _author_boxes(blocks: list[_Block]) -> set[int]:
    """Indices of author boxes once the article has been told: the "About …" heading or the
    byline's name, and the biography after it.

    A heading that names a thing ("Frontex", "HL7") before the paragraph that explains it
    ("Frontex is the EU's …") is no author box: a name alone counts only when the byline
    ("By Jane Doe", "written by Jane") gives it.
    """
    authors = _byline_authors(blocks)
    found: set[int] = set()
    prose_words = 0  # short paragraphs too: an article told in them has been told
    for i, block in enumerate(blocks):
        told = prose_words >= _ARTICLE_WORDS
        if block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD):
            prose_words += _n_words(block.text)
        if (
            told
            and block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD)
            and _n_words(block.text) <= _BIO_WORDS
            and _is_headless_bio(block.text, authors)
        ):
            found.add(i)
        if not told or block.kind is not _Kind.SHORT:
            continue
        about = _ABOUT_NAME.match(block.text)
        name = about.group("name") if about else block.text
        if not about and not (
            _PERSON.match(name) and any(author.startswith(name) for author in authors)
        ):
            continue
        reach = range(i + 1, min(i + 1 + _BIO_REACH, len(blocks)))
        bio = next((k for k in reach if blocks[k].kind in (_Kind.GOOD, _Kind.NEAR_GOOD)), None)
        if bio is None or _n_words(blocks[bio].text) > _BIO_WORDS:
            continue
        text = blocks[bio].text
        if (about and name.split()[-1] in text) or (
            text.startswith(name) and _BIO_VERB.match(text[len(name) :])
        ):
            found.update((i, bio))
    return found


def _mostly_data(run: list[_Block]) -> bool:
    """Whether most of a run of short lines hold figures or code: data, not a menu or links."""
    data = sum(any(c.isdigit() for c in b.text) or bool(_CODE.search(b.text)) for b in run)
    return data >= len(run) / 2


_MENU_WIDE_CHARACTERS = 4  # Chinese or Japanese characters of a menu item's word


def _is_menu_item(block: _Block) -> bool:
    text = block.text
    # A menu item's one to three words; in Chinese or Japanese a dozen characters.
    words = len(text.split()) + len(_WIDE.findall(text)) // _MENU_WIDE_CHARACTERS
    return (
        len(block.lines) == 1
        and words <= 3
        and not _TERMINAL.search(text)
        and not _SYMBOL_BULLET.match(text)
        and not _SECTION_EDIT.search(text)
    )


_EDGE_BLOCKS = 3  # blocks at the top and bottom of a page that may be page furniture
_CAPTION_WORDS = 80  # a credited caption longer than this is taken for article text
# A caption closed by its credit in brackets, "… (Photo by Jane Doe/AFP via Getty Images)",
# may run longer (an agency's caption names everyone in the picture): no paragraph of the
# article ends so.
_BRACKETED_CREDIT = re.compile(
    r"\((?:(?:photo|image|picture|foto|bild)s?(?: by|:)\s[^()]{1,60}|"
    r"(?:ap|afp|reuters|epa|getty)(?: images)?(?: file)? photo[^()]{0,60})\)\W*$",
    re.IGNORECASE,
)
_BRACKETED_CAPTION_WORDS = 150
# A video's length and source under its player: "05:22 - Source: CNN".
_VIDEO_LABEL = re.compile(
    r"^\d{1,2}:\d{2}(:\d{2})?\s?[-–—|•·]\s?(source|kilde|quelle|fuente|source vidéo)\s?:"
    r"\s?\S.{0,40}$",
    re.IGNORECASE,
)
_ARTICLE_WORDS = 150  # prose that tells that the article has started
# Lines of boilerplate since the last prose that tell that the article has ended: tags, a
# share bar, the comment form. An inline "Related" box follows the prose at once.
_END_GAP = 5


def _by_page(blocks: list[_Block]) -> dict[int, list[_Block]]:
    pages: dict[int, list[_Block]] = {}
    for block in blocks:
        pages.setdefault(block.page, []).append(block)
    return pages


def _is_caption(text: str) -> bool:
    return bool(_IMAGE_CREDIT.search(text) or _CAPTION_LABEL.match(text))


def _is_picture_furniture(text: str) -> bool:
    """A picture's credited or labelled caption, credit line, file name or gallery counter."""
    return bool(
        (_n_words(text) <= _CAPTION_WORDS and _is_caption(text))
        or _AGENCY_CREDIT.match(text)
        or (_n_words(text) <= _CAPTION_WORDS and _CLOSING_CREDIT.search(text))
        or (_n_words(text) <= _BRACKETED_CAPTION_WORDS and _BRACKETED_CREDIT.search(text))
        or _VIDEO_LABEL.match(text)
        or _IMAGE_FILE.match(text)
        or _GALLERY_COUNT.match(text)
    )


def _is_inline_chrome(text: str) -> bool:
    """A line the site prints inside the article as well as around it: a wiki's pointer to
    another article, a counter of readers, a link to a whole gallery."""
    return bool(_HATNOTE.match(text) or _VIEW_COUNT.match(text) or _SHOW_ALL.match(text))


def _is_call_to_click(text: str) -> bool:
    return bool(_CLICK_HERE.search(text)) and _n_words(text) <= _CALL_WORDS


def _drop_comment_thread(blocks: list[_Block]) -> None:
    """Readers' comments follow the article: drop from the first of several signatures on."""
    signatures = [
        i
        for i, (block, nxt) in enumerate(zip(blocks, blocks[1:], strict=False))
        if _COMMENT_SIGNATURE.match(block.text)
        and _COMMENT_STAMP.search(nxt.text)
        and _n_words(nxt.text) <= 8
    ]
    if len(signatures) >= 2:
        for block in blocks[signatures[0] :]:
            block.kind = _Kind.BAD
    _drop_replied_comments(blocks)


_REPLY_BUTTON = frozenset(
    {"reply", "svar", "besvar", "antworten", "responder", "rispondi", "répondre"}
)
_COMMENT_REACH = 12  # blocks of one comment: its author, stamp, paragraphs and reply button


def _drop_replied_comments(blocks: list[_Block]) -> None:
    """Drop a thread whose comments each end in a reply button: from the thread's heading
    ("2 comments", "Leave a reply") just before the first comment to the last button.

    One reply button is a tweet's or a form's; a chain of them, a comment's length apart,
    after a comment heading, is a thread.
    """
    replies = [i for i, block in enumerate(blocks) if _key(block.text) in _REPLY_BUTTON]
    chains: list[list[int]] = []
    for i in replies:
        if chains and i - chains[-1][-1] <= _COMMENT_REACH:
            chains[-1].append(i)
        else:
            chains.append([i])
    for chain in chains:
        if len(chain) < 2:
            continue
        reach = range(chain[0] - 1, max(-1, chain[0] - _COMMENT_REACH), -1)
        heading = next((i for i in reach if _COMMENT_HEADING.match(blocks[i].text)), None)
        if heading is not None:
            for block in blocks[heading : chain[-1] + 1]:
                block.kind = _Kind.BAD


# A web address or an e-mail address: printed as a link, it is a source the text names.
_ADDRESS = re.compile(r"https?://|www\.|\S@\S+\.\w|\w\.[a-z]{2,}/")


def _is_link_block(block: _Block) -> bool:
    """Printed wholly as links' text: a menu, a teaser's headline, a share bar."""
    return all(line.link for line in block.lines) and not _ADDRESS.search(block.text)


_HOME = re.compile(
    r"^(home|forside|startside|startseite|accueil|inicio|início|inizio|hjem|hem|главная)\s",
    re.IGNORECASE,
)
# The sections a site's menu names beside its home page.
_MENU_SECTIONS = re.compile(
    r"\b(about|contact|news|world|politics|business|opinion|sports?|culture|videos?|podcasts|"
    r"tech|science|health|travel|lifestyle|entertainment|markets|indland|udland|politik|erhverv|"
    r"kultur|debat|nachrichten|wirtschaft|kontakt|actualités|monde|économie|noticias|"
    r"mundo|economía|deportes|notícias|esportes|notizie|economia)\b",
    re.IGNORECASE,
)
_MENU_LINE_WORDS = 4


def _is_menu_line(block: _Block) -> bool:
    """Whether a link block (``_is_link_block``) is a site's menu printed as one line: "Home
    About Advertisements Contact", "Home World Politics Business Opinion". Every item is
    capitalised: "Home Depot co-founder Ken Langone discusses …" is a teaser's headline, left
    to its neighbours."""
    text = block.text
    words = text.split()
    return (
        len(block.lines) == 1
        and len(words) >= _MENU_LINE_WORDS
        and bool(_HOME.match(text))
        and bool(_MENU_SECTIONS.search(text.partition(" ")[2]))
        and all(word[0].isupper() or not word[0].isalpha() for word in words)
        and not _TERMINAL.search(text)
    )


def _decide(blocks: list[_Block], web_print: bool = True) -> None:
    stopwords = _function_words(blocks)
    for block in blocks:
        block.kind = _classify(block, stopwords)
        # A link's text is no prose, however long: a teaser's headline and summary, a
        # menu. Its neighbours decide it, as they decide a short line.
        if block.kind is not _Kind.BAD and _is_link_block(block):
            block.kind = _Kind.BAD if _is_menu_line(block) else _Kind.SHORT
    # Before the stamp lines that tell comments by their signatures are dropped below.
    _drop_comment_thread(blocks)
    # Pictures' captions, credits, file names and counters, and teasers' headlines printed
    # twice, are dropped first and without a say in their neighbours' fate: pictures and
    # repeated titles sit inside articles as often as around them.
    pictures = {i for i, block in enumerate(blocks) if _is_picture_furniture(block.text)}
    # A picture's alt text sits just before its credited or labelled caption.
    alt_texts = {
        i - 1
        for i in pictures
        if i > 0
        and _is_caption(blocks[i].text)
        and blocks[i - 1].kind is _Kind.SHORT
        and _is_heading_like(blocks[i - 1].text)
    }
    doubled = _doubled_headlines(blocks)
    # Bylines and stamp lines stand between the headline and the lead, and by comments.
    # (A date alone is boilerplate with a say: it dates the teasers in a list.)
    stamps = {
        i
        for i, block in enumerate(blocks)
        if block.kind in _UNSURE
        and (_is_byline(block.text) or _is_stamp_line(block.text) or _is_handle_line(block.text))
    }
    furniture = pictures | alt_texts | doubled | stamps | _teaser_companions(blocks, doubled)
    if web_print:
        furniture |= _gallery_slides(blocks)
        furniture |= _link_teasers(blocks, furniture)
    furniture |= _author_boxes(blocks)
    furniture |= {i for i, block in enumerate(blocks) if _is_inline_chrome(block.text)}
    furniture |= _footnote_marks(blocks)
    # Teasers' excerpts, cut off with an ellipsis, several of them (a paragraph of the
    # article that trails off into a quotation is longer).
    truncated = {
        i
        for i, block in enumerate(blocks)
        if _TRUNCATED.search(block.text) and _n_words(block.text) <= _SUMMARY_WORDS
    }
    if len(truncated) >= _TRUNCATED_SERIES:
        furniture |= truncated
    rest = []
    dropped_lines = 0
    after_headline = False
    for i, block in enumerate(blocks):
        if block.headline:
            # The page's title is the article's headline, whatever it looks like: kept, but
            # it vouches for no neighbour (menus and section labels stand next to it too).
            block.kind = _Kind.GOOD
            after_headline = True
        elif i in furniture:
            block.kind = _Kind.BAD
            dropped_lines += len(block.lines)
        else:
            block.dropped_before = dropped_lines
            block.after_headline = after_headline
            dropped_lines = 0
            after_headline = False
            rest.append(block)
    labels = [block for block in rest if block.kind is _Kind.SHORT and _is_heading_like(block.text)]
    if not web_print:
        _date_title_block(rest)
    _decide_in_context(rest, web_print)
    _drop_repeated_labels(blocks, labels)
    # A call to click ("Get our app by clicking here") stands anywhere, in the article too:
    # it goes once its neighbours have been decided, as the line it looks like.
    for block in blocks:
        if block.kind is not _Kind.BAD and _is_call_to_click(block.text):
            block.kind = _Kind.BAD
    _drop_copies(blocks)


_COPY_WORDS = 6  # words that make a passage recognisable when it is printed again
_TWICE_WORDS = 3  # words of a line printed twice in a row that make it no table's cells
_COPY_REACH = 10  # blocks between a passage and its copy
_QUOTATION_MARKS = "\"'“”‘’«»„"
# A gallery's caption cut off for a "more" link, or expanded with a "less" link.
_COPY_TAIL = re.compile(r"\s*(\.{2,3}|…)?\s*(\bmore|\bless)?$", re.IGNORECASE)
_COPY_TAIL_ENDS = ("more", "less", "..", "…")


def _date_title_block(blocks: list[_Block]) -> None:
    """A report's title block (title, author, date) stands before its first prose: a date
    there is the document's ("January 3, 2024"), not a web page's stamp, and is decided
    with the block's other lines."""
    for block in blocks:
        if block.kind is _Kind.BAD and _DATELINE.match(block.text):
            block.kind = _Kind.SHORT
        elif block.kind is not _Kind.SHORT:
            return


def _drop_copies(blocks: list[_Block]) -> None:
    """Drop a kept passage that a kept block near it prints in full: a pull quote, a
    gallery's caption printed again (cut off or expanded).

    The article does not repeat itself within a few paragraphs; the longer (or the first)
    copy stays, so no text is lost.
    """
    previous = ""
    for block in blocks:
        if block.kind is _Kind.BAD:
            continue
        # A line printed twice in a row: a picture's alt text and its caption, the headline
        # and its copy in the breadcrumb.
        if block.text == previous and not block.headline and _n_words(previous) >= _TWICE_WORDS:
            block.kind = _Kind.BAD
        previous = block.text
    kept = [block for block in blocks if block.kind is not _Kind.BAD and not block.headline]
    for i, block in enumerate(kept):
        text = block.text
        if text[-4:].lower().endswith(_COPY_TAIL_ENDS):
            text = _COPY_TAIL.sub("", text)
        text = text.strip(_QUOTATION_MARKS)  # a pull quote has quotation marks of its own
        # A heading is printed again in the table of contents, and in a running header.
        if _n_words(text) < _COPY_WORDS or _CODE.search(text) or _is_heading_like(text):
            continue
        for k in range(max(0, i - _COPY_REACH), min(len(kept), i + 1 + _COPY_REACH)):
            other = kept[k].text
            if k == i or kept[k].kind is _Kind.BAD or text not in other:
                continue
            if len(other) > len(block.text) or (other == block.text and k < i):
                block.kind = _Kind.BAD
                break


_REPEATS_DROPPED = 3  # copies of a label dropped for each one kept that make it site chrome


def _drop_repeated_labels(blocks: list[_Block], labels: list[_Block]) -> None:
    """Drop the kept copies of a short label that is dropped wherever else it is printed.

    A teaser list prints its section's label ("Business") by every item, and one copy may
    stand where its neighbours keep it; a heading of the article is not printed again and
    again in the site's lists.
    """
    kept = Counter(block.text for block in labels if block.kind is not _Kind.BAD)
    dropped = Counter(block.text for block in blocks if block.kind is _Kind.BAD)
    for block in labels:
        text = block.text
        if block.kind is not _Kind.BAD and dropped[text] >= _REPEATS_DROPPED * kept[text]:
            block.kind = _Kind.BAD


def _decide_in_context(blocks: list[_Block], web_print: bool) -> None:
    """Decide the classified blocks by repetition, known sections and their neighbours."""
    # A passage that closes (or opens) page after page is an overlay the browser prints on
    # every page, such as a cookie banner: a running footer several lines long.
    edge_pages: dict[str, set[int]] = {}
    for page_blocks in _by_page(blocks).values():
        edge = page_blocks[:_EDGE_BLOCKS] + page_blocks[-_EDGE_BLOCKS:]
        for block in {id(b): b for b in edge}.values():
            edge_pages.setdefault(_shape(block.text), set()).add(block.page)
    n_pages = len({block.page for block in blocks})
    for block in blocks:
        on = edge_pages.get(_shape(block.text), set())
        if len(on) >= 3 and len(on) >= n_pages / 2:
            block.kind = _Kind.BAD

    # Runs of four or more one-to-three-word lines are menus, unless most of them hold
    # figures or code: then they are data (a table's column, poll results, prices, JSON).
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].kind is _Kind.SHORT and _is_menu_item(blocks[j]):
            j += 1
        if j - i >= 4 and not _mostly_data(blocks[i:j]):
            for block in blocks[i:j]:
                block.kind = _Kind.BAD
        i = max(j, i + 1)

    # Comments and teaser lists repeat a short time-stamp line for each entry ("2 days ago at
    # 7:52 am", "14H ago"). Once the article has been told, such a series starts the
    # site's lists: the article itself does not date its paragraphs by the clock.
    prose_words = 0
    stamps = []
    for i, block in enumerate(blocks):
        if block.kind is _Kind.GOOD:
            prose_words += _n_words(block.text)
        elif (
            prose_words >= _ARTICLE_WORDS
            and _n_words(block.text) <= 10
            and _WEB_STAMP.search(block.text)
        ):
            stamps.append(i)
    if len(stamps) >= 3:
        first = stamps[0]
        # The first entry's author or headline stands just before its stamp.
        while first > 0 and blocks[first - 1].kind is _Kind.SHORT:
            if not _is_heading_like(blocks[first - 1].text):
                break
            first -= 1
        for block in blocks[first:]:
            block.kind = _Kind.BAD

    # Teaser headlines after "Related articles"-style headings, up to the next prose that
    # ends a sentence: headlines run into one another and into their keyword lines, but
    # they do not close with a full stop. Once the article has ended (told, then several
    # lines of boilerplate: tags, a share bar, the comment form), such a section holds the
    # teasers' summaries too, up to prose longer than a summary or a lead-in ("… these:").
    in_section = article_ended = False
    prose_words = boilerplate_lines = 0
    previous: tuple[_Block, _Kind] | None = None  # the block before, if prose, and its kind
    for block in blocks:
        kind = block.kind
        prose = kind in (_Kind.GOOD, _Kind.NEAR_GOOD) and bool(_TERMINAL.search(block.text))
        tag_heading = prose_words >= _ARTICLE_WORDS and bool(_TAG_HEADING.match(block.text))
        if tag_heading:
            block.kind = _Kind.BAD
        if tag_heading or _is_section_start(block.text):
            in_section = True
            article_ended = article_ended or (
                prose_words >= _ARTICLE_WORDS and boilerplate_lines >= _END_GAP
            )
        elif in_section and article_ended and prose and previous is not None:
            # Summaries follow their headlines; paragraphs follow one another: the article
            # goes on after a sidebar's heading printed within it, from the paragraph before.
            in_section = False
            previous[0].kind = previous[1]
        elif (
            in_section
            and article_ended
            and _n_words(block.text) <= _SUMMARY_WORDS
            and not block.text.endswith(":")
        ):
            block.kind = _Kind.BAD
        elif _SENTENCE_OR_LEAD_IN.search(block.text) or (
            block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD) and _TERMINAL.search(block.text)
        ):
            in_section = False
        elif in_section and block.kind is not _Kind.BAD:
            block.kind = _Kind.BAD
        if block.kind is _Kind.GOOD:
            prose_words += _n_words(block.text)
            boilerplate_lines = 0
        else:
            boilerplate_lines += block.dropped_before
            boilerplate_lines += len(block.lines) if block.kind is _Kind.BAD else 0
        previous = (block, kind) if prose else None

    if not any(block.kind is _Kind.GOOD for block in blocks):
        if any(block.kind is _Kind.NEAR_GOOD for block in blocks):
            # Only short paragraphs: they are the best evidence of the text there is.
            for block in blocks:
                if block.kind is _Kind.NEAR_GOOD:
                    block.kind = _Kind.GOOD
        else:
            # No prose to anchor on (a table, a short notice): keep all but clear boilerplate.
            for block in blocks:
                if block.kind is _Kind.SHORT:
                    block.kind = _Kind.GOOD
            return

    unsure = [block for block in blocks if block.kind in _UNSURE]

    # Outside the article body, short blocks are headlines and labels of other content.
    regions = _article_regions(blocks)
    if web_print and regions:
        regions[-1] = _end_at_closing_section(blocks, *regions[-1])
    inside = {i for start, end in regions for i in range(start, end)}
    # The sentence just under the headline is the article's standfirst, whatever stands
    # around it (a date line, a share bar).
    inside |= {
        i
        for i, block in enumerate(blocks)
        if block.after_headline
        and block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD)
        and _FULL_STOP.search(block.text)
    }
    for i, block in enumerate(blocks):
        if i not in inside and block.kind in _UNSURE:
            block.kind = _Kind.BAD
    if web_print and regions:
        _drop_prose_after_the_end(blocks[regions[-1][1] :])
    # Outside the article, prose in pieces of a teaser's size, several of them, is a list of
    # other articles' summaries: the article's own paragraphs stand together.
    bounds = [0] + [i for region in regions for i in region] + [len(blocks)]
    for side_start, side_end in zip(bounds[::2], bounds[1::2], strict=True):
        summaries = [
            block
            for block in blocks[side_start:side_end]
            if block.kind is _Kind.GOOD and _n_words(block.text) <= _SUMMARY_WORDS
        ]
        if len(summaries) >= _SUMMARIES:
            for block in summaries:
                block.kind = _Kind.BAD
    # One such piece with boilerplate on both sides is the site's blurb ("X is where
    # tomorrow is realized …"), an appeal or a teaser; at the document's end it may be the
    # article's last paragraph after an advertisement.
    for i, block in enumerate(blocks):
        if i in inside or block.kind is not _Kind.GOOD or _n_words(block.text) > _SUMMARY_WORDS:
            continue
        if 0 < i < len(blocks) - 1 and blocks[i - 1].kind is blocks[i + 1].kind is _Kind.BAD:
            block.kind = _Kind.BAD
    for i in inside:
        if blocks[i].kind is _Kind.NEAR_GOOD:
            blocks[i].kind = _Kind.GOOD

    # Short blocks take their side from their neighbours (jusText's context step): kept
    # between prose, dropped between boilerplate; next to one of each, kept unless it is a run
    # of link-like lines. The article's headline (left out of the blocks here) is no prose:
    # the short blocks just before it (breadcrumbs, section labels) are judged as if nothing
    # followed them, and it rescues none that the whole run would drop.
    kinds = [b.kind for b in blocks]
    # After the article's last prose, a web page's runs of short lines are its link lists,
    # with a few lines among them cut off or glued to a label. A document with page
    # furniture of its own (an RFC) ends in its references and addresses instead.
    paged = any(line.furniture_before for block in blocks for line in block.lines)
    last_prose = max((k for k, kind in enumerate(kinds) if kind is _Kind.GOOD), default=-1)
    i = 0
    while i < len(blocks):
        if kinds[i] not in _UNSURE:
            i += 1
            continue
        j = i
        while j < len(blocks) and kinds[j] in _UNSURE:
            j += 1
        before = kinds[i - 1] if i > 0 else None
        after = kinds[j] if j < len(blocks) else None
        if i == 0 and not web_print and after is _Kind.GOOD:
            # A document's first lines before its first prose are its title block (title,
            # author, date, "Summary"), not a site's links: a report has no print header
            # to name its title.
            verdict = _Kind.GOOD
        else:
            verdict = _context_verdict(blocks[i:j], before, after, not paged and i > last_prose)
        for block in blocks[i:j]:
            block.kind = verdict
        # The headline stands inside the run or just after it.
        headline = next(
            (k for k in range(i + 1, j + 1) if k < len(blocks) and blocks[k].after_headline), None
        )
        if headline is not None and verdict is _Kind.GOOD:
            verdict = _context_verdict(blocks[i:headline], before, None)
            for block in blocks[i:headline]:
                block.kind = verdict
        i = j

    if not web_print:
        _keep_page_content(blocks, unsure)


def _is_closing_heading(text: str) -> bool:
    """The heading of a comment section or of the author's biography."""
    return bool(_COMMENT_HEADING.match(text) or _ABOUT_AUTHOR.match(text))


def _end_at_closing_section(blocks: list[_Block], start: int, end: int) -> tuple[int, int]:
    """The region up to the heading of a comment section or of the author's biography, or
    up to the article's tags, once the article has started: readers' comments, biographies and
    the teasers under the tags are prose too, and would carry the region on. (Share bars and
    newsletter boxes stand inside articles as well.)"""
    words = 0
    for i in range(start, end):
        text = blocks[i].text
        closing = _is_closing_heading(text) and not _COMMENT_TOPIC.match(text)
        tags = blocks[i].kind is _Kind.BAD and _is_tag_line(text)
        if words >= _ARTICLE_WORDS and (tags or closing):
            return start, i
        if blocks[i].kind is _Kind.GOOD:
            words += _n_words(text)
    return start, end


def _is_end_marker(block: _Block) -> bool:
    """Boilerplate that tells that the article is over: a site's section ("Related", "Most
    read", "Comments"), a share bar, tags, a newsletter's box, a pitch, the copyright."""
    text = block.text
    return block.kind is _Kind.BAD and (
        _is_section_start(text)
        or _is_closing_heading(text)
        or _is_share_bar(_WORD.findall(text))
        or _is_share_chrome(text)
        or _is_tag_line(text)
        or _is_newsletter_box(text)
        or bool(_COPYRIGHT.search(text) or _PITCH.search(text))
    )


def _drop_prose_after_the_end(tail: list[_Block]) -> None:
    """Prose after the article's last region, once a marker has told that the article is
    over, is another text: comments, an author's biography, an appeal, other articles."""
    ended = False
    for block in tail:
        ended = ended or _is_end_marker(block)
        if ended and block.kind is _Kind.GOOD:
            block.kind = _Kind.BAD


def _context_verdict(
    run: list[_Block], before: _Kind | None, after: _Kind | None, trailing: bool = False
) -> _Kind:
    """The side that a run of short blocks takes, given the kinds of its neighbours.

    A run between prose and boilerplate is dropped when it is a list of links; a run that
    trails the article's last prose may hold a few lines that don't look like links, as
    long as it opens with one (the article's own last line would come first).
    """
    if before is not _Kind.GOOD and after is not _Kind.GOOD:
        return _Kind.BAD
    if before is _Kind.GOOD and after is _Kind.GOOD:
        return _Kind.GOOD
    # Links next to boilerplate are the site's: a teaser, a menu, "Read more". Between two
    # paragraphs they may be the article's own (a list of sources, a shop's offers).
    if all(_is_link_block(b) for b in run):
        return _Kind.BAD
    link_like = sum(_is_heading_like(b.text) or _is_link_block(b) for b in run)
    share = _TRAILING_LINK_SHARE if trailing and _is_heading_like(run[0].text) else 1.0
    if len(run) >= 3 and link_like >= share * len(run) and not _mostly_data(run):
        return _Kind.BAD
    return _Kind.GOOD


def _keep_page_content(blocks: list[_Block], unsure: list[_Block]) -> None:
    """Keep a page's unsure blocks when context alone would leave the page empty.

    Context (distance from the main text, boilerplate neighbours) is weak evidence next to a
    page break: a scanned report's page of short headings is content. Blocks that repeat in
    the document (running headers, link lists) stay dropped.
    """
    ids = {id(block) for block in unsure}
    # Pages with something kept, or with boilerplate recognised as such, are left alone.
    decided = {
        block.page for block in blocks if block.kind is not _Kind.BAD or id(block) not in ids
    }
    shapes = Counter(_shape(block.text) for block in blocks)
    for block in unsure:
        if block.page not in decided and shapes[_shape(block.text)] == 1:
            block.kind = _Kind.GOOD


_BAD_LINE_COST = 4.0
_TRAILING_LINK_SHARE = 0.75  # links in a run of short lines after the article's last prose
_SUMMARY_WORDS = 80  # a teaser's summary is a sentence or three
_SUMMARIES = 3  # summaries that make a list of teasers
# Short prose counts for little: a string of teasers' summaries must not look like an article.
_NEAR_GOOD_WEIGHT = 0.25
_SHORT_LINE_COST = 1.0


def _main_region(blocks: list[_Block]) -> tuple[int, int]:
    """The stretch of blocks with the most prose net of boilerplate (Finn et al.'s BTE).

    Prose words count for it, lines of boilerplate (also lines printed as links' text: a
    teaser's, a menu's) and of short blocks against it, so the stretch bridges a few
    captions or a menu inside the article but not pages of teasers.
    """
    best, best_range = 0.0, (0, len(blocks))
    score, start = 0.0, 0
    prose = [block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD) for block in blocks]
    for i, block in enumerate(blocks):
        if block.kind is _Kind.GOOD:
            value = float(len(block.text.split()))
        elif block.kind is _Kind.NEAR_GOOD:
            # Short paragraphs in a row are an article told a sentence at a time; a teaser's
            # summary stands between headlines.
            in_row = (i > 0 and prose[i - 1]) or (i + 1 < len(blocks) and prose[i + 1])
            value = (1.0 if in_row else _NEAR_GOOD_WEIGHT) * len(block.text.split())
        elif block.kind is _Kind.BAD or _is_link_block(block):
            # A line printed as a link's text weighs as boilerplate: teasers and menus.
            value = -_BAD_LINE_COST * len(block.lines)
        else:
            value = -_SHORT_LINE_COST * len(block.lines)
        value -= _BAD_LINE_COST * block.dropped_before
        if score <= 0:
            score, start = 0.0, i
        score += value
        if score > best:
            best, best_range = score, (start, i + 1)
    # Lists and headings that carry on from the article up to the next boilerplate belong to it.
    start, end = best_range
    while start > 0 and blocks[start - 1].kind is not _Kind.BAD:
        start -= 1
    while end < len(blocks) and blocks[end].kind is not _Kind.BAD:
        end += 1
    return start, end


def _carries_article(block: _Block) -> bool:
    """Whether a block is prose or a list item, the stuff that carries an article on."""
    return block.kind in (_Kind.GOOD, _Kind.NEAR_GOOD) or bool(_BULLET.match(block.text))


def _prose_opens_next_page(blocks: list[_Block], start: int) -> bool:
    """Whether the blocks from START to the end of its page hold no prose, and the next
    page opens with prose."""
    page = blocks[start].page
    i = start
    while i < len(blocks) and blocks[i].page == page:
        if _carries_article(blocks[i]):
            return False
        i += 1
    return i < len(blocks) and blocks[i].kind in (_Kind.GOOD, _Kind.NEAR_GOOD)


def _article_regions(blocks: list[_Block]) -> list[tuple[int, int]]:
    """The main region, and its continuations over page breaks, in order.

    A printed page lays out the article's column first and its sidebar (most read, teasers,
    newsletter box) after it, page by page: the article then stops before a page's sidebar
    and resumes at the top of the next page. A region that ends in a page's sidebar carries
    on with the prose that opens the next page, and one that opens a page carries on back
    from the prose before the previous page's sidebar.
    """
    start, end = _main_region(blocks)
    regions = [(start, end)]

    def extend(i: int, step: int) -> int:
        while 0 <= i + step < len(blocks) and blocks[i + step].kind is not _Kind.BAD:
            i += step
        return i

    # Forward: the region's last page's remaining blocks hold no prose, the next page
    # opens with prose.
    while end < len(blocks):
        page = blocks[end - 1].page
        nxt = next((i for i in range(end, len(blocks)) if blocks[i].page != page), None)
        if nxt is None or any(b.kind is _Kind.GOOD for b in blocks[end:nxt]):
            break
        if blocks[nxt].kind not in (_Kind.GOOD, _Kind.NEAR_GOOD):
            break
        new_end = extend(nxt, 1) + 1
        # It ends with its last prose or list item: short blocks after them, up to the next
        # boilerplate, are the foot of the page (a notice, tags, an author box).
        while not _carries_article(blocks[new_end - 1]):
            new_end -= 1
        regions.append((nxt, new_end))
        end = new_end
    # Backward: the region opens a page (or only short blocks at the foot of the page
    # before lead to the prose that opens it: a sidebar's box, a heading), and the previous
    # page's last prose stands before blocks without prose.
    while start > 0 and (
        blocks[start - 1].page != blocks[start].page or _prose_opens_next_page(blocks, start)
    ):
        prose = next(
            (
                i
                for i in range(start - 1, -1, -1)
                if blocks[i].kind in (_Kind.GOOD, _Kind.NEAR_GOOD)
            ),
            None,
        )
        if prose is None or blocks[prose].page != blocks[start - 1].page:
            break
        new_start = extend(prose, -1)
        regions.insert(0, (new_start, prose + 1))
        start = new_start
    return regions


# --------------------------------------------------------------------------- API


_SITE_LINK_LINES = 20  # short lines printed as links that make a site's menus and teasers
_SITE_LINK_WORDS = 8


def _site_link_lines(pages: list[list[_Line]]) -> int:
    """How many short lines the document prints as links' text (not web addresses, which a
    report prints as its sources): a web page's menus, teasers and share bars."""
    return sum(
        1
        for lines in pages
        for line in lines
        if line.link
        and _n_words(line.stripped) <= _SITE_LINK_WORDS
        and not _ADDRESS.search(line.stripped)
    )


# Tesseract often reads the pronoun "I" as a bar: "| think", "\"| don't", "|'m". A bar that
# separates menu items stands between capitalised names; it is mended only in the text kept.
_OCR_BAR_FOR_I = re.compile(r"(?<![^\s\"“‘(\[])\|(?=\s[a-z]|['’](?:m|ll|d|ve)\b)")


def clean_pages(
    pages: list[str], link_lines: Sequence[Collection[int]] = (), browser_made: bool = False
) -> list[str]:
    """Cleaned text per page (same length as pages), paragraphs separated by a blank line.

    LINK_LINES, when known, holds for each page the numbers of its lines (counted from 0,
    split at line breaks) that the PDF prints as a link's text. BROWSER_MADE tells that a
    web browser made the PDF (``extract.made_by_browser``), with or without its print header.
    """
    page_lines = _page_lines(pages, link_lines)
    headline = _page_headline(page_lines)
    web_print = _remove_positional(page_lines)
    # A browser's PDF without the print header hyphenates like a browser, and its links are
    # the site's. It is judged as a web page when it has a site's menus and teaser lists;
    # else as a report, as a report made with a browser's engine (HTML to PDF) looks the
    # same.
    browser = web_print or browser_made
    if browser_made and not web_print:
        web_print = _site_link_lines(page_lines) >= _SITE_LINK_LINES
    if not browser:
        # A report's links are its sources and cross-references, not a site's menus.
        for line in (line for lines in page_lines for line in lines):
            line.link = False
    vocabulary = _vocabulary(page_lines)
    blocks = _assemble(page_lines, headline, report=not web_print)
    for block in blocks:
        block.text = " ".join(_join_lines(block, vocabulary, browser).split())
    _decide(blocks, web_print)

    out: list[list[str]] = [[] for _ in pages]
    for block in blocks:
        if block.kind is not _Kind.BAD:
            out[block.page].append(_OCR_BAR_FOR_I.sub("I", block.text))
    return ["\n\n".join(parts) for parts in out]


def clean_text(
    pages: list[str], link_lines: Sequence[Collection[int]] = (), browser_made: bool = False
) -> str:
    """The non-empty cleaned pages joined with a blank line."""
    return "\n\n".join(page for page in clean_pages(pages, link_lines, browser_made) if page)
