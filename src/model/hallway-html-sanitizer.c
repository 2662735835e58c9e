/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-html-sanitizer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <md4c-html.h>
#include <string.h>

#include "hallway-html-sanitizer.h"

/* Abstracts come from strangers and end up in a WebKit view. The sanitizer tokenizes them
 * (HTML5 rules, see rewrite_for_libxml2()), lets libxml2's HTML parser build the tree, and
 * writes a fresh document from an allow-list; nothing of the input is copied through except
 * text, which is always escaped, and the href of links, checked and escaped.
 *
 * What comes out:
 *  - p, br, ul, ol, li, blockquote, pre, strong, em, b, i, code, del, hr and h2–h4, without
 *    attributes; h1 becomes h2 (the talk title is the page's heading) and h5/h6 become h4;
 *    s and strike become del, tt, kbd and samp become code. hr and del are in the list
 *    because FOSDEM abstracts use them (as section separators and for jokes).
 *  - a with its href, only for http:, https: and mailto: links. Any other link (javascript:,
 *    data:, relative, protocol-relative, an outright mess) keeps its text and loses the link.
 *  - script, style, iframe, object, form, svg, math and friends go with everything inside
 *    them. Any other element (div, span, font, table, img, embed, …) goes but its text
 *    stays; div-like elements become paragraph breaks, table cells are separated by spaces.
 *    Void elements (img, embed, …) never reach libxml2: 2.9 would let an <embed> swallow
 *    what follows it.
 *  - Text outside any block, like a plain-text abstract (FOSDEM 2010 has 490 of them,
 *    hard-wrapped at 72 columns), is put in paragraphs: a blank line starts a new one and a
 *    single newline is only a space. A blank line inside a <p> splits it too, because the
 *    parser may have wrapped plain text in an implied <p>.
 *  - The document nests at most MAX_NESTING kept elements; deeper ones keep only their text.
 *    libxml2 itself stops reading a document at a depth of 256 (it is never given
 *    HTML_PARSE_HUGE), which also keeps its searches of the open-element stack short, and
 *    a single text of more than 10 MB is cut there. Everything here is linear in the input;
 *    the worst case is libxml2 searching its 256-deep stack for each stray end tag.
 *  - Empty paragraphs, headings and inline elements are left out; blocks at the top level
 *    are separated by a newline.
 *
 * NULL, empty or all-dropped input gives an empty string, never NULL. */

#define MAX_NESTING 64

typedef enum
{
  KIND_UNWRAP,        /* drop the tag, keep its content */
  KIND_UNWRAP_BLOCK,  /* drop the tag, keep its content as a paragraph of its own */
  KIND_UNWRAP_SPACED, /* drop the tag, keep its content between spaces */
  KIND_DROP,          /* drop the tag and its content */
  KIND_INLINE,        /* kept; inside paragraphs */
  KIND_PARAGRAPH,     /* kept; holds text and inline elements only */
  KIND_CONTAINER,     /* kept; holds blocks */
  KIND_LINE_BREAK,
  KIND_RULE,
} ElementKind;

typedef struct
{
  const char *name;
  ElementKind kind;
  const char *tag; /* the tag written for it, when not its own name */
} ElementRule;

static const ElementRule element_rules[] = {
  { "p", KIND_PARAGRAPH },
  { "h1", KIND_PARAGRAPH, "h2" },
  { "h2", KIND_PARAGRAPH },
  { "h3", KIND_PARAGRAPH },
  { "h4", KIND_PARAGRAPH },
  { "h5", KIND_PARAGRAPH, "h4" },
  { "h6", KIND_PARAGRAPH, "h4" },
  { "pre", KIND_PARAGRAPH },
  { "ul", KIND_CONTAINER },
  { "ol", KIND_CONTAINER },
  { "li", KIND_CONTAINER },
  { "blockquote", KIND_CONTAINER },
  { "a", KIND_INLINE },
  { "strong", KIND_INLINE },
  { "em", KIND_INLINE },
  { "b", KIND_INLINE },
  { "i", KIND_INLINE },
  { "code", KIND_INLINE },
  { "tt", KIND_INLINE, "code" },
  { "kbd", KIND_INLINE, "code" },
  { "samp", KIND_INLINE, "code" },
  { "del", KIND_INLINE },
  { "s", KIND_INLINE, "del" },
  { "strike", KIND_INLINE, "del" },
  { "br", KIND_LINE_BREAK },
  { "hr", KIND_RULE },

  { "applet", KIND_DROP },
  { "form", KIND_DROP },
  { "frameset", KIND_DROP },
  { "head", KIND_DROP },
  { "iframe", KIND_DROP },
  { "math", KIND_DROP },
  { "noembed", KIND_DROP },
  { "noframes", KIND_DROP },
  { "noscript", KIND_DROP },
  { "object", KIND_DROP },
  { "script", KIND_DROP },
  { "select", KIND_DROP },
  { "style", KIND_DROP },
  { "svg", KIND_DROP },
  { "template", KIND_DROP },
  { "textarea", KIND_DROP },
  { "title", KIND_DROP },

  { "address", KIND_UNWRAP_BLOCK },
  { "article", KIND_UNWRAP_BLOCK },
  { "aside", KIND_UNWRAP_BLOCK },
  { "caption", KIND_UNWRAP_BLOCK },
  { "center", KIND_UNWRAP_BLOCK },
  { "dd", KIND_UNWRAP_BLOCK },
  { "details", KIND_UNWRAP_BLOCK },
  { "dir", KIND_UNWRAP_BLOCK },
  { "div", KIND_UNWRAP_BLOCK },
  { "dl", KIND_UNWRAP_BLOCK },
  { "dt", KIND_UNWRAP_BLOCK },
  { "fieldset", KIND_UNWRAP_BLOCK },
  { "figcaption", KIND_UNWRAP_BLOCK },
  { "figure", KIND_UNWRAP_BLOCK },
  { "footer", KIND_UNWRAP_BLOCK },
  { "header", KIND_UNWRAP_BLOCK },
  { "hgroup", KIND_UNWRAP_BLOCK },
  { "legend", KIND_UNWRAP_BLOCK },
  { "main", KIND_UNWRAP_BLOCK },
  { "menu", KIND_UNWRAP_BLOCK },
  { "nav", KIND_UNWRAP_BLOCK },
  { "section", KIND_UNWRAP_BLOCK },
  { "summary", KIND_UNWRAP_BLOCK },
  { "table", KIND_UNWRAP_BLOCK },
  { "tbody", KIND_UNWRAP_BLOCK },
  { "tfoot", KIND_UNWRAP_BLOCK },
  { "thead", KIND_UNWRAP_BLOCK },
  { "tr", KIND_UNWRAP_BLOCK },
  { "td", KIND_UNWRAP_SPACED },
  { "th", KIND_UNWRAP_SPACED },
};

static const ElementRule unwrap_rule = { NULL, KIND_UNWRAP };

static GHashTable *
element_rules_by_name (void)
{
  static GHashTable *rules = NULL;

  if (g_once_init_enter_pointer (&rules))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < G_N_ELEMENTS (element_rules); i++)
        g_hash_table_insert (table, (gpointer) element_rules[i].name, (gpointer) &element_rules[i]);
      /* libxml2 2.9 initializes itself lazily and without a lock; readers run in threads. */
      xmlInitParser ();
      g_once_init_leave_pointer (&rules, table);
    }
  return rules;
}

/* The HTML parser lowercases element names. */
static const ElementRule *
lookup_rule (const xmlNode *element)
{
  const ElementRule *rule = g_hash_table_lookup (element_rules_by_name (), element->name);

  return rule != NULL ? rule : &unwrap_rule;
}

static const char *
rule_tag (const ElementRule *rule)
{
  return rule->tag != NULL ? rule->tag : rule->name;
}

/* ---- tokenizing ----------------------------------------------------------------------- */

/* libxml2 before 2.14 checks each attribute of a start tag against all the earlier ones, so
 * one tag with 100000 attributes costs it 20 s. The input is therefore tokenized here first,
 * by HTML5's rules, and rewritten for libxml2: tags without attributes (bar an <a>'s href),
 * no comments, no void or raw-text elements that would be dropped anyway, every other '<'
 * escaped. libxml2 then only builds the tree, and whatever this tokenizer gets wrong, it
 * cannot hand libxml2 a tag with more than one attribute. */

#define MAX_TAG_NAME 32 /* libxml2 2.9 reads what follows a longer name as attributes */

/* Raw text in HTML5, and dropped with their content: skipped up to their end tag. */
static const char * const raw_text_elements[] = {
  "script", "style", "textarea", "title", "iframe", "noembed", "noframes", "xmp", NULL
};

/* Void or obsolete elements that would be dropped without content: not passed on. */
static const char * const skipped_elements[] = {
  "area", "base", "col", "embed", "frame", "image", "img", "input", "keygen", "link",
  "listing", "meta", "param", "plaintext", "source", "track", "wbr", NULL
};

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static const char *
skip_html_space (const char *p)
{
  while (is_html_space (*p))
    p++;
  return p;
}

static const char *
end_of (const char *p)
{
  return p + strlen (p);
}

/* Not g_str_has_prefix (): with a constant prefix, GLib's macro measures the whole input,
 * which made the tokenizer quadratic. */
static gboolean
starts_with (const char *p, const char *prefix)
{
  return strncmp (p, prefix, strlen (prefix)) == 0;
}

/* The name as libxml2 will read it back: lowercase letters, digits and dashes. */
static const char *
read_tag_name (const char *p, char name[MAX_TAG_NAME + 1])
{
  gsize length = 0;

  for (; *p != '\0' && !is_html_space (*p) && *p != '/' && *p != '>'; p++)
    if (length < MAX_TAG_NAME)
      name[length++] = g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '-';
  name[length] = '\0';
  return p;
}

static const char *
read_attribute_value (const char *p, const char **value, gsize *length)
{
  const char *end;

  if (*p == '"' || *p == '\'')
    {
      end = strchr (p + 1, *p);
      if (end == NULL)
        return NULL;
      *value = p + 1;
      *length = end - *value;
      return end + 1;
    }
  for (end = p; *end != '\0' && !is_html_space (*end) && *end != '>'; end++)
    ;
  *value = p;
  *length = end - p;
  return end;
}

/* Reads attributes up to the end of the tag, keeping the raw value of the first href when
 * asked. Returns what follows the '>', or NULL when the input ends first: HTML5 then drops
 * the tag. */
static const char *
read_attributes (const char *p, char **href)
{
  for (;;)
    {
      const char *name;
      gsize name_length;
      const char *value = NULL;
      gsize value_length = 0;

      while (is_html_space (*p) || *p == '/')
        p++;
      if (*p == '>')
        return p + 1;
      if (*p == '\0')
        return NULL;
      name = p++; /* even a '=' here is part of the name */
      while (*p != '\0' && !is_html_space (*p) && *p != '/' && *p != '>' && *p != '=')
        p++;
      name_length = p - name;
      p = skip_html_space (p);
      if (*p == '=')
        {
          p = read_attribute_value (skip_html_space (p + 1), &value, &value_length);
          if (p == NULL)
            return NULL;
        }
      if (href != NULL && *href == NULL && value != NULL &&
          name_length == 4 && g_ascii_strncasecmp (name, "href", 4) == 0)
        *href = g_strndup (value, value_length);
    }
}

/* Past the end tag of a raw-text element, or at the end of the input. */
static const char *
skip_raw_text (const char *p, const char *name)
{
  gsize length = strlen (name);

  for (const char *end = strstr (p, "</"); end != NULL; end = strstr (end + 2, "</"))
    {
      const char *after;

      if (g_ascii_strncasecmp (end + 2, name, length) != 0)
        continue;
      after = end + 2 + length;
      if (is_html_space (*after) || *after == '/' || *after == '>')
        {
          after = read_attributes (after, NULL);
          return after != NULL ? after : end_of (end);
        }
    }
  return end_of (p);
}

/* The href goes in double quotes; libxml2 still decodes its character references. */
static void
append_raw_href (GString *out, const char *href)
{
  g_string_append (out, " href=\"");
  for (const char *p = href; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "&quot;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* p follows the '<'. */
static const char *
rewrite_start_tag (const char *p, GString *out)
{
  char name[MAX_TAG_NAME + 1];
  g_autofree char *href = NULL;
  const char *end;

  p = read_tag_name (p, name);
  end = read_attributes (p, strcmp (name, "a") == 0 ? &href : NULL);
  if (end == NULL)
    return end_of (p);
  if (g_strv_contains (raw_text_elements, name))
    return skip_raw_text (end, name);
  if (g_strv_contains (skipped_elements, name))
    return end;

  g_string_append_c (out, '<');
  g_string_append (out, name);
  if (href != NULL)
    append_raw_href (out, href);
  g_string_append_c (out, '>');
  return end;
}

/* p follows the "</". */
static const char *
rewrite_end_tag (const char *p, GString *out)
{
  char name[MAX_TAG_NAME + 1];
  const char *end;

  p = read_tag_name (p, name);
  end = read_attributes (p, NULL);
  if (end == NULL)
    return end_of (p);
  if (!g_strv_contains (skipped_elements, name))
    g_string_append_printf (out, "</%s>", name);
  return end;
}

static const char *
skip_comment (const char *p)
{
  const char *end;

  if (starts_with (p, "<!-->"))
    return p + 5;
  if (starts_with (p, "<!--->"))
    return p + 6;
  end = strstr (p + 4, "-->");
  return end != NULL ? end + 3 : end_of (p);
}

/* "<!DOCTYPE …>", "<?php …>", "</>", "<![CDATA[…>": bogus comments in HTML5. */
static const char *
skip_bogus_comment (const char *p)
{
  const char *end = strchr (p, '>');

  return end != NULL ? end + 1 : end_of (p);
}

static char *
rewrite_for_libxml2 (const char *html)
{
  GString *out = g_string_sized_new (strlen (html) + 64);
  const char *p = html;

  while (*p != '\0')
    {
      const char *tag = strchr (p, '<');

      if (tag == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, tag - p);
      if (g_ascii_isalpha (tag[1]))
        p = rewrite_start_tag (tag + 1, out);
      else if (tag[1] == '/' && g_ascii_isalpha (tag[2]))
        p = rewrite_end_tag (tag + 2, out);
      else if (starts_with (tag, "<!--"))
        p = skip_comment (tag);
      else if (tag[1] == '!' || tag[1] == '?' || tag[1] == '/')
        p = skip_bogus_comment (tag);
      else
        {
          g_string_append (out, "&lt;");
          p = tag + 1;
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- parsing -------------------------------------------------------------------------- */

static xmlDoc *
parse_html (const char *html)
{
  g_autofree char *valid = g_utf8_make_valid (html, -1);
  g_autofree char *rewritten = NULL;
  gsize length;

  element_rules_by_name ();
  rewritten = rewrite_for_libxml2 (starts_with (valid, "\xEF\xBB\xBF") ? valid + 3 : valid);
  length = strlen (rewritten);
  if (length == 0 || length > G_MAXINT)
    return NULL;
  /* No HTML_PARSE_NOBLANKS: it eats the space in "<b>a</b> <i>b</i>". No
   * HTML_PARSE_NOIMPLIED either: with an implied <body>, loose text stays loose. */
  return htmlReadMemory (rewritten, (int) length, NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
}

typedef struct
{
  gboolean (*enter) (gpointer writer, xmlNode *element); /* FALSE: skip its children */
  void     (*leave) (gpointer writer, xmlNode *element);
  void     (*text)  (gpointer writer, const char *text);
} TreeVisitor;

/* Iterative, so depth costs heap, not stack. leave() follows every enter(). */
static void
walk_tree (xmlNode *first, const TreeVisitor *visitor, gpointer writer)
{
  xmlNode *node = first;
  guint depth = 0;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          if (visitor->enter (writer, node) && node->children != NULL)
            {
              node = node->children;
              depth++;
              continue;
            }
          visitor->leave (writer, node);
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               node->content != NULL)
        {
          visitor->text (writer, (const char *) node->content);
        }

      while (node->next == NULL && depth > 0)
        {
          node = node->parent;
          depth--;
          visitor->leave (writer, node);
        }
      node = node->next;
    }
}

/* ---- links ---------------------------------------------------------------------------- */

static gboolean
is_c0_or_space (char c)
{
  return (guchar) c <= 0x20;
}

/* Browsers ignore tabs and newlines anywhere in a URL ("java\tscript:") and C0 controls
 * and spaces around it, so the scheme is read the same way. */
static char *
normalize_url (const char *href)
{
  GString *url = g_string_new (NULL);
  const char *end = href + strlen (href);

  while (href < end && is_c0_or_space (*href))
    href++;
  while (end > href && is_c0_or_space (end[-1]))
    end--;
  for (const char *p = href; p < end; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_c (url, *p);
  return g_string_free (url, FALSE);
}

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      return TRUE;
  return FALSE;
}

/* The href worth keeping, or NULL: absolute http, https and mailto links only. */
static char *
safe_link_target (const char *href)
{
  g_autofree char *url = NULL;
  const char *rest;

  if (href == NULL)
    return NULL;
  url = normalize_url (href);
  if (has_control_characters (url))
    return NULL;
  if (g_ascii_strncasecmp (url, "https:", 6) == 0)
    rest = url + 6;
  else if (g_ascii_strncasecmp (url, "http:", 5) == 0)
    rest = url + 5;
  else if (g_ascii_strncasecmp (url, "mailto:", 7) == 0)
    return url[7] != '\0' ? g_steal_pointer (&url) : NULL;
  else
    return NULL;
  /* "http:foo" is relative to the page in some browsers; demand an authority. */
  if (!starts_with (rest, "//") || rest[2] == '\0' || rest[2] == '/')
    return NULL;
  return g_steal_pointer (&url);
}

static char *
element_link_target (xmlNode *element)
{
  xmlChar *href = xmlGetProp (element, (const xmlChar *) "href");
  char *target = safe_link_target ((const char *) href);

  xmlFree (href);
  return target;
}

/* ---- the HTML writer ------------------------------------------------------------------ */

/* Writes text with &, < and > escaped (and " in attributes); C0 controls other than tab and
 * newlines have no business in an abstract and are dropped, form feeds become spaces. */
static void
append_escaped (GString *out, const char *text, gsize length, gboolean attribute)
{
  const char *run = text;
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      const char *replacement;
      guchar c = (guchar) *p;

      if (c == '&')
        replacement = "&amp;";
      else if (c == '<')
        replacement = "&lt;";
      else if (c == '>')
        replacement = "&gt;";
      else if (c == '"' && attribute)
        replacement = "&quot;";
      else if (c == '\f')
        replacement = " ";
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        replacement = "";
      else
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, replacement);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

typedef struct
{
  const char *tag;
  ElementKind kind;
  gsize start;         /* where its start tag begins in the output */
  gsize content_start; /* where its content begins */
  gboolean implicit;   /* a <p> of ours around loose text */
} WrittenElement;

typedef struct
{
  GString *out;
  GArray *visits;  /* gboolean per element being walked: did it write a tag? */
  GArray *written; /* WrittenElement, the open tags of the output */
  guint text_only_depth; /* open paragraphs and inline elements: no blocks inside */
  guint pre_depth;
  guint link_depth;
} HtmlWriter;

static WrittenElement *
innermost_written (HtmlWriter *w)
{
  if (w->written->len == 0)
    return NULL;
  return &g_array_index (w->written, WrittenElement, w->written->len - 1);
}

static gboolean
at_top_level (HtmlWriter *w)
{
  return w->written->len == 0;
}

static gboolean
in_implicit_paragraph (HtmlWriter *w)
{
  WrittenElement *innermost = innermost_written (w);

  return innermost != NULL && innermost->implicit;
}

static gboolean
in_paragraph (HtmlWriter *w)
{
  WrittenElement *innermost = innermost_written (w);

  return innermost != NULL && strcmp (innermost->tag, "p") == 0;
}

static void
open_tag (HtmlWriter *w, const char *tag, ElementKind kind, const char *href, gboolean implicit)
{
  WrittenElement element = { tag, kind, w->out->len, 0, implicit };

  if (at_top_level (w) && w->out->len > 0 && w->out->str[w->out->len - 1] != '\n')
    {
      g_string_append_c (w->out, '\n');
      element.start = w->out->len;
    }
  g_string_append_printf (w->out, "<%s", tag);
  if (href != NULL)
    {
      g_string_append (w->out, " href=\"");
      append_escaped (w->out, href, strlen (href), TRUE);
      g_string_append_c (w->out, '"');
    }
  g_string_append_c (w->out, '>');
  element.content_start = w->out->len;
  g_array_append_val (w->written, element);

  if (kind == KIND_PARAGRAPH || kind == KIND_INLINE)
    w->text_only_depth++;
  if (strcmp (tag, "pre") == 0)
    w->pre_depth++;
  if (href != NULL)
    w->link_depth++;
}

static void
close_tag (HtmlWriter *w)
{
  WrittenElement element = *innermost_written (w);
  gboolean trims = element.kind == KIND_PARAGRAPH && strcmp (element.tag, "pre") != 0;

  g_array_set_size (w->written, w->written->len - 1);
  if (element.kind == KIND_PARAGRAPH || element.kind == KIND_INLINE)
    w->text_only_depth--;
  if (strcmp (element.tag, "pre") == 0)
    w->pre_depth--;
  if (strcmp (element.tag, "a") == 0)
    w->link_depth--;

  /* Trailing spaces in a paragraph are invisible; an empty element is noise. */
  if (trims)
    while (w->out->len > element.content_start && g_ascii_isspace (w->out->str[w->out->len - 1]))
      g_string_truncate (w->out, w->out->len - 1);
  if ((element.kind == KIND_PARAGRAPH || element.kind == KIND_INLINE) &&
      w->out->len == element.content_start)
    {
      g_string_truncate (w->out, element.start);
      return;
    }
  g_string_append_printf (w->out, "</%s>", element.tag);
}

static void
open_implicit_paragraph (HtmlWriter *w)
{
  open_tag (w, "p", KIND_PARAGRAPH, NULL, TRUE);
}

static void
close_implicit_paragraph (HtmlWriter *w)
{
  if (in_implicit_paragraph (w))
    close_tag (w);
}

/* Where a blank line or a div-like element ends a paragraph: close the paragraph (ours) or
 * split it (the document's); anywhere else a newline keeps the words apart. */
static void
break_paragraph (HtmlWriter *w)
{
  if (in_implicit_paragraph (w))
    {
      close_implicit_paragraph (w);
    }
  else if (in_paragraph (w))
    {
      close_tag (w);
      open_tag (w, "p", KIND_PARAGRAPH, NULL, FALSE);
    }
  else if (!at_top_level (w) && !g_ascii_isspace (w->out->str[w->out->len - 1]))
    {
      g_string_append_c (w->out, '\n');
    }
}

/* Text outside any block goes into a paragraph of ours; whitespace alone does not. */
static void
write_run (HtmlWriter *w, const char *text, gsize length)
{
  if (at_top_level (w))
    {
      gsize skipped = 0;

      while (skipped < length && g_ascii_isspace (text[skipped]))
        skipped++;
      if (skipped == length)
        return;
      open_implicit_paragraph (w);
      text += skipped;
      length -= skipped;
    }
  append_escaped (w->out, text, length, FALSE);
}

/* Keeps table cells apart without piling up spaces. */
static void
write_space (HtmlWriter *w)
{
  if (w->out->len > 0 && !g_ascii_isspace (w->out->str[w->out->len - 1]))
    write_run (w, " ", 1);
}

/* Finds the next blank line: a run of whitespace holding two newlines. Linear overall, as
 * each byte is looked at once. */
static gboolean
find_blank_line (const char *text, const char **gap_start, const char **gap_end)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *q;

      if (*p != '\n')
        continue;
      q = p + 1;
      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (*q == '\n')
        {
          while (g_ascii_isspace (*q))
            q++;
          *gap_start = p;
          *gap_end = q;
          return TRUE;
        }
      p = q - 1;
    }
  return FALSE;
}

static void
html_text (gpointer writer, const char *text)
{
  HtmlWriter *w = writer;
  const char *gap_start;
  const char *gap_end;

  if (w->pre_depth > 0)
    {
      append_escaped (w->out, text, strlen (text), FALSE);
      return;
    }
  while (find_blank_line (text, &gap_start, &gap_end))
    {
      write_run (w, text, gap_start - text);
      break_paragraph (w);
      text = gap_end;
    }
  write_run (w, text, strlen (text));
}

/* Inline elements need a paragraph around them: at the top level, one of ours. */
static gboolean
enter_inline (HtmlWriter *w, xmlNode *element, const ElementRule *rule)
{
  g_autofree char *href = NULL;

  if (strcmp (rule->name, "a") == 0)
    {
      if (w->link_depth > 0)
        return FALSE;
      href = element_link_target (element);
      if (href == NULL)
        return FALSE;
    }
  if (w->written->len >= MAX_NESTING)
    return FALSE;
  if (at_top_level (w))
    open_implicit_paragraph (w);
  open_tag (w, rule_tag (rule), KIND_INLINE, href, FALSE);
  return TRUE;
}

/* Blocks cannot go inside a paragraph or inline element; there they become breaks. */
static gboolean
enter_block (HtmlWriter *w, const ElementRule *rule)
{
  WrittenElement *innermost;

  close_implicit_paragraph (w);
  innermost = innermost_written (w);
  /* An li right inside an li (its list dropped around it) would be closed by the next HTML
   * parser, so sanitizing the output again would move it: its words stay apart instead. */
  if (w->text_only_depth > 0 || w->written->len >= MAX_NESTING ||
      (strcmp (rule_tag (rule), "li") == 0 && innermost != NULL &&
       strcmp (innermost->tag, "li") == 0))
    {
      break_paragraph (w);
      return FALSE;
    }
  open_tag (w, rule_tag (rule), rule->kind, NULL, FALSE);
  return TRUE;
}

static void
write_line_break (HtmlWriter *w)
{
  /* Between blocks a <br> would only make an empty line. */
  if (!at_top_level (w))
    g_string_append (w->out, "<br>");
}

static void
write_rule (HtmlWriter *w)
{
  close_implicit_paragraph (w);
  if (w->text_only_depth > 0)
    {
      break_paragraph (w);
      return;
    }
  open_tag (w, "hr", KIND_RULE, NULL, FALSE);
  /* A void element: no end tag. */
  g_array_set_size (w->written, w->written->len - 1);
}

static gboolean
html_enter (gpointer writer, xmlNode *element)
{
  HtmlWriter *w = writer;
  const ElementRule *rule = lookup_rule (element);
  gboolean wrote_tag = FALSE;
  gboolean descend = TRUE;

  switch (rule->kind)
    {
    case KIND_DROP:
      descend = FALSE;
      break;
    case KIND_UNWRAP:
      break;
    case KIND_UNWRAP_BLOCK:
      break_paragraph (w);
      break;
    case KIND_UNWRAP_SPACED:
      write_space (w);
      break;
    case KIND_INLINE:
      wrote_tag = enter_inline (w, element, rule);
      break;
    case KIND_PARAGRAPH:
    case KIND_CONTAINER:
      wrote_tag = enter_block (w, rule);
      break;
    case KIND_LINE_BREAK:
      write_line_break (w);
      break;
    case KIND_RULE:
      write_rule (w);
      break;
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (w->visits, wrote_tag);
  return descend;
}

static void
html_leave (gpointer writer, xmlNode *element)
{
  HtmlWriter *w = writer;
  gboolean wrote_tag = g_array_index (w->visits, gboolean, w->visits->len - 1);
  ElementKind kind = lookup_rule (element)->kind;

  g_array_set_size (w->visits, w->visits->len - 1);
  if (wrote_tag)
    close_tag (w);
  else if (kind == KIND_UNWRAP_BLOCK || kind == KIND_PARAGRAPH || kind == KIND_CONTAINER)
    break_paragraph (w);
  else if (kind == KIND_UNWRAP_SPACED)
    write_space (w);
}

static const TreeVisitor html_visitor = { html_enter, html_leave, html_text };

/* Returns allow-listed HTML, never NULL: "" for NULL, empty or all-dropped input. */
char *
hallway_sanitize_html (const char *html)
{
  xmlDoc *doc;
  HtmlWriter w = { 0, };

  if (html == NULL || *html == '\0')
    return g_strdup ("");
  doc = parse_html (html);
  if (doc == NULL)
    return g_strdup ("");

  w.out = g_string_new (NULL);
  w.visits = g_array_new (FALSE, FALSE, sizeof (gboolean));
  w.written = g_array_new (FALSE, FALSE, sizeof (WrittenElement));
  walk_tree (doc->children, &html_visitor, &w);
  close_implicit_paragraph (&w);
  g_assert (w.written->len == 0);

  g_array_unref (w.written);
  g_array_unref (w.visits);
  xmlFreeDoc (doc);

  while (w.out->len > 0 && w.out->str[w.out->len - 1] == '\n')
    g_string_truncate (w.out, w.out->len - 1);
  /* The input was made valid and libxml2 writes UTF-8; WebKit must never see anything else. */
  if (!g_utf8_validate_len (w.out->str, w.out->len, NULL))
    {
      g_autofree char *broken = g_string_free (w.out, FALSE);
      return g_utf8_make_valid (broken, -1);
    }
  return g_string_free (w.out, FALSE);
}

/* ---- Markdown ------------------------------------------------------------------------- */

/* CommonMark, raw HTML allowed (the sanitizer deals with it), and bare URLs made links as
 * pretalx does. */
#define MARKDOWN_FLAGS (MD_DIALECT_COMMONMARK | MD_FLAG_PERMISSIVEURLAUTOLINKS | \
                        MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_PERMISSIVEEMAILAUTOLINKS)

static void
append_markdown_output (const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  g_string_append_len (user_data, text, size);
}

/* md4c's HTML of valid UTF-8 Markdown, not yet sanitized; NULL when md4c fails, which it
 * only does out of memory. */
static GString *
render_markdown (const char *valid)
{
  gsize length = strlen (valid);
  g_autoptr (GString) html = g_string_new (NULL);

  if (length > G_MAXUINT32 ||
      md_html (valid, (MD_SIZE) length, append_markdown_output, html, MARKDOWN_FLAGS, 0) != 0)
    return NULL;
  return g_steal_pointer (&html);
}

/* Markdown (raw HTML in it included) to sanitized HTML; "" for NULL or empty input. */
char *
hallway_markdown_to_html (const char *markdown)
{
  g_autofree char *valid = NULL;
  g_autoptr (GString) html = NULL;

  if (markdown == NULL || *markdown == '\0')
    return g_strdup ("");
  valid = g_utf8_make_valid (markdown, -1);
  html = render_markdown (valid);
  if (html == NULL)
    {
      /* Show the text rather than nothing. */
      g_autofree char *escaped = g_markup_escape_text (valid, -1);
      return hallway_sanitize_html (escaped);
    }
  return hallway_sanitize_html (html->str);
}

/* ---- plain text ----------------------------------------------------------------------- */

/* For search, ICS export and notifications: paragraphs separated by a blank line, list
 * items on their own line after "• " (or "1. " in numbered lists, nested ones indented),
 * links as "text (url)" unless the text is the url, whitespace collapsed. The input is
 * sanitized first, so what is hidden in HTML stays hidden in text. */

typedef struct
{
  gsize text_start; /* a link's text starts here */
  char *url;        /* a link's target; owned */
} TextVisit;

typedef struct
{
  GString *out;
  GArray *visits;      /* TextVisit, one per element being walked */
  GArray *lists;       /* guint per open list: the next item number, 0 when not numbered */
  guint pending_breaks; /* newlines owed before the next visible text */
  gboolean pending_space;
  gboolean item_start;  /* a list marker was just written: the item's text goes beside it */
  guint pre_depth;
} TextWriter;

static void
request_breaks (TextWriter *w, guint breaks)
{
  w->pending_breaks = MAX (w->pending_breaks, breaks);
}

static void
flush_pending (TextWriter *w)
{
  if (w->item_start)
    {
      w->item_start = FALSE;
      w->pending_breaks = 0;
      w->pending_space = FALSE;
    }
  if (w->out->len > 0)
    {
      for (guint i = 0; i < w->pending_breaks; i++)
        g_string_append_c (w->out, '\n');
      if (w->pending_breaks == 0 && w->pending_space)
        g_string_append_c (w->out, ' ');
    }
  w->pending_breaks = 0;
  w->pending_space = FALSE;
}

static void
text_text (gpointer writer, const char *text)
{
  TextWriter *w = writer;
  const char *run = NULL;

  if (w->pre_depth > 0)
    {
      flush_pending (w);
      g_string_append (w->out, text);
      return;
    }
  for (const char *p = text;; p++)
    {
      gboolean space = *p == '\0' || g_ascii_isspace (*p);

      if (space && run != NULL)
        {
          flush_pending (w);
          g_string_append_len (w->out, run, p - run);
          run = NULL;
        }
      if (*p == '\0')
        break;
      if (space)
        w->pending_space = TRUE;
      else if (run == NULL)
        run = p;
    }
}

/* One block's worth of separation: a blank line, or a line break inside lists. */
static guint
block_breaks (TextWriter *w)
{
  return w->lists->len > 0 ? 1 : 2;
}

static void
start_list_item (TextWriter *w)
{
  g_autofree char *marker = NULL;
  guint *number = NULL;
  guint indent = w->lists->len > 0 ? w->lists->len - 1 : 0;

  if (w->lists->len > 0)
    number = &g_array_index (w->lists, guint, w->lists->len - 1);
  if (number != NULL && *number > 0)
    marker = g_strdup_printf ("%u. ", (*number)++);
  else
    marker = g_strdup ("• ");

  w->item_start = FALSE; /* a list right inside an item still starts on a new line */
  request_breaks (w, 1);
  flush_pending (w);
  for (guint i = 0; i < indent; i++)
    g_string_append (w->out, "  ");
  g_string_append (w->out, marker);
  w->item_start = TRUE;
}

static gboolean
is_block_for_text (const ElementRule *rule)
{
  return rule->kind == KIND_PARAGRAPH || rule->kind == KIND_CONTAINER ||
         rule->kind == KIND_UNWRAP_BLOCK || rule->kind == KIND_RULE;
}

static gboolean
text_enter (gpointer writer, xmlNode *element)
{
  TextWriter *w = writer;
  const ElementRule *rule = lookup_rule (element);
  const char *name = (const char *) element->name;
  TextVisit visit = { 0, NULL };

  if (rule->kind == KIND_DROP)
    {
      g_array_append_val (w->visits, visit);
      return FALSE;
    }
  if (strcmp (name, "li") == 0)
    start_list_item (w);
  else if (is_block_for_text (rule))
    request_breaks (w, block_breaks (w));
  else if (rule->kind == KIND_LINE_BREAK)
    request_breaks (w, 1);
  else if (rule->kind == KIND_UNWRAP_SPACED)
    w->pending_space = TRUE;

  if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0)
    {
      guint first = strcmp (name, "ol") == 0 ? 1 : 0;

      g_array_append_val (w->lists, first);
    }
  else if (strcmp (name, "pre") == 0)
    {
      w->pre_depth++;
    }
  else if (strcmp (name, "a") == 0)
    {
      visit.url = element_link_target (element);
      visit.text_start = w->out->len;
    }
  g_array_append_val (w->visits, visit);
  return TRUE;
}

/* "text (url)", unless the text already says it. */
static void
finish_link (TextWriter *w, const TextVisit *visit)
{
  const char *text = w->out->str + visit->text_start;
  const char *url = visit->url;

  while (g_ascii_isspace (*text))
    text++;
  if (strcmp (text, url) == 0 ||
      (starts_with (url, "mailto:") && strcmp (text, url + 7) == 0))
    return;
  if (*text == '\0')
    {
      w->pending_space = TRUE;
      flush_pending (w);
      g_string_append (w->out, url);
      return;
    }
  g_string_append_printf (w->out, " (%s)", url);
}

static void
text_leave (gpointer writer, xmlNode *element)
{
  TextWriter *w = writer;
  TextVisit visit = g_array_index (w->visits, TextVisit, w->visits->len - 1);
  const ElementRule *rule = lookup_rule (element);
  const char *name = (const char *) element->name;

  g_array_set_size (w->visits, w->visits->len - 1);
  if (rule->kind == KIND_DROP)
    return;
  if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0)
    g_array_set_size (w->lists, w->lists->len - 1);
  else if (strcmp (name, "pre") == 0)
    w->pre_depth--;

  if (visit.url != NULL)
    finish_link (w, &visit);
  else if (strcmp (name, "li") == 0)
    request_breaks (w, 1);
  else if (is_block_for_text (rule))
    request_breaks (w, block_breaks (w));
  else if (rule->kind == KIND_UNWRAP_SPACED)
    w->pending_space = TRUE;
  g_free (visit.url);
}

static const TreeVisitor text_visitor = { text_enter, text_leave, text_text };

static gboolean
ends_with_blank_line (GString *text)
{
  return text->len >= 2 && text->str[text->len - 1] == '\n' && text->str[text->len - 2] == '\n';
}

/* Preformatted text keeps its lines; drop the spaces that end lines, carriage returns and
 * blank lines beyond one. */
static char *
tidy_lines (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
            g_string_truncate (out, out->len - 1);
          if (ends_with_blank_line (out))
            continue;
        }
      g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The text of a parsed document; takes @doc. */
static char *
document_to_plain_text (xmlDoc *doc)
{
  g_autofree char *text = NULL;
  TextWriter w = { 0, };

  if (doc == NULL)
    return g_strdup ("");

  w.out = g_string_new (NULL);
  w.visits = g_array_new (FALSE, FALSE, sizeof (TextVisit));
  w.lists = g_array_new (FALSE, FALSE, sizeof (guint));
  walk_tree (doc->children, &text_visitor, &w);
  g_array_unref (w.lists);
  g_array_unref (w.visits);
  xmlFreeDoc (doc);

  text = g_string_free (w.out, FALSE);
  return tidy_lines (text);
}

/* Any HTML, sanitized or not, to plain text; "" for NULL or empty input. */
char *
hallway_html_to_plain_text (const char *html)
{
  g_autofree char *sanitized = hallway_sanitize_html (html);

  return document_to_plain_text (parse_html (sanitized));
}

/* The words of untrusted HTML in one parse, for search: the text walk drops what the
 * sanitizer drops (scripts, styles, unsafe links), so the words are those of
 * hallway_html_to_plain_text (), without sanitizing twice and parsing a third time. Line
 * breaks may differ where the sanitizer splits or merges paragraphs. */
char *
hallway_html_source_to_plain_text (const char *html)
{
  if (html == NULL || *html == '\0')
    return g_strdup ("");
  return document_to_plain_text (parse_html (html));
}

/* The same for Markdown (its raw HTML included): md4c, then one parse. */
char *
hallway_markdown_to_plain_text (const char *markdown)
{
  g_autofree char *valid = NULL;
  g_autoptr (GString) html = NULL;

  if (markdown == NULL || *markdown == '\0')
    return g_strdup ("");
  valid = g_utf8_make_valid (markdown, -1);
  html = render_markdown (valid);
  if (html == NULL)
    return g_steal_pointer (&valid);
  return hallway_html_source_to_plain_text (html->str);
}

/* ---- shortening ----------------------------------------------------------------------- */

/* Elements that have no end tag: what the sanitizer writes (br, hr) and, for HTML from
 * elsewhere, the rest of HTML's void elements. */
static gboolean
is_void_element (const char *name, gsize length)
{
  static const char *const void_elements[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
  };

  for (guint i = 0; i < G_N_ELEMENTS (void_elements); i++)
    if (strlen (void_elements[i]) == length
        && g_ascii_strncasecmp (void_elements[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

/* The end of the tag that starts at @p (at its '<'): just past its '>', quoted attribute
 * values skipped; NULL when it never ends. */
static const char *
end_of_tag (const char *p)
{
  char quote = '\0';

  for (p++; *p != '\0'; p++)
    {
      if (quote != '\0')
        {
          if (*p == quote)
            quote = '\0';
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }
  return NULL;
}

/* The end of the character reference at @p (at its '&'): just past its ';', or NULL when
 * it is no reference (a bare '&' counts as one character then). */
static const char *
end_of_reference (const char *p)
{
  for (guint i = 1; i < 40 && p[i] != '\0'; i++)
    {
      if (p[i] == ';')
        return p + i + 1;
      if (!g_ascii_isalnum (p[i]) && p[i] != '#')
        return NULL;
    }
  return NULL;
}

/* Keeps the open elements in @open (pairs of name offset and length into @html) up to
 * date for the tag from @tag to @end. */
static void
follow_tag (GArray *open, const char *html, const char *tag, const char *end)
{
  gboolean closing = tag[1] == '/';
  const char *name = tag + (closing ? 2 : 1);
  gsize length = 0;

  while (g_ascii_isalnum (name[length]))
    length++;
  if (length == 0 || is_void_element (name, length) || (!closing && end[-2] == '/'))
    return; /* a comment, a doctype, a void or self-closed element */
  if (!closing)
    {
      gsize entry[2] = { name - html, length };

      g_array_append_vals (open, entry, 2);
      return;
    }
  /* An end tag closes the innermost element of its name, and those opened inside it. */
  for (guint i = open->len; i >= 2; i -= 2)
    {
      gsize offset = g_array_index (open, gsize, i - 2);

      if (g_array_index (open, gsize, i - 1) == length
          && g_ascii_strncasecmp (html + offset, name, length) == 0)
        {
          g_array_set_size (open, i - 2);
          return;
        }
    }
}

/* How far back from the limit a cut looks for a space rather than cut a word. */
#define WORD_SEARCH_BYTES 80

/**
 * hallway_html_truncate:
 * @html: HTML as hallway_sanitize_html() writes it
 * @max_bytes: how much of @html to keep at most
 * @truncated: (out) (optional): whether anything was cut
 *
 * Cuts @html to at most @max_bytes of its markup, at a space between words near the limit
 * when there is one and else between two characters: never inside a tag, a character
 * reference or a UTF-8 sequence. Text cut short ends with "…", and the elements left open
 * are closed after it (so the result may be longer than @max_bytes by their end tags).
 *
 * Returns: (transfer full): the HTML, whole when it fits
 */
char *
hallway_html_truncate (const char *html, gsize max_bytes, gboolean *truncated)
{
  g_autoptr (GArray) open = NULL;
  const char *limit;
  const char *p;
  const char *space = NULL; /* the last space of the current text run */
  gboolean in_text = FALSE; /* the cut falls in text, not between tags */
  GString *out;

  if (truncated != NULL)
    *truncated = FALSE;
  if (html == NULL)
    return g_strdup ("");
  if (strlen (html) <= max_bytes)
    return g_strdup (html);
  if (truncated != NULL)
    *truncated = TRUE;

  open = g_array_new (FALSE, FALSE, sizeof (gsize));
  limit = html + max_bytes;
  for (p = html; *p != '\0';)
    {
      const char *next;

      if (*p == '<' && (next = end_of_tag (p)) != NULL)
        {
          if (next > limit)
            break;
          follow_tag (open, html, p, next);
          space = NULL;
          in_text = FALSE;
        }
      else
        {
          if (*p == '&' && (next = end_of_reference (p)) != NULL)
            ;
          else if ((guchar) *p < 0x80)
            next = p + 1;
          else
            next = g_utf8_find_next_char (p, NULL);
          in_text = TRUE;
          if (next == NULL || next > limit)
            break;
          if (*p == ' ' || *p == '\n' || *p == '\t')
            space = p;
        }
      p = next;
    }

  if (in_text && *p != '\0' && space != NULL && p - space <= WORD_SEARCH_BYTES)
    p = space;
  out = g_string_new_len (html, p - html);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  if (in_text)
    g_string_append (out, "…");
  for (guint i = open->len; i >= 2; i -= 2)
    g_string_append_printf (out, "</%.*s>", (int) g_array_index (open, gsize, i - 1),
                            html + g_array_index (open, gsize, i - 2));
  return g_string_free (out, FALSE);
}

/**
 * hallway_abstract_html:
 * @abstract: (nullable): a talk's abstract, sanitized
 * @description: (nullable): its description, sanitized
 * @web_page: (nullable): the talk's web page
 *
 * What the abstract view shows of a talk: the abstract and the description, shortened to
 * %HALLWAY_ABSTRACT_MAX_BYTES (WebKit takes seconds and hundreds of megabytes to lay out
 * a megabyte of text in one word) with a note that says so and links to @web_page when it
 * is an http or https address.
 *
 * Returns: (transfer full): the HTML, "" when there is no text
 */
char *
hallway_abstract_html (const char *abstract, const char *description, const char *web_page)
{
  g_autofree char *whole = g_strconcat (abstract != NULL ? abstract : "",
                                        description != NULL ? description : "", NULL);
  g_autofree char *link = NULL;
  g_autofree char *shortened = NULL;
  const char *note;
  gboolean truncated;
  GString *html;

  shortened = hallway_html_truncate (whole, HALLWAY_ABSTRACT_MAX_BYTES, &truncated);
  if (!truncated)
    return g_steal_pointer (&shortened);

  html = g_string_new (shortened);
  note = _("This abstract is too long to show here in full and was shortened.");
  g_string_append (html, "\n<p><em>");
  append_escaped (html, note, strlen (note), FALSE);
  g_string_append (html, "</em>");
  link = safe_link_target (web_page);
  if (link != NULL && g_ascii_strncasecmp (link, "mailto:", 7) != 0)
    {
      g_string_append (html, " <a href=\"");
      append_escaped (html, link, strlen (link), TRUE);
      g_string_append (html, "\">");
      note = _("Read all of it on the talk’s web page");
      append_escaped (html, note, strlen (note), FALSE);
      g_string_append (html, "</a>");
    }
  g_string_append (html, "</p>");
  return g_string_free (html, FALSE);
}
