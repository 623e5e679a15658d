"""Page furniture (consent banners, comments, bylines, ...) on small pages in five languages."""
import json
import pickle

import pytest

import synopsis as sy
from furniture_pages import ABOUT_COOKIES, EXPECTED, PAGES, TITLES


def furniture_kinds(doc):
    """The boilerplate kind of each furniture paragraph, in page order."""
    kinds = []
    for p in doc.paragraphs:
        sentences = doc.sentences[p.sentences[0]:p.sentences[1]]
        found = {s.boilerplate_kind for s in sentences}
        assert len(found) == 1, f"one kind per paragraph, got {found} in {p.text!r}"
        kind = found.pop()
        if kind is not None:
            kinds.append(kind)
    return kinds


@pytest.mark.parametrize("language", sorted(PAGES))
def test_each_kind_of_furniture_is_recognised(language):
    doc = sy.segment(PAGES[language], language=language)
    assert furniture_kinds(doc) == EXPECTED[language]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_headline_is_found_after_the_banner(language):
    doc = sy.segment(PAGES[language], language=language)
    assert doc.title == TITLES[language]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_only_the_article_is_prose(language):
    doc = sy.segment(PAGES[language], language=language)
    assert len(doc.prose) == (6 if language == "en" else 4)
    assert all(s.boilerplate_kind is None and not s.is_heading for s in doc.prose)
    assert all(s.is_boilerplate == (s.boilerplate_kind is not None) for s in doc.sentences)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_comments_are_their_text(language):
    doc = sy.segment(PAGES[language], language=language)
    assert doc.comments
    assert all(s.boilerplate_kind == "comment" and not s.is_heading for s in doc.comments)
    texts = " ".join(s.text for s in doc.comments)
    assert "(" not in texts  # "Comments (3)" and "Like (4)" are controls, not comments


def test_prose_about_cookies_and_newsletters_is_kept():
    doc = sy.segment(ABOUT_COOKIES)
    assert doc.title == "Regulators Tighten Rules on Website Cookies"
    assert [s.boilerplate_kind for s in doc.sentences] == [None] * len(doc.sentences)
    assert len(doc.prose) == 6


def test_a_quoted_banner_is_prose():
    text = ("Storm Hits Coast\n\n"
            '"We use cookies to improve your experience, and by continuing to browse you agree to our cookie policy," '
            "the notice on the council's flood page read on Monday. Residents said the page was hard to use.")
    doc = sy.segment(text)
    assert len(doc.prose) == 2


def test_summaries_leave_furniture_and_comments_out_by_default():
    chosen = sy.summarize(PAGES["en"], sentences=50)
    assert {s.text for s in chosen.sentences} == {s.text for s in sy.segment(PAGES["en"]).prose}


def test_summaries_include_comments_on_request():
    comments = {s.text for s in sy.segment(PAGES["en"]).comments}
    chosen = {s.text for s in sy.summarize(PAGES["en"], sentences=50, include_comments=True).sentences}
    assert comments <= chosen
    assert "Reply · Like (4)" not in chosen
    summarizer = sy.Summarizer(include_comments=True)
    assert summarizer.options == {"include_comments": True}
    assert pickle.loads(pickle.dumps(summarizer)) == summarizer


def test_keywords_include_comments_on_request():
    default = {k.phrase.lower() for k in sy.keywords(PAGES["en"], top=200)}
    assert "drainage engineers" not in default
    assert not any("cookie" in p or "preferences" in p for p in default)
    included = {k.phrase.lower() for k in sy.keywords(PAGES["en"], top=200, include_comments=True)}
    assert "drainage engineers" in included
    extractor = sy.KeywordExtractor(include_comments=True)
    assert extractor.get_params()["include_comments"] is True


def test_stance_includes_comments_on_request():
    target = "the council ignored warnings about the flood wall"
    comments = {s.index for s in sy.segment(PAGES["en"]).comments}
    default = sy.StanceTagger(target).tag(PAGES["en"])
    assert comments.isdisjoint(s.index for s in default.sentences)
    tagger = sy.StanceTagger(target, include_comments=True)
    assert comments <= {s.index for s in tagger.tag(PAGES["en"]).sentences}
    again = pickle.loads(pickle.dumps(tagger))
    assert "include_comments=True" in repr(again)
    assert {s.index for s in again.tag(PAGES["en"]).sentences} >= comments


@pytest.mark.parametrize("make", [lambda: sy.Summarizer(include_comments="yes"),
                                  lambda: sy.KeywordExtractor(include_comments=[]),
                                  lambda: sy.StanceTagger("x", include_comments="no")])
def test_include_comments_must_be_a_bool(make):
    with pytest.raises(TypeError):
        make()


def test_kinds_in_plain_data_and_pickles():
    doc = sy.segment(PAGES["en"])
    rows = doc.to_dict()["sentences"]
    assert rows[0]["boilerplate_kind"] == "consent"
    assert all(("boilerplate_kind" in row) for row in rows)
    json.dumps(doc.to_dict())
    s = doc.sentences[0]
    assert pickle.loads(pickle.dumps(s)).boilerplate_kind == "consent"
    assert "consent" in repr(s)
    assert "boilerplate: consent" in doc._repr_html_()


def test_a_sentence_state_must_agree_with_its_kind():
    s = sy.segment(PAGES["en"]).sentences[0]
    state = list(s.__getstate__())
    state[7] = "none"
    with pytest.raises(ValueError, match="boilerplate_kind"):
        type(s).__new__(type(s)).__setstate__(tuple(state))
    state[7] = "cookie"
    with pytest.raises(ValueError):
        type(s).__new__(type(s)).__setstate__(tuple(state))


def test_bylines_and_datelines_stay_available():
    doc = sy.segment(PAGES["en"])
    by_kind = {s.boilerplate_kind: s.text for s in doc.sentences if s.boilerplate_kind}
    assert by_kind["byline"] == "By Jane Smith, BBC News"
    assert by_kind["dateline"] == "Published 3 hours ago"


def test_short_lines_of_ordinary_words_are_headings():
    doc = sy.segment("Storm Hits Coast\n\n"
                     "The storm reached the coast on Monday night and damaged hundreds of homes.\n\n"
                     "Shares and savings\n\n"
                     "Officials said repairs would take weeks and insurers expect large claims.")
    assert [s.boilerplate_kind for s in doc.sentences] == [None] * 4
    assert doc.sentences[2].is_heading


def cli(*args, text):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "synopsis", *args], input=text, capture_output=True, text=True,
                          timeout=120)


def test_cli_segment_shows_the_kind():
    done = cli("segment", text=PAGES["en"])
    assert done.returncode == 0, done.stderr
    assert "   0 B [consent] We use cookies to improve your experience." in done.stdout.splitlines()
    assert "[byline] By Jane Smith, BBC News" in done.stdout


def test_cli_include_comments():
    default = cli("summarize", "--sentences", "50", text=PAGES["en"])
    included = cli("summarize", "--sentences", "50", "--include-comments", text=PAGES["en"])
    assert default.returncode == 0 and included.returncode == 0, default.stderr + included.stderr
    assert "drainage engineers" not in default.stdout
    assert "drainage engineers" in included.stdout
    keyphrases = cli("keywords", "--top", "200", "--include-comments", text=PAGES["en"])
    assert "drainage engineers" in keyphrases.stdout.lower()
    stance = cli("stance", "--target", "the council ignored warnings", "--include-comments", "--format", "jsonl",
                 text=PAGES["en"])
    assert stance.returncode == 0, stance.stderr
    comment = {s.index for s in sy.segment(PAGES["en"]).comments}
    assert comment <= {s["index"] for s in json.loads(stance.stdout)["sentences"]}
    with_model = cli("stance", "--target", "x", "--model", "model.bin", "--include-comments", text=PAGES["en"])
    assert with_model.returncode == 2 and "--include-comments" in with_model.stderr


# A page as a scraper's get_text() gives it: one block a line, no blank lines, the article in
# English and the site's furniture in German.
GET_TEXT_PAGE = """Ihre Privatsphäre ist uns wichtig
Wir und unsere Partner speichern Informationen auf Ihrem Gerät, um Inhalte und Anzeigen zu personalisieren. Ihre Einwilligung können Sie jederzeit widerrufen.
Alle akzeptieren
Ablehnen
Startseite
Politik
Wirtschaft
Sport
Kultur
Council Approves New Flood Barrier
Von Anna Schneider
Aktualisiert vor 2 Stunden
The city council approved a new flood barrier on Tuesday after two years of debate about its cost and its route along the river.
Der Damm am Fluss im Frühjahr. Foto: dpa
Work on the barrier will start in the spring and should be finished before the autumn storms, officials said.
The barrier will protect about four thousand homes in the lower town, according to the council's engineers.
Kommentare (3)
anna1964
vor 5 Minuten
Endlich passiert etwas.
Das hat viel zu lange gedauert.
heike_89 schreibt:
Und wer bezahlt das am Ende?
Antworten
© 2024 Rheinische Tagespost. Alle Rechte vorbehalten.
"""


def test_a_get_text_page_with_furniture_in_another_language():
    doc = sy.segment(GET_TEXT_PAGE)
    assert doc.language == "en"
    assert doc.title == "Council Approves New Flood Barrier"
    assert [s.text for s in doc.prose] == [
        "The city council approved a new flood barrier on Tuesday after two years of debate about its cost and its route along the river.",
        "Work on the barrier will start in the spring and should be finished before the autumn storms, officials said.",
        "The barrier will protect about four thousand homes in the lower town, according to the council's engineers.",
    ]
    kinds = {s.text: s.boilerplate_kind for s in doc.sentences}
    assert kinds["Alle akzeptieren"] == kinds["Ablehnen"] == "consent"
    assert kinds["Von Anna Schneider"] == "byline"
    assert kinds["Foto: dpa"] == kinds["Der Damm am Fluss im Frühjahr."] == "caption"
    assert {s.text for s in doc.comments} == {
        "Endlich passiert etwas.", "Das hat viel zu lange gedauert.", "Und wer bezahlt das am Ende?"}
    summary = sy.summarize(GET_TEXT_PAGE, sentences=2)
    assert all(s.text in {p.text for p in doc.prose} for s in summary.sentences)


def test_short_lines_stand_alone_in_text_with_one_block_a_line():
    # "grumpy42" starts in lower case but follows a short line: not a wrapped sentence.
    text = ("Storm Closes Schools\n"
            "Heavy rain flooded the valley on Monday, and the river rose two metres overnight while crews worked.\n"
            "Have your say\ngrumpy42\n2 hours ago\nThis is ridiculous.\n")
    doc = sy.segment(text)
    assert "Have your say" in [s.text for s in doc.sentences]
    assert "grumpy42" in [s.text for s in doc.sentences]
    assert [s.text for s in doc.comments] == ["This is ridiculous."]
    wrapped = sy.segment("The committee met on Monday and agreed\nto raise the budget for next year.")
    assert [s.text for s in wrapped.sentences] == ["The committee met on Monday and agreed\nto raise the budget for next year."]


def test_the_headline_is_found_below_a_menu_and_a_long_banner():
    text = ("This site uses cookies. Some are essential, others help us understand how you use the site. "
            "You can change your choices at any time.\nOK\n"
            + "\n".join(["Home", "News", "Sport", "Business", "Weather"])
            + "\nMinisters Back Plan for Rural Buses\nJane Holloway, Political correspondent\n"
            "Ministers backed a plan on Monday to restore bus routes that were cut in rural areas over the last decade.\n"
            "The routes will be paid for by a new fund that councils can bid for from next spring.\n")
    doc = sy.segment(text)
    assert doc.title == "Ministers Back Plan for Rural Buses"
    assert len(doc.prose) == 2
    title = next(s.index for s in doc.sentences if s.text == doc.title)
    assert all(s.is_boilerplate for s in doc.sentences[:title])



ARTICLE_FR = ("Le conseil municipal a voté mardi la construction d'une nouvelle digue le long du fleuve. "
              "Les travaux commenceront au printemps et dureront deux ans.\n\n"
              "La digue protégera environ quatre mille logements de la ville basse, selon les ingénieurs.\n\n")


def test_comment_meta_lines_by_their_parts():
    # A name with an initial and a day, a handle and a time in words, a name and "a écrit :",
    # a name alone above its time: each opens a comment whose text follows.
    text = ("La ville vote une nouvelle digue\n\n" + ARTICLE_FR + "Commentaires (4)\n\n"
            "Camille R. · hier\n\nEnfin une bonne nouvelle.\n\n"
            "riverain_77 il y a 5 min\n\nEt qui va payer la facture ?\n\n"
            "Pierre D. a écrit :\n\nIl était temps.\n\n"
            "Lucie M.\n\nil y a une heure\n\nJe n'y crois pas.\n")
    doc = sy.segment(text, language="fr")
    assert doc.title == "La ville vote une nouvelle digue"
    assert [s.text for s in doc.comments] == [
        "Enfin une bonne nouvelle.", "Et qui va payer la facture ?", "Il était temps.", "Je n'y crois pas."]
    kinds = {s.text: s.boilerplate_kind for s in doc.sentences}
    for meta in ("Camille R. · hier", "riverain_77 il y a 5 min", "Pierre D. a écrit :", "Lucie M.", "il y a une heure"):
        assert kinds[meta] == "comment", meta
    assert len(doc.prose) == 3
    assert all(s.text not in kinds or kinds[s.text] is None for s in sy.summarize(text, sentences=3).sentences)


def test_a_name_and_a_time_above_the_article_opens_no_comment():
    text = "Ferry Services Cut\n\nMartin Keller 3 hours ago\n\n" + (
        "The ferry company cut two of its winter routes on Friday, blaming rising fuel costs.\n\n"
        "Islanders said the decision would leave them without a service for three days a week.\n")
    doc = sy.segment(text)
    assert not doc.comments
    assert len(doc.prose) == 2
    assert doc.title == "Ferry Services Cut"


def test_a_paywall_of_short_lines_is_one_box():
    text = ("Ferry Services Cut\n\n"
            "The ferry company cut two of its winter routes on Friday, blaming rising fuel costs.\n\n"
            "Islanders said the decision would leave them without a service for three days a week.\n\n"
            "This story is for subscribers\n\nQuality journalism. Cancel anytime.\n\n"
            "See subscription plans\n\nSign in\n")
    kinds = {s.text: s.boilerplate_kind for s in sy.segment(text).sentences}
    assert {kinds[t] for t in ("This story is for subscribers", "Quality journalism.", "Cancel anytime.",
                               "See subscription plans", "Sign in")} == {"subscription"}


@pytest.mark.parametrize("language,skip", [("en", "Skip to main content"), ("fr", "Aller au contenu"),
                                           ("es", "Ir al contenido")])
def test_a_skip_link_is_navigation_and_no_title(language, skip):
    body = {"en": "The ferry company cut two of its winter routes on Friday, blaming rising fuel costs. "
                  "Islanders said the decision would leave them without a service.\n",
            "fr": ARTICLE_FR,
            "es": "La compañía de ferris suprimió el viernes dos de sus rutas de invierno por el precio del "
                  "combustible. Los vecinos de la isla dicen que se quedarán sin servicio.\n"}[language]
    doc = sy.segment(skip + "\n\n" + body, language=language)
    assert doc.title is None
    assert doc.sentences[0].boilerplate_kind == "navigation"


def test_get_text_keeps_a_headline_apart_from_its_byline():
    # One block a line without blank lines: a headline of more than 48 bytes that ends in a
    # function word does not run on into the byline below it.
    text = ("Menu\nSearch\nIslanders fear the winter will be long without it\nby Martin Keller\n"
            "The ferry company cut two of its winter routes on Friday, blaming rising fuel costs, and said "
            "the remaining crossings would run only when the weather allowed. Islanders said the decision "
            "would leave them without a service for three days a week.\n"
            "The company said it would review the timetable in the spring, once it knew the new price of fuel "
            "and the number of passengers it could expect over the summer months.\n")
    doc = sy.segment(text)
    assert doc.title == "Islanders fear the winter will be long without it"
    assert doc.sentences[3].boilerplate_kind == "byline"


def test_a_credit_alone_in_brackets_takes_its_caption():
    text = ("Ferry Services Cut\n\n"
            "The ferry company cut two of its winter routes on Friday, blaming rising fuel costs.\n\n"
            "The quay at low tide.\n\n(Island Archive/Tom Reid)\n\n"
            "Islanders said the decision would leave them without a service for three days a week.\n")
    kinds = {s.text: s.boilerplate_kind for s in sy.segment(text).sentences}
    assert kinds["(Island Archive/Tom Reid)"] == kinds["The quay at low tide."] == "caption"
    # A bracketed aside in prose is no credit.
    aside = sy.segment("Ferry Services Cut\n\n(The company declined to comment on the cuts.)\n\n"
                       "Islanders said the decision would leave them without a service for three days a week.\n")
    assert all(s.boilerplate_kind is None for s in aside.sentences)


def test_a_newsletter_card_that_speaks_as_the_site_is_one_box():
    text = ("La ville vote une nouvelle digue\n\n" + ARTICLE_FR +
            "Le courrier du dimanche\n\nL'essentiel de la semaine, choisi par notre équipe.\n\n"
            "S'inscrire\n")
    kinds = {s.text: s.boilerplate_kind for s in sy.segment(text, language="fr").sentences}
    assert {kinds[t] for t in ("Le courrier du dimanche", "L'essentiel de la semaine, choisi par notre équipe.",
                               "S'inscrire")} == {"subscription"}


def test_short_cookie_lines_above_a_consent_button_are_its_banner():
    text = ("Usamos cookies propias.\n\nPuedes retirar tu permiso de cookies cuando quieras.\n\nAceptar todo\n\n"
            "La crecida del río inunda el centro\n\n"
            "El río se desbordó la noche del lunes e inundó cientos de viviendas en el centro de la ciudad.\n\n"
            "Las escuelas seguirán cerradas hasta que se restablezca el suministro eléctrico.\n")
    doc = sy.segment(text, language="es")
    assert [s.boilerplate_kind for s in doc.sentences[:3]] == ["consent"] * 3
    assert doc.title == "La crecida del río inunda el centro"
    assert len(doc.prose) == 2


def test_a_french_share_line_that_names_the_article_is_a_share_bar():
    # "article" and "e-mail" are English words too: the cue "partager cet article" claims them.
    text = ("Mis à jour le 12/03/2021 à 09:15\n"
            "Partager cet article E-mail X\n"
            "The harbour authority closed the northern pier on Friday after engineers found cracks in its supports.\n"
            "Boats will use the southern pier until repairs are finished, which could take several months.\n"
            "Photo d'archives prise l'an dernier.\n"
            "Vous pouvez vous désinscrire à tout moment via le lien présent dans chaque e-mail.\n")
    doc = sy.segment(text)
    share = next(s for s in doc.sentences if s.text == "Partager cet article E-mail X")
    assert share.is_boilerplate and not share.is_prose
    assert all("partager" not in k.phrase.lower() for k in sy.keywords(text, 10))


def test_a_spanish_read_more_header_with_its_link_is_related():
    text = ("La crecida del río inunda el centro\n\n"
            "El río se desbordó la noche del lunes e inundó cientos de viviendas en el centro de la ciudad.\n\n"
            "MÁS INFORMACIÓN: Los bomberos piden no acercarse a los puentes\n\n"
            "Las escuelas seguirán cerradas hasta que se restablezca el suministro eléctrico.\n")
    doc = sy.segment(text, language="es")
    kinds = {s.text: s.boilerplate_kind for s in doc.sentences}
    assert kinds["MÁS INFORMACIÓN: Los bomberos piden no acercarse a los puentes"] == "related"
    assert len(doc.prose) == 2
    assert all("información" not in k.phrase.lower() for k in sy.keywords(text, 10, language="es"))


def test_one_french_line_and_one_leaning_to_french_bring_the_french_cues():
    # "Publié il y a 2 heures" is written in French (two of its stopwords, none of English);
    # "Lire aussi ... ce week-end" has one French stopword and no English one.
    text = ("Publié il y a 2 heures\n\n"
            "The harbour authority closed the northern pier on Friday after engineers found cracks in its supports.\n\n"
            "Lire aussi : Grève portuaire : les ferries reprennent ce week-end\n\n"
            "Boats will use the southern pier until repairs are finished, which could take several months.\n")
    doc = sy.segment(text)
    assert doc.language == "en"
    kinds = {s.text: s.boilerplate_kind for s in doc.sentences}
    assert kinds["Publié il y a 2 heures"] == "dateline"
    assert kinds["Lire aussi : Grève portuaire : les ferries reprennent ce week-end"] == "related"
    assert len(doc.prose) == 2
    phrases = {k.phrase.lower() for k in sy.keywords(text, 10)}
    assert not phrases & {"publié", "heures", "lire"}
    # One French word in an English line is not enough ("Le Monde reported ...").
    quoted = sy.segment("Le Monde reported the closure on Friday.\n\n"
                        "Boats will use the southern pier until repairs are finished, which could take months.\n")
    assert all(s.boilerplate_kind is None for s in quoted.sentences)


def test_the_headline_is_the_line_above_the_byline():
    # The article's first line has no period and is longer than the headline; the byline
    # between them marks which is which.
    text = ("Home\nNews\nSport\nWeather\n"
            "Ferry fares 'to rise in May'\n"
            "Priya Raman 04/12/2022\n"
            "The cost of island crossings in figures\n"
            "The ferry operator said on Monday that fares would rise by a tenth from May to pay for new boats.\n"
            "Islanders said the rise would hit families who travel to the mainland for school and work.\n")
    doc = sy.segment(text)
    assert doc.title == "Ferry fares 'to rise in May'"
    # Without a headline, the menu word above the byline is no title.
    menu = sy.segment(text.replace("Ferry fares 'to rise in May'\n", ""))
    assert menu.title != "Weather"
