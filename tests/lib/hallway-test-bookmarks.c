/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include <string.h>

#include "hallway-test-bookmarks.h"
#include "hallway-test-utils.h"

GFile *
hallway_test_bookmarks_file (const char *folder, const char *name)
{
  return g_file_new_build_filename (g_get_user_data_dir (), folder, "bookmarks", name, NULL);
}

HallwayBookmarks *
hallway_test_load_bookmarks (GFile *file)
{
  HallwayBookmarks *bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_bookmarks_load (bookmarks, &error));
  g_assert_no_error (error);
  return bookmarks;
}

void
hallway_test_save_bookmarks (HallwayBookmarks *bookmarks)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_bookmarks_save (bookmarks, NULL, &error));
  g_assert_no_error (error);
}

void
hallway_test_save_bookmarks_async (HallwayBookmarks *bookmarks)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_bookmarks_save_async (bookmarks, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_bookmarks_save_finish (bookmarks, hallway_test_wait (&result), &error));
  g_assert_no_error (error);
}

void
hallway_test_assert_keys (HallwayBookmarks *bookmarks, const char * const *expected)
{
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (bookmarks);

  g_assert_cmpstrv (keys, expected);
}

void
hallway_test_assert_keys_on_disk (GFile *file, const char * const *expected)
{
  g_autoptr (HallwayBookmarks) fresh = hallway_test_load_bookmarks (file);

  hallway_test_assert_keys (fresh, expected);
}

char *
hallway_test_describe_bookmark (HallwayBookmarks *bookmarks, const char *key)
{
  const char *title = NULL;
  const char *room = NULL;
  GDateTime *start = NULL;
  GDateTime *end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (!hallway_bookmarks_get_snapshot (bookmarks, key, &title, &start, &end, &room))
    return g_strdup_printf ("%s: no snapshot", key);
  start_text = start != NULL ? g_date_time_format_iso8601 (start) : NULL;
  end_text = end != NULL ? g_date_time_format_iso8601 (end) : NULL;
  return g_strdup_printf ("%s: %s | %s | %s | %s | backup %d cancelled %d", key,
                          title ? title : "-", start_text ? start_text : "-",
                          end_text ? end_text : "-", room ? room : "-",
                          hallway_bookmarks_is_backup (bookmarks, key),
                          hallway_bookmarks_is_cancelled (bookmarks, key));
}

char *
hallway_test_describe_bookmarks (HallwayBookmarks *bookmarks, gboolean require_snapshots)
{
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (bookmarks);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GHashTable *hidden = hallway_bookmarks_get_hidden_tracks (bookmarks);
  GString *text = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (require_snapshots)
        g_assert_true (hallway_bookmarks_get_snapshot (bookmarks, keys[i], NULL, NULL, NULL,
                                                       NULL));
      g_ptr_array_add (lines, hallway_test_describe_bookmark (bookmarks, keys[i]));
    }
  g_ptr_array_sort_values (lines, (GCompareFunc) strcmp);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));
  if (hidden != NULL)
    {
      g_autoptr (GPtrArray) tracks = g_hash_table_get_keys_as_ptr_array (hidden);

      g_ptr_array_sort_values (tracks, (GCompareFunc) strcmp);
      for (guint i = 0; i < tracks->len; i++)
        g_string_append_printf (text, "hidden %s\n", (const char *) g_ptr_array_index (tracks, i));
    }
  return g_string_free (text, FALSE);
}
