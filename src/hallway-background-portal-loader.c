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
  static gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];
  static HallwayModule portal_module = HALLWAY_MODULE_INIT ("portal", symbol_names, symbols);
  const char *why;

  if (!hallway_module_ensure (&portal_module, &why))
    {
      /* Reminders still come while the app runs; a Flatpak sandbox may end it sooner. */
      g_warning ("Cannot ask the background portal to run without a window: %s", why);
      return;
    }
  ((RequestFunc *) symbols[0]) (window, reason, autostart);
}
