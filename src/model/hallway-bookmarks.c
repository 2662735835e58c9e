/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-bookmarks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-file.h"
#include "hallway-file-lock.h"
#include "hallway-json.h"
#include "hallway-save-queue.h"
#include "hallway-state-file.h"

/* The format version this code writes. A file with a higher one comes from a newer
 * Hallway: it is neither read nor overwritten, so going back a version loses nothing. */
#define FORMAT_VERSION 1

G_DEFINE_QUARK (hallway-bookmarks-error-quark, hallway_bookmarks_error)

/* By value: the error quark is only known at run time. */
static HallwayStateFormat
state_format (void)
{
  return (HallwayStateFormat) { HALLWAY_STATE_FILE_BOOKMARKS, FORMAT_VERSION,
                                HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT,
                                HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION };
}

typedef struct
{
  char *key;
  char *title;
  char *room;
  GDateTime *start;
  GDateTime *end;
  GDateTime *added;
  gboolean cancelled;
  gboolean backup;   /* a second choice for its slot: not counted as an overlap */
} Bookmark;

struct _HallwayBookmarks
{
  GObject parent_instance;

  GFile *file;
  GHashTable *bookmarks;   /* key → Bookmark */
  GHashTable *hidden_tracks;  /* names of the tracks the person hid from the schedule */
  GError *save_blocker;    /* set while the file on disk must not be replaced */
  char *recovered;         /* the last load set a damaged file aside: what to tell the person */
  HallwaySaveQueue *saves;
  /* What this instance changed since its set last matched the file: a save applies only
   * these to the file as it is then, so another Hallway's changes survive. */
  GHashTable *changes;        /* key → Change */
  GHashTable *track_changes;  /* track name → TRACK_HIDDEN or TRACK_SHOWN */
  GQueue writes;              /* SaveJob, not owned: taken, not yet done, oldest first */
  guint64 taken_order;        /* the write order of the file state the set was last given */
  gboolean autosave;
  guint autosave_id;          /* the idle that saves a burst of changes at once */
  GApplication *autosave_hold; /* held from a change until its save is done */
};

G_DEFINE_FINAL_TYPE (HallwayBookmarks, hallway_bookmarks, G_TYPE_OBJECT)

enum {
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* ---- one bookmark ------------------------------------------------------------------ */

static void
bookmark_free (Bookmark *bookmark)
{
  g_free (bookmark->key);
  g_free (bookmark->title);
  g_free (bookmark->room);
  g_clear_pointer (&bookmark->start, g_date_time_unref);
  g_clear_pointer (&bookmark->end, g_date_time_unref);
  g_clear_pointer (&bookmark->added, g_date_time_unref);
  g_free (bookmark);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bookmark, bookmark_free)

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static Bookmark *
bookmark_copy (const Bookmark *bookmark)
{
  Bookmark *copy = g_memdup2 (bookmark, sizeof *bookmark);

  copy->key = g_strdup (bookmark->key);
  copy->title = g_strdup (bookmark->title);
  copy->room = g_strdup (bookmark->room);
  copy->start = ref_time (bookmark->start);
  copy->end = ref_time (bookmark->end);
  copy->added = ref_time (bookmark->added);
  return copy;
}

static gboolean
times_equal (GDateTime *a, GDateTime *b)
{
  return a == b || (a != NULL && b != NULL && g_date_time_equal (a, b));
}

static gboolean
bookmark_equal (const Bookmark *a, const Bookmark *b)
{
  return g_str_equal (a->key, b->key) && g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->room, b->room) == 0 && times_equal (a->start, b->start) &&
         times_equal (a->end, b->end) && times_equal (a->added, b->added) &&
         a->cancelled == b->cancelled && a->backup == b->backup;
}

static GHashTable *
bookmark_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bookmark_free);
}

/* Each replace_* returns whether the value really changed, so "changed" is only emitted
 * when something did. */
static gboolean
replace_text (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
replace_time (GDateTime **field, GDateTime *value)
{
  gboolean changed = *field == NULL || value == NULL || !g_date_time_equal (*field, value);

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  return changed;
}

static gboolean
replace_cancelled (Bookmark *bookmark, gboolean cancelled)
{
  if (bookmark->cancelled == cancelled)
    return FALSE;
  bookmark->cancelled = cancelled;
  return TRUE;
}

/* The talk is in the current schedule: take its details and clear any cancellation. */
static gboolean
bookmark_take_snapshot (Bookmark *bookmark, HallwayTalk *talk)
{
  gboolean changed = FALSE;

  changed |= replace_text (&bookmark->title, hallway_talk_get_title (talk));
  changed |= replace_text (&bookmark->room, hallway_talk_get_room_name (talk));
  changed |= replace_time (&bookmark->start, hallway_talk_get_start (talk));
  changed |= replace_time (&bookmark->end, hallway_talk_get_end (talk));
  changed |= replace_cancelled (bookmark, FALSE);
  return changed;
}

static Bookmark *
bookmark_new_for_talk (HallwayTalk *talk)
{
  Bookmark *bookmark = g_new0 (Bookmark, 1);

  bookmark->key = g_strdup (hallway_talk_get_key (talk));
  bookmark->added = g_date_time_new_now_utc ();
  bookmark_take_snapshot (bookmark, talk);
  return bookmark;
}

/* Schedule order, then key, so the file and dup_keys() are deterministic. */
static int
compare_bookmarks (gconstpointer a, gconstpointer b)
{
  const Bookmark *first = *(const Bookmark **) a;
  const Bookmark *second = *(const Bookmark **) b;
  int order = g_date_time_compare (first->start, second->start);

  return order != 0 ? order : strcmp (first->key, second->key);
}

static GPtrArray *
sorted_bookmarks (GHashTable *bookmarks)
{
  GPtrArray *sorted = g_hash_table_get_values_as_ptr_array (bookmarks);

  g_ptr_array_sort (sorted, compare_bookmarks);
  return sorted;
}

/* ---- the JSON file ----------------------------------------------------------------- */

static void
add_bookmark_object (JsonBuilder *builder, Bookmark *bookmark)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, bookmark->key);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, bookmark->title);
  hallway_json_add_time (builder, "start", bookmark->start);
  hallway_json_add_time (builder, "end", bookmark->end);
  json_builder_set_member_name (builder, "room");
  json_builder_add_string_value (builder, bookmark->room);
  json_builder_set_member_name (builder, "cancelled");
  json_builder_add_boolean_value (builder, bookmark->cancelled);
  json_builder_set_member_name (builder, "backup");
  json_builder_add_boolean_value (builder, bookmark->backup);
  hallway_json_add_time (builder, "added", bookmark->added);
  json_builder_end_object (builder);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* "hidden_tracks": version 1 readers without it see every track, which is safe. */
static void
add_hidden_tracks (JsonBuilder *builder, GHashTable *hidden_tracks)
{
  g_autoptr (GPtrArray) names = g_hash_table_get_keys_as_ptr_array (hidden_tracks);

  g_ptr_array_sort (names, compare_names);
  json_builder_set_member_name (builder, "hidden_tracks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < names->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (names, i));
  json_builder_end_array (builder);
}

static GHashTable *
read_hidden_tracks (JsonObject *root)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (root, "hidden_tracks");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (json_node_get_value_type (item) == G_TYPE_STRING)
            g_hash_table_add (names, g_strdup (json_node_get_string (item)));
        }
    }
  return names;
}

static GBytes *
serialize (GHashTable *bookmarks, GHashTable *hidden_tracks)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) sorted = sorted_bookmarks (bookmarks);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "bookmarks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sorted->len; i++)
    add_bookmark_object (builder, g_ptr_array_index (sorted, i));
  json_builder_end_array (builder);
  add_hidden_tracks (builder, hidden_tracks);
  json_builder_end_object (builder);
  return hallway_json_builder_to_bytes (builder);
}

/* Key, start and end are required: without them a bookmark can neither be matched nor
 * shown. Title and room may be missing; "added" falls back to now. */
static Bookmark *
bookmark_from_json (JsonNode *node)
{
  g_autoptr (Bookmark) bookmark = g_new0 (Bookmark, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  bookmark->key = g_strdup (hallway_json_string_member (object, "key"));
  bookmark->title = g_strdup (hallway_json_string_member (object, "title"));
  bookmark->room = g_strdup (hallway_json_string_member (object, "room"));
  bookmark->start = hallway_json_time_member (object, "start");
  bookmark->end = hallway_json_time_member (object, "end");
  bookmark->added = hallway_json_time_member (object, "added");
  bookmark->cancelled = hallway_json_boolean_member (object, "cancelled", FALSE);
  bookmark->backup = hallway_json_boolean_member (object, "backup", FALSE);
  if (bookmark->key == NULL || *bookmark->key == '\0' ||
      bookmark->start == NULL || bookmark->end == NULL)
    return NULL;
  if (bookmark->added == NULL)
    bookmark->added = g_date_time_new_now_utc ();
  return g_steal_pointer (&bookmark);
}

/* One pass, one hash insertion per entry. An entry that cannot be read is left out and
 * counted in *dropped, the first one described in *first_dropped: the others are kept. */
static GHashTable *
read_bookmark_array (JsonArray *array, guint *dropped, char **first_dropped)
{
  g_autoptr (GHashTable) table = bookmark_table_new ();
  guint n_elements = json_array_get_length (array);

  for (guint i = 0; i < n_elements; i++)
    {
      Bookmark *bookmark = bookmark_from_json (json_array_get_element (array, i));

      if (bookmark == NULL)
        {
          if ((*dropped)++ == 0)
            *first_dropped = g_strdup_printf (_("bookmark %u has no key or no valid start "
                                                "and end"), i + 1);
          continue;
        }
      g_hash_table_replace (table, bookmark->key, bookmark);
    }
  return g_steal_pointer (&table);
}

/* What one read of the file found: the bookmarks that can be read, the hidden tracks, and
 * how many entries were left out (the first one described). */
typedef struct
{
  GHashTable *table;
  GHashTable *hidden_tracks;
  guint dropped;
  char *first_dropped;
} FileContent;

static void
file_content_clear (FileContent *content)
{
  g_clear_pointer (&content->table, g_hash_table_unref);
  g_clear_pointer (&content->hidden_tracks, g_hash_table_unref);
  g_clear_pointer (&content->first_dropped, g_free);
}

/* A HallwayStateReadFunc. The messages set here are details; the state file names the
 * file. */
static gboolean
read_root (JsonObject *root, gpointer user_data, GError **error)
{
  FileContent *content = user_data;
  JsonNode *array = json_object_get_member (root, "bookmarks");

  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      g_set_error_literal (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT,
                           _("the list of bookmarks is missing"));
      return FALSE;
    }
  content->hidden_tracks = read_hidden_tracks (root);
  content->table = read_bookmark_array (json_node_get_array (array), &content->dropped,
                                        &content->first_dropped);
  return TRUE;
}

static gboolean
parse_contents (const char *contents, gsize length, FileContent *content, GError **error)
{
  HallwayStateFormat format = state_format ();
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object = hallway_state_file_parse (&format, contents, length, &root, error);

  return object != NULL && read_root (object, content, error);
}

/* ---- what this instance changed --------------------------------------------------- */

/* Per key, what this instance did to a bookmark since its set last matched the file. */
typedef enum
{
  CHANGE_ADDED = 1 << 0,     /* bookmarked here: the whole bookmark is this instance's */
  CHANGE_REMOVED = 1 << 1,
  CHANGE_SNAPSHOT = 1 << 2,  /* title, times, room, cancelled */
  CHANGE_BACKUP = 1 << 3,
} Change;

/* Per hidden-track name. */
enum
{
  TRACK_HIDDEN = 1,
  TRACK_SHOWN = 2,
};

static GHashTable *
change_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A later change of one key on top of an earlier one. */
static void
note_change (GHashTable *changes, const char *key, Change change)
{
  gpointer earlier;

  if (!(change & (CHANGE_ADDED | CHANGE_REMOVED)) &&
      g_hash_table_lookup_extended (changes, key, NULL, &earlier))
    change = GPOINTER_TO_UINT (earlier) & CHANGE_ADDED ? CHANGE_ADDED
                                                       : GPOINTER_TO_UINT (earlier) | change;
  g_hash_table_insert (changes, g_strdup (key), GUINT_TO_POINTER (change));
}

static void
note_track_change (GHashTable *track_changes, const char *track, guint hidden_or_shown)
{
  g_hash_table_insert (track_changes, g_strdup (track), GUINT_TO_POINTER (hidden_or_shown));
}

static void
copy_snapshot (Bookmark *to, const Bookmark *from)
{
  replace_text (&to->title, from->title);
  replace_text (&to->room, from->room);
  replace_time (&to->start, from->start);
  replace_time (&to->end, from->end);
  to->cancelled = from->cancelled;
}

/* Applies changes to target, the bookmarks they name taken from source. A bookmark only
 * modified here and removed by the other side stays removed. */
static void
apply_changes (GHashTable *target, GHashTable *changes, GHashTable *source)
{
  GHashTableIter iter;
  const char *key;
  gpointer value;

  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, &value))
    {
      Change change = GPOINTER_TO_UINT (value);
      Bookmark *ours = g_hash_table_lookup (source, key);
      Bookmark *theirs = g_hash_table_lookup (target, key);

      if (change & CHANGE_REMOVED)
        g_hash_table_remove (target, key);
      else if (ours == NULL)
        continue;
      else if (change & CHANGE_ADDED)
        {
          Bookmark *copy = bookmark_copy (ours);

          g_hash_table_replace (target, copy->key, copy);
        }
      else if (theirs != NULL)
        {
          if (change & CHANGE_SNAPSHOT)
            copy_snapshot (theirs, ours);
          if (change & CHANGE_BACKUP)
            theirs->backup = ours->backup;
        }
    }
}

static void
apply_track_changes (GHashTable *hidden_tracks, GHashTable *track_changes)
{
  GHashTableIter iter;
  const char *track;
  gpointer value;

  g_hash_table_iter_init (&iter, track_changes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &track, &value))
    {
      if (GPOINTER_TO_UINT (value) == TRACK_HIDDEN)
        g_hash_table_add (hidden_tracks, g_strdup (track));
      else
        g_hash_table_remove (hidden_tracks, track);
    }
}

static gboolean
same_bookmarks (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  Bookmark *bookmark;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bookmark))
    {
      Bookmark *other = g_hash_table_lookup (b, bookmark->key);

      if (other == NULL || !bookmark_equal (bookmark, other))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_names (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  const char *name;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (b, name))
      return FALSE;
  return TRUE;
}

/* ---- one save: read, merge and write under the lock -------------------------------- */

/* Taken on the main thread when a save starts; the worker touches nothing else. */
typedef struct
{
  GFile *file;
  GHashTable *changes;        /* key → Change: what this save writes */
  GHashTable *changed;        /* key → Bookmark: copies of the changed ones still in the set */
  GHashTable *track_changes;
  /* The result, set by the worker: the file as written, and when it was written. */
  GHashTable *merged;
  GHashTable *merged_tracks;
  guint order;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->changes, g_hash_table_unref);
  g_clear_pointer (&job->changed, g_hash_table_unref);
  g_clear_pointer (&job->track_changes, g_hash_table_unref);
  g_clear_pointer (&job->merged, g_hash_table_unref);
  g_clear_pointer (&job->merged_tracks, g_hash_table_unref);
  g_free (job);
}

/* The changes so far go to this save; the set starts a new list for the next one. */
static SaveJob *
take_save_job (HallwayBookmarks *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);
  GHashTableIter iter;
  const char *key;

  job->file = g_object_ref (self->file);
  job->changes = g_steal_pointer (&self->changes);
  job->track_changes = g_steal_pointer (&self->track_changes);
  self->changes = change_table_new ();
  self->track_changes = change_table_new ();
  job->changed = bookmark_table_new ();
  g_hash_table_iter_init (&iter, job->changes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      Bookmark *bookmark = g_hash_table_lookup (self->bookmarks, key);

      if (bookmark != NULL)
        {
          Bookmark *copy = bookmark_copy (bookmark);

          g_hash_table_replace (job->changed, copy->key, copy);
        }
    }
  g_queue_push_tail (&self->writes, job);
  return job;
}

/* The order in which this process wrote its files, counted under each file's lock: of
 * two results of one set, the later one is the newer state of the file. */
static int write_counter;

/* The file as it is now, as the base of the merge: absent is empty. One that became
 * unreadable or damaged since it was loaded is left alone, and so is a newer one (its
 * error is turned into the message that blocks later saves by the caller). */
static gboolean
read_current (SaveJob *job, GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  FileContent content = { 0 };
  gsize length = 0;

  if (!hallway_file_load_state (job->file, HALLWAY_FILE_STATE_MAX_SIZE, &contents, &length,
                                &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          job->merged = bookmark_table_new ();
          job->merged_tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          return TRUE;
        }
      name = g_file_get_parse_name (job->file);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the bookmarks file “%s” before saving: %s. It is left "
                     "untouched; the latest bookmark changes were not saved."),
                   name, local_error->message);
      return FALSE;
    }
  if (parse_contents (contents, length, &content, &local_error))
    {
      /* Damaged entries are left out silently here: the load counted them. */
      job->merged = g_steal_pointer (&content.table);
      job->merged_tracks = g_steal_pointer (&content.hidden_tracks);
      file_content_clear (&content);
      return TRUE;
    }
  file_content_clear (&content);
  if (g_error_matches (local_error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = g_file_get_parse_name (job->file);
  g_set_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT,
               _("The bookmarks file “%s” was changed by another program and cannot be read "
                 "(%s). It is left untouched; the latest bookmark changes were not saved."),
               name, local_error->message);
  return FALSE;
}

/* Under the lock, so another Hallway never writes between the read and the write: this
 * instance's changes go on top of the file as it is, and what was written is kept in the
 * job for the set. Blocking: for worker threads. */
static gboolean
merge_and_write (SaveJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (HallwayFileLock) lock = hallway_file_lock_acquire (job->file, cancellable, error);
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  if (lock == NULL || !read_current (job, cancellable, error))
    return FALSE;
  apply_changes (job->merged, job->changes, job->changed);
  apply_track_changes (job->merged_tracks, job->track_changes);
  bytes = serialize (job->merged, job->merged_tracks);
  data = g_bytes_get_data (bytes, &length);
  if (!hallway_file_replace (job->file, data, length, cancellable, error))
    return FALSE;
  job->order = (guint) g_atomic_int_add (&write_counter, 1) + 1;
  return TRUE;
}

/* ---- loading ----------------------------------------------------------------------- */

static void
emit_changed (HallwayBookmarks *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
replace_table (HallwayBookmarks *self, GHashTable *table)
{
  gboolean changed = g_hash_table_size (self->bookmarks) > 0 || g_hash_table_size (table) > 0;

  g_hash_table_unref (self->bookmarks);
  self->bookmarks = table;
  if (changed)
    emit_changed (self);
}

/* Keeps the file from being replaced by later saves: a copy of this error is their answer. */
static GError *
block_saves (HallwayBookmarks *self, GError *error)
{
  g_clear_error (&self->save_blocker);
  self->save_blocker = g_error_copy (error);
  return error;
}

/* Some entries could not be read: the file as it was is copied aside, then replaced by the
 * bookmarks that could be read, so they survive and the damaged ones are not lost either.
 * Without a copy the file is not touched and saves stay refused. */
static GError *
keep_readable_entries (HallwayBookmarks *self, guint dropped, const char *first_dropped)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autoptr (GFile) aside = NULL;
  g_autoptr (GError) copy_error = NULL;
  g_autoptr (GError) save_error = NULL;
  g_autofree char *aside_name = NULL;

  aside = hallway_file_set_aside (self->file, TRUE, &copy_error);
  if (aside == NULL)
    return block_saves (self, g_error_new (HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT,
                                           ngettext ("The bookmarks file “%s” has %u damaged "
                                                     "bookmark (%s) and could not be copied "
                                                     "aside (%s). The others are shown; the file "
                                                     "is left untouched and bookmarks will not "
                                                     "be saved.",
                                                     "The bookmarks file “%s” has %u damaged "
                                                     "bookmarks (%s) and could not be copied "
                                                     "aside (%s). The others are shown; the file "
                                                     "is left untouched and bookmarks will not "
                                                     "be saved.", dropped),
                                           name, dropped, first_dropped, copy_error->message));
  aside_name = g_file_get_parse_name (aside);
  if (!hallway_bookmarks_save (self, NULL, &save_error))
    return g_error_new (HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT,
                        ngettext ("The bookmarks file “%s” has %u damaged bookmark (%s); the "
                                  "others are kept. A copy of the file as it was is in “%s”. "
                                  "Writing the others back failed: %s",
                                  "The bookmarks file “%s” has %u damaged bookmarks (%s); the "
                                  "others are kept. A copy of the file as it was is in “%s”. "
                                  "Writing the others back failed: %s", dropped),
                        name, dropped, first_dropped, aside_name, save_error->message);
  return g_error_new (HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT,
                      ngettext ("The bookmarks file “%s” had %u damaged bookmark (%s); it was "
                                "left out and the others kept. A copy of the file as it was is "
                                "in “%s”.",
                                "The bookmarks file “%s” had %u damaged bookmarks (%s); they "
                                "were left out and the others kept. A copy of the file as it "
                                "was is in “%s”.", dropped),
                      name, dropped, first_dropped, aside_name);
}

/* The state file turned the failure into the sentence for the person, and set a damaged
 * file aside; a file it left in place must not be replaced by saves. */
static GError *
load_error (HallwayBookmarks *self, GError *error, HallwayStateFileOutcome outcome)
{
  if (outcome == HALLWAY_STATE_FILE_SET_ASIDE)
    self->recovered = g_strdup (error->message);
  else
    block_saves (self, error);
  return error;
}

/* Replaces the set with the file's content. A missing file is an empty set (the first
 * run). On failure the error names the file, and the set is empty, except when only some
 * entries were damaged: then it holds the others, which replace the file, and the file as
 * it was is copied aside. Saves stay refused for a newer or unreadable file; a damaged one
 * (or one bigger than HALLWAY_FILE_STATE_MAX_SIZE) has been moved aside first, never over
 * an earlier copy. Temporary files left by a killed save are removed. */
gboolean
hallway_bookmarks_load (HallwayBookmarks *self, GError **error)
{
  HallwayStateFormat format = state_format ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *first_dropped = NULL;
  FileContent content = { 0 };
  HallwayStateFileOutcome outcome;
  guint dropped;

  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_error (&self->save_blocker);
  g_clear_pointer (&self->recovered, g_free);
  /* The set matches the file from here: nothing of this instance's is left to merge. */
  g_hash_table_remove_all (self->changes);
  g_hash_table_remove_all (self->track_changes);
  outcome = hallway_state_file_load (&format, self->file, read_root, &content, &local_error);
  if (content.hidden_tracks != NULL)
    {
      g_hash_table_unref (self->hidden_tracks);
      self->hidden_tracks = g_steal_pointer (&content.hidden_tracks);
    }
  replace_table (self, content.table != NULL ? g_steal_pointer (&content.table)
                                             : bookmark_table_new ());
  dropped = content.dropped;
  first_dropped = g_steal_pointer (&content.first_dropped);
  file_content_clear (&content);
  if (local_error != NULL)
    {
      g_propagate_error (error, load_error (self, g_steal_pointer (&local_error), outcome));
      return FALSE;
    }
  if (dropped > 0)
    {
      g_propagate_error (error, keep_readable_entries (self, dropped, first_dropped));
      return FALSE;
    }
  return TRUE;
}

/* The message of the last load when it set a damaged file aside and started empty, for the
 * application to show the person: which file, and where the old copy is now. NULL when the
 * last load found nothing wrong of that kind. */
const char *
hallway_bookmarks_get_recovered_message (HallwayBookmarks *self)
{
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), NULL);
  return self->recovered;
}

/* ---- the set ----------------------------------------------------------------------- */

gboolean
hallway_bookmarks_contains (HallwayBookmarks *self, const char *key)
{
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return g_hash_table_contains (self->bookmarks, key);
}

/* Adding a bookmarked talk again refreshes its snapshot and keeps its "added" time. */
void
hallway_bookmarks_add (HallwayBookmarks *self, HallwayTalk *talk)
{
  Bookmark *bookmark;

  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));
  g_return_if_fail (HALLWAY_IS_TALK (talk));
  g_return_if_fail (hallway_talk_get_key (talk) != NULL);

  bookmark = g_hash_table_lookup (self->bookmarks, hallway_talk_get_key (talk));
  if (bookmark == NULL)
    {
      bookmark = bookmark_new_for_talk (talk);
      g_hash_table_insert (self->bookmarks, bookmark->key, bookmark);
      note_change (self->changes, bookmark->key, CHANGE_ADDED);
      emit_changed (self);
    }
  else if (bookmark_take_snapshot (bookmark, talk))
    {
      note_change (self->changes, bookmark->key, CHANGE_SNAPSHOT);
      emit_changed (self);
    }
}

void
hallway_bookmarks_remove (HallwayBookmarks *self, const char *key)
{
  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));
  g_return_if_fail (key != NULL);

  if (!g_hash_table_remove (self->bookmarks, key))
    return;
  note_change (self->changes, key, CHANGE_REMOVED);
  emit_changed (self);
}

/* In schedule order (by the snapshot's start). */
GStrv
hallway_bookmarks_dup_keys (HallwayBookmarks *self)
{
  g_autoptr (GPtrArray) sorted = NULL;
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), NULL);

  sorted = sorted_bookmarks (self->bookmarks);
  for (guint i = 0; i < sorted->len; i++)
    g_strv_builder_add (keys, ((Bookmark *) g_ptr_array_index (sorted, i))->key);
  return g_strv_builder_end (keys);
}

guint
hallway_bookmarks_get_n_items (HallwayBookmarks *self)
{
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), 0);
  return g_hash_table_size (self->bookmarks);
}

/* O(number of bookmarks): one hash lookup each. A talk that is gone keeps its last
 * snapshot, so the user still sees what it was and when. */
void
hallway_bookmarks_update_from (HallwayBookmarks *self, HallwayConference *conference)
{
  GHashTableIter iter;
  Bookmark *bookmark;
  gboolean changed = FALSE;

  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));
  g_return_if_fail (HALLWAY_IS_CONFERENCE (conference));

  g_hash_table_iter_init (&iter, self->bookmarks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bookmark))
    {
      HallwayTalk *talk = hallway_conference_lookup_talk (conference, bookmark->key);

      gboolean this_changed = talk != NULL ? bookmark_take_snapshot (bookmark, talk)
                                            : replace_cancelled (bookmark, TRUE);

      if (this_changed)
        note_change (self->changes, bookmark->key, CHANGE_SNAPSHOT);
      changed |= this_changed;
    }
  if (changed)
    emit_changed (self);
}

gboolean
hallway_bookmarks_is_track_hidden (HallwayBookmarks *self, const char *track)
{
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  return track != NULL && g_hash_table_contains (self->hidden_tracks, track);
}

/* Hides a whole track from the schedule lists (its own page still shows it). */
void
hallway_bookmarks_set_track_hidden (HallwayBookmarks *self, const char *track, gboolean hidden)
{
  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));
  g_return_if_fail (track != NULL);

  if (hidden == hallway_bookmarks_is_track_hidden (self, track))
    return;
  if (hidden)
    g_hash_table_add (self->hidden_tracks, g_strdup (track));
  else
    g_hash_table_remove (self->hidden_tracks, track);
  note_track_change (self->track_changes, track, hidden ? TRACK_HIDDEN : TRACK_SHOWN);
  emit_changed (self);
}

GHashTable *
hallway_bookmarks_get_hidden_tracks (HallwayBookmarks *self)
{
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), NULL);
  return self->hidden_tracks;
}

gboolean
hallway_bookmarks_is_backup (HallwayBookmarks *self, const char *key)
{
  Bookmark *bookmark;

  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  bookmark = g_hash_table_lookup (self->bookmarks, key);
  return bookmark != NULL && bookmark->backup;
}

/* Marks a bookmarked talk as the backup pick of its slot (or back as a first choice). */
void
hallway_bookmarks_set_backup (HallwayBookmarks *self, const char *key, gboolean backup)
{
  Bookmark *bookmark;

  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));
  g_return_if_fail (key != NULL);

  bookmark = g_hash_table_lookup (self->bookmarks, key);
  if (bookmark == NULL || bookmark->backup == !!backup)
    return;
  bookmark->backup = !!backup;
  note_change (self->changes, key, CHANGE_BACKUP);
  emit_changed (self);
}

gboolean
hallway_bookmarks_is_cancelled (HallwayBookmarks *self, const char *key)
{
  Bookmark *bookmark;

  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  bookmark = g_hash_table_lookup (self->bookmarks, key);
  return bookmark != NULL && bookmark->cancelled;
}

/* Every out argument may be NULL; the values belong to the bookmark and stay valid until
 * it changes. FALSE when the key is not bookmarked. */
gboolean
hallway_bookmarks_get_snapshot (HallwayBookmarks  *self,
                                const char        *key,
                                const char       **title,
                                GDateTime        **start,
                                GDateTime        **end,
                                const char       **room)
{
  Bookmark *bookmark;

  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  bookmark = g_hash_table_lookup (self->bookmarks, key);
  if (bookmark == NULL)
    return FALSE;
  if (title != NULL)
    *title = bookmark->title;
  if (start != NULL)
    *start = bookmark->start;
  if (end != NULL)
    *end = bookmark->end;
  if (room != NULL)
    *room = bookmark->room;
  return TRUE;
}

/* ---- saving ------------------------------------------------------------------------ */

/* A newer file found just before writing blocks later saves too, as if load() had seen it. */
static GError *
save_error (HallwayBookmarks *self, GError *write_error)
{
  HallwayStateFormat format = state_format ();
  HallwayStateFileOutcome outcome;
  GError *error;

  if (!g_error_matches (write_error, HALLWAY_BOOKMARKS_ERROR,
                        HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION))
    return write_error;
  error = hallway_state_file_describe (&format, self->file, write_error, &outcome);
  g_error_free (write_error);
  return block_saves (self, error);
}

/* The set becomes the file as this save wrote it (with the other instance's changes), plus
 * what this instance changed since: in saves still being written, then not yet saved. A
 * result older than one the set already took is only a step behind it, and skipped. */
static void
take_merged (HallwayBookmarks *self, SaveJob *job)
{
  g_autoptr (GHashTable) merged = g_steal_pointer (&job->merged);
  g_autoptr (GHashTable) merged_tracks = g_steal_pointer (&job->merged_tracks);
  GHashTableIter iter;
  const char *name;

  if (job->order < self->taken_order)
    return;
  self->taken_order = job->order;
  for (GList *l = self->writes.head; l != NULL; l = l->next)
    {
      SaveJob *later = l->data;

      apply_changes (merged, later->changes, later->changed);
      apply_track_changes (merged_tracks, later->track_changes);
    }
  apply_changes (merged, self->changes, self->bookmarks);
  apply_track_changes (merged_tracks, self->track_changes);

  if (same_bookmarks (self->bookmarks, merged) && same_names (self->hidden_tracks, merged_tracks))
    return;
  g_hash_table_unref (self->bookmarks);
  self->bookmarks = g_steal_pointer (&merged);
  /* The same table: hallway_bookmarks_get_hidden_tracks() hands it out. */
  g_hash_table_remove_all (self->hidden_tracks);
  g_hash_table_iter_init (&iter, merged_tracks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_hash_table_add (self->hidden_tracks, g_strdup (name));
  emit_changed (self);
}

/* A failed save's changes are still to be saved, before those made since. */
static void
restore_changes (HallwayBookmarks *self, SaveJob *job)
{
  g_autoptr (GHashTable) later = g_steal_pointer (&self->changes);
  g_autoptr (GHashTable) later_tracks = g_steal_pointer (&self->track_changes);
  GHashTableIter iter;
  const char *key;
  gpointer value;

  self->changes = g_steal_pointer (&job->changes);
  self->track_changes = g_steal_pointer (&job->track_changes);
  g_hash_table_iter_init (&iter, later);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, &value))
    note_change (self->changes, key, GPOINTER_TO_UINT (value));
  g_hash_table_iter_init (&iter, later_tracks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, &value))
    note_track_change (self->track_changes, key, GPOINTER_TO_UINT (value));
}

/* On the main thread after each write, queued or not. */
static GError *
finish_save (HallwayBookmarks *self, SaveJob *job, GError *error)
{
  g_queue_remove (&self->writes, job);
  if (error != NULL)
    {
      restore_changes (self, job);
      return save_error (self, error);
    }
  take_merged (self, job);
  return NULL;
}

/* Blocking, on the calling thread; a save queued before may still be running. */
gboolean
hallway_bookmarks_save (HallwayBookmarks *self, GCancellable *cancellable, GError **error)
{
  SaveJob *job;
  GError *write_error = NULL;

  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->save_blocker != NULL)
    {
      g_propagate_error (error, g_error_copy (self->save_blocker));
      return FALSE;
    }
  job = take_save_job (self);
  merge_and_write (job, cancellable, &write_error);
  write_error = finish_save (self, job, write_error);
  save_job_free (job);
  if (write_error != NULL)
    {
      g_propagate_error (error, write_error);
      return FALSE;
    }
  return TRUE;
}

/* ---- the save queue's hooks ----------------------------------------------------------- */

static gpointer
snapshot_for_queue (GObject *owner)
{
  return take_save_job (HALLWAY_BOOKMARKS (owner));
}

static gboolean
write_for_queue (GObject *owner, gpointer snapshot, GCancellable *cancellable, GError **error)
{
  return merge_and_write (snapshot, cancellable, error);
}

static GError *
save_done (GObject *owner, gpointer snapshot, GError *error)
{
  return finish_save (HALLWAY_BOOKMARKS (owner), snapshot, error);
}

static const GError *
save_blocker (GObject *owner)
{
  return HALLWAY_BOOKMARKS (owner)->save_blocker;
}

/* Saves run one after the other in a worker thread, so two quick saves can never land in
 * the wrong order. */
void
hallway_bookmarks_save_async (HallwayBookmarks   *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));

  hallway_save_queue_push (self->saves, cancellable, callback, user_data,
                           hallway_bookmarks_save_async);
}

gboolean
hallway_bookmarks_save_finish (HallwayBookmarks *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- saving on its own ------------------------------------------------------------- */

static void
autosaved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GApplication) application = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_bookmarks_save_finish (HALLWAY_BOOKMARKS (source), result, &error))
    {
      g_warning ("Saving bookmarks failed: %s", error->message);
      g_signal_emit (source, signals[SAVE_FAILED], 0, error->message);
    }
  if (application != NULL)
    g_application_release (application);
}

static gboolean
autosave_cb (gpointer user_data)
{
  HallwayBookmarks *self = user_data;

  self->autosave_id = 0;
  hallway_bookmarks_save_async (self, NULL, autosaved_cb, g_steal_pointer (&self->autosave_hold));
  return G_SOURCE_REMOVE;
}

/* Held from the change on, so closing the last window before the idle runs never loses a
 * bookmark: the save's callback lets go. */
static void
hold_application (HallwayBookmarks *self)
{
  GApplication *application = g_application_get_default ();

  if (application == NULL)
    return;
  g_application_hold (application);
  self->autosave_hold = g_object_ref (application);
}

static void
release_application (HallwayBookmarks *self)
{
  g_autoptr (GApplication) application = g_steal_pointer (&self->autosave_hold);

  if (application != NULL)
    g_application_release (application);
}

static void
schedule_autosave (HallwayBookmarks *self)
{
  if (!self->autosave || self->autosave_id != 0)
    return;
  hold_application (self);
  /* The idle keeps the set alive: a change is saved even when its owner lets go. */
  self->autosave_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, autosave_cb,
                                       g_object_ref (self), g_object_unref);
}

/* One save for a burst of changes: an import bookmarks 150 talks at once. */
void
hallway_bookmarks_set_autosave (HallwayBookmarks *self, gboolean autosave)
{
  g_return_if_fail (HALLWAY_IS_BOOKMARKS (self));

  if (self->autosave == autosave)
    return;
  self->autosave = autosave;
  if (autosave)
    g_signal_connect (self, "changed", G_CALLBACK (schedule_autosave), NULL);
  else
    {
      g_signal_handlers_disconnect_by_func (self, schedule_autosave, NULL);
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      release_application (self);
    }
}

/* ---- the object -------------------------------------------------------------------- */

static void
hallway_bookmarks_finalize (GObject *object)
{
  HallwayBookmarks *self = HALLWAY_BOOKMARKS (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->bookmarks, g_hash_table_unref);
  g_clear_pointer (&self->hidden_tracks, g_hash_table_unref);
  g_clear_pointer (&self->saves, hallway_save_queue_free);
  g_clear_error (&self->save_blocker);
  g_clear_pointer (&self->recovered, g_free);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->track_changes, g_hash_table_unref);
  G_OBJECT_CLASS (hallway_bookmarks_parent_class)->finalize (object);
}

static void
hallway_bookmarks_class_init (HallwayBookmarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hallway_bookmarks_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* (const char *message): a save of hallway_bookmarks_set_autosave() failed. */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_STRING);
}

static void
hallway_bookmarks_init (HallwayBookmarks *self)
{
  self->bookmarks = bookmark_table_new ();
  self->hidden_tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changes = change_table_new ();
  self->track_changes = change_table_new ();
  g_queue_init (&self->writes);
  self->saves = hallway_save_queue_new (G_OBJECT (self), snapshot_for_queue,
                                        (GDestroyNotify) save_job_free, write_for_queue, save_done,
                                        save_blocker);
}

/* The set starts empty; call hallway_bookmarks_load() to read the file. */
HallwayBookmarks *
hallway_bookmarks_new (GFile *file)
{
  HallwayBookmarks *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HALLWAY_TYPE_BOOKMARKS, NULL);
  self->file = g_object_ref (file);
  return self;
}
