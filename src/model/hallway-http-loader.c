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

typedef struct
{
  FetchFunc *fetch;
  AbortFunc *abort;
  char *error_message; /* why it could not be loaded, once tried */
} HttpModule;

static GMutex http_module_lock;
static HttpModule http_module;

/* Any thread: the command line's fetches iterate their own context. */
static const HttpModule *
load_module (void)
{
  static const char * const symbol_names[] = { "hallway_http_fetch", "hallway_http_abort", NULL };
  gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];

  g_mutex_lock (&http_module_lock);
  if (http_module.fetch == NULL && http_module.error_message == NULL &&
      hallway_module_load ("http", symbol_names, symbols, &http_module.error_message))
    {
      http_module.fetch = symbols[0];
      http_module.abort = symbols[1];
    }
  g_mutex_unlock (&http_module_lock);
  return &http_module;
}

void
hallway_http_fetch (GObject                  **session,
                    const HallwayHttpRequest  *request,
                    GCancellable              *cancellable,
                    GTask                     *task)
{
  const HttpModule *module = load_module ();

  if (module->fetch == NULL)
    {
      /* Translators: the first %s is the schedule's web address, the second why the module
       * could not be loaded, in the system's words (it names the missing file) */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s: Hallway’s download support is missing or broken on "
                                 "this computer: %s"),
                               request->uri, module->error_message);
      g_object_unref (task);
      return;
    }
  module->fetch (session, request, cancellable, task);
}

/* Only a session that the module made gets here: the module is loaded. */
void
hallway_http_abort (GObject *session)
{
  load_module ()->abort (session);
}
