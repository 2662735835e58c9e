/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-library-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-conference.h"
#include "hallway-library-entry.h"
#include "hallway-location.h"
#include "hallway-paths.h"
#include "hallway-room.h"

struct _HallwayLibraryEntry
{
  GObject parent_instance;

  char *id;
  char *location;
  char *title;
  char *subtitle;
  GDateTime *added;
  gboolean follow;
  gboolean builtin;

  HallwaySubscription *subscription;   /* followed conferences only */
  HallwayConference *builtin_conference;
  HallwayBookmarks *bookmarks;
  HallwayPlan *plan;                   /* once the conference is known */
  HallwayReminderScheduler *scheduler; /* once reminders are wanted */

  /* From the catalogue (hallway_library_entry_set_venue): NULL for most conferences. */
  char *room_status_url;
  char *navigation_url;                /* "{room}" stands for a room's location slug */
  char *room_page_url;                 /* "{room}" stands for a room's slug */
  char *stream_url;                    /* "{room}" stands for a room's slug */
  HallwayRoomStatus *room_status;      /* once ensured */
};

G_DEFINE_FINAL_TYPE (HallwayLibraryEntry, hallway_library_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_LOCATION,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ADDED,
  PROP_FOLLOW,
  PROP_SUBSCRIPTION,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { SIGNAL_UPDATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- files ------------------------------------------------------------------------------ */

GFile *
hallway_library_entry_dup_bookmarks_file (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return hallway_paths_dup_bookmarks_file (self->id);
}

GFile *
hallway_library_entry_dup_reminders_file (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return hallway_paths_dup_reminders_file (self->id);
}

GFile *
hallway_library_entry_dup_export_sequences_file (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return hallway_paths_dup_exports_file (self->id);
}

static gboolean
delete_if_present (GFile *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_file_delete (file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
delete_cache_folder (GFile *folder, GError **error)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GError) local_error = NULL;
  GFileInfo *info = NULL;
  GFile *child = NULL;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, &local_error) &&
         info != NULL)
    {
      if (!delete_if_present (child, &local_error))
        break;
    }
  if (local_error == NULL)
    return delete_if_present (folder, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Everything that belongs to the conference: its bookmarks, the state that goes with them
 * (which reminders were shown, the SEQUENCE of each exported talk) and its cache. */
gboolean
hallway_library_entry_delete_files (HallwayLibraryEntry *self, GError **error)
{
  g_autoptr (GFile) bookmarks = NULL;
  g_autoptr (GFile) reminders = NULL;
  g_autoptr (GFile) sequences = NULL;
  g_autoptr (GError) local_error = NULL;
  GFile *cache_folder = NULL;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), FALSE);

  bookmarks = hallway_library_entry_dup_bookmarks_file (self);
  reminders = hallway_library_entry_dup_reminders_file (self);
  sequences = hallway_library_entry_dup_export_sequences_file (self);
  if (self->subscription != NULL)
    cache_folder =
      hallway_schedule_cache_get_folder (hallway_subscription_get_cache (self->subscription));
  if (delete_if_present (bookmarks, &local_error) &&
      delete_if_present (reminders, &local_error) &&
      delete_if_present (sequences, &local_error) &&
      (cache_folder == NULL || delete_cache_folder (cache_folder, &local_error)))
    return TRUE;
  g_set_error (error, local_error->domain, local_error->code,
               _("%s was removed, but its bookmarks or its saved schedule could not be "
                 "deleted: %s"), self->title, local_error->message);
  return FALSE;
}

/* ---- the plan and the reminders --------------------------------------------------------- */

static void
ensure_plan (HallwayLibraryEntry *self)
{
  HallwayConference *conference = hallway_library_entry_get_conference (self);

  if (self->plan != NULL || conference == NULL || self->bookmarks == NULL)
    return;
  self->plan = hallway_plan_new (conference, self->bookmarks);
  /* Read from the cache: the last update's changes, still to be seen after a restart. */
  if (self->subscription != NULL && hallway_subscription_get_changes (self->subscription) != NULL)
    hallway_plan_set_conference (self->plan, conference,
                                 hallway_subscription_get_changes (self->subscription));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* The last update's changes, read from the cache after the schedule. */
static void
changes_loaded_cb (HallwaySubscription *subscription, GParamSpec *pspec, HallwayLibraryEntry *self)
{
  HallwayConference *conference = hallway_subscription_get_conference (subscription);
  GListModel *changes = hallway_subscription_get_changes (subscription);

  if (self->plan != NULL && changes != NULL && hallway_plan_get_changes (self->plan) != changes &&
      hallway_plan_get_conference (self->plan) == conference)
    hallway_plan_set_conference (self->plan, conference, changes);
}

static void
conference_changed_cb (HallwaySubscription *subscription,
                       GParamSpec          *pspec,
                       HallwayLibraryEntry *self)
{
  HallwayConference *conference = hallway_subscription_get_conference (subscription);

  if (conference == NULL)
    return;
  hallway_library_entry_set_title (self, hallway_conference_get_title (conference));
  ensure_plan (self);
}

/* The plan and the reminders follow a new version before anyone else hears of it. */
static void
subscription_updated_cb (HallwaySubscription *subscription,
                         HallwayConference   *conference,
                         GListModel          *changes,
                         HallwayLibraryEntry *self)
{
  ensure_plan (self);
  hallway_plan_set_conference (self->plan, conference, changes);
  if (self->scheduler != NULL)
    hallway_reminder_scheduler_replace_conference (self->scheduler, conference);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0, conference, changes);
}

/* ---- construction ---------------------------------------------------------------------- */

/* The title falls back to the location, so a row always has something to show. */
static HallwayLibraryEntry *
entry_new (const char *id, const char *location, const char *title)
{
  HallwayLibraryEntry *self = g_object_new (HALLWAY_TYPE_LIBRARY_ENTRY, NULL);

  self->id = g_strdup (id);
  self->location = g_strdup (location);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : location);
  return self;
}

HallwayLibraryEntry *
hallway_library_entry_new_followed (const char          *id,
                                    const char          *location,
                                    const char          *title,
                                    GDateTime           *added,
                                    HallwaySubscription *subscription)
{
  HallwayLibraryEntry *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (subscription), NULL);

  self = entry_new (id, location, title);
  self->added = added != NULL ? g_date_time_ref (added) : NULL;
  self->subscription = g_object_ref (subscription);
  g_set_object (&self->bookmarks, hallway_subscription_get_bookmarks (subscription));
  g_signal_connect_object (subscription, "notify::conference",
                           G_CALLBACK (conference_changed_cb), self, 0);
  g_signal_connect_object (subscription, "updated", G_CALLBACK (subscription_updated_cb), self,
                           0);
  g_signal_connect_object (subscription, "notify::changes", G_CALLBACK (changes_loaded_cb), self,
                           0);
  conference_changed_cb (subscription, NULL, self);
  /* A schedule read by the library's start-up thread came without them. */
  hallway_subscription_read_changes (subscription);
  return self;
}

/* Its bookmarks are not read here: see the header. */
HallwayLibraryEntry *
hallway_library_entry_new_builtin (const char *id, HallwayConference *conference)
{
  HallwayLibraryEntry *self;
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);

  self = entry_new (id, id, hallway_conference_get_title (conference));
  self->builtin = TRUE;
  self->builtin_conference = g_object_ref (conference);
  file = hallway_library_entry_dup_bookmarks_file (self);
  self->bookmarks = hallway_bookmarks_new (file);
  return self;
}

HallwayLibraryEntry *
hallway_library_entry_new_known (const char *title,
                                 const char *location,
                                 const char *subtitle,
                                 gboolean    follow)
{
  g_autofree char *normalized = NULL;
  g_autofree char *id = NULL;
  HallwayLibraryEntry *self;

  g_return_val_if_fail (location != NULL, NULL);

  normalized = hallway_location_normalize (location);
  id = hallway_location_dup_id (normalized);
  self = entry_new (id, normalized, title);
  self->subtitle = g_strdup (subtitle);
  self->follow = follow;
  return self;
}

/* ---- the venue ------------------------------------------------------------------------- */

/* The catalogue's word on the conference's venue: where its room status is published, its
 * campus navigation, "{room}" standing for a room's location slug (FOSDEM:
 * https://nav.fosdem.org/d/{room}/, "h1301_cornil"), and a room's page on the conference's
 * website, "{room}" standing for its slug (https://fosdem.org/2026/schedule/room/{room}/,
 * "h1301"). NULL for none. */
void
hallway_library_entry_set_venue (HallwayLibraryEntry *self, const char *room_status_url,
                                 const char *navigation_url, const char *room_page_url)
{
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self));

  g_set_str (&self->navigation_url, navigation_url);
  g_set_str (&self->room_page_url, room_page_url);
  if (g_set_str (&self->room_status_url, room_status_url))
    g_clear_object (&self->room_status);
}

const char *
hallway_library_entry_get_room_status_url (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->room_status_url;
}

const char *
hallway_library_entry_get_navigation_url (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->navigation_url;
}

const char *
hallway_library_entry_get_room_page_url (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->room_page_url;
}

/* template with "{room}" replaced by slug; NULL without a template or a slug. */
static char *
expand_room_url (const char *template, const char *slug)
{
  g_autoptr (GString) url = NULL;

  if (template == NULL || *slug == '\0')
    return NULL;
  url = g_string_new (template);
  g_string_replace (url, "{room}", slug, 0);
  return g_strdup (url->str);
}

/* The campus navigation to room; NULL when the conference has none. */
char *
hallway_library_entry_dup_room_navigation_url (HallwayLibraryEntry *self, HallwayRoom *room)
{
  g_autofree char *slug = hallway_room_location_slug_for_name (hallway_room_get_name (room));

  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_ROOM (room), NULL);
  return expand_room_url (self->navigation_url, slug);
}

/* The room's page on the conference's website; NULL when the conference has none. */
char *
hallway_library_entry_dup_room_page_url (HallwayLibraryEntry *self, HallwayRoom *room)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_ROOM (room), NULL);
  return expand_room_url (self->room_page_url, hallway_room_get_slug (room));
}

/* The catalogue's stream of each room, "{room}" standing for a room's slug: a URL that a
 * media player plays (FOSDEM: the HLS playlist https://stream.fosdem.org/{room}.m3u8, as
 * FOSDEM's iOS app plays it). NULL for none. */
void
hallway_library_entry_set_room_stream (HallwayLibraryEntry *self, const char *stream_url)
{
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self));
  g_set_str (&self->stream_url, stream_url);
}

const char *
hallway_library_entry_get_room_stream (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->stream_url;
}

/* Room's live stream to play in Hallway; NULL when the conference has none. */
char *
hallway_library_entry_dup_room_stream_url (HallwayLibraryEntry *self, HallwayRoom *room)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_ROOM (room), NULL);
  return expand_room_url (self->stream_url, hallway_room_get_slug (room));
}

/* Polls the room status while the conference is live, made the first time it is asked
 * once the conference is known; NULL when the catalogue gives no room status. It keeps the
 * live window of the first version it was made for: a new version moves talks by minutes,
 * not days. */
HallwayRoomStatus *
hallway_library_entry_ensure_room_status (HallwayLibraryEntry *self)
{
  HallwayConference *conference;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);

  conference = hallway_library_entry_get_conference (self);
  if (self->room_status != NULL || self->room_status_url == NULL || conference == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (conference)) == 0)
    return self->room_status;
  self->room_status = hallway_room_status_new_for_conference (self->room_status_url, conference);
  hallway_room_status_start (self->room_status);
  return self->room_status;
}

/* NULL until ensured. */
HallwayRoomStatus *
hallway_library_entry_get_room_status (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->room_status;
}

/* ---- properties ------------------------------------------------------------------------ */

void
hallway_library_entry_set_title (HallwayLibraryEntry *self, const char *title)
{
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self));

  if (title == NULL || *title == '\0')
    return;
  if (g_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
hallway_library_entry_get_id (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->id;
}

const char *
hallway_library_entry_get_location (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->location;
}

const char *
hallway_library_entry_get_title (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->title;
}

const char *
hallway_library_entry_get_subtitle (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->subtitle;
}

GDateTime *
hallway_library_entry_get_added (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->added;
}

gboolean
hallway_library_entry_get_follow (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), FALSE);
  return self->follow;
}

gboolean
hallway_library_entry_is_builtin (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), FALSE);
  return self->builtin;
}

HallwaySubscription *
hallway_library_entry_get_subscription (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->subscription;
}

HallwayConference *
hallway_library_entry_get_conference (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);

  if (self->subscription != NULL)
    return hallway_subscription_get_conference (self->subscription);
  return self->builtin_conference;
}

HallwayBookmarks *
hallway_library_entry_get_bookmarks (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->bookmarks;
}

/* A built-in conference's plan is made when first asked for, after its bookmarks were
 * loaded: a load does not emit "changed", so a plan made before would miss them. */
HallwayPlan *
hallway_library_entry_get_plan (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);

  if (self->builtin)
    ensure_plan (self);
  return self->plan;
}

void
hallway_library_entry_dismiss_changes (HallwayLibraryEntry *self)
{
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self));

  /* The subscription's "notify::changes" empties the plan's (changes_loaded_cb). */
  if (self->subscription != NULL)
    hallway_subscription_dismiss_changes (self->subscription);
  else if (self->plan != NULL && hallway_plan_get_changes (self->plan) != NULL)
    hallway_plan_set_conference (self->plan, hallway_plan_get_conference (self->plan), NULL);
}

HallwayReminderScheduler *
hallway_library_entry_get_reminder_scheduler (HallwayLibraryEntry *self)
{
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);
  return self->scheduler;
}

/* The lead comes before the conference: a scheduler that met the conference with another
 * lead would drop (and save) the "already shown" records of talks moved by less than the
 * real lead, and show those reminders again. Which reminders were shown survives a
 * restart; a damaged file only costs a repeat (its message: the scheduler's recovered
 * message). */
HallwayReminderScheduler *
hallway_library_entry_ensure_reminder_scheduler (HallwayLibraryEntry *self, int lead_minutes)
{
  g_autoptr (GFile) state = NULL;
  g_autoptr (GError) error = NULL;
  HallwayPlan *plan;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);

  plan = hallway_library_entry_get_plan (self);
  if (self->scheduler != NULL || plan == NULL)
    return self->scheduler;
  state = hallway_library_entry_dup_reminders_file (self);
  self->scheduler = hallway_reminder_scheduler_new (state);
  if (!hallway_reminder_scheduler_load (self->scheduler, &error))
    g_message ("Reminders of %s start afresh: %s", self->id, error->message);
  hallway_reminder_scheduler_set_lead_minutes (self->scheduler, lead_minutes);
  hallway_reminder_scheduler_set_conference (self->scheduler, hallway_plan_get_conference (plan),
                                             self->bookmarks);
  return self->scheduler;
}

/* A damaged file starts the numbering afresh: calendars then see a re-export as new. */
HallwayExportSequences *
hallway_library_entry_load_export_sequences (HallwayLibraryEntry *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  HallwayExportSequences *sequences;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (self), NULL);

  file = hallway_library_entry_dup_export_sequences_file (self);
  sequences = hallway_export_sequences_new (file);
  if (!hallway_export_sequences_load (sequences, &error))
    g_warning ("Export sequences start afresh: %s", error->message);
  return sequences;
}

static void
hallway_library_entry_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HallwayLibraryEntry *self = HALLWAY_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_LOCATION: g_value_set_string (value, self->location); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_ADDED: g_value_set_boxed (value, self->added); break;
    case PROP_FOLLOW: g_value_set_boolean (value, self->follow); break;
    case PROP_SUBSCRIPTION: g_value_set_object (value, self->subscription); break;
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_library_entry_dispose (GObject *object)
{
  HallwayLibraryEntry *self = HALLWAY_LIBRARY_ENTRY (object);

  g_clear_object (&self->subscription);
  g_clear_object (&self->builtin_conference);
  g_clear_object (&self->plan);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->room_status);
  G_OBJECT_CLASS (hallway_library_entry_parent_class)->dispose (object);
}

static void
hallway_library_entry_finalize (GObject *object)
{
  HallwayLibraryEntry *self = HALLWAY_LIBRARY_ENTRY (object);

  g_free (self->id);
  g_free (self->location);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->room_status_url);
  g_free (self->navigation_url);
  g_free (self->room_page_url);
  g_free (self->stream_url);
  g_clear_pointer (&self->added, g_date_time_unref);
  G_OBJECT_CLASS (hallway_library_entry_parent_class)->finalize (object);
}

static void
hallway_library_entry_class_init (HallwayLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = hallway_library_entry_get_property;
  object_class->dispose = hallway_library_entry_dispose;
  object_class->finalize = hallway_library_entry_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_ADDED] = g_param_spec_boxed ("added", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FOLLOW] = g_param_spec_boolean ("follow", NULL, NULL, FALSE, flags);
  properties[PROP_SUBSCRIPTION] = g_param_spec_object ("subscription", NULL, NULL,
                                                       HALLWAY_TYPE_SUBSCRIPTION, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, HALLWAY_TYPE_PLAN, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, HALLWAY_TYPE_CONFERENCE, G_TYPE_LIST_MODEL);
}

static void
hallway_library_entry_init (HallwayLibraryEntry *self)
{
}
