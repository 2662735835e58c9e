/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-web-session"

#include "hallway-web-session.h"

/* The one WebKit network session of the app, for the abstract views. Ephemeral: abstracts
 * are local documents, so nothing (cookies, caches, storage) is ever written to disk. */

static void
download_started_cb (WebKitNetworkSession *session, WebKitDownload *download)
{
  /* Nothing an abstract shows is ever downloaded, whatever asked for it. */
  g_debug ("cancelling a download from an abstract");
  webkit_download_cancel (download);
}

/* Returns: (transfer none): the session, made on first use (never on the start-up path,
 * since the first abstract view asks for it only when it is first shown). Main thread. */
WebKitNetworkSession *
hallway_web_session_get_default (void)
{
  static WebKitNetworkSession *session = NULL;

  if (session == NULL)
    {
      session = webkit_network_session_new_ephemeral ();
      g_signal_connect (session, "download-started", G_CALLBACK (download_started_cb), NULL);
      /* Documents given as strings: no need for WebKit's memory and disk caches. */
      webkit_web_context_set_cache_model (webkit_web_context_get_default (),
                                          WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
    }
  return session;
}
