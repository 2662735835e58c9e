/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-state-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-file.h"
#include "hallway-json.h"
#include "hallway-state-file.h"

/* One place for what every state file does the same way: a missing file is empty state, a
 * damaged one is kept for the person under a name of its own and they are told where, a
 * newer one is never overwritten. The owners keep their formats and their merges. Every
 * sentence names its kind of file in full, so translators see whole sentences. */

static GError *
damaged (const HallwayStateFormat *format, const char *detail)
{
  return g_error_new_literal (format->domain, format->damaged_code, detail);
}

static const char *
no_version_detail (HallwayStateFileKind kind)
{
  switch (kind)
    {
    case HALLWAY_STATE_FILE_BOOKMARKS:
      return _("not a bookmarks file (no format version)");
    case HALLWAY_STATE_FILE_LIBRARY:
      return _("not a library file (no format version)");
    case HALLWAY_STATE_FILE_REMINDERS:
      return _("not a reminders file (no format version)");
    case HALLWAY_STATE_FILE_EXPORTS:
    default:
      return _("no format version");
    }
}

static GError *
newer_detail (const HallwayStateFormat *format, gint64 version)
{
  g_autofree char *number = hallway_file_describe_version (version);

  if (format->kind == HALLWAY_STATE_FILE_REMINDERS)
    return g_error_new (format->domain, format->newer_code,
                        _("written by a newer version of Hallway (format %s)"), number);
  return g_error_new (format->domain, format->newer_code, _("format version %s"), number);
}

/* The root object of a state file, kept alive by *root, whose version this code can read.
 * Otherwise NULL and a detail for the caller's sentence: the format's damaged code, or its
 * newer code for a file from a newer Hallway. */
JsonObject *
hallway_state_file_parse (const HallwayStateFormat *format,
                          const char               *contents,
                          gsize                     length,
                          JsonNode                **root,
                          GError                  **error)
{
  g_autoptr (GError) json_error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gint64 version = 0;

  g_return_val_if_fail (format != NULL && root != NULL, NULL);

  if (length == 0)
    {
      g_propagate_error (error, damaged (format, _("the file is empty")));
      return NULL;
    }
  node = hallway_json_parse (contents, length, &json_error);
  if (node == NULL)
    {
      g_propagate_error (error, damaged (format, json_error->message));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !hallway_file_read_format_version (json_node_get_object (node), &version) || version < 1)
    {
      g_propagate_error (error, damaged (format, no_version_detail (format->kind)));
      return NULL;
    }
  if (version > format->version)
    {
      g_propagate_error (error, newer_detail (format, version));
      return NULL;
    }
  *root = g_steal_pointer (&node);
  return json_node_get_object (*root);
}

/* ---- what the person is told -------------------------------------------------------- */

static GError *
set_aside_error (const HallwayStateFormat *format, const char *name, const char *detail,
                 const char *aside)
{
  GQuark domain = format->domain;
  int code = format->damaged_code;

  switch (format->kind)
    {
    case HALLWAY_STATE_FILE_BOOKMARKS:
      return g_error_new (domain, code,
                          _("The bookmarks file “%s” is damaged (%s). It was moved aside to “%s”."),
                          name, detail, aside);
    case HALLWAY_STATE_FILE_LIBRARY:
      return g_error_new (domain, code,
                          _("The list of conferences “%s” is damaged (%s). It was moved aside "
                            "to “%s”; add your conferences again."),
                          name, detail, aside);
    case HALLWAY_STATE_FILE_REMINDERS:
      return g_error_new (
        domain, code,
        _("The reminders state “%s” is damaged (%s). It was moved aside to “%s”."), name, detail,
          aside);
    case HALLWAY_STATE_FILE_EXPORTS:
    default:
      return g_error_new (domain, code,
                          _("The export history “%s” is damaged (%s). It was moved aside to "
                            "“%s”; calendar apps may not update talks exported before."),
                          name, detail, aside);
    }
}

static GError *
not_set_aside_error (const HallwayStateFormat *format, const char *name, const char *detail,
                     const char *why)
{
  GQuark domain = format->domain;
  int code = format->damaged_code;

  switch (format->kind)
    {
    case HALLWAY_STATE_FILE_BOOKMARKS:
      return g_error_new (domain, code,
                          _("The bookmarks file “%s” is damaged (%s) and could not be moved "
                            "aside (%s). It is left untouched; bookmarks will not be saved."),
                          name, detail, why);
    case HALLWAY_STATE_FILE_LIBRARY:
      return g_error_new (domain, code,
                          _("The list of conferences “%s” is damaged (%s) and could not be moved "
                            "aside (%s). It is left untouched; conferences cannot be added or "
                            "removed."),
                          name, detail, why);
    case HALLWAY_STATE_FILE_REMINDERS:
      return g_error_new (domain, code,
                          _("The reminders state “%s” is damaged (%s) and could not be moved aside "
                            "(%s). It is left untouched."),
                          name, detail, why);
    case HALLWAY_STATE_FILE_EXPORTS:
    default:
      return g_error_new (domain, code,
                          _("The export history “%s” is damaged (%s) and could not be moved "
                            "aside (%s). It is left untouched."),
                          name, detail, why);
    }
}

/* The reminders state never had a sentence of its own for a newer file: its detail says it. */
static GError *
newer_error (const HallwayStateFormat *format, const char *name, const char *detail)
{
  GQuark domain = format->domain;
  int code = format->newer_code;

  switch (format->kind)
    {
    case HALLWAY_STATE_FILE_BOOKMARKS:
      return g_error_new (domain, code,
                          _("The bookmarks file “%s” was written by a newer version of "
                            "Hallway (%s). It is left untouched; bookmarks will not be saved."),
                          name, detail);
    case HALLWAY_STATE_FILE_LIBRARY:
      return g_error_new (domain, code,
                          _("The list of conferences “%s” was written by a newer version of "
                            "Hallway (%s). It is left untouched; conferences cannot be added or "
                            "removed until Hallway is updated."),
                          name, detail);
    case HALLWAY_STATE_FILE_REMINDERS:
      return g_error_new (domain, code, _("Could not read the reminders state “%s”: %s"),
                          name, detail);
    case HALLWAY_STATE_FILE_EXPORTS:
    default:
      return g_error_new (domain, code,
                          _("The export history “%s” was written by a newer version of Hallway "
                            "(%s). It is left untouched."),
                          name, detail);
    }
}

/* Keeps the detail's domain and code: an I/O error stays one. */
static GError *
unreadable_error (const HallwayStateFormat *format, const char *name, const GError *detail)
{
  switch (format->kind)
    {
    case HALLWAY_STATE_FILE_BOOKMARKS:
      return g_error_new (detail->domain, detail->code,
                          _("Could not read the bookmarks file “%s”: %s"), name, detail->message);
    case HALLWAY_STATE_FILE_LIBRARY:
      return g_error_new (detail->domain, detail->code,
                          _("Could not read the list of conferences “%s”: %s. It is left "
                            "untouched; conferences cannot be added or removed."),
                          name, detail->message);
    case HALLWAY_STATE_FILE_REMINDERS:
      return g_error_new (detail->domain, detail->code,
                          _("Could not read the reminders state “%s”: %s"), name, detail->message);
    case HALLWAY_STATE_FILE_EXPORTS:
    default:
      return g_error_new (detail->domain, detail->code,
                          _("The export history “%s” could not be read: %s"),
                          name, detail->message);
    }
}

/* A damaged file is kept for the person as "<name>.corrupt-<date and time>", never over an
 * earlier copy, before any save replaces it; one that cannot be moved must not be replaced
 * either. */
static GError *
set_aside (const HallwayStateFormat *format, GFile *file, const char *name, const char *detail,
           HallwayStateFileOutcome *outcome)
{
  g_autoptr (GError) move_error = NULL;
  g_autoptr (GFile) aside = hallway_file_set_aside (file, FALSE, &move_error);
  g_autofree char *aside_name = NULL;

  if (aside == NULL)
    {
      *outcome = HALLWAY_STATE_FILE_BLOCKED;
      return not_set_aside_error (format, name, detail, move_error->message);
    }
  *outcome = HALLWAY_STATE_FILE_SET_ASIDE;
  aside_name = g_file_get_parse_name (aside);
  return set_aside_error (format, name, detail, aside_name);
}

/* Turns what went wrong reading file into the sentence for the person, and does what that
 * sentence says: a damaged file (or one bigger than HALLWAY_FILE_STATE_MAX_SIZE) is set
 * aside. *outcome says whether saves must be refused. */
GError *
hallway_state_file_describe (const HallwayStateFormat *format,
                             GFile                    *file,
                             const GError             *detail,
                             HallwayStateFileOutcome  *outcome)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (format != NULL && G_IS_FILE (file) && detail != NULL, NULL);

  name = g_file_get_parse_name (file);
  *outcome = HALLWAY_STATE_FILE_BLOCKED;
  if (g_error_matches (detail, format->domain, format->newer_code))
    return newer_error (format, name, detail->message);
  if (g_error_matches (detail, format->domain, format->damaged_code) ||
      g_error_matches (detail, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return set_aside (format, file, name, detail->message, outcome);
  return unreadable_error (format, name, detail);
}

/* Reads file and hands its root to read(). Blocking: run it in a worker thread for
 * anything on the main thread's path. A missing file is HALLWAY_STATE_FILE_MISSING without
 * an error; every other outcome but HALLWAY_STATE_FILE_READ comes with an error naming the
 * file (see hallway_state_file_describe()). Temporary files of a killed write go first. */
HallwayStateFileOutcome
hallway_state_file_load (const HallwayStateFormat *format,
                         GFile                    *file,
                         HallwayStateReadFunc      read,
                         gpointer                  user_data,
                         GError                  **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) detail = NULL;
  g_autoptr (JsonNode) root = NULL;
  HallwayStateFileOutcome outcome;
  JsonObject *object = NULL;
  gsize length = 0;

  g_return_val_if_fail (format != NULL && G_IS_FILE (file) && read != NULL,
                        HALLWAY_STATE_FILE_BLOCKED);

  hallway_file_remove_stale_temporaries (file);
  if (hallway_file_load_state (file, HALLWAY_FILE_STATE_MAX_SIZE, &contents, &length, &detail))
    object = hallway_state_file_parse (format, contents, length, &root, &detail);
  else if (g_error_matches (detail, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return HALLWAY_STATE_FILE_MISSING;
  if (object != NULL && read (object, user_data, &detail))
    return HALLWAY_STATE_FILE_READ;
  g_propagate_error (error, hallway_state_file_describe (format, file, detail, &outcome));
  return outcome;
}

/* Another Hallway may have written a newer format since the load: that file must survive.
 * Anything else there (missing, damaged) may be replaced. */
gboolean
hallway_state_file_check_not_newer (const HallwayStateFormat *format,
                                    GFile                    *file,
                                    GCancellable             *cancellable,
                                    GError                  **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) detail = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, NULL) ||
      hallway_state_file_parse (format, contents, length, &root, &detail) != NULL ||
      !g_error_matches (detail, format->domain, format->newer_code))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&detail));
  return FALSE;
}

/* Atomically, through hallway_file_replace(): a full disk leaves the old file whole. The
 * owners that save asynchronously call this from their HallwaySaveQueue's write. */
gboolean
hallway_state_file_write (GFile *file, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return hallway_file_replace (file, data, length, cancellable, error);
}
