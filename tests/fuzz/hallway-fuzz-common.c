/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fuzz"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-fuzz.h"

const HallwayFuzzTarget hallway_fuzz_targets[] = {
  { "xml", "Pentabarf/frab XML through hallway_schedule_read_bytes",
    hallway_fuzz_schedule_xml },
  { "json", "frab, schedule v2 and pretalx JSON through hallway_schedule_read_bytes",
    hallway_fuzz_schedule_json },
  { "ical", "iCalendar through hallway_schedule_read_bytes",
    hallway_fuzz_schedule_ical },
  { "sanitizer", "hallway_sanitize_html: allow-listed output, valid UTF-8, stable",
    hallway_fuzz_sanitizer },
  { "markdown", "Markdown abstracts: md4c, then the sanitizer (HallwayRichText)",
    hallway_fuzz_markdown },
  { "state", "bookmarks, library, catalogue, reminder state, export sequences, cache meta",
    hallway_fuzz_state_files },
  { "ics-writer", "hallway_ical_export of fuzzed events, read back with libical",
    hallway_fuzz_ics_writer },
  { "snapshot", "a schedule snapshot damaged where the input says, read back",
    hallway_fuzz_snapshot },
};
const guint hallway_fuzz_n_targets = G_N_ELEMENTS (hallway_fuzz_targets);

static char *scratch_path;

const HallwayFuzzTarget *
hallway_fuzz_lookup (const char *name)
{
  for (guint i = 0; i < hallway_fuzz_n_targets; i++)
    if (g_strcmp0 (hallway_fuzz_targets[i].name, name) == 0)
      return &hallway_fuzz_targets[i];
  return NULL;
}

void
hallway_fuzz_fail (const char *file, int line, const char *condition, const char *format, ...)
{
  va_list args;

  fprintf (stderr, "hallway-fuzz: %s:%d: check failed: %s\n  ", file, line, condition);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

/* Criticals and errors are printed (and are fatal); what readers log about bad input is
 * expected and would only slow the fuzzer down. HALLWAY_FUZZ_VERBOSE=1 shows it all. */
static GLogWriterOutput
quiet_writer (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields,
              gpointer user_data)
{
  static int verbose = -1;

  if (verbose < 0)
    verbose = g_strcmp0 (g_getenv ("HALLWAY_FUZZ_VERBOSE"), "1") == 0;
  if (!verbose && !(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
}

void
hallway_fuzz_remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children =
    g_file_enumerate_children (file,
                               G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        hallway_fuzz_remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_scratch (void)
{
  g_autoptr (GFile) folder = NULL;

  if (scratch_path == NULL)
    return;
  folder = g_file_new_for_path (scratch_path);
  hallway_fuzz_remove_tree (folder);
}

void
hallway_fuzz_init (gboolean keep_user_dirs)
{
  g_autoptr (GError) error = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "hallway-fuzz-XXXXXX", NULL);

  if (scratch_path != NULL)
    return;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (quiet_writer, NULL, NULL);

  scratch_path = g_mkdtemp (template) != NULL ? g_steal_pointer (&template) : NULL;
  if (scratch_path == NULL)
    g_error ("hallway-fuzz: cannot create a scratch folder in %s: %s", base, g_strerror (errno));
  atexit (remove_scratch);

  if (!keep_user_dirs)
    {
      static const char * const variables[] = {
        "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME",
      };

      for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
        {
          g_autofree char *path = g_build_filename (scratch_path, "home", variables[i], NULL);

          g_mkdir_with_parents (path, 0700);
          g_setenv (variables[i], path, TRUE);
        }
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
    }
}

GFile *
hallway_fuzz_scratch_folder (void)
{
  g_autofree char *path = NULL;

  g_assert (scratch_path != NULL);
  path = g_build_filename (scratch_path, "files", NULL);
  g_mkdir_with_parents (path, 0700);
  return g_file_new_for_path (path);
}

void
hallway_fuzz_reset_scratch (void)
{
  g_autoptr (GFile) folder = hallway_fuzz_scratch_folder ();

  hallway_fuzz_remove_tree (folder);
}

GFile *
hallway_fuzz_write_scratch (const char *name, const guint8 *data, gsize size)
{
  g_autoptr (GFile) folder = hallway_fuzz_scratch_folder ();
  g_autoptr (GFile) file = g_file_get_child (folder, name);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (GError) error = NULL;

  g_file_make_directory_with_parents (parent, NULL, NULL);
  if (!g_file_replace_contents (file, (const char *) data, size, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_error ("hallway-fuzz: cannot write the scratch file %s: %s", g_file_peek_path (file),
             error->message);
  return g_steal_pointer (&file);
}
