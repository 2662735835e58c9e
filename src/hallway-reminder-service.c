/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-reminder-service"

#include "config.h"

#include <glib/gi18n.h>

#include <gtk/gtk.h>

#include "hallway-background-portal.h"
#include "hallway-conference.h"
#include "hallway-library-entry.h"
#include "hallway-reminder-scheduler.h"
#include "hallway-reminder-service.h"
#include "hallway-room.h"
#include "hallway-schedule-change.h"
#include "hallway-settings.h"
#include "hallway-talk.h"


/* GLib timeouts count monotonic time, which stops while the computer sleeps: never sleep
 * longer than this between checks, so a resume is noticed within a minute even where
 * logind's PrepareForSleep cannot be heard (inside a sandbox). */
#define LONGEST_WAIT_SECONDS 60

struct _HallwayReminderService
{
  GObject parent_instance;

  GApplication *application;      /* weak: the application owns the service */
  GSettings *settings;
  GHashTable *followed;           /* conference id → HallwayLibraryEntry with a plan */
  GHashTable *shown;              /* notification id → GDateTime end of the talk it is up for */
  gboolean portal_held;           /* background requests wait (hold_portal) */
  gboolean request_waiting;       /* one was asked for while they waited */
  gboolean held;                  /* the application, while reminders are to come */
  guint timeout_id;
  guint sleep_subscription;
  GDBusConnection *system_bus;
  gboolean pending;
};

G_DEFINE_FINAL_TYPE (HallwayReminderService, hallway_reminder_service, G_TYPE_OBJECT)

enum { PROP_0, PROP_PENDING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void rearm (HallwayReminderService *self);
static void update_background (HallwayReminderService *self);

/* ---- the conferences followed ---------------------------------------------------------- */

static HallwayReminderScheduler *
scheduler_of (gpointer entry)
{
  return hallway_library_entry_get_reminder_scheduler (entry);
}

/* A few conferences at most: a search beats a second map to keep in step. */
static HallwayLibraryEntry *
entry_of_scheduler (HallwayReminderService *self, HallwayReminderScheduler *scheduler)
{
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, self->followed);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    if (scheduler_of (entry) == scheduler)
      return entry;
  return NULL;
}

static GTimeZone *
zone_of (HallwayLibraryEntry *entry)
{
  return hallway_conference_get_time_zone (hallway_library_entry_get_conference (entry));
}

/* ---- notifications ------------------------------------------------------------------- */

/* "reminder:<conference id>/<key>" or "change:<conference id>/<key>": two followed
 * conferences may have talks with the same key, and a notification must never replace or
 * withdraw another conference's. Conference ids never hold a '/'. */
static char *
notification_id (const char *kind, const char *conference_id, const char *key)
{
  return g_strconcat (kind, ":", conference_id, "/", key, NULL);
}

static GNotification *
talk_notification (const char *title, const char *body, const char *conference_id, const char *key)
{
  GNotification *notification = g_notification_new (title);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_category (notification, "x-gnome.calendar");
  g_notification_set_default_action_and_target (notification, "app.open-talk", "(ss)",
                                                conference_id, key);
  g_notification_add_button_with_target (notification, _("Open"), "app.open-talk", "(ss)",
                                         conference_id, key);
  return notification;
}

/* Whether the room of the talk at key is full now, as the conference's room status says. */
static gboolean
room_is_full (HallwayLibraryEntry *entry, const char *key)
{
  HallwayRoomStatus *status = hallway_library_entry_get_room_status (entry);
  HallwayConference *conference = hallway_library_entry_get_conference (entry);
  HallwayTalk *talk = conference != NULL ? hallway_conference_lookup_talk (conference, key) : NULL;

  return status != NULL && talk != NULL &&
         hallway_room_status_lookup (status, hallway_talk_get_room (talk)) ==
           HALLWAY_ROOM_STATE_FULL;
}

/* The room is full: the reminder says so and, when the room is streamed, offers the stream
 * instead of the walk. */
static void
add_full_room (GNotification *notification, HallwayLibraryEntry *entry, const char *body,
               const char *key)
{
  HallwayConference *conference = hallway_library_entry_get_conference (entry);
  HallwayTalk *talk = hallway_conference_lookup_talk (conference, key);
  HallwayRoom *room = talk != NULL ? hallway_talk_get_room (talk) : NULL;
  g_autofree char *web = hallway_conference_dup_live_stream_url (conference, talk);
  g_autofree char *stream =
    room != NULL ? hallway_library_entry_dup_room_stream_url (entry, room) : NULL;
  /* Translators: the end of a reminder's text when the talk's room is full:
   * "In 15 minutes · H.1301 (Cornil) · Room is full" */
  g_autofree char *full_body = g_strdup_printf (_("%s · Room is full"), body);

  g_notification_set_body (notification, full_body);
  if (web != NULL || stream != NULL)
    g_notification_add_button_with_target (notification, _("Watch Stream"), "app.watch-stream",
                                           "(ss)", hallway_library_entry_get_id (entry), key);
}

static void
reminder_due_cb (HallwayReminderScheduler *scheduler, HallwayReminder *reminder, gpointer user_data)
{
  HallwayReminderService *self = user_data;
  HallwayLibraryEntry *entry = entry_of_scheduler (self, scheduler);
  const char *conference_id = hallway_library_entry_get_id (entry);
  GTimeZone *zone = zone_of (entry);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *summary = hallway_reminder_scheduler_format_summary (reminder->title);
  g_autofree char *body =
    hallway_reminder_scheduler_format_body (reminder->room, reminder->start, now, zone);
  g_autoptr (GNotification) notification = talk_notification (summary, body, conference_id,
                                                              reminder->key);
  g_autofree char *id = notification_id ("reminder", conference_id, reminder->key);

  if (room_is_full (entry, reminder->key))
    add_full_room (notification, entry, body, reminder->key);
  g_notification_add_button_with_target (notification, _("Snooze 5 Minutes"), "app.snooze-talk",
                                         "(ss)", conference_id, reminder->key);
  g_application_send_notification (self->application, id, notification);
  /* Its buttons work until the talk ends: stay reachable until then. */
  g_hash_table_insert (self->shown, g_steal_pointer (&id), g_date_time_ref (reminder->end));
}

static void
withdraw_reminder (HallwayReminderService *self, const char *conference_id, const char *key)
{
  g_autofree char *id = notification_id ("reminder", conference_id, key);

  g_application_withdraw_notification (self->application, id);
  g_hash_table_remove (self->shown, id);
}

/* A removed conference's reminders go from the screen: their buttons would act on a
 * conference that is gone, and they would keep the app alive until their talks end. */
static void
withdraw_conference (HallwayReminderService *self, const char *conference_id)
{
  g_autofree char *prefix = notification_id ("reminder", conference_id, "");
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_str_has_prefix (id, prefix))
      g_ptr_array_add (ids, g_strdup (id));
  for (guint i = 0; i < ids->len; i++)
    {
      g_application_withdraw_notification (self->application, g_ptr_array_index (ids, i));
      g_hash_table_remove (self->shown, g_ptr_array_index (ids, i));
    }
}

static void
reminder_withdrawn_cb (HallwayReminderScheduler *scheduler, const char *key, gpointer user_data)
{
  HallwayLibraryEntry *entry = entry_of_scheduler (user_data, scheduler);

  withdraw_reminder (user_data, hallway_library_entry_get_id (entry), key);
}

static gboolean
has_ended (gpointer key, gpointer end, gpointer now)
{
  return g_date_time_compare (now, end) >= 0;
}

/* "Moved to 14:30, K.3.201 · Title" for each bookmarked talk an update moved or cancelled. */
static void
notify_changes (HallwayReminderService *self, HallwayLibraryEntry *entry, GListModel *changes)
{
  const char *conference_id = hallway_library_entry_get_id (entry);
  GTimeZone *zone = zone_of (entry);

  if (changes == NULL || !g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_NOTIFY_CHANGES))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      g_autofree char *text = hallway_reminder_scheduler_describe_change (change, zone);
      const char *key = hallway_schedule_change_get_key (change);
      g_autofree char *id = notification_id ("change", conference_id, key);
      g_autoptr (GNotification) notification = NULL;

      if (text == NULL)
        continue;
      notification =
        talk_notification (hallway_schedule_change_get_kind (change) == HALLWAY_CHANGE_REMOVED
                           ? _("A bookmarked talk was cancelled")
                           : _("A bookmarked talk moved"), text, conference_id, key);
      g_application_send_notification (self->application, id, notification);
    }
}

/* ---- timing -------------------------------------------------------------------------- */

static void
update_pending (HallwayReminderService *self, gboolean pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  update_background (self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  HallwayReminderService *self = user_data;

  self->timeout_id = 0;
  hallway_reminder_service_tick (self);
  return G_SOURCE_REMOVE;
}

/* One timer for all conferences, set for the earliest reminder (at most a minute away). */
static void
rearm (HallwayReminderService *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) earliest = NULL;
  GHashTableIter iter;
  gpointer entry;
  guint wait = LONGEST_WAIT_SECONDS;

  g_hash_table_iter_init (&iter, self->followed);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    {
      g_autoptr (GDateTime) next = hallway_reminder_scheduler_get_next_wakeup (scheduler_of (entry),
                                                                              now);

      if (next != NULL && (earliest == NULL || g_date_time_compare (next, earliest) < 0))
        {
          g_clear_pointer (&earliest, g_date_time_unref);
          earliest = g_steal_pointer (&next);
        }
    }
  g_hash_table_foreach_remove (self->shown, has_ended, now);
  update_pending (self, earliest != NULL || g_hash_table_size (self->shown) > 0);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->pending)
    return;
  if (earliest == NULL)
    wait = LONGEST_WAIT_SECONDS;
  else if (g_date_time_compare (earliest, now) <= 0)
    wait = 0;
  else
    wait = (guint) MIN ((GTimeSpan) LONGEST_WAIT_SECONDS,
                        g_date_time_difference (earliest, now) / G_TIME_SPAN_SECOND + 1);
  self->timeout_id = g_timeout_add_seconds (wait, timeout_cb, self);
}

void
hallway_reminder_service_tick (HallwayReminderService *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GHashTableIter iter;
  gpointer entry;

  g_return_if_fail (HALLWAY_IS_REMINDER_SERVICE (self));

  g_hash_table_iter_init (&iter, self->followed);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    hallway_reminder_scheduler_tick (scheduler_of (entry), now);
  rearm (self);
}

/* logind says when the computer wakes up: reminders due while it slept come now. */
static void
prepare_for_sleep_cb (GDBusConnection *connection, const char *sender, const char *path,
                      const char *interface, const char *signal, GVariant *parameters,
                      gpointer user_data)
{
  gboolean going_to_sleep = TRUE;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    hallway_reminder_service_tick (user_data);
}

static void
system_bus_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayReminderService) self = user_data;

  /* No system bus (a sandbox): the one-minute timer notices the resume instead. */
  self->system_bus = g_bus_get_finish (result, NULL);
  /* Disposed meanwhile: nothing to watch for. */
  if (self->followed == NULL)
    g_clear_object (&self->system_bus);
  if (self->system_bus == NULL)
    return;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb, self, NULL);
}

static void
watch_sleep (HallwayReminderService *self)
{
  g_bus_get (G_BUS_TYPE_SYSTEM, NULL, system_bus_cb, g_object_ref (self));
}

static void
lead_changed_cb (HallwayReminderService *self)
{
  int lead = g_settings_get_int (self->settings, HALLWAY_SETTINGS_REMINDER_LEAD);
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, self->followed);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    hallway_reminder_scheduler_set_lead_minutes (scheduler_of (entry), lead);
  rearm (self);
}

/* ---- conferences --------------------------------------------------------------------- */

/* A new version of a conference (its scheduler already follows it): the person hears about
 * the bookmarked talks that moved or were cancelled. */
static void
entry_updated_cb (HallwayLibraryEntry *entry, HallwayConference *conference, GListModel *changes,
                  HallwayReminderService *self)
{
  HallwaySubscription *subscription = hallway_library_entry_get_subscription (entry);
  g_autoptr (GListModel) bookmarked = NULL;

  /* Once per new version: tests/ui/test-reminders-follow-moves.py counts this line. */
  g_debug ("Reminders of %s follow a new version", hallway_library_entry_get_id (entry));
  if (subscription != NULL)
    bookmarked = hallway_subscription_filter_bookmarked_changes (subscription, changes);
  notify_changes (self, entry, bookmarked);
  hallway_reminder_service_tick (self);
}

/* The entry's plan is there: its scheduler is made with the person's lead. */
static void
start_following (HallwayReminderService *self, HallwayLibraryEntry *entry)
{
  int lead = g_settings_get_int (self->settings, HALLWAY_SETTINGS_REMINDER_LEAD);
  HallwayReminderScheduler *scheduler = hallway_library_entry_ensure_reminder_scheduler (entry,
                                                                                         lead);

  g_signal_handlers_disconnect_by_data (entry, self);
  g_signal_connect_object (scheduler, "reminder-due", G_CALLBACK (reminder_due_cb), self, 0);
  g_signal_connect_object (scheduler, "reminder-withdrawn", G_CALLBACK (reminder_withdrawn_cb),
                           self, 0);
  g_signal_connect_object (scheduler, "wakeup-changed", G_CALLBACK (rearm), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "updated", G_CALLBACK (entry_updated_cb), self, 0);
  /* A reminder says when the room is full, the window open or not. */
  hallway_library_entry_ensure_room_status (entry);
  g_hash_table_insert (self->followed, g_strdup (hallway_library_entry_get_id (entry)),
                       g_object_ref (entry));
  hallway_reminder_service_tick (self);
}

static void
plan_arrived_cb (HallwayLibraryEntry *entry, GParamSpec *pspec, HallwayReminderService *self)
{
  if (hallway_library_entry_get_plan (entry) != NULL)
    start_following (self, entry);
}

/* Reminders for every followed conference, not only the one on screen; a conference whose
 * schedule is not known yet is followed once it is. */
void
hallway_reminder_service_follow (HallwayReminderService *self, HallwayLibraryEntry *entry)
{
  g_return_if_fail (HALLWAY_IS_REMINDER_SERVICE (self));
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (entry));

  if (g_hash_table_contains (self->followed, hallway_library_entry_get_id (entry)))
    return;
  if (hallway_library_entry_get_plan (entry) != NULL)
    start_following (self, entry);
  else
    g_signal_connect_object (entry, "notify::plan", G_CALLBACK (plan_arrived_cb), self, 0);
}

void
hallway_reminder_service_forget (HallwayReminderService *self, HallwayLibraryEntry *entry)
{
  HallwayReminderScheduler *scheduler;

  g_return_if_fail (HALLWAY_IS_REMINDER_SERVICE (self));
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (entry));

  scheduler = scheduler_of (entry);
  g_signal_handlers_disconnect_by_data (entry, self);
  if (scheduler != NULL)
    g_signal_handlers_disconnect_by_data (scheduler, self);
  g_hash_table_remove (self->followed, hallway_library_entry_get_id (entry));
  withdraw_conference (self, hallway_library_entry_get_id (entry));
  rearm (self);
}

void
hallway_reminder_service_snooze (HallwayReminderService *self, const char *conference_id,
                                 const char *key)
{
  HallwayLibraryEntry *entry;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (HALLWAY_IS_REMINDER_SERVICE (self));

  entry = g_hash_table_lookup (self->followed, conference_id);
  if (entry == NULL)
    return;
  withdraw_reminder (self, conference_id, key);
  hallway_reminder_scheduler_snooze (scheduler_of (entry), key, now,
                                     HALLWAY_REMINDER_SNOOZE_MINUTES);
  rearm (self);
}

/* ---- running in the background ------------------------------------------------------- */

/* Flatpak apps must ask to run without a window, and to start at login. */
static void
request_background (HallwayReminderService *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->application));

  if (self->portal_held)
    {
      self->request_waiting = TRUE;
      return;
    }
  /* libportal reads the window's surface: an unrealized window has none (X11 crashed on
   * it), so it parents the portal's dialog only once realized. */
  if (window != NULL && !gtk_widget_get_realized (GTK_WIDGET (window)))
    window = NULL;
  hallway_background_portal_request (
    window, _("Hallway reminds you of your bookmarked talks with its window closed"),
    g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_START_AT_LOGIN));
}

void
hallway_reminder_service_hold_portal (HallwayReminderService *self)
{
  g_return_if_fail (HALLWAY_IS_REMINDER_SERVICE (self));
  self->portal_held = TRUE;
}

void
hallway_reminder_service_release_portal (HallwayReminderService *self)
{
  g_return_if_fail (HALLWAY_IS_REMINDER_SERVICE (self));

  self->portal_held = FALSE;
  if (self->request_waiting)
    {
      self->request_waiting = FALSE;
      request_background (self);
    }
}

/* The application stays alive while a reminder is to come and the person allows it,
 * window or not. */
static void
update_background (HallwayReminderService *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_RUN_IN_BACKGROUND) &&
                    self->pending;

  if (wanted && !self->held)
    {
      g_application_hold (self->application);
      request_background (self);
    }
  else if (!wanted && self->held)
    g_application_release (self->application);
  self->held = wanted;
}

gboolean
hallway_reminder_service_get_pending (HallwayReminderService *self)
{
  g_return_val_if_fail (HALLWAY_IS_REMINDER_SERVICE (self), FALSE);
  return self->pending;
}

/* ---- life cycle ---------------------------------------------------------------------- */

static void
hallway_reminder_service_get_property (GObject *object, guint prop_id, GValue *value,
                                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, HALLWAY_REMINDER_SERVICE (object)->pending);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_reminder_service_dispose (GObject *object)
{
  HallwayReminderService *self = HALLWAY_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->held)
    g_application_release (self->application);
  self->held = FALSE;
  if (self->followed != NULL)
    {
      GHashTableIter iter;
      gpointer entry;

      g_hash_table_iter_init (&iter, self->followed);
      while (g_hash_table_iter_next (&iter, NULL, &entry))
        g_signal_handlers_disconnect_by_data (scheduler_of (entry), self);
    }
  g_clear_pointer (&self->followed, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  G_OBJECT_CLASS (hallway_reminder_service_parent_class)->dispose (object);
}

static void
hallway_reminder_service_class_init (HallwayReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hallway_reminder_service_dispose;
  object_class->get_property = hallway_reminder_service_get_property;
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_reminder_service_init (HallwayReminderService *self)
{
  self->followed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->shown =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_date_time_unref);
}

HallwayReminderService *
hallway_reminder_service_new (GApplication *application, GSettings *settings)
{
  HallwayReminderService *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HALLWAY_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_signal_connect_swapped (settings, "changed::" HALLWAY_SETTINGS_REMINDER_LEAD,
                            G_CALLBACK (lead_changed_cb), self);
  g_signal_connect_swapped (settings, "changed::" HALLWAY_SETTINGS_RUN_IN_BACKGROUND,
                            G_CALLBACK (update_background), self);
  g_signal_connect_swapped (settings, "changed::" HALLWAY_SETTINGS_START_AT_LOGIN,
                            G_CALLBACK (request_background), self);
  watch_sleep (self);
  return self;
}
