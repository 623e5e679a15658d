"""Sentence boundaries that a careful human annotator would draw.

Every case gives the input text, its language and the full list of sentence
texts expected from ``synopsis.segment``.  A sentence's text is the slice of
the input it covers, stripped of surrounding whitespace; whitespace inside a
sentence (a line break in hard-wrapped prose, say) is kept as it is.

The cases aim at the places where a naive "split after . ! ?" rule goes wrong
in one direction or the other: abbreviations, initials, acronyms, numbers,
addresses, ellipses, quotes, lists, line layout, and the conventions of a few
languages other than English.
"""

import pytest

import synopsis as sy


def case(text, expected, *, id, language="en"):
    return pytest.param(language, text, expected, id=id)


# --------------------------------------------------------------------------
# English: titles and abbreviations
# --------------------------------------------------------------------------
ABBREVIATIONS = [
    case(
        "Mr. Smith arrived late. He apologized.",
        ["Mr. Smith arrived late.", "He apologized."],
        id="en-mr-title",
    ),
    case(
        "Mrs. Patel met Dr. Okafor at noon. They talked for an hour.",
        ["Mrs. Patel met Dr. Okafor at noon.", "They talked for an hour."],
        id="en-mrs-dr-titles",
    ),
    case(
        "Mr. and Mrs. Kim arrived early. The hall was still empty.",
        ["Mr. and Mrs. Kim arrived early.", "The hall was still empty."],
        id="en-mr-and-mrs",
    ),
    case(
        "We visited St. Paul's Cathedral on Sunday.",
        ["We visited St. Paul's Cathedral on Sunday."],
        id="en-st-saint-mid",
    ),
    case(
        "They live on Oak St. The house has a red door.",
        ["They live on Oak St.", "The house has a red door."],
        id="en-st-street-end",
    ),
    case(
        "They climbed Mt. Ararat in July. It took four days.",
        ["They climbed Mt. Ararat in July.", "It took four days."],
        id="en-mt-mid",
    ),
    case(
        "Brown & Co. was founded in 1890.",
        ["Brown & Co. was founded in 1890."],
        id="en-co-mid",
    ),
    case(
        "She founded Brightline Co. It now has ten staff.",
        ["She founded Brightline Co.", "It now has ten staff."],
        id="en-co-end-it",
    ),
    case(
        "Martin Luther King Jr. was born in Atlanta.",
        ["Martin Luther King Jr. was born in Atlanta."],
        id="en-jr-mid",
    ),
    case(
        "The prize went to Sam Davis Jr. He accepted it in person.",
        ["The prize went to Sam Davis Jr.", "He accepted it in person."],
        id="en-jr-end-he",
    ),
    case(
        "Globex Inc. reported a loss in May.",
        ["Globex Inc. reported a loss in May."],
        id="en-inc-mid",
    ),
    case(
        "He works at Initech Inc. The pay is good.",
        ["He works at Initech Inc.", "The pay is good."],
        id="en-inc-end-the",
    ),
    case(
        "The quote is on p. 55 of the report.",
        ["The quote is on p. 55 of the report."],
        id="en-page-mid",
    ),
    case(
        "Bring something sweet, e.g. cake or fruit, to the picnic.",
        ["Bring something sweet, e.g. cake or fruit, to the picnic."],
        id="en-eg-mid",
    ),
    case(
        "Some cities, e.g., Paris and Rome, are crowded in summer.",
        ["Some cities, e.g., Paris and Rome, are crowded in summer."],
        id="en-eg-comma-before-capital",
    ),
    case(
        "They visited the capital, i.e. London, in May.",
        ["They visited the capital, i.e. London, in May."],
        id="en-ie-before-capital",
    ),
    case(
        "Pens, pencils, etc. are on the top shelf.",
        ["Pens, pencils, etc. are on the top shelf."],
        id="en-etc-mid",
    ),
    case(
        "We sold pens, pencils, paper, etc. They all went fast.",
        ["We sold pens, pencils, paper, etc.", "They all went fast."],
        id="en-etc-end-they",
    ),
    case(
        "We still need eggs, milk, flour, etc. How much money is left?",
        ["We still need eggs, milk, flour, etc.", "How much money is left?"],
        id="en-etc-end-how",
    ),
    case(
        "Bring tools (hammers, saws, etc.) to the workshop.",
        ["Bring tools (hammers, saws, etc.) to the workshop."],
        id="en-etc-in-parentheses",
    ),
    case(
        "Smith et al. found the same effect. This was shown again by Lee et al. They used mice.",
        [
            "Smith et al. found the same effect.",
            "This was shown again by Lee et al.",
            "They used mice.",
        ],
        id="en-et-al-mid-and-end",
    ),
    case(
        "The trial was moved to Jan. 5 next year.",
        ["The trial was moved to Jan. 5 next year."],
        id="en-month-mid",
    ),
    case(
        "The shop closed on Jan. 5. It never reopened.",
        ["The shop closed on Jan. 5.", "It never reopened."],
        id="en-month-date-end",
    ),
    case(
        "At 5 p.m. Mr. Jones left.",
        ["At 5 p.m. Mr. Jones left."],
        id="en-pm-then-title",
    ),
    case(
        "The store opens at 9 a.m. on weekdays.",
        ["The store opens at 9 a.m. on weekdays."],
        id="en-am-mid",
    ),
    case(
        "The train leaves at 7 a.m. It arrives at noon.",
        ["The train leaves at 7 a.m.", "It arrives at noon."],
        id="en-am-end-it",
    ),
    case(
        "It was Smith vs. Jones in the final.",
        ["It was Smith vs. Jones in the final."],
        id="en-vs-before-capital",
    ),
    case(
        "The winner was horse No. 7 by a length.",
        ["The winner was horse No. 7 by a length."],
        id="en-number-sign",
    ),
    case(
        "Fig. 3 shows the results. Table 2 lists the errors.",
        ["Fig. 3 shows the results.", "Table 2 lists the errors."],
        id="en-fig-sentence-initial",
    ),
    case(
        "She earned a Ph.D. in 2010. Then she moved to Oslo.",
        ["She earned a Ph.D. in 2010.", "Then she moved to Oslo."],
        id="en-phd-mid",
    ),
    case(
        "He finally got his Ph.D. The party lasted all night.",
        ["He finally got his Ph.D.", "The party lasted all night."],
        id="en-phd-end-the",
    ),
]

# --------------------------------------------------------------------------
# English: initials and single capital letters
# --------------------------------------------------------------------------
INITIALS = [
    case(
        "John E. Smith wrote the report.",
        ["John E. Smith wrote the report."],
        id="en-middle-initial",
    ),
    case(
        "The Hobbit was written by J. R. R. Tolkien in the 1930s.",
        ["The Hobbit was written by J. R. R. Tolkien in the 1930s."],
        id="en-spaced-initials",
    ),
    case(
        "J.R.R. Tolkien taught at Oxford.",
        ["J.R.R. Tolkien taught at Oxford."],
        id="en-joined-initials",
    ),
    case(
        "Dr. A. B. Chen will speak first. Questions come after.",
        ["Dr. A. B. Chen will speak first.", "Questions come after."],
        id="en-title-and-initials",
    ),
    case(
        "The secret stays between you and I. Did anyone else hear?",
        ["The secret stays between you and I.", "Did anyone else hear?"],
        id="en-pronoun-i-at-end",
    ),
    case(
        "The first plan failed, so we switched to plan B. It worked.",
        ["The first plan failed, so we switched to plan B.", "It worked."],
        id="en-single-letter-at-end",
    ),
]

# --------------------------------------------------------------------------
# English: acronyms written with periods
# --------------------------------------------------------------------------
ACRONYMS = [
    case(
        "The U.S. Senate passed the bill on Friday.",
        ["The U.S. Senate passed the bill on Friday."],
        id="en-us-before-capital-noun",
    ),
    case(
        "She has lived in the U.S. for 20 years.",
        ["She has lived in the U.S. for 20 years."],
        id="en-us-before-lowercase",
    ),
    case(
        "I live in the U.S. How about you?",
        ["I live in the U.S.", "How about you?"],
        id="en-us-end-how",
    ),
    case(
        "Most of the profit came from the U.S. The rest came from Asia.",
        ["Most of the profit came from the U.S.", "The rest came from Asia."],
        id="en-us-end-the",
    ),
    case(
        "The U.S.A. is large. Canada is larger.",
        ["The U.S.A. is large.", "Canada is larger."],
        id="en-usa-mid",
    ),
    case(
        "Trade between the E.U. and the U.K. grew last year.",
        ["Trade between the E.U. and the U.K. grew last year."],
        id="en-eu-uk-mid",
    ),
    case(
        "They moved to the U.K. It rained every day.",
        ["They moved to the U.K.", "It rained every day."],
        id="en-uk-end-it",
    ),
    case(
        "He moved from St. Louis to Washington, D.C. He never looked back.",
        ["He moved from St. Louis to Washington, D.C.", "He never looked back."],
        id="en-dc-end-he",
    ),
]

# --------------------------------------------------------------------------
# English: numbers, money, versions, times
# --------------------------------------------------------------------------
NUMBERS = [
    case(
        "The ticket cost $100.00 in total. It was worth it.",
        ["The ticket cost $100.00 in total.", "It was worth it."],
        id="en-money-decimal",
    ),
    case(
        "Inflation rose 3.5% in May. Prices kept climbing.",
        ["Inflation rose 3.5% in May.", "Prices kept climbing."],
        id="en-percentage",
    ),
    case(
        "Upgrade to v2.0.1 before Friday. The old version has a bug.",
        ["Upgrade to v2.0.1 before Friday.", "The old version has a bug."],
        id="en-version-number",
    ),
    case(
        "We met at 10.30 a.m. in the lobby.",
        ["We met at 10.30 a.m. in the lobby."],
        id="en-dotted-time-am",
    ),
    case(
        "The train leaves at 10:30. Please be on time.",
        ["The train leaves at 10:30.", "Please be on time."],
        id="en-colon-time-end",
    ),
    case(
        "The town had 1,234,567 residents in 2020. It has grown since.",
        ["The town had 1,234,567 residents in 2020.", "It has grown since."],
        id="en-thousands-separator",
    ),
    case(
        "The final answer is 3.5. That is all.",
        ["The final answer is 3.5.", "That is all."],
        id="en-decimal-at-end",
    ),
    case(
        "His batting average was .312 last season.",
        ["His batting average was .312 last season."],
        id="en-leading-decimal-point",
    ),
    case(
        "Sales fell in 2019. 2020 was even worse.",
        ["Sales fell in 2019.", "2020 was even worse."],
        id="en-sentence-starts-with-digit",
    ),
    case(
        "Refunds are covered by § 12.3 of the contract. Read it carefully.",
        ["Refunds are covered by § 12.3 of the contract.", "Read it carefully."],
        id="en-section-sign",
    ),
]

# --------------------------------------------------------------------------
# English: URLs, e-mail addresses, file names
# --------------------------------------------------------------------------
ADDRESSES = [
    case(
        "Visit https://example.com/docs/index.html for details.",
        ["Visit https://example.com/docs/index.html for details."],
        id="en-url-mid",
    ),
    case(
        "The full text is at www.example.org. Read it soon.",
        ["The full text is at www.example.org.", "Read it soon."],
        id="en-url-at-end",
    ),
    case(
        "Download it from https://example.com/v1.2/setup.exe?lang=en. It is free.",
        ["Download it from https://example.com/v1.2/setup.exe?lang=en.", "It is free."],
        id="en-url-with-query-at-end",
    ),
    case(
        "Email jane.doe@example.com if you have questions.",
        ["Email jane.doe@example.com if you have questions."],
        id="en-email-mid",
    ),
    case(
        "Send questions to help@mail.example.co.uk. We reply within a day.",
        ["Send questions to help@mail.example.co.uk.", "We reply within a day."],
        id="en-email-at-end",
    ),
    case(
        "Run setup.py first. Then restart the server.",
        ["Run setup.py first.", "Then restart the server."],
        id="en-file-name",
    ),
]

# --------------------------------------------------------------------------
# English: ellipses
# --------------------------------------------------------------------------
ELLIPSES = [
    case(
        "I thought... maybe we should wait.",
        ["I thought... maybe we should wait."],
        id="en-ellipsis-lowercase",
    ),
    case(
        "Well . . . it depends on the weather.",
        ["Well . . . it depends on the weather."],
        id="en-spaced-ellipsis-lowercase",
    ),
    case(
        "She paused\u2026 then kept walking.",
        ["She paused\u2026 then kept walking."],
        id="en-unicode-ellipsis-lowercase",
    ),
    case(
        "I... I don't know what to say.",
        ["I... I don't know what to say."],
        id="en-ellipsis-before-pronoun-i",
    ),
    case(
        "Well\u2026 I guess you are right.",
        ["Well\u2026 I guess you are right."],
        id="en-unicode-ellipsis-before-pronoun-i",
    ),
    case(
        "He never finished that.... She left without a word.",
        ["He never finished that....", "She left without a word."],
        id="en-four-dots-split",
    ),
    case(
        "We waited and waited... Nobody came.",
        ["We waited and waited...", "Nobody came."],
        id="en-ellipsis-before-capital",
    ),
]

# --------------------------------------------------------------------------
# English: quotes and parentheses
# --------------------------------------------------------------------------
QUOTES = [
    case(
        'He said, "Stop." Then he left.',
        ['He said, "Stop."', "Then he left."],
        id="en-quote-then-sentence",
    ),
    case(
        '"Stop." she said.',
        ['"Stop." she said.'],
        id="en-quote-then-lowercase-verb",
    ),
    case(
        '"Are you coming?" he asked. "Yes," I said.',
        ['"Are you coming?" he asked.', '"Yes," I said.'],
        id="en-quoted-question-dialogue",
    ),
    case(
        "She wrote, \u201cWe won.\u201d The team cheered.",
        ["She wrote, \u201cWe won.\u201d", "The team cheered."],
        id="en-curly-quotes",
    ),
    case(
        'He called the plan "perfect". The critics disagreed.',
        ['He called the plan "perfect".', "The critics disagreed."],
        id="en-period-outside-quote",
    ),
    case(
        'She asked "why?" and walked away.',
        ['She asked "why?" and walked away.'],
        id="en-question-in-quote-mid",
    ),
    case(
        "(See the appendix.) The results are robust.",
        ["(See the appendix.)", "The results are robust."],
        id="en-parenthesised-sentence-first",
    ),
    case(
        "The model failed. (We fixed it later.) Then we tried again.",
        ["The model failed.", "(We fixed it later.)", "Then we tried again."],
        id="en-parenthesised-sentence-between",
    ),
    case(
        "She worked (as an engineer.) at the firm for years.",
        ["She worked (as an engineer.) at the firm for years."],
        id="en-period-in-parentheses-mid",
    ),
    case(
        "The data were cleaned (see Section 2). The model was then trained.",
        ["The data were cleaned (see Section 2).", "The model was then trained."],
        id="en-period-after-parenthesis",
    ),
]

# --------------------------------------------------------------------------
# English: runs of ! and ?
# --------------------------------------------------------------------------
EXCLAMATIONS = [
    case(
        "You did what?! Tell me everything.",
        ["You did what?!", "Tell me everything."],
        id="en-interrobang-qe",
    ),
    case(
        "Is it true!? Nobody told me.",
        ["Is it true!?", "Nobody told me."],
        id="en-interrobang-eq",
    ),
    case(
        "We won!! The whole town celebrated.",
        ["We won!!", "The whole town celebrated."],
        id="en-double-exclamation",
    ),
    case(
        "Where is he?? He was here a minute ago.",
        ["Where is he??", "He was here a minute ago."],
        id="en-double-question",
    ),
    case(
        "Yahoo! announced results today. Shares fell.",
        ["Yahoo! announced results today.", "Shares fell."],
        id="en-exclamation-in-name",
    ),
    case(
        '"Oh no!" she cried.',
        ['"Oh no!" she cried.'],
        id="en-exclamation-in-quote-lowercase",
    ),
]

# --------------------------------------------------------------------------
# English: numbered, lettered and bulleted lists
# --------------------------------------------------------------------------
LISTS = [
    case(
        "1. First item 2. Second item",
        ["1. First item", "2. Second item"],
        id="en-inline-numbered-list",
    ),
    case(
        "1. Open the box. 2. Remove the cable.",
        ["1. Open the box.", "2. Remove the cable."],
        id="en-inline-numbered-list-with-stops",
    ),
    case(
        "1) Buy milk 2) Pay rent",
        ["1) Buy milk", "2) Pay rent"],
        id="en-inline-paren-list",
    ),
    case(
        "1.) Preheat the oven 2.) Mix the flour",
        ["1.) Preheat the oven", "2.) Mix the flour"],
        id="en-inline-dot-paren-list",
    ),
    case(
        "a. First b. Second c. Third",
        ["a. First", "b. Second", "c. Third"],
        id="en-inline-lettered-list",
    ),
    case(
        "\u2022 one \u2022 two",
        ["\u2022 one", "\u2022 two"],
        id="en-inline-bullets",
    ),
    case(
        "Steps:\n1. Open the box.\n2. Remove the cable.\n3. Plug it in.",
        ["Steps:", "1. Open the box.", "2. Remove the cable.", "3. Plug it in."],
        id="en-numbered-list-lines",
    ),
    case(
        "Ingredients\n\u2022 flour\n\u2022 sugar\n\u2022 eggs",
        ["Ingredients", "\u2022 flour", "\u2022 sugar", "\u2022 eggs"],
        id="en-bullet-lines",
    ),
    case(
        "- milk\n- eggs",
        ["- milk", "- eggs"],
        id="en-dash-bullet-lines",
    ),
]

# --------------------------------------------------------------------------
# English: line and paragraph layout, headlines
# --------------------------------------------------------------------------
LAYOUT = [
    case(
        "It was a cold\nnight in the city.",
        ["It was a cold\nnight in the city."],
        id="en-newline-lowercase-continuation",
    ),
    case(
        "The committee met on Monday and agreed\nto raise the budget. The vote was\nunanimous.",
        ["The committee met on Monday and agreed\nto raise the budget.", "The vote was\nunanimous."],
        id="en-hard-wrapped-prose",
    ),
    case(
        "I met John and\nMary at the station.",
        ["I met John and\nMary at the station."],
        id="en-newline-capital-continuation",
    ),
    case(
        "The first line ends here.\nThe second line starts here.",
        ["The first line ends here.", "The second line starts here."],
        id="en-newline-after-stop",
    ),
    case(
        "Home\nWorld news\nSport",
        ["Home", "World news", "Sport"],
        id="en-unpunctuated-lines",
    ),
    case(
        "Notes from the meeting\n\nbudget approved",
        ["Notes from the meeting", "budget approved"],
        id="en-paragraph-break-lowercase",
    ),
    case(
        "We sold pens, paper, etc.\n\nNext year we will expand.",
        ["We sold pens, paper, etc.", "Next year we will expand."],
        id="en-paragraph-break-after-abbreviation",
    ),
    case(
        "Storm hits the coast\n\nHeavy rain fell overnight. Roads were closed.",
        ["Storm hits the coast", "Heavy rain fell overnight.", "Roads were closed."],
        id="en-headline-blank-line",
    ),
    case(
        "Storm hits the coast\nHeavy rain fell overnight.",
        ["Storm hits the coast", "Heavy rain fell overnight."],
        id="en-headline-single-newline",
    ),
    case(
        "Markets rally\r\n\r\nStocks rose on Tuesday.",
        ["Markets rally", "Stocks rose on Tuesday."],
        id="en-headline-crlf",
    ),
    case(
        "Chapter One\n   \nIt was dark.",
        ["Chapter One", "It was dark."],
        id="en-blank-line-with-spaces",
    ),
    case(
        "  Hello there.   How are you?  ",
        ["Hello there.", "How are you?"],
        id="en-surrounding-whitespace",
    ),
]

# --------------------------------------------------------------------------
# English: offsets beyond ASCII
# --------------------------------------------------------------------------
CODE_POINTS = [
    case(
        "Great news \U0001F389. We won.",
        ["Great news \U0001F389.", "We won."],
        id="en-astral-emoji",
    ),
    case(
        "Cafe\u0301 au lait is cheap here. Try it.",
        ["Cafe\u0301 au lait is cheap here.", "Try it."],
        id="en-combining-accent",
    ),
]

# --------------------------------------------------------------------------
# German
# --------------------------------------------------------------------------
GERMAN = [
    case(
        "Wir treffen uns am 3. Oktober in Berlin. Bitte sei p\u00fcnktlich.",
        ["Wir treffen uns am 3. Oktober in Berlin.", "Bitte sei p\u00fcnktlich."],
        id="de-ordinal-date",
        language="de",
    ),
    case(
        "Das Schloss stammt aus dem 18. Jahrhundert.",
        ["Das Schloss stammt aus dem 18. Jahrhundert."],
        id="de-ordinal-before-noun",
        language="de",
    ),
    case(
        "Nimm Obst mit, z. B. \u00c4pfel oder Birnen. Das reicht f\u00fcr alle.",
        ["Nimm Obst mit, z. B. \u00c4pfel oder Birnen.", "Das reicht f\u00fcr alle."],
        id="de-zb",
        language="de",
    ),
    case(
        "Der Kurs findet montags bzw. dienstags statt.",
        ["Der Kurs findet montags bzw. dienstags statt."],
        id="de-bzw",
        language="de",
    ),
    case(
        "Wir kauften Brot, K\u00e4se, Wein usw. Dann fuhren wir los.",
        ["Wir kauften Brot, K\u00e4se, Wein usw.", "Dann fuhren wir los."],
        id="de-usw-at-end",
        language="de",
    ),
    case(
        "Die Frist endet am 28.11.2026. Danach ist keine Anmeldung m\u00f6glich.",
        ["Die Frist endet am 28.11.2026.", "Danach ist keine Anmeldung m\u00f6glich."],
        id="de-numeric-date",
        language="de",
    ),
    case(
        "Der Verein hat 1.234 Mitglieder. Die Zahl w\u00e4chst.",
        ["Der Verein hat 1.234 Mitglieder.", "Die Zahl w\u00e4chst."],
        id="de-thousands-separator",
        language="de",
    ),
    case(
        "Das regelt \u00a7 5 Abs. 2 BGB. Die Klage ist daher unbegr\u00fcndet.",
        ["Das regelt \u00a7 5 Abs. 2 BGB.", "Die Klage ist daher unbegr\u00fcndet."],
        id="de-section-sign",
        language="de",
    ),
    case(
        "Herr Dr. M\u00fcller kommt um 10.30 Uhr. Er bringt die Akten mit.",
        ["Herr Dr. M\u00fcller kommt um 10.30 Uhr.", "Er bringt die Akten mit."],
        id="de-title-and-time",
        language="de",
    ),
]

# --------------------------------------------------------------------------
# French
# --------------------------------------------------------------------------
FRENCH = [
    case(
        "M. Dupont est arriv\u00e9 hier. Il repart demain.",
        ["M. Dupont est arriv\u00e9 hier.", "Il repart demain."],
        id="fr-monsieur",
        language="fr",
    ),
    case(
        "Mme Martin et M. Leroy sont arriv\u00e9s ensemble.",
        ["Mme Martin et M. Leroy sont arriv\u00e9s ensemble."],
        id="fr-monsieur-mid",
        language="fr",
    ),
    case(
        "Nous avons achet\u00e9 du pain, du fromage, etc. Ensuite nous sommes partis.",
        ["Nous avons achet\u00e9 du pain, du fromage, etc.", "Ensuite nous sommes partis."],
        id="fr-etc-at-end",
        language="fr",
    ),
    case(
        "Prenez des fruits, p. ex. des pommes, pour le voyage.",
        ["Prenez des fruits, p. ex. des pommes, pour le voyage."],
        id="fr-p-ex",
        language="fr",
    ),
    case(
        "Vous venez ? Oui, bien s\u00fbr !",
        ["Vous venez ?", "Oui, bien s\u00fbr !"],
        id="fr-space-before-question-mark",
        language="fr",
    ),
    case(
        "\u00ab Je pars demain. \u00bb Il a hoch\u00e9 la t\u00eate.",
        ["\u00ab Je pars demain. \u00bb", "Il a hoch\u00e9 la t\u00eate."],
        id="fr-guillemets",
        language="fr",
    ),
]

# --------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------
RUSSIAN = [
    case(
        "Он переехал в Москву в 2010 г. вместе с семьёй.",
        ["Он переехал в Москву в 2010 г. вместе с семьёй."],
        id="ru-year-abbreviation-mid",
        language="ru",
    ),
    case(
        "Это случилось в 1999 г. Тогда я ещё учился.",
        ["Это случилось в 1999 г.", "Тогда я ещё учился."],
        id="ru-year-abbreviation-end",
        language="ru",
    ),
    case(
        "Мы купили хлеб, сыр, молоко и т. д. Потом пошли домой.",
        ["Мы купили хлеб, сыр, молоко и т. д.", "Потом пошли домой."],
        id="ru-i-t-d-at-end",
        language="ru",
    ),
    case(
        "Приходите рано, т. е. до девяти утра.",
        ["Приходите рано, т. е. до девяти утра."],
        id="ru-t-e-mid",
        language="ru",
    ),
    case(
        "А. С. Пушкин родился в Москве. Он писал стихи с детства.",
        ["А. С. Пушкин родился в Москве.", "Он писал стихи с детства."],
        id="ru-initials",
        language="ru",
    ),
]

# --------------------------------------------------------------------------
# Armenian: the full stop is U+0589 (։), often typed as an ASCII colon; the
# question (՞ U+055E) and emphasis marks sit inside the word and never end it.
# --------------------------------------------------------------------------
ARMENIAN = [
    case(
        "Ես ապրում եմ Երևանում։ Քաղաքը շատ գեղեցիկ է։",
        ["Ես ապրում եմ Երևանում։", "Քաղաքը շատ գեղեցիկ է։"],
        id="hy-full-stop",
        language="hy",
    ),
    case(
        "Ես ապրում եմ Երևանում: Քաղաքը շատ գեղեցիկ է:",
        ["Ես ապրում եմ Երևանում:", "Քաղաքը շատ գեղեցիկ է:"],
        id="hy-ascii-colon-as-full-stop",
        language="hy",
    ),
    case(
        "Ինչպե՞ս ես։ Ես լավ եմ, շնորհակալություն։",
        ["Ինչպե՞ս ես։", "Ես լավ եմ, շնորհակալություն։"],
        id="hy-question-mark-inside-word",
        language="hy",
    ),
    case(
        "Նա ծնվել է 1990 թ. Գյումրիում։ Հետո տեղափոխվել է Երևան։",
        ["Նա ծնվել է 1990 թ. Գյումրիում։", "Հետո տեղափոխվել է Երևան։"],
        id="hy-year-abbreviation",
        language="hy",
    ),
    case(
        "Ա. Իսահակյանը մեծ բանաստեղծ էր։ Նա ծնվել է Գյումրիում։",
        ["Ա. Իսահակյանը մեծ բանաստեղծ էր։", "Նա ծնվել է Գյումրիում։"],
        id="hy-initial",
        language="hy",
    ),
]

CASES = (
    ABBREVIATIONS
    + INITIALS
    + ACRONYMS
    + NUMBERS
    + ADDRESSES
    + ELLIPSES
    + QUOTES
    + EXCLAMATIONS
    + LISTS
    + LAYOUT
    + CODE_POINTS
    + GERMAN
    + FRENCH
    + RUSSIAN
    + ARMENIAN
)


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_sentence_texts(language, text, expected):
    doc = sy.segment(text, language=language)
    assert [s.text for s in doc.sentences] == expected


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_sentence_spans(language, text, expected):
    doc = sy.segment(text, language=language)
    previous_end = 0
    covered = list(text)
    for position, s in enumerate(doc.sentences):
        assert s.index == position
        assert 0 <= previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        previous_end = s.end
        covered[s.start : s.end] = " " * (s.end - s.start)
    # Whatever lies outside every sentence is whitespace only.
    assert "".join(covered).strip() == ""


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", " \t\r\n "],
    ids=["empty", "space", "blank-lines", "mixed-whitespace"],
)
def test_no_sentences_in_blank_text(text):
    assert list(sy.segment(text, language="en").sentences) == []


def test_case_ids_are_unique():
    ids = [param.id for param in CASES]
    assert len(ids) == len(set(ids))
