/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-module"

#include "config.h"

#include "hallway-module.h"

/* Parts of the app that link big libraries the first frame does not need (WebKit for
 * abstracts, GStreamer for the player, libical with ICU for iCalendar files, libsoup for
 * downloads, libportal for the background portal) live in modules, so start-up does not
 * load and relocate those libraries (issue 13). */

/* Loads libhallway-@name for the rest of the process (its GTypes stay registered) and
 * looks up every symbol; on failure, error_message says what went wrong (dlopen's or the
 * missing symbol's text). The folder is HALLWAY_MODULE_DIR when set (tests and
 * build-aux/dev run the uninstalled modules from the build folder), else where the modules
 * are installed. */
static gboolean
open_module (const char         *name,
             const char * const *symbol_names,
             gpointer           *symbols,
             char              **error_message)
{
  const char *folder = g_getenv ("HALLWAY_MODULE_DIR");
  g_autofree char *file_name = g_strconcat ("libhallway-", name, NULL);
  g_autofree char *path = NULL;
  GModule *module;

  /* Without a suffix, g_module_open () adds the platform's own (.so). */
  path = g_build_filename (folder != NULL ? folder : HALLWAY_MODULE_DIR, file_name, NULL);
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      *error_message = g_strdup (g_module_error ());
      return FALSE;
    }
  for (guint i = 0; symbol_names[i] != NULL; i++)
    {
      if (!g_module_symbol (module, symbol_names[i], &symbols[i]) || symbols[i] == NULL)
        {
          const char *why = g_module_error ();

          /* dlsym () says nothing of a symbol that is there but NULL. */
          *error_message = why != NULL ? g_strdup (why)
                                       : g_strdup_printf ("%s: %s is NULL", g_module_name (module),
                                                          symbol_names[i]);
          g_module_close (module);
          return FALSE;
        }
    }
  g_module_make_resident (module);
  return TRUE;
}

/**
 * hallway_module_ensure:
 * @module: the module, declared with HALLWAY_MODULE_INIT
 * @error_message: (out) (optional): on failure, why it could not be loaded
 *
 * Loads @module the first time it is asked for, and says the same ever after. Any thread:
 * a second caller waits for the first.
 *
 * Returns: whether the module is loaded, with every symbol in module->symbols
 */
gboolean
hallway_module_ensure (HallwayModule *module, const char **error_message)
{
  gboolean loaded;

  g_mutex_lock (&module->lock);
  if (!module->tried)
    {
      module->tried = TRUE;
      module->loaded = open_module (module->name, module->symbol_names, module->symbols,
                                    &module->error_message);
    }
  loaded = module->loaded;
  g_mutex_unlock (&module->lock);
  if (!loaded && error_message != NULL)
    *error_message = module->error_message;
  return loaded;
}
