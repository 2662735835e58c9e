/* SPDX-License-Identifier: EUPL-1.2 */
/* The printed day plan: a PDF of a hand-built two-day agenda written without a display,
 * checked with poppler-utils (pdfinfo, pdftotext) and rendered to PNG with pdftoppm into
 * $HALLWAY_BUILD_ROOT/screenshots, where a person looks at it. */
#include <glib/gstdio.h>
#include <string.h>

#include "hallway-agenda-item.h"
#include "hallway-agenda-printer.h"
#include "hallway-agenda-text.h"
#include "hallway-test-agenda.h"
#include "hallway-test-utils.h"

/* Below this share of dark pixels a page counts as blank. */
#define MIN_INK_SHARE 0.003

static char *
output_dir (void)
{
  const char *build_root = g_getenv ("HALLWAY_BUILD_ROOT");
  char *dir = build_root != NULL ? g_build_filename (build_root, "screenshots", NULL)
                                 : g_build_filename (g_get_tmp_dir (), "hallway-screenshots", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* Runs a poppler-utils tool; returns its standard output. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr (GError) error = NULL;
  g_autofree char *errors = NULL;
  char *output = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("%s is missing: install poppler-utils (build-aux/packages.txt)", argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &output, &errors,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, errors);
  return output;
}

static HallwayPlan *
new_plan (const char *name)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), name, NULL);

  return hallway_test_agenda_plan_new (file);
}

static char *
export_pdf (HallwayPlan *plan, const char *name)
{
  g_autofree char *dir = output_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_remove (path);
  g_assert_true (hallway_agenda_printer_export_pdf (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static guint
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static char *
page_text (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return run_tool (argv);
}

/* The share of pixels darker than mid grey. */
static double
ink_share (const char *png)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guchar *data;
  guint64 dark = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        guint luminance = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

        dark += luminance < 128;
      }
  cairo_surface_destroy (image);
  return (double) dark / ((double) width * height);
}

/* pdftoppm -png -r 60 of one page, to <prefix>-<page>.png beside the PDF. */
static char *
render_page (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *base = g_strndup (pdf, strlen (pdf) - strlen (".pdf"));
  g_autofree char *prefix = g_strdup_printf ("%s-%u", base, page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", number, "-l", number, "-singlefile",
                         pdf, prefix, NULL };
  g_autofree char *output = run_tool (argv);
  char *png = g_strconcat (prefix, ".png", NULL);

  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("page %u: %s", page, png);
  return png;
}

static void
assert_contains (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the page:\n%s", part, text);
}

static void
test_two_days (void)
{
  g_autoptr (HallwayPlan) plan = new_plan ("two-days.json");
  g_autofree char *pdf = export_pdf (plan, "agenda-print.pdf");
  g_autofree char *saturday = NULL;
  g_autofree char *sunday = NULL;

  g_assert_cmpuint (count_pages (pdf), ==, 2);

  saturday = page_text (pdf, 1);
  assert_contains (saturday, "FOSDEM 2027 — My Agenda");
  assert_contains (saturday, "Printed from Hallway");
  assert_contains (saturday, "Saturday 6 February");
  assert_contains (saturday, "Times in CET (Europe/Brussels) · Day 1 of 2");
  assert_contains (saturday, "09:00–09:50");
  assert_contains (saturday, "Keynote");
  assert_contains (saturday, "Ada Lovelace");
  assert_contains (saturday, "⚠ overlaps");
  assert_contains (saturday, "backup pick");
  assert_contains (saturday, "Gone talk");
  assert_contains (saturday, "cancelled");
  assert_contains (saturday, "free 1 h 30 min");
  assert_contains (saturday, "Rust *and* C_lang [WIP]");
  g_assert_null (strstr (saturday, "Sunday"));

  sunday = page_text (pdf, 2);
  assert_contains (sunday, "Sunday 7 February");
  assert_contains (sunday, "Day 2 of 2");
  assert_contains (sunday, "Sunday talk");
  assert_contains (sunday, "UB5.230");
  assert_contains (sunday, "Building Europe’s public digital infrastructure");
  g_assert_null (strstr (sunday, "Keynote"));

  for (guint page = 1; page <= 2; page++)
    {
      g_autofree char *png = render_page (pdf, page);

      g_assert_cmpfloat (ink_share (png), >, MIN_INK_SHARE);
    }
}

/* A day longer than a page is drawn smaller, then cut with "… N more": never off the page. */
static void
test_overflow (void)
{
  g_autoptr (GFile) file =
    g_file_new_build_filename (g_get_user_data_dir (), "overflow.json", NULL);
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayPlan) plan = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *png = NULL;

  hallway_conference_set_title (conference, "Marathon");
  g_assert_true (hallway_conference_set_time_zone_name (conference, "Europe/Brussels"));
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *guid = g_strdup_printf ("t%u", i);
      g_autofree char *title = g_strdup_printf ("Lightning talk number %u", i + 1);
      g_autoptr (GDateTime) day = g_date_time_new_from_iso8601 ("2027-02-06T08:00:00+01:00", NULL);
      g_autoptr (GDateTime) start = g_date_time_add_minutes (day, (int) i * 10);
      g_autofree char *start_iso = g_date_time_format_iso8601 (start);

      hallway_test_agenda_add_talk (conference, guid, title, start_iso, 10, "H.2215", "Speaker");
    }
  hallway_conference_finish (conference);
  plan = hallway_plan_new (conference, bookmarks);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *guid = g_strdup_printf ("t%u", i);

      hallway_plan_set_bookmarked (plan, hallway_conference_lookup_talk (conference, guid), TRUE);
    }

  pdf = export_pdf (plan, "agenda-print-overflow.pdf");
  g_assert_cmpuint (count_pages (pdf), ==, 1);
  text = page_text (pdf, 1);
  assert_contains (text, "Lightning talk number 1");
  assert_contains (text, "more talks, not shown");
  g_assert_null (strstr (text, "Lightning talk number 60"));
  png = render_page (pdf, 1);
  g_assert_cmpfloat (ink_share (png), >, MIN_INK_SHARE);
}

static void
test_empty (void)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "empty.json", NULL);
  g_autoptr (HallwayConference) conference = hallway_test_agenda_conference (FALSE);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayPlan) plan = hallway_plan_new (conference, bookmarks);
  g_autofree char *pdf = export_pdf (plan, "agenda-print-empty.pdf");
  g_autofree char *text = NULL;

  g_assert_cmpuint (count_pages (pdf), ==, 1);
  text = page_text (pdf, 1);
  assert_contains (text, "No talks bookmarked yet.");
}

static void
test_unwritable (void)
{
  g_autoptr (HallwayPlan) plan = new_plan ("unwritable.json");
  g_autoptr (GError) error = NULL;

  g_assert_false (
    hallway_agenda_printer_export_pdf (plan, "/nonexistent/folder/agenda.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/agenda.pdf"));
}

/* The dialog's operation: one page per day, measured in points. */
static void
test_operation (void)
{
  g_autoptr (HallwayPlan) plan = new_plan ("operation.json");
  g_autoptr (GtkPrintOperation) operation = hallway_agenda_printer_new_operation (plan);
  int n_pages = 0;
  GtkUnit unit = GTK_UNIT_NONE;

  g_object_get (operation, "n-pages", &n_pages, "unit", &unit, NULL);
  g_assert_cmpint (n_pages, ==, 2);
  g_assert_cmpint (unit, ==, GTK_UNIT_POINTS);
  /* Print to File suggests the conference's name, not GTK's "output". */
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (operation),
                                           GTK_PRINT_SETTINGS_OUTPUT_BASENAME),
                   ==, "FOSDEM 2027 agenda");
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_ENGLISH);

  g_test_add_func ("/export/agenda-print/two-days", test_two_days);
  g_test_add_func ("/export/agenda-print/overflow", test_overflow);
  g_test_add_func ("/export/agenda-print/empty", test_empty);
  g_test_add_func ("/export/agenda-print/unwritable", test_unwritable);
  g_test_add_func ("/export/agenda-print/operation", test_operation);
  return g_test_run ();
}
