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

G_END_DECLS
