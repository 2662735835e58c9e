/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hallway-catalogue.h"
#include "hallway-conference.h"
#include "hallway-library.h"
#include "hallway-json.h"
#include "hallway-state-file.h"
#include "hallway-file.h"
#include "hallway-file-lock.h"
#include "hallway-location.h"
#include "hallway-paths.h"
#include "hallway-save-queue.h"

/* The format version this code writes and reads. A library.json with a higher one comes
 * from a newer Hallway: it is neither read nor overwritten, so going back loses nothing. */
#define FORMAT_VERSION 1

/* How long a first start waits for the catalogue at the catalogue URL. */
#define CATALOGUE_FIRST_FETCH_SECONDS 20

/* Ids name files: an edited library.json must not reach outside the bookmarks folder. */
#define ID_CHARACTERS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
#define ID_MAX_LENGTH 64

G_DEFINE_QUARK (hallway-library-error-quark, hallway_library_error)

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  return length > 0 && length <= ID_MAX_LENGTH && strspn (id, ID_CHARACTERS) == length;
}

/* ==== the library ======================================================================= */

struct _HallwayLibrary
{
  GObject parent_instance;

  HallwayFetcher *fetcher;
  GFile *file;
  GPtrArray *entries;            /* HallwayLibraryEntry, in the order added */
  GListStore *catalogue;
  char *catalogue_url;           /* the administrator's catalogue to download, or NULL */
  HallwayScheduleCache *catalogue_cache;
  HallwayLibraryEntry *current;
  char *last_error;

  gboolean loaded;               /* library.json was read: writing it loses nothing */
  GError *save_blocker;          /* set while library.json must not be replaced */
  char *recovered;               /* the load set a damaged library.json aside: what to tell */
  HallwaySaveQueue *saves;
  /* What this instance changed since its list last matched library.json: a save applies
   * only these to the file as it is then, so another Hallway's changes survive. */
  GHashTable *added_ids;
  GHashTable *removed_ids;
  GHashTable *retitled_ids;
  gboolean current_changed;
  GQueue writes;                 /* LibrarySave, not owned: taken, not yet done, oldest first */
  guint taken_order;             /* the write order of the file state the list last took */
  gboolean merging;              /* taking another instance's changes: not ours to save */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HallwayLibrary, hallway_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_FETCHER,
  PROP_CURRENT,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- GListModel ------------------------------------------------------------------------ */

static GType
list_model_get_item_type (GListModel *model)
{
  return HALLWAY_TYPE_LIBRARY_ENTRY;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return HALLWAY_LIBRARY (model)->entries->len;
}

static gpointer
list_model_get_item (GListModel *model, guint position)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* ---- the JSON file --------------------------------------------------------------------- */

typedef struct _StoredConference StoredConference;

static void add_stored_object (JsonBuilder *builder, StoredConference *stored);

static GBytes *
serialize (GPtrArray *stored, const char *current_id)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gsize length;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  if (current_id != NULL)
    hallway_json_add_string (builder, "current", current_id);
  json_builder_set_member_name (builder, "conferences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stored->len; i++)
    add_stored_object (builder, g_ptr_array_index (stored, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* One conference as library.json has it, read in the load thread or a save's. */
struct _StoredConference
{
  char *id;
  char *location;
  char *title;
  GDateTime *added;
  HallwayBookmarks *bookmarks;
  HallwaySubscription *subscription; /* the current conference's, its cache read at load */
};

static void
add_stored_object (JsonBuilder *builder, StoredConference *stored)
{
  g_autofree char *added = g_date_time_format_iso8601 (stored->added);

  json_builder_begin_object (builder);
  hallway_json_add_string (builder, "id", stored->id);
  hallway_json_add_string (builder, "location", stored->location);
  hallway_json_add_string (builder, "title", stored->title);
  hallway_json_add_string (builder, "added", added);
  json_builder_end_object (builder);
}

static void
stored_conference_free (StoredConference *stored)
{
  g_free (stored->id);
  g_free (stored->location);
  g_free (stored->title);
  g_clear_pointer (&stored->added, g_date_time_unref);
  g_clear_object (&stored->bookmarks);
  g_clear_object (&stored->subscription);
  g_free (stored);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoredConference, stored_conference_free)

static StoredConference *
stored_conference_new (const char *id, const char *location, const char *title,
                       GDateTime *added)
{
  StoredConference *stored = g_new0 (StoredConference, 1);

  stored->id = g_strdup (id);
  stored->location = hallway_location_normalize (location);
  stored->title = g_strdup (title);
  stored->added = added != NULL ? g_date_time_ref (added) : g_date_time_new_now_utc ();
  return stored;
}

static StoredConference *
stored_conference_from_json (JsonNode *node, guint number, GError **error)
{
  JsonObject *object;
  const char *id;
  const char *location;
  const char *added_text;
  g_autoptr (GDateTime) added = NULL;

  object = hallway_json_conference_object (node, number, HALLWAY_LIBRARY_ERROR,
                                           HALLWAY_LIBRARY_ERROR_CORRUPT, error);
  if (object == NULL)
    return NULL;
  id = hallway_json_string_member (object, "id");
  location = hallway_json_string_member (object, "location");
  if (id == NULL || !is_valid_id (id) || location == NULL || *location == '\0')
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT,
                   _("conference %u has no valid id or no location"), number);
      return NULL;
    }
  added_text = hallway_json_string_member (object, "added");
  if (added_text != NULL)
    added = g_date_time_new_from_iso8601 (added_text, NULL);
  return stored_conference_new (id, location, hallway_json_string_member (object, "title"), added);
}

/* The conferences in file order, in one pass; a repeated id or location keeps its first
 * entry. An entry that cannot be read is left out and counted in *dropped, the first one
 * described in *first_dropped. */
static GPtrArray *
read_conference_array (JsonArray *array, guint *dropped, char **first_dropped)
{
  g_autoptr (GPtrArray) stored = g_ptr_array_new_with_free_func (
    (GDestroyNotify) stored_conference_free);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) locations = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_elements = json_array_get_length (array);

  for (guint i = 0; i < n_elements; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StoredConference) conference =
        stored_conference_from_json (json_array_get_element (array, i), i + 1, &error);

      if (conference == NULL)
        {
          if ((*dropped)++ == 0)
            *first_dropped = g_strdup (error->message);
          continue;
        }
      if (g_hash_table_contains (ids, conference->id) ||
          g_hash_table_contains (locations, conference->location))
        continue;
      g_hash_table_add (ids, conference->id);
      g_hash_table_add (locations, conference->location);
      g_ptr_array_add (stored, g_steal_pointer (&conference));
    }
  return g_steal_pointer (&stored);
}

static HallwayStateFormat
state_format (void)
{
  return (HallwayStateFormat) { HALLWAY_STATE_FILE_LIBRARY, FORMAT_VERSION,
                                HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT,
                                HALLWAY_LIBRARY_ERROR_NEWER_VERSION };
}

/* What one read of library.json found. */
typedef struct
{
  GPtrArray *stored;       /* StoredConference, readable entries only */
  char *current_id;
  guint dropped;           /* entries left out, the first one described */
  char *first_dropped;
} LibraryContent;

static void
library_content_clear (LibraryContent *content)
{
  g_clear_pointer (&content->stored, g_ptr_array_unref);
  g_clear_pointer (&content->current_id, g_free);
  g_clear_pointer (&content->first_dropped, g_free);
}

/* A HallwayStateReadFunc. The messages set here are details; the state file names the
 * file. */
static gboolean
read_library_root (JsonObject *root, gpointer user_data, GError **error)
{
  LibraryContent *content = user_data;
  JsonNode *conferences = json_object_get_member (root, "conferences");

  if (conferences == NULL || !JSON_NODE_HOLDS_ARRAY (conferences))
    {
      g_set_error_literal (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT,
                           _("the list of conferences is missing"));
      return FALSE;
    }
  content->current_id = g_strdup (hallway_json_string_member (root, "current"));
  content->stored = read_conference_array (json_node_get_array (conferences),
                                           &content->dropped, &content->first_dropped);
  return TRUE;
}

static gboolean
parse_library (const char *contents, gsize length, LibraryContent *content, GError **error)
{
  HallwayStateFormat format = state_format ();
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object = hallway_state_file_parse (&format, contents, length, &root, error);

  return object != NULL && read_library_root (object, content, error);
}

/* ---- saving ---------------------------------------------------------------------------- */

static void
set_last_error (HallwayLibrary *self, const char *message)
{
  if (g_set_str (&self->last_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
block_saves (HallwayLibrary *self, const GError *error)
{
  g_clear_error (&self->save_blocker);
  self->save_blocker = g_error_copy (error);
}

static const GError *
save_blocker (GObject *owner)
{
  return HALLWAY_LIBRARY (owner)->save_blocker;
}

/* Saves run one after the other in a worker thread, so two quick saves can never land in
 * the wrong order. */
void
hallway_library_save_async (HallwayLibrary     *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_return_if_fail (HALLWAY_IS_LIBRARY (self));

  hallway_save_queue_push (self->saves, cancellable, callback, user_data,
                           hallway_library_save_async);
}

gboolean
hallway_library_save_finish (HallwayLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Its failure is in "last-error" already. */
static void
background_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!hallway_library_save_finish (HALLWAY_LIBRARY (source), result, &error))
    g_debug ("Saving the library failed: %s", error->message);
}

static void
save_in_background (HallwayLibrary *self)
{
  hallway_library_save_async (self, NULL, background_saved_cb, NULL);
}

/* ---- the list -------------------------------------------------------------------------- */

static void
entry_title_changed_cb (HallwayLibraryEntry *entry, GParamSpec *pspec, HallwayLibrary *self)
{
  if (!self->loaded || self->merging)
    return;
  g_hash_table_add (self->retitled_ids, g_strdup (hallway_library_entry_get_id (entry)));
  save_in_background (self);
}

/* A followed conference gets the venue of the catalogue's conference at its location. */
static void
take_venue_from_catalogue (HallwayLibrary *self, HallwayLibraryEntry *entry)
{
  GListModel *catalogue = G_LIST_MODEL (self->catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr (HallwayLibraryEntry) known = g_list_model_get_item (catalogue, i);

      if (g_str_equal (hallway_library_entry_get_location (known),
                       hallway_library_entry_get_location (entry)))
        {
          hallway_library_entry_set_venue (entry, hallway_library_entry_get_room_status_url (known),
                                           hallway_library_entry_get_navigation_url (known),
                                           hallway_library_entry_get_room_page_url (known));
          hallway_library_entry_set_room_stream (entry,
                                                 hallway_library_entry_get_room_stream (known));
          return;
        }
    }
  hallway_library_entry_set_venue (entry, NULL, NULL, NULL);
  hallway_library_entry_set_room_stream (entry, NULL);
}

static void
append_entries (HallwayLibrary *self, GPtrArray *entries)
{
  guint position = self->entries->len;

  for (guint i = 0; i < entries->len; i++)
    {
      HallwayLibraryEntry *entry = g_ptr_array_index (entries, i);

      g_signal_connect_object (entry, "notify::title", G_CALLBACK (entry_title_changed_cb),
                               self, 0);
      take_venue_from_catalogue (self, entry);
      g_ptr_array_add (self->entries, g_object_ref (entry));
    }
  if (entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, entries->len);
}

static void
append_entry (HallwayLibrary *self, HallwayLibraryEntry *entry)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();

  g_ptr_array_add (entries, entry);
  append_entries (self, entries);
}

static void
set_current_entry (HallwayLibrary *self, HallwayLibraryEntry *entry)
{
  if (g_set_object (&self->current, entry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
remove_entry (HallwayLibrary *self, HallwayLibraryEntry *entry)
{
  guint position;

  if (!g_ptr_array_find (self->entries, entry, &position))
    return;
  if (self->current == entry)
    set_current_entry (self, NULL);
  g_signal_handlers_disconnect_by_data (entry, self);
  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

typedef enum { BY_ID, BY_LOCATION, BY_SUBSCRIPTION } EntryKey;

static gboolean
entry_matches (HallwayLibraryEntry *entry, EntryKey key, gconstpointer value)
{
  switch (key)
    {
    case BY_ID:
      return g_str_equal (hallway_library_entry_get_id (entry), value);
    case BY_LOCATION:
      return g_str_equal (hallway_library_entry_get_location (entry), value);
    case BY_SUBSCRIPTION:
    default:
      return hallway_library_entry_get_subscription (entry) == value;
    }
}

static HallwayLibraryEntry *
find_entry (HallwayLibrary *self, EntryKey key, gconstpointer value)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      HallwayLibraryEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry_matches (entry, key, value))
        return entry;
    }
  return NULL;
}

HallwayLibraryEntry *
hallway_library_lookup (HallwayLibrary *self, const char *id)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_entry (self, BY_ID, id);
}

HallwayLibraryEntry *
hallway_library_lookup_location (HallwayLibrary *self, const char *location)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  normalized = hallway_location_normalize (location);
  return find_entry (self, BY_LOCATION, normalized);
}

HallwayLibraryEntry *
hallway_library_lookup_subscription (HallwayLibrary *self, HallwaySubscription *subscription)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (subscription), NULL);

  return find_entry (self, BY_SUBSCRIPTION, subscription);
}

/* ---- one save: read, merge and write under the lock ------------------------------------ */

/* Taken on the main thread when a save starts: this instance's changes since its list last
 * matched library.json. The worker touches nothing else. */
typedef struct
{
  GFile *file;
  GPtrArray *added;          /* StoredConference: copies of the conferences added here */
  GHashTable *removed;       /* ids removed here */
  GHashTable *titles;        /* id → title, changed here */
  gboolean current_changed;
  char *current_id;          /* this instance's choice, when current_changed */
  /* The result, set by the worker: the file as written, and when it was written. */
  GPtrArray *merged;         /* StoredConference */
  char *merged_current;
  guint order;
} LibrarySave;

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GHashTable *
title_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
library_save_free (LibrarySave *save)
{
  g_clear_object (&save->file);
  g_clear_pointer (&save->added, g_ptr_array_unref);
  g_clear_pointer (&save->removed, g_hash_table_unref);
  g_clear_pointer (&save->titles, g_hash_table_unref);
  g_free (save->current_id);
  g_clear_pointer (&save->merged, g_ptr_array_unref);
  g_free (save->merged_current);
  g_free (save);
}

static StoredConference *
find_stored (GPtrArray *stored, const char *id, const char *location)
{
  for (guint i = 0; i < stored->len; i++)
    {
      StoredConference *conference = g_ptr_array_index (stored, i);

      if (g_str_equal (conference->id, id) ||
          (location != NULL && g_str_equal (conference->location, location)))
        return conference;
    }
  return NULL;
}

/* Removals, then additions (a conference the other side has already is kept as it is),
 * then titles; "current" only when chosen here. */
static void
apply_library_changes (LibrarySave *save)
{
  GHashTableIter iter;
  const char *id;
  const char *title;

  for (guint i = save->merged->len; i > 0; i--)
    {
      StoredConference *conference = g_ptr_array_index (save->merged, i - 1);

      if (g_hash_table_contains (save->removed, conference->id))
        g_ptr_array_remove_index (save->merged, i - 1);
    }
  for (guint i = 0; i < save->added->len; i++)
    {
      StoredConference *ours = g_ptr_array_index (save->added, i);

      if (find_stored (save->merged, ours->id, ours->location) == NULL)
        g_ptr_array_add (save->merged, stored_conference_new (ours->id, ours->location,
                                                              ours->title, ours->added));
    }
  g_hash_table_iter_init (&iter, save->titles);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &title))
    {
      StoredConference *conference = find_stored (save->merged, id, NULL);

      if (conference != NULL)
        g_set_str (&conference->title, title);
    }
  if (save->current_changed)
    g_set_str (&save->merged_current, save->current_id);
  if (save->merged_current != NULL &&
      find_stored (save->merged, save->merged_current, NULL) == NULL)
    g_clear_pointer (&save->merged_current, g_free);
}

/* The file as it is now, as the base of the merge: absent is empty. One that became
 * unreadable or damaged since it was loaded is left alone, and so is a newer one. */
static gboolean
read_current_library (LibrarySave *save, GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  LibraryContent content = { 0 };
  gsize length = 0;

  if (!hallway_file_load_state (save->file, HALLWAY_FILE_STATE_MAX_SIZE, &contents, &length,
                                &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          save->merged = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_conference_free);
          return TRUE;
        }
      name = g_file_get_parse_name (save->file);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the list of conferences “%s” before saving: %s. It is "
                     "left untouched; the latest change to it was not saved."),
                   name, local_error->message);
      return FALSE;
    }
  if (parse_library (contents, length, &content, &local_error))
    {
      /* Damaged entries are left out silently here: the load counted them. */
      save->merged = g_steal_pointer (&content.stored);
      save->merged_current = g_steal_pointer (&content.current_id);
      library_content_clear (&content);
      return TRUE;
    }
  library_content_clear (&content);
  if (g_error_matches (local_error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_NEWER_VERSION))
    {
      HallwayStateFormat format = state_format ();
      HallwayStateFileOutcome outcome;

      g_propagate_error (error, hallway_state_file_describe (&format, save->file, local_error,
                                                             &outcome));
      return FALSE;
    }
  name = g_file_get_parse_name (save->file);
  g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT,
               _("The list of conferences “%s” was changed by another program and cannot be "
                 "read (%s). It is left untouched; the latest change to it was not saved."),
               name, local_error->message);
  return FALSE;
}

/* The order in which this process wrote library.json, counted under its lock. */
static int write_counter;

/* Under the lock, so another Hallway never writes between the read and the write. Blocking:
 * for worker threads. */
static gboolean
merge_and_write (LibrarySave *save, GCancellable *cancellable, GError **error)
{
  g_autoptr (HallwayFileLock) lock = hallway_file_lock_acquire (save->file, cancellable, error);
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  if (lock == NULL || !read_current_library (save, cancellable, error))
    return FALSE;
  apply_library_changes (save);
  bytes = serialize (save->merged, save->merged_current);
  data = g_bytes_get_data (bytes, &length);
  if (!hallway_file_replace (save->file, data, length, cancellable, error))
    return FALSE;
  save->order = (guint) g_atomic_int_add (&write_counter, 1) + 1;
  return TRUE;
}

/* ---- what this instance changed -------------------------------------------------------- */

static void
note_added (HallwayLibrary *self, const char *id)
{
  g_hash_table_remove (self->removed_ids, id);
  g_hash_table_add (self->added_ids, g_strdup (id));
}

static void
note_removed (HallwayLibrary *self, const char *id)
{
  g_hash_table_remove (self->added_ids, id);
  g_hash_table_remove (self->retitled_ids, id);
  g_hash_table_add (self->removed_ids, g_strdup (id));
}

/* The changes so far go to this save; a new list starts for the next one. */
static LibrarySave *
take_library_save (HallwayLibrary *self)
{
  LibrarySave *save = g_new0 (LibrarySave, 1);
  GHashTableIter iter;
  const char *id;

  save->file = g_object_ref (self->file);
  save->added = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_conference_free);
  save->removed = g_steal_pointer (&self->removed_ids);
  save->titles = title_table_new ();
  g_hash_table_iter_init (&iter, self->added_ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      HallwayLibraryEntry *entry = hallway_library_lookup (self, id);

      if (entry != NULL)
        g_ptr_array_add (save->added,
                         stored_conference_new (hallway_library_entry_get_id (entry),
                                                hallway_library_entry_get_location (entry),
                                                hallway_library_entry_get_title (entry),
                                                hallway_library_entry_get_added (entry)));
    }
  g_hash_table_iter_init (&iter, self->retitled_ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      HallwayLibraryEntry *entry = hallway_library_lookup (self, id);

      if (entry != NULL)
        g_hash_table_insert (save->titles, g_strdup (id),
                             g_strdup (hallway_library_entry_get_title (entry)));
    }
  save->current_changed = self->current_changed;
  save->current_id =
    self->current != NULL ? g_strdup (hallway_library_entry_get_id (self->current)) : NULL;
  g_hash_table_remove_all (self->added_ids);
  g_hash_table_remove_all (self->retitled_ids);
  self->removed_ids = id_set_new ();
  self->current_changed = FALSE;
  g_queue_push_tail (&self->writes, save);
  return save;
}

/* A failed save's changes are still to be saved, unless undone since. */
static void
restore_changes (HallwayLibrary *self, LibrarySave *save)
{
  GHashTableIter iter;
  const char *id;

  for (guint i = 0; i < save->added->len; i++)
    {
      StoredConference *conference = g_ptr_array_index (save->added, i);

      if (!g_hash_table_contains (self->removed_ids, conference->id))
        g_hash_table_add (self->added_ids, g_strdup (conference->id));
    }
  g_hash_table_iter_init (&iter, save->removed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (self->added_ids, id))
      g_hash_table_add (self->removed_ids, g_strdup (id));
  g_hash_table_iter_init (&iter, save->titles);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (hallway_library_lookup (self, id) != NULL)
      g_hash_table_add (self->retitled_ids, g_strdup (id));
  self->current_changed |= save->current_changed;
}

/* Nothing cached yet is normal (a default conference on first start); anything else
 * leaves the conference without a schedule until its next refresh. */
static void
report_cache_error (HallwaySubscription *subscription, const GError *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_debug ("No cached schedule for %s: %s", hallway_subscription_get_uri (subscription),
             error->message);
}

static void
cached_loaded_later_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!hallway_subscription_load_cached_finish (HALLWAY_SUBSCRIPTION (source), result, &error))
    report_cache_error (HALLWAY_SUBSCRIPTION (source), error);
}

static HallwayLibraryEntry *entry_for_stored (HallwayLibrary *self, StoredConference *stored);

/* A conference another Hallway added: its bookmarks and cached schedule, as at start-up. */
static void
append_from_other_instance (HallwayLibrary *self, StoredConference *stored)
{
  g_autoptr (GFile) file = hallway_paths_dup_bookmarks_file (stored->id);
  g_autoptr (HallwayLibraryEntry) entry = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&stored->bookmarks);
  stored->bookmarks = hallway_bookmarks_new (file);
  if (!hallway_bookmarks_load (stored->bookmarks, &error))
    g_message ("%s", error->message);
  entry = entry_for_stored (self, stored);
  append_entry (self, entry);
  hallway_subscription_load_cached_async (hallway_library_entry_get_subscription (entry), NULL,
                                          cached_loaded_later_cb, NULL);
}

static gboolean
changed_here (HallwayLibrary *self, GHashTable *(*pick) (LibrarySave *), GHashTable *pending,
              const char *id)
{
  if (g_hash_table_contains (pending, id))
    return TRUE;
  for (GList *l = self->writes.head; l != NULL; l = l->next)
    if (g_hash_table_contains (pick (l->data), id))
      return TRUE;
  return FALSE;
}

static GHashTable *
pick_removed (LibrarySave *save)
{
  return save->removed;
}

static GHashTable *
pick_titles (LibrarySave *save)
{
  return save->titles;
}

static gboolean
added_here (HallwayLibrary *self, const char *id)
{
  if (g_hash_table_contains (self->added_ids, id))
    return TRUE;
  for (GList *l = self->writes.head; l != NULL; l = l->next)
    if (find_stored (((LibrarySave *) l->data)->added, id, NULL) != NULL)
      return TRUE;
  return FALSE;
}

/* The list becomes the file as this save wrote it: conferences another Hallway added
 * appear, those it removed go (their files stay: the other instance deleted them or kept
 * them), titles follow; what this instance changed since, in saves still being written or
 * not yet saved, stays as it is here. The conference shown here stays this instance's
 * choice. A result older than one already taken is skipped. */
static void
take_merged (HallwayLibrary *self, LibrarySave *save)
{
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->loaded || save->order < self->taken_order)
    return;
  self->taken_order = save->order;
  self->merging = TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      HallwayLibraryEntry *entry = g_ptr_array_index (self->entries, i);
      StoredConference *stored =
        find_stored (save->merged, hallway_library_entry_get_id (entry), NULL);

      if (stored == NULL && !added_here (self, hallway_library_entry_get_id (entry)))
        g_ptr_array_add (gone, g_object_ref (entry));
      else if (stored != NULL && !changed_here (self, pick_titles, self->retitled_ids,
                                                hallway_library_entry_get_id (entry)))
        hallway_library_entry_set_title (entry, stored->title);
    }
  for (guint i = 0; i < gone->len; i++)
    remove_entry (self, g_ptr_array_index (gone, i));
  for (guint i = 0; i < save->merged->len; i++)
    {
      StoredConference *stored = g_ptr_array_index (save->merged, i);

      if (hallway_library_lookup (self, stored->id) == NULL &&
          hallway_library_lookup_location (self, stored->location) == NULL &&
          !changed_here (self, pick_removed, self->removed_ids, stored->id))
        append_from_other_instance (self, stored);
    }
  self->merging = FALSE;
}

/* On the main thread after each write. */
static GError *
finish_save (HallwayLibrary *self, LibrarySave *save, GError *error)
{
  g_queue_remove (&self->writes, save);
  if (error != NULL)
    {
      restore_changes (self, save);
      return error;
    }
  take_merged (self, save);
  return NULL;
}

/* ---- the save queue's hooks ----------------------------------------------------------- */

static gpointer
snapshot_for_queue (GObject *owner)
{
  return take_library_save (HALLWAY_LIBRARY (owner));
}

static gboolean
write_for_queue (GObject *owner, gpointer snapshot, GCancellable *cancellable, GError **error)
{
  return merge_and_write (snapshot, cancellable, error);
}

static GError *
save_done (GObject *owner, gpointer snapshot, GError *error)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (owner);

  error = finish_save (self, snapshot, error);
  if (error == NULL)
    {
      set_last_error (self, NULL);
      return NULL;
    }
  if (g_error_matches (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_NEWER_VERSION))
    block_saves (self, error);
  set_last_error (self, error->message);
  return error;
}

/* ---- loading --------------------------------------------------------------------------- */

/* What the load thread found. */
typedef struct
{
  GFile *file;
  GPtrArray *stored;        /* StoredConference */
  char *current_id;
  gboolean first_start;     /* no library.json yet */
  gboolean rewrite;         /* damaged entries were left out: write the others back */
  GError *error;            /* about library.json, ready for the user */
  gboolean block_saves;
  gboolean set_aside;       /* damaged, moved aside: error says where */
  GListModel *catalogue;    /* downloaded before the thread, or read by it */
  GError *catalogue_error;
  char *catalogue_url;
  GBytes *cached_catalogue; /* the catalogue URL's cached copy, read by the thread */
  guint first_fetch_timeout;
  HallwayFetcher *fetcher;  /* for the current conference's subscription */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->stored, g_ptr_array_unref);
  g_free (job->current_id);
  g_clear_error (&job->error);
  g_clear_object (&job->catalogue);
  g_clear_error (&job->catalogue_error);
  g_free (job->catalogue_url);
  g_clear_pointer (&job->cached_catalogue, g_bytes_unref);
  g_clear_handle_id (&job->first_fetch_timeout, g_source_remove);
  g_clear_object (&job->fetcher);
  g_free (job);
}

/* Some entries could not be read: the file as it was is copied aside and the others are
 * written back once loaded. Without a copy the file is left untouched and saves refused. */
static void
keep_readable_entries (LoadJob *job, guint dropped, const char *first_dropped)
{
  g_autofree char *name = g_file_get_parse_name (job->file);
  g_autoptr (GError) copy_error = NULL;
  g_autoptr (GFile) aside = hallway_file_set_aside (job->file, TRUE, &copy_error);
  g_autofree char *aside_name = NULL;

  if (aside == NULL)
    {
      job->block_saves = TRUE;
      job->error = g_error_new (HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT,
                                ngettext ("The list of conferences “%s” has %u damaged entry "
                                          "(%s) and could not be copied aside (%s). The others "
                                          "are shown; the file is left untouched and "
                                          "conferences cannot be added or removed.",
                                          "The list of conferences “%s” has %u damaged entries "
                                          "(%s) and could not be copied aside (%s). The others "
                                          "are shown; the file is left untouched and "
                                          "conferences cannot be added or removed.", dropped),
                                name, dropped, first_dropped, copy_error->message);
      return;
    }
  aside_name = g_file_get_parse_name (aside);
  job->rewrite = TRUE;
  job->error = g_error_new (HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT,
                            ngettext ("The list of conferences “%s” had %u damaged entry (%s); "
                                      "it was left out and the others kept. A copy of the file "
                                      "as it was is in “%s”.",
                                      "The list of conferences “%s” had %u damaged entries (%s); "
                                      "they were left out and the others kept. A copy of the "
                                      "file as it was is in “%s”.", dropped),
                            name, dropped, first_dropped, aside_name);
}

/* Not cancellable: a read cut short would look like an unreadable file. A file bigger than
 * HALLWAY_FILE_STATE_MAX_SIZE is not read but moved aside as damaged. */
static void
read_library_file (LoadJob *job)
{
  HallwayStateFormat format = state_format ();
  LibraryContent content = { 0 };
  HallwayStateFileOutcome outcome;

  outcome = hallway_state_file_load (&format, job->file, read_library_root, &content,
                                     &job->error);
  job->first_start = outcome == HALLWAY_STATE_FILE_MISSING;
  job->block_saves = outcome == HALLWAY_STATE_FILE_BLOCKED;
  job->set_aside = outcome == HALLWAY_STATE_FILE_SET_ASIDE;
  job->stored = g_steal_pointer (&content.stored);
  job->current_id = g_steal_pointer (&content.current_id);
  if (content.dropped > 0)
    keep_readable_entries (job, content.dropped, content.first_dropped);
  library_content_clear (&content);
}

/* A new library starts with what the administrator's catalogue marks "follow". */
static GPtrArray *
default_conferences (GListModel *catalogue)
{
  GPtrArray *stored = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_conference_free);
  guint n_items = g_list_model_get_n_items (catalogue);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (catalogue, i);

      if (hallway_library_entry_get_follow (entry))
        g_ptr_array_add (stored,
                         stored_conference_new (hallway_library_entry_get_id (entry),
                                                hallway_library_entry_get_location (entry),
                                                hallway_library_entry_get_title (entry), NULL));
    }
  return stored;
}

/* Bookmarks files are small, but there is one per conference: read them here too. A
 * damaged one is moved aside and a newer one left alone by HallwayBookmarks itself. */
static void
load_bookmarks (GPtrArray *stored)
{
  for (guint i = 0; i < stored->len; i++)
    {
      StoredConference *conference = g_ptr_array_index (stored, i);
      g_autoptr (GFile) file = hallway_paths_dup_bookmarks_file (conference->id);
      g_autoptr (GError) error = NULL;

      conference->bookmarks = hallway_bookmarks_new (file);
      if (!hallway_bookmarks_load (conference->bookmarks, &error))
        g_message ("%s", error->message);
    }
}

/* The conference the window opens on (the current one, else the first) read from its cache
 * and parsed in this thread, which starts before GTK does: the first window shows it. The
 * others are read once the list is loaded. */
static void
load_current_schedule (LoadJob *job)
{
  StoredConference *current = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < job->stored->len && current == NULL; i++)
    {
      StoredConference *stored = g_ptr_array_index (job->stored, i);

      if (g_strcmp0 (stored->id, job->current_id) == 0)
        current = stored;
    }
  if (current == NULL && job->stored->len > 0)
    current = g_ptr_array_index (job->stored, 0);
  if (current == NULL)
    return;
  current->subscription = hallway_subscription_new (current->location, job->fetcher,
                                                    current->bookmarks);
  if (!hallway_subscription_load_cached (current->subscription, &error))
    report_cache_error (current->subscription, error);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadJob *job = task_data;

  if (job->catalogue == NULL && job->cached_catalogue != NULL)
    job->catalogue = hallway_catalogue_new_from_download (job->catalogue_url, job->cached_catalogue,
                                              &job->catalogue_error);
  if (job->catalogue == NULL)
    job->catalogue = hallway_catalogue_read_system (job->catalogue_error == NULL
                                            ? &job->catalogue_error : NULL);
  read_library_file (job);
  if (job->first_start)
    job->stored = default_conferences (job->catalogue);
  if (job->stored == NULL)
    job->stored = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_conference_free);
  load_bookmarks (job->stored);
  load_current_schedule (job);
  g_task_return_boolean (task, TRUE);
}

/* The load finishes when every cached copy was tried. */
typedef struct
{
  guint pending;
  GError *error;
} LoadState;

static void
load_state_free (LoadState *state)
{
  g_clear_error (&state->error);
  g_free (state);
}

static void
load_step_done (GTask *task)
{
  LoadState *state = g_task_get_task_data (task);

  g_assert (state->pending > 0);
  if (--state->pending > 0)
    return;
  if (state->error != NULL)
    g_task_return_error (task, g_steal_pointer (&state->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
cached_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_subscription_load_cached_finish (HALLWAY_SUBSCRIPTION (source), result, &error))
    report_cache_error (HALLWAY_SUBSCRIPTION (source), error);
  load_step_done (task);
}

static void
defaults_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_library_save_finish (HALLWAY_LIBRARY (source), result, &error))
    g_debug ("Saving the list of conferences after loading it failed: %s", error->message);
  load_step_done (task);
}

static HallwayLibraryEntry *
entry_for_stored (HallwayLibrary *self, StoredConference *stored)
{
  g_autoptr (HallwaySubscription) subscription =
    stored->subscription != NULL
      ? g_object_ref (stored->subscription)
      : hallway_subscription_new (stored->location, self->fetcher, stored->bookmarks);

  return hallway_library_entry_new_followed (stored->id, stored->location, stored->title,
                                             stored->added, subscription);
}

static void
take_catalogue_model (HallwayLibrary *self, GListModel *catalogue)
{
  guint n_items = g_list_model_get_n_items (catalogue);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->catalogue));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (catalogue, i));
  g_list_store_splice (self->catalogue, 0, n_old, items->pdata, items->len);
  for (guint i = 0; i < self->entries->len; i++)
    take_venue_from_catalogue (self, g_ptr_array_index (self->entries, i));
}

static void
take_catalogue (HallwayLibrary *self, LoadJob *job)
{
  if (job->catalogue_error != NULL)
    g_warning ("%s", job->catalogue_error->message);
  take_catalogue_model (self, job->catalogue);
}

/* An administrator's mistake is a warning; no network is a normal day. */
static void
report_catalogue_error (const GError *error)
{
  if (error->domain == HALLWAY_LIBRARY_ERROR)
    g_warning ("%s", error->message);
  else
    g_message ("The conference catalogue could not be downloaded: %s", error->message);
}

static void
catalogue_refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!hallway_library_refresh_catalogue_finish (HALLWAY_LIBRARY (source), result, &error))
    report_catalogue_error (error);
}

static void
file_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwayLibrary *self = HALLWAY_LIBRARY (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  LoadState *state = g_task_get_task_data (task);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  take_catalogue (self, job);
  if (job->block_saves)
    block_saves (self, job->error);
  if (job->set_aside)
    g_set_str (&self->recovered, job->error->message);
  state->error = g_steal_pointer (&job->error);
  self->loaded = TRUE;
  /* Started from its cached copy: the catalogue at the URL is checked in the background. */
  if (job->cached_catalogue != NULL)
    hallway_library_refresh_catalogue_async (self, NULL, catalogue_refreshed_cb, NULL);

  for (guint i = 0; i < job->stored->len; i++)
    g_ptr_array_add (entries, entry_for_stored (self, g_ptr_array_index (job->stored, i)));
  append_entries (self, entries);
  /* The defaults of a first start are this instance's to add; another Hallway starting
   * for the first time at once adds its own, and the saves merge. */
  for (guint i = 0; job->first_start && i < entries->len; i++)
    note_added (self, hallway_library_entry_get_id (g_ptr_array_index (entries, i)));
  if (job->current_id != NULL)
    set_current_entry (self, hallway_library_lookup (self, job->current_id));

  /* One step for this function, so the task cannot finish while steps are started. */
  state->pending = 1;
  for (guint i = 0; i < entries->len; i++)
    {
      HallwayLibraryEntry *entry = g_ptr_array_index (entries, i);
      StoredConference *stored = g_ptr_array_index (job->stored, i);

      /* The current conference's cache was read by the thread. */
      if (stored->subscription != NULL)
        continue;
      state->pending++;
      hallway_subscription_load_cached_async (hallway_library_entry_get_subscription (entry),
                                              g_task_get_cancellable (task), cached_loaded_cb,
                                              g_object_ref (task));
    }
  if ((job->first_start && entries->len > 0) || job->rewrite)
    {
      state->pending++;
      hallway_library_save_async (self, NULL, defaults_saved_cb, g_object_ref (task));
    }
  load_step_done (task);
}

/* ---- the catalogue at a URL ------------------------------------------------------------ */

/* The model downloaded, or NULL without an error when it did not change (304). */
static GListModel *
fetch_catalogue_finish (HallwayLibrary *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
catalogue_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GListModel *catalogue = g_task_get_task_data (task);

  /* Not kept for offline starts: the next start downloads it again. */
  if (!hallway_schedule_cache_store_finish (HALLWAY_SCHEDULE_CACHE (source), result, &error))
    g_message ("The conference catalogue could not be kept offline: %s", error->message);
  g_task_return_pointer (task, catalogue != NULL ? g_object_ref (catalogue) : NULL,
                         g_object_unref);
}

static void
catalogue_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwayLibrary *self = g_task_get_source_object (task);
  g_autoptr (HallwayFetchResult) fetched = NULL;
  g_autoptr (GListModel) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  const char *etag;
  const char *last_modified;

  fetched = hallway_fetcher_fetch_finish (HALLWAY_FETCHER (source), result, &error);
  if (fetched == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A 304 may leave out the validators: the stored ones stay good. */
  etag = fetched->etag != NULL ? fetched->etag
                               : hallway_schedule_cache_get_etag (self->catalogue_cache);
  last_modified = fetched->last_modified != NULL
                  ? fetched->last_modified
                  : hallway_schedule_cache_get_last_modified (self->catalogue_cache);
  if (!fetched->not_modified)
    {
      catalogue = hallway_catalogue_new_from_download (self->catalogue_url, fetched->body, &error);
      if (catalogue == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_task_set_task_data (task, g_object_ref (catalogue), g_object_unref);
    }
  hallway_schedule_cache_store_async (self->catalogue_cache,
                                      fetched->not_modified ? NULL : fetched->body, etag,
                                      last_modified, NULL, catalogue_stored_cb,
                                      g_steal_pointer (&task));
}

/* A conditional request for the catalogue URL; a new version is read, then cached. */
static void
fetch_catalogue_async (HallwayLibrary     *self,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, fetch_catalogue_async);
  hallway_fetcher_fetch_async (self->fetcher, self->catalogue_url,
                               hallway_schedule_cache_get_etag (self->catalogue_cache),
                               hallway_schedule_cache_get_last_modified (self->catalogue_cache),
                               cancellable, catalogue_fetched_cb, task);
}

static void
refresh_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwayLibrary *self = HALLWAY_LIBRARY (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) catalogue = fetch_catalogue_finish (self, result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (catalogue != NULL)
    take_catalogue_model (self, catalogue);
  g_task_return_boolean (task, TRUE);
}

void
hallway_library_refresh_catalogue_async (HallwayLibrary     *self,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (HALLWAY_IS_LIBRARY (self));
  g_return_if_fail (self->loaded);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_library_refresh_catalogue_async);
  if (self->catalogue_url == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  fetch_catalogue_async (self, cancellable, refresh_fetched_cb, g_steal_pointer (&task));
}

gboolean
hallway_library_refresh_catalogue_finish (HallwayLibrary *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
cancel_first_fetch_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
first_catalogue_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) read = user_data;
  LoadJob *job = g_task_get_task_data (read);
  g_autoptr (GError) error = NULL;

  /* A timeout that fired removed itself. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    job->first_fetch_timeout = 0;
  else
    g_clear_handle_id (&job->first_fetch_timeout, g_source_remove);
  job->catalogue = fetch_catalogue_finish (HALLWAY_LIBRARY (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The conference catalogue at %s did not arrive within %d seconds; the next "
               "start tries again", job->catalogue_url, CATALOGUE_FIRST_FETCH_SECONDS);
  else if (error != NULL)
    report_catalogue_error (error);
  g_task_run_in_thread (read, load_thread);
}

static void
cached_catalogue_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) read = user_data;
  HallwayLibrary *self = g_task_get_source_object (read);
  LoadJob *job = g_task_get_task_data (read);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) timeout = NULL;

  job->cached_catalogue = hallway_schedule_cache_load_finish (HALLWAY_SCHEDULE_CACHE (source),
                                                              result, &error);
  if (job->cached_catalogue != NULL)
    {
      g_task_run_in_thread (read, load_thread);
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_message ("The cached conference catalogue cannot be read: %s", error->message);
  /* Nothing cached: a first start, whose "follow" conferences come from this download. The
   * source holds the cancellable; it is removed in the callback or with the job. */
  timeout = g_cancellable_new ();
  job->first_fetch_timeout = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                         CATALOGUE_FIRST_FETCH_SECONDS,
                                                         cancel_first_fetch_cb,
                                                         g_object_ref (timeout), g_object_unref);
  fetch_catalogue_async (self, timeout, first_catalogue_fetched_cb, g_steal_pointer (&read));
}

void
hallway_library_load_async (HallwayLibrary     *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) read = NULL;
  LoadJob *job;

  g_return_if_fail (HALLWAY_IS_LIBRARY (self));
  g_return_if_fail (!self->loaded);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_library_load_async);
  g_task_set_task_data (task, g_new0 (LoadState, 1), (GDestroyNotify) load_state_free);

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (self->file);
  job->fetcher = g_object_ref (self->fetcher);
  read = g_task_new (self, cancellable, file_read_cb, g_steal_pointer (&task));
  g_task_set_task_data (read, job, (GDestroyNotify) load_job_free);
  /* The list must be filled even when cancelled, or it would be saved empty later. */
  g_task_set_check_cancellable (read, FALSE);
  if (self->catalogue_url == NULL)
    {
      g_task_run_in_thread (read, load_thread);
      return;
    }
  /* Offline first: the catalogue URL's cached copy; without one, a download first. */
  job->catalogue_url = g_strdup (self->catalogue_url);
  hallway_schedule_cache_load_async (self->catalogue_cache, NULL, cached_catalogue_cb,
                                     g_steal_pointer (&read));
}

gboolean
hallway_library_load_finish (HallwayLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- adding ---------------------------------------------------------------------------- */

typedef struct
{
  char *location;
  char *id;
  HallwaySubscription *subscription;
  HallwayLibraryEntry *entry;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_free (job->location);
  g_free (job->id);
  g_clear_object (&job->subscription);
  g_clear_object (&job->entry);
  g_free (job);
}

static void
return_subscription (GTask *task, HallwaySubscription *subscription)
{
  g_task_return_pointer (task, g_object_ref (subscription), g_object_unref);
}

static GError *
cannot_add_error (const char *location, const GError *detail)
{
  return g_error_new (detail->domain, detail->code, _("%s was not added: %s"), location,
                      detail->message);
}

/* Bookmarks kept when the conference was removed come back with it. The file is small
 * and usually absent; the fetch that follows is what takes time. */
static HallwaySubscription *
subscription_for_new (HallwayLibrary *self, AddJob *job)
{
  g_autoptr (GFile) file = hallway_paths_dup_bookmarks_file (job->id);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  if (!hallway_bookmarks_load (bookmarks, &error))
    g_message ("%s", error->message);
  return hallway_subscription_new (job->location, self->fetcher, bookmarks);
}

static void
added_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwayLibrary *self = HALLWAY_LIBRARY (source);
  AddJob *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!hallway_library_save_finish (self, result, &error))
    {
      remove_entry (self, job->entry);
      g_hash_table_remove (self->added_ids, job->id);
      g_task_return_error (task, cannot_add_error (job->location, error));
      return;
    }
  return_subscription (task, job->subscription);
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwayLibrary *self = g_task_get_source_object (task);
  AddJob *job = g_task_get_task_data (task);
  HallwayConference *conference;
  HallwayLibraryEntry *existing;
  g_autoptr (GDateTime) now = NULL;
  GError *error = NULL;

  if (!hallway_subscription_refresh_finish (job->subscription, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Another add of the same location finished first. */
  existing = hallway_library_lookup_location (self, job->location);
  if (existing != NULL)
    {
      return_subscription (task, hallway_library_entry_get_subscription (existing));
      return;
    }
  if (self->save_blocker != NULL)
    {
      g_task_return_error (task, cannot_add_error (job->location, self->save_blocker));
      return;
    }
  conference = hallway_subscription_get_conference (job->subscription);
  now = g_date_time_new_now_utc ();
  job->entry = hallway_library_entry_new_followed (job->id, job->location,
                                                   conference != NULL
                                                   ? hallway_conference_get_title (conference)
                                                   : NULL,
                                                   now, job->subscription);
  append_entry (self, job->entry);
  note_added (self, job->id);
  hallway_library_save_async (self, NULL, added_saved_cb, g_steal_pointer (&task));
}

void
hallway_library_add_async (HallwayLibrary     *self,
                           const char         *location,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  HallwayLibraryEntry *existing;
  AddJob *job;

  g_return_if_fail (HALLWAY_IS_LIBRARY (self));
  g_return_if_fail (location != NULL);
  g_return_if_fail (self->loaded);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_library_add_async);
  /* As for the refresh: a conference checked just before a cancel is added all the same,
   * and the result says so. */
  g_task_set_check_cancellable (task, FALSE);

  if (!hallway_location_is_web (location) && !hallway_location_is_file (location))
    {
      /* Translators: after Add Conference with text that is no address: "“not a url” is
       * neither …" */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is neither a web address (https://…) nor a file"),
                               location);
      return;
    }
  existing = hallway_library_lookup_location (self, location);
  if (existing != NULL)
    {
      return_subscription (task, hallway_library_entry_get_subscription (existing));
      return;
    }
  job = g_new0 (AddJob, 1);
  job->location = hallway_location_normalize (location);
  job->id = hallway_location_dup_id (job->location);
  g_task_set_task_data (task, job, (GDestroyNotify) add_job_free);
  if (self->save_blocker != NULL)
    {
      g_task_return_error (task, cannot_add_error (job->location, self->save_blocker));
      return;
    }
  job->subscription = subscription_for_new (self, job);
  hallway_subscription_refresh_async (job->subscription, cancellable, checked_cb,
                                      g_steal_pointer (&task));
}

HallwaySubscription *
hallway_library_add_finish (HallwayLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- removing -------------------------------------------------------------------------- */

/* The files are a few small ones, deleted right away. A refresh of this conference still
 * under way may store its schedule again; the folder is then only clutter in the cache. */
gboolean
hallway_library_remove (HallwayLibrary *self,
                        const char     *id,
                        gboolean        delete_bookmarks,
                        GError        **error)
{
  HallwayLibraryEntry *found;
  g_autoptr (HallwayLibraryEntry) entry = NULL;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  found = hallway_library_lookup (self, id);
  if (found == NULL)
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_UNKNOWN,
                   _("There is no conference “%s” in the library"), id);
      return FALSE;
    }
  if (self->save_blocker != NULL)
    {
      g_propagate_error (error, g_error_copy (self->save_blocker));
      return FALSE;
    }
  /* Kept alive past the list for its files and its title. */
  entry = g_object_ref (found);
  remove_entry (self, entry);
  note_removed (self, hallway_library_entry_get_id (entry));
  save_in_background (self);
  return !delete_bookmarks || hallway_library_entry_delete_files (entry, error);
}

/* ---- the same conference twice ---------------------------------------------------------- */

HallwayLibraryEntry *
hallway_library_find_file_twin (HallwayLibrary *self, HallwayLibraryEntry *entry)
{
  HallwayConference *conference;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (entry), NULL);

  conference = hallway_library_entry_get_conference (entry);
  if (conference == NULL || !hallway_location_is_web (hallway_library_entry_get_location (entry)))
    return NULL;
  for (guint i = 0; i < self->entries->len; i++)
    {
      HallwayLibraryEntry *other = g_ptr_array_index (self->entries, i);
      HallwayConference *other_conference = hallway_library_entry_get_conference (other);

      if (other != entry && other_conference != NULL &&
          !hallway_location_is_web (hallway_library_entry_get_location (other)) &&
          hallway_conference_is_same_as (conference, other_conference))
        return other;
    }
  return NULL;
}

/* Bookmarks of talks the new schedule has, by key; the others stay in the old file. */
static void
move_bookmarks (HallwayBookmarks *from, HallwayBookmarks *to, HallwayConference *conference)
{
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (from);
  GHashTableIter iter;
  gpointer track;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_conference_lookup_talk (conference, keys[i]);

      if (talk == NULL)
        continue;
      if (!hallway_bookmarks_contains (to, keys[i]))
        hallway_bookmarks_add (to, talk);
      if (hallway_bookmarks_is_backup (from, keys[i]))
        hallway_bookmarks_set_backup (to, keys[i], TRUE);
    }
  g_hash_table_iter_init (&iter, hallway_bookmarks_get_hidden_tracks (from));
  while (g_hash_table_iter_next (&iter, &track, NULL))
    hallway_bookmarks_set_track_hidden (to, track, TRUE);
}

gboolean
hallway_library_replace (HallwayLibrary *self, const char *old_id, const char *new_id,
                         GError **error)
{
  HallwayLibraryEntry *old_entry, *new_entry;
  HallwayConference *conference;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (old_id != NULL && new_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_entry = hallway_library_lookup (self, old_id);
  new_entry = hallway_library_lookup (self, new_id);
  if (old_entry == NULL || new_entry == NULL)
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_UNKNOWN,
                   _("There is no conference “%s” in the library"),
                   old_entry == NULL ? old_id : new_id);
      return FALSE;
    }
  conference = hallway_library_entry_get_conference (new_entry);
  if (conference == NULL || hallway_library_entry_get_conference (old_entry) == NULL)
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_UNKNOWN,
                   _("“%s” has no schedule yet"),
                   hallway_library_entry_get_title (conference == NULL ? new_entry : old_entry));
      return FALSE;
    }
  if (self->save_blocker != NULL)
    {
      g_propagate_error (error, g_error_copy (self->save_blocker));
      return FALSE;
    }
  move_bookmarks (hallway_library_entry_get_bookmarks (old_entry),
                  hallway_library_entry_get_bookmarks (new_entry), conference);
  if (!hallway_bookmarks_save (hallway_library_entry_get_bookmarks (new_entry), NULL, error))
    return FALSE;
  return hallway_library_remove (self, old_id, FALSE, error);
}

/* ---- the current conference ------------------------------------------------------------ */

HallwaySubscription *
hallway_library_get_current (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  return self->current != NULL ? hallway_library_entry_get_subscription (self->current) : NULL;
}

void
hallway_library_set_current (HallwayLibrary *self, HallwaySubscription *subscription)
{
  HallwayLibraryEntry *entry = NULL;

  g_return_if_fail (HALLWAY_IS_LIBRARY (self));
  g_return_if_fail (subscription == NULL || HALLWAY_IS_SUBSCRIPTION (subscription));
  g_return_if_fail (self->loaded);

  if (subscription != NULL)
    {
      entry = hallway_library_lookup_subscription (self, subscription);
      g_return_if_fail (entry != NULL);
    }
  if (entry == self->current)
    return;
  set_current_entry (self, entry);
  self->current_changed = TRUE;
  save_in_background (self);
}

/* ---- the object ------------------------------------------------------------------------ */

HallwayFetcher *
hallway_library_get_fetcher (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  return self->fetcher;
}

GFile *
hallway_library_get_file (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  return self->file;
}

/* The message of the load when it set a damaged library.json aside and started with an
 * empty list: which file, and where the old copy is now. NULL otherwise. */
const char *
hallway_library_get_recovered_message (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  return self->recovered;
}

const char *
hallway_library_get_last_error (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  return self->last_error;
}

void
hallway_library_set_catalogue_url (HallwayLibrary *self, const char *url)
{
  g_return_if_fail (HALLWAY_IS_LIBRARY (self));
  g_return_if_fail (!self->loaded);

  if (url != NULL && *url == '\0')
    url = NULL;
  g_set_str (&self->catalogue_url, url);
  g_clear_object (&self->catalogue_cache);
  if (url != NULL)
    self->catalogue_cache = hallway_schedule_cache_new_latest_only (url);
}

const char *
hallway_library_get_catalogue_url (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);

  return self->catalogue_url;
}

GListModel *
hallway_library_get_catalogue (HallwayLibrary *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->catalogue);
}

static void
hallway_library_constructed (GObject *object)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (object);

  G_OBJECT_CLASS (hallway_library_parent_class)->constructed (object);

  if (self->fetcher == NULL)
    self->fetcher = hallway_fetcher_new ();
  /* Read when constructed, so each test's isolated folders apply. */
  self->file = hallway_paths_dup_library_file ();
}

static void
hallway_library_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FETCHER:
      g_value_set_object (value, self->fetcher);
      break;
    case PROP_CURRENT:
      g_value_set_object (value, hallway_library_get_current (self));
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_library_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FETCHER:
      self->fetcher = g_value_dup_object (value);
      break;
    case PROP_CURRENT:
      hallway_library_set_current (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_library_dispose (GObject *object)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (object);

  g_clear_object (&self->current);
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->catalogue_cache);
  g_clear_object (&self->fetcher);
  G_OBJECT_CLASS (hallway_library_parent_class)->dispose (object);
}

static void
hallway_library_finalize (GObject *object)
{
  HallwayLibrary *self = HALLWAY_LIBRARY (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_free (self->catalogue_url);
  g_free (self->last_error);
  g_free (self->recovered);
  g_clear_pointer (&self->saves, hallway_save_queue_free);
  g_clear_error (&self->save_blocker);
  g_clear_pointer (&self->added_ids, g_hash_table_unref);
  g_clear_pointer (&self->removed_ids, g_hash_table_unref);
  g_clear_pointer (&self->retitled_ids, g_hash_table_unref);
  G_OBJECT_CLASS (hallway_library_parent_class)->finalize (object);
}

static void
hallway_library_class_init (HallwayLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hallway_library_constructed;
  object_class->get_property = hallway_library_get_property;
  object_class->set_property = hallway_library_set_property;
  object_class->dispose = hallway_library_dispose;
  object_class->finalize = hallway_library_finalize;

  properties[PROP_FETCHER] =
    g_param_spec_object ("fetcher", NULL, NULL, HALLWAY_TYPE_FETCHER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, HALLWAY_TYPE_SUBSCRIPTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_library_init (HallwayLibrary *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->catalogue = G_LIST_STORE (hallway_catalogue_new_builtin ());
  self->added_ids = id_set_new ();
  self->removed_ids = id_set_new ();
  self->retitled_ids = id_set_new ();
  g_queue_init (&self->writes);
  self->saves = hallway_save_queue_new (G_OBJECT (self), snapshot_for_queue,
                                        (GDestroyNotify) library_save_free, write_for_queue,
                                        save_done, save_blocker);
}

/* fetcher: shared by every subscription (NULL: a default one). */
HallwayLibrary *
hallway_library_new (HallwayFetcher *fetcher)
{
  g_return_val_if_fail (fetcher == NULL || HALLWAY_IS_FETCHER (fetcher), NULL);

  return g_object_new (HALLWAY_TYPE_LIBRARY, "fetcher", fetcher, NULL);
}
