/* SPDX-License-Identifier: EUPL-1.2 */
#include <math.h>
#include <string.h>

#include "hallway-json.h"
#include "hallway-test-utils.h"

/* hallway_json_parse, Hallway's own JSON parser: edge cases with the tree or the error they
 * give, and the same tree as json-glib's parser for every valid text, the real JSON
 * schedules included. */

/* Fails the test at the first difference, with the path to it. */
static void
assert_same_tree (JsonNode *ours, JsonNode *theirs, const char *path)
{
  if (json_node_get_node_type (ours) != json_node_get_node_type (theirs)
      || (JSON_NODE_HOLDS_VALUE (ours)
          && (json_node_get_value_type (ours) != json_node_get_value_type (theirs)
              || !json_node_equal (ours, theirs))))
    g_test_message ("the trees differ at %s", path);
  /* json-glib's parser links each node to its container. */
  if (json_node_get_parent (theirs) != NULL)
    {
      g_assert_nonnull (json_node_get_parent (ours));
      g_assert_cmpint (json_node_get_node_type (json_node_get_parent (ours)), ==,
                       json_node_get_node_type (json_node_get_parent (theirs)));
    }
  else
    g_assert_null (json_node_get_parent (ours));
  g_assert_cmpint (json_node_get_node_type (ours), ==, json_node_get_node_type (theirs));
  switch (json_node_get_node_type (ours))
    {
    case JSON_NODE_NULL:
      break;
    case JSON_NODE_VALUE:
      g_assert_cmpstr (g_type_name (json_node_get_value_type (ours)), ==,
                       g_type_name (json_node_get_value_type (theirs)));
      if (json_node_get_value_type (ours) == G_TYPE_INT64)
        g_assert_cmpint (json_node_get_int (ours), ==, json_node_get_int (theirs));
      else if (json_node_get_value_type (ours) == G_TYPE_DOUBLE)
        {
          double a = json_node_get_double (ours);
          double b = json_node_get_double (theirs);

          /* bitwise: -0.0 and 0.0 differ */
          g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
        }
      else if (json_node_get_value_type (ours) == G_TYPE_BOOLEAN)
        g_assert_cmpint (json_node_get_boolean (ours), ==, json_node_get_boolean (theirs));
      else
        g_assert_cmpstr (json_node_get_string (ours), ==, json_node_get_string (theirs));
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (ours);
        JsonArray *b = json_node_get_array (theirs);

        g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
        for (guint i = 0; i < json_array_get_length (a); i++)
          {
            g_autofree char *inner = g_strdup_printf ("%s[%u]", path, i);

            assert_same_tree (json_array_get_element (a, i), json_array_get_element (b, i),
                              inner);
          }
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter a, b;
        const char *name_a, *name_b;
        JsonNode *value_a, *value_b;

        json_object_iter_init_ordered (&a, json_node_get_object (ours));
        json_object_iter_init_ordered (&b, json_node_get_object (theirs));
        g_assert_cmpuint (json_object_get_size (json_node_get_object (ours)), ==,
                          json_object_get_size (json_node_get_object (theirs)));
        while (json_object_iter_next_ordered (&a, &name_a, &value_a))
          {
            g_autofree char *inner = NULL;

            g_assert_true (json_object_iter_next_ordered (&b, &name_b, &value_b));
            g_assert_cmpstr (name_a, ==, name_b);
            inner = g_strdup_printf ("%s.%s", path, name_a);
            assert_same_tree (value_a, value_b, inner);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
parse_ours (const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root = hallway_json_parse (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (json_node_is_immutable (root));
  return root;
}

static void
assert_same_as_json_glib (const char *data, gsize length)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) ours = parse_ours (data, length);

  g_assert_true (json_parser_load_from_data (parser, data, (gssize) length, &error));
  g_assert_no_error (error);
  assert_same_tree (ours, json_parser_get_root (parser), "$");
}

/* Valid texts json-glib reads the same way: the differential half of the table. */
static const char *const same_as_json_glib[] = {
  "{}",
  "[]",
  "0",
  "-0",
  "1",
  "-1",
  "true",
  "false",
  "null",
  "\"\"",
  " \t\r\n[ 1 , 2 ]\n",
  "\xEF\xBB\xBF{\"bom\": true}",
  "9223372036854775807",
  "-9223372036854775808",
  "9223372036854775808",
  "-9223372036854775809",
  "123456789012345678901234567890",
  "-0.0",
  "0.5",
  "1e400",
  "-1e400",
  "1E2",
  "1e+2",
  "1e-2",
  "2.5E-3",
  "4.9e-325",
  "1.7976931348623157e308",
  "0.1",
  "-9223372036854775808.0",
  "100000000000000000000.0",
  "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
  "\"\\u00e9\\u00E9\\u20AC\"",
  "\"\\ud83d\\ude00\"",
  "\"\\uD83D\\uDE00 and \\uDBFF\\uDFFF\"",
  "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"",
  "\"\xEF\xBF\xBF\"",
  "\"\\u0001\\u001f\"",
  "{\"a\": 1, \"b\": 2, \"a\": 3}",
  "{\"a\": 1, \"a\": [2], \"b\": 3}",
  "{\"\": 1}",
  "{\"a\": {\"x\": [1]}, \"b\": 2, \"a\": {\"y\": {\"z\": [3, {}]}}}",
  "{\"a\": [1, [2]], \"a\": \"s\", \"a\": null, \"a\": [[true], {\"k\": 0.5}]}",
  "{\"a\": 1, \"a\": 2.5, \"b\": 0, \"a\": false, \"a\": -7}",
  "[[[[[]]]], {\"x\": {\"y\": [null, {}]}}]",
  "[1, 2.0, \"3\", [4], {\"5\": 5}, true, null]",
};

static void
test_same_as_json_glib (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (same_as_json_glib); i++)
    assert_same_as_json_glib (same_as_json_glib[i], strlen (same_as_json_glib[i]));
}

/* The special bytes of a string at every place of the words read eight at a time. */
static void
test_long_strings (void)
{
  static const char *const specials[] = { "\xC3\xA9", "\\n", "\\\"", "\\u00e9",
                                          "\xF0\x9F\x98\x80" };

  for (guint offset = 0; offset < 20; offset++)
    {
      g_autofree char *padding = g_strnfill (offset, 'a');
      g_autofree char *control = g_strdup_printf ("\"%s\001bbbbbbbbbbbbbbbb\"", padding);
      g_autoptr (GError) error = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
        {
          g_autofree char *text =
            g_strdup_printf ("[\"%s%sbbbbbbbbbbbbbbbbbbbbbbbb\"]", padding, specials[i]);

          assert_same_as_json_glib (text, strlen (text));
        }
      g_assert_null (hallway_json_parse (control, strlen (control), &error));
      g_assert_cmpstr (error->message, ==, "Broken JSON, line 1: control character in a string");
    }
}

/* Where the value is what it is whatever json-glib says. */
static void
test_values (void)
{
  g_autoptr (JsonNode) big = parse_ours ("[99999999999999999999, -99999999999999999999]", 45);
  g_autoptr (JsonNode) zero = parse_ours ("-0", 2);
  g_autoptr (JsonNode) huge = parse_ours ("1e400", 5);
  g_autoptr (JsonNode) pair = parse_ours ("\"\\ud83d\\ude00\"", 14);
  g_autoptr (JsonNode) nul = parse_ours ("\"a\\u0000b\"", 10);
  g_autoptr (JsonNode) twice = parse_ours ("{\"a\": 1, \"b\": 2, \"a\": 3}", 24);
  g_autoptr (JsonNode) bom = parse_ours ("\xEF\xBB\xBF[]", 5);
  JsonArray *array = json_node_get_array (big);
  g_autoptr (GList) names = json_object_get_members (json_node_get_object (twice));

  g_assert_cmpint (json_array_get_int_element (array, 0), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, G_MININT64);
  g_assert_true (json_node_get_value_type (zero) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (zero), ==, 0);
  g_assert_true (json_node_get_value_type (huge) == G_TYPE_DOUBLE);
  g_assert_true (isinf (json_node_get_double (huge)));
  g_assert_cmpstr (json_node_get_string (pair), ==, "\xF0\x9F\x98\x80");
  /* json-glib cut the string at the NUL; a replacement character keeps the rest. */
  g_assert_cmpstr (json_node_get_string (nul), ==, "a\xEF\xBF\xBD" "b");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (twice), "a"), ==, 3);
  g_assert_cmpuint (g_list_length (names), ==, 2);
  g_assert_cmpstr (names->data, ==, "a");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (bom));
}

typedef struct
{
  const char *data;
  HallwayJsonError code;
  const char *message;
} Broken;

static const Broken broken[] = {
  { "", HALLWAY_JSON_ERROR_EMPTY, "Broken JSON: there is no value in it" },
  { " \n\t ", HALLWAY_JSON_ERROR_EMPTY, "Broken JSON: there is no value in it" },
  { "\xEF\xBB\xBF", HALLWAY_JSON_ERROR_EMPTY, "Broken JSON: there is no value in it" },
  { "{}{}", HALLWAY_JSON_ERROR_SEVERAL_VALUES,
    "Broken JSON, line 1: something follows the end of the document" },
  { "[]\n\n{}", HALLWAY_JSON_ERROR_SEVERAL_VALUES,
    "Broken JSON, line 3: something follows the end of the document" },
  { "1 2", HALLWAY_JSON_ERROR_SEVERAL_VALUES,
    "Broken JSON, line 1: something follows the end of the document" },
  { "{},{}", HALLWAY_JSON_ERROR_SEVERAL_VALUES,
    "Broken JSON, line 1: something follows the end of the document" },
  { "[1,]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “]”" },
  { "{\"a\": 1,}", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “}”" },
  { "[,1]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “,”" },
  { "[1 2]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “2”" },
  { "{\"a\" 1}", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “1”" },
  { "{a: 1}", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “a”" },
  { "\n\n[1,\n}", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 4: unexpected character “}”" },
  { "]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “]”" },
  { "[", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected end of data" },
  { "{\"a\":\n", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 2: unexpected end of data" },
  { "{\"a\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected end of data" },
  { "/* comment */ 1", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: unexpected character “/”" },
  { "'a'", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “'”" },
  { "\f1", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “U+000C”" },
  { "\xEF\xBB\xBF\xEF\xBB\xBF{}", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: unexpected character “U+FEFF”" },
  { "\xFF", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “\\xFF”" },
  { "\"abc", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unfinished string" },
  { "[\"a\\", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unfinished string" },
  { "\"a\tb\"", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: control character in a string" },
  { "\n\"a\nb\"", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 2: control character in a string" },
  { "\"\xC3\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid UTF-8 in a string" },
  { "\"\xED\xA0\x80\"", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: invalid UTF-8 in a string" },
  { "\"\xC0\x80\"", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: invalid UTF-8 in a string" },
  { "\"\\q\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid escape “\\q”" },
  { "\"\\x41\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid escape “\\x”" },
  { "\"\\u12g4\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid escape “\\u12g4”" },
  { "\"\\u12\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid escape “\\u12\"”" },
  { "\"\\ud800\"", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid escape “\\ud800”" },
  { "\"\\udc00\\ud800\"", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: invalid escape “\\udc00”" },
  { "\"\\ud800\\u0041\"", HALLWAY_JSON_ERROR_MALFORMED,
    "Broken JSON, line 1: invalid escape “\\ud800”" },
  { "-", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “-”" },
  { "01", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “01”" },
  { "1.", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “1.”" },
  { "[1.e5]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “1.e5”" },
  { "1e", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “1e”" },
  { "2.5e+", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “2.5e+”" },
  { "0x10", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: invalid number “0x10”" },
  { ".5", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “.”" },
  { "+1", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unexpected character “+”" },
  { "NaN", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unknown word “NaN”" },
  { "[True]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unknown word “True”" },
  { "nul", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unknown word “nul”" },
  { "[nulll]", HALLWAY_JSON_ERROR_MALFORMED, "Broken JSON, line 1: unknown word “nulll”" },
};

static void
test_broken (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *shown = g_strescape (broken[i].data, NULL);
      JsonNode *root = hallway_json_parse (broken[i].data, strlen (broken[i].data), &error);

      g_test_message ("%s", shown);
      g_assert_null (root);
      g_assert_error (error, HALLWAY_JSON_ERROR, (int) broken[i].code);
      g_assert_cmpstr (error->message, ==, broken[i].message);
    }
}

/* A NUL byte is a character like any other, not the end of the text. */
static void
test_nul_byte (void)
{
  g_autoptr (GError) in_string = NULL;
  g_autoptr (GError) after = NULL;

  g_assert_null (hallway_json_parse ("[\"a\0b\"]", 7, &in_string));
  g_assert_cmpstr (in_string->message, ==, "Broken JSON, line 1: control character in a string");
  g_assert_null (hallway_json_parse ("{}\0", 3, &after));
  g_assert_error (after, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_SEVERAL_VALUES);
}

/* json_object_set_member looks for a duplicate's name along the list of members: a flood of
 * them must not make parsing quadratic. */
static void
test_duplicate_flood (void)
{
  GString *text = g_string_new ("{");
  g_autofree char *data = NULL;
  gsize length;
  double start;
  g_autoptr (JsonNode) root = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (text, "\"k%u\": 0, ", i);
  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (text, "\"k49999\": %u, ", i);
  g_string_append (text, "\"end\": 0}");
  length = text->len;
  data = g_string_free (text, FALSE);
  start = hallway_test_cpu_seconds ();
  root = parse_ours (data, length);
  g_assert_cmpfloat (hallway_test_cpu_seconds () - start, <, hallway_test_seconds (2.0));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (root)), ==, 50001);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "k49999"), ==, 49999);
}

static char *
nested (guint levels, const char *open, const char *close)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (text, open);
  g_string_append (text, "1");
  for (guint i = 0; i < levels; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

/* HALLWAY_JSON_MAX_DEPTH levels read, one more refused with the line of the one too many;
 * far deeper costs no stack. */
static void
test_depth (void)
{
  g_autofree char *deepest = nested (HALLWAY_JSON_MAX_DEPTH, "[", "]");
  g_autofree char *objects = nested (HALLWAY_JSON_MAX_DEPTH, "{\"a\":", "}");
  g_autofree char *too_deep = nested (HALLWAY_JSON_MAX_DEPTH + 1, "[\n", "]");
  g_autofree char *expected = g_strdup_printf (
    "Broken JSON, line %d: nested more than %d levels deep", HALLWAY_JSON_MAX_DEPTH + 1,
    HALLWAY_JSON_MAX_DEPTH);
  g_autofree char *very_deep = nested (1000000, "[", "");
  g_autoptr (JsonNode) root = parse_ours (deepest, strlen (deepest));
  g_autoptr (JsonNode) object_root = parse_ours (objects, strlen (objects));
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) very_deep_error = NULL;

  assert_same_as_json_glib (deepest, strlen (deepest));
  assert_same_as_json_glib (objects, strlen (objects));
  g_assert_null (hallway_json_parse (too_deep, strlen (too_deep), &error));
  g_assert_error (error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (hallway_json_parse (very_deep, strlen (very_deep), &very_deep_error));
  g_assert_error (very_deep_error, HALLWAY_JSON_ERROR, HALLWAY_JSON_ERROR_TOO_DEEP);
}

/* Every real JSON file of the shared folder: the tree json-glib builds. */
static void
test_real_schedules (void)
{
  const char *folder = g_getenv ("HALLWAY_SCHEDULES");
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint count = 0;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared schedules folder is absent (HALLWAY_SCHEDULES)");
      return;
    }
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (folder, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_test_message ("%s", name);
      assert_same_as_json_glib (contents, length);
      count++;
    }
  g_assert_cmpuint (count, >, 0);
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_DEFAULT);
  g_test_add_func ("/json/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json/long-strings", test_long_strings);
  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/broken", test_broken);
  g_test_add_func ("/json/nul-byte", test_nul_byte);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/duplicate-flood", test_duplicate_flood);
  g_test_add_func ("/json/real-schedules", test_real_schedules);
  return g_test_run ();
}
