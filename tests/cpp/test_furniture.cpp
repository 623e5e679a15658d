// Page furniture kinds, which segment() sets from shape, position and cue words.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "synopsis/segment.hpp"
#include "synopsis/summarize.hpp"

using namespace synopsis;

namespace {

Document segment_in(const std::string& text, const std::string& language = "en") {
  SegmentOptions options;
  options.language = language;
  return segment(text, options);
}

// The kind of each furniture paragraph, in page order.
std::vector<std::string> furniture(const Document& doc) {
  std::vector<std::string> out;
  for (const Paragraph& p : doc.paragraphs) {
    const BoilerplateKind kind = doc.sentences[p.sentence_begin].boilerplate_kind;
    for (std::uint32_t s = p.sentence_begin; s < p.sentence_end; ++s) {
      EXPECT_EQ(doc.sentences[s].boilerplate_kind, kind) << doc.sentence_text(s);
      EXPECT_EQ(doc.sentences[s].is_boilerplate, kind != BoilerplateKind::none) << doc.sentence_text(s);
    }
    if (kind != BoilerplateKind::none) out.emplace_back(boilerplate_kind_name(kind));
  }
  return out;
}

std::string title(const Document& doc) { return doc.title < 0 ? "" : std::string(doc.sentence_text(doc.title)); }

const char* const kEnglishPage =
    "We use cookies to improve your experience. By continuing to browse you agree to our Cookie Policy.\n"
    "Accept all cookies\n\n"
    "Flood Defences Fail as River Breaks Its Banks\n\n"
    "By Jane Smith, BBC News\nPublished 3 hours ago\n\nShare this article\n\n"
    "The river burst its banks on Monday night and flooded hundreds of homes in the valley. Officials said "
    "repairs to the flood wall would take several weeks.\n\n"
    "Image caption, Residents were moved to a school hall overnight\n\nADVERTISEMENT\n\n"
    "Sign up for our morning newsletter and get the news in your inbox.\n\n"
    "READ MORE: Heat wave strains regional power grid\n\n"
    "The council said it would review the defences before the winter storms arrive.\n\n"
    "Comments (2)\n\nJohn_D 2 hours ago\nThis is absolutely ridiculous. The engineers warned them.\nReply\n\n"
    "\xC2\xA9 2024 BBC. All rights reserved.\n";

}  // namespace

TEST(Furniture, EnglishPageKinds) {
  const Document doc = segment_in(kEnglishPage);
  EXPECT_EQ(furniture(doc), (std::vector<std::string>{"consent", "consent", "byline", "dateline", "share", "caption",
                                                       "advertisement", "subscription", "related", "comment",
                                                       "comment", "comment", "comment", "footer"}));
  EXPECT_EQ(title(doc), "Flood Defences Fail as River Breaks Its Banks");
  EXPECT_EQ(doc.prose_sentence_count(), 3u);
}

TEST(Furniture, CommentTextIsNotAHeading) {
  const Document doc = segment_in(kEnglishPage);
  std::vector<std::string> comments;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (doc.is_comment_text(i)) comments.emplace_back(doc.sentence_text(i));
  EXPECT_EQ(comments, (std::vector<std::string>{"This is absolutely ridiculous.", "The engineers warned them."}));
}

namespace {

struct LanguagePage {
  const char* language;
  const char* text;
  const char* title;
  std::vector<std::string> kinds;
};

const std::vector<std::string> kTail = {"byline", "dateline", "share", "caption", "advertisement", "related",
                                        "comment", "comment", "comment", "footer"};

std::vector<std::string> consent_then(std::vector<std::string> tail) {
  tail.insert(tail.begin(), {"consent", "consent"});
  return tail;
}

class FurniturePage : public ::testing::TestWithParam<LanguagePage> {};

}  // namespace

TEST_P(FurniturePage, KindsAndTitle) {
  const LanguagePage& page = GetParam();
  const Document doc = segment_in(page.text, page.language);
  EXPECT_EQ(furniture(doc), page.kinds);
  EXPECT_EQ(title(doc), page.title);
  EXPECT_EQ(doc.prose_sentence_count(), 2u);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, FurniturePage,
    ::testing::Values(
        LanguagePage{
            "de",
            "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten. Mit der Nutzung der Seite "
            "stimmen Sie unserer Datenschutzerklärung zu.\nAlle akzeptieren\n\nHochwasser überflutet die Altstadt\n\n"
            "Von Anna Schmidt\nVeröffentlicht am 12. März 2024, 14:05 Uhr\n\n"
            "Der Fluss trat in der Nacht zum Montag über die Ufer und überflutete Hunderte Häuser in der Altstadt.\n\n"
            "Foto: dpa\n\nAnzeige\n\nLesen Sie auch: Hitzewelle belastet das Stromnetz\n\n"
            "Die Schulen bleiben geschlossen, bis die Stromversorgung wiederhergestellt ist.\n\n"
            "Kommentare (1)\n\nmax_mueller vor 2 Stunden\nDas ist ein Skandal, die Stadt wurde gewarnt.\n\n"
            "Impressum | Datenschutz | AGB\n",
            "Hochwasser überflutet die Altstadt",
            {"consent", "consent", "byline", "dateline", "caption", "advertisement", "related", "comment", "comment",
             "comment", "footer"}},
        LanguagePage{
            "fr",
            "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous "
            "acceptez notre politique de confidentialité.\nTout accepter\n\nLa crue submerge le centre-ville\n\n"
            "Par Marie Dubois\nPublié le 12 mars 2024 à 14h05\n\nPartager\n\n"
            "La rivière est sortie de son lit dans la nuit de lundi et a inondé des centaines de maisons.\n\n"
            "Photo : AFP\n\nPublicité\n\nLire aussi : La canicule met le réseau électrique sous tension\n\n"
            "Les écoles resteront fermées jusqu'au rétablissement du courant électrique dans la ville.\n\n"
            "Commentaires (1)\n\njean_75 il y a 2 heures\nC'est un scandale, la mairie avait été prévenue.\n\n"
            "Mentions légales | Tous droits réservés\n",
            "La crue submerge le centre-ville", consent_then(kTail)},
        LanguagePage{
            "es",
            "Utilizamos cookies para mejorar su experiencia. Si continúa navegando, acepta nuestra política de "
            "cookies.\nAceptar todo\n\nLa crecida del río inunda el centro de la ciudad\n\n"
            "Por Carlos García\nActualizado el 12 de marzo de 2024, 14:05\n\nCompartir\n\n"
            "El río se desbordó la noche del lunes e inundó cientos de viviendas en el centro de la ciudad.\n\n"
            "Foto: EFE\n\nPublicidad\n\nLeer más: La ola de calor pone a prueba la red eléctrica\n\n"
            "Las escuelas seguirán cerradas hasta que se restablezca el suministro eléctrico.\n\n"
            "Comentarios (1)\n\npedro_88 hace 2 horas\nEs una vergüenza, el ayuntamiento lo sabía.\n\n"
            "Aviso legal | Política de privacidad\n",
            "La crecida del río inunda el centro de la ciudad", consent_then(kTail)},
        LanguagePage{
            "ru",
            "Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая пользоваться сайтом, вы "
            "соглашаетесь с политикой конфиденциальности.\nПринять\n\nПаводок затопил центр города\n\n"
            "Автор: Анна Иванова\nОпубликовано 12 марта 2024, 14:05\n\nПоделиться\n\n"
            "Река вышла из берегов в ночь на понедельник и затопила сотни домов в центре города.\n\n"
            "Фото: ТАСС\n\nРеклама\n\nЧитайте также: Жара испытывает энергосистему на прочность\n\n"
            "Школы будут закрыты до восстановления электроснабжения во всех районах города.\n\n"
            "Комментарии (1)\n\nivan_petrov 2 часа назад\nЭто позор, власти знали о проблеме.\n\n"
            "Все права защищены\n",
            "Паводок затопил центр города", consent_then(kTail)}),
    [](const ::testing::TestParamInfo<LanguagePage>& info) { return std::string(info.param.language); });

TEST(Furniture, ProseAboutCookiesAndNewslettersIsKept) {
  const Document doc = segment_in(
      "Regulators Tighten Rules on Website Cookies\n\n"
      "Websites must now ask visitors before they store advertising cookies, the authority said on Tuesday. "
      "A button to reject all cookies must be as easy to find as the one to accept them, the guidance says.\n\n"
      "Newsletters have become a steady source of income for many writers, and some publishers now ask readers "
      "to subscribe before they can read a full article.\n\n"
      "The authority will check the privacy settings of the largest sites from June.\n");
  EXPECT_TRUE(furniture(doc).empty());
  EXPECT_EQ(doc.prose_sentence_count(), 4u);
}

TEST(Furniture, LayoutKindsAreNavigationAndRepeated) {
  const std::string prose =
      "The storm reached the coast on Monday night and damaged hundreds of homes along the shore.";
  const Document doc = segment_in("Storm Batters the Coast\n\nHome\nWorld\n\n" + prose + "\n\nMore here\n\n" +
                                  prose + "\n\nMore here\n\n" + prose);
  EXPECT_EQ(furniture(doc), (std::vector<std::string>{"navigation", "navigation", "repeated", "repeated"}));
}

TEST(Furniture, LinkDensityIsZeroForPlainText) {
  const Document doc = segment_in(kEnglishPage);
  for (const Paragraph& p : doc.paragraphs) EXPECT_EQ(p.link_density, 0.0f);
}

TEST(Furniture, SummariesTakeCommentsOnlyOnRequest) {
  const Document doc = segment_in(kEnglishPage);
  SummarizeOptions options;
  options.sentences = 20;
  auto chosen = [&](const SummarizeOptions& o) {
    std::vector<std::string> out;
    for (const auto& s : summarize(doc, o).sentences) out.emplace_back(doc.sentence_text(s.index));
    return out;
  };
  EXPECT_EQ(chosen(options).size(), 3u);
  options.include_comments = true;
  const auto with = chosen(options);
  EXPECT_EQ(with.size(), 5u);
  EXPECT_NE(std::find(with.begin(), with.end(), "The engineers warned them."), with.end());
}

TEST(Furniture, LinkDensityMarksLinkedLinesWhenGiven) {
  Document doc = segment_in(
      "Storm Batters the Coast\n\n"
      "The storm reached the coast on Monday night and damaged hundreds of homes along the shore.\n\n"
      "Heat wave strains regional power grid\n\n"
      "Officials said repairs to the sea wall would take several weeks to finish.\n\n"
      "Follow us on Facebook and X\n");
  ASSERT_EQ(doc.paragraphs.size(), 5u);
  EXPECT_EQ(furniture(doc), std::vector<std::string>{"navigation"});  // by position alone
  doc.paragraphs[2].link_density = 1.0f;  // a linked headline inside the article
  doc.paragraphs[4].link_density = 0.9f;  // a line of links with one share word
  flag_layout(doc);
  EXPECT_EQ(furniture(doc), (std::vector<std::string>{"related", "share"}));
  EXPECT_EQ(title(doc), "Storm Batters the Coast");
  EXPECT_EQ(doc.prose_sentence_count(), 2u);
}

TEST(Furniture, FlagLayoutAgainGivesTheSameFlags) {
  Document doc = segment_in(kEnglishPage);
  const Document before = doc;
  flag_layout(doc);
  ASSERT_EQ(doc.sentences.size(), before.sentences.size());
  EXPECT_EQ(doc.title, before.title);
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    EXPECT_EQ(doc.sentences[i].is_heading, before.sentences[i].is_heading);
    EXPECT_EQ(doc.sentences[i].boilerplate_kind, before.sentences[i].boilerplate_kind);
  }
}

namespace {

// The kind of the paragraph that holds `text`, or "" when it is not furniture.
std::string kind_of(const Document& doc, const std::string& text) {
  for (const Paragraph& p : doc.paragraphs)
    if (doc.span(p.start, p.end) == text) {
      const BoilerplateKind kind = doc.sentences[p.sentence_begin].boilerplate_kind;
      return kind == BoilerplateKind::none ? "" : std::string(boilerplate_kind_name(kind));
    }
  ADD_FAILURE() << "no paragraph " << text;
  return "?";
}

const char* const kArticle =
    "The ferry left the harbour two hours late on Friday because of strong winds in the channel. "
    "Passengers were offered free meals while they waited in the terminal.\n\n"
    "The operator said the timetable would be back to normal by Sunday afternoon.\n\n";

}  // namespace

TEST(Furniture, CommentMetaLinesByTheirParts) {
  // "Posted by" and a name with an initial, a name with a day, a handle in Cyrillic, a
  // name alone above its time: each opens a comment, and its text is comment text.
  const Document doc = segment_in(std::string("Ferry Delayed by High Winds\n\n") + kArticle +
                                  "Comments (3)\n\n"
                                  "Posted by Martin K. 3 hours ago\n\nThe same happened last winter.\n\n"
                                  "Like\n\n"
                                  "Olga R. \xC2\xB7 yesterday\n\nWhy do they never warn us in advance?\n\n"
                                  "Reply\n\n"
                                  "\xD0\x9E\xD0\xBB\xD1\x8C\xD0\xB3\xD0\xB0_\xD0\x9F 2h\n\nNot again.\n\n"
                                  "Tomas B.\n\n5 minutes ago\n\nThey should buy bigger boats.\n");
  for (const char* text : {"Posted by Martin K. 3 hours ago", "The same happened last winter.", "Olga R. \xC2\xB7 yesterday",
                           "Why do they never warn us in advance?", "\xD0\x9E\xD0\xBB\xD1\x8C\xD0\xB3\xD0\xB0_\xD0\x9F 2h",
                           "Not again.", "Tomas B.", "5 minutes ago", "They should buy bigger boats."})
    EXPECT_EQ(kind_of(doc, text), "comment") << text;
  EXPECT_EQ(title(doc), "Ferry Delayed by High Winds");
  EXPECT_EQ(doc.prose_sentence_count(), 3u);
}

TEST(Furniture, AHandleNeedsToLookLikeOne) {
  // A time opening a line is no handle ("22m"), and a name without a comment section or an
  // initial opens no comment: the paragraphs after it stay prose.
  const Document doc = segment_in(std::string("Ferry Delayed by High Winds\n\nMartin Keller 3 hours ago\n\n") + kArticle);
  EXPECT_NE(kind_of(doc, "Martin Keller 3 hours ago"), "comment");
  EXPECT_EQ(doc.prose_sentence_count(), 3u);
}

TEST(Furniture, BylinesOfANameAndATime) {
  const Document doc = segment_in(std::string("Ferry Delayed by High Winds\n\nRuth Calder Last updated: 4h\n\n") + kArticle);
  EXPECT_EQ(kind_of(doc, "Ruth Calder Last updated: 4h"), "byline");
  EXPECT_EQ(title(doc), "Ferry Delayed by High Winds");
  // A bare name next to a publication line is a byline; a venue next to a fixture's day is not.
  const Document bare = segment_in(std::string("Published: 06:30, 08/10/2025\n\nRuth Calder\n\n") + kArticle);
  EXPECT_EQ(kind_of(bare, "Ruth Calder"), "byline");
  EXPECT_EQ(title(bare), "");
  const Document venue = segment_in(std::string("Hampden Park\n\nSaturday, 26 February\n\n") + kArticle);
  EXPECT_EQ(kind_of(venue, "Hampden Park"), "");
  // A word of publication alone tells no time: a heading that ends in "On" is no byline.
  const Document heading = segment_in(std::string("The Harbour Board On\n\n") + kArticle);
  EXPECT_EQ(kind_of(heading, "The Harbour Board On"), "");
}

TEST(Furniture, SignUpBoxWithShortSlogans) {
  const Document doc = segment_in(std::string("Ferry Delayed by High Winds\n\n") + kArticle +
                                  "This story is for subscribers\n\nQuality journalism. Cancel anytime.\n\n"
                                  "See subscription plans\n\nSign in\n");
  for (const char* text : {"This story is for subscribers", "Quality journalism. Cancel anytime.",
                           "See subscription plans", "Sign in"})
    EXPECT_EQ(kind_of(doc, text), "subscription") << text;
  EXPECT_EQ(doc.prose_sentence_count(), 3u);
}

TEST(Furniture, BannerButtonsAfterOnesAlreadyFound) {
  const Document doc = segment_in(std::string(
      "We and our partners store information on your device, such as cookies, to show personalised ads.\n\n"
      "Accept all\n\nReject all\n\nMore choices\n\nFerry Delayed by High Winds\n\n") + kArticle);
  EXPECT_EQ(kind_of(doc, "More choices"), "consent");
  EXPECT_EQ(title(doc), "Ferry Delayed by High Winds");
}

TEST(Furniture, SkipLinksAreNavigationAndNoTitle) {
  const Document doc = segment_in(std::string("Skip to main content\n\n") + kArticle);
  EXPECT_EQ(kind_of(doc, "Skip to main content"), "navigation");
  EXPECT_EQ(title(doc), "");
  const Document de = segment_in(
      "Zum Inhalt springen\n\nDie F\xC3\xA4hre legte am Freitag wegen starker Winde zwei Stunden sp\xC3\xA4ter ab. "
      "Die Reisenden bekamen im Terminal ein kostenloses Essen.\n\n"
      "Der Betreiber sagte, der Fahrplan gelte ab Sonntag wieder.\n", "de");
  EXPECT_EQ(kind_of(de, "Zum Inhalt springen"), "navigation");
}

TEST(Furniture, AnAcronymIsNotAReaderOrSiteWord) {
  // "US" is no "us": the headline speaks in no cue and is the title.
  const Document doc = segment_in(std::string("Menu\n\nSearch\n\nUS ferry firm cuts routes\n\n") + kArticle);
  EXPECT_EQ(title(doc), "US ferry firm cuts routes");
}

TEST(Furniture, ACreditAloneInBracketsAndItsCaption) {
  const Document doc = segment_in(std::string("Ferry Delayed by High Winds\n\n") + kArticle +
                                  "The harbour at dawn, 2019.\n\n(Harbour Trust/Ellen Moss)\n\n"
                                  "The operator said it would add a second boat in the summer to cope with demand.\n");
  EXPECT_EQ(kind_of(doc, "(Harbour Trust/Ellen Moss)"), "caption");
  EXPECT_EQ(kind_of(doc, "The harbour at dawn, 2019."), "caption");
  EXPECT_EQ(doc.prose_sentence_count(), 4u);
}

TEST(Furniture, ShortCookieLinesAboveAConsentButtonAreItsBanner) {
  const Document doc = segment_in(std::string(
      "This site runs on cookies.\n\nYou can change your cookie choices in the footer at any time.\n\n"
      "Accept all\n\nFerry Delayed by High Winds\n\n") + kArticle);
  EXPECT_EQ(kind_of(doc, "This site runs on cookies."), "consent");
  EXPECT_EQ(kind_of(doc, "You can change your cookie choices in the footer at any time."), "consent");
  EXPECT_EQ(title(doc), "Ferry Delayed by High Winds");
  EXPECT_EQ(doc.prose_sentence_count(), 3u);
}
