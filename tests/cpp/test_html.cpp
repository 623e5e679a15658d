#include "synopsis/html.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/segment.hpp"
#include "synopsis/stance.hpp"
#include "synopsis/summarize.hpp"
#include "../../fuzz/document_invariants.hpp"

using namespace synopsis;

namespace {

Document read_html(const std::string& html) {
  SegmentOptions options;
  options.format = "html";
  return segment(html, options);
}

std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) out.emplace_back(doc.sentence_text(i));
  return out;
}

// The HTML a sentence reports as its source.
std::string source_of(const Document& doc, std::size_t i) {
  const Sentence& s = doc.sentences[i];
  const std::uint32_t a = doc.source_start(s.start), b = doc.source_end(s.end);
  return doc.source.substr(a, b - a);
}

}  // namespace

TEST(Html, BlocksBecomeParagraphsAndListItemsLines) {
  const HtmlText h = html_to_text(
      "<html><body><p>One   sentence\n here.</p><div>Two <b>bold</b>words.</div>"
      "<ul><li>apples</li><li>pears</li></ul><p>a<br>b</p><table><tr><td>x</td><td>y</td></tr></table></body></html>");
  EXPECT_EQ(h.text, "One sentence here.\n\nTwo boldwords.\n\napples\npears\n\na\nb\n\nx\ny");
}

TEST(Html, PreKeepsItsLineBreaks) {
  const HtmlText h = html_to_text("<p>Before.</p><pre>  a = 1\n  b = 2</pre>");
  EXPECT_EQ(h.text, "Before.\n\n  a = 1\n  b = 2");
}

TEST(Html, DropsWhatAReaderDoesNotSee) {
  const HtmlText h = html_to_text(
      "<html><head><style>p{}</style><script>var a = 1;</script></head><body>"
      "<nav>Menu</nav><noscript>Enable JS</noscript><template>T</template><aside>Ad</aside>"
      "<form><label>Search</label></form><iframe>frame</iframe><svg><text>logo</text></svg>"
      "<p>Kept.</p><p hidden>H1</p><div aria-hidden=\"true\">H2</div><span style=\"DISPLAY : none\">H3</span>"
      "<footer>Copyright</footer></body></html>");
  EXPECT_EQ(h.text, "Kept.");
}

TEST(Html, TitleIsTheHeadlineWithoutTheSiteName) {
  const HtmlText h = html_to_text(
      "<html><head><title>Storm hits coast - BBC News</title></head><body><p>The storm hit.</p></body></html>");
  EXPECT_EQ(h.text, "Storm hits coast\n\nThe storm hit.");
  ASSERT_TRUE(h.headline);
  EXPECT_EQ(h.headline->start, 0u);
  EXPECT_EQ(h.headline->end, 16u);
  const HtmlText site_first = html_to_text("<title>Site | A long headline here</title><p>Body.</p>");
  EXPECT_EQ(site_first.text, "A long headline here\n\nBody.");
}

TEST(Html, TitleIsNotRepeatedBeforeAnH1) {
  const HtmlText h = html_to_text(
      "<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1><p>The storm hit.</p>"
      "</body></html>");
  EXPECT_EQ(h.text, "Storm hits coast\n\nThe storm hit.");
  const Document doc = read_html("<title>Storm | Site</title><h1>Storm hits coast</h1><p>The storm hit the town.</p>");
  EXPECT_EQ(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(0), "Storm hits coast");
  EXPECT_TRUE(doc.sentences[0].is_heading);
}

TEST(Html, PrefersTheArticle) {
  const HtmlText h = html_to_text(
      "<body><div>Site menu text</div><article><h1>Headline</h1><p>Article text that is long enough to win.</p>"
      "</article><div>Related</div></body>");
  EXPECT_EQ(h.text, "Headline\n\nArticle text that is long enough to win.");
  const HtmlText main = html_to_text("<body><div>Outside</div><div role=\"main\"><p>Inside main.</p></div></body>");
  EXPECT_EQ(main.text, "Inside main.");
}

TEST(Html, HeadingsAreFlagged) {
  const Document doc = read_html(
      "<h1>Rates rise</h1><p>The central bank raised rates on Monday, its third rise this year.</p>"
      "<h2>What it means for you</h2><p>Mortgages will cost more, economists said on Tuesday.</p>");
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_TRUE(doc.sentences[0].is_heading);
  EXPECT_FALSE(doc.sentences[1].is_heading);
  EXPECT_TRUE(doc.sentences[2].is_heading);
  EXPECT_EQ(doc.title, 0);
}

TEST(Html, EntitiesAreDecodedAndMappedToTheirSource) {
  const std::string html = "<p>Fish &amp; chips cost &pound;5&#46; Cheap &notit; eh.</p><p>AT&T &lt;3 &#x263A;.</p>";
  const Document doc = read_html(html);
  EXPECT_EQ(sentence_texts(doc),
            (std::vector<std::string>{"Fish & chips cost \xC2\xA3" "5.", "Cheap \xC2\xACit; eh.", "AT&T <3 \xE2\x98\xBA."}));
  EXPECT_EQ(source_of(doc, 0), "Fish &amp; chips cost &pound;5&#46;");
  EXPECT_EQ(source_of(doc, 1), "Cheap &notit; eh.");
  EXPECT_EQ(source_of(doc, 2), "AT&T &lt;3 &#x263A;.");
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t];
    EXPECT_LE(doc.source_start(tok.start), doc.source_end(tok.end));
  }
}

TEST(Html, OffsetsCoverInlineMarkupAndCollapsedSpace) {
  const std::string html = "<p>Roofs   were torn off in <a href=\"x\">three\ntowns</a>.</p>";
  const Document doc = read_html(html);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentence_text(0), "Roofs were torn off in three towns.");
  EXPECT_EQ(source_of(doc, 0), "Roofs   were torn off in <a href=\"x\">three\ntowns</a>.");
  EXPECT_TRUE(doc.is_html());
  // Copied prose is one run, not one per word.
  EXPECT_LE(doc.source_runs.size(), 6u);
}

TEST(Html, LinkDensityOfEachParagraph) {
  const Document doc = read_html("<p><a href=a>Home</a> <a href=b>News</a></p><p>Plain prose, no links at all.</p>"
                                 "<p>Half <a href=c>link</a></p>");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_FLOAT_EQ(doc.paragraphs[0].link_density, 1.0f);
  EXPECT_FLOAT_EQ(doc.paragraphs[1].link_density, 0.0f);
  EXPECT_FLOAT_EQ(doc.paragraphs[2].link_density, 0.5f);
  const Document plain = segment("Plain text. <a>not a link</a> here.");
  EXPECT_FLOAT_EQ(plain.paragraphs[0].link_density, 0.0f);
}

TEST(Html, AutoDetectsPagesButNotTextWithAngleBrackets) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html></html>"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF  \n<html lang=en>"));
  EXPECT_TRUE(looks_like_html("<!-- saved page --><div>x</div>"));
  EXPECT_TRUE(looks_like_html("<p>Hello</p>"));
  EXPECT_TRUE(looks_like_html("<BODY>"));
  EXPECT_TRUE(looks_like_html("<?xml version=\"1.0\"?>\n<html>"));
  EXPECT_FALSE(looks_like_html("I <3 cats. x < y and y > z."));
  EXPECT_FALSE(looks_like_html("<3 love"));
  EXPECT_FALSE(looks_like_html("<notatag> is not HTML"));
  EXPECT_FALSE(looks_like_html("<p"));
  EXPECT_FALSE(looks_like_html(""));
  const Document text = segment("I <3 cats. <b>is</b> a tag.");
  EXPECT_FALSE(text.is_html());
  EXPECT_EQ(text.text, "I <3 cats. <b>is</b> a tag.");
  const Document page = segment("<p>A page.</p>");
  EXPECT_TRUE(page.is_html());
  EXPECT_EQ(page.text, "A page.");
  SegmentOptions as_text;
  as_text.format = "text";
  EXPECT_EQ(segment("<p>A page.</p>", as_text).text, "<p>A page.</p>");
}

TEST(Html, HugeNumericReferencesGiveValidText) {
  // gumbo decodes some of these to a lone UTF-8 lead byte (found by fuzz_html).
  const Document doc = read_html("<p>Main &#xcccccccccccccccccccccccccccc; &#2; &#99999999999999; end.</p>");
  EXPECT_EQ(fuzz::document_violation(doc), nullptr);
  EXPECT_EQ(find_invalid_utf8(doc.text), std::string_view::npos);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(source_of(doc, 0), "Main &#xcccccccccccccccccccccccccccc; &#2; &#99999999999999; end.");
}

TEST(Html, ReferencesWithoutSemicolonKeepLaterOffsets) {
  // A named reference decoded from a prefix ("&notit;" -> "¬it;") next to another reference or
  // a CR LF: the copied text after it maps byte for byte, and the next sentence starts where
  // it does in the page.
  for (const std::string& middle : {"&notit; &amp; more", "&notit;&amp; more", "&notit;\r\nmore",
                                    "&amp&amp; more", "AT&T&amp; more", "&#x41&amp; more", "&copy&copy; more"}) {
    const std::string html = "<p>Tom " + middle + " text. Second sentence here.</p>";
    const Document doc = read_html(html);
    EXPECT_EQ(fuzz::document_violation(doc), nullptr) << middle;
    ASSERT_EQ(doc.sentences.size(), 2u) << middle;
    EXPECT_EQ(source_of(doc, 0), "Tom " + middle + " text.");
    EXPECT_EQ(source_of(doc, 1), "Second sentence here.") << middle;
  }
}

TEST(Html, ControlCharactersKeepLaterOffsets) {
  // The parser drops some control characters and writes U+FFFD for others; a literal U+FFFD
  // after them must not be taken for one of those (found by fuzz_html).
  using namespace std::string_literals;
  for (const std::string& middle : {"\x01\0\0\x10\xEF\xBF\xBD&amp;T"s, "\0\xEF\xBF\xBD more"s, "a\x01\x7F b"s,
                                    "&poundle\x11\0\0 cell"s, "x</span><\x01&amp; y"s}) {
    const std::string html = "<p>Tom " + middle + " text. Second sentence here.</p>";
    const Document doc = read_html(html);
    EXPECT_EQ(fuzz::document_violation(doc), nullptr) << middle;
    ASSERT_FALSE(doc.sentences.empty());
    EXPECT_EQ(source_of(doc, doc.sentences.size() - 1), "Second sentence here.") << middle;
  }
}

TEST(Html, PlainTextMapsToItself) {
  const Document doc = segment("One here. Two there.");
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(doc.source_start(s.start), s.start);
    EXPECT_EQ(doc.source_end(s.end), s.end);
  }
}

TEST(Html, UnknownFormatIsRefusedNamingTheChoices) {
  SegmentOptions options;
  options.format = "markdown";
  try {
    segment("x", options);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("\"auto\", \"text\" or \"html\""), std::string::npos) << e.what();
  }
  SummarizeOptions summarize_options;
  summarize_options.format = "HTML";
  EXPECT_THROW(validate(summarize_options), std::invalid_argument);
  StanceTaggerOptions stance_options;
  stance_options.format = "";
  EXPECT_THROW(StanceTagger("a target", stance_options), std::invalid_argument);
}

TEST(Html, MalformedAndUnclosedHtmlIsReadAsBrowsersDo) {
  const Document doc = read_html("<p>First <b>bold <i>both</b> italic?</p><p>Unclosed <div>block");
  EXPECT_EQ(fuzz::document_violation(doc), nullptr);
  EXPECT_NE(doc.text.find("First bold both italic?"), std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("block"), std::string::npos);
  using namespace std::string_literals;
  for (const std::string& broken : {"<"s, "<p"s, "</p>"s, "<p><"s, "&"s, "&#"s, "&#x;"s, "<!--"s, "<![CDATA[x"s,
                                    "<a href='"s, "<table><td>x"s, "<p>\r\nCR\rLF\n</p>"s, "<p>nul\0byte</p>"s}) {
    const Document d = read_html(broken);
    EXPECT_EQ(fuzz::document_violation(d), nullptr) << broken;
  }
}

TEST(Html, DeepNestingIsReadAndHugeNestingRefused) {
  std::string html;
  for (std::size_t i = 0; i < max_html_depth(); ++i) html += "<div>";
  html += "Deep text here.";
  const Document doc = read_html(html);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentence_text(0), "Deep text here.");
  EXPECT_EQ(source_of(doc, 0), "Deep text here.");
  std::string deeper;
  for (int i = 0; i < 1000000; ++i) deeper += "<span>";
  try {
    read_html(deeper);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("more than 10000 deep (at byte offset 60000)"), std::string::npos) << e.what();
  }
  // Elements that close themselves (p, li, void elements) do not nest.
  std::string flat;
  for (int i = 0; i < 50000; ++i) flat += "<p>One more line<br><li>item";
  EXPECT_GE(read_html(flat).sentences.size(), 50000u);
  // A script's '<' are not elements; an end tag that closes nothing does not lower the depth.
  std::string script = "<html><body><script>";
  for (int i = 0; i < 20000; ++i) script += "if(a<b){x<y}";
  script += "</script><p>After the script.</p></body></html>";
  EXPECT_EQ(read_html(script).text, "After the script.");
  std::string stray;
  for (std::size_t i = 0; i <= max_html_depth(); ++i) stray += "<div></i>";
  EXPECT_THROW(read_html(stray), std::invalid_argument);
  // Formatting elements left open are reopened at every block: refused before they cost much.
  std::string formats = "<div>";
  for (int i = 0; i < 800; ++i) formats += "<b id=" + std::to_string(i) + ">";
  formats += "</div>";
  for (int i = 0; i < 2000; ++i) formats += "<div>x</div>";
  try {
    read_html(formats);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("formatting elements"), std::string::npos) << e.what();
  }
  // A page of ordinary inline markup is read.
  std::string inline_page;
  for (int i = 0; i < 20000; ++i) inline_page += "<p>Some <b>bold</b> and <i>italic <a href=x>linked</a></i> words.</p>";
  EXPECT_GE(read_html(inline_page).sentences.size(), 20000u);
}

TEST(Html, InvalidUtf8IsReplacedBeforeParsing) {
  SegmentOptions options;
  options.format = "html";
  EXPECT_THROW(segment("<p>bad \xFF byte.</p>", options), std::invalid_argument);
  options.replace_invalid = true;
  const Document doc = segment("<p>bad \xFF byte.</p>", options);
  EXPECT_EQ(doc.text, "bad \xEF\xBF\xBD byte.");
  EXPECT_EQ(fuzz::document_violation(doc), nullptr);
}

TEST(Html, SummariesAndStanceReadHtml) {
  const std::string html =
      "<html><head><title>Floods - News</title><script>x()</script></head><body><nav>Home News Sport</nav>"
      "<p>Heavy rain flooded the valley on Monday. The river rose two metres overnight.</p>"
      "<p>Shops in the town centre closed early. Officials said the water would recede by Friday.</p>"
      "</body></html>";
  SummarizeOptions options;
  options.sentences = 1;
  const Summary s = summarize(html, options);
  ASSERT_EQ(s.sentences.size(), 1u);
  const Document doc = read_html(html);
  EXPECT_EQ(doc.text.find("x()"), std::string::npos);
  EXPECT_EQ(doc.text.find("Home"), std::string::npos);
  const StanceResult r = StanceTagger("the valley flooded").tag(html);
  for (const SentenceStance& st : r.sentences) EXPECT_LT(st.sentence, doc.sentences.size());
}

TEST(Html, TokensAfterAStrayEndTagMapToTheirOwnBytes) {
  // gumbo keeps "</span>" (nothing open to close) inside the text node it ignores.
  const Document doc = read_html("<p>The council met on Monday.</span> It voted to close the old bridge.</p>");
  ASSERT_FALSE(doc.tokens.empty());
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    const std::uint32_t a = doc.source_start(t.start), b = doc.source_end(t.end);
    EXPECT_EQ(doc.source.substr(a, b - a), std::string(doc.token_text(i)));
  }
}

TEST(Html, AnH1WithoutTextLeavesTheHeadlineToTheTitle) {
  const Document doc = read_html(
      "<html><head><title>Council closes the old bridge</title></head><body>"
      "<h1><a href=\"/\"><img src=\"logo.png\"></a></h1>"
      "<p>The council voted on Monday to close the old bridge to traffic for a year.</p></body></html>");
  ASSERT_GE(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(static_cast<std::size_t>(doc.title)), "Council closes the old bridge");
}

TEST(Html, FurnitureTheMarkupNamesTakesItsKind) {
  const Document doc = read_html(
      "<html><body><div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site.</p></div>"
      "<div class=\"post has-comments\"><h1>Floods close schools in the valley</h1>"
      "<p>Heavy rain flooded the valley on Monday, and the river rose two metres overnight.</p>"
      "<figure><img src=x.jpg><figcaption>Water in the town centre on Monday morning.</figcaption></figure>"
      "<p>Schools in the three towns closed early, officials said on Monday afternoon.</p>"
      "<section id=\"comments\"><p>This is absolutely ridiculous, the council was warned years ago.</p></section>"
      "</div></body></html>");
  auto kind_of = [&](const std::string& start) {
    for (std::size_t i = 0; i < doc.sentences.size(); ++i)
      if (doc.sentence_text(i).substr(0, start.size()) == start) return doc.sentences[i].boilerplate_kind;
    ADD_FAILURE() << "no sentence starts with " << start;
    return BoilerplateKind::none;
  };
  EXPECT_EQ(kind_of("We use cookies"), BoilerplateKind::consent);
  EXPECT_EQ(kind_of("Water in the town"), BoilerplateKind::caption);
  EXPECT_EQ(kind_of("This is absolutely"), BoilerplateKind::comment);
  // "has-comments" wraps the headline and the article: it names no furniture.
  EXPECT_EQ(kind_of("Heavy rain"), BoilerplateKind::none);
  EXPECT_EQ(kind_of("Schools in"), BoilerplateKind::none);
  ASSERT_GE(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(static_cast<std::size_t>(doc.title)), "Floods close schools in the valley");
  for (const Sentence& sentence : doc.sentences)
    EXPECT_EQ(sentence.is_boilerplate, sentence.boilerplate_kind != BoilerplateKind::none);
}

