/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include <locale.h>

#include "hallway-i18n.h"
#include "hallway-language.h"
#include "hallway-test-utils.h"

static void
assert_names (const char *codes, const char *expected)
{
  g_autofree char *names = hallway_language_dup_names (codes);

  g_assert_cmpstr (names, ==, expected);
}

/* iso-codes is in the development root, the GNOME runtime and every distribution. */
static gboolean
have_iso_codes (void)
{
  const char *const *folders = g_get_system_data_dirs ();

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *path =
        g_build_filename (folders[i], "iso-codes", "json", "iso_639-2.json", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
test_english_names (void)
{
  if (!have_iso_codes ())
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  assert_names ("en", "English");
  assert_names ("de", "German");
  assert_names ("fr", "French");
  assert_names ("pt-BR", "Portuguese (Brazil)");
  assert_names ("pt_br", "Portuguese (Brazil)");
  assert_names ("EN", "English");
  assert_names ("eng", "English");
  /* iso-codes lists alternatives after a semicolon: "Spanish; Castilian". */
  assert_names ("es", "Spanish");
  /* Several, as 107 talks of 39C3 say. */
  assert_names ("de, en", "German, English");
}

/* What is no code stays as the schedule wrote it. */
static void
test_not_codes (void)
{
  assert_names ("xx", "xx");
  assert_names ("English", "English");
  assert_names ("en-XX", "en-XX");
  assert_names ("en-", "en-");
  assert_names ("de, xx", have_iso_codes () ? "German, xx" : "de, xx");
  assert_names ("", NULL);
  assert_names (NULL, NULL);
}

/* In the user's language, through iso-codes' translations and ours ("%s (%s)"). */
static void
test_translated_names (void)
{
  static const struct
  {
    const char *locale, *codes, *expected;
  } cases[] = {
    { "fr_FR.UTF-8", "en", "Anglais" },
    { "fr_FR.UTF-8", "pt-BR", "Portugais (Brésil)" },
    { "fr_FR.UTF-8", "de, en", "Allemand, Anglais" },
    { "de_DE.UTF-8", "en", "Englisch" },
    { "de_DE.UTF-8", "pt-BR", "Portugiesisch (Brasilien)" },
    { "de_DE.UTF-8", "xx", "xx" },
  };

  if (!have_iso_codes ())
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_skip ("the French or German locale is not generated");
          break;
        }
      g_setenv ("LANGUAGE", "", TRUE);
      assert_names (cases[i].codes, cases[i].expected);
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
}

static void
assert_type_word (const char *type, const char *expected)
{
  g_autofree char *word = hallway_language_dup_type_word (type);

  g_assert_cmpstr (word, ==, expected);
}

/* Types as real schedules spell them (FOSDEM, CCC, DebConf, pretalx). */
static void
test_type_word (void)
{
  assert_type_word ("devroom", "Devroom");
  assert_type_word ("maintrack", "Main Track");
  assert_type_word ("lecture", "Talk");
  assert_type_word ("Talk", "Talk");
  assert_type_word ("lightningtalk", "Lightning Talk");
  assert_type_word ("Lightning-Talk", "Lightning Talk");
  assert_type_word ("lightning_talk", "Lightning Talk");
  assert_type_word ("bof", "Birds of a Feather");
  assert_type_word ("hands-on", "Workshop");
  assert_type_word ("échange", "Échange");
  assert_type_word ("Long talk (45 minutes)", "Long talk (45 minutes)");
  g_assert_null (hallway_language_dup_type_word (""));
  g_assert_null (hallway_language_dup_type_word (NULL));
}

/* The shared types read in the user's language; a schedule's own word stays its own. In a
 * process of its own, started in German as the app is: in one process, messages first
 * looked up under the C locale stayed untranslated after a switch to German. */
static void
test_translated_type_words (void)
{
  gboolean german;

  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
      assert_type_word ("lecture", "Vortrag");
      assert_type_word ("lightning_talk", "Kurzvortrag");
      assert_type_word ("Normale Länge", "Normale Länge");
      return;
    }
  german = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
  setlocale (LC_ALL, "C.UTF-8");
  if (!german)
    {
      g_test_skip ("the German locale is not generated");
      return;
    }
  g_test_trap_subprocess (NULL, 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ENGLISH);
  /* Hallway's own catalogue from the build folder (HALLWAY_LOCALE_DIR), as the app binds it. */
  hallway_i18n_init ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_add_func ("/language/english-names", test_english_names);
  g_test_add_func ("/language/not-codes", test_not_codes);
  g_test_add_func ("/language/translated-names", test_translated_names);
  g_test_add_func ("/language/type-word", test_type_word);
  g_test_add_func ("/language/translated-type-words", test_translated_type_words);
  return g_test_run ();
}
