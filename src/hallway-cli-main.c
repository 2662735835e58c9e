/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-cli.h"
#include "hallway-i18n.h"

/* hallway-cli: `hallway --dump` and `hallway --export-agenda` without GTK (hallway-launcher.c
 * starts it for them). A plain GApplication parses the arguments, so they mean what they
 * mean to the app; it returns from handle-local-options, before any D-Bus. */

static int
handle_local_options_cb (GApplication *application, GVariantDict *options, gpointer user_data)
{
  int status = hallway_cli_handle_options (options);

  /* Started by hand without either: the usage, in the options' own words. */
  if (status < 0)
    {
      g_printerr ("%s --dump=%s\n%s --export-agenda=%s [--conference=%s]\n", g_get_prgname (),
                  _("FILE|URL"), g_get_prgname (), _("FILE.ics"), _("ACRONYM"));
      return 2;
    }
  return status;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GApplication) application = NULL;

  hallway_i18n_init ();

  application = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN |
                                             G_APPLICATION_NON_UNIQUE);
  hallway_cli_add_option_entries (application);
  g_signal_connect (application, "handle-local-options", G_CALLBACK (handle_local_options_cb),
                    NULL);
  return g_application_run (application, argc, argv);
}
