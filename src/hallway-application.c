/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-application"

#include "config.h"

#include <glib/gi18n.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "hallway-application.h"
#include "hallway-bookmarks.h"
#include "hallway-cli.h"
#include "hallway-conference.h"
#include "hallway-fetcher.h"
#include "hallway-library.h"
#include "hallway-plan.h"
#include "hallway-preferences-dialog.h"
#include "hallway-refresher.h"
#include "hallway-reminder-service.h"
#include "hallway-resources.h"
#include "hallway-schedule-reader.h"
#include "hallway-settings.h"
#include "hallway-subscription.h"
#include "hallway-version.h"
#include "hallway-window.h"

#define DEMO_CONFERENCE_RESOURCE RESOURCE_PATH "/demo/hallway-demo-conference.xml"
#define DEMO_ID "demo"

struct _HallwayApplication
{
  AdwApplication parent_instance;

  HallwayFetcher *fetcher;
  HallwayLibrary *library;
  HallwayRefresher *refresher;
  GSettings *settings;
  HallwayReminderService *reminders;
  XdpPortal *portal;
  gboolean held_for_reminders;
  GHashTable *plans;           /* HallwaySubscription → HallwayPlan */
  HallwayPlan *demo_plan;
  gboolean library_loaded;
  GPtrArray *files_to_open;    /* GFile, opened before the library was loaded */
};

G_DEFINE_FINAL_TYPE (HallwayApplication, hallway_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "dump", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read a schedule (a file or an http/https URL) and print it as JSON, without opening a window"),
    N_("FILE|URL") },
  { "export-agenda", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the bookmarked talks to an iCalendar file, without opening a window"), N_("FILE.ics") },
  { "conference", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-agenda: the followed conference, by its acronym (default: the last shown)"),
    N_("ACRONYM") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
hallway_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  const char *dump_location = NULL;
  const char *export_path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      /* Outside a git checkout, vcs_tag () gives the version itself. */
      if (g_str_equal (HALLWAY_VCS_REVISION, PACKAGE_VERSION))
        g_print ("%s %s\n", PROGRAM_NAME, PACKAGE_VERSION);
      else
        g_print ("%s %s (git %s)\n", PROGRAM_NAME, PACKAGE_VERSION, HALLWAY_VCS_REVISION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "dump", "^&ay", &dump_location))
    return hallway_cli_dump (dump_location);
  if (g_variant_dict_lookup (options, "export-agenda", "^&ay", &export_path))
    {
      const char *acronym = NULL;

      g_variant_dict_lookup (options, "conference", "&s", &acronym);
      return hallway_cli_export_agenda (export_path, acronym);
    }

  return G_APPLICATION_CLASS (hallway_application_parent_class)->handle_local_options (app, options);
}

/* ---- windows and plans --------------------------------------------------------------- */

static HallwayWindow *
ensure_window (HallwayApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (hallway_window_new (self, self->settings));
      hallway_window_set_library (HALLWAY_WINDOW (window), self->library);
    }
  return HALLWAY_WINDOW (window);
}

static void
show_error (HallwayApplication *self, const char *message)
{
  hallway_window_show_message (ensure_window (self), message);
}

static void
bookmarks_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_bookmarks_save_finish (HALLWAY_BOOKMARKS (source), result, &error))
    {
      g_warning ("Saving bookmarks failed: %s", error->message);
      show_error (self, error->message);
    }
  /* Held while saving so closing the window never loses a bookmark. */
  g_application_release (G_APPLICATION (self));
}

static gboolean
save_bookmarks_cb (gpointer user_data)
{
  HallwayBookmarks *bookmarks = user_data;
  HallwayApplication *self = g_object_get_data (G_OBJECT (bookmarks), "hallway-application");

  g_object_set_data (G_OBJECT (bookmarks), "hallway-save-scheduled", NULL);
  hallway_bookmarks_save_async (bookmarks, NULL, bookmarks_saved_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* One save for a burst of changes (an import bookmarks 150 talks at once). */
static void
bookmarks_changed_cb (HallwayBookmarks *bookmarks, HallwayApplication *self)
{
  if (g_object_get_data (G_OBJECT (bookmarks), "hallway-save-scheduled") != NULL)
    return;
  g_object_set_data (G_OBJECT (bookmarks), "hallway-save-scheduled", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (bookmarks), "hallway-application", self);
  g_application_hold (G_APPLICATION (self));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_bookmarks_cb, g_object_ref (bookmarks), g_object_unref);
}

static HallwayPlan *
new_plan (HallwayApplication *self, HallwayConference *conference, HallwayBookmarks *bookmarks)
{
  g_signal_connect_object (bookmarks, "changed", G_CALLBACK (bookmarks_changed_cb), self, 0);
  return hallway_plan_new (conference, bookmarks);
}

static void
subscription_updated_cb (HallwaySubscription *subscription, HallwayConference *conference,
                         GListModel *changes, HallwayApplication *self)
{
  HallwayPlan *plan = g_hash_table_lookup (self->plans, subscription);

  if (plan != NULL)
    hallway_plan_set_conference (plan, conference, changes);
}

/* A subscription's plan, made once its conference is known (from the cache or the net). */
static HallwayPlan *
plan_for (HallwayApplication *self, HallwaySubscription *subscription)
{
  HallwayConference *conference = hallway_subscription_get_conference (subscription);
  HallwayPlan *plan = g_hash_table_lookup (self->plans, subscription);

  if (plan == NULL && conference != NULL)
    {
      plan = new_plan (self, conference, hallway_subscription_get_bookmarks (subscription));
      g_hash_table_insert (self->plans, g_object_ref (subscription), plan);
      g_signal_connect_object (subscription, "updated", G_CALLBACK (subscription_updated_cb), self, 0);
    }
  return plan;
}

/* ---- reminders ------------------------------------------------------------------------ */

static const char *
conference_id_of (HallwayApplication *self, HallwaySubscription *subscription)
{
  HallwayLibraryEntry *entry = hallway_library_lookup_subscription (self->library, subscription);

  return entry != NULL ? hallway_library_entry_get_id (entry) : NULL;
}

/* Once per new version: the reminders move with their talks, and the person hears about
 * the bookmarked talks that moved or were cancelled. */
static void
reminders_updated_cb (HallwaySubscription *subscription, HallwayConference *conference,
                      GListModel *changes, HallwayApplication *self)
{
  const char *id = conference_id_of (self, subscription);
  g_autoptr (GListModel) bookmarked = NULL;

  if (id == NULL)
    return;
  bookmarked = hallway_subscription_filter_bookmarked_changes (subscription, changes);
  hallway_reminder_service_update (self->reminders, id, conference, bookmarked);
}

static void follow_reminders (HallwayApplication *self, HallwaySubscription *subscription);

static void
reminders_conference_arrived_cb (HallwaySubscription *subscription, GParamSpec *pspec,
                                 HallwayApplication *self)
{
  follow_reminders (self, subscription);
}

/* Reminders for every followed conference, not only the one on screen. */
static void
follow_reminders (HallwayApplication *self, HallwaySubscription *subscription)
{
  HallwayConference *conference = hallway_subscription_get_conference (subscription);
  const char *id = conference_id_of (self, subscription);

  if (id == NULL || g_object_get_data (G_OBJECT (subscription), "hallway-reminders") != NULL)
    return;
  if (conference == NULL)
    {
      g_signal_connect_object (subscription, "notify::conference",
                               G_CALLBACK (reminders_conference_arrived_cb), self, 0);
      return;
    }
  g_signal_handlers_disconnect_by_func (subscription, reminders_conference_arrived_cb, self);
  g_object_set_data (G_OBJECT (subscription), "hallway-reminders", GINT_TO_POINTER (TRUE));
  hallway_reminder_service_follow (self->reminders, id, conference,
                                   hallway_subscription_get_bookmarks (subscription));
  g_signal_connect_object (subscription, "updated", G_CALLBACK (reminders_updated_cb), self, 0);
}

static void
follow_all_reminders (HallwayApplication *self)
{
  GListModel *entries = G_LIST_MODEL (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);

      follow_reminders (self, hallway_library_entry_get_subscription (entry));
    }
}

static void
background_requested_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  /* Without the portal (no xdg-desktop-portal running) the hold alone keeps reminders. */
  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    g_debug ("The background portal said no: %s", error->message);
}

/* Flatpak apps must ask to run without a window, and to start at login. */
static void
request_background (HallwayApplication *self)
{
  g_autoptr (GPtrArray) command = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  XdpParent *parent = window != NULL ? xdp_parent_new_gtk (window) : NULL;
  XdpBackgroundFlags flags = g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_START_AT_LOGIN)
                             ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE;

  if (self->portal == NULL)
    self->portal = xdp_portal_new ();
  g_ptr_array_add (command, g_strdup ("hallway"));
  g_ptr_array_add (command, g_strdup ("--gapplication-service"));
#if LIBPORTAL_TAKES_COMMANDLINE
  /* libportal unrefs it when the request is done: the reference given is ours. */
  g_ptr_array_ref (command);
#endif
  xdp_portal_request_background (self->portal, parent,
                                 _("Hallway reminds you of your bookmarked talks with its window closed"),
                                 command, flags, NULL, background_requested_cb, NULL);
  g_clear_pointer (&parent, xdp_parent_free);
}

/* Alive while a reminder is to come and the person allows it, window or not. */
static void
update_background (HallwayApplication *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_RUN_IN_BACKGROUND) &&
                    hallway_reminder_service_get_pending (self->reminders);

  if (wanted && !self->held_for_reminders)
    {
      g_application_hold (G_APPLICATION (self));
      request_background (self);
    }
  else if (!wanted && self->held_for_reminders)
    g_application_release (G_APPLICATION (self));
  self->held_for_reminders = wanted;
}

static void
start_at_login_changed_cb (HallwayApplication *self)
{
  request_background (self);
}

static void show_subscription (HallwayApplication *self, HallwaySubscription *subscription);

static void
conference_arrived_cb (HallwaySubscription *subscription, GParamSpec *pspec, HallwayApplication *self)
{
  if (hallway_library_get_current (self->library) == subscription)
    show_subscription (self, subscription);
}

static void
show_subscription (HallwayApplication *self, HallwaySubscription *subscription)
{
  HallwayWindow *window = ensure_window (self);
  HallwayPlan *plan = plan_for (self, subscription);

  hallway_library_set_current (self->library, subscription);
  follow_reminders (self, subscription);
  hallway_window_set_subscription (window, subscription);
  hallway_refresher_set_subscription (self->refresher, subscription);
  if (plan != NULL)
    hallway_window_set_plan (window, plan);
  else
    /* Nothing cached yet: the first download is running; show it when it lands. */
    g_signal_connect_object (subscription, "notify::conference", G_CALLBACK (conference_arrived_cb),
                             self, 0);
}

/* The bundled demo: a first run is never empty, and the app works with no network. */
static void
show_demo (HallwayApplication *self)
{
  HallwayWindow *window = ensure_window (self);

  if (self->demo_plan == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = g_resources_lookup_data (DEMO_CONFERENCE_RESOURCE, 0, &error);
      g_autoptr (HallwayConference) demo = NULL;
      g_autoptr (GFile) file = hallway_library_dup_bookmarks_file (self->library, DEMO_ID);
      g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);

      if (bytes != NULL)
        demo = hallway_schedule_read_bytes (bytes, &error);
      if (demo == NULL)
        {
          g_critical ("The bundled demo conference cannot be read: %s", error->message);
          return;
        }
      if (!hallway_bookmarks_load (bookmarks, &error))
        show_error (self, error->message);
      self->demo_plan = new_plan (self, demo, bookmarks);
      hallway_reminder_service_follow (self->reminders, DEMO_ID, demo, bookmarks);
    }
  hallway_window_set_subscription (window, NULL);
  hallway_window_set_plan (window, self->demo_plan);
}

static void
show_current (HallwayApplication *self)
{
  HallwaySubscription *current = hallway_library_get_current (self->library);
  g_autoptr (HallwayLibraryEntry) first = g_list_model_get_item (G_LIST_MODEL (self->library), 0);

  if (current == NULL && first != NULL)
    current = hallway_library_entry_get_subscription (first);
  if (current != NULL)
    show_subscription (self, current);
  else
    show_demo (self);
}

/* ---- opening files and adding conferences -------------------------------------------- */

static void
conference_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  HallwaySubscription *subscription = hallway_library_add_finish (HALLWAY_LIBRARY (source), result, &error);

  if (subscription == NULL)
    show_error (self, error->message);
  else
    show_subscription (self, subscription);
}

/* `hallway FILE`, drag and drop and the file chooser: a file is followed like a URL. */
static void
open_location (HallwayApplication *self, GFile *file)
{
  g_autofree char *location = g_file_get_uri (file);

  hallway_library_add_async (self->library, location, NULL, conference_added_cb, g_object_ref (self));
}

void
hallway_application_add_conference (HallwayApplication *self, const char *location,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (HALLWAY_IS_APPLICATION (self));
  hallway_library_add_async (self->library, location, cancellable, callback, user_data);
}

void
hallway_application_show_subscription (HallwayApplication *self, HallwaySubscription *subscription)
{
  g_return_if_fail (HALLWAY_IS_APPLICATION (self));
  show_subscription (self, subscription);
}

static void
library_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_library_load_finish (self->library, result, &error))
    show_error (self, error->message);
  self->library_loaded = TRUE;
  follow_all_reminders (self);
  if (self->files_to_open->len > 0)
    {
      for (guint i = 0; i < self->files_to_open->len; i++)
        open_location (self, g_ptr_array_index (self->files_to_open, i));
      g_ptr_array_set_size (self->files_to_open, 0);
    }
  else if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    /* Started as a service (at login, for reminders) there is no window to fill. */
    show_current (self);
  g_application_release (G_APPLICATION (self));
}

static void
hallway_application_activate (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);
  HallwayWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (self->library_loaded && hallway_window_get_plan (window) == NULL)
    show_current (self);
}

static void
hallway_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (ensure_window (self)));
  for (int i = 0; i < n_files; i++)
    {
      if (self->library_loaded)
        open_location (self, files[i]);
      else
        g_ptr_array_add (self->files_to_open, g_object_ref (files[i]));
    }
}

/* ---- actions ------------------------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char *developers[] = { "The Hallway developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  AdwDialog *about = adw_about_dialog_new ();

  g_object_set (about,
                "application-name", _("Hallway"),
                "application-icon", APP_ID,
                "developer-name", _("The Hallway developers"),
                "developers", developers,
                "version", PACKAGE_VERSION,
                "website", "https://github.com/hallway-app/hallway",
                "issue-url", "https://github.com/hallway-app/hallway/issues",
                "license-type", GTK_LICENSE_CUSTOM,
                "license", _("European Union Public Licence 1.2 (EUPL-1.2)"),
                "comments", _("Plan your conference: schedules, talks, reminders and your agenda"),
                "translator-credits", _("translator-credits"),
                NULL);
  adw_dialog_present (about, GTK_WIDGET (window));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = HALLWAY_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_dialog_present (ADW_DIALOG (hallway_preferences_dialog_new (self->settings)), GTK_WIDGET (window));
}

static void
refresh_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  hallway_refresher_refresh_now (HALLWAY_APPLICATION (user_data)->refresher);
}

static void
show_conference_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  HallwayLibraryEntry *entry = hallway_library_lookup (self->library, g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    show_subscription (self, hallway_library_entry_get_subscription (entry));
}

static void
remove_response_cb (AdwAlertDialog *dialog, const char *response, HallwayApplication *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "conference-id");
  HallwayLibraryEntry *entry = hallway_library_lookup (self->library, id);
  g_autoptr (GError) error = NULL;

  if (entry == NULL || g_str_equal (response, "cancel"))
    return;
  g_hash_table_remove (self->plans, hallway_library_entry_get_subscription (entry));
  hallway_reminder_service_forget (self->reminders, id);
  if (!hallway_library_remove (self->library, id, g_str_equal (response, "delete"), &error))
    show_error (self, error->message);
  show_current (self);
}

/* Removing keeps the bookmarks unless the person says so: they are the one thing here
 * that cannot be downloaded again. */
static void
remove_conference_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  HallwaySubscription *current = hallway_library_get_current (self->library);
  HallwayLibraryEntry *entry = current != NULL ? hallway_library_lookup_subscription (self->library, current) : NULL;
  AdwDialog *dialog;

  if (entry == NULL)
    return;
  dialog = adw_alert_dialog_new (NULL, NULL);
  adw_alert_dialog_format_heading (ADW_ALERT_DIALOG (dialog), _("Remove %s?"),
                                   hallway_library_entry_get_title (entry));
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog),
                             _("Its schedule is removed from this computer. Your bookmarks can stay, "
                               "so adding the conference again brings them back."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "keep", _("_Keep Bookmarks"),
                                  "delete", _("_Remove Bookmarks Too"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "delete",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "conference-id",
                          g_strdup (hallway_library_entry_get_id (entry)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (ensure_window (self)));
}

/* From a notification: the talk's page, in its conference, in a window. */
static void
open_talk_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  const char *conference_id, *key;
  HallwayLibraryEntry *entry;
  HallwayWindow *window = ensure_window (self);

  g_variant_get (parameter, "(&s&s)", &conference_id, &key);
  entry = hallway_library_lookup (self->library, conference_id);
  if (entry != NULL)
    show_subscription (self, hallway_library_entry_get_subscription (entry));
  else if (g_str_equal (conference_id, DEMO_ID))
    show_demo (self);
  hallway_window_show_talk (window, key);
  gtk_window_present (GTK_WINDOW (window));
}

static void
snooze_talk_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  const char *conference_id, *key;

  g_variant_get (parameter, "(&s&s)", &conference_id, &key);
  hallway_reminder_service_snooze (self->reminders, conference_id, key);
}

static const GActionEntry app_actions[] = {
  { "open-talk", open_talk_activated, "(ss)" },
  { "snooze-talk", snooze_talk_activated, "(ss)" },
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "refresh", refresh_activated },
  { "show-conference", show_conference_activated, "s" },
  { "remove-conference", remove_conference_activated },
};

static void
hallway_application_startup (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  g_autofree char *catalogue_url = NULL;

  G_APPLICATION_CLASS (hallway_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.refresh", refresh_accels);
  gtk_window_set_default_icon_name (APP_ID);

  /* The one GSettings of the app: the window, the preferences and the exporter get it. */
  self->settings = hallway_settings_new ();
  self->reminders = hallway_reminder_service_new (app, self->settings);
  g_signal_connect_object (self->reminders, "notify::pending", G_CALLBACK (update_background), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" HALLWAY_SETTINGS_RUN_IN_BACKGROUND,
                           G_CALLBACK (update_background), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" HALLWAY_SETTINGS_START_AT_LOGIN,
                           G_CALLBACK (start_at_login_changed_cb), self, G_CONNECT_SWAPPED);
  self->fetcher = hallway_fetcher_new ();
  self->library = hallway_library_new (self->fetcher);
  /* An administrator's catalogue (dconf, or the defaults Flatpak passes to the sandbox). */
  catalogue_url = g_settings_get_string (self->settings, HALLWAY_SETTINGS_CATALOGUE_URL);
  hallway_library_set_catalogue_url (self->library, catalogue_url);
  self->refresher = hallway_refresher_new (g_network_monitor_get_default ());
  /* Offline first: the library reads its cached schedules in threads, then shows one. */
  g_application_hold (app);
  hallway_library_load_async (self->library, NULL, library_loaded_cb, g_object_ref (self));
}

static void
hallway_application_shutdown (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);

  g_clear_object (&self->refresher);
  g_clear_object (&self->reminders);
  G_APPLICATION_CLASS (hallway_application_parent_class)->shutdown (app);
}

static void
hallway_application_finalize (GObject *object)
{
  HallwayApplication *self = HALLWAY_APPLICATION (object);

  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->files_to_open, g_ptr_array_unref);
  g_clear_object (&self->demo_plan);
  g_clear_object (&self->refresher);
  g_clear_object (&self->reminders);
  g_clear_object (&self->portal);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->fetcher);
  G_OBJECT_CLASS (hallway_application_parent_class)->finalize (object);
}

static void
hallway_application_class_init (HallwayApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Linked from a static library, the resource's constructor would be dropped. */
  g_resources_register (hallway_get_resource ());

  G_OBJECT_CLASS (klass)->finalize = hallway_application_finalize;
  app_class->handle_local_options = hallway_application_handle_local_options;
  app_class->startup = hallway_application_startup;
  app_class->shutdown = hallway_application_shutdown;
  app_class->activate = hallway_application_activate;
  app_class->open = hallway_application_open;
}

static void
hallway_application_init (HallwayApplication *self)
{
  self->plans = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_object_unref);
  self->files_to_open = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Hallway shows conference schedules. FILE opens a "
                                              "schedule (Pentabarf/frab XML, C3VOC or pretalx "
                                              "JSON, iCalendar) and follows it."));
}

HallwayApplication *
hallway_application_new (void)
{
  return g_object_new (HALLWAY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
