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
 * and the tests link those files directly instead of this one. */

/* The module's functions are the very ones the stand-ins stand for: same types. */
typedef __typeof__ (hallway_read_icalendar) ReadFunc;
typedef __typeof__ (hallway_ical_export) ExportFunc;

typedef struct
{
  ReadFunc *read;
  ExportFunc *export;
  char *error_message; /* why it could not be loaded, once tried */
} IcalModule;

static GMutex ical_module_lock;
static IcalModule ical_module;

/* Any thread: schedules are read in workers. */
static const IcalModule *
load_module (void)
{
  static const char * const symbol_names[] = {
    "hallway_read_icalendar", "hallway_ical_export", NULL
  };
  gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];

  g_mutex_lock (&ical_module_lock);
  if (ical_module.read == NULL && ical_module.error_message == NULL &&
      hallway_module_load ("ical", symbol_names, symbols, &ical_module.error_message))
    {
      ical_module.read = symbols[0];
      ical_module.export = symbols[1];
    }
  g_mutex_unlock (&ical_module_lock);
  return &ical_module;
}

static void
set_missing_module_error (GError **error, const IcalModule *module)
{
  /* Translators: %s is why the module could not be loaded, in the system's words (it
   * names the missing file) */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Hallway’s iCalendar support is missing or broken on this computer: %s"),
               module->error_message);
}

HallwayConference *
hallway_read_icalendar (const char *data, gsize length, GError **error)
{
  const IcalModule *module = load_module ();

  if (module->read == NULL)
    {
      set_missing_module_error (error, module);
      return NULL;
    }
  return module->read (data, length, error);
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
  const IcalModule *module = load_module ();

  if (module->export == NULL)
    {
      set_missing_module_error (error, module);
      return NULL;
    }
  return module->export (conference, keys, bookmarks, sequences, calendar_name, alarm_minutes,
                         error);
}
