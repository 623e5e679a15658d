"""Small news pages wrapped in the furniture real pages carry, one per language, written for
the furniture tests: each line's expected boilerplate kind is in ``EXPECTED`` (None: prose or
the headline)."""

EN = """We use cookies to improve your experience. By continuing to browse you agree to our Cookie Policy.
Accept all cookies
Manage preferences

Flood Defences Fail as River Breaks Its Banks

By Jane Smith, BBC News
Published 3 hours ago

Share this article

The river burst its banks on Monday night and flooded hundreds of homes in the valley. Officials said repairs to the flood wall would take several weeks.

Image caption, Residents were moved to a school hall overnight

Advertisement

Emergency crews worked through the night to pump water from the main roads. Schools in the area will stay closed until the power supply is restored.

Sign up for our morning newsletter and get the news in your inbox.

READ MORE: Heat wave strains regional power grid

The council said it would review the defences before the winter storms arrive. Insurers expect claims to run into millions of pounds.

Comments (3)

John_D 2 hours ago
This is absolutely ridiculous. The drainage engineers warned the council years ago.
Reply · Like (4)

sarah1984 1 hour ago: Totally agree, my street flooded twice this year and nobody came.

© 2024 BBC. All rights reserved. Terms of Use | Privacy Policy
"""

DE = """Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten. Mit der Nutzung der Seite stimmen Sie unserer Datenschutzerklärung zu.
Alle akzeptieren

Hochwasser überflutet die Altstadt

Von Anna Schmidt
Veröffentlicht am 12. März 2024, 14:05 Uhr

Der Fluss trat in der Nacht zum Montag über die Ufer und überflutete Hunderte Häuser in der Altstadt. Die Behörden erklärten, die Reparatur der Schutzmauer werde mehrere Wochen dauern.

Foto: dpa

Anzeige

Lesen Sie auch: Hitzewelle belastet das Stromnetz

Die Feuerwehr pumpte die ganze Nacht Wasser aus den Kellern der Anwohner. Die Schulen bleiben geschlossen, bis die Stromversorgung wiederhergestellt ist.

Kommentare (2)

max_mueller vor 2 Stunden
Das ist ein Skandal, die Stadt wurde schon vor Jahren vor dem Hochwasser gewarnt.

Impressum | Datenschutz | AGB
"""

FR = """Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez notre politique de confidentialité.
Tout accepter

La crue submerge le centre-ville

Par Marie Dubois
Publié le 12 mars 2024 à 14h05

Partager

La rivière est sortie de son lit dans la nuit de lundi et a inondé des centaines de maisons du centre-ville. Les autorités ont indiqué que la réparation de la digue prendrait plusieurs semaines.

Photo : AFP

Publicité

Lire aussi : La canicule met le réseau électrique sous tension

Les pompiers ont pompé l'eau des caves toute la nuit. Les écoles resteront fermées jusqu'au rétablissement du courant.

Commentaires (2)

jean_75 il y a 2 heures
C'est un scandale, la mairie avait été prévenue depuis des années.

Mentions légales | Tous droits réservés
"""

ES = """Utilizamos cookies para mejorar su experiencia. Si continúa navegando, acepta nuestra política de cookies.
Aceptar todo

La crecida del río inunda el centro de la ciudad

Por Carlos García
Actualizado el 12 de marzo de 2024, 14:05

Compartir

El río se desbordó la noche del lunes e inundó cientos de viviendas en el centro de la ciudad. Las autoridades explicaron que la reparación del muro tardará varias semanas.

Foto: EFE

Publicidad

Leer más: La ola de calor pone a prueba la red eléctrica

Los bomberos bombearon agua de los sótanos durante toda la noche. Las escuelas seguirán cerradas hasta que se restablezca el suministro eléctrico.

Comentarios (2)

pedro_88 hace 2 horas
Es una vergüenza, el ayuntamiento sabía del problema desde hace años.

Aviso legal | Política de privacidad
"""

RU = """Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности.
Принять

Паводок затопил центр города

Автор: Анна Иванова
Опубликовано 12 марта 2024, 14:05

Поделиться

Река вышла из берегов в ночь на понедельник и затопила сотни домов в центре города. Власти сообщили, что ремонт дамбы займет несколько недель.

Фото: ТАСС

Реклама

Читайте также: Жара испытывает энергосистему на прочность

Пожарные всю ночь откачивали воду из подвалов. Школы будут закрыты до восстановления электроснабжения.

Комментарии (2)

ivan_petrov 2 часа назад
Это позор, власти знали о проблеме много лет.

Все права защищены
"""

# The boilerplate kind of each furniture paragraph, in page order (the headline and the
# article's prose paragraphs are not listed).
_TAIL = ["byline", "dateline", "share", "caption", "advertisement", "related", "comment", "comment", "comment",
         "footer"]
EXPECTED = {
    "en": ["consent", "consent", "consent", "byline", "dateline", "share", "caption", "advertisement",
           "subscription", "related", "comment", "comment", "comment", "comment", "comment", "footer"],
    "de": ["consent", "consent", "byline", "dateline", "caption", "advertisement", "related", "comment", "comment",
           "comment", "footer"],
    "fr": ["consent", "consent", *_TAIL],
    "es": ["consent", "consent", *_TAIL],
    "ru": ["consent", "consent", *_TAIL],
}

PAGES = {"en": EN, "de": DE, "fr": FR, "es": ES, "ru": RU}

TITLES = {
    "en": "Flood Defences Fail as River Breaks Its Banks",
    "de": "Hochwasser überflutet die Altstadt",
    "fr": "La crue submerge le centre-ville",
    "es": "La crecida del río inunda el centro de la ciudad",
    "ru": "Паводок затопил центр города",
}

# Articles about cookies and newsletters: every sentence is prose.
ABOUT_COOKIES = """Regulators Tighten Rules on Website Cookies

Websites must now ask visitors before they store advertising cookies, the data protection authority said on Tuesday. The new guidance says a button to reject all cookies must be as easy to find as the one to accept them.

Newsletters have become a steady source of income for many writers, and some publishers now ask readers to subscribe before they can read a full article. Critics say the cookie banners and paywalls make the web harder to use.

The authority will check the privacy settings of the largest sites from June. Companies that ignore the rules face fines of up to four per cent of their turnover.
"""
