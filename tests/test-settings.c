/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gstdio.h>

#include "hallway-ical-export.h"
#include "hallway-settings.h"

/* Every key hallway-settings.h names, in the schema's order. */
static const char * const named_keys[] = {
  HALLWAY_SETTINGS_WINDOW_WIDTH,
  HALLWAY_SETTINGS_WINDOW_HEIGHT,
  HALLWAY_SETTINGS_WINDOW_MAXIMIZED,
  HALLWAY_SETTINGS_SHOW_LOCAL_TIME,
  HALLWAY_SETTINGS_REMINDER_LEAD,
  HALLWAY_SETTINGS_NOTIFY_CHANGES,
  HALLWAY_SETTINGS_RUN_IN_BACKGROUND,
  HALLWAY_SETTINGS_START_AT_LOGIN,
  HALLWAY_SETTINGS_CATALOGUE_URL,
};

/* A key added to the schema gets its name in the header; a name in the header is a key. */
static void
test_keys_match_schema (void)
{
  g_autoptr (GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_auto (GStrv) keys = NULL;

  g_assert_nonnull (schema);
  keys = g_settings_schema_list_keys (schema);
  for (gsize i = 0; i < G_N_ELEMENTS (named_keys); i++)
    g_assert_true (g_strv_contains ((const char * const *) keys, named_keys[i]));
  for (gsize i = 0; keys[i] != NULL; i++)
    g_assert_true (g_strv_contains (named_keys, keys[i]));
  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (named_keys));
}

/* What the CLI's --export-agenda and the window's exporter both give calendar alarms. */
static void
test_alarm_minutes (void)
{
  g_autoptr (GSettings) settings = hallway_settings_new ();

  /* GSETTINGS_BACKEND=memory: the schema's default, 10. */
  g_assert_cmpint (hallway_settings_get_alarm_minutes (settings), ==, 10);
  g_settings_set_int (settings, HALLWAY_SETTINGS_REMINDER_LEAD, 0);
  g_assert_cmpint (hallway_settings_get_alarm_minutes (settings), ==, 0);
  g_settings_set_int (settings, HALLWAY_SETTINGS_REMINDER_LEAD, 30);
  g_assert_cmpint (hallway_settings_get_alarm_minutes (settings), ==, 30);
  /* "Never remind": no alarm either. */
  g_settings_set_int (settings, HALLWAY_SETTINGS_REMINDER_LEAD, -1);
  g_assert_cmpint (hallway_settings_get_alarm_minutes (settings), ==, HALLWAY_ICAL_EXPORT_NO_ALARM);
  g_settings_reset (settings, HALLWAY_SETTINGS_REMINDER_LEAD);
  g_assert_cmpint (hallway_settings_get_alarm_minutes (NULL), ==, HALLWAY_ICAL_EXPORT_NO_ALARM);
}

static void
test_installed (void)
{
  g_autoptr (GSettings) settings = hallway_settings_new_if_installed ();

  g_assert_nonnull (settings);
  g_assert_cmpint (hallway_settings_get_alarm_minutes (settings), ==, 10);
}

/* The command line run from a build folder, without the schema: no settings, no alarms,
 * and no abort from g_settings_new (). */
static void
test_not_installed (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GSettings) settings = hallway_settings_new_if_installed ();

      g_assert_null (settings);
      g_assert_cmpint (hallway_settings_get_alarm_minutes (settings), ==,
                       HALLWAY_ICAL_EXPORT_NO_ALARM);
      return;
    }
  {
    g_autofree char *empty = g_dir_make_tmp ("hallway-no-schemas-XXXXXX", NULL);
    g_auto (GStrv) env = g_get_environ ();

    g_assert_nonnull (empty);
    env = g_environ_unsetenv (env, "GSETTINGS_SCHEMA_DIR");
    env = g_environ_setenv (env, "XDG_DATA_DIRS", empty, TRUE);
    g_test_trap_subprocess_with_envp (NULL, (const char * const *) env, 0,
                                      G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_rmdir (empty);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/settings/keys-match-schema", test_keys_match_schema);
  g_test_add_func ("/settings/alarm-minutes", test_alarm_minutes);
  g_test_add_func ("/settings/installed", test_installed);
  g_test_add_func ("/settings/not-installed", test_not_installed);
  return g_test_run ();
}
