/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-http-loader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-http-private.h"
#include "hallway-module.h"

/* libsoup and what it links (sqlite3, nghttp2, libpsl, brotli…) were about 2.5 ms of the
 * window's start, which downloads nothing before its first frame (issue 13). In
 * hallway-gui, the two functions that use libsoup are these stand-ins: the first download
 * loads the module libhallway-http (hallway-http.c) and calls its own. The command line
 * and the model's tests link hallway-http.c directly instead of this file. */

/* The module's functions are the very ones the stand-ins stand for: same types. */
typedef __typeof__ (hallway_http_fetch) FetchFunc;
typedef __typeof__ (hallway_http_abort) AbortFunc;

static const char * const symbol_names[] = { "hallway_http_fetch", "hallway_http_abort", NULL };
static gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];
/* Any thread: the command line's fetches iterate their own context. */
static HallwayModule http_module = HALLWAY_MODULE_INIT ("http", symbol_names, symbols);

void
hallway_http_fetch (GObject                  **session,
                    const HallwayHttpRequest  *request,
                    GCancellable              *cancellable,
                    GTask                     *task)
{
  const char *why;

  if (!hallway_module_ensure (&http_module, &why))
    {
      /* Translators: the first %s is the schedule's web address, the second why the module
       * could not be loaded, in the system's words (it names the missing file) */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s: Hallway’s download support is missing or broken on "
                                 "this computer: %s"),
                               request->uri, why);
      g_object_unref (task);
      return;
    }
  ((FetchFunc *) symbols[0]) (session, request, cancellable, task);
}

/* Only a session that the module made gets here: the module is loaded. */
void
hallway_http_abort (GObject *session)
{
  hallway_module_ensure (&http_module, NULL);
  ((AbortFunc *) symbols[1]) (session);
}
