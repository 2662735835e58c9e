/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-loader"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hallway-ical-export.h"
#include "hallway-module.h"
#include "hallway-schedule-reader-private.h"

/* libical and the ICU libraries it links were about 6 ms of the window's start, which
 * reads no iCalendar file (issue 13). In hallway-gui, the two functions that use libical
 * are these stand-ins: the first call loads the iCalendar module (libhallway-ical:
 * hallway-ical-reader.c and hallway-ical-writer.c) and calls its own. The command line
 * and the model's tests link those files directly instead of this one; the tests that run
 * the app load the module. */

/* The module's functions are the very ones the stand-ins stand for: same types. */
typedef __typeof__ (hallway_read_icalendar) ReadFunc;
typedef __typeof__ (hallway_ical_export) ExportFunc;

static const char * const symbol_names[] = {
  "hallway_read_icalendar", "hallway_ical_export", NULL
};
static gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];
/* Any thread: schedules are read in workers. */
static HallwayModule ical_module = HALLWAY_MODULE_INIT ("ical", symbol_names, symbols);

static void
set_missing_module_error (GError **error, const char *why)
{
  /* Translators: %s is why the module could not be loaded, in the system's words (it
   * names the missing file) */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Hallway’s iCalendar support is missing or broken on this computer: %s"),
               why);
}

HallwayConference *
hallway_read_icalendar (const char *data, gsize length, GError **error)
{
  const char *why;

  if (!hallway_module_ensure (&ical_module, &why))
    {
      set_missing_module_error (error, why);
      return NULL;
    }
  return ((ReadFunc *) symbols[0]) (data, length, error);
}

char *
hallway_ical_export (HallwayConference      *conference,
                     const char * const     *keys,
                     HallwayBookmarks       *bookmarks,
                     HallwayExportSequences *sequences,
                     const char             *calendar_name,
                     int                     alarm_minutes,
                     GError                **error)
{
  const char *why;

  if (!hallway_module_ensure (&ical_module, &why))
    {
      set_missing_module_error (error, why);
      return NULL;
    }
  return ((ExportFunc *) symbols[1]) (conference, keys, bookmarks, sequences, calendar_name,
                                      alarm_minutes, error);
}
