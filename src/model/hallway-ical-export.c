/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-file.h"
#include "hallway-ical-export.h"
#include "hallway-ical-private.h" /* hallway_export_sequences_take */
#include "hallway-json.h"
#include "hallway-save-queue.h"
#include "hallway-state-file.h"

/* What calendar exports need besides libical: the SEQUENCE store, our UIDs and the keys to
 * export. The calendar text itself is written by hallway-ical-writer.c, which links
 * libical: in the app it is a module, loaded at the first export (issue 13). */

G_DEFINE_QUARK (hallway-ical-export-error-quark, hallway_ical_export_error)

/* The version of the sequences file this code writes; a higher one is left untouched. */
#define SEQUENCES_FORMAT_VERSION 1

#define UID_DOMAIN ".hallway"
#define HEX_PREFIX "hex."

/* ---- the sequences store -------------------------------------------------------------- */

/* What one UID was last exported as. Times as Unix seconds: the zone does not matter. */
typedef struct
{
  guint sequence;
  gint64 start;
  gint64 end;
  char *room;
  gboolean cancelled;
} ExportRecord;

struct _HallwayExportSequences
{
  GObject parent_instance;

  GFile *file;
  GHashTable *records;   /* UID → ExportRecord */
  GError *save_blocker;  /* set while the file on disk must not be replaced */
  HallwaySaveQueue *saves;
};

G_DEFINE_FINAL_TYPE (HallwayExportSequences, hallway_export_sequences, G_TYPE_OBJECT)

static void
export_record_free (gpointer data)
{
  ExportRecord *record = data;

  g_free (record->room);
  g_free (record);
}

static GHashTable *
record_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, export_record_free);
}

static gboolean
record_matches (ExportRecord *record, gint64 start, gint64 end, const char *room,
                gboolean cancelled)
{
  return record->start == start && record->end == end && g_strcmp0 (record->room, room) == 0 &&
         record->cancelled == cancelled;
}

/* The SEQUENCE for this export of uid: 0 the first time, one more than last time when
 * the talk moved (start, end, room) or its cancellation changed, else the same. */
guint
hallway_export_sequences_take (HallwayExportSequences *self,
                               const char             *uid,
                               GDateTime              *start,
                               GDateTime              *end,
                               const char             *room,
                               gboolean                cancelled)
{
  gint64 start_unix = g_date_time_to_unix (start);
  gint64 end_unix = g_date_time_to_unix (end);
  ExportRecord *record = g_hash_table_lookup (self->records, uid);

  if (record == NULL)
    {
      record = g_new0 (ExportRecord, 1);
      g_hash_table_insert (self->records, g_strdup (uid), record);
    }
  else if (!record_matches (record, start_unix, end_unix, room, cancelled))
    record->sequence++;
  else
    return record->sequence;

  record->start = start_unix;
  record->end = end_unix;
  record->cancelled = cancelled;
  g_free (record->room);
  record->room = g_strdup (room);
  return record->sequence;
}

static void
add_time_member (JsonBuilder *builder, const char *name, gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = g_date_time_format_iso8601 (time);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_record_object (JsonBuilder *builder, const char *uid, ExportRecord *record)
{
  json_builder_set_member_name (builder, uid);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, record->sequence);
  add_time_member (builder, "start", record->start);
  add_time_member (builder, "end", record->end);
  json_builder_set_member_name (builder, "room");
  if (record->room != NULL)
    json_builder_add_string_value (builder, record->room);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "cancelled");
  json_builder_add_boolean_value (builder, record->cancelled);
  json_builder_end_object (builder);
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted by UID, so the file only changes where a record did. */
static GBytes *
serialize_sequences (HallwayExportSequences *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree const char **uids = NULL;
  guint n_uids = g_hash_table_size (self->records);

  uids = (const char **) g_hash_table_get_keys_as_array (self->records, NULL);
  qsort (uids, n_uids, sizeof (char *), compare_strings);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SEQUENCES_FORMAT_VERSION);
  json_builder_set_member_name (builder, "uids");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_uids; i++)
    add_record_object (builder, uids[i], g_hash_table_lookup (self->records, uids[i]));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return hallway_json_builder_to_bytes (builder);
}

static gboolean
time_member (JsonObject *object, const char *name, gint64 *unix_time)
{
  g_autoptr (GDateTime) time = hallway_json_time_member (object, name);

  if (time == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}

/* NULL for anything but an object with a sequence, a start and an end. */
static ExportRecord *
record_from_json (JsonNode *node)
{
  ExportRecord *record;
  JsonObject *object;
  JsonNode *sequence;
  gint64 start, end;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  sequence = json_object_get_member (object, "sequence");
  if (sequence == NULL || json_node_get_value_type (sequence) != G_TYPE_INT64 ||
      json_node_get_int (sequence) < 0 || json_node_get_int (sequence) > G_MAXINT ||
      !time_member (object, "start", &start) || !time_member (object, "end", &end))
    return NULL;

  record = g_new0 (ExportRecord, 1);
  record->sequence = (guint) json_node_get_int (sequence);
  record->start = start;
  record->end = end;
  record->room = g_strdup (hallway_json_string_member (object, "room"));
  record->cancelled = hallway_json_boolean_member (object, "cancelled", FALSE);
  return record;
}

static GError *
corrupt_error (const char *detail)
{
  return g_error_new (HALLWAY_ICAL_EXPORT_ERROR, HALLWAY_ICAL_EXPORT_ERROR_CORRUPT, "%s", detail);
}

/* One pass; an entry that cannot be read is left out and counted in *dropped. */
static GHashTable *
read_records (JsonObject *uids, guint *dropped)
{
  g_autoptr (GHashTable) records = record_table_new ();
  g_autoptr (GList) names = json_object_get_members (uids);

  for (GList *l = names; l != NULL; l = l->next)
    {
      ExportRecord *record = record_from_json (json_object_get_member (uids, l->data));

      if (record == NULL)
        {
          (*dropped)++;
          continue;
        }
      g_hash_table_insert (records, g_strdup (l->data), record);
    }
  return g_steal_pointer (&records);
}

static HallwayStateFormat
state_format (void)
{
  return (HallwayStateFormat) { HALLWAY_STATE_FILE_EXPORTS, SEQUENCES_FORMAT_VERSION,
                                HALLWAY_ICAL_EXPORT_ERROR, HALLWAY_ICAL_EXPORT_ERROR_CORRUPT,
                                HALLWAY_ICAL_EXPORT_ERROR_NEWER_VERSION };
}

/* What one read found: the entries that can be read, and how many could not. */
typedef struct
{
  GHashTable *records;
  guint dropped;
} FileContent;

/* A HallwayStateReadFunc. The messages set here are details; the state file names the
 * file. */
static gboolean
read_root (JsonObject *root, gpointer user_data, GError **error)
{
  FileContent *content = user_data;
  JsonNode *uids = json_object_get_member (root, "uids");

  if (uids == NULL || !JSON_NODE_HOLDS_OBJECT (uids))
    {
      g_propagate_error (error, corrupt_error (_("the list of exported talks is missing")));
      return FALSE;
    }
  content->records = read_records (json_node_get_object (uids), &content->dropped);
  return TRUE;
}

/* A file the state file left in place must not be replaced by the next export. */
static GError *
load_error (HallwayExportSequences *self, GError *error, HallwayStateFileOutcome outcome)
{
  if (outcome == HALLWAY_STATE_FILE_BLOCKED)
    {
      g_clear_error (&self->save_blocker);
      self->save_blocker = g_error_copy (error);
    }
  return error;
}

/* Some entries could not be read: the file as it was is copied aside and replaced by the
 * others. Without a copy the file is left untouched and saves are refused. */
static GError *
keep_readable_entries (HallwayExportSequences *self, guint dropped)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autoptr (GError) copy_error = NULL;
  g_autoptr (GError) save_error = NULL;
  g_autoptr (GFile) aside = hallway_file_set_aside (self->file, TRUE, &copy_error);
  g_autofree char *aside_name = NULL;

  if (aside == NULL)
    {
      g_clear_error (&self->save_blocker);
      self->save_blocker =
        g_error_new (HALLWAY_ICAL_EXPORT_ERROR, HALLWAY_ICAL_EXPORT_ERROR_CORRUPT,
                     ngettext ("The export history “%s” has %u damaged entry and could not be "
                               "copied aside (%s). It is left untouched.",
                               "The export history “%s” has %u damaged entries and could not be "
                               "copied aside (%s). It is left untouched.", dropped),
                     name, dropped, copy_error->message);
      return g_error_copy (self->save_blocker);
    }
  aside_name = g_file_get_parse_name (aside);
  if (!hallway_export_sequences_save (self, NULL, &save_error))
    return g_error_new (HALLWAY_ICAL_EXPORT_ERROR, HALLWAY_ICAL_EXPORT_ERROR_CORRUPT,
                        ngettext ("The export history “%s” has %u damaged entry; the others are "
                                  "kept. A copy of the file as it was is in “%s”. Writing the "
                                  "others back failed: %s",
                                  "The export history “%s” has %u damaged entries; the others "
                                  "are kept. A copy of the file as it was is in “%s”. Writing "
                                  "the others back failed: %s", dropped),
                        name, dropped, aside_name, save_error->message);
  return g_error_new (HALLWAY_ICAL_EXPORT_ERROR, HALLWAY_ICAL_EXPORT_ERROR_CORRUPT,
                      ngettext ("The export history “%s” had %u damaged entry; it was left out "
                                "and the others kept. A copy of the file as it was is in “%s”.",
                                "The export history “%s” had %u damaged entries; they were left "
                                "out and the others kept. A copy of the file as it was is in "
                                "“%s”.", dropped),
                      name, dropped, aside_name);
}

/* Replaces the records with the file's. A damaged file (or one bigger than
 * HALLWAY_FILE_STATE_MAX_SIZE) is moved aside, never over an earlier copy; damaged entries
 * in a good file are left out, the others kept and written back, the file as it was
 * copied aside. Temporary files left by a killed save are removed. */
gboolean
hallway_export_sequences_load (HallwayExportSequences *self, GError **error)
{
  HallwayStateFormat format = state_format ();
  g_autoptr (GError) local_error = NULL;
  FileContent content = { NULL, 0 };
  HallwayStateFileOutcome outcome;

  g_return_val_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_error (&self->save_blocker);
  outcome = hallway_state_file_load (&format, self->file, read_root, &content, &local_error);
  g_hash_table_unref (self->records);
  self->records = content.records != NULL ? content.records : record_table_new ();
  if (local_error != NULL)
    {
      g_propagate_error (error, load_error (self, g_steal_pointer (&local_error), outcome));
      return FALSE;
    }
  if (content.dropped > 0)
    {
      g_propagate_error (error, keep_readable_entries (self, content.dropped));
      return FALSE;
    }
  return TRUE;
}

int
hallway_export_sequences_get_sequence (HallwayExportSequences *self, const char *uid)
{
  ExportRecord *record;

  g_return_val_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (self), -1);
  g_return_val_if_fail (uid != NULL, -1);

  record = g_hash_table_lookup (self->records, uid);
  return record != NULL ? (int) record->sequence : -1;
}

/* Never over a file a newer Hallway wrote; otherwise atomically (hallway_file_replace). */
static gboolean
write_sequences (GFile *file, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  HallwayStateFormat format = state_format ();

  return hallway_state_file_check_not_newer (&format, file, cancellable, error) &&
         hallway_state_file_write (file, bytes, cancellable, error);
}

gboolean
hallway_export_sequences_save (HallwayExportSequences *self,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->save_blocker != NULL)
    {
      g_propagate_error (error, g_error_copy (self->save_blocker));
      return FALSE;
    }
  bytes = serialize_sequences (self);
  return write_sequences (self->file, bytes, cancellable, error);
}

/* ---- asynchronous saves, through the ordered queue ---- */

static gpointer
snapshot_for_queue (GObject *owner)
{
  return serialize_sequences (HALLWAY_EXPORT_SEQUENCES (owner));
}

static gboolean
write_for_queue (GObject *owner, gpointer bytes, GCancellable *cancellable, GError **error)
{
  return write_sequences (HALLWAY_EXPORT_SEQUENCES (owner)->file, bytes, cancellable, error);
}

static GError *
written_for_queue (GObject *owner, gpointer bytes, GError *error)
{
  return error;
}

static const GError *
save_blocker (GObject *owner)
{
  return HALLWAY_EXPORT_SEQUENCES (owner)->save_blocker;
}

/* Saves land in the order they were asked for, each writing the records as they are when
 * its write starts, in a worker thread. */
void
hallway_export_sequences_save_async (HallwayExportSequences *self,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_return_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (self));

  hallway_save_queue_push (self->saves, cancellable, callback, user_data,
                           hallway_export_sequences_save_async);
}

gboolean
hallway_export_sequences_save_finish (HallwayExportSequences *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hallway_export_sequences_finalize (GObject *object)
{
  HallwayExportSequences *self = HALLWAY_EXPORT_SEQUENCES (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_error (&self->save_blocker);
  g_clear_pointer (&self->saves, hallway_save_queue_free);
  G_OBJECT_CLASS (hallway_export_sequences_parent_class)->finalize (object);
}

static void
hallway_export_sequences_class_init (HallwayExportSequencesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_export_sequences_finalize;
}

static void
hallway_export_sequences_init (HallwayExportSequences *self)
{
  self->records = record_table_new ();
  self->saves = hallway_save_queue_new (G_OBJECT (self), snapshot_for_queue,
                                        (GDestroyNotify) g_bytes_unref, write_for_queue,
                                        written_for_queue, save_blocker);
}

/* The store starts empty; call hallway_export_sequences_load() to read the file. */
HallwayExportSequences *
hallway_export_sequences_new (GFile *file)
{
  HallwayExportSequences *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HALLWAY_TYPE_EXPORT_SEQUENCES, NULL);
  self->file = g_object_ref (file);
  return self;
}

/* ---- UIDs ------------------------------------------------------------------------------ */

/* Printable ASCII, and nothing TEXT escaping would touch: calendar apps compare UIDs as
 * they store them, some escaped and some not. */
static gboolean
is_uid_safe (const char *text)
{
  if (*text == '\0' || g_str_has_prefix (text, HEX_PREFIX))
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (*c <= ' ' || *c > '~' || *c == ',' || *c == ';' || *c == '\\')
      return FALSE;
  return TRUE;
}

static char *
hex_text (const char *text)
{
  GString *hex = g_string_new (HEX_PREFIX);

  for (const guchar *c = (const guchar *) text; *c != '\0'; c++)
    g_string_append_printf (hex, "%02x", *c);
  return g_string_free (hex, FALSE);
}

static char *
uid_safe_text (const char *text)
{
  return is_uid_safe (text) ? g_strdup (text) : hex_text (text);
}

/* NULL unless text is HEX_PREFIX and pairs of hex digits that make valid UTF-8. */
static char *
decode_hex_text (const char *text)
{
  const char *digits;
  gsize length;
  g_autofree char *decoded = NULL;

  /* Checked first: a key shorter than the prefix has no digits to measure. */
  if (!g_str_has_prefix (text, HEX_PREFIX))
    return NULL;
  digits = text + strlen (HEX_PREFIX);
  length = strlen (digits);
  if (length == 0 || length % 2 != 0)
    return NULL;
  decoded = g_malloc (length / 2 + 1);
  for (gsize i = 0; i < length / 2; i++)
    {
      int high = g_ascii_xdigit_value (digits[2 * i]);
      int low = g_ascii_xdigit_value (digits[2 * i + 1]);

      if (high < 0 || low < 0)
        return NULL;
      decoded[i] = (char) (high * 16 + low);
    }
  decoded[length / 2] = '\0';
  if (strlen (decoded) != length / 2 || !g_utf8_validate (decoded, -1, NULL))
    return NULL;
  return g_steal_pointer (&decoded);
}

/* The acronym keeps UIDs of two conferences apart; a schedule without one (an .ics
 * subscription) is named by its title. */
static char *
uid_conference_part (HallwayConference *conference)
{
  const char *acronym = hallway_conference_get_acronym (conference);
  const char *title = hallway_conference_get_title (conference);
  const char *name = acronym != NULL && *acronym != '\0' ? acronym
                   : title != NULL && *title != '\0' ? title : "schedule";

  /* hallway_ical_export_dup_key_for_uid() splits at the last '@': one in this part would
   * give the wrong key back. */
  if (strchr (name, '@') != NULL)
    return hex_text (name);
  return uid_safe_text (name);
}

char *
hallway_ical_export_dup_uid (HallwayConference *conference, const char *key)
{
  g_autofree char *safe_key = NULL;
  g_autofree char *conference_part = NULL;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  safe_key = uid_safe_text (key);
  conference_part = uid_conference_part (conference);
  return g_strconcat (safe_key, "@", conference_part, UID_DOMAIN, NULL);
}

char *
hallway_ical_export_dup_key_for_uid (const char *uid)
{
  const char *at;
  g_autofree char *key = NULL;
  char *decoded;

  g_return_val_if_fail (uid != NULL, NULL);

  at = strrchr (uid, '@');
  if (at == NULL || at == uid || !g_str_has_suffix (at, UID_DOMAIN) ||
      strlen (at) <= 1 + strlen (UID_DOMAIN))
    return NULL;
  key = g_strndup (uid, at - uid);
  decoded = decode_hex_text (key);
  return decoded != NULL ? decoded : g_steal_pointer (&key);
}

/* ---- which talks ----------------------------------------------------------------------- */

/* The conference day a time falls on: the last one starting at or before it. */
static HallwayDay *
day_for_time (HallwayConference *conference, GDateTime *time)
{
  GListModel *days = hallway_conference_get_days (conference);
  HallwayDay *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (HallwayDay) day = g_list_model_get_item (days, i);

      if (g_date_time_compare (hallway_day_get_date (day), time) <= 0)
        found = day;
    }
  return found;
}

static gboolean
bookmark_is_on_day (HallwayConference *conference, HallwayBookmarks *bookmarks, const char *key,
                    HallwayDay *day)
{
  HallwayTalk *event = hallway_conference_lookup_talk (conference, key);
  GDateTime *start = NULL;

  if (event != NULL)
    return hallway_talk_get_day (event) == day;
  if (!hallway_bookmarks_get_snapshot (bookmarks, key, NULL, &start, NULL, NULL))
    return FALSE;
  return day_for_time (conference, start) == day;
}

GStrv
hallway_ical_export_dup_agenda_keys (HallwayConference *conference,
                                     HallwayBookmarks  *bookmarks,
                                     HallwayDay        *day)
{
  g_auto (GStrv) all = NULL;
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (bookmarks), NULL);
  g_return_val_if_fail (day == NULL || HALLWAY_IS_DAY (day), NULL);

  all = hallway_bookmarks_dup_keys (bookmarks);
  for (guint i = 0; all[i] != NULL; i++)
    if (day == NULL || bookmark_is_on_day (conference, bookmarks, all[i], day))
      g_strv_builder_add (keys, all[i]);
  return g_strv_builder_end (keys);
}

GStrv
hallway_ical_export_dup_talk_keys (GListModel *events)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (events, i);

      g_strv_builder_add (keys, hallway_talk_get_key (event));
    }
  return g_strv_builder_end (keys);
}

