/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "hallway-application.h"
#include "hallway-i18n.h"

int
main (int argc, char *argv[])
{
  g_autoptr (HallwayApplication) app = NULL;

  hallway_i18n_init ();

  app = hallway_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
