/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-module"

#include "config.h"

#include "hallway-module.h"

/* Parts of the app that link big libraries the first frame does not need (WebKit for
 * abstracts, GStreamer for the player, libical with ICU for iCalendar files, libsoup for
 * downloads, libportal for the background portal) live in modules, so start-up does not
 * load and relocate those libraries (issue 13). */

/**
 * hallway_module_load:
 * @name: the module's name: libhallway-@name in HALLWAY_MODULE_DIR when set (tests and
 *   build-aux/dev run the uninstalled modules from the build folder), else where it is
 *   installed
 * @symbol_names: (array zero-terminated=1): the functions to look up
 * @symbols: where their addresses go, in the same order
 * @error_message: (out): on failure, what went wrong (dlopen's or the missing symbol's text)
 *
 * Loads the module for the rest of the process (its GTypes stay registered) and looks up
 * every symbol. Any thread, but loading one module twice is the callers' to avoid.
 *
 * Returns: whether the module loaded and has every symbol
 */
gboolean
hallway_module_load (const char         *name,
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
