/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-application.h"
#include "hallway-bookmarks.h"
#include "hallway-cli.h"
#include "hallway-conference.h"
#include "hallway-plan.h"
#include "hallway-preferences-dialog.h"
#include "hallway-resources.h"
#include "hallway-schedule-reader.h"
#include "hallway-window.h"

#define DEMO_CONFERENCE_RESOURCE RESOURCE_PATH "/demo/hallway-demo-conference.xml"

struct _HallwayApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (HallwayApplication, hallway_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "dump", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read a schedule and print it as JSON, without opening a window"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
hallway_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  const char *dump_location = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "dump", "^&ay", &dump_location))
    return hallway_cli_dump (dump_location);

  return G_APPLICATION_CLASS (hallway_application_parent_class)->handle_local_options (app, options);
}

/* The bundled demo: a first run is never empty, and the app works with no network. */
static HallwayConference *
load_demo_conference (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (DEMO_CONFERENCE_RESOURCE, 0, &error);
  HallwayConference *conference = NULL;

  if (bytes != NULL)
    conference = hallway_schedule_read_bytes (bytes, &error);
  if (conference == NULL)
    g_critical ("The bundled demo conference cannot be read: %s", error->message);
  return conference;
}

static HallwayWindow *
ensure_window (HallwayApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (hallway_window_new (self));
  return HALLWAY_WINDOW (window);
}

/* Bookmarks live per conference under the user data folder, named after its acronym. */
static GFile *
bookmarks_file_for (HallwayConference *conference)
{
  const char *acronym = hallway_conference_get_acronym (conference);
  g_autofree char *name = g_strdup (acronym != NULL ? acronym : hallway_conference_get_title (conference));
  g_autofree char *file_name = NULL;

  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  file_name = g_strconcat (name, ".json", NULL);
  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "bookmarks", file_name, NULL);
}

static void
bookmarks_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_bookmarks_save_finish (HALLWAY_BOOKMARKS (source), result, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      g_warning ("Saving bookmarks failed: %s", error->message);
      if (window != NULL)
        hallway_window_show_error (HALLWAY_WINDOW (window), error->message);
    }
  /* Held while saving so closing the window never loses a bookmark. */
  g_application_release (G_APPLICATION (self));
}

static void
bookmarks_changed_cb (HallwayBookmarks *bookmarks, HallwayApplication *self)
{
  g_application_hold (G_APPLICATION (self));
  hallway_bookmarks_save_async (bookmarks, NULL, bookmarks_saved_cb, g_object_ref (self));
}

static void
show_conference (HallwayApplication *self, HallwayWindow *window, HallwayConference *conference)
{
  g_autoptr (GFile) file = bookmarks_file_for (conference);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  if (!hallway_bookmarks_load (bookmarks, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    hallway_window_show_error (window, error->message);
  hallway_bookmarks_update_from (bookmarks, conference);
  g_signal_connect_object (bookmarks, "changed", G_CALLBACK (bookmarks_changed_cb), self, 0);
  plan = hallway_plan_new (conference, bookmarks);
  hallway_window_set_plan (window, plan);
}

static void
hallway_application_activate (GApplication *app)
{
  HallwayApplication *self = HALLWAY_APPLICATION (app);
  HallwayWindow *window = ensure_window (self);

  if (hallway_window_get_plan (window) == NULL)
    {
      g_autoptr (HallwayConference) demo = load_demo_conference ();

      if (demo != NULL)
        show_conference (self, window, demo);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
file_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayWindow) window = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_file_finish (result, &error);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  if (conference != NULL && app != NULL)
    show_conference (HALLWAY_APPLICATION (app), window, conference);
  else if (conference == NULL)
    hallway_window_show_error (window, error->message);
}

static void
hallway_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  HallwayWindow *window = ensure_window (HALLWAY_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  if (n_files > 0)
    hallway_schedule_read_file_async (files[0], NULL, file_read_cb, g_object_ref (window));
}

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
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_dialog_present (ADW_DIALOG (hallway_preferences_dialog_new ()), GTK_WIDGET (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
hallway_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hallway_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
hallway_application_class_init (HallwayApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Linked from a static library, the resource's constructor would be dropped. */
  g_resources_register (hallway_get_resource ());

  app_class->handle_local_options = hallway_application_handle_local_options;
  app_class->startup = hallway_application_startup;
  app_class->activate = hallway_application_activate;
  app_class->open = hallway_application_open;
}

static void
hallway_application_init (HallwayApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Hallway shows conference schedules. FILE opens a "
                                              "schedule (Pentabarf/frab XML, C3VOC or pretalx "
                                              "JSON, iCalendar)."));
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
