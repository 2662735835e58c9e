/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include <string.h>

#include "hallway-fuzz.h"

/* Every input the fuzzers found a defect with is kept in tests/data/fuzz/<target>/ and runs
 * here, in the normal build, through the very function the fuzz target calls: a defect
 * that comes back fails this test (an abort names the input in the log). Each target also
 * runs on a few trivial inputs, so a target that breaks is noticed even without findings. */

typedef struct
{
  const HallwayFuzzTarget *target;
  char *path;  /* NULL: the trivial inputs */
} Case;

static void
case_free (gpointer data)
{
  Case *test_case = data;

  g_free (test_case->path);
  g_free (test_case);
}

static void
run_file (gconstpointer data)
{
  const Case *test_case = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (test_case->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %s (%" G_GSIZE_FORMAT " bytes)", test_case->target->name,
                  test_case->path, length);
  test_case->target->run ((const guint8 *) contents, length);
}

static void
run_trivial (gconstpointer data)
{
  const Case *test_case = data;
  static const char * const inputs[] = {
    "", " ", "\0", "{}", "[]", "<", "<schedule/>", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    "\x01{\"version\": 1, \"bookmarks\": []}", "\xff\xfe", "<p>a</p>", "*a*",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      gsize length = strlen (inputs[i]);

      test_case->target->run ((const guint8 *) inputs[i], length == 0 && i == 2 ? 1 : length);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hallway_fuzz_init (TRUE);

  for (guint i = 0; i < hallway_fuzz_n_targets; i++)
    {
      const HallwayFuzzTarget *target = &hallway_fuzz_targets[i];
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "fuzz", target->name,
                                                       NULL);
      g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *trivial_path = g_strdup_printf ("/fuzz-regressions/%s/trivial",
                                                       target->name);
      Case *trivial = g_new0 (Case, 1);
      const char *name;

      trivial->target = target;
      g_ptr_array_add (cases, trivial);
      g_test_add_data_func (trivial_path, trivial, run_trivial);

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort_values (names, (GCompareFunc) strcmp);
      for (guint j = 0; j < names->len; j++)
        {
          Case *test_case = g_new0 (Case, 1);
          g_autofree char *test_path = NULL;

          test_case->target = target;
          test_case->path = g_build_filename (folder, g_ptr_array_index (names, j), NULL);
          test_path = g_strdup_printf ("/fuzz-regressions/%s/%s", target->name,
                                       (const char *) g_ptr_array_index (names, j));
          g_ptr_array_add (cases, test_case);
          g_test_add_data_func (test_path, test_case, run_file);
        }
    }
  return g_test_run ();
}
