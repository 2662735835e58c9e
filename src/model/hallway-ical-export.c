/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-html-sanitizer.h"
#include "hallway-file.h"
#include "hallway-ical-export.h"
#include "hallway-ical-private.h"
#include "hallway-json.h"
#include "hallway-save-queue.h"
#include "hallway-state-file.h"
#include "hallway-link.h"

/* Calendar files of talks, through libical: it folds lines at 75 octets without cutting a
 * UTF-8 sequence, ends them with CRLF and escapes TEXT values; the tests check all three.
 * Times are in the conference zone with a VTIMEZONE made from the system tzdata, or in UTC
 * when libical does not know the zone. */

G_DEFINE_QUARK (hallway-ical-export-error-quark, hallway_ical_export_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* The version of the sequences file this code writes; a higher one is left untouched. */
#define SEQUENCES_FORMAT_VERSION 1

#define PRODID "-//Hallway//Hallway " PACKAGE_VERSION "//EN"
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
static guint
sequences_take (HallwayExportSequences *self, const char *uid, GDateTime *start, GDateTime *end,
                const char *room, gboolean cancelled)
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

/* One VEVENT to write: a talk of the schedule, or a cancelled bookmark's snapshot. The
 * fields are borrowed from the event or the bookmarks. */
typedef struct
{
  const char *key;
  HallwayTalk *event;   /* NULL when cancelled */
  const char *title;
  GDateTime *start;
  GDateTime *end;
  const char *room;
} ExportTalk;

static gboolean
export_talk_init (ExportTalk *talk, HallwayConference *conference, HallwayBookmarks *bookmarks,
                  const char *key)
{
  talk->key = key;
  talk->event = hallway_conference_lookup_talk (conference, key);
  if (talk->event != NULL)
    {
      talk->title = hallway_talk_get_title (talk->event);
      talk->start = hallway_talk_get_start (talk->event);
      talk->end = hallway_talk_get_end (talk->event);
      talk->room = hallway_talk_get_room_name (talk->event);
      return TRUE;
    }
  return bookmarks != NULL &&
         hallway_bookmarks_get_snapshot (bookmarks, key, &talk->title, &talk->start, &talk->end,
                                         &talk->room);
}

static int
compare_export_talks (gconstpointer a, gconstpointer b)
{
  const ExportTalk *first = a;
  const ExportTalk *second = b;
  int order = g_date_time_compare (first->start, second->start);

  return order != 0 ? order : strcmp (first->key, second->key);
}

/* In schedule order, each key once. */
static GArray *
collect_talks (HallwayConference *conference, const char * const *keys, HallwayBookmarks *bookmarks)
{
  GArray *talks = g_array_new (FALSE, TRUE, sizeof (ExportTalk));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      ExportTalk talk = { NULL, };

      if (!g_hash_table_add (seen, (gpointer) keys[i]))
        continue;
      if (export_talk_init (&talk, conference, bookmarks, keys[i]))
        g_array_append_val (talks, talk);
      else
        g_debug ("no talk and no bookmark for key %s: not exported", keys[i]);
    }
  g_array_sort (talks, compare_export_talks);
  return talks;
}

/* ---- time zone and times --------------------------------------------------------------- */

/* The conference zone as libical builds it from the system tzdata, its TZID reduced to the
 * IANA name (libical prefixes its own) so any calendar app recognises it; no VTIMEZONE
 * means times in UTC. */
typedef struct
{
  GTimeZone *zone;           /* the conference's; borrowed */
  const char *tzid;          /* NULL: UTC */
  icalcomponent *vtimezone;  /* owned */
} ExportZone;

static void
export_zone_clear (ExportZone *self)
{
  g_clear_pointer (&self->vtimezone, icalcomponent_free);
}

/* An IANA name, nothing libical could take for a path outside the zoneinfo folder. */
static gboolean
is_zone_name (const char *name)
{
  if (name == NULL || !g_ascii_isalpha (name[0]) || strstr (name, "..") != NULL)
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("/_+-", *c) == NULL)
      return FALSE;
  return TRUE;
}

static icalcomponent *
dup_vtimezone (const char *name)
{
  icaltimezone *builtin = icaltimezone_get_builtin_timezone (name);
  icalcomponent *component;
  icalcomponent *clone;
  icalproperty *tzid;

  if (builtin == NULL || builtin == icaltimezone_get_utc_timezone ())
    return NULL;
  component = icaltimezone_get_component (builtin);
  if (component == NULL)
    return NULL;
  clone = icalcomponent_new_clone (component);
  tzid = icalcomponent_get_first_property (clone, ICAL_TZID_PROPERTY);
  if (tzid == NULL)
    {
      icalcomponent_free (clone);
      return NULL;
    }
  icalproperty_set_tzid (tzid, name);
  return clone;
}

static void
export_zone_init (ExportZone *self, HallwayConference *conference)
{
  const char *name = hallway_conference_get_time_zone_name (conference);

  self->zone = hallway_conference_get_time_zone (conference);
  self->vtimezone = is_zone_name (name) ? dup_vtimezone (name) : NULL;
  self->tzid = self->vtimezone != NULL ? name : NULL;
  if (self->vtimezone == NULL)
    g_debug ("zone \"%s\" unknown to libical: times are exported in UTC", name ? name : "");
}

static struct icaltimetype
wall_clock (GDateTime *time)
{
  struct icaltimetype value = icaltime_null_time ();

  value.year = g_date_time_get_year (time);
  value.month = g_date_time_get_month (time);
  value.day = g_date_time_get_day_of_month (time);
  value.hour = g_date_time_get_hour (time);
  value.minute = g_date_time_get_minute (time);
  value.second = g_date_time_get_second (time);
  value.is_date = 0;
  return value;
}

static struct icaltimetype
utc_icaltime (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  struct icaltimetype value = wall_clock (utc);

  value.zone = icaltimezone_get_utc_timezone ();
  return value;
}

/* The zone's rules from the one in force at the first talk to the last talk's end, not its
 * whole history: tzdata's Europe/Brussels goes back to 1880 in 30 components. */
static void
truncate_to_talks (icalcomponent *vtimezone, GArray *talks)
{
  GDateTime *last_end = g_array_index (talks, ExportTalk, 0).end;

  for (guint i = 1; i < talks->len; i++)
    if (g_date_time_compare (g_array_index (talks, ExportTalk, i).end, last_end) > 0)
      last_end = g_array_index (talks, ExportTalk, i).end;
  icaltimezone_truncate_vtimezone (vtimezone,
                                   utc_icaltime (g_array_index (talks, ExportTalk, 0).start),
                                   utc_icaltime (last_end), FALSE);
}

static icalproperty *
utc_time_property (icalproperty_kind kind, GDateTime *time)
{
  icalproperty *property = icalproperty_new (kind);

  icalproperty_set_value (property, icalvalue_new_datetime (utc_icaltime (time)));
  return property;
}

/* DTSTART or DTEND: the wall-clock time in the conference zone with its TZID, or UTC. */
static icalproperty *
time_property (ExportZone *zone, icalproperty_kind kind, GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;
  icalproperty *property;

  if (zone->tzid == NULL)
    return utc_time_property (kind, time);
  local = g_date_time_to_timezone (time, zone->zone);
  property = icalproperty_new (kind);
  icalproperty_set_value (property, icalvalue_new_datetime (wall_clock (local)));
  icalproperty_add_parameter (property, icalparameter_new_tzid (zone->tzid));
  return property;
}

/* A TEXT property written under any name. libical leaves commas and semicolons unescaped in
 * CATEGORIES (it takes them for list separators: "Audio, Video & Graphics Creation" would
 * become two categories) and in X- values; as a TEXT value of an X- property they are
 * escaped, at the cost of an explicit VALUE=TEXT, which RFC 5545 allows on any property. */
static icalproperty *
new_text_property (const char *name, const char *text)
{
  icalproperty *property = icalproperty_new (ICAL_X_PROPERTY);

  icalproperty_set_x_name (property, name);
  icalproperty_set_value (property, icalvalue_new_text (text));
  return property;
}

/* ---- one VEVENT ------------------------------------------------------------------------ */

typedef struct
{
  HallwayConference *conference;
  HallwayExportSequences *sequences;
  ExportZone zone;
  int alarm_minutes;
  GDateTime *now;
} Exporter;

static void
exporter_clear (Exporter *self)
{
  export_zone_clear (&self->zone);
  g_clear_pointer (&self->now, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exporter, exporter_clear)

static void
append_block (GString *text, const char *block)
{
  if (block == NULL || *block == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, block);
}

static char *
links_block (HallwayTalk *event)
{
  GPtrArray *links = hallway_talk_get_links (event);
  const char *url = hallway_talk_get_url (event);
  g_autoptr (GString) text = g_string_new (NULL);

  if (url != NULL)
    g_string_append_printf (text, _("Talk page: %s"), url);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      HallwayLink *link = g_ptr_array_index (links, i);
      const char *label = hallway_link_get_label (link);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (label != NULL && *label != '\0')
        g_string_append_printf (text, "%s: %s", label, hallway_link_get_url (link));
      else
        g_string_append (text, hallway_link_get_url (link));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Plain text: the subtitle, the abstract (else the description) without markup, the
 * speakers and the links, in blocks separated by a blank line. */
static char *
event_description (HallwayTalk *event)
{
  const char *abstract = hallway_talk_get_abstract (event);
  g_autofree char *plain = NULL;
  g_autofree char *speakers = hallway_talk_dup_speakers (event);
  g_autofree char *speakers_line = NULL;
  g_autofree char *links = links_block (event);
  GString *text = g_string_new (NULL);

  if (abstract == NULL || *abstract == '\0')
    abstract = hallway_talk_get_description (event);
  plain = abstract != NULL ? hallway_html_to_plain_text (abstract) : NULL;
  if (speakers != NULL && *speakers != '\0')
    speakers_line = g_strdup_printf (_("Speakers: %s"), speakers);

  append_block (text, hallway_talk_get_subtitle (event));
  append_block (text, plain);
  append_block (text, speakers_line);
  append_block (text, links);
  return g_string_free (text, FALSE);
}

/* A value of only spaces and control characters reads back as no value at all, which
 * libical (and so GNOME Calendar and Evolution) reports as an error: such text is missing. */
static gboolean
has_text (const char *text)
{
  for (const char *c = text; c != NULL && *c != '\0'; c++)
    if ((guchar) *c > ' ' && *c != 0x7F)
      return TRUE;
  return FALSE;
}

/* "Room, Venue", either may be missing. */
static char *
location_text (HallwayConference *conference, const char *room)
{
  const char *venue = hallway_conference_get_venue (conference);
  gboolean has_room = has_text (room);
  gboolean has_venue = has_text (venue);

  if (has_room && has_venue)
    return g_strconcat (room, ", ", venue, NULL);
  return g_strdup (has_room ? room : has_venue ? venue : NULL);
}

static icalcomponent *
new_alarm (const char *title, int minutes)
{
  icalcomponent *alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  struct icaltriggertype trigger = { 0, };

  /* Minutes as they are (-PT90M, not -PT1H30M): what the user chose, readable. */
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = minutes > 0;
  trigger.duration.minutes = (unsigned int) minutes;
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (title));
  return alarm;
}

static void
add_text_property (icalcomponent *vevent, icalproperty *(*constructor) (const char *),
                   const char *text)
{
  if (has_text (text))
    icalcomponent_add_property (vevent, constructor (text));
}

/* A URI value is written as it is, not escaped like TEXT: a newline in a schedule's URL
 * would end the property and start whatever follows ("…\nEND:VEVENT\nBEGIN:VEVENT…").
 * Spaces, control characters and non-ASCII bytes are percent-encoded; a URL with nothing
 * else is left out. */
static void
add_url_property (icalcomponent *vevent, const char *url)
{
  g_autofree char *escaped = NULL;

  if (!has_text (url))
    return;
  escaped = g_uri_escape_string (url, "!#$%&'()*+,/:;=?@[]~", FALSE);
  icalcomponent_add_property (vevent, icalproperty_new_url (escaped));
}

/* What only a talk still in the schedule has: description, URL, track and the alarm. */
static void
add_talk_details (Exporter *self, icalcomponent *vevent, ExportTalk *talk, const char *title)
{
  g_autofree char *description = event_description (talk->event);
  const char *track = hallway_talk_get_track_name (talk->event);

  add_text_property (vevent, icalproperty_new_description, description);
  add_url_property (vevent, hallway_talk_get_url (talk->event));
  if (has_text (track))
    icalcomponent_add_property (vevent, new_text_property ("CATEGORIES", track));
  icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  if (self->alarm_minutes >= 0)
    icalcomponent_add_component (vevent, new_alarm (title, self->alarm_minutes));
}

static void
add_cancellation (icalcomponent *vevent)
{
  icalcomponent_add_property (vevent, icalproperty_new_description (
                                _("This talk was removed from the schedule.")));
  icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CANCELLED));
}

static guint
talk_sequence (Exporter *self, const char *uid, ExportTalk *talk)
{
  if (self->sequences == NULL)
    return 0;
  return sequences_take (self->sequences, uid, talk->start, talk->end, talk->room,
                         talk->event == NULL);
}

static icalcomponent *
new_vevent (Exporter *self, ExportTalk *talk)
{
  icalcomponent *vevent = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = hallway_ical_export_dup_uid (self->conference, talk->key);
  g_autofree char *location = location_text (self->conference, talk->room);
  const char *title = has_text (talk->title) ? talk->title : _("Untitled talk");

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, utc_time_property (ICAL_DTSTAMP_PROPERTY, self->now));
  icalcomponent_add_property (vevent,
                              time_property (&self->zone, ICAL_DTSTART_PROPERTY, talk->start));
  icalcomponent_add_property (vevent,
                              time_property (&self->zone, ICAL_DTEND_PROPERTY, talk->end));
  icalcomponent_add_property (vevent, icalproperty_new_summary (title));
  add_text_property (vevent, icalproperty_new_location, location);
  icalcomponent_add_property (vevent, icalproperty_new_sequence (talk_sequence (self, uid, talk)));
  if (talk->event != NULL)
    add_talk_details (self, vevent, talk, title);
  else
    add_cancellation (vevent);
  return vevent;
}

/* ---- the calendar ---------------------------------------------------------------------- */

static icalcomponent *
new_calendar (HallwayConference *conference, const char *calendar_name)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  const char *name = calendar_name != NULL ? calendar_name
                                           : hallway_conference_get_title (conference);

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (has_text (name))
    icalcomponent_add_property (calendar, new_text_property ("X-WR-CALNAME", name));
  return calendar;
}

static char *
calendar_text (icalcomponent *calendar)
{
  char *text = icalcomponent_as_ical_string_r (calendar);
  char *copy = g_strdup (text);

  icalmemory_free_buffer (text);
  return copy;
}

char *
hallway_ical_export (HallwayConference      *conference,
                     const char * const     *keys,
                     HallwayBookmarks       *bookmarks,
                     HallwayExportSequences *sequences,
                     const char             *calendar_name,
                     int                     alarm_minutes,
                     GError                **error)
{
  g_auto (Exporter) exporter = { NULL, };
  g_autoptr (GArray) talks = NULL;
  g_autoptr (icalcomponent) calendar = NULL;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (bookmarks == NULL || HALLWAY_IS_BOOKMARKS (bookmarks), NULL);
  g_return_val_if_fail (sequences == NULL || HALLWAY_IS_EXPORT_SEQUENCES (sequences), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hallway_ical_make_errors_recoverable ();
  talks = collect_talks (conference, keys, bookmarks);
  if (talks->len == 0)
    {
      /* RFC 5545: a calendar holds at least one component. */
      g_set_error_literal (error, HALLWAY_ICAL_EXPORT_ERROR,
                           HALLWAY_ICAL_EXPORT_ERROR_NOTHING_TO_EXPORT,
                           _("There are no talks to export."));
      return NULL;
    }

  exporter.conference = conference;
  exporter.sequences = sequences;
  exporter.alarm_minutes = alarm_minutes;
  exporter.now = g_date_time_new_now_utc ();
  export_zone_init (&exporter.zone, conference);

  calendar = new_calendar (conference, calendar_name);
  if (exporter.zone.vtimezone != NULL)
    {
      truncate_to_talks (exporter.zone.vtimezone, talks);
      icalcomponent_add_component (calendar, g_steal_pointer (&exporter.zone.vtimezone));
    }
  for (guint i = 0; i < talks->len; i++)
    icalcomponent_add_component (calendar,
                                 new_vevent (&exporter, &g_array_index (talks, ExportTalk, i)));
  return calendar_text (calendar);
}
