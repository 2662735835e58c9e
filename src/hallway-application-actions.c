/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-application-private.h"
#include "hallway-conference.h"
#include "hallway-player-window.h"
#include "hallway-room.h"
#include "hallway-talk.h"
#include "hallway-preferences-dialog.h"
#include "hallway-reminder-service.h"
#include "hallway-window.h"

/* The application's actions: what menus, shortcuts and notifications ask it to do. */

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
  HallwayApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GSettings *settings = hallway_application_get_settings (self);

  adw_dialog_present (ADW_DIALOG (hallway_preferences_dialog_new (settings)), GTK_WIDGET (window));
}

static void
refresh_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  hallway_application_refresh_now (HALLWAY_APPLICATION (user_data));
}

static void
show_conference_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  HallwayLibrary *library = hallway_application_get_library (self);
  HallwayLibraryEntry *entry =
    hallway_library_lookup (library, g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    hallway_application_show_entry (self, entry);
}

static char *
dup_removed_message (HallwayLibraryEntry *entry, gboolean bookmarks_too)
{
  const char *title = hallway_library_entry_get_title (entry);

  if (bookmarks_too)
    /* Translators: a toast after removing a conference and its bookmarks */
    return g_strdup_printf (_("“%s” and its bookmarks removed"), title);
  /* Translators: a toast after removing a conference, its bookmarks kept */
  return g_strdup_printf (_("“%s” removed; its bookmarks were kept"), title);
}

static void
remove_response_cb (AdwAlertDialog *dialog, const char *response, HallwayApplication *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "conference-id");
  HallwayLibrary *library = hallway_application_get_library (self);
  HallwayLibraryEntry *found = hallway_library_lookup (library, id);
  g_autoptr (HallwayLibraryEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *removed = NULL;

  if (found == NULL || g_str_equal (response, "cancel"))
    return;
  /* Kept past its removal from the library, for the reminder service to let go of. */
  entry = g_object_ref (found);
  /* A removal the library refuses (a newer library.json) keeps the conference, and so its
   * reminders. */
  if (!hallway_library_remove (library, id, g_str_equal (response, "delete"), &error) &&
      hallway_library_lookup (library, id) != NULL)
    {
      hallway_application_show_error (self, error->message);
      return;
    }
  hallway_reminder_service_forget (hallway_application_get_reminders (self), entry);
  if (error != NULL)
    hallway_application_show_error (self, error->message);
  hallway_application_show_current (self);
  removed = dup_removed_message (entry, g_str_equal (response, "delete"));
  hallway_window_show_message (hallway_application_ensure_window (self), removed);
}

/* Removing keeps the bookmarks unless the person says so: they are the one thing here
 * that cannot be downloaded again. */
static void
remove_conference_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  HallwayLibrary *library = hallway_application_get_library (self);
  HallwaySubscription *current = hallway_library_get_current (library);
  HallwayLibraryEntry *entry =
    current != NULL ? hallway_library_lookup_subscription (library, current) : NULL;
  AdwDialog *dialog;

  if (entry == NULL)
    return;
  dialog = adw_alert_dialog_new (NULL, NULL);
  adw_alert_dialog_format_heading (ADW_ALERT_DIALOG (dialog), _("Remove %s?"),
                                   hallway_library_entry_get_title (entry));
  adw_alert_dialog_set_body (
    ADW_ALERT_DIALOG (dialog),
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
  adw_dialog_present (dialog, GTK_WIDGET (hallway_application_ensure_window (self)));
}

/* The conference an action's "(ss)" parameter names first (NULL: not followed, or removed
 * since), and its second string (a talk's key, search terms). */
static HallwayLibraryEntry *
entry_of_parameter (HallwayApplication *self, GVariant *parameter, const char **second)
{
  const char *conference_id;
  HallwayLibraryEntry *entry;

  g_variant_get (parameter, "(&s&s)", &conference_id, second);
  entry = hallway_library_lookup (hallway_application_get_library (self), conference_id);
  if (entry == NULL && g_str_equal (conference_id, HALLWAY_APPLICATION_DEMO_ID))
    entry = hallway_application_get_demo (self);
  return entry;
}

/* From a notification: the talk's page, in its conference, in a window. */
static void
open_talk_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  const char *key;
  HallwayLibraryEntry *entry = entry_of_parameter (self, parameter, &key);
  HallwayWindow *window = hallway_application_ensure_window (self);

  /* A conference removed since: its talk is not to be looked for in another one. */
  if (entry != NULL)
    {
      hallway_application_show_entry (self, entry);
      hallway_window_show_talk (window, key);
    }
  gtk_window_present (GTK_WINDOW (window));
}

/* From the desktop's search ("more results"): the window's search with the terms, in that
 * conference ("" for the one shown). */
static void
search_talks_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  const char *text;
  HallwayLibraryEntry *entry = entry_of_parameter (self, parameter, &text);
  HallwayWindow *window = hallway_application_ensure_window (self);

  if (entry != NULL)
    hallway_application_show_entry (self, entry);
  else if (hallway_window_get_entry (window) == NULL)
    hallway_application_show_current (self);
  gtk_window_present (GTK_WINDOW (window));
  hallway_window_start_search (window, text);
}

/* From a reminder whose room is full: the room's live stream in Hallway's player when the
 * catalogue gives the conference's streams, else its web page in the browser. */
static void
watch_stream_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  const char *key;
  HallwayLibraryEntry *entry = entry_of_parameter (self, parameter, &key);
  HallwayConference *conference;
  HallwayTalk *talk;
  HallwayRoom *room;
  g_autofree char *web = NULL;
  g_autofree char *stream = NULL;
  g_autoptr (GtkUriLauncher) launcher = NULL;

  conference = entry != NULL ? hallway_library_entry_get_conference (entry) : NULL;
  talk = conference != NULL ? hallway_conference_lookup_talk (conference, key) : NULL;
  room = talk != NULL ? hallway_talk_get_room (talk) : NULL;
  web = talk != NULL ? hallway_conference_dup_live_stream_url (conference, talk) : NULL;
  stream = room != NULL ? hallway_library_entry_dup_room_stream_url (entry, room) : NULL;
  if (stream != NULL)
    {
      hallway_player_window_present (GTK_APPLICATION (self), stream, web,
                                     hallway_talk_get_title (talk), hallway_room_get_name (room));
      return;
    }
  if (web == NULL)
    return;
  launcher = gtk_uri_launcher_new (web);
  gtk_uri_launcher_launch (launcher, gtk_application_get_active_window (GTK_APPLICATION (self)),
                           NULL, NULL, NULL);
}

static void
snooze_talk_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HallwayApplication *self = user_data;
  const char *conference_id, *key;

  g_variant_get (parameter, "(&s&s)", &conference_id, &key);
  hallway_reminder_service_snooze (hallway_application_get_reminders (self), conference_id, key);
}

static const GActionEntry app_actions[] = {
  { "open-talk", open_talk_activated, "(ss)" },
  { "search-talks", search_talks_activated, "(ss)" },
  { "snooze-talk", snooze_talk_activated, "(ss)" },
  { "watch-stream", watch_stream_activated, "(ss)" },
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "refresh", refresh_activated },
  { "show-conference", show_conference_activated, "s" },
  { "remove-conference", remove_conference_activated },
};

void
hallway_application_actions_install (HallwayApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  /* GTK's for the help overlay, which the window builds on first use (hallway-window.c). */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
}
