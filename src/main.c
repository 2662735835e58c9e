/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hallway-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (HallwayApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hallway_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
