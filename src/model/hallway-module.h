/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

gboolean hallway_module_load (const char         *name,
                              const char * const *symbol_names,
                              gpointer           *symbols,
                              char              **error_message);

G_END_DECLS
