/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-background-portal"

#include "config.h"

#include <libportal-gtk4/portal-gtk4.h>

#include "hallway-background-portal.h"

static void
background_requested_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    g_debug ("The background portal said no: %s", error->message);
}

void
hallway_background_portal_request (GtkWindow *window, const char *reason, gboolean autostart)
{
  /* One for the process, as the module stays loaded. */
  static XdpPortal *portal;
  g_autoptr (GPtrArray) command = g_ptr_array_new_with_free_func (g_free);
  XdpParent *parent = window != NULL ? xdp_parent_new_gtk (window) : NULL;

  if (portal == NULL)
    portal = xdp_portal_new ();
  g_ptr_array_add (command, g_strdup ("hallway"));
  g_ptr_array_add (command, g_strdup ("--gapplication-service"));
#if LIBPORTAL_TAKES_COMMANDLINE
  /* libportal unrefs it when the request is done: the reference given is ours. */
  g_ptr_array_ref (command);
#endif
  xdp_portal_request_background (portal, parent, (char *) reason, command,
                                 autostart ? XDP_BACKGROUND_FLAG_AUTOSTART
                                           : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, background_requested_cb, NULL);
  g_clear_pointer (&parent, xdp_parent_free);
}
