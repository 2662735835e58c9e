/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hallway-json.h"

/* Every JSON text Hallway reads (schedules, state files, the catalogue) goes through
 * hallway_json_parse(): one pass over the bytes that builds json-glib's tree directly.
 * json-glib's own parser spends most of its time in a general-purpose tokenizer, takes
 * several top-level values for one array and recurses once per nesting level; this one
 * keeps an explicit stack no deeper than HALLWAY_JSON_MAX_DEPTH and refuses anything after
 * the one value.
 *
 * It reads strict RFC 8259, plus a UTF-8 byte order mark at the very start, as json-glib
 * does. It builds what json-glib builds: an integer without fraction or exponent is a
 * G_TYPE_INT64 value, clamped to G_MININT64…G_MAXINT64 when it does not fit ("-0" is 0);
 * any other number is a double from g_ascii_strtod (1e400 is infinity); the last of
 * duplicate members wins, in the place of the first; each node knows its container; the
 * root is sealed. Invalid UTF-8 and unpaired surrogates are refused, as json-glib does.
 * Unlike json-glib it refuses comments, single quotes, unknown escapes and raw control
 * characters in strings, and reads "\u0000" as U+FFFD where json-glib cut the string
 * short. Linear time in the length, duplicate members included. */

G_DEFINE_QUARK (hallway-json-error-quark, hallway_json_error)

typedef struct
{
  JsonNode *node;
  GString *name; /* the member being read, for an object */
} Frame;

typedef struct
{
  const guchar *data;
  gsize length;
  gsize position;
  GString *text;  /* a string or a number being read */
  Frame *stack;   /* HALLWAY_JSON_MAX_DEPTH frames, the outermost first */
  guint depth;
  GError **error;
} Parser;

static gboolean
is_json_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Eight bytes at a time: the indentation of a pretty-printed file and the plain text of
 * strings are most of the bytes. */
#define EVERY_BYTE(byte) (G_GUINT64_CONSTANT (0x0101010101010101) * (byte))

static guint64
load_word (const guchar *bytes)
{
  guint64 word;

  memcpy (&word, bytes, sizeof word);
  return word;
}

/* Non-zero when a byte of word is 0; may also flag bytes after such a one. */
static guint64
has_zero_byte (guint64 word)
{
  return (word - EVERY_BYTE (0x01)) & ~word & EVERY_BYTE (0x80);
}

static void
skip_space (Parser *parser)
{
  while (parser->position < parser->length && is_json_space (parser->data[parser->position]))
    {
      if (parser->length - parser->position >= 8
          && load_word (parser->data + parser->position) == EVERY_BYTE (' '))
        parser->position += 8;
      else
        parser->position++;
    }
}

/* Past the bytes of a string that need nothing done: printable ASCII but the quote and the
 * backslash. */
static gsize
skip_plain (const guchar *data, gsize position, gsize length)
{
  while (length - position >= 8)
    {
      guint64 word = load_word (data + position);

      /* A byte below 0x20 borrows into its top bit, one from 0x80 has it set. */
      if ((((word - EVERY_BYTE (0x20)) | word) & EVERY_BYTE (0x80))
          || has_zero_byte (word ^ EVERY_BYTE ('"')) || has_zero_byte (word ^ EVERY_BYTE ('\\')))
        break;
      position += 8;
    }
  while (position < length && data[position] >= 0x20 && data[position] < 0x80
         && data[position] != '"' && data[position] != '\\')
    position++;
  return position;
}

static int
line_at (const Parser *parser, gsize position)
{
  int line = 1;

  for (gsize i = 0; i < position && i < parser->length; i++)
    if (parser->data[i] == '\n')
      line++;
  return line;
}

/* "Broken JSON, line N: <what>". */
static gboolean
fail (Parser *parser, gsize position, int code, const char *what)
{
  g_set_error (parser->error, HALLWAY_JSON_ERROR, code, _("Broken JSON, line %d: %s"),
               line_at (parser, position), what);
  return FALSE;
}

static gboolean
fail_at_end (Parser *parser)
{
  return fail (parser, parser->length, HALLWAY_JSON_ERROR_MALFORMED,
               _("unexpected end of data"));
}

/* The character at position as a person can read it: itself when printable, else its code
 * point, or the byte's value when it starts no UTF-8 character. */
static gboolean
fail_unexpected (Parser *parser, gsize position)
{
  g_autofree char *what = NULL;
  g_autofree char *shown = NULL;
  gsize left = parser->length - position;
  gunichar c;

  if (position >= parser->length)
    return fail_at_end (parser);
  c = g_utf8_get_char_validated ((const char *) parser->data + position, (gssize) MIN (left, 4));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    shown = g_strdup_printf ("\\x%02X", parser->data[position]);
  else if (g_unichar_isgraph (c))
    {
      char bytes[7] = { 0 };

      g_unichar_to_utf8 (c, bytes);
      shown = g_strdup (bytes);
    }
  else
    shown = g_strdup_printf ("U+%04X", c);
  what = g_strdup_printf (_("unexpected character “%s”"), shown);
  return fail (parser, position, HALLWAY_JSON_ERROR_MALFORMED, what);
}

/* What a person sees of a bad number, escape or word: at most 24 bytes of it, ASCII. */
static char *
excerpt (const Parser *parser, gsize start, gsize end)
{
  GString *shown = g_string_new (NULL);

  for (gsize i = start; i < end && i < start + 24; i++)
    if (g_ascii_isgraph (parser->data[i]))
      g_string_append_c (shown, (char) parser->data[i]);
  return g_string_free (shown, FALSE);
}

typedef enum
{
  BAD_ESCAPE,
  BAD_NUMBER,
  BAD_WORD,
} Bad;

static gboolean
fail_excerpt (Parser *parser, gsize start, gsize end, Bad bad)
{
  g_autofree char *shown = excerpt (parser, start, end);
  g_autofree char *what = NULL;

  switch (bad)
    {
    case BAD_ESCAPE:
      what = g_strdup_printf (_("invalid escape “%s”"), shown);
      break;
    case BAD_NUMBER:
      what = g_strdup_printf (_("invalid number “%s”"), shown);
      break;
    case BAD_WORD:
      what = g_strdup_printf (_("unknown word “%s”"), shown);
      break;
    default:
      g_assert_not_reached ();
    }
  return fail (parser, start, HALLWAY_JSON_ERROR_MALFORMED, what);
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits after "\u" at position; -1 when they are not. */
static int
read_hex4 (const Parser *parser, gsize position)
{
  int value = 0;

  if (parser->length - position < 6 || parser->data[position] != '\\'
      || parser->data[position + 1] != 'u')
    return -1;
  for (gsize i = position + 2; i < position + 6; i++)
    {
      int digit = hex_value (parser->data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The escape at parser->position (a backslash) appended to out, UTF-8. */
static gboolean
read_escape (Parser *parser, GString *out)
{
  gsize start = parser->position;
  gunichar c;
  int unit;

  if (parser->length - start < 2)
    return fail (parser, parser->length, HALLWAY_JSON_ERROR_MALFORMED, _("unfinished string"));
  switch (parser->data[start + 1])
    {
    case '"': g_string_append_c (out, '"'); break;
    case '\\': g_string_append_c (out, '\\'); break;
    case '/': g_string_append_c (out, '/'); break;
    case 'b': g_string_append_c (out, '\b'); break;
    case 'f': g_string_append_c (out, '\f'); break;
    case 'n': g_string_append_c (out, '\n'); break;
    case 'r': g_string_append_c (out, '\r'); break;
    case 't': g_string_append_c (out, '\t'); break;
    case 'u':
      unit = read_hex4 (parser, start);
      if (unit < 0)
        return fail_excerpt (parser, start, MIN (start + 6, parser->length),
                             BAD_ESCAPE);
      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail_excerpt (parser, start, start + 6, BAD_ESCAPE);
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = read_hex4 (parser, start + 6);

          if (low < 0xDC00 || low > 0xDFFF)
            return fail_excerpt (parser, start, start + 6, BAD_ESCAPE);
          c = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
          parser->position += 6;
        }
      else
        /* A string of the tree ends at its first NUL: json-glib cut it there. */
        c = unit == 0 ? 0xFFFD : (gunichar) unit;
      g_string_append_unichar (out, c);
      parser->position += 4;
      break;
    default:
      return fail_excerpt (parser, start, start + 2, BAD_ESCAPE);
    }
  parser->position += 2;
  return TRUE;
}

/* The string at parser->position (its opening quote) into out, without the quotes. */
static gboolean
read_string (Parser *parser, GString *out)
{
  const guchar *data = parser->data;
  gsize length = parser->length;
  gsize position = parser->position + 1;
  gsize run = position;

  g_string_truncate (out, 0);
  for (;;)
    {
      guchar c;

      position = skip_plain (data, position, length);
      if (position == length)
        return fail (parser, length, HALLWAY_JSON_ERROR_MALFORMED, _("unfinished string"));
      c = data[position];
      if (c == '"')
        break;
      if (c >= 0x80)
        {
          /* UTF-8 sequences are made of bytes from 0x80 only: a run of them stands alone. */
          gsize start = position;
          const char *bad;

          while (position < length && data[position] >= 0x80)
            position++;
          if (!g_utf8_validate_len ((const char *) data + start, position - start, &bad))
            return fail (parser, (gsize) ((const guchar *) bad - data),
                         HALLWAY_JSON_ERROR_MALFORMED, _("invalid UTF-8 in a string"));
          continue;
        }
      if (c < 0x20)
        return fail (parser, position, HALLWAY_JSON_ERROR_MALFORMED,
                     _("control character in a string"));
      g_string_append_len (out, (const char *) data + run, (gssize) (position - run));
      parser->position = position;
      if (!read_escape (parser, out))
        return FALSE;
      position = run = parser->position;
    }
  g_string_append_len (out, (const char *) data + run, (gssize) (position - run));
  parser->position = position + 1;
  return TRUE;
}

static gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_word_character (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '+' || c == '-';
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static JsonNode *
read_number (Parser *parser)
{
  const guchar *data = parser->data;
  gsize length = parser->length;
  gsize start = parser->position;
  gsize position = start;
  gboolean integer = TRUE;
  gboolean negative = FALSE;

  if (data[position] == '-')
    {
      negative = TRUE;
      position++;
    }
  if (position < length && data[position] == '0')
    position++;
  else if (position < length && is_digit (data[position]))
    while (position < length && is_digit (data[position]))
      position++;
  else
    goto invalid;
  if (position < length && data[position] == '.')
    {
      integer = FALSE;
      if (++position == length || !is_digit (data[position]))
        goto invalid;
      while (position < length && is_digit (data[position]))
        position++;
    }
  if (position < length && (data[position] == 'e' || data[position] == 'E'))
    {
      integer = FALSE;
      position++;
      if (position < length && (data[position] == '+' || data[position] == '-'))
        position++;
      if (position == length || !is_digit (data[position]))
        goto invalid;
      while (position < length && is_digit (data[position]))
        position++;
    }
  /* "01", "1x": no value may touch a number. */
  if (position < length && is_word_character (data[position]))
    goto invalid;
  parser->position = position;

  if (integer)
    {
      /* Clamped, as g_ascii_strtoll and so json-glib do. */
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
      guint64 value = 0;

      for (gsize i = start + (negative ? 1 : 0); i < position; i++)
        {
          guint digit = data[i] - '0';

          if (value > (limit - digit) / 10)
            {
              value = limit;
              break;
            }
          value = value * 10 + digit;
        }
      if (negative)
        return json_node_init_int (json_node_alloc (),
                                   value == limit ? G_MININT64 : -(gint64) value);
      return json_node_init_int (json_node_alloc (), (gint64) value);
    }
  g_string_truncate (parser->text, 0);
  g_string_append_len (parser->text, (const char *) data + start, (gssize) (position - start));
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (parser->text->str, NULL));

invalid:
  while (position < length && is_word_character (data[position]))
    position++;
  fail_excerpt (parser, start, position, BAD_NUMBER);
  return NULL;
}

/* true, false, null; anything else made of letters is an unknown word. */
static JsonNode *
read_word (Parser *parser)
{
  const guchar *data = parser->data;
  gsize start = parser->position;
  gsize end = start;
  gsize length;

  while (end < parser->length && is_word_character (data[end]))
    end++;
  length = end - start;
  parser->position = end;
  if (length == 4 && memcmp (data + start, "true", 4) == 0)
    return json_node_init_boolean (json_node_alloc (), TRUE);
  if (length == 5 && memcmp (data + start, "false", 5) == 0)
    return json_node_init_boolean (json_node_alloc (), FALSE);
  if (length == 4 && memcmp (data + start, "null", 4) == 0)
    return json_node_init_null (json_node_alloc ());
  fail_excerpt (parser, start, end, BAD_WORD);
  return NULL;
}

/* The member name at parser->position into the frame, and the colon after it. */
static gboolean
read_member_name (Parser *parser, Frame *frame)
{
  skip_space (parser);
  if (parser->position == parser->length)
    return fail_at_end (parser);
  if (parser->data[parser->position] != '"')
    return fail_unexpected (parser, parser->position);
  if (frame->name == NULL)
    frame->name = g_string_new (NULL);
  if (!read_string (parser, frame->name))
    return FALSE;
  skip_space (parser);
  if (parser->position == parser->length)
    return fail_at_end (parser);
  if (parser->data[parser->position] != ':')
    return fail_unexpected (parser, parser->position);
  parser->position++;
  return TRUE;
}

/* An object or array: a new frame, or NULL when it is empty and so already complete. */
static gboolean
open_container (Parser *parser, gboolean object, JsonNode **complete)
{
  Frame *frame;
  JsonNode *node = json_node_alloc ();

  if (parser->depth == HALLWAY_JSON_MAX_DEPTH)
    {
      json_node_unref (node);
      g_set_error (parser->error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_TOO_DEEP,
                   _("Broken JSON, line %d: nested more than %d levels deep"),
                   line_at (parser, parser->position), HALLWAY_JSON_MAX_DEPTH);
      return FALSE;
    }
  if (object)
    {
      JsonObject *members = json_object_new ();

      json_node_init_object (node, members);
      json_object_unref (members);
    }
  else
    {
      JsonArray *elements = json_array_new ();

      json_node_init_array (node, elements);
      json_array_unref (elements);
    }
  parser->position++;
  skip_space (parser);
  if (parser->position < parser->length
      && parser->data[parser->position] == (object ? '}' : ']'))
    {
      parser->position++;
      *complete = node;
      return TRUE;
    }
  frame = &parser->stack[parser->depth++];
  frame->node = node;
  *complete = NULL;
  return !object || read_member_name (parser, frame);
}

/* The value at parser->position: a complete one in *complete, or a new open container. */
static gboolean
read_value (Parser *parser, JsonNode **complete)
{
  guchar c;

  skip_space (parser);
  if (parser->position == parser->length)
    return fail_at_end (parser);
  c = parser->data[parser->position];
  switch (c)
    {
    case '{':
    case '[':
      return open_container (parser, c == '{', complete);
    case '"':
      if (!read_string (parser, parser->text))
        return FALSE;
      *complete = json_node_init_string (json_node_alloc (), parser->text->str);
      return TRUE;
    case '-':
    case '0' ... '9':
      *complete = read_number (parser);
      return *complete != NULL;
    case 'a' ... 'z':
    case 'A' ... 'Z':
      *complete = read_word (parser);
      return *complete != NULL;
    default:
      return fail_unexpected (parser, parser->position);
    }
}

/* node's value given to first, a node already in the tree. */
static void
move_value (JsonNode *first, JsonNode *node)
{
  JsonObjectIter iter;
  JsonNode *child;
  JsonArray *elements;
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      json_node_init_object (first, json_node_get_object (node));
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &child))
        json_node_set_parent (child, first);
      break;
    case JSON_NODE_ARRAY:
      elements = json_node_get_array (node);
      json_node_init_array (first, elements);
      for (guint i = 0; i < json_array_get_length (elements); i++)
        json_node_set_parent (json_array_get_element (elements, i), first);
      break;
    case JSON_NODE_NULL:
      json_node_init_null (first);
      break;
    case JSON_NODE_VALUE:
      type = json_node_get_value_type (node);
      if (type == G_TYPE_INT64)
        json_node_init_int (first, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        json_node_init_double (first, json_node_get_double (node));
      else if (type == G_TYPE_BOOLEAN)
        json_node_init_boolean (first, json_node_get_boolean (node));
      else
        json_node_init_string (first, json_node_get_string (node));
      break;
    default:
      g_assert_not_reached ();
    }
  json_node_unref (node);
}

/* The last of duplicate members wins, in the place of the first, as with
 * json_object_set_member; but that looks for the name along the list of members, which a
 * flood of duplicates makes quadratic: the first member's node takes the value instead. */
static void
set_member (JsonObject *object, const char *name, JsonNode *node)
{
  JsonNode *first = json_object_get_member (object, name);

  if (first == NULL)
    json_object_set_member (object, name, node);
  else
    move_value (first, node);
}

/* Adds a complete value to the innermost open container, closes what it can and reads on
 * to the next value; the root when nothing is open any more. */
static gboolean
parse_document (Parser *parser, JsonNode **root)
{
  JsonNode *complete = NULL;

  for (;;)
    {
      if (!read_value (parser, &complete))
        return FALSE;
      while (complete != NULL)
        {
          Frame *frame;
          gboolean object;
          guchar c;

          if (parser->depth == 0)
            {
              *root = complete;
              return TRUE;
            }
          frame = &parser->stack[parser->depth - 1];
          object = JSON_NODE_HOLDS_OBJECT (frame->node);
          json_node_set_parent (complete, frame->node);
          if (object)
            set_member (json_node_get_object (frame->node), frame->name->str, complete);
          else
            json_array_add_element (json_node_get_array (frame->node), complete);
          complete = NULL;
          skip_space (parser);
          if (parser->position == parser->length)
            return fail_at_end (parser);
          c = parser->data[parser->position];
          if (c == ',')
            {
              parser->position++;
              if (object && !read_member_name (parser, frame))
                return FALSE;
            }
          else if (c == (object ? '}' : ']'))
            {
              parser->position++;
              complete = g_steal_pointer (&frame->node);
              parser->depth--;
            }
          else
            return fail_unexpected (parser, parser->position);
        }
    }
}

/* Returns the one value of a JSON text (a new, immutable reference), or NULL with an
 * error in HALLWAY_JSON_ERROR whose message a person can read; callers add the file or
 * address. */
JsonNode *
hallway_json_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (GString) text = NULL;
  Parser parser = { (const guchar *) data, length, 0, NULL, NULL, 0, error };
  JsonNode *root = NULL;
  gboolean parsed;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser.position = 3;
  skip_space (&parser);
  if (parser.position == length)
    {
      g_set_error_literal (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_EMPTY,
                           _("Broken JSON: there is no value in it"));
      return NULL;
    }

  text = g_string_sized_new (256);
  parser.text = text;
  parser.stack = g_new0 (Frame, HALLWAY_JSON_MAX_DEPTH);
  parsed = parse_document (&parser, &root);
  for (guint i = 0; i < HALLWAY_JSON_MAX_DEPTH; i++)
    {
      g_clear_pointer (&parser.stack[i].node, json_node_unref);
      if (parser.stack[i].name != NULL)
        g_string_free (parser.stack[i].name, TRUE);
    }
  g_free (parser.stack);
  if (!parsed)
    return NULL;

  skip_space (&parser);
  if (parser.position < length)
    {
      json_node_unref (root);
      g_set_error (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_SEVERAL_VALUES,
                   _("Broken JSON, line %d: something follows the end of the document"),
                   line_at (&parser, parser.position));
      return NULL;
    }
  json_node_seal (root);
  return root;
}

JsonObject *
hallway_json_parse_object (JsonNode   **root,
                           const char  *data,
                           gsize        length,
                           GQuark       domain,
                           int          code,
                           GError     **error)
{
  g_autoptr (GError) json_error = NULL;

  g_return_val_if_fail (root != NULL && *root == NULL, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, domain, code, _("the file is empty"));
      return NULL;
    }
  *root = hallway_json_parse (data, length, &json_error);
  if (*root == NULL)
    {
      g_set_error_literal (error, domain, code, json_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (*root))
    {
      g_set_error_literal (error, domain, code, _("it is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (*root);
}

/* NULL when absent or not a string. */
const char *
hallway_json_string_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
hallway_json_boolean_member (JsonObject *object, const char *name, gboolean fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

/* An ISO 8601 string; NULL when absent, not a string or not a time. */
GDateTime *
hallway_json_time_member (JsonObject *object, const char *name)
{
  const char *text = hallway_json_string_member (object, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Only a JSON integer: 1.0 or "1" is not one. */
gboolean
hallway_json_int_member (JsonObject *object, const char *name, gint64 *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* A NULL value is written as null, so a reader sees the member is known but unset. */
void
hallway_json_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
hallway_json_add_time (JsonBuilder *builder, const char *name, GDateTime *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  hallway_json_add_string (builder, name, text);
}

/* Pretty-printed: the state files are small, and people open them to see what is kept. */
GBytes *
hallway_json_builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

JsonObject *
hallway_json_conference_object (JsonNode *node, guint number, GQuark domain, int code,
                                GError **error)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, domain, code, _("conference %u is not a JSON object"), number);
      return NULL;
    }
  return json_node_get_object (node);
}
