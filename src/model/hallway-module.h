/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* One of the app's modules, libhallway-NAME, loaded at its first use. A loader declares it
 * static, with HALLWAY_MODULE_INIT; the fields after symbols are hallway_module_ensure's. */
typedef struct
{
  const char *name;
  const char * const *symbol_names; /* NULL-terminated: the functions it is loaded for */
  gpointer *symbols;                /* as many: their addresses, once loaded */
  GMutex lock;
  gboolean tried;
  gboolean loaded;
  char *error_message;              /* why it could not be loaded */
} HallwayModule;

#define HALLWAY_MODULE_INIT(name, symbol_names, symbols) { (name), (symbol_names), (symbols) }

gboolean hallway_module_ensure (HallwayModule  *module,
                                const char    **error_message);

G_END_DECLS
