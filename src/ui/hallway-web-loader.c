/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-web-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "hallway-web-loader.h"

/* WebKitGTK and what it pulls in weigh about 35 MB and a good share of the start-up time
 * just to be linked and relocated. Only the abstract view needs them, so it lives in a
 * module (libhallway-web) loaded the first time a talk page shows an abstract. The view
 * is then driven by name: its "html" property and "rendered" signal. */

typedef GtkWidget *(*NewViewFunc) (void);

static NewViewFunc
load_module (GError **error)
{
  static NewViewFunc new_view;
  const char *folder = g_getenv ("HALLWAY_MODULE_DIR");
  g_autofree char *path = NULL;
  GModule *module;

  if (new_view != NULL)
    return new_view;
  /* Tests and build-aux/dev run the uninstalled module from the build folder. Without a
   * suffix, g_module_open() adds the platform's own (.so). */
  path = g_build_filename (folder != NULL ? folder : HALLWAY_MODULE_DIR, "libhallway-web", NULL);
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Cannot show abstracts: %s"),
                   g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "hallway_abstract_view_new", (gpointer *)&new_view) ||
      new_view == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot show abstracts: %s"),
                   g_module_error ());
      g_module_close (module);
      return NULL;
    }
  /* Its GType stays registered for the life of the process. */
  g_module_make_resident (module);
  return new_view;
}

GtkWidget *
hallway_web_loader_new_abstract_view (GError **error)
{
  NewViewFunc new_view = load_module (error);

  return new_view != NULL ? new_view () : NULL;
}
