/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-language"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hallway-language.h"

/* iso-codes' files: in the GNOME runtime (freedesktop-sdk's components/iso-codes.bst) and in
 * every distribution, under a data folder. Their names are the msgids of these domains. */
#define LANGUAGES_FILE "iso_639-2.json"
#define LANGUAGES_DOMAIN "iso_639-2"
#define REGIONS_FILE "iso_3166-1.json"
#define REGIONS_DOMAIN "iso_3166-1"

/* The English names by code, read once: lower-case alpha_2, alpha_3 and bibliographic codes
 * of languages; upper-case alpha_2 of regions. Empty when iso-codes is missing. */
static void
add_codes (GHashTable *names, const char *file_name, const char *list_name,
           const char *const *code_members)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) error = NULL;
  const char *const *folders = g_get_system_data_dirs ();
  JsonObject *root;
  JsonArray *list;

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folders[i], "iso-codes", "json", file_name, NULL);

      if (json_parser_load_from_mapped_file (parser, path, &error))
        break;
      g_clear_error (&error);
    }
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_debug ("No iso-codes %s: language codes are shown as they are", file_name);
      return;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  list = json_object_has_member (root, list_name) ? json_object_get_array_member (root, list_name)
                                                  : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      const char *name =
        item != NULL ? json_object_get_string_member_with_default (item, "name", NULL) : NULL;

      for (guint m = 0; name != NULL && code_members[m] != NULL; m++)
        {
          const char *code = json_object_get_string_member_with_default (item, code_members[m],
                                                                         NULL);

          if (code != NULL && !g_hash_table_contains (names, code))
            g_hash_table_insert (names, g_strdup (code), g_strdup (name));
        }
    }
}

static GHashTable *
names_by_code (void)
{
  static GHashTable *names;

  if (g_once_init_enter_pointer (&names))
    {
      static const char *const language_codes[] = { "alpha_2", "alpha_3", "bibliographic", NULL };
      static const char *const region_codes[] = { "alpha_2", NULL };
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      add_codes (table, LANGUAGES_FILE, "639-2", language_codes);
      add_codes (table, REGIONS_FILE, "3166-1", region_codes);
      bind_textdomain_codeset (LANGUAGES_DOMAIN, "UTF-8");
      bind_textdomain_codeset (REGIONS_DOMAIN, "UTF-8");
      g_once_init_leave_pointer (&names, table);
    }
  return names;
}

/* iso-codes lists alternative names after a semicolon ("Spanish; Castilian"), in its
 * translations too: the first is the name. */
static char *
dup_translated_name (const char *domain, const char *name)
{
  const char *translated = dgettext (domain, name);
  const char *semicolon = strchr (translated, ';');

  return semicolon != NULL ? g_strndup (translated, semicolon - translated)
                           : g_strdup (translated);
}

static gboolean
is_letters (const char *text, gsize min, gsize max)
{
  gsize length = strlen (text);

  if (length < min || length > max)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (text[i]))
      return FALSE;
  return TRUE;
}

/* One code, "pt", "por", "pt-BR" or "pt_BR": its name, or NULL when it is none. */
static char *
dup_language_name (const char *code)
{
  gsize language_length = strcspn (code, "-_");
  g_autofree char *language = g_ascii_strdown (code, language_length);
  const char *region_code = code[language_length] != '\0' ? code + language_length + 1 : NULL;
  g_autofree char *region = NULL;
  g_autofree char *name = NULL;
  g_autofree char *region_name = NULL;
  const char *english;

  if (!is_letters (language, 2, 3))
    return NULL;
  english = g_hash_table_lookup (names_by_code (), language);
  if (english == NULL)
    return NULL;
  name = dup_translated_name (LANGUAGES_DOMAIN, english);
  if (region_code == NULL)
    return g_steal_pointer (&name);
  if (!is_letters (region_code, 2, 2))
    return NULL;
  region = g_ascii_strup (region_code, -1);
  english = g_hash_table_lookup (names_by_code (), region);
  if (english == NULL)
    return NULL;
  region_name = dup_translated_name (REGIONS_DOMAIN, english);
  /* TRANSLATORS: a language and the region of its variant: "Portuguese (Brazil)" */
  return g_strdup_printf (C_("language and region", "%s (%s)"), name, region_name);
}

/* Some translations write language names in lower case; alone as a value, the first name
 * starts with a capital (a code stays as written: "xx"). */
static char *
dup_capitalized (const char *text)
{
  g_autofree char *first = NULL;

  if (*text == '\0')
    return g_strdup (text);
  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

char *
hallway_language_dup_names (const char *codes)
{
  g_auto (GStrv) items = NULL;
  g_autoptr (GString) names = g_string_new (NULL);

  if (codes == NULL || *codes == '\0')
    return NULL;
  items = g_strsplit (codes, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *code = g_strstrip (items[i]);
      g_autofree char *name = dup_language_name (code);

      if (*code == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      else if (name != NULL)
        {
          char *capitalized = dup_capitalized (name);

          g_free (name);
          name = capitalized;
        }
      g_string_append (names, name != NULL ? name : code);
    }
  return names->len > 0 ? g_string_free_and_steal (g_steal_pointer (&names)) : NULL;
}

/* The types schedules share (FOSDEM's, frab's and pretalx's defaults), keyed as
 * type_key () folds them: "Lightning Talk", "lightning_talk" and "lightningtalk" alike. */
static const struct
{
  const char *key;
  const char *word;
} known_types[] = {
  { "talk", N_("Talk") },
  { "lecture", N_("Talk") },
  { "keynote", N_("Keynote") },
  { "workshop", N_("Workshop") },
  { "handson", N_("Workshop") },
  { "lightningtalk", N_("Lightning Talk") },
  { "bof", N_("Birds of a Feather") },
  { "meeting", N_("Meeting") },
  { "discussion", N_("Discussion") },
  { "panel", N_("Panel") },
  { "devroom", N_("Devroom") },
  { "maintrack", N_("Main Track") },
  { "standtrack", N_("Stand") },
  { "other", N_("Other") },
};

/* Lower case, letters and digits only. */
static char *
type_key (const char *type)
{
  g_autofree char *lower = g_utf8_strdown (type, -1);
  GString *key = g_string_new (NULL);

  for (const char *c = lower; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (key, *c);
  return g_string_free (key, FALSE);
}

char *
hallway_language_dup_type_word (const char *type)
{
  g_autofree char *key = NULL;

  if (type == NULL || *type == '\0')
    return NULL;
  key = type_key (type);
  for (guint i = 0; i < G_N_ELEMENTS (known_types); i++)
    if (g_str_equal (key, known_types[i].key))
      return g_strdup (_(known_types[i].word));
  return dup_capitalized (type);
}
