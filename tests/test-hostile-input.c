/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-hostile-input"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>
#include <unistd.h>

#include "hallway-talk.h"
#include "hallway-html-sanitizer.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-test-utils.h"

/* Whatever a schedule holds, reading it ends quickly with a conference or with an error a
 * person can read, and every HTML field of the conference is safe to show. Generous limits
 * of CPU time, scaled in slower builds (the sanitizer's): they catch quadratic behaviour,
 * which turns these inputs into minutes, and other work on a loaded machine does not count. */
#define SLOW_SECONDS hallway_test_seconds (20.0)

/* Fails when the work since started (hallway_test_cpu_seconds) took longer than SLOW_SECONDS
 * of CPU time; what names it in the log. */
static void
assert_not_slow (double started, const char *what)
{
  double used = hallway_test_cpu_seconds () - started;

  g_test_message ("%s in %.3f s of CPU time", what, used);
  g_assert_cmpfloat (used, <, SLOW_SECONDS);
}

/* ---- helpers ------------------------------------------------------------------------- */

static void
assert_error_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("error: %s", error->message);
}

static void
assert_bytes_refused (GBytes *bytes, HallwayScheduleError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, (int) code);
  assert_error_message (error);
}

static void
assert_data_refused (const char *data, gsize length, HallwayScheduleError code)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  assert_bytes_refused (bytes, code);
}

static void
assert_fixture_refused (const char *name, HallwayScheduleError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture (name, &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, (int) code);
  assert_error_message (error);
}

/* Either outcome is fine for input that is broken but not clearly one thing; not crashing,
 * not hanging and saying something are what counts. */
static HallwayConference *
read_anyhow (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  HallwayConference *conference;
  double started = hallway_test_cpu_seconds ();
  g_autofree char *what = NULL;

  conference = hallway_schedule_read_bytes (bytes, &error);
  what = g_strdup_printf ("read %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes));
  assert_not_slow (started, what);
  if (conference == NULL)
    {
      g_assert_true (error->domain == HALLWAY_SCHEDULE_ERROR);
      assert_error_message (error);
    }
  return conference;
}

static HallwayConference *
read_fixture (const char *name)
{
  g_autoptr (GError) error = NULL;
  HallwayConference *conference = hallway_test_read_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conference);
  return conference;
}

static HallwayTalk *
find_talk (HallwayConference *conference, const char *title)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (conference));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      if (g_strcmp0 (hallway_talk_get_title (talk), title) == 0)
        return talk; /* the conference keeps its own reference */
    }
  g_error ("no event titled %s", title);
  return NULL;
}

static const char * const allowed_elements[] = {
  "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "code", "del", "pre",
  "blockquote", "h2", "h3", "h4", "hr", "a", NULL
};

static guint
assert_allowed_tree (xmlNode *node)
{
  guint depth = 0;

  for (; node != NULL; node = node->next)
    {
      guint below;

      if (node->type == XML_ELEMENT_NODE)
        {
          g_assert_true (g_strv_contains (allowed_elements, (const char *) node->name));
          for (xmlAttr *attribute = node->properties; attribute != NULL;
               attribute = attribute->next)
            {
              xmlChar *value = xmlNodeGetContent ((xmlNode *) attribute);

              g_assert_cmpstr ((const char *) node->name, ==, "a");
              g_assert_cmpstr ((const char *) attribute->name, ==, "href");
              g_assert_true (g_str_has_prefix ((const char *) value, "http://") ||
                             g_str_has_prefix ((const char *) value, "https://") ||
                             g_str_has_prefix ((const char *) value, "mailto:"));
              xmlFree (value);
            }
        }
      else
        {
          g_assert_cmpint (node->type, ==, XML_TEXT_NODE);
          continue;
        }
      below = assert_allowed_tree (node->children); /* not inside MAX (): it would run twice */
      depth = MAX (depth, below + 1);
    }
  return depth;
}

/* Sanitized HTML: valid UTF-8, well-formed, only allowed elements and safe links, nested at
 * most 64 deep. NULL (no abstract) is fine. */
static void
assert_safe_html (const char *html)
{
  g_autoptr (GString) xml = NULL;
  xmlDoc *doc;

  if (html == NULL)
    return;
  g_assert_true (g_utf8_validate (html, -1, NULL));
  xml = g_string_new (html);
  g_string_replace (xml, "<br>", "<br/>", 0);
  g_string_replace (xml, "<hr>", "<hr/>", 0);
  g_string_prepend (xml, "<root>");
  g_string_append (xml, "</root>");
  doc = xmlReadMemory (xml->str, (int) xml->len, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == NULL)
    g_error ("not well-formed: %.300s", html);
  g_assert_cmpuint (assert_allowed_tree (xmlDocGetRootElement (doc)->children), <=, 64);
  xmlFreeDoc (doc);
}

static void
assert_talk_safe (HallwayTalk *talk)
{
  GPtrArray *persons = hallway_talk_get_persons (talk);
  GPtrArray *links = hallway_talk_get_links (talk);

  assert_safe_html (hallway_talk_get_abstract (talk));
  assert_safe_html (hallway_talk_get_description (talk));
  for (guint i = 0; persons != NULL && i < persons->len; i++)
    assert_safe_html (hallway_person_get_biography (g_ptr_array_index (persons, i)));
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const char *url = hallway_link_get_url (g_ptr_array_index (links, i));

      g_assert_false (g_ascii_strncasecmp (url, "javascript:", 11) == 0);
    }
}

static void
assert_conference_safe (HallwayConference *conference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (conference));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      assert_talk_safe (talk);
    }
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%.500s”", needle, haystack);
}

static void
assert_lacks (const char *haystack, const char *needle)
{
  if (haystack != NULL && strstr (haystack, needle) != NULL)
    g_error ("“%s” found in “%.500s”", needle, haystack);
}

/* A Pentabarf schedule with one talk whose abstract is this HTML (escaped here, as
 * FOSDEM does). */
static GBytes *
schedule_with_abstract (const char *html)
{
  g_autofree char *escaped = g_markup_escape_text (html, -1);
  GString *xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<schedule>\n"
    "  <conference><acronym>generated</acronym><title>Generated</title>\n"
    "    <start>2027-02-06</start><end>2027-02-06</end><days>1</days>\n"
    "    <day_change>09:00:00</day_change><time_zone_name>Europe/Brussels</time_zone_name>\n"
    "  </conference>\n"
    "  <day index=\"1\" date=\"2027-02-06\">\n"
    "    <room name=\"Janson\">\n"
    "      <event id=\"1\" guid=\"0b7a3c52-6f1e-4d2a-9c4b-0000000000ff\">\n"
    "        <date>2027-02-06T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>\n"
    "        <room>Janson</room><title>Generated</title><track>Hostile</track>\n"
    "        <abstract>");

  g_string_append (xml, escaped);
  g_string_append (xml,
                   "</abstract>\n"
                   "      </event>\n"
                   "    </room>\n"
                   "  </day>\n"
                   "</schedule>\n");
  return g_string_free_to_bytes (xml);
}

static char *
repeat (const char *unit, guint times)
{
  GString *text = g_string_sized_new (strlen (unit) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

/* ---- a temporary folder -------------------------------------------------------------- */

typedef struct
{
  char *path;
} TempDir;

static void
temp_dir_setup (TempDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->path = g_dir_make_tmp ("hallway-hostile-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_teardown (TempDir *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->path, name, NULL);

      g_assert_no_errno (g_unlink (path));
    }
  g_assert_no_errno (g_rmdir (fixture->path));
  g_free (fixture->path);
}

/* ---- nothing, or not a schedule ------------------------------------------------------ */

static void
test_empty (void)
{
  assert_data_refused ("", 0, HALLWAY_SCHEDULE_ERROR_EMPTY);
  assert_fixture_refused ("hostile-empty.xml", HALLWAY_SCHEDULE_ERROR_EMPTY);
}

/* An empty GBytes may hold no data at all (NULL): the reader added offsets to it and gave
 * it to memchr, undefined behaviour that `build-aux/dev test --sanitize` halts on. */
static void
test_empty_bytes_without_data (void)
{
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (GBytes) empty_static = g_bytes_new_static (NULL, 0);

  g_assert_null (g_bytes_get_data (empty, NULL));
  assert_bytes_refused (empty, HALLWAY_SCHEDULE_ERROR_EMPTY);
  assert_bytes_refused (empty_static, HALLWAY_SCHEDULE_ERROR_EMPTY);
}

static void
test_whitespace_only (void)
{
  assert_data_refused (" \t\r\n \n", 6, HALLWAY_SCHEDULE_ERROR_EMPTY);
  assert_data_refused ("\xEF\xBB\xBF\n", 4, HALLWAY_SCHEDULE_ERROR_EMPTY);
  assert_fixture_refused ("hostile-whitespace.xml", HALLWAY_SCHEDULE_ERROR_EMPTY);
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char zeros[64] = { 0 };
  g_autofree char *high = repeat ("\xC3\x28\xFE\xFF\x80", 1000);

  assert_fixture_refused ("hostile-binary.bin", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_data_refused (png, sizeof png - 1, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_data_refused (zeros, sizeof zeros, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_data_refused ("<\0s\0c\0h\0e\0d\0", 12, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_data_refused (high, strlen (high), HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_data_refused ("Just some words.\n", 17, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
}

static void
test_web_pages (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;

  assert_fixture_refused ("hostile-web-page.html", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_fixture_refused ("hostile-xhtml-page.xml", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_data_refused ("<HTML><BODY>Moved</BODY></HTML>", 31,
                       HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);

  /* The real one: a 404 page saved as everything.schedule.json. */
  path = hallway_test_schedule_path ("33c3-everything.schedule.json-is-404-html");
  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  conference = hallway_schedule_read_file (file, NULL, &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  assert_error_message (error);
}

static void
test_missing_file (TempDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->path, "absent.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) folder = g_file_new_for_path (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_file (file, NULL, &error);

  g_assert_null (conference);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_error_message (error);

  g_clear_error (&error);
  conference = hallway_schedule_read_file (folder, NULL, &error);
  g_assert_null (conference);
  g_assert_nonnull (error);
  assert_error_message (error);
}

/* ---- too large ----------------------------------------------------------------------- */

/* said: the size as the message gives it, read from the file, not counted up to the cap */
static void
assert_file_too_large (const char *path, const char *said)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  double started = hallway_test_cpu_seconds ();

  conference = hallway_schedule_read_file (file, NULL, &error);
  assert_not_slow (started, "refused");
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_TOO_LARGE);
  assert_error_message (error);
  hallway_test_assert_contains (error->message, said);
}

static void
test_too_large_file (TempDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->path, "just-over.xml", NULL);

  if (!hallway_test_make_sparse_file (path, (goffset) HALLWAY_SCHEDULE_MAX_SIZE + 1))
    {
      g_test_skip ("the temporary folder cannot hold a sparse file of 64 MiB");
      return;
    }
  /* One byte over: rounded up, so it does not read as the cap itself. */
  assert_file_too_large (path, "(65 MiB, at most 64 MiB)");
}

/* 8 GiB: had the reader loaded it all, this would take minutes and gigabytes. */
static void
test_huge_file_not_read (TempDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->path, "huge.json", NULL);

  if (!hallway_test_make_sparse_file (path, G_GOFFSET_CONSTANT (8) * 1024 * 1024 * 1024))
    {
      g_test_skip ("the temporary folder cannot hold a sparse file of 8 GiB");
      return;
    }
  assert_file_too_large (path, "(8192 MiB, at most 64 MiB)");
}

/* Mapped, so no 64 MiB are copied: the size check comes before anything looks inside. */
static void
test_too_large_bytes (TempDir *fixture, gconstpointer data)
{
  g_autofree char *over = g_build_filename (fixture->path, "over.xml", NULL);
  g_autofree char *at_cap = g_build_filename (fixture->path, "at-cap.xml", NULL);
  g_autoptr (GMappedFile) over_map = NULL;
  g_autoptr (GMappedFile) at_cap_map = NULL;
  g_autoptr (GBytes) over_bytes = NULL;
  g_autoptr (GBytes) at_cap_bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (!hallway_test_make_sparse_file (over, (goffset) HALLWAY_SCHEDULE_MAX_SIZE + 1) ||
      !hallway_test_make_sparse_file (at_cap, HALLWAY_SCHEDULE_MAX_SIZE))
    {
      g_test_skip ("the temporary folder cannot hold sparse files of 64 MiB");
      return;
    }
  over_map = g_mapped_file_new (over, FALSE, &error);
  g_assert_no_error (error);
  at_cap_map = g_mapped_file_new (at_cap, FALSE, &error);
  g_assert_no_error (error);
  over_bytes = g_mapped_file_get_bytes (over_map);
  at_cap_bytes = g_mapped_file_get_bytes (at_cap_map);

  assert_bytes_refused (over_bytes, HALLWAY_SCHEDULE_ERROR_TOO_LARGE);
  /* At the cap it is read, and found to be zeros. */
  assert_bytes_refused (at_cap_bytes, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
}

/* ---- hostile markup in schedules (needs the readers) --------------------------------- */

static void
test_xml_script_abstract (void)
{
  g_autoptr (HallwayConference) conference = read_fixture ("hostile-script-abstract.xml");
  HallwayTalk *talk = find_talk (conference, "Hostile abstract");
  const char *abstract = hallway_talk_get_abstract (talk);
  const char *description = hallway_talk_get_description (talk);

  assert_conference_safe (conference);
  g_assert_cmpstr (abstract, ==,
                   "<p>Kept <strong>text</strong> and a "
                   "<a href=\"https://example.org/safe\">safe link</a>.</p>\n"
                   "<p>bad link and obfuscated link</p>\n"
                   "<p>Literal &lt;script&gt; stays text.</p>");
  g_assert_cmpstr (description, ==, "<p>Description kept.</p>");
}

static void
test_json_script_description (void)
{
  g_autoptr (HallwayConference) conference = read_fixture ("hostile-script-description.json");
  HallwayTalk *talk = find_talk (conference, "Hostile Markdown");
  const char *abstract = hallway_talk_get_abstract (talk);
  const char *description = hallway_talk_get_description (talk);
  GPtrArray *persons = hallway_talk_get_persons (talk);

  assert_conference_safe (conference);
  assert_contains (abstract, "<strong>bold</strong>");
  assert_contains (abstract, "<a href=\"https://example.org/safe\">safe link</a>");
  assert_contains (abstract, "bad link");
  assert_lacks (abstract, "alert");
  assert_contains (description, "<h2>Heading</h2>");
  assert_contains (description, "vb link");
  assert_contains (description, "&lt;script&gt;shown as code&lt;/script&gt;");
  assert_lacks (description, "iframe");
  g_assert_cmpuint (persons->len, ==, 1);
  assert_contains (hallway_person_get_biography (g_ptr_array_index (persons, 0)), "data link");
  assert_lacks (hallway_person_get_biography (g_ptr_array_index (persons, 0)), "alert");
}

static void
test_ical_script_description (void)
{
  g_autoptr (HallwayConference) conference = read_fixture ("hostile-script-description.ics");
  /* DESCRIPTION is what an iCalendar talk has to say: it becomes the abstract. */
  const char *html = hallway_talk_get_abstract (find_talk (conference, "Hostile HTML description"));
  const char *text =
    hallway_talk_get_abstract (find_talk (conference, "Hostile plain description"));

  assert_conference_safe (conference);
  assert_contains (html, "<b>bold</b>");
  assert_contains (html, "<a href=\"https://example.org/safe\">safe link</a>");
  assert_contains (html, "bad link");
  assert_lacks (html, "<script");
  assert_lacks (html, "alert('ics')");
  assert_lacks (text, "<script");
  assert_contains (text, "text");
}

/* ---- pathological abstracts ---------------------------------------------------------- */

static char *
nested_tags (guint depth)
{
  return repeat ("<b>level ", depth);
}

static void
test_nested_tags_sanitizer (void)
{
  g_autofree char *html = nested_tags (100000);
  g_autofree char *clean = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *quotes = repeat ("> ", 100000);

  double started = hallway_test_cpu_seconds ();

  clean = hallway_sanitize_html (html);
  markdown = hallway_markdown_to_html (quotes);
  assert_not_slow (started, "100000 nested tags sanitized");
  assert_safe_html (clean);
  assert_contains (clean, "<b>level ");
  assert_safe_html (markdown);
}

static void
test_nested_tags_schedule (void)
{
  g_autofree char *html = nested_tags (100000);
  g_autoptr (GBytes) bytes = schedule_with_abstract (html);
  g_autoptr (HallwayConference) conference = read_anyhow (bytes);

  g_assert_nonnull (conference);
  assert_conference_safe (conference);
  assert_contains (hallway_talk_get_abstract (find_talk (conference, "Generated")), "<b>level ");
}

/* 5 MB on one line. */
static char *
long_line (void)
{
  g_autofree char *words = repeat ("word ", 1000000);

  return g_strconcat ("<p>", words, "end</p>", NULL);
}

static void
test_long_line_sanitizer (void)
{
  g_autofree char *html = long_line ();
  g_autofree char *clean = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;

  double started = hallway_test_cpu_seconds ();

  clean = hallway_sanitize_html (html);
  markdown = hallway_markdown_to_html (html + 3);
  text = hallway_html_to_plain_text (html);
  assert_not_slow (started, "5 MB line sanitized, rendered and flattened");
  g_assert_cmpstr (clean, ==, html);
  g_assert_true (g_str_has_suffix (markdown, "word end</p>"));
  g_assert_true (g_str_has_suffix (text, "word end"));
}

static void
test_long_line_schedule (void)
{
  g_autofree char *html = long_line ();
  g_autoptr (GBytes) bytes = schedule_with_abstract (html);
  g_autoptr (HallwayConference) conference = read_anyhow (bytes);
  const char *abstract;

  g_assert_nonnull (conference);
  abstract = hallway_talk_get_abstract (find_talk (conference, "Generated"));
  g_assert_cmpuint (strlen (abstract), >, 5000000);
  g_assert_true (g_str_has_prefix (abstract, "<p>word word"));
  g_assert_true (g_str_has_suffix (abstract, "word end</p>"));
}

/* libxml2 before 2.14 compares each attribute with all the earlier ones: this took 80 s
 * before the sanitizer tokenized for itself. */
static void
test_attribute_flood_sanitizer (void)
{
  GString *html = g_string_new ("<p");
  g_autofree char *clean = NULL;
  double started;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (html, " a%u=%u", i, i);
  g_string_append (html, ">flooded</p>");
  started = hallway_test_cpu_seconds ();
  clean = hallway_sanitize_html (html->str);
  assert_not_slow (started, "200000 attributes sanitized");
  g_assert_cmpstr (clean, ==, "<p>flooded</p>");
  g_string_free (html, TRUE);
}

static void
test_many_elements_sanitizer (void)
{
  g_autofree char *siblings = repeat ("<i>x</i> <a href=\"https://example.org/\">y</a> ", 200000);
  g_autofree char *stray = repeat ("</p></div></x>", 200000);
  g_autofree char *comments = repeat ("<!-- c --><!x><?y?>", 200000);
  g_autofree char *paragraphs = repeat ("<p>p\n\n", 200000);
  g_autofree char *clean = NULL;

  double started = hallway_test_cpu_seconds ();

  clean = hallway_sanitize_html (siblings);
  assert_safe_html (clean);
  g_clear_pointer (&clean, g_free);
  clean = hallway_html_to_plain_text (siblings);
  g_clear_pointer (&clean, g_free);
  clean = hallway_sanitize_html (stray);
  g_assert_cmpstr (clean, ==, "");
  g_clear_pointer (&clean, g_free);
  clean = hallway_sanitize_html (comments);
  g_assert_cmpstr (clean, ==, "");
  g_clear_pointer (&clean, g_free);
  clean = hallway_sanitize_html (paragraphs);
  assert_safe_html (clean);
  assert_not_slow (started, "four 2–10 MB documents sanitized");
}

static void
test_pathological_markdown (void)
{
  static const char * const units[] = {
    "> ", "[", "*a ", "_a ", "- ", "`a", "<a ", "[a](", "![", "&#", "\\", "1. ", "    ", "***",
  };

  double started = hallway_test_cpu_seconds ();

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *markdown = repeat (units[i], 100000);
      g_autofree char *html = hallway_markdown_to_html (markdown);

      assert_safe_html (html);
    }
  assert_not_slow (started, "each pathological Markdown document");
}

/* ---- pathological schedules (needs the readers) -------------------------------------- */

static void
test_deep_xml (void)
{
  g_autofree char *open = repeat ("<a>", 100000);
  g_autofree char *xml = g_strconcat ("<?xml version=\"1.0\"?><schedule>", open, NULL);
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr (HallwayConference) conference = read_anyhow (bytes);

  g_assert_null (conference);
}

static void
test_deep_json (void)
{
  g_autofree char *arrays = repeat ("[", 100000);
  g_autofree char *objects = repeat ("{\"a\":", 100000);
  g_autoptr (GBytes) array_bytes = g_bytes_new (arrays, strlen (arrays));
  g_autoptr (GBytes) object_bytes = g_bytes_new (objects, strlen (objects));
  g_autoptr (HallwayConference) from_arrays = read_anyhow (array_bytes);
  g_autoptr (HallwayConference) from_objects = read_anyhow (object_bytes);

  g_assert_null (from_arrays);
  g_assert_null (from_objects);
}

static void
test_deep_icalendar (void)
{
  g_autofree char *components = repeat ("BEGIN:VEVENT\r\n", 100000);
  g_autofree char *ics = g_strconcat ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", components, NULL);
  g_autoptr (GBytes) bytes = g_bytes_new (ics, strlen (ics));
  g_autoptr (HallwayConference) conference = read_anyhow (bytes);

  if (conference != NULL)
    assert_conference_safe (conference);
}

/* json-glib reads several top-level values as one array, and json_parser_get_root() of
 * an immutable parser then aborted the process: from a file, a URL or a state file. */
static void
test_json_several_values (void)
{
  static const char *const inputs[] = {
    "{}{}", "[]{}", "{} {}", "{\"schedule\": {}}\n{\"schedule\": {}}", "[][]", "{},{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    assert_data_refused (inputs[i], strlen (inputs[i]), HALLWAY_SCHEDULE_ERROR_MALFORMED);
  assert_fixture_refused ("json-two-values.json", HALLWAY_SCHEDULE_ERROR_MALFORMED);
  assert_fixture_refused ("json-array-then-object.json", HALLWAY_SCHEDULE_ERROR_MALFORMED);
}

/* Like the sanitizer's attribute flood, in the schedule itself. */
static void
test_xml_attribute_flood (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><schedule");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (HallwayConference) conference = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (xml, " a%u=\"\"", i);
  g_string_append (xml, "><conference><title>Flood</title></conference></schedule>");
  bytes = g_string_free_to_bytes (xml);
  conference = read_anyhow (bytes);
  /* libxml2 2.9 checks attributes pairwise: refused before it sees them. */
  assert_bytes_refused (bytes, HALLWAY_SCHEDULE_ERROR_MALFORMED);
}

/* A real element with a few attributes, quoted '>' and '=' included, still reads. */
static void
test_xml_attributes_below_limit (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><!-- a=1 b=2 --><schedule");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (xml, " a%u='x=>%u'", i, i);
  g_string_append (xml, "><conference><title>Many attributes</title></conference>"
                        "<day index=\"1\" date=\"2027-02-06\"><room name=\"K.1.105\">"
                        "<event id=\"1\"><start>10:00</start><duration>00:30</duration>"
                        "<title><![CDATA[a <b c=d e=f>]]></title></event></room></day></schedule>");
  bytes = g_string_free_to_bytes (xml);
  conference = hallway_schedule_read_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, 1);
}

static GBytes *
icalendar_with_description (gsize length, gboolean folded)
{
  GString *ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hallway//Test//EN\r\n"
                               "BEGIN:VEVENT\r\nUID:long@hallway.test\r\n"
                               "DTSTART:20270206T100000Z\r\nDTEND:20270206T110000Z\r\n"
                               "SUMMARY:Long\r\nDESCRIPTION:");

  for (gsize i = 0; i < length; i++)
    {
      if (folded && i > 0 && i % 74 == 0)
        g_string_append (ics, "\r\n ");
      g_string_append_c (ics, 'x');
    }
  g_string_append (ics, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  return g_string_free_to_bytes (ics);
}

/* libical's line reader is quadratic in a line's length, written out or folded. */
static void
test_ical_long_line (void)
{
  g_autoptr (GBytes) unfolded = icalendar_with_description (4 * 1024 * 1024, FALSE);
  g_autoptr (GBytes) folded = icalendar_with_description (4 * 1024 * 1024, TRUE);
  g_autoptr (GBytes) long_abstract = icalendar_with_description (100 * 1024, TRUE);
  g_autoptr (HallwayConference) conference = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&conference);
  conference = read_anyhow (unfolded);
  assert_bytes_refused (unfolded, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_clear_object (&conference);
  conference = read_anyhow (folded);
  assert_bytes_refused (folded, HALLWAY_SCHEDULE_ERROR_MALFORMED);

  /* A long abstract is nowhere near the limit. */
  g_clear_object (&conference);
  conference = hallway_schedule_read_bytes (long_abstract, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/empty", test_empty);
  g_test_add_func ("/hostile/empty-bytes-without-data", test_empty_bytes_without_data);
  g_test_add_func ("/hostile/whitespace-only", test_whitespace_only);
  g_test_add_func ("/hostile/binary", test_binary);
  g_test_add_func ("/hostile/web-pages", test_web_pages);
  g_test_add ("/hostile/missing-file", TempDir, NULL, temp_dir_setup, test_missing_file,
              temp_dir_teardown);
  g_test_add ("/hostile/too-large/file", TempDir, NULL, temp_dir_setup,
              test_too_large_file, temp_dir_teardown);
  g_test_add ("/hostile/too-large/huge-file-not-read", TempDir, NULL, temp_dir_setup,
              test_huge_file_not_read, temp_dir_teardown);
  g_test_add ("/hostile/too-large/bytes", TempDir, NULL, temp_dir_setup,
              test_too_large_bytes, temp_dir_teardown);

  g_test_add_func ("/hostile/markup/xml-script-abstract", test_xml_script_abstract);
  g_test_add_func ("/hostile/markup/json-script-description", test_json_script_description);
  g_test_add_func ("/hostile/markup/ical-script-description", test_ical_script_description);

  g_test_add_func ("/hostile/abstract/nested-tags", test_nested_tags_sanitizer);
  g_test_add_func ("/hostile/abstract/nested-tags-in-schedule", test_nested_tags_schedule);
  g_test_add_func ("/hostile/abstract/long-line", test_long_line_sanitizer);
  g_test_add_func ("/hostile/abstract/long-line-in-schedule", test_long_line_schedule);
  g_test_add_func ("/hostile/abstract/attribute-flood", test_attribute_flood_sanitizer);
  g_test_add_func ("/hostile/abstract/many-elements", test_many_elements_sanitizer);
  g_test_add_func ("/hostile/abstract/pathological-markdown", test_pathological_markdown);

  g_test_add_func ("/hostile/schedule/deep-xml", test_deep_xml);
  g_test_add_func ("/hostile/schedule/deep-json", test_deep_json);
  g_test_add_func ("/hostile/schedule/deep-icalendar", test_deep_icalendar);
  g_test_add_func ("/hostile/schedule/xml-attribute-flood", test_xml_attribute_flood);
  g_test_add_func ("/hostile/schedule/json-several-values", test_json_several_values);
  g_test_add_func ("/hostile/schedule/xml-attributes-below-limit", test_xml_attributes_below_limit);
  g_test_add_func ("/hostile/schedule/ical-long-line", test_ical_long_line);

  return g_test_run ();
}
