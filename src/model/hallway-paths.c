/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-paths"

#include "config.h"

#include <string.h>

#include "hallway-paths.h"

const char *
hallway_paths_folder_for_profile (const char *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  if (strcmp (profile, "default") == 0)
    return HALLWAY_FOLDER_DEFAULT;
  if (strcmp (profile, "development") == 0)
    return HALLWAY_FOLDER_DEVELOPMENT;
  return NULL;
}

const char *
hallway_paths_get_folder_name (void)
{
  return hallway_paths_folder_for_profile (PROFILE);
}

GFile *
hallway_paths_dup_data_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), hallway_paths_get_folder_name (),
                                    NULL);
}

GFile *
hallway_paths_dup_cache_folder (void)
{
  return g_file_new_build_filename (g_get_user_cache_dir (), hallway_paths_get_folder_name (),
                                    NULL);
}

GFile *
hallway_paths_dup_state_folder (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), hallway_paths_get_folder_name (),
                                    NULL);
}

/* The id becomes part of a file name: it must not lead out of the folder. */
static gboolean
is_file_name_part (const char *id)
{
  return id != NULL && *id != '\0' && strchr (id, G_DIR_SEPARATOR) == NULL &&
         strcmp (id, ".") != 0 && strcmp (id, "..") != 0;
}

static GFile *
data_child (const char *name)
{
  g_autoptr (GFile) folder = hallway_paths_dup_data_folder ();

  return g_file_get_child (folder, name);
}

GFile *
hallway_paths_dup_library_file (void)
{
  return data_child ("library.json");
}

GFile *
hallway_paths_dup_bookmarks_folder (void)
{
  return data_child ("bookmarks");
}

/* "<prefix><id>.json" in folder (taken): one file per conference. */
static GFile *
conference_file (GFile *folder, const char *prefix, const char *id)
{
  g_autoptr (GFile) owned = folder;
  g_autofree char *name = NULL;

  g_return_val_if_fail (is_file_name_part (id), NULL);

  name = g_strconcat (prefix, id, ".json", NULL);
  return g_file_get_child (owned, name);
}

GFile *
hallway_paths_dup_bookmarks_file (const char *id)
{
  return conference_file (hallway_paths_dup_bookmarks_folder (), "", id);
}

GFile *
hallway_paths_dup_reminders_file (const char *id)
{
  return conference_file (hallway_paths_dup_state_folder (), "reminders-", id);
}

GFile *
hallway_paths_dup_exports_file (const char *id)
{
  return conference_file (hallway_paths_dup_data_folder (), "exports-", id);
}

GFile *
hallway_paths_dup_schedule_cache_folder (const char *url)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  folder = hallway_paths_dup_cache_folder ();
  /* A hash: any URL gives one safe name of one length. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  return g_file_new_build_filename (g_file_peek_path (folder), "schedules", digest, NULL);
}
