/* SPDX-License-Identifier: EUPL-1.2 */
/* Reading benchmark: Hallway's reader against the bare parsers on the same bytes, runs
 * interleaved in one process, then the same file through xmllint and python's json, and
 * the memory the loaded model costs. Prints numbers and ratios; asserts nothing. */
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-schedule-reader.h"

#define RUNS 15

typedef void (*ReadFunc) (GBytes *bytes);

static void
read_with_hallway (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);

  if (conference == NULL)
    g_error ("hallway cannot read the file: %s", error->message);
}

static void
read_with_libxml2 (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDocPtr doc = xmlReadMemory (data, (int) length, NULL, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
read_with_json_glib (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();

  g_assert_true (json_parser_load_from_data (parser, data, (gssize) length, NULL));
}

static double
time_once (ReadFunc func, GBytes *bytes)
{
  gint64 start = g_get_monotonic_time ();

  func (bytes);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, (GCompareFunc) compare_doubles);
  return values[n / 2];
}

/* xmllint --timing prints "Parsing took 12.345 ms" on stderr; our python line prints the
 * milliseconds on stdout. Only the parse is timed, not the process start. */
static double
external_ms (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *number;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, NULL) || status != 0)
    return -1;
  number = strstr (err, "Parsing took ");
  number = number != NULL ? number + strlen ("Parsing took ") : out;
  return g_ascii_strtod (number, NULL);
}

static long
rss_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  line = status ? strstr (status, field) : NULL;
  return line ? strtol (line + strlen (field), NULL, 10) : -1;
}

static void
bench_file (const char *path, ReadFunc baseline, const char *baseline_name,
            const char *external_name, const char *external_argv0, const char *external_argv1,
            const char *external_argv2)
{
  const char *argv[] = { external_argv0, external_argv1, external_argv2, path, NULL };
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  double ours[RUNS], theirs[RUNS];
  double ours_ms, theirs_ms, external;
  g_autofree char *name = g_path_get_basename (path);
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      printf ("%s: absent, skipped\n", path);
      return;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  read_with_hallway (bytes);
  baseline (bytes);
  for (guint i = 0; i < RUNS; i++)
    {
      ours[i] = time_once (read_with_hallway, bytes);
      theirs[i] = time_once (baseline, bytes);
    }
  ours_ms = median (ours, RUNS);
  theirs_ms = median (theirs, RUNS);
  external = external_ms (argv);

  printf ("%s (%.2f MB), median of %d interleaved reads:\n", name, length / 1e6, RUNS);
  printf ("  hallway reader             %8.2f ms\n", ours_ms);
  printf ("  %-26s %8.2f ms   ratio hallway/%s = %.2f\n", baseline_name, theirs_ms,
          baseline_name, ours_ms / theirs_ms);
  if (external > 0)
    printf ("  %-26s %8.2f ms   ratio hallway/it = %.2f\n", external_name, external,
            ours_ms / external);
}

static void
bench_memory (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayConference) conference = NULL;
  g_autofree char *name = g_path_get_basename (path);
  long before, after;

  malloc_trim (0);
  before = rss_kib ("VmRSS:");
  conference = hallway_schedule_read_file (file, NULL, NULL);
  if (conference == NULL)
    return;
  malloc_trim (0);
  after = rss_kib ("VmRSS:");
  printf ("memory: %s loaded (%u events) adds %.1f MiB RSS (%.1f → %.1f MiB), peak %.1f MiB\n",
          name, g_list_model_get_n_items (G_LIST_MODEL (conference)),
          (after - before) / 1024.0, before / 1024.0, after / 1024.0, rss_kib ("VmHWM:") / 1024.0);
}

int
main (int argc, char *argv[])
{
  const char *folder = g_getenv ("HALLWAY_SCHEDULES");
  g_autofree char *fosdem = NULL;
  g_autofree char *ccc = NULL;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      printf ("the shared schedules folder is absent: skipped\n");
      return 77;
    }
  fosdem = g_build_filename (folder, "fosdem-2026.xml", NULL);
  ccc = g_build_filename (folder, "39c3-everything.schedule.json", NULL);

  bench_memory (fosdem);
  bench_file (fosdem, read_with_libxml2, "libxml2 xmlReadMemory", "xmllint --noout --timing",
              "xmllint", "--noout", "--timing");
  bench_file (ccc, read_with_json_glib, "json-glib parse", "python3 json.loads", "python3", "-c",
              "import json, sys, time; data = open(sys.argv[1], 'rb').read(); "
              "start = time.perf_counter(); json.loads(data); "
              "print((time.perf_counter() - start) * 1000)");
  return 0;
}
