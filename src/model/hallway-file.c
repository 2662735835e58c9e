/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-file"
/* lstat() and link() under -std=c17 */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hallway-file.h"

/* The state Hallway keeps (bookmarks, the library, reminders, export sequences, cached
 * schedules) is written, read, set aside and cleaned up by these. */

gboolean
hallway_file_ensure_folder (GFile *folder, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_file_make_directory_with_parents (folder, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The file a path really names: symbolic links followed (relative ones from their own
 * folder), at most 32 deep. A dangling link gives its target, which a write then creates. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 32; depth++)
    {
      g_autofree char *target = NULL;
      g_autofree char *folder = NULL;
      GStatBuf info;

      if (g_lstat (current, &info) != 0 || !S_ISLNK (info.st_mode))
        break;
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_canonicalize_filename (target, folder);
    }
  return g_steal_pointer (&current);
}

/* GLib's messages name its temporary file; ours name the state file, with the system's
 * word for what went wrong. */
static const char *
describe_file_error (const GError *error)
{
  static const struct { GFileError code; int errno_value; } errnos[] = {
    { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_ROFS, EROFS }, { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_NOENT, ENOENT }, { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_ISDIR, EISDIR }, { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_IO, EIO }, { G_FILE_ERROR_LOOP, ELOOP }, { G_FILE_ERROR_NOMEM, ENOMEM },
    { G_FILE_ERROR_MFILE, EMFILE }, { G_FILE_ERROR_NFILE, ENFILE },
  };

  if (error->domain == G_FILE_ERROR)
    for (gsize i = 0; i < G_N_ELEMENTS (errnos); i++)
      if ((int) errnos[i].code == error->code)
        return g_strerror (errnos[i].errno_value);
  return error->message;
}

/* Writes a temporary file beside the real one ("<name>.XXXXXX", mode 0600), syncs it when
 * an old copy exists, and renames it over the old one; a failed write (a full disk, no
 * inodes left, a read-only folder) removes the temporary file and leaves the old copy as it
 * was: GLib's consistent mode never falls back to writing in place. A symbolic link is
 * written through, to its target as it is now. Blocking: for worker threads. */
gboolean
hallway_file_replace (GFile *file, const void *data, gsize length, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (GFile) resolved = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GError) write_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gboolean had_copy;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: it is not a local file."), name);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  target = resolve_links (path);
  resolved = g_file_new_for_path (target);
  folder = g_file_get_parent (resolved);
  if (folder != NULL && !hallway_file_ensure_folder (folder, cancellable, &write_error))
    {
      g_set_error (error, write_error->domain, write_error->code,
                   _("Could not save “%s”: %s"), name, write_error->message);
      return FALSE;
    }
  had_copy = g_file_test (target, G_FILE_TEST_EXISTS);
  if (g_file_set_contents_full (target, data, (gssize) length,
                                G_FILE_SET_CONTENTS_CONSISTENT |
                                G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                0600, &write_error))
    return TRUE;

  if (had_copy)
    g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (write_error->code),
                 _("Could not save “%s”: %s. The previous copy is unchanged."),
                 name, describe_file_error (write_error));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (write_error->code),
                 _("Could not save “%s”: %s."), name, describe_file_error (write_error));
  return FALSE;
}

/* Reads a whole state file, refusing one bigger than max_size before reading it (its size
 * from the open file, and again while reading, in case it grows). The error of a file too
 * big is G_IO_ERROR_MESSAGE_TOO_LARGE with a detail for the caller, who names the file.
 * *contents ends with a NUL byte. */
gboolean
hallway_file_load_state (GFile *file, gsize max_size, char **contents, gsize *length,
                         GError **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  goffset size = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);
  buffer = g_byte_array_sized_new ((guint) CLAMP (size, 0, (goffset) max_size) + 1);
  while (size <= (goffset) max_size)
    {
      guint8 chunk[64 * 1024];
      gsize got = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk, sizeof chunk, &got, NULL,
                                    error))
        return FALSE;
      if (got == 0)
        break;
      size = (goffset) buffer->len + got;
      if (size <= (goffset) max_size)
        g_byte_array_append (buffer, chunk, got);
    }
  if (size > (goffset) max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is larger than %s, far more than Hallway ever writes"), limit);
      return FALSE;
    }
  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

static gboolean
copy_without_link (const char *path, const char *aside_path, GError **error)
{
  g_autoptr (GFile) source = g_file_new_for_path (path);
  g_autoptr (GFile) aside = g_file_new_for_path (aside_path);

  return g_file_copy (source, aside, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/* Keeps a damaged file for the user as "<name>.corrupt-20261203T143000" (local time) in its
 * folder, "-2", "-3"… appended when that name is taken: an earlier copy is never
 * overwritten. keep_original: the file stays where it is too (its entries that could be
 * read are written back over it later); otherwise it is moved. The copy is a hard link
 * where the file system allows it, which keeps the same bytes for good, as every write
 * replaces the file instead of changing it. Returns the copy. */
GFile *
hallway_file_set_aside (GFile *file, gboolean keep_original, GError **error)
{
  g_autofree char *given = g_file_get_path (file);
  g_autofree char *path = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (given == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not keep a copy of “%s”: it is not a local file."), name);
      return NULL;
    }
  path = resolve_links (given);
  for (guint attempt = 1; attempt <= 100; attempt++)
    {
      g_autofree char *aside_path = attempt == 1
        ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
        : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, attempt);
      g_autoptr (GError) copy_error = NULL;
      int saved_errno;

      if (link (path, aside_path) != 0)
        {
          saved_errno = errno;
          if (saved_errno == EEXIST)
            continue;
          if (saved_errno != EPERM && saved_errno != EXDEV && saved_errno != EMLINK &&
              saved_errno != EOPNOTSUPP && saved_errno != ENOSYS)
            {
              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("Could not keep a copy of “%s” as “%s”: %s"), name, aside_path,
                           g_strerror (saved_errno));
              return NULL;
            }
          if (!copy_without_link (path, aside_path, &copy_error))
            {
              if (g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
                continue;
              g_set_error (error, copy_error->domain, copy_error->code,
                           _("Could not keep a copy of “%s” as “%s”: %s"), name, aside_path,
                           copy_error->message);
              return NULL;
            }
        }
      if (!keep_original && g_unlink (path) != 0)
        {
          saved_errno = errno;
          g_unlink (aside_path);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move “%s” aside: %s"), name, g_strerror (saved_errno));
          return NULL;
        }
      return g_file_new_for_path (aside_path);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Could not keep a copy of “%s”: too many copies were set aside this second"),
               name);
  return NULL;
}

/* "<basename>.XXXXXX": g_file_set_contents_full()'s temporary files (g_mkstemp's letters
 * and digits); ".goutputstream-XXXXXX": those of the GIO writer used before. */
static gboolean
is_temporary_of (const char *name, const char *basename)
{
  gsize prefix = strlen (basename);
  const char *suffix;

  if (g_str_has_prefix (name, ".goutputstream-"))
    suffix = name + strlen (".goutputstream-");
  else if (strncmp (name, basename, prefix) == 0 && name[prefix] == '.')
    suffix = name + prefix + 1;
  else
    return FALSE;
  if (strlen (suffix) != 6)
    return FALSE;
  for (const char *c = suffix; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

static guint
remove_stale_in (const char *folder, const char *basename, gint64 now)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!is_temporary_of (name, basename))
        continue;
      path = g_build_filename (folder, name, NULL);
      /* Another Hallway may be writing this one right now: only old ones are left over. */
      if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode) ||
          now - (gint64) info.st_mtime * G_TIME_SPAN_SECOND < HALLWAY_FILE_STALE_AGE)
        continue;
      if (g_unlink (path) == 0)
        removed++;
      else
        g_debug ("Could not remove the leftover temporary file %s: %s", path,
                 g_strerror (errno));
    }
  return removed;
}

/* A write killed half-way leaves its temporary file beside the state file: called when
 * loading, this removes the ones of this file (and GIO's ".goutputstream-*" in its folder)
 * older than HALLWAY_FILE_STALE_AGE, beside the file and beside a link's target. Returns
 * how many were removed. */
guint
hallway_file_remove_stale_temporaries (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *target_folder = NULL;
  g_autofree char *target_basename = NULL;
  gint64 now = g_get_real_time ();
  guint removed;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  if (path == NULL)
    return 0;
  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  removed = remove_stale_in (folder, basename, now);
  target = resolve_links (path);
  if (g_strcmp0 (target, path) != 0)
    {
      target_folder = g_path_get_dirname (target);
      target_basename = g_path_get_basename (target);
      removed += remove_stale_in (target_folder, target_basename, now);
    }
  return removed;
}

/* A state file's "version": a whole number, however written (1, 1.0, 1e0). FALSE when it
 * is missing, not a whole number or below 1; a number beyond gint64 is G_MAXINT64, newer
 * than any format in any case. */
gboolean
hallway_file_read_format_version (JsonObject *root, gint64 *version)
{
  JsonNode *node = json_object_get_member (root, "version");
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                              : G_TYPE_INVALID;

  if (type == G_TYPE_INT64)
    *version = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* Doubles this big are all whole numbers. */
      if (!isfinite (value))
        return FALSE;
      if (value >= 9223372036854775807.0)
        *version = G_MAXINT64;
      else if (value < -9223372036854775807.0)
        *version = G_MININT64;
      else if ((double) (gint64) value == value)
        *version = (gint64) value;
      else
        return FALSE;
    }
  else
    return FALSE;
  return *version >= 1;
}

/* For messages: the number as text, so no translation needs a 64-bit format. */
char *
hallway_file_describe_version (gint64 version)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, version);
}
