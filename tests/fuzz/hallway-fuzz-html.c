/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fuzz"

#include "config.h"

#include <string.h>

#include "hallway-fuzz.h"
#include "hallway-html-sanitizer.h"
#include "hallway-rich-text.h"

/* What hallway-html-sanitizer.c promises to write, and nothing else: these elements without
 * attributes, and a with one href to an absolute http(s) or mailto link. */
static const char * const allowed_elements[] = {
  "p", "h2", "h3", "h4", "pre", "ul", "ol", "li", "blockquote", "a", "strong", "em", "b",
  "i", "code", "del", "br", "hr",
};

static gboolean
is_allowed_element (const char *name, gsize length)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_elements); i++)
    if (strlen (allowed_elements[i]) == length && memcmp (allowed_elements[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_void (const char *name)
{
  return strcmp (name, "br") == 0 || strcmp (name, "hr") == 0;
}

/* An entity the writer produces; returns its length, 0 for anything else. */
static gsize
entity_length (const char *p, gboolean attribute)
{
  static const char * const text_entities[] = { "&amp;", "&lt;", "&gt;" };

  for (guint i = 0; i < G_N_ELEMENTS (text_entities); i++)
    if (g_str_has_prefix (p, text_entities[i]))
      return strlen (text_entities[i]);
  if (attribute && g_str_has_prefix (p, "&quot;"))
    return strlen ("&quot;");
  return 0;
}

static void
check_text_character (const char *p, const char *html, gboolean attribute)
{
  guchar c = (guchar) *p;

  hallway_fuzz_check (c != '>' && c != '<', "a raw '%c' at %d of the output:\n%s", c,
                      (int) (p - html), html);
  hallway_fuzz_check (c != '"' || !attribute, "a raw quote in an attribute:\n%s", html);
  hallway_fuzz_check (c >= 0x20 || c == '\t' || c == '\n' || c == '\r',
                      "control character 0x%02x at %d of the output", c, (int) (p - html));
  hallway_fuzz_check (c != 0x7F, "DEL at %d of the output", (int) (p - html));
  hallway_fuzz_check (c != '&' || entity_length (p, attribute) > 0,
                      "an unexpected entity at %d of the output:\n%s", (int) (p - html), html);
}

static char *
decode_attribute (const char *value, gsize length)
{
  GString *decoded = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      gsize entity = value[i] == '&' ? entity_length (value + i, TRUE) : 0;

      if (entity == 0)
        {
          g_string_append_c (decoded, value[i]);
          continue;
        }
      g_string_append_c (decoded, value[i + 1] == 'a' ? '&' : value[i + 1] == 'l' ? '<' :
                                  value[i + 1] == 'g' ? '>' : '"');
      i += entity - 1;
    }
  return g_string_free (decoded, FALSE);
}

static void
check_link_target (const char *href, const char *html)
{
  const char *rest = NULL;

  if (g_ascii_strncasecmp (href, "mailto:", 7) == 0)
    {
      hallway_fuzz_check (href[7] != '\0', "an empty mailto: link:\n%s", html);
      return;
    }
  if (g_ascii_strncasecmp (href, "https://", 8) == 0)
    rest = href + 8;
  else if (g_ascii_strncasecmp (href, "http://", 7) == 0)
    rest = href + 7;
  hallway_fuzz_check (rest != NULL, "a link to “%s” went through:\n%s", href, html);
  hallway_fuzz_check (*rest != '\0' && *rest != '/', "a link without a host “%s”:\n%s", href,
                      html);
}

/* Returns the end of the tag; pushes or pops the open elements. */
static const char *
check_tag (const char *p, const char *html, GPtrArray *open)
{
  gboolean closing = p[1] == '/';
  const char *name = p + (closing ? 2 : 1);
  const char *q = name;
  g_autofree char *tag = NULL;

  while (g_ascii_isalnum (*q))
    q++;
  tag = g_strndup (name, q - name);
  hallway_fuzz_check (is_allowed_element (name, q - name),
                      "the element <%s> is not allowed:\n%s", tag, html);
  if (closing)
    {
      hallway_fuzz_check (*q == '>', "a malformed end tag </%s at %d:\n%s", tag,
                          (int) (p - html), html);
      hallway_fuzz_check (!is_void (tag), "an end tag for the void <%s>", tag);
      hallway_fuzz_check (open->len > 0 && strcmp (g_ptr_array_index (open, open->len - 1),
                                                   tag) == 0,
                          "</%s> does not close the element last opened:\n%s", tag, html);
      g_ptr_array_set_size (open, open->len - 1);
      return q + 1;
    }
  if (strcmp (tag, "a") == 0 && g_str_has_prefix (q, " href=\""))
    {
      const char *value = q + strlen (" href=\"");
      const char *end = value;
      g_autofree char *href = NULL;

      for (; *end != '"' && *end != '\0'; end++)
        check_text_character (end, html, TRUE);
      hallway_fuzz_check (*end == '"', "an unterminated href:\n%s", html);
      href = decode_attribute (value, end - value);
      check_link_target (href, html);
      q = end + 1;
    }
  hallway_fuzz_check (*q == '>', "<%s> has an attribute or is malformed at %d:\n%s", tag,
                      (int) (q - html), html);
  if (!is_void (tag))
    g_ptr_array_add (open, g_steal_pointer (&tag));
  return q + 1;
}

/* Only allow-listed markup, balanced, valid UTF-8, and the sanitizer leaves its own output
 * as it is. source_name says which function wrote it. */
void
hallway_fuzz_check_sanitized (const char *html, const char *source_name)
{
  g_autoptr (GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *again = NULL;
  const char *p = html;

  hallway_fuzz_check (html != NULL, "%s returned NULL", source_name);
  hallway_fuzz_check (g_utf8_validate (html, -1, NULL), "%s wrote invalid UTF-8", source_name);
  while (*p != '\0')
    {
      if (*p == '<')
        {
          p = check_tag (p, html, open);
          continue;
        }
      check_text_character (p, html, FALSE);
      p++;
    }
  hallway_fuzz_check (open->len == 0, "%s left <%s> open:\n%s", source_name,
                      (const char *) g_ptr_array_index (open, open->len - 1), html);

  again = hallway_sanitize_html (html);
  if (strcmp (again, html) != 0)
    {
      gsize at = 0;
      gsize from;
      g_autofree char *was_part = NULL;
      g_autofree char *became_part = NULL;
      g_autofree char *was = NULL;
      g_autofree char *became = NULL;

      while (html[at] == again[at])
        at++;
      from = at > 60 ? at - 60 : 0;
      was_part = g_strndup (html + from, 160);
      became_part = g_strndup (again + from, 160);
      was = g_strescape (was_part, NULL);
      became = g_strescape (became_part, NULL);
      hallway_fuzz_check (FALSE, "sanitizing the output of %s again changes it at %" G_GSIZE_FORMAT
                          ":\n  %s\n----- became -----\n  %s", source_name, at, was, became);
    }
}

/* The input as a string, up to its first NUL: what a schedule reader can hand over. */
static char *
input_text (const guint8 *data, gsize size)
{
  return g_strndup ((const char *) data, size);
}

void
hallway_fuzz_sanitizer (const guint8 *data, gsize size)
{
  g_autofree char *text = input_text (data, size);
  g_autofree char *html = hallway_sanitize_html (text);
  g_autofree char *plain = NULL;

  hallway_fuzz_check_sanitized (html, "hallway_sanitize_html");

  /* What search, notifications and the ICS export show of it. */
  plain = hallway_html_to_plain_text (text);
  hallway_fuzz_check (plain != NULL && g_utf8_validate (plain, -1, NULL),
                      "hallway_html_to_plain_text wrote invalid UTF-8");
}

void
hallway_fuzz_markdown (const guint8 *data, gsize size)
{
  g_autofree char *text = input_text (data, size);
  HallwayRichText rich = { NULL, };
  const char *html;

  hallway_rich_text_set (&rich, text, HALLWAY_TEXT_MARKDOWN);
  html = hallway_rich_text_get_html (&rich);
  if (html != NULL)
    hallway_fuzz_check_sanitized (html, "hallway_markdown_to_html");
  hallway_rich_text_clear (&rich);

  /* The way readers choose: text opening with a tag is HTML. */
  hallway_rich_text_set (&rich, text, hallway_rich_text_guess_format (text));
  html = hallway_rich_text_get_html (&rich);
  if (html != NULL)
    hallway_fuzz_check (g_utf8_validate (html, -1, NULL), "a rich text is not valid UTF-8");
  hallway_rich_text_clear (&rich);
}
