/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean hallway_file_ensure_folder (GFile         *folder,
                                     GCancellable  *cancellable,
                                     GError       **error);
gboolean hallway_file_replace       (GFile         *file,
                                     const void    *data,
                                     gsize          length,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
