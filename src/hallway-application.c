/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-application-private.h"
#include "hallway-bookmarks.h"
#include "hallway-cli.h"
#include "hallway-conference.h"
#include "hallway-fetcher.h"
#include "hallway-library.h"
#include "hallway-plan.h"
#include "hallway-refresher.h"
#include "hallway-reminder-service.h"
#include "hallway-resources.h"
#include "hallway-schedule-reader.h"
#include "hallway-search-provider.h"
#include "hallway-settings.h"
#include "hallway-subscription.h"
#include "hallway-version.h"
#include "hallway-window.h"

#define DEMO_CONFERENCE_RESOURCE RESOURCE_PATH "/demo/hallway-demo-conference.xml"
/* The window waits for the library so its first frame shows the conference, but never longer
 * than this: a slow disk must not keep it away. */
#define PRESENT_TIMEOUT_MS 1000
/* A refresh due at start and a background request wait for the window's first frame (see
 * release_held_work_when_painted), but never longer than this: a window that is never mapped
 * never paints. */
#define HELD_WORK_MAX_MS 1000
/* Started as a service (for the desktop's search), the app stays this long after its last
 * call: the shell asks again at each keystroke. */
#define SERVICE_INACTIVITY_TIMEOUT_MS 10000

struct _HallwayApplication
{
  AdwApplication parent_instance;

  HallwayFetcher *fetcher;
  HallwayLibrary *library;
  HallwayRefresher *refresher;
  GSettings *settings;
  HallwayReminderService *reminders;
  HallwayLibraryEntry *demo;   /* the bundled conference, once asked for */
  gboolean library_loaded;
  guint present_timeout;       /* activated before the library was loaded: the fallback */
  guint held_work_timeout;     /* while the refresher and the portal wait for the first frame */
  gboolean recovered_state_shown;  /* files set aside at load: said once */
  GPtrArray *files_to_open;    /* GFile, opened before the library was loaded */
  HallwaySearchProvider *search_provider;  /* the desktop's search, while on the bus */
};

G_DEFINE_FINAL_TYPE (HallwayApplication, hallway_application, ADW_TYPE_APPLICATION)

/* --dump, --export-agenda and --conference are the command line's (hallway-cli.c). */
static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
hallway_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  int status;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      /* Outside a git checkout, vcs_tag () gives the version itself. */
      if (g_str_equal (HALLWAY_VCS_REVISION, PACKAGE_VERSION))
        g_print ("%s %s\n", PROGRAM_NAME, PACKAGE_VERSION);
      else
        g_print ("%s %s (git %s)\n", PROGRAM_NAME, PACKAGE_VERSION, HALLWAY_VCS_REVISION);
      return 0;
    }
  status = hallway_cli_handle_options (options);
  if (status >= 0)
    return status;

  return G_APPLICATION_CLASS (hallway_application_parent_class)
    ->handle_local_options (app, options);
}

/* ---- windows and conferences ---------------------------------------------------------- */

/* The main window, the most recently focused one: player windows are the app's too. */
HallwayWindow *
hallway_application_ensure_window (HallwayApplication *self)
{
  GtkWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HALLWAY_IS_WINDOW (l->data))
      return l->data;
  window = GTK_WINDOW (hallway_window_new (GTK_APPLICATION (self), self->settings));
  hallway_window_set_library (HALLWAY_WINDOW (window), self->library);
  return HALLWAY_WINDOW (window);
}

void
hallway_application_show_error (HallwayApplication *self, const char *message)
{
  hallway_window_show_message (hallway_application_ensure_window (self), message);
}

/* A state file that was damaged and set aside (recovered != NULL) stays on screen until the
 * person closes it: it says which file, and where the old copy is. Other problems are a
 * toast. */
static void
show_load_problem (HallwayApplication *self, const char *message, const char *recovered)
{
  if (recovered != NULL)
    hallway_window_show_lasting_message (hallway_application_ensure_window (self), recovered);
  else if (message != NULL)
    hallway_application_show_error (self, message);
}

/* What the entry's files held that had to be set aside: its bookmarks (read by the library
 * in its thread) and its reminder state (read once its schedule is known). */
static void
show_recovered_state (HallwayApplication *self, HallwayLibraryEntry *entry)
{
  HallwayBookmarks *bookmarks = hallway_library_entry_get_bookmarks (entry);
  HallwayReminderScheduler *scheduler = hallway_library_entry_get_reminder_scheduler (entry);

  if (bookmarks != NULL)
    show_load_problem (self, NULL, hallway_bookmarks_get_recovered_message (bookmarks));
  if (scheduler != NULL)
    show_load_problem (self, NULL, hallway_reminder_scheduler_get_recovered_message (scheduler));
}

/* Once a run, when there is a window to say it in: started as a service, at the first
 * activation. */
static void
show_all_recovered_state (HallwayApplication *self)
{
  GListModel *entries = G_LIST_MODEL (self->library);

  if (self->recovered_state_shown)
    return;
  self->recovered_state_shown = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);

      show_recovered_state (self, entry);
    }
}

static void
bookmarks_save_failed_cb (HallwayBookmarks *bookmarks, const char *message,
                          HallwayApplication *self)
{
  hallway_application_show_error (self, message);
}

/* Every followed conference: its bookmarks saved as they change, its reminders kept. */
static void
follow_entry (HallwayApplication *self, HallwayLibraryEntry *entry)
{
  HallwayBookmarks *bookmarks = hallway_library_entry_get_bookmarks (entry);

  if (g_object_get_data (G_OBJECT (entry), "hallway-followed") != NULL)
    return;
  g_object_set_data (G_OBJECT (entry), "hallway-followed", GINT_TO_POINTER (TRUE));
  hallway_bookmarks_set_autosave (bookmarks, TRUE);
  g_signal_connect_object (bookmarks, "save-failed", G_CALLBACK (bookmarks_save_failed_cb),
                           self, 0);
  hallway_reminder_service_follow (self->reminders, entry);
}

static void
follow_all_entries (HallwayApplication *self)
{
  GListModel *entries = G_LIST_MODEL (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);

      follow_entry (self, entry);
    }
}

void
hallway_application_show_entry (HallwayApplication *self, HallwayLibraryEntry *entry)
{
  HallwayWindow *window;

  g_return_if_fail (HALLWAY_IS_APPLICATION (self));
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (entry));

  window = hallway_application_ensure_window (self);
  follow_entry (self, entry);
  if (!hallway_library_entry_is_builtin (entry))
    hallway_library_set_current (self->library, hallway_library_entry_get_subscription (entry));
  hallway_refresher_set_subscription (self->refresher,
                                      hallway_library_entry_get_subscription (entry));
  hallway_window_set_entry (window, entry);
}

/* The bundled demo: a first run is never empty, and the app works with no network. It is
 * never saved in the library. */
HallwayLibraryEntry *
hallway_application_get_demo (HallwayApplication *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (HallwayConference) demo = NULL;
  HallwayBookmarks *bookmarks;

  g_return_val_if_fail (HALLWAY_IS_APPLICATION (self), NULL);

  if (self->demo != NULL)
    return self->demo;
  bytes = g_resources_lookup_data (DEMO_CONFERENCE_RESOURCE, 0, &error);
  if (bytes != NULL)
    demo = hallway_schedule_read_bytes (bytes, &error);
  if (demo == NULL)
    g_error ("The bundled demo conference cannot be read: %s", error->message);
  self->demo = hallway_library_entry_new_builtin (HALLWAY_APPLICATION_DEMO_ID, demo);
  /* Before its plan is made (hallway_library_entry_get_plan). A file set aside is said by
   * show_recovered_state(); other problems (a newer file) are a toast. */
  bookmarks = hallway_library_entry_get_bookmarks (self->demo);
  if (!hallway_bookmarks_load (bookmarks, &error) &&
      hallway_bookmarks_get_recovered_message (bookmarks) == NULL)
    hallway_application_show_error (self, error->message);
  show_recovered_state (self, self->demo);
  return self->demo;
}

void
hallway_application_show_current (HallwayApplication *self)
{
  HallwaySubscription *current = hallway_library_get_current (self->library);
  g_autoptr (HallwayLibraryEntry) first = g_list_model_get_item (G_LIST_MODEL (self->library), 0);
  HallwayLibraryEntry *entry = current != NULL
                               ? hallway_library_lookup_subscription (self->library, current)
                               : first;

  hallway_application_show_entry (self,
                                  entry != NULL ? entry : hallway_application_get_demo (self));
}

/* ---- opening files and adding conferences -------------------------------------------- */

static void
conference_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  HallwaySubscription *subscription =
    hallway_library_add_finish (HALLWAY_LIBRARY (source), result, &error);

  if (subscription == NULL)
    hallway_application_show_error (self, error->message);
  else
    hallway_application_show_entry (self, hallway_library_lookup_subscription (self->library,
                                                                               subscription));
}

/* `hallway FILE`, drag and drop and the file chooser: a file is followed like a URL. */
static void
open_location (HallwayApplication *self, GFile *file)
{
  g_autofree char *location = g_file_get_uri (file);

  hallway_library_add_async (self->library, location, NULL, conference_added_cb,
                             g_object_ref (self));
}

/* The window is shown, with the conference once the library has it. */
static void
present_window (HallwayApplication *self)
{
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  gtk_window_present (GTK_WINDOW (hallway_application_ensure_window (self)));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  HallwayApplication *self = user_data;

  self->present_timeout = 0;
  present_window (self);
  return G_SOURCE_REMOVE;
}

/* ---- work held until the first frame ------------------------------------------------- */

/* Starting a download (the proxy lookup and the connection, on the main thread) delayed the
 * first frame by about 14 ms (issue 13), and the frame says "Downloading" either way; so did
 * asking the background portal (loading libportal, a D-Bus call). Both are held from
 * startup until the window has painted. */
static void
release_held_work (HallwayApplication *self)
{
  g_clear_handle_id (&self->held_work_timeout, g_source_remove);
  if (self->refresher != NULL)
    hallway_refresher_release (self->refresher);
  if (self->reminders != NULL)
    hallway_reminder_service_release_portal (self->reminders);
}

static gboolean
held_work_timeout_cb (gpointer user_data)
{
  HallwayApplication *self = user_data;

  self->held_work_timeout = 0;
  release_held_work (self);
  return G_SOURCE_REMOVE;
}

static void
window_painted_cb (GdkFrameClock *clock, HallwayApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, window_painted_cb, self);
  release_held_work (self);
}

static void
window_realized_cb (GtkWidget *window, HallwayApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_realized_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (window_painted_cb), self,
                           G_CONNECT_DEFAULT);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Releases the held work after @window's next frame, or now when there is no window (started
 * as a service, for reminders or the desktop's search). */
static void
release_held_work_when_painted (HallwayApplication *self, GtkWidget *window)
{
  if (window == NULL)
    {
      release_held_work (self);
      return;
    }
  self->held_work_timeout = g_timeout_add (HELD_WORK_MAX_MS, held_work_timeout_cb, self);
  if (gtk_widget_get_realized (window))
    window_realized_cb (window, self);
  else
    g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), self,
                             G_CONNECT_DEFAULT);
}

static void
library_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!hallway_library_load_finish (self->library, result, &error))
    show_load_problem (self, error->message, hallway_library_get_recovered_message (self->library));
  self->library_loaded = TRUE;
  follow_all_entries (self);
  if (self->search_provider != NULL)
    hallway_search_provider_set_library (self->search_provider, self->library,
                                         self->settings);
  if (self->files_to_open->len > 0)
    {
      for (guint i = 0; i < self->files_to_open->len; i++)
        open_location (self, g_ptr_array_index (self->files_to_open, i));
      g_ptr_array_set_size (self->files_to_open, 0);
    }
  else if (window != NULL)
    {
      /* Started as a service (at login, for reminders) there is no window to fill. */
      hallway_application_show_current (self);
      show_all_recovered_state (self);
    }
  if (self->present_timeout != 0)
    present_window (self);
  release_held_work_when_painted (self, GTK_WIDGET (window));
  g_application_release (G_APPLICATION (self));
}

static void
hallway_application_activate (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);
  HallwayWindow *window = hallway_application_ensure_window (self);

  if (!self->library_loaded)
    {
      if (self->present_timeout == 0)
        self->present_timeout = g_timeout_add (PRESENT_TIMEOUT_MS, present_timeout_cb, self);
      return;
    }
  present_window (self);
  if (hallway_window_get_entry (window) == NULL)
    hallway_application_show_current (self);
  show_all_recovered_state (self);
}

static void
hallway_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (hallway_application_ensure_window (self)));
  for (int i = 0; i < n_files; i++)
    {
      if (self->library_loaded)
        open_location (self, files[i]);
      else
        g_ptr_array_add (self->files_to_open, g_object_ref (files[i]));
    }
}

static void
hallway_application_startup (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);
  g_autofree char *catalogue_url = NULL;

  /* The one GSettings of the app: the window, the preferences and the exporter get it. */
  self->settings = hallway_settings_new ();
  self->fetcher = hallway_fetcher_new ();
  self->library = hallway_library_new (self->fetcher);
  /* An administrator's catalogue (dconf, or the defaults Flatpak passes to the sandbox). */
  catalogue_url = g_settings_get_string (self->settings, HALLWAY_SETTINGS_CATALOGUE_URL);
  hallway_library_set_catalogue_url (self->library, catalogue_url);
  /* Offline first: the library reads its list and the current conference's cached schedule
   * in a thread, started before GTK and libadwaita initialise (the parent's startup), so
   * the first window shows the conference (issue 13). */
  g_application_hold (app);
  hallway_library_load_async (self->library, NULL, library_loaded_cb, g_object_ref (self));

  /* GtkApplication's startup adds the app's icon resources to the icon theme and then reads
   * the theme (is there an icon named after the app?); AdwApplication's then calls adw_init,
   * which adds libadwaita's icon resources, so GTK reads the whole theme again (two index
   * files, a thousand folders: 31 M instructions) at the window's first icon, before the
   * first frame. adw_init is idempotent: called first, its resources are in place before
   * that one reading, which then stays valid. */
  adw_init ();
  G_APPLICATION_CLASS (hallway_application_parent_class)->startup (app);

  hallway_application_actions_install (self);
  gtk_window_set_default_icon_name (APP_ID);
  self->reminders = hallway_reminder_service_new (app, self->settings);
  hallway_reminder_service_hold_portal (self->reminders);
  self->refresher = hallway_refresher_new (g_network_monitor_get_default ());
  hallway_refresher_hold (self->refresher);
}

/* The desktop's search (GNOME Shell, KRunner) is answered by the app on its own name. */
static gboolean
hallway_application_dbus_register (GApplication    *app,
                                   GDBusConnection *connection,
                                   const char      *object_path,
                                   GError         **error)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);

  if (!G_APPLICATION_CLASS (hallway_application_parent_class)
         ->dbus_register (app, connection, object_path, error))
    return FALSE;
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, SERVICE_INACTIVITY_TIMEOUT_MS);
  self->search_provider = hallway_search_provider_new (app);
  if (self->library_loaded)
    hallway_search_provider_set_library (self->search_provider, self->library,
                                         self->settings);
  return hallway_search_provider_export (self->search_provider, connection, object_path, error);
}

static void
hallway_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);

  if (self->search_provider != NULL)
    hallway_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);
  G_APPLICATION_CLASS (hallway_application_parent_class)
    ->dbus_unregister (app, connection, object_path);
}

static void
hallway_application_shutdown (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);

  g_clear_handle_id (&self->present_timeout, g_source_remove);
  g_clear_handle_id (&self->held_work_timeout, g_source_remove);
  g_clear_object (&self->refresher);
  g_clear_object (&self->reminders);
  G_APPLICATION_CLASS (hallway_application_parent_class)->shutdown (app);
}

static void
hallway_application_finalize (GObject *object)
{
  HallwayApplication *self = HALLWAY_APPLICATION (object);

  g_clear_pointer (&self->files_to_open, g_ptr_array_unref);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->demo);
  g_clear_object (&self->refresher);
  g_clear_object (&self->reminders);
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
  app_class->dbus_register = hallway_application_dbus_register;
  app_class->dbus_unregister = hallway_application_dbus_unregister;
  app_class->open = hallway_application_open;
}

static void
hallway_application_init (HallwayApplication *self)
{
  self->files_to_open = g_ptr_array_new_with_free_func (g_object_unref);
  hallway_cli_add_option_entries (G_APPLICATION (self));
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

HallwayLibrary *
hallway_application_get_library (HallwayApplication *self)
{
  g_return_val_if_fail (HALLWAY_IS_APPLICATION (self), NULL);
  return self->library;
}

HallwayReminderService *
hallway_application_get_reminders (HallwayApplication *self)
{
  g_return_val_if_fail (HALLWAY_IS_APPLICATION (self), NULL);
  return self->reminders;
}

void
hallway_application_refresh_now (HallwayApplication *self)
{
  g_return_if_fail (HALLWAY_IS_APPLICATION (self));
  hallway_refresher_refresh_now (self->refresher);
}

GSettings *
hallway_application_get_settings (HallwayApplication *self)
{
  g_return_val_if_fail (HALLWAY_IS_APPLICATION (self), NULL);
  return self->settings;
}
