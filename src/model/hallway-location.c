/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-location"

#include "config.h"

#include <gio/gio.h>

#include "hallway-location.h"

/* 48 bits of a SHA-256: no two locations of one user will ever share an id. */
#define ID_LENGTH 12

gboolean
hallway_location_is_web (const char *location)
{
  const char *scheme;

  g_return_val_if_fail (location != NULL, FALSE);

  scheme = g_uri_peek_scheme (location);
  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

gboolean
hallway_location_is_file (const char *location)
{
  g_autoptr (GFile) file = NULL;
  const char *scheme;

  g_return_val_if_fail (location != NULL, FALSE);

  scheme = g_uri_peek_scheme (location);
  if (scheme != NULL)
    return g_str_equal (scheme, "file");
  if (g_path_is_absolute (location))
    return TRUE;
  /* A relative path, as on the command line, only when there is such a file. */
  file = g_file_new_for_commandline_arg (location);
  return g_file_query_exists (file, NULL);
}

char *
hallway_location_normalize (const char *location)
{
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (hallway_location_is_web (location))
    return g_strdup (location);
  file = g_file_new_for_commandline_arg (location);
  return g_file_get_uri (file);
}

char *
hallway_location_dup_id (const char *location)
{
  g_autofree char *normalized = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  normalized = hallway_location_normalize (location);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, normalized, -1);
  return g_strndup (digest, ID_LENGTH);
}
