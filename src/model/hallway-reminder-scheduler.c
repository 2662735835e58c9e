/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-reminder-scheduler"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-file.h"
#include "hallway-json.h"
#include "hallway-state-file.h"
#include "hallway-reminder-scheduler.h"

/* The format version this code writes; a file with a higher one is neither read nor
 * overwritten. */
#define FORMAT_VERSION 1

/* With lead 0 a reminder is due at the very start: give it the talk's first minute, so a
 * timer that fires a moment late still shows it. */
#define MIN_WINDOW G_TIME_SPAN_MINUTE

#define TITLE_MAX_CHARS 60

/* ---- HallwayReminder --------------------------------------------------------------- */

HallwayReminder *
hallway_reminder_copy (const HallwayReminder *reminder)
{
  HallwayReminder *copy = g_new0 (HallwayReminder, 1);

  copy->key = g_strdup (reminder->key);
  copy->title = g_strdup (reminder->title);
  copy->room = g_strdup (reminder->room);
  copy->start = g_date_time_ref (reminder->start);
  copy->end = g_date_time_ref (reminder->end);
  copy->due = g_date_time_ref (reminder->due);
  copy->snoozed = reminder->snoozed;
  return copy;
}

void
hallway_reminder_free (HallwayReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->room);
  g_clear_pointer (&reminder->start, g_date_time_unref);
  g_clear_pointer (&reminder->end, g_date_time_unref);
  g_clear_pointer (&reminder->due, g_date_time_unref);
  g_free (reminder);
}

G_DEFINE_BOXED_TYPE (HallwayReminder, hallway_reminder,
                     hallway_reminder_copy, hallway_reminder_free)

/* ---- the scheduler ----------------------------------------------------------------- */

/* A reminder that was shown: the start it was shown for, and a pending snooze. */
typedef struct
{
  GDateTime *start;
  GDateTime *snoozed_until;   /* NULL unless snoozed */
} Record;

struct _HallwayReminderScheduler
{
  GObject parent_instance;

  GFile *file;                /* NULL: nothing persisted */
  HallwayConference *conference;
  HallwayBookmarks *bookmarks;
  gulong bookmarks_handler;
  int lead_minutes;
  GHashTable *records;        /* key → Record */

  gboolean save_blocked;      /* the file comes from a newer Hallway */
  char *recovered;            /* the last load set a damaged file aside: what to tell */
  gboolean saving;
  gboolean save_again;        /* changed while a write ran */
};

G_DEFINE_FINAL_TYPE (HallwayReminderScheduler, hallway_reminder_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEAD_MINUTES,
  PROP_SAVING,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_REMINDER_DUE,
  SIGNAL_REMINDER_WITHDRAWN,
  SIGNAL_WAKEUP_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
record_free (Record *record)
{
  g_clear_pointer (&record->start, g_date_time_unref);
  g_clear_pointer (&record->snoozed_until, g_date_time_unref);
  g_free (record);
}

static Record *
record_new (GDateTime *start, GDateTime *snoozed_until)
{
  Record *record = g_new0 (Record, 1);

  record->start = g_date_time_ref (start);
  record->snoozed_until = snoozed_until != NULL ? g_date_time_ref (snoozed_until) : NULL;
  return record;
}

static GHashTable *
record_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) record_free);
}

/* ---- the talks -------------------------------------------------------------------- */

/* What a reminder needs of a talk; borrowed from the event or the bookmark's snapshot. */
typedef struct
{
  const char *key;
  const char *title;
  const char *room;
  GDateTime *start;
  GDateTime *end;
} Talk;

static void
talk_from_schedule (Talk *talk, HallwayTalk *event)
{
  talk->title = hallway_talk_get_title (event);
  talk->room = hallway_talk_get_room_name (event);
  talk->start = hallway_talk_get_start (event);
  talk->end = hallway_talk_get_end (event);
}

/* A cancelled bookmark wins over the conference: the bookmarks are updated from a new
 * version before the app hands that version over. A talk missing from the conference is
 * cancelled too; without a conference the snapshot stands in. */
static gboolean
lookup_talk (HallwayReminderScheduler *self, const char *key, Talk *talk)
{
  HallwayTalk *event;

  talk->key = key;
  if (self->bookmarks == NULL || !hallway_bookmarks_contains (self->bookmarks, key) ||
      hallway_bookmarks_is_cancelled (self->bookmarks, key))
    return FALSE;
  if (self->conference == NULL)
    return hallway_bookmarks_get_snapshot (self->bookmarks, key, &talk->title, &talk->start,
                                           &talk->end, &talk->room);
  event = hallway_conference_lookup_talk (self->conference, key);
  if (event == NULL)
    return FALSE;
  talk_from_schedule (talk, event);
  return TRUE;
}

static gboolean
reminders_off (HallwayReminderScheduler *self)
{
  return self->lead_minutes < 0;
}

/* When the talk's reminder may be shown: [due, until). FALSE when none is armed. */
static gboolean
armed_window (HallwayReminderScheduler *self, const Talk *talk, GDateTime **due,
              GDateTime **until, gboolean *snoozed)
{
  Record *record = g_hash_table_lookup (self->records, talk->key);
  g_autoptr (GDateTime) earliest_until = NULL;

  if (reminders_off (self))
    return FALSE;
  if (record != NULL && record->snoozed_until != NULL)
    {
      *due = g_date_time_ref (record->snoozed_until);
      *until = g_date_time_ref (talk->end);
      *snoozed = TRUE;
      return TRUE;
    }
  if (record != NULL)
    return FALSE;
  *due = g_date_time_add_minutes (talk->start, -self->lead_minutes);
  earliest_until = g_date_time_add (*due, MIN_WINDOW);
  *until = g_date_time_ref (g_date_time_compare (talk->start, earliest_until) > 0 ? talk->start
                                                                                : earliest_until);
  *snoozed = FALSE;
  return TRUE;
}

static gboolean
is_due (GDateTime *due, GDateTime *until, GDateTime *now)
{
  return g_date_time_compare (now, due) >= 0 && g_date_time_compare (now, until) < 0;
}

static HallwayReminder *
reminder_new (const Talk *talk, GDateTime *due, gboolean snoozed)
{
  HallwayReminder *reminder = g_new0 (HallwayReminder, 1);

  reminder->key = g_strdup (talk->key);
  reminder->title = g_strdup (talk->title);
  reminder->room = g_strdup (talk->room);
  reminder->start = g_date_time_ref (talk->start);
  reminder->end = g_date_time_ref (talk->end);
  reminder->due = g_date_time_ref (due);
  reminder->snoozed = snoozed;
  return reminder;
}

/* Calls `visit` for every armed reminder of a bookmarked talk. */
typedef void (*ArmedVisitor) (const Talk *talk, GDateTime *due, GDateTime *until,
                              gboolean snoozed, gpointer user_data);

static void
foreach_armed (HallwayReminderScheduler *self, ArmedVisitor visit, gpointer user_data)
{
  g_auto (GStrv) keys = NULL;

  if (self->bookmarks == NULL || reminders_off (self))
    return;
  keys = hallway_bookmarks_dup_keys (self->bookmarks);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      Talk talk;
      g_autoptr (GDateTime) due = NULL;
      g_autoptr (GDateTime) until = NULL;
      gboolean snoozed = FALSE;

      if (lookup_talk (self, keys[i], &talk) &&
          armed_window (self, &talk, &due, &until, &snoozed))
        visit (&talk, due, until, snoozed, user_data);
    }
}

/* ---- the state file ---------------------------------------------------------------- */

static void
add_record_object (JsonBuilder *builder, const char *key, Record *record)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  hallway_json_add_time (builder, "start", record->start);
  if (record->snoozed_until != NULL)
    hallway_json_add_time (builder, "snoozed-until", record->snoozed_until);
  json_builder_end_object (builder);
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GBytes *
serialize (HallwayReminderScheduler *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) keys = g_hash_table_get_keys_as_ptr_array (self->records);

  /* Sorted, so the file only changes when the state does. */
  g_ptr_array_sort (keys, compare_keys);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "shown");
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    add_record_object (builder, g_ptr_array_index (keys, i),
                       g_hash_table_lookup (self->records, g_ptr_array_index (keys, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return hallway_json_builder_to_bytes (builder);
}

/* An entry without key or start is skipped: at worst a reminder shows twice. */
static void
read_record (GHashTable *records, JsonNode *node)
{
  JsonObject *object;
  const char *key;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) snoozed_until = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  key = hallway_json_string_member (object, "key");
  start = hallway_json_time_member (object, "start");
  snoozed_until = hallway_json_time_member (object, "snoozed-until");
  if (key != NULL && *key != '\0' && start != NULL)
    g_hash_table_replace (records, g_strdup (key), record_new (start, snoozed_until));
}

/* Damaged: G_IO_ERROR_INVALID_DATA; newer: G_IO_ERROR_NOT_SUPPORTED, as before the state
 * file did this. */
static HallwayStateFormat
state_format (void)
{
  return (HallwayStateFormat) { HALLWAY_STATE_FILE_REMINDERS, FORMAT_VERSION, G_IO_ERROR,
                                G_IO_ERROR_INVALID_DATA, G_IO_ERROR_NOT_SUPPORTED };
}

/* A HallwayStateReadFunc: a missing or odd "shown" is no record, at worst a reminder shows
 * twice. */
static gboolean
read_records (JsonObject *root, gpointer records, GError **error)
{
  JsonNode *shown = json_object_get_member (root, "shown");

  if (shown != NULL && JSON_NODE_HOLDS_ARRAY (shown))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (shown)); i++)
      read_record (records, json_array_get_element (json_node_get_array (shown), i));
  return TRUE;
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
write_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  WriteJob *job = data;
  GError *error = NULL;

  if (hallway_state_file_write (job->file, job->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_saving (HallwayReminderScheduler *self, gboolean saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void start_write (HallwayReminderScheduler *self);

/* A failed write costs at most a duplicate reminder after a restart: warn and go on. */
static void
on_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayReminderScheduler) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      g_warning ("Could not save the reminders state to %s: %s", name, error->message);
    }
  if (self->save_again)
    start_write (self);
  else
    set_saving (self, FALSE);
}

/* The content is taken when the write starts; changes meanwhile are written after it, so
 * two writes never race. The scheduler is not the task's source object: the worker thread
 * may drop the task last, and the scheduler must only ever be finalized on the main
 * thread, where on_written() lets it go. */
static void
start_write (HallwayReminderScheduler *self)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, on_written, g_object_ref (self));
  WriteJob *job = g_new0 (WriteJob, 1);

  job->file = g_object_ref (self->file);
  job->bytes = serialize (self);
  self->save_again = FALSE;
  set_saving (self, TRUE);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

static void
save_state (HallwayReminderScheduler *self)
{
  if (self->file == NULL || self->save_blocked)
    return;
  if (self->saving)
    self->save_again = TRUE;
  else
    start_write (self);
}

/* A missing file is no record; a damaged one (or far too big) is set aside, and the message
 * kept for hallway_reminder_scheduler_get_recovered_message(); a newer or unreadable one, or
 * a damaged one that could not be moved, is left alone and not replaced by saves. */
gboolean
hallway_reminder_scheduler_load (HallwayReminderScheduler *self, GError **error)
{
  HallwayStateFormat format = state_format ();
  g_autoptr (GHashTable) records = record_table_new ();
  g_autoptr (GError) local_error = NULL;
  HallwayStateFileOutcome outcome;

  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->save_blocked = FALSE;
  g_clear_pointer (&self->recovered, g_free);
  if (self->file == NULL)
    return TRUE;
  outcome = hallway_state_file_load (&format, self->file, read_records, records, &local_error);
  g_hash_table_unref (self->records);
  self->records = outcome == HALLWAY_STATE_FILE_READ ? g_steal_pointer (&records)
                                                     : record_table_new ();
  g_signal_emit (self, signals[SIGNAL_WAKEUP_CHANGED], 0);
  self->save_blocked = outcome == HALLWAY_STATE_FILE_BLOCKED;
  if (outcome == HALLWAY_STATE_FILE_SET_ASIDE)
    self->recovered = g_strdup (local_error->message);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

const char *
hallway_reminder_scheduler_get_recovered_message (HallwayReminderScheduler *self)
{
  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), NULL);
  return self->recovered;
}

/* ---- keeping the records true ------------------------------------------------------ */

/* A shown reminder covers a talk moved by less than the lead: the person is on the way. */
static gboolean
moved_beyond_lead (HallwayReminderScheduler *self, Record *record, const Talk *talk)
{
  g_autoptr (GDateTime) covered_until = g_date_time_add_minutes (record->start,
                                                                 MAX (self->lead_minutes, 0));

  return g_date_time_compare (talk->start, covered_until) > 0;
}

static gboolean
record_is_stale (HallwayReminderScheduler *self, const char *key, Record *record)
{
  Talk talk;

  return !lookup_talk (self, key, &talk) || moved_beyond_lead (self, record, &talk);
}

/* After any change of the talks, the bookmarks or the lead: forget the shown reminders of
 * talks that are gone or moved beyond their lead, and withdraw their notifications. */
static void
reconcile (HallwayReminderScheduler *self)
{
  g_autoptr (GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, record;

  /* Until set_conference() there is nothing to check the loaded records against. */
  if (self->bookmarks == NULL)
    return;
  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, &record))
    if (record_is_stale (self, key, record))
      {
        g_ptr_array_add (stale, g_strdup (key));
        g_hash_table_iter_remove (&iter);
      }
  if (stale->len > 0)
    save_state (self);
  for (guint i = 0; i < stale->len; i++)
    g_signal_emit (self, signals[SIGNAL_REMINDER_WITHDRAWN], 0, g_ptr_array_index (stale, i));
  g_signal_emit (self, signals[SIGNAL_WAKEUP_CHANGED], 0);
}

static void
set_bookmarks (HallwayReminderScheduler *self, HallwayBookmarks *bookmarks)
{
  if (self->bookmarks == bookmarks)
    return;
  if (self->bookmarks != NULL)
    g_clear_signal_handler (&self->bookmarks_handler, self->bookmarks);
  g_set_object (&self->bookmarks, bookmarks);
  self->bookmarks_handler = g_signal_connect_object (bookmarks, "changed", G_CALLBACK (reconcile),
                                                     self, G_CONNECT_SWAPPED);
}

void
hallway_reminder_scheduler_set_conference (HallwayReminderScheduler *self,
                                           HallwayConference        *conference,
                                           HallwayBookmarks         *bookmarks)
{
  g_return_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (conference == NULL || HALLWAY_IS_CONFERENCE (conference));
  g_return_if_fail (HALLWAY_IS_BOOKMARKS (bookmarks));

  g_set_object (&self->conference, conference);
  set_bookmarks (self, bookmarks);
  reconcile (self);
}

/* A new version of the same conference: reminders follow their talks, the bookmarks stay. */
void
hallway_reminder_scheduler_replace_conference (HallwayReminderScheduler *self,
                                               HallwayConference        *conference)
{
  g_return_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (HALLWAY_IS_CONFERENCE (conference));
  g_return_if_fail (self->bookmarks != NULL);

  g_set_object (&self->conference, conference);
  reconcile (self);
}

void
hallway_reminder_scheduler_set_lead_minutes (HallwayReminderScheduler *self, int minutes)
{
  g_return_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (minutes >= HALLWAY_REMINDER_LEAD_OFF);

  if (self->lead_minutes == minutes)
    return;
  self->lead_minutes = minutes;
  reconcile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_MINUTES]);
}

int
hallway_reminder_scheduler_get_lead_minutes (HallwayReminderScheduler *self)
{
  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), HALLWAY_REMINDER_LEAD_OFF);
  return self->lead_minutes;
}

/* ---- asking and ticking ------------------------------------------------------------ */

typedef struct
{
  GDateTime *now;
  GDateTime *earliest;
} WakeupSearch;

static void
consider_wakeup (const Talk *talk, GDateTime *due, GDateTime *until, gboolean snoozed,
                 gpointer user_data)
{
  WakeupSearch *search = user_data;

  if (g_date_time_compare (search->now, until) >= 0)
    return;
  if (search->earliest == NULL || g_date_time_compare (due, search->earliest) < 0)
    {
      g_clear_pointer (&search->earliest, g_date_time_unref);
      search->earliest = g_date_time_ref (due);
    }
}

GDateTime *
hallway_reminder_scheduler_get_next_wakeup (HallwayReminderScheduler *self, GDateTime *now)
{
  WakeupSearch search = { now, NULL };

  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  foreach_armed (self, consider_wakeup, &search);
  return search.earliest;
}

GDateTime *
hallway_reminder_scheduler_dup_due_time (HallwayReminderScheduler *self, const char *key)
{
  Talk talk;
  GDateTime *due = NULL;
  g_autoptr (GDateTime) until = NULL;
  gboolean snoozed;

  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!lookup_talk (self, key, &talk) || !armed_window (self, &talk, &due, &until, &snoozed))
    return NULL;
  return due;
}

gboolean
hallway_reminder_scheduler_was_shown (HallwayReminderScheduler *self, const char *key)
{
  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return g_hash_table_contains (self->records, key);
}

typedef struct
{
  GDateTime *now;
  GPtrArray *due;   /* HallwayReminder */
} DueSearch;

static void
collect_if_due (const Talk *talk, GDateTime *due, GDateTime *until, gboolean snoozed,
                gpointer user_data)
{
  DueSearch *search = user_data;

  if (is_due (due, until, search->now))
    g_ptr_array_add (search->due, reminder_new (talk, due, snoozed));
}

static int
compare_reminders (gconstpointer a, gconstpointer b)
{
  const HallwayReminder *first = *(const HallwayReminder **) a;
  const HallwayReminder *second = *(const HallwayReminder **) b;
  int order = g_date_time_compare (first->start, second->start);

  return order != 0 ? order : strcmp (first->key, second->key);
}

/* Records first and signals last, so a handler may call back (snooze, say) safely. */
guint
hallway_reminder_scheduler_tick (HallwayReminderScheduler *self, GDateTime *now)
{
  g_autoptr (GPtrArray) due =
    g_ptr_array_new_with_free_func ((GDestroyNotify) hallway_reminder_free);
  DueSearch search = { now, due };

  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  foreach_armed (self, collect_if_due, &search);
  g_ptr_array_sort (due, compare_reminders);
  for (guint i = 0; i < due->len; i++)
    {
      HallwayReminder *reminder = g_ptr_array_index (due, i);

      g_hash_table_replace (self->records, g_strdup (reminder->key),
                            record_new (reminder->start, NULL));
    }
  if (due->len > 0)
    save_state (self);
  for (guint i = 0; i < due->len; i++)
    g_signal_emit (self, signals[SIGNAL_REMINDER_DUE], 0, g_ptr_array_index (due, i));
  return due->len;
}

/* Snoozing counts as having seen the reminder, even if tick() never showed it. */
gboolean
hallway_reminder_scheduler_snooze (HallwayReminderScheduler *self,
                                   const char               *key,
                                   GDateTime                *now,
                                   int                       minutes)
{
  Talk talk;
  g_autoptr (GDateTime) until = NULL;

  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (minutes >= 0, FALSE);

  until = g_date_time_add_minutes (now, minutes);
  if (reminders_off (self) || !lookup_talk (self, key, &talk) ||
      g_date_time_compare (until, talk.end) >= 0)
    return FALSE;
  g_hash_table_replace (self->records, g_strdup (key), record_new (talk.start, until));
  save_state (self);
  g_signal_emit (self, signals[SIGNAL_WAKEUP_CHANGED], 0);
  return TRUE;
}

gboolean
hallway_reminder_scheduler_get_saving (HallwayReminderScheduler *self)
{
  g_return_val_if_fail (HALLWAY_IS_REMINDER_SCHEDULER (self), FALSE);
  return self->saving;
}

/* ---- texts ------------------------------------------------------------------------- */

static char *
format_clock (GDateTime *time, GTimeZone *display_zone, gboolean with_weekday)
{
  g_autoptr (GDateTime) shown = display_zone != NULL ? g_date_time_to_timezone (time, display_zone)
                                                     : g_date_time_ref (time);

  /* Translators: a weekday and a time, as in "Sun 14:30"; see g_date_time_format () */
  return g_date_time_format (shown, with_weekday ? _("%a %H:%M") : "%H:%M");
}

static gboolean
same_day (GDateTime *a, GDateTime *b, GTimeZone *display_zone)
{
  g_autoptr (GDateTime) shown_a = display_zone != NULL ? g_date_time_to_timezone (a, display_zone)
                                                       : g_date_time_ref (a);
  g_autoptr (GDateTime) shown_b = display_zone != NULL ? g_date_time_to_timezone (b, display_zone)
                                                       : g_date_time_ref (b);

  return g_date_time_get_year (shown_a) == g_date_time_get_year (shown_b) &&
         g_date_time_get_day_of_year (shown_a) == g_date_time_get_day_of_year (shown_b);
}

static gboolean
is_trailing_junk (gunichar c)
{
  return g_unichar_isspace (c) || (c < 0x80 && strchr (",;:-(/", (int) c) != NULL) ||
         c == 0x2013 /* – */ || c == 0x2014 /* — */;
}

/* At most TITLE_MAX_CHARS characters, cut at a word boundary when one is in the second
 * half, without a dangling comma or colon before the ellipsis. */
static char *
shorten_title (const char *title)
{
  const char *cut;
  const char *space;
  const char *half;

  if (title == NULL || *title == '\0')
    return g_strdup (_("Untitled talk"));
  if (g_utf8_strlen (title, -1) <= TITLE_MAX_CHARS)
    return g_strdup (title);
  cut = g_utf8_offset_to_pointer (title, TITLE_MAX_CHARS - 1);
  half = g_utf8_offset_to_pointer (title, TITLE_MAX_CHARS / 2);
  space = g_utf8_strrchr (half, cut - half, ' ');
  if (space != NULL && !g_unichar_isspace (g_utf8_get_char (cut)))
    cut = space;
  while (cut > title && is_trailing_junk (g_utf8_get_char (g_utf8_prev_char (cut))))
    cut = g_utf8_prev_char (cut);
  return g_strdup_printf ("%.*s…", (int) (cut - title), title);
}

/* Parts joined by " · ", skipping missing ones. */
static char *
join_parts (const char *first, const char *second, const char *third)
{
  const char *parts[] = { first, second, third };
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) present = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  present = g_strv_builder_end (builder);
  return g_strjoinv (" · ", present);
}

static char *
describe_when (GDateTime *start, GDateTime *now, GTimeZone *display_zone)
{
  GTimeSpan left = g_date_time_difference (start, now);
  g_autofree char *clock = NULL;
  int minutes;

  if (left > 0)
    {
      minutes = (int) ((left + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d minute", "In %d minutes",
                                           minutes), minutes);
    }
  if (-left < G_TIME_SPAN_MINUTE)
    /* Translators: a talk starting now, in a reminder: "Now · AW1.120 · Title" */
    return g_strdup (_("Now"));
  clock = format_clock (start, display_zone, FALSE);
  /* Translators: a snoozed reminder after the talk began; %s is a time, as in 14:30 */
  return g_strdup_printf (_("Started at %s"), clock);
}

char *
hallway_reminder_scheduler_format_summary (const char *title)
{
  return shorten_title (title);
}

char *
hallway_reminder_scheduler_format_body (const char *room,
                                        GDateTime  *start,
                                        GDateTime  *now,
                                        GTimeZone  *display_zone)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  when = describe_when (start, now, display_zone);
  return join_parts (when, room, NULL);
}

static char *
describe_move (HallwayTalk *old_talk, HallwayTalk *new_talk, HallwayChangedFields fields,
               GTimeZone *display_zone)
{
  GDateTime *start = hallway_talk_get_start (new_talk);
  const char *room = hallway_talk_get_room_name (new_talk);
  gboolean new_day = !same_day (hallway_talk_get_start (old_talk), start, display_zone);
  g_autofree char *clock = format_clock (start, display_zone, new_day);
  g_autofree char *end = NULL;
  gboolean new_time = (fields & HALLWAY_CHANGED_START) != 0;
  gboolean new_room = (fields & HALLWAY_CHANGED_ROOM) != 0 && room != NULL && *room != '\0';

  if (new_time && new_room)
    /* Translators: a bookmarked talk moved; a time ("14:30" or "Sun 14:30"), then a room */
    return g_strdup_printf (_("Moved to %s, %s"), clock, room);
  if (new_time)
    /* Translators: a bookmarked talk moved; %s is a time ("14:30" or "Sun 14:30") */
    return g_strdup_printf (C_("new time", "Moved to %s"), clock);
  if (new_room)
    /* Translators: a bookmarked talk moved; %s is a room */
    return g_strdup_printf (C_("new room", "Moved to %s"), room);
  if ((fields & HALLWAY_CHANGED_END) == 0)
    /* The room was dropped: say where it is in time, at least. */
    return g_strdup_printf (C_("new time", "Moved to %s"), clock);
  end = format_clock (hallway_talk_get_end (new_talk), display_zone, FALSE);
  /* Translators: a bookmarked talk got longer or shorter; %s is a time, as in 15:10 */
  return g_strdup_printf (_("Now ends at %s"), end);
}

char *
hallway_reminder_scheduler_describe_change (HallwayScheduleChange *change,
                                            GTimeZone             *display_zone)
{
  HallwayTalk *old_talk;
  HallwayTalk *new_talk;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (change), NULL);

  old_talk = hallway_schedule_change_get_old_talk (change);
  new_talk = hallway_schedule_change_get_new_talk (change);
  switch (hallway_schedule_change_get_kind (change))
    {
    case HALLWAY_CHANGE_REMOVED:
      /* Translators: a bookmarked talk was removed from the schedule */
      what = g_strdup (_("Cancelled"));
      title = shorten_title (hallway_talk_get_title (old_talk));
      break;
    case HALLWAY_CHANGE_MOVED:
      what = describe_move (old_talk, new_talk, hallway_schedule_change_get_fields (change),
                            display_zone);
      title = shorten_title (hallway_talk_get_title (new_talk));
      break;
    case HALLWAY_CHANGE_ADDED:
    case HALLWAY_CHANGE_CHANGED:
    default:
      return NULL;
    }
  return join_parts (what, title, NULL);
}

/* ---- the object -------------------------------------------------------------------- */

static void
hallway_reminder_scheduler_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  HallwayReminderScheduler *self = HALLWAY_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_LEAD_MINUTES:
      g_value_set_int (value, self->lead_minutes);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_reminder_scheduler_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  HallwayReminderScheduler *self = HALLWAY_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_LEAD_MINUTES:
      hallway_reminder_scheduler_set_lead_minutes (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_reminder_scheduler_dispose (GObject *object)
{
  HallwayReminderScheduler *self = HALLWAY_REMINDER_SCHEDULER (object);

  if (self->bookmarks != NULL)
    g_clear_signal_handler (&self->bookmarks_handler, self->bookmarks);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->conference);
  G_OBJECT_CLASS (hallway_reminder_scheduler_parent_class)->dispose (object);
}

static void
hallway_reminder_scheduler_finalize (GObject *object)
{
  HallwayReminderScheduler *self = HALLWAY_REMINDER_SCHEDULER (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_free (self->recovered);
  G_OBJECT_CLASS (hallway_reminder_scheduler_parent_class)->finalize (object);
}

static void
hallway_reminder_scheduler_class_init (HallwayReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hallway_reminder_scheduler_get_property;
  object_class->set_property = hallway_reminder_scheduler_set_property;
  object_class->dispose = hallway_reminder_scheduler_dispose;
  object_class->finalize = hallway_reminder_scheduler_finalize;

  properties[PROP_LEAD_MINUTES] =
    g_param_spec_int ("lead-minutes", NULL, NULL, HALLWAY_REMINDER_LEAD_OFF, 24 * 60,
                      HALLWAY_REMINDER_LEAD_DEFAULT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_REMINDER_DUE] =
    g_signal_new ("reminder-due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, HALLWAY_TYPE_REMINDER);
  signals[SIGNAL_REMINDER_WITHDRAWN] =
    g_signal_new ("reminder-withdrawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_WAKEUP_CHANGED] =
    g_signal_new ("wakeup-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
hallway_reminder_scheduler_init (HallwayReminderScheduler *self)
{
  self->lead_minutes = HALLWAY_REMINDER_LEAD_DEFAULT;
  self->records = record_table_new ();
}

HallwayReminderScheduler *
hallway_reminder_scheduler_new (GFile *state_file)
{
  HallwayReminderScheduler *self;

  g_return_val_if_fail (state_file == NULL || G_IS_FILE (state_file), NULL);

  self = g_object_new (HALLWAY_TYPE_REMINDER_SCHEDULER, NULL);
  self->file = state_file != NULL ? g_object_ref (state_file) : NULL;
  return self;
}
