/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The versioned JSON files that keep a person's state (HACKING.md, "State on disk"). The
 * kind picks the sentences a person reads about the file. */
typedef enum
{
  HALLWAY_STATE_FILE_BOOKMARKS,
  HALLWAY_STATE_FILE_LIBRARY,
  HALLWAY_STATE_FILE_REMINDERS,
  HALLWAY_STATE_FILE_EXPORTS,
} HallwayStateFileKind;

/* One kind of file: the format version its code writes, and the owner's error domain and
 * codes, which its callers and tests match. */
typedef struct
{
  HallwayStateFileKind kind;
  gint64 version;
  GQuark domain;
  int damaged_code;
  int newer_code;
} HallwayStateFormat;

/* What a load left the owner with. */
typedef enum
{
  HALLWAY_STATE_FILE_READ,        /* the file was read */
  HALLWAY_STATE_FILE_MISSING,     /* no file: empty state, no error */
  HALLWAY_STATE_FILE_SET_ASIDE,   /* damaged, moved aside: empty state, the error says where */
  HALLWAY_STATE_FILE_BLOCKED,     /* newer, unreadable, or damaged and not movable: empty
                                   * state, the file is left alone and saves are refused */
} HallwayStateFileOutcome;

/* Reads the owner's content from a root object whose version has been checked. FALSE with
 * an error in the format's domain and damaged code when its shape is wrong. Runs in the
 * thread that loads. */
typedef gboolean (*HallwayStateReadFunc) (JsonObject  *root,
                                          gpointer     user_data,
                                          GError     **error);

JsonObject             *hallway_state_file_parse       (const HallwayStateFormat *format,
                                                        const char               *contents,
                                                        gsize                     length,
                                                        JsonNode                **root,
                                                        GError                  **error);
HallwayStateFileOutcome hallway_state_file_load        (const HallwayStateFormat *format,
                                                        GFile                    *file,
                                                        HallwayStateReadFunc      read,
                                                        gpointer                  user_data,
                                                        GError                  **error);
GError                 *hallway_state_file_describe    (const HallwayStateFormat *format,
                                                        GFile                    *file,
                                                        const GError             *detail,
                                                        HallwayStateFileOutcome  *outcome);
gboolean                hallway_state_file_check_not_newer (const HallwayStateFormat *format,
                                                        GFile                    *file,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);
gboolean                hallway_state_file_write       (GFile                    *file,
                                                        GBytes                   *bytes,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);

G_END_DECLS
