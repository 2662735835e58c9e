/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-web-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-module.h"
#include "hallway-web-loader.h"

/* WebKitGTK and what it pulls in weigh about 35 MB and a good share of the start-up time
 * just to be linked and relocated. Only the abstract view needs them, so it lives in a
 * module (libhallway-web) loaded after the window's first frame with a conference
 * (hallway_web_loader_warm_up ()), or else the first time a talk page shows an abstract.
 * The view is then driven by name: its "html" property and "rendered" signal. */

typedef GtkWidget *(*NewViewFunc) (void);
typedef void (*WarmUpFunc) (GtkWidget *view);

static const char * const symbol_names[] = {
  "hallway_abstract_view_new", "hallway_abstract_view_warm_up", NULL
};
static gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];
/* Any thread: the warm-up loads it in a worker. */
static HallwayModule web_module = HALLWAY_MODULE_INIT ("web", symbol_names, symbols);

static GtkWidget *spare_view;      /* warmed up, for the first talk page; owned */
static gboolean made_view;         /* a view exists: warming up another is no use */

GtkWidget *
hallway_web_loader_new_abstract_view (GError **error)
{
  const char *why;

  if (spare_view != NULL)
    {
      g_debug ("the first abstract shown takes the warmed-up web view");
      return g_steal_pointer (&spare_view); /* floating: see module_loaded_cb () */
    }
  if (!hallway_module_ensure (&web_module, &why))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot show abstracts: %s"), why);
      return NULL;
    }
  made_view = TRUE;
  return ((NewViewFunc) symbols[0]) ();
}

static void
load_module_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_task_return_boolean (task, hallway_module_ensure (&web_module, NULL));
}

static void
module_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  if (made_view || !g_task_propagate_boolean (G_TASK (result), NULL))
    return; /* a talk was opened meanwhile, or the error shows when one is */
  made_view = TRUE;
  g_debug ("warming up a web view for the first abstract");
  /* Left floating, as the module's hallway_abstract_view_new () gives it, so the talk page
   * adopts it as its own. */
  spare_view = ((NewViewFunc) symbols[0]) ();
  ((WarmUpFunc) symbols[1]) (spare_view);
}

/* Loads the web module in a worker and starts a view's web and network processes on an
 * empty document, so the first talk opened does not wait for them (about 100 ms of dlopen
 * and 500 ms of process start-up). Once per process; HALLWAY_NO_WEB_WARM_UP=1 turns it off
 * (the talk benchmark compares both). */
void
hallway_web_loader_warm_up (void)
{
  static gboolean started;
  g_autoptr (GTask) task = NULL;

  if (started || made_view || g_getenv ("HALLWAY_NO_WEB_WARM_UP") != NULL)
    return;
  started = TRUE;
  task = g_task_new (NULL, NULL, module_loaded_cb, NULL);
  g_task_set_source_tag (task, hallway_web_loader_warm_up);
  g_task_run_in_thread (task, load_module_thread);
}
