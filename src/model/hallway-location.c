/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-location"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hallway-location.h"

/* 48 bits of a SHA-256: no two locations of one user will ever share an id. */
#define ID_LENGTH 12

gboolean
hallway_location_is_web (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  /* What g_uri_peek_scheme () would say, without its copy and interning of the scheme: this
   * runs for every link of a schedule (issue 13). */
  return g_ascii_strncasecmp (location, "http:", 5) == 0 ||
         g_ascii_strncasecmp (location, "https:", 6) == 0;
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

char *
hallway_location_dup_source_label (const char *location)
{
  g_autofree char *normalized = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (hallway_location_is_web (location))
    {
      g_autoptr (GUri) uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL)
        return g_strdup (location);
      if (g_uri_get_port (uri) > 0)
        return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
      return g_strdup (g_uri_get_host (uri));
    }
  normalized = hallway_location_normalize (location);
  file = g_file_new_for_uri (normalized);
  name = g_file_get_basename (file);
  display_name = g_filename_display_name (name != NULL ? name : location);
  /* Translators: where a conference in the switcher comes from: a schedule file's name */
  return g_strdup_printf (_("File: %s"), display_name);
}
