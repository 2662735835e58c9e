/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* No JSON state file Hallway writes comes near this (a bookmarks file with 10 000 talks is
 * about 3 MB); a bigger one is refused before it is parsed. */
#define HALLWAY_FILE_STATE_MAX_SIZE (16 * 1024 * 1024)

/* Temporary files left by a killed write are removed once they are this old. */
#define HALLWAY_FILE_STALE_AGE (60 * G_TIME_SPAN_SECOND)

gboolean hallway_file_ensure_folder         (GFile         *folder,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean hallway_file_replace               (GFile         *file,
                                             const void    *data,
                                             gsize          length,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean hallway_file_load_state            (GFile         *file,
                                             gsize          max_size,
                                             char         **contents,
                                             gsize         *length,
                                             GError       **error);
GFile   *hallway_file_set_aside             (GFile         *file,
                                             gboolean       keep_original,
                                             GError       **error);
guint    hallway_file_remove_stale_temporaries (GFile      *file);
gboolean hallway_file_read_format_version   (JsonObject    *root,
                                             gint64        *version);
char    *hallway_file_describe_version      (gint64         version);

G_END_DECLS
