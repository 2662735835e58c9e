/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-sanitizer"

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "hallway-html-sanitizer.h"
#include "hallway-test-utils.h"

/* ---- what every sanitized document must be ------------------------------------------ */

static const char * const allowed_elements[] = {
  "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "code", "del", "pre",
  "blockquote", "h2", "h3", "h4", "hr", "a", NULL
};

static void
assert_allowed_element (xmlNode *element)
{
  g_autofree char *where = g_strdup_printf ("element <%s>", element->name);

  if (!g_strv_contains (allowed_elements, (const char *) element->name))
    g_error ("%s is not allowed", where);
  for (xmlAttr *attribute = element->properties; attribute != NULL; attribute = attribute->next)
    {
      xmlChar *value = xmlNodeGetContent ((xmlNode *) attribute);

      if (strcmp ((const char *) element->name, "a") != 0 ||
          strcmp ((const char *) attribute->name, "href") != 0)
        g_error ("%s has attribute %s", where, attribute->name);
      if (g_ascii_strncasecmp ((const char *) value, "http://", 7) != 0 &&
          g_ascii_strncasecmp ((const char *) value, "https://", 8) != 0 &&
          g_ascii_strncasecmp ((const char *) value, "mailto:", 7) != 0)
        g_error ("%s links to %s", where, value);
      xmlFree (value);
    }
}

/* Recursion is fine here: sanitized output nests at most 64 deep. */
static void
assert_allowed_tree (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        assert_allowed_element (node);
      else if (node->type != XML_TEXT_NODE)
        g_error ("unexpected node of type %d", node->type);
      assert_allowed_tree (node->children);
    }
}

/* Valid UTF-8, well-formed (as XML, once the void elements are closed), only allowed
 * elements, no attribute but a safe href. */
static void
assert_safe_markup (const char *html)
{
  g_autoptr (GString) xml = g_string_new (html);
  xmlDoc *doc;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  for (const char *p = html; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t' || *p == '\r');
  g_string_replace (xml, "<br>", "<br/>", 0);
  g_string_replace (xml, "<hr>", "<hr/>", 0);
  g_string_prepend (xml, "<root>");
  g_string_append (xml, "</root>");
  doc = xmlReadMemory (xml->str, (int) xml->len, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == NULL)
    g_error ("not well-formed: %.300s", html);
  assert_allowed_tree (xmlDocGetRootElement (doc)->children);
  xmlFreeDoc (doc);
}

static void
assert_sanitized (const char *input, const char *expected)
{
  g_autofree char *output = hallway_sanitize_html (input);

  g_assert_cmpstr (output, ==, expected);
  assert_safe_markup (output);
}

static void
assert_markdown (const char *input, const char *expected)
{
  g_autofree char *output = hallway_markdown_to_html (input);

  g_assert_cmpstr (output, ==, expected);
  assert_safe_markup (output);
}

static void
assert_plain_text (const char *input, const char *expected)
{
  g_autofree char *output = hallway_html_to_plain_text (input);

  g_assert_cmpstr (output, ==, expected);
}

/* ---- the sanitizer ------------------------------------------------------------------- */

static void
test_empty_input (void)
{
  assert_sanitized (NULL, "");
  assert_sanitized ("", "");
  assert_sanitized (" \n\t \n", "");
  assert_sanitized ("<p></p><p> </p><b></b>", "");
  assert_sanitized ("<script>alert(1)</script>", "");
  assert_sanitized ("<!-- only a comment -->", "");
}

static void
test_allowed_tags (void)
{
  assert_sanitized ("<p>A <strong>s</strong> <em>e</em> <b>b</b> <i>i</i> <code>c</code> "
                    "<del>d</del><br>next</p>",
                    "<p>A <strong>s</strong> <em>e</em> <b>b</b> <i>i</i> <code>c</code> "
                    "<del>d</del><br>next</p>");
  assert_sanitized ("<blockquote><p>quoted</p></blockquote><hr><pre>pre</pre>",
                    "<blockquote><p>quoted</p></blockquote>\n<hr>\n<pre>pre</pre>");
  assert_sanitized ("<h2>two</h2><h3>three</h3><h4>four</h4>",
                    "<h2>two</h2>\n<h3>three</h3>\n<h4>four</h4>");
}

static void
test_renamed_tags (void)
{
  assert_sanitized ("<h1>one</h1><h5>five</h5><h6>six</h6>",
                    "<h2>one</h2>\n<h4>five</h4>\n<h4>six</h4>");
  assert_sanitized ("<p><s>s</s> <strike>strike</strike> <tt>tt</tt> <kbd>kbd</kbd></p>",
                    "<p><del>s</del> <del>strike</del> <code>tt</code> <code>kbd</code></p>");
  assert_sanitized ("<P>Upper <STRONG>case</STRONG></P>", "<p>Upper <strong>case</strong></p>");
}

static void
test_lists (void)
{
  assert_sanitized ("<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>",
                    "<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>");
  assert_sanitized ("<ul>\n<li>a\n<li>b\n</ul>", "<ul>\n<li>a\n</li><li>b\n</li></ul>");
  assert_sanitized ("<ol><li><p>loose</p></li></ol>", "<ol><li><p>loose</p></li></ol>");
}

static void
test_links_kept (void)
{
  static const struct { const char *href; const char *kept;
  } cases[] = {
    { "http://example.org/", "http://example.org/" },
    { "https://example.org/a?b=1&amp;c=2#d", "https://example.org/a?b=1&amp;c=2#d" },
    { "mailto:someone@example.org", "mailto:someone@example.org" },
    { "HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/" },
    { "MailTo:someone@example.org", "MailTo:someone@example.org" },
    { "  https://example.org/trimmed  ", "https://example.org/trimmed" },
    { "https://exa\nmple.org/", "https://example.org/" },
    { "https://example.org/?q=&quot;&gt;&lt;script&gt;",
      "https://example.org/?q=&quot;&gt;&lt;script&gt;" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = g_strdup_printf ("<a href=\"%s\">click</a>", cases[i].href);
      g_autofree char *expected =
        g_strdup_printf ("<p><a href=\"%s\">click</a></p>", cases[i].kept);

      assert_sanitized (input, expected);
    }
  assert_sanitized ("<a href='https://example.org/' title=t target=_blank rel=opener>x</a>",
                    "<p><a href=\"https://example.org/\">x</a></p>");
}

static void
test_links_dropped (void)
{
  static const char * const hrefs[] = {
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&#10;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
    "&#0000106&#0000097vascript:alert(1)",
    "javascript&colon;alert(1)",
    " \t javascript:alert(1)",
    "\x01javascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "ftp://example.org/",
    "//evil.example/",
    "\\\\evil.example\\share",
    "/relative",
    "relative/path",
    "parca.dev",
    "#anchor",
    "?q=1",
    "http:evil.example",
    "https:/evil.example",
    "http://",
    "https:///path",
    "mailto:",
    "",
    "\xEF\xBD\x8A\xEF\xBD\x81\xEF\xBD\x96\xEF\xBD\x81script:alert(1)", /* fullwidth "java" */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (hrefs); i++)
    {
      g_autofree char *input = g_strdup_printf ("<a href=\"%s\">click</a>", hrefs[i]);

      assert_sanitized (input, "<p>click</p>");
    }
  assert_sanitized ("<a>no href</a> <a name=anchor>named</a>", "<p>no href named</p>");
  assert_sanitized ("<a href=\"javascript:alert(1)\"><b>bold</b> text</a>",
                    "<p><b>bold</b> text</p>");
}

static void
test_nested_links (void)
{
  g_autofree char *output = hallway_sanitize_html ("<a href=\"https://a.example/\">one "
                                                   "<a href=\"https://b.example/\">two</a></a>");

  g_assert_nonnull (strstr (output, "one"));
  g_assert_nonnull (strstr (output, "two"));
  g_assert_null (strstr (output, "<a href=\"https://a.example/\">one <a"));
  assert_safe_markup (output);
}

static void
test_event_handlers (void)
{
  g_autofree char *output = NULL;

  assert_sanitized ("<p onclick=\"alert(1)\" style=\"color:red\" class=c id=i>text</p>",
                    "<p>text</p>");
  assert_sanitized ("<b onmouseover=alert(1)>b</b>", "<p><b>b</b></p>");
  assert_sanitized ("<img src=x onerror=alert(1)>", "");
  assert_sanitized ("<body onload=alert(1)><p>body</p></body>", "<p>body</p>");
  assert_sanitized ("<a href=\"https://ok.example/\" onclick=\"alert(1)\">ok</a>",
                    "<p><a href=\"https://ok.example/\">ok</a></p>");
  assert_sanitized (
    "<div onpointerenter=alert(1) style=\"background:url(javascript:alert(1))\">d</div>",
    "<p>d</p>");

  output = hallway_sanitize_html (
    "<p title=\"x\" onclick=x><em onfocus=y autofocus tabindex=1>e</em></p>");
  g_assert_null (strstr (output, "on"));
  g_assert_cmpstr (output, ==, "<p><em>e</em></p>");
}

static void
test_dropped_with_content (void)
{
  static const char *const dropped[] = {
    "<script>alert('secret')</script>",
    "<script src=\"https://evil.example/x.js\"></script>",
    "<SCRIPT>alert('secret')</SCRIPT>",
    "<style>body { secret: 1 }</style>",
    "<iframe src=\"https://evil.example/\">secret</iframe>",
    "<img src=\"https://tracker.example/pixel.png\" alt=\"secret\">",
    ("<form action=\"https://evil.example/\"><input "
     "name=secret>secret<button>secret</button></form>"),
    "<svg onload=alert(1)><text>secret</text><script>alert(1)</script></svg>",
    "<math><mi>secret</mi></math>",
    "<object data=\"x.swf\">secret</object>",
    "<embed src=\"x.swf\">",
    "<applet code=x>secret</applet>",
    "<template><p>secret</p></template>",
    "<noscript><p>secret</p></noscript>",
    "<textarea><b>secret</b></textarea>",
    "<select><option>secret</option></select>",
    "<title>secret</title>",
    "<frameset><frame src=x></frameset>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<base href=\"https://evil.example/\">",
    "<!-- secret --><!--[if IE]><script>alert(1)</script><![endif]-->",
    "<?php echo 'secret'; ?>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      g_autofree char *input = g_strdup_printf ("<p>before</p>%s<p>after</p>", dropped[i]);
      g_autofree char *output = hallway_sanitize_html (input);

      g_assert_cmpstr (output, ==, "<p>before</p>\n<p>after</p>");
    }
  assert_sanitized ("<head><title>T</title><style>x</style></head><body><p>kept</p></body>",
                    "<p>kept</p>");
}

static void
test_unknown_tags_unwrapped (void)
{
  assert_sanitized (
    "<div>one</div><div>two <span style=\"x\">three</span> <font color=red>four</font></div>",
    "<p>one</p>\n<p>two three four</p>");
  assert_sanitized ("<section><article><p>deep</p></article></section>", "<p>deep</p>");
  assert_sanitized ("<table><tr><th>h</th><td>a</td></tr><tr><td>b</td><td>c</td></tr></table>",
                    "<p>h a</p>\n<p>b c</p>");
  assert_sanitized ("<p>in <u>the</u> <custom-element>middle</custom-element></p>",
                    "<p>in the middle</p>");
  assert_sanitized ("<dl><dt>term</dt><dd>definition</dd></dl>", "<p>term</p>\n<p>definition</p>");
  assert_sanitized ("<li><div>a</div><div>b</div></li>", "<li>\na\nb\n</li>");
  /* An li right in an li would be moved by the next parse: sanitizing again changed it. */
  assert_sanitized ("<li>a<div><li>b", "<li>a\nb\n</li>");
}

static void
test_malformed_html (void)
{
  static const char * const inputs[] = {
    "<p>unclosed <b>bold <i>both",
    "</p>stray</p></p></div></li></ul>",
    "<ul><li>one<li>two",
    "<p><div>x</p></div>",
    "<b><i>x</b></i>",
    "<b><p>x</p></b>",
    "<scr<script>ipt>alert(1)</script>",
    "<<p>>text<</p>>",
    "<p <p>text",
    "<!-- unclosed comment <p>x</p>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "</>",
    "<p>a</p >",
    "<a href=\"https://example.org/\"",
    "<a href=\"https://example.org/>unterminated",
    "<table><td>cell<p>para</td>",
    "<li>orphan</li>",
    "<pre><p>block in pre</p></pre>",
    "<h2><ul><li>list in heading</li></ul></h2>",
    "<em><blockquote>quote in emphasis</blockquote></em>",
    "<p><ul><li>list in paragraph</li></ul></p>",
    "<code><pre>x</pre></code>",
    "<hr><br><hr><br>",
    "<html><html><body><body><p>twice</p>",
    "<p>x</p><html><head><title>late</title></head></html>",
    "<p>&#0;&#x110000;&#xD800;&bogus;&amp</p>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *output = hallway_sanitize_html (inputs[i]);

      assert_safe_markup (output);
    }
  assert_sanitized ("<p>unclosed <b>bold <i>both", "<p>unclosed <b>bold <i>both</i></b></p>");
  assert_sanitized ("</p>stray</p>", "<p>stray</p>");
  assert_sanitized ("<p>a<div>b</div>c</p>", "<p>a</p>\n<p>b</p>\n<p>c</p>");
  assert_sanitized ("<p>one<p>two", "<p>one</p>\n<p>two</p>");
}

static void
test_escaped_markup_stays_text (void)
{
  assert_sanitized ("<p>Use &lt;script&gt;alert(1)&lt;/script&gt; carefully</p>",
                    "<p>Use &lt;script&gt;alert(1)&lt;/script&gt; carefully</p>");
  assert_sanitized ("<p>&amp;lt;b&amp;gt;</p>", "<p>&amp;lt;b&amp;gt;</p>");
  assert_sanitized ("<p>\"double\" and 'single' quotes</p>",
                    "<p>\"double\" and 'single' quotes</p>");
  assert_sanitized ("<code>&lt;img src=x onerror=alert(1)&gt;</code>",
                    "<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>");
  assert_sanitized ("R&D, caf&eacute; &amp; co", "<p>R&amp;D, café &amp; co</p>");
}

static void
test_non_ascii (void)
{
  assert_sanitized ("<p>Timothée Gosselin — 日本語 🎉 naïve «Zürich»</p>",
                    "<p>Timothée Gosselin — 日本語 🎉 naïve «Zürich»</p>");
  assert_sanitized ("Ελληνικά and עברית", "<p>Ελληνικά and עברית</p>");
  assert_sanitized ("<p>&#x1F600; &#233; &nbsp;</p>", "<p>😀 é \xC2\xA0</p>");
  assert_sanitized ("\xEF\xBB\xBF<p>after a byte order mark</p>", "<p>after a byte order mark</p>");
}

static void
test_invalid_utf8 (void)
{
  static const char * const inputs[] = {
    "<p>bad \xff\xfe bytes</p>",
    "<p>truncated \xc3</p>",
    "<p>surrogate \xed\xa0\x80 here</p>",
    ("<p>overlong \xc0\xbc" "script\xc0\xbe</p>"),
    "\x80\x81\x82",
    "<a href=\"https://example.org/\xff\">link</a>",
    "<p \xff=\xfe>attr</p>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *output = hallway_sanitize_html (inputs[i]);
      g_autofree char *text = hallway_html_to_plain_text (inputs[i]);
      g_autofree char *markdown = hallway_markdown_to_html (inputs[i]);

      assert_safe_markup (output);
      assert_safe_markup (markdown);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  {
    g_autofree char *output = hallway_sanitize_html ("<p>bad \xff\xfe bytes</p>");

    g_assert_nonnull (strstr (output, "bad"));
    g_assert_nonnull (strstr (output, "bytes"));
  }
}

static void
test_control_characters (void)
{
  g_autofree char *output = NULL;

  output = hallway_sanitize_html ("<p>a\x01" "b\x08" "c\x0b" "d\x0c" "e\x1f" "f\x7f" "g</p>");

  assert_safe_markup (output);
  g_assert_nonnull (strstr (output, "a"));
  g_assert_nonnull (strstr (output, "g"));
}

static void
test_plain_text_input (void)
{
  /* FOSDEM 2010 abstracts: hard-wrapped lines, blank lines between paragraphs. */
  assert_sanitized ("This talk will\ncover Aerosource.\n\nSecond paragraph\nhere.\n",
                    "<p>This talk will\ncover Aerosource.</p>\n<p>Second paragraph\nhere.</p>");
  assert_sanitized ("\n\n  one\r\n\r\ntwo  \n \t \n\n\nthree\n\n",
                    "<p>one</p>\n<p>two</p>\n<p>three</p>");
  assert_sanitized ("a < b and c > d", "<p>a &lt; b and c &gt; d</p>");
  assert_sanitized ("Hello world", "<p>Hello world</p>");
  /* FOSDEM 2007: markup and loose text mixed. */
  assert_sanitized (
    "<ul><li>item</li></ul>\n<dd>\n</dd>\n<i>About:</i>\n<dd>\n</dd>\n\n\nLoose text\nhere.",
    "<ul><li>item</li></ul>\n<p><i>About:</i></p>\n<p>Loose text\nhere.</p>");
  assert_sanitized ("<p>first\n\nsecond</p>", "<p>first</p>\n<p>second</p>");
  assert_sanitized ("<b>bold</b> and loose<br>line", "<p><b>bold</b> and loose<br>line</p>");
}

static void
test_preformatted (void)
{
  assert_sanitized ("<pre>  a\n\n  b &lt;c&gt;</pre>", "<pre>  a\n\n  b &lt;c&gt;</pre>");
  assert_sanitized ("<pre><code>x = 1\n\ny = 2\n</code></pre>",
                    "<pre><code>x = 1\n\ny = 2\n</code></pre>");
}

static void
test_nesting_capped (void)
{
  g_autoptr (GString) input = g_string_new (NULL);
  g_autofree char *output = NULL;
  const char *p;
  guint count = 0;

  for (guint i = 0; i < 200; i++)
    g_string_append (input, "<blockquote>");
  g_string_append (input, "deep");
  output = hallway_sanitize_html (input->str);
  assert_safe_markup (output);
  for (p = strstr (output, "<blockquote>"); p != NULL; p = strstr (p + 1, "<blockquote>"))
    count++;
  g_assert_cmpuint (count, >, 0);
  g_assert_cmpuint (count, <=, 64);
}

static void
test_idempotent (void)
{
  static const char * const inputs[] = {
    "<p>a</p><p>b <a href=\"https://example.org/?a=1&amp;b=2\">link</a></p>",
    "plain\n\ntext &amp; more",
    "<ul><li>one<li>two<ul><li>three</ul></ul>",
    "<div>x<div>y</div></div><table><td>c</td><td>d</td></table>",
    "<pre>  keep\n\n  this</pre><br><hr>",
    "<p><b>unclosed <i>tags",
    "<h1>h</h1><h6>six</h6><blockquote>q</blockquote>",
    "<p>&lt;script&gt; &quot;quoted&quot;</p>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *once = hallway_sanitize_html (inputs[i]);
      g_autofree char *twice = hallway_sanitize_html (once);

      g_assert_cmpstr (twice, ==, once);
    }
}

/* Every abstract and description of real FOSDEM schedules (HTML, plain text, a mix). */
static void
check_schedule_abstracts (const char *name, guint *checked)
{
  g_autofree char *path = hallway_test_schedule_path (name);
  xmlDoc *doc;

  if (path == NULL)
    return;
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  g_assert_nonnull (doc);
  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL;)
    {
      if (node->type == XML_ELEMENT_NODE &&
          (strcmp ((const char *) node->name, "abstract") == 0 ||
           strcmp ((const char *) node->name, "description") == 0))
        {
          xmlChar *text = xmlNodeGetContent (node);
          g_autofree char *html = hallway_sanitize_html ((const char *) text);
          g_autofree char *again = hallway_sanitize_html (html);
          g_autofree char *plain = hallway_html_to_plain_text (html);

          assert_safe_markup (html);
          g_assert_cmpstr (again, ==, html);
          g_assert_true (g_utf8_validate (plain, -1, NULL));
          if (strlen ((const char *) text) > 20)
            g_assert_cmpstr (html, !=, "");
          xmlFree (text);
          (*checked)++;
        }
      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  xmlFreeDoc (doc);
}

static void
test_real_fosdem_abstracts (void)
{
  guint checked = 0;

  check_schedule_abstracts ("fosdem-2007.xml", &checked);
  check_schedule_abstracts ("fosdem-2010-pentabarf-confclerk.xml", &checked);
  check_schedule_abstracts ("fosdem-2026.xml", &checked);
  if (checked == 0)
    return;
  g_test_message ("%u abstracts and descriptions sanitized", checked);
  g_assert_cmpuint (checked, >, 1000);
}

static void
test_real_fosdem_sample (void)
{
  /* From fosdem-2026.xml: a heading, a link, a rule, emoji. */
  assert_sanitized (
    "<p>Intro:</p>\n<h5>Resources</h5>\n<ul>\n<li><a href=\"http://gephi.org/lite\">The "
    "project's website</a></li>\n</ul>\n<hr />\n<p>a nice <del>picture</del> reliable "
    "operating system! 🧩</p>",
    "<p>Intro:</p>\n<h4>Resources</h4>\n<ul>\n<li><a href=\"http://gephi.org/lite\">The "
    "project's website</a></li>\n</ul>\n<hr>\n<p>a nice <del>picture</del> reliable "
    "operating system! 🧩</p>");
}

/* ---- Markdown ------------------------------------------------------------------------ */

static void
test_markdown_empty (void)
{
  assert_markdown (NULL, "");
  assert_markdown ("", "");
  assert_markdown ("\n\n   \n", "");
}

static void
test_markdown_blocks (void)
{
  assert_markdown ("# Title\n\n## Section\n\n### Sub\n\n#### Four\n\n##### Five",
                   "<h2>Title</h2>\n<h2>Section</h2>\n<h3>Sub</h3>\n<h4>Four</h4>\n<h4>Five</h4>");
  assert_markdown (
    "Some *em*, **strong** and `code <b>`.",
    "<p>Some <em>em</em>, <strong>strong</strong> and <code>code &lt;b&gt;</code>.</p>");
  assert_markdown ("- one\n- two\n  - nested\n\n1. first\n2. second",
                   "<ul>\n<li>one</li>\n<li>two<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>\n"
                   "<ol>\n<li>first</li>\n<li>second</li>\n</ol>");
  assert_markdown ("```\nx < y\n\n<b>not bold</b>\n```",
                   "<pre><code>x &lt; y\n\n&lt;b&gt;not bold&lt;/b&gt;\n</code></pre>");
  assert_markdown ("> quoted\n\n---\n\nline  \nbreak",
                   "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n<p>line<br>\nbreak</p>");
  assert_markdown ("Timothée: 日本語 🎉", "<p>Timothée: 日本語 🎉</p>");
}

static void
test_markdown_links (void)
{
  assert_markdown ("[site](https://example.org/)",
                   "<p><a href=\"https://example.org/\">site</a></p>");
  assert_markdown ("[x](javascript:alert(1))", "<p>x</p>");
  assert_markdown ("[x](JAVASCRIPT:alert(1)) [y](data:text/html,hi) [z](vbscript:x) [w](/relative)",
                   "<p>x y z w</p>");
  assert_markdown ("<https://example.org/auto>",
                   "<p><a href=\"https://example.org/auto\">https://example.org/auto</a></p>");
  assert_markdown ("Bare https://example.org/bare and www.example.org and me@example.org",
                   "<p>Bare <a href=\"https://example.org/bare\">https://example.org/bare</a> and "
                   "<a href=\"http://www.example.org\">www.example.org</a> and "
                   "<a href=\"mailto:me@example.org\">me@example.org</a></p>");
  assert_markdown ("[ref]\n\n[ref]: javascript:alert(1)", "<p>ref</p>");
  assert_markdown ("![tracking](https://tracker.example/pixel.png)", "");
}

static void
test_markdown_raw_html (void)
{
  assert_markdown ("<script>alert(1)</script>\n\nText", "<p>Text</p>");
  assert_markdown ("Inline <script>alert(1)</script> script", "<p>Inline  script</p>");
  assert_markdown ("Kept <b>bold</b>, gone <img src=x onerror=alert(1)>.",
                   "<p>Kept <b>bold</b>, gone .</p>");
  assert_markdown ("<div onclick=\"alert(1)\">\n\n*raw* block\n\n</div>",
                   "<p><em>raw</em> block</p>");
  assert_markdown ("<a href=\"javascript:alert(1)\">raw link</a>", "<p>raw link</p>");
  assert_markdown ("<iframe src=\"https://evil.example/\"></iframe>\n\nafter", "<p>after</p>");
}

static void
test_real_markdown_descriptions (void)
{
  g_autofree char *path = hallway_test_schedule_path ("33c3-frab.schedule.json");
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *schedule;
  JsonArray *days;
  guint checked = 0;

  if (path == NULL)
    return;
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  schedule = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "schedule");
  days =
    json_object_get_array_member (json_object_get_object_member (schedule, "conference"), "days");
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonObject *rooms =
        json_object_get_object_member (json_array_get_object_element (days, d), "rooms");
      g_autoptr (GList) names = json_object_get_members (rooms);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonArray *talks = json_object_get_array_member (rooms, l->data);

          for (guint e = 0; e < json_array_get_length (talks); e++)
            {
              JsonObject *talk = json_array_get_object_element (talks, e);
              const char *description =
                json_object_get_string_member_with_default (talk, "description", "");
              g_autofree char *html = hallway_markdown_to_html (description);

              assert_safe_markup (html);
              checked++;
            }
        }
    }
  g_test_message ("%u Markdown descriptions rendered", checked);
  g_assert_cmpuint (checked, >, 100);
}

/* ---- plain text ---------------------------------------------------------------------- */

static void
test_plain_text_empty (void)
{
  assert_plain_text (NULL, "");
  assert_plain_text ("", "");
  assert_plain_text ("<p></p>  <script>x</script>", "");
}

static void
test_plain_text_blocks (void)
{
  assert_plain_text ("<h2>Title</h2><p>First   paragraph\nwrapped.</p><p>Second.</p>",
                     "Title\n\nFirst paragraph wrapped.\n\nSecond.");
  assert_plain_text ("<p>a<br>b</p><hr><blockquote><p>quote</p></blockquote>", "a\nb\n\nquote");
  assert_plain_text ("<pre><code>x = 1\n  y = 2\n</code></pre><p>after</p>",
                     "x = 1\n  y = 2\n\nafter");
  assert_plain_text ("plain\n\ntext", "plain\n\ntext");
  assert_plain_text ("   <p>  trimmed  </p>   ", "trimmed");
}

static void
test_plain_text_lists (void)
{
  assert_plain_text ("<p>Intro</p><ul><li>one</li><li><p>two</p><ul><li>nested</li></ul></li></ul>"
                     "<p>after</p>",
                     "Intro\n\n• one\n• two\n  • nested\n\nafter");
  assert_plain_text ("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second");
}

static void
test_plain_text_links (void)
{
  assert_plain_text ("<p>See <a href=\"https://example.org/\">the site</a>.</p>",
                     "See the site (https://example.org/).");
  assert_plain_text ("<p><a href=\"https://example.org/\">https://example.org/</a></p>",
                     "https://example.org/");
  assert_plain_text ("<p><a href=\"mailto:me@example.org\">me@example.org</a></p>",
                     "me@example.org");
  assert_plain_text ("<p><a href=\"javascript:alert(1)\">click</a></p>", "click");
}

static void
test_plain_text_entities (void)
{
  assert_plain_text ("<p>&amp; &lt;b&gt; caf&eacute; &#x1F600; &quot;q&quot;</p>",
                     "& <b> café 😀 \"q\"");
  assert_plain_text ("<p>Tim<b>oth</b>ée</p>", "Timothée");
  assert_plain_text ("<style>p { color: red }</style><script>alert(1)</script><p>only this</p>",
                     "only this");
}

/* ---- shortening ---------------------------------------------------------------------- */

/* Cut at every length: always safe markup (never a cut tag, reference or character), a
 * prefix of the original, and the whole only when it fits. */
static void
test_truncate_every_length (void)
{
  g_autofree char *html = hallway_sanitize_html (
    "<h2>Caf\xc3\xa9 &amp; \xf0\x9f\x98\x80</h2><p>One <a href=\"https://example.org/?a=1&b=2\">"
    "link &lt;here&gt;</a> and <strong>bold <em>text</em></strong>.<br>Next line</p>"
    "<ul><li>one<ul><li>two \xe2\x80\x94 deep</li></ul></li><li>three</li></ul><hr>"
    "<pre>  code\n  more</pre><blockquote><p>quoted</p></blockquote>");
  gsize length = strlen (html);

  for (gsize max = 0; max <= length + 1; max++)
    {
      gboolean truncated = !(max >= length);
      g_autofree char *cut = hallway_html_truncate (html, max, &truncated);
      g_autoptr (GString) kept = g_string_new (cut);
      char *end_tags;

      assert_safe_markup (cut);
      if (max >= length)
        {
          g_assert_false (truncated);
          g_assert_cmpstr (cut, ==, html);
          continue;
        }
      g_assert_true (truncated);
      /* What is left once the end tags and the ellipsis go is the start of the original,
       * no longer than asked. */
      end_tags = strstr (kept->str, "…");
      if (end_tags != NULL)
        g_string_truncate (kept, end_tags - kept->str);
      while (kept->len > max || strncmp (html, kept->str, kept->len) != 0)
        {
          char *last_tag = strrchr (kept->str, '<');

          g_assert_true (g_str_has_suffix (kept->str, ">"));
          g_assert_nonnull (last_tag);
          g_assert_cmpint (last_tag[1], ==, '/');
          g_string_truncate (kept, last_tag - kept->str);
        }
      g_assert_true (strncmp (html, kept->str, kept->len) == 0);
    }
}

static void
test_truncate_cuts (void)
{
  g_autofree char *word = g_strnfill (100, 'x');
  g_autofree char *long_word = g_strconcat ("<p>", word, "</p>", NULL);
  g_autofree char *cut = NULL;
  g_autofree char *expected = NULL;
  gboolean truncated;

  /* At a space near the limit, rather than inside a word. */
  cut = hallway_html_truncate ("<p>one two three</p>", 12, &truncated);
  g_assert_true (truncated);
  g_assert_cmpstr (cut, ==, "<p>one two…</p>");
  g_clear_pointer (&cut, g_free);

  /* One long word: between two of its characters. */
  cut = hallway_html_truncate (long_word, 50, &truncated);
  expected = g_strdup_printf ("<p>%.47s…</p>", word);
  g_assert_cmpstr (cut, ==, expected);
  g_clear_pointer (&cut, g_free);

  /* Never inside a character (é is two bytes) or a reference. */
  cut = hallway_html_truncate ("<p>\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9</p>", 8, NULL);
  g_assert_cmpstr (cut, ==, "<p>\xc3\xa9\xc3\xa9…</p>");
  g_clear_pointer (&cut, g_free);
  cut = hallway_html_truncate ("<p>ab&amp;cd</p>", 7, NULL);
  g_assert_cmpstr (cut, ==, "<p>ab…</p>");
  g_clear_pointer (&cut, g_free);

  /* Never inside a tag, and what is open gets closed. */
  cut = hallway_html_truncate ("<ul><li><a href=\"https://example.org/\">link</a></li></ul>", 20,
                               NULL);
  g_assert_cmpstr (cut, ==, "<ul><li></li></ul>");
  g_clear_pointer (&cut, g_free);
  cut = hallway_html_truncate ("<p>a<br>b</p><p>c</p>", 13, &truncated);
  g_assert_true (truncated);
  g_assert_cmpstr (cut, ==, "<p>a<br>b</p>");

  g_clear_pointer (&cut, g_free);
  cut = hallway_html_truncate ("<p>fits</p>", 11, &truncated);
  g_assert_false (truncated);
  g_assert_cmpstr (cut, ==, "<p>fits</p>");
}

/* Issue 10, defect 9: a megabyte of one word took WebKit 17 s to lay out. What the abstract
 * view is given is at most HALLWAY_ABSTRACT_MAX_BYTES, with a note and a link. */
static void
test_abstract_html_shortened (void)
{
  g_autofree char *word = g_strnfill (1024 * 1024, 'x');
  g_autofree char *source = g_strconcat ("<p>", word, "</p>", NULL);
  g_autofree char *sanitized = hallway_sanitize_html (source);
  g_autofree char *html = NULL;
  g_autofree char *no_link = NULL;
  g_autofree char *bad_link = NULL;

  html = hallway_abstract_html (sanitized, "<p>A description.</p>",
                                "https://example.org/talk?a=1&b=\"2\"");
  assert_safe_markup (html);
  g_assert_cmpuint (strlen (html), <, HALLWAY_ABSTRACT_MAX_BYTES + 512);
  g_assert_true (g_str_has_prefix (html, "<p>xxxxxxxx"));
  g_assert_nonnull (strstr (html, "x…</p>\n<p><em>This abstract is too long to show here in "
                                  "full and was shortened.</em> <a href=\"https://example.org/"
                                  "talk?a=1&amp;b=&quot;2&quot;\">Read all of it on the talk’s "
                                  "web page</a></p>"));
  g_assert_null (strstr (html, "A description"));

  /* No web page, or one that is no web address: the note alone. */
  no_link = hallway_abstract_html (sanitized, NULL, NULL);
  assert_safe_markup (no_link);
  g_assert_true (g_str_has_suffix (no_link, "shortened.</em></p>"));
  bad_link = hallway_abstract_html (NULL, sanitized, "javascript:alert(1)");
  assert_safe_markup (bad_link);
  g_assert_true (g_str_has_suffix (bad_link, "shortened.</em></p>"));
}

static void
test_abstract_html_whole (void)
{
  g_autofree char *both = hallway_abstract_html ("<p>Abstract.</p>", "<p>Description.</p>",
                                                 "https://example.org/talk");
  g_autofree char *none = hallway_abstract_html (NULL, NULL, "https://example.org/talk");

  g_assert_cmpstr (both, ==, "<p>Abstract.</p><p>Description.</p>");
  g_assert_cmpstr (none, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sanitizer/empty-input", test_empty_input);
  g_test_add_func ("/sanitizer/allowed-tags", test_allowed_tags);
  g_test_add_func ("/sanitizer/renamed-tags", test_renamed_tags);
  g_test_add_func ("/sanitizer/lists", test_lists);
  g_test_add_func ("/sanitizer/links/kept", test_links_kept);
  g_test_add_func ("/sanitizer/links/dropped", test_links_dropped);
  g_test_add_func ("/sanitizer/links/nested", test_nested_links);
  g_test_add_func ("/sanitizer/event-handlers", test_event_handlers);
  g_test_add_func ("/sanitizer/dropped-with-content", test_dropped_with_content);
  g_test_add_func ("/sanitizer/unknown-tags-unwrapped", test_unknown_tags_unwrapped);
  g_test_add_func ("/sanitizer/malformed-html", test_malformed_html);
  g_test_add_func ("/sanitizer/escaped-markup-stays-text", test_escaped_markup_stays_text);
  g_test_add_func ("/sanitizer/non-ascii", test_non_ascii);
  g_test_add_func ("/sanitizer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/sanitizer/control-characters", test_control_characters);
  g_test_add_func ("/sanitizer/plain-text-input", test_plain_text_input);
  g_test_add_func ("/sanitizer/preformatted", test_preformatted);
  g_test_add_func ("/sanitizer/nesting-capped", test_nesting_capped);
  g_test_add_func ("/sanitizer/idempotent", test_idempotent);
  g_test_add_func ("/sanitizer/real-fosdem-sample", test_real_fosdem_sample);
  g_test_add_func ("/sanitizer/real-fosdem-abstracts", test_real_fosdem_abstracts);

  g_test_add_func ("/sanitizer/truncate/every-length", test_truncate_every_length);
  g_test_add_func ("/sanitizer/truncate/cuts", test_truncate_cuts);
  g_test_add_func ("/abstract-html/shortened", test_abstract_html_shortened);
  g_test_add_func ("/abstract-html/whole", test_abstract_html_whole);

  g_test_add_func ("/markdown/empty", test_markdown_empty);
  g_test_add_func ("/markdown/blocks", test_markdown_blocks);
  g_test_add_func ("/markdown/links", test_markdown_links);
  g_test_add_func ("/markdown/raw-html", test_markdown_raw_html);
  g_test_add_func ("/markdown/real-descriptions", test_real_markdown_descriptions);

  g_test_add_func ("/plain-text/empty", test_plain_text_empty);
  g_test_add_func ("/plain-text/blocks", test_plain_text_blocks);
  g_test_add_func ("/plain-text/lists", test_plain_text_lists);
  g_test_add_func ("/plain-text/links", test_plain_text_links);
  g_test_add_func ("/plain-text/entities", test_plain_text_entities);

  return g_test_run ();
}
