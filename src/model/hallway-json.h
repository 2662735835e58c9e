/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALLWAY_JSON_ERROR (hallway_json_error_quark ())

typedef enum
{
  HALLWAY_JSON_ERROR_EMPTY,
  HALLWAY_JSON_ERROR_MALFORMED,
  HALLWAY_JSON_ERROR_TOO_DEEP,
  HALLWAY_JSON_ERROR_SEVERAL_VALUES,
} HallwayJsonError;

/* Nesting deeper than this is refused (a stack of this many frames while parsing). */
#define HALLWAY_JSON_MAX_DEPTH 512

GQuark      hallway_json_error_quark   (void);
JsonNode   *hallway_json_parse         (const char   *data,
                                        gsize         length,
                                        GError      **error);

/* Members of the files Hallway reads: a missing member or one of another type is the
 * fallback (NULL, FALSE), and the caller decides whether that is fatal. */
const char *hallway_json_string_member  (JsonObject   *object,
                                         const char   *name);
gboolean    hallway_json_boolean_member (JsonObject   *object,
                                         const char   *name,
                                         gboolean      fallback);
GDateTime  *hallway_json_time_member    (JsonObject   *object,
                                         const char   *name);
gboolean    hallway_json_int_member     (JsonObject   *object,
                                         const char   *name,
                                         gint64       *value);

void        hallway_json_add_string     (JsonBuilder  *builder,
                                         const char   *name,
                                         const char   *value);
void        hallway_json_add_time       (JsonBuilder  *builder,
                                         const char   *name,
                                         GDateTime    *value);
GBytes     *hallway_json_builder_to_bytes (JsonBuilder *builder);

/* The root object of a JSON text, kept alive by *root; else NULL and an error in the given
 * domain and code whose message is a detail for the caller's own ("the file is empty",
 * the parser's "Broken JSON, line N: …", "it is not a JSON object"). */
JsonObject *hallway_json_parse_object (JsonNode   **root,
                                       const char  *data,
                                       gsize        length,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);

/* The number-th conference (from 1) of a list of them as an object; else NULL and an error
 * in the given domain and code ("conference 3 is not a JSON object"). */
JsonObject *hallway_json_conference_object (JsonNode   *node,
                                            guint       number,
                                            GQuark      domain,
                                            int         code,
                                            GError    **error);
G_END_DECLS
