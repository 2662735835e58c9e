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

/* Nesting deeper than this is refused before json-glib, whose parser recurses. */
#define HALLWAY_JSON_MAX_DEPTH 512

GQuark    hallway_json_error_quark (void);
JsonNode *hallway_json_parse       (const char  *data,
                                    gsize        length,
                                    GError     **error);

/* The root object of a JSON text, kept alive by *root; else NULL and an error in the given
 * domain and code whose message is a detail for the caller's own ("the file is empty",
 * the parser's "Broken JSON, line N: …", "it is not a JSON object"). */
JsonObject *hallway_json_parse_object (JsonNode   **root,
                                       const char  *data,
                                       gsize        length,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);
/* A member's value, NULL when absent or not a string: the caller decides whether that is
 * fatal. */
const char *hallway_json_get_string   (JsonObject  *object,
                                       const char  *name);
/* A member's value, fallback when absent or not a boolean. */
gboolean    hallway_json_get_boolean  (JsonObject  *object,
                                       const char  *name,
                                       gboolean     fallback);

G_END_DECLS
