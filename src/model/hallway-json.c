/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hallway-json.h"

/* Every JSON text Hallway reads (schedules, state files, the catalogue) goes through
 * hallway_json_parse(). json-glib accepts several top-level values as one array, and
 * json_parser_get_root() of an immutable parser then aborts the process ("{}{}"); its
 * parser also recurses once per nesting level. A linear pre-scan refuses both first. */

G_DEFINE_QUARK (hallway-json-error-quark, hallway_json_error)

typedef struct
{
  const char *data;
  gsize length;
  gsize position;
} Scan;

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip_space (Scan *scan)
{
  while (scan->position < scan->length && is_json_space (scan->data[scan->position]))
    scan->position++;
}

static int
line_at (const Scan *scan, gsize position)
{
  int line = 1;

  for (gsize i = 0; i < position && i < scan->length; i++)
    if (scan->data[i] == '\n')
      line++;
  return line;
}

/* Moves past one value without judging it: json-glib does that. Stops at the end of the
 * data when the value never closes. FALSE when the nesting is too deep. */
static gboolean
skip_value (Scan *scan, gsize *deepest_at)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gsize start = scan->position;

  for (; scan->position < scan->length; scan->position++)
    {
      char c = scan->data[scan->position];

      if (in_string)
        {
          if (c == '\\')
            scan->position++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                {
                  scan->position++;
                  return TRUE;
                }
            }
          continue;
        }
      /* A bare number, true, false or null ends where a string, object or array starts:
       * "0{}" is two values, which json-glib would take for an array. */
      if (depth == 0 && scan->position > start && (c == '"' || c == '{' || c == '['))
        return TRUE;
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > HALLWAY_JSON_MAX_DEPTH)
            {
              *deepest_at = scan->position;
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        {
          if (depth > 0 && --depth == 0)
            {
              scan->position++;
              return TRUE;
            }
        }
      else if (depth == 0 && (is_json_space (c) || c == ','))
        return TRUE; /* the end of a bare number, true, false or null */
    }
  return TRUE;
}

static gboolean
check_single_value (const char *data, gsize length, GError **error)
{
  Scan scan = { data, length, 0 };
  gsize deepest_at = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    scan.position = 3;
  skip_space (&scan);
  if (scan.position == length)
    {
      g_set_error_literal (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_EMPTY,
                           _("Broken JSON: there is no value in it"));
      return FALSE;
    }
  if (!skip_value (&scan, &deepest_at))
    {
      g_set_error (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_TOO_DEEP,
                   _("Broken JSON, line %d: nested more than %d levels deep"),
                   line_at (&scan, deepest_at), HALLWAY_JSON_MAX_DEPTH);
      return FALSE;
    }
  skip_space (&scan);
  if (scan.position < length)
    {
      g_set_error (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_SEVERAL_VALUES,
                   _("Broken JSON, line %d: something follows the end of the document"),
                   line_at (&scan, scan.position));
      return FALSE;
    }
  return TRUE;
}

/* json-glib says "<data>:12:65: Parse error: …"; users get "Broken JSON, line 12: …".
 * json-glib quotes the token it choked on cut after some bytes, maybe inside a character:
 * the message is made valid UTF-8 before anyone shows it. */
static char *
describe_parser_error (const char *raw_message)
{
  g_autofree char *message = g_utf8_make_valid (raw_message, -1);
  const char *cursor = message;
  guint64 line;
  char *end;

  if (g_str_has_prefix (cursor, "<data>:"))
    cursor += strlen ("<data>:");
  line = g_ascii_strtoull (cursor, &end, 10);
  if (end == cursor || *end != ':')
    return g_strdup_printf (_("Broken JSON: %s"), message);
  cursor = end + 1;
  g_ascii_strtoull (cursor, &end, 10);
  if (*end == ':')
    cursor = end + 1;
  while (*cursor == ' ')
    cursor++;
  return g_strdup_printf (_("Broken JSON, line %d: %s"), (int) line, cursor);
}

/* Returns the one value of a JSON text (a new, immutable reference), or NULL with an
 * error in HALLWAY_JSON_ERROR whose message a person can read; callers add the file or
 * address. */
JsonNode *
hallway_json_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) parse_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_single_value (data, length, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_autofree char *message = describe_parser_error (parse_error->message);

      g_set_error_literal (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_MALFORMED, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_EMPTY,
                           _("Broken JSON: there is no value in it"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
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
