/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-background-portal-loader"

#include "config.h"

#include "hallway-background-portal.h"
#include "hallway-module.h"

/* libportal and libportal-gtk4 are linked by the module libhallway-portal alone, loaded at
 * the first background request, which the reminder service makes after the window's first
 * frame (issue 13). */

typedef __typeof__ (hallway_background_portal_request) RequestFunc;

void
hallway_background_portal_request (GtkWindow *window, const char *reason, gboolean autostart)
{
  static const char * const symbol_names[] = { "hallway_background_portal_request", NULL };
  static RequestFunc *request;
  static char *load_error;
  gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];

  if (request == NULL && load_error == NULL &&
      hallway_module_load ("portal", symbol_names, symbols, &load_error))
    request = (RequestFunc *) symbols[0];
  if (request == NULL)
    {
      /* Reminders still come while the app runs; a Flatpak sandbox may end it sooner. */
      g_warning ("Cannot ask the background portal to run without a window: %s", load_error);
      return;
    }
  request (window, reason, autostart);
}
