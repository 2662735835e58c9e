/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hallway-add-conference-dialog.h"
#include "hallway-agenda-exporter.h"
#include "hallway-agenda-page.h"
#include "hallway-ical-export.h"
#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-talk-list-page.h"
#include "hallway-first-frame.h"
#include "hallway-waiting-page.h"
#include "hallway-html-sanitizer.h"
#include "hallway-index-page.h"
#include "hallway-library.h"
#include "hallway-location.h"
#include "hallway-menu-names.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-schedule-cache.h"
#include "hallway-schedule-change.h"
#include "hallway-settings.h"
#include "hallway-subscription.h"
#include "hallway-talk-page.h"
#include "hallway-track.h"
#include "hallway-transition-report.h"
#include "hallway-warm-up.h"
#include "hallway-window.h"


#define NOW_AND_NEXT_HORIZON G_TIME_SPAN_HOUR

/* The sidebar's rows, in order: their names are the sections' names. */
static const char * const section_names[] = {
  "schedule", "now", "agenda", "tracks", "rooms", "speakers", "changes",
};

struct _HallwayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  HallwayPlan *plan;
  HallwayConference *shown_conference;  /* the version the pages were built from */
  HallwayLibrary *library;
  HallwayLibraryEntry *entry;     /* the conference shown */
  HallwaySubscription *subscription;
  char *last_error_shown;
  guint status_timeout_id;
  HallwayTalkPage *talk_page;
  HallwayAgendaExporter *exporter;
  GListStore *now_and_next;
  HallwayTalkListPage *now_and_next_page;  /* weak: while it is on the stack */
  guint now_timeout_id;

  AdwToastOverlay *toast_overlay;
  GtkBox *banner_box;               /* add_banner (): banners above the window's content */
  AdwBanner *demo_banner;           /* made when the demo is first shown */
  AdwBanner *lasting_banner;        /* hallway_window_show_lasting_message(), made on first use */
  AdwNavigationSplitView *split_view;
  AdwWindowTitle *sidebar_title;
  GtkMenuButton *conference_button;
  GSimpleAction *conference_action; /* win.conference: the switcher's radio items, by id */
  GtkMenuButton *main_menu_button;
  GMenuModel *primary_menu;         /* the main menu's, given to its button when first opened */
  GtkWidget *venue_button;     /* where the conference is, with a map */
  GtkLabel *venue_label;
  char *venue_map_uri;
  char *venue_web_map_uri;     /* for a geo: URI nothing opens */
  GtkWidget *status_box;
  GtkLabel *status_label;
  GtkListBox *sidebar_list;
  GtkListBoxRow *schedule_row;
  GtkListBoxRow *changes_row;
  AdwNavigationView *content_view;
};

G_DEFINE_FINAL_TYPE (HallwayWindow, hallway_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_section (HallwayWindow *self, const char *name);
static void create_conference_menu_cb (GtkMenuButton *button, gpointer user_data);
static void create_main_menu_cb (GtkMenuButton *button, gpointer user_data);
static void conference_action_change_state_cb (GSimpleAction *action, GVariant *id,
                                               HallwayWindow *self);

/* ---- navigation ---------------------------------------------------------------------- */

static void talk_activated_cb (HallwayWindow *self, HallwayTalk *talk);
static void owner_activated_cb (HallwayWindow *self, GObject *owner);

static HallwayRoomStatus *room_status (HallwayWindow *self);

/* The talk page of the plan shown, made when the first talk is opened: building it before
 * the first frame cost start-up about 7 million instructions (issue 13). */
static HallwayTalkPage *
ensure_talk_page (HallwayWindow *self)
{
  if (self->talk_page != NULL)
    return self->talk_page;
  self->talk_page = g_object_ref_sink (hallway_talk_page_new (self->plan));
  hallway_talk_page_set_room_status (self->talk_page, room_status (self));
  hallway_talk_page_set_entry (self->talk_page, self->entry);
  g_signal_connect_swapped (self->talk_page, "talk-activated", G_CALLBACK (talk_activated_cb),
                            self);
  g_signal_connect_swapped (self->talk_page, "track-activated", G_CALLBACK (owner_activated_cb),
                            self);
  g_signal_connect_swapped (self->talk_page, "person-activated", G_CALLBACK (owner_activated_cb),
                            self);
  g_signal_connect_swapped (self->talk_page, "room-activated", G_CALLBACK (owner_activated_cb),
                            self);
  /* Kept in the view when popped: pushed again, it is still styled and realized, web view
   * and all, instead of being put back into the window for every talk opened (issue 13). */
  adw_navigation_view_add (self->content_view, ADW_NAVIGATION_PAGE (self->talk_page));
  return self->talk_page;
}

/* For another plan: the view lets the page go once it is popped. */
static void
drop_talk_page (HallwayWindow *self)
{
  if (self->talk_page == NULL)
    return;
  if (gtk_widget_get_parent (GTK_WIDGET (self->talk_page)) == GTK_WIDGET (self->content_view))
    adw_navigation_view_remove (self->content_view, ADW_NAVIGATION_PAGE (self->talk_page));
  g_clear_object (&self->talk_page);
}

static void
show_talk (HallwayWindow *self, HallwayTalk *talk)
{
  AdwNavigationPage *page = ADW_NAVIGATION_PAGE (ensure_talk_page (self));

  hallway_talk_page_set_talk (self->talk_page, talk);
  /* One talk page per window: bring it forward rather than stacking copies. It is always in
   * the view (ensure_talk_page ()), in the navigation stack only once pushed. */
  if (adw_navigation_view_get_visible_page (self->content_view) == page ||
      adw_navigation_view_get_previous_page (self->content_view, page) != NULL)
    adw_navigation_view_pop_to_page (self->content_view, page);
  else
    adw_navigation_view_push (self->content_view, page);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
talk_activated_cb (HallwayWindow *self, HallwayTalk *talk)
{
  show_talk (self, talk);
}

static void
export_requested_cb (HallwayWindow *self, GListModel *talks, HallwayTalkListPage *page)
{
  g_auto (GStrv) keys = hallway_ical_export_dup_talk_keys (talks);
  g_autofree char *name =
    g_strdup_printf ("%s.ics", adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)));

  hallway_agenda_exporter_export_keys (self->exporter, (const char * const *) keys, name);
}

static HallwayTalkListPage *
new_list_page (HallwayWindow *self, GListModel *talks, const char *title, const char *subtitle,
               gboolean show_days)
{
  HallwayTalkListPage *page =
    hallway_talk_list_page_new (self->plan, talks, title, subtitle, show_days);

  g_signal_connect_swapped (page, "talk-activated", G_CALLBACK (talk_activated_cb), self);
  g_signal_connect_object (page, "export-requested", G_CALLBACK (export_requested_cb), self,
                           G_CONNECT_SWAPPED);
  return page;
}

/* A track, room or speaker: all its talks, every day, as FOSDEM's devroom pages show them. */
static void
show_owner (HallwayWindow *self, GObject *owner)
{
  HallwayConference *conference = hallway_plan_get_conference (self->plan);
  g_autofree char *biography = NULL;
  g_autofree char *count = NULL;
  HallwayTalkListPage *page;
  GListModel *talks;
  const char *title;

  if (HALLWAY_IS_TRACK (owner))
    {
      talks = hallway_conference_get_talks_for_track (conference, HALLWAY_TRACK (owner));
      title = hallway_track_get_name (HALLWAY_TRACK (owner));
    }
  else if (HALLWAY_IS_ROOM (owner))
    {
      talks = hallway_conference_get_talks_for_room (conference, HALLWAY_ROOM (owner));
      title = hallway_room_get_name (HALLWAY_ROOM (owner));
    }
  else
    {
      talks = hallway_conference_get_talks_for_person (conference, HALLWAY_PERSON (owner));
      title = hallway_person_get_name (HALLWAY_PERSON (owner));
      biography =
        hallway_html_to_plain_text (hallway_person_get_biography (HALLWAY_PERSON (owner)));
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks",
                                        g_list_model_get_n_items (talks)),
                           g_list_model_get_n_items (talks));
  page = new_list_page (self, talks, title, count, FALSE);
  hallway_talk_list_page_set_description (page, biography);
  if (HALLWAY_IS_ROOM (owner) && self->entry != NULL)
    {
      g_autofree char *navigation =
        hallway_library_entry_dup_room_navigation_url (self->entry, HALLWAY_ROOM (owner));
      g_autofree char *room_page =
        hallway_library_entry_dup_room_page_url (self->entry, HALLWAY_ROOM (owner));

      hallway_talk_list_page_set_navigation_url (page, navigation);
      hallway_talk_list_page_set_room_page_url (page, room_page);
    }
  adw_navigation_view_push (self->content_view, ADW_NAVIGATION_PAGE (page));
}

static void
owner_activated_cb (HallwayWindow *self, GObject *owner)
{
  show_owner (self, owner);
}

static GListModel *
changed_talks (HallwayPlan *plan)
{
  GListModel *changes = hallway_plan_get_changes (plan);
  GListStore *talks = g_list_store_new (HALLWAY_TYPE_TALK);

  for (guint i = 0; changes != NULL && i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      HallwayTalk *talk = hallway_schedule_change_get_new_talk (change);

      g_list_store_append (talks,
                           talk != NULL ? talk : hallway_schedule_change_get_old_talk (change));
    }
  return G_LIST_MODEL (talks);
}

static void
refresh_now_and_next (HallwayWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GListModel) current =
    hallway_conference_dup_now_and_next (hallway_plan_get_conference (self->plan), now,
                                         NOW_AND_NEXT_HORIZON);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    g_ptr_array_add (items, g_list_model_get_item (current, i));
  g_list_store_splice (self->now_and_next, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->now_and_next)), items->pdata,
                       items->len);
  if (self->now_and_next_page != NULL)
    {
      g_autofree char *quiet = hallway_plan_dup_quiet_time_text (self->plan, now);

      hallway_talk_list_page_set_quiet_text (self->now_and_next_page, _("Nothing On Now"), quiet);
    }
}

static gboolean
minute_tick_cb (gpointer user_data)
{
  HallwayWindow *self = user_data;

  if (self->plan != NULL)
    refresh_now_and_next (self);
  return G_SOURCE_CONTINUE;
}

/* "Since the update of Sat 31 Jan, 09:12": when the version that brought the changes came,
 * in local time (it is the person's clock, not the conference's). */
static char *
describe_changes_since (HallwayWindow *self)
{
  HallwaySubscription *subscription =
    self->entry != NULL ? hallway_library_entry_get_subscription (self->entry) : NULL;
  GDateTime *fetched = subscription != NULL
                         ? hallway_schedule_cache_get_fetched (
                             hallway_subscription_get_cache (subscription))
                         : NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (fetched == NULL)
    return g_strdup (_("Since the previous version of the schedule"));
  local = g_date_time_to_local (fetched);
  when = g_date_time_format (local, _("%a %-d %b, %H:%M"));
  /* Translators: subtitle of Changes; %s is when the update came, "Sat 31 Jan, 09:12" */
  return g_strdup_printf (_("Since the update of %s"), when);
}

/* Which rooms are full, when the conference's catalogue entry says where to ask; polling
 * starts with the first page that shows it. */
static HallwayRoomStatus *
room_status (HallwayWindow *self)
{
  return self->entry != NULL ? hallway_library_entry_ensure_room_status (self->entry) : NULL;
}

static AdwNavigationPage *
section_page (HallwayWindow *self, const char *name)
{
  HallwayConference *conference = hallway_plan_get_conference (self->plan);
  const char *conference_title = hallway_conference_get_title (conference);

  if (g_str_equal (name, "now"))
    {
      HallwayTalkListPage *page;

      page = new_list_page (self, G_LIST_MODEL (self->now_and_next), _("Now & Next"),
                            _("Running now and starting within the hour"), FALSE);
      hallway_talk_list_page_group_by_room (page);
      hallway_talk_list_page_set_room_status (page, room_status (self));
      g_set_weak_pointer (&self->now_and_next_page, page);
      refresh_now_and_next (self);
      return ADW_NAVIGATION_PAGE (page);
    }
  if (g_str_equal (name, "agenda"))
    {
      HallwayAgendaPage *page = hallway_agenda_page_new (self->plan);

      g_signal_connect_swapped (page, "talk-activated", G_CALLBACK (talk_activated_cb), self);
      return ADW_NAVIGATION_PAGE (page);
    }
  if (g_str_equal (name, "tracks") || g_str_equal (name, "rooms") || g_str_equal (name, "speakers"))
    {
      HallwayIndexKind kind = g_str_equal (name, "tracks")  ? HALLWAY_INDEX_TRACKS
                              : g_str_equal (name, "rooms") ? HALLWAY_INDEX_ROOMS
                                                            : HALLWAY_INDEX_SPEAKERS;
      HallwayIndexPage *page = hallway_index_page_new (self->plan, kind);

      if (kind == HALLWAY_INDEX_ROOMS)
        hallway_index_page_set_room_status (page, room_status (self));

      g_signal_connect_swapped (page, "item-activated", G_CALLBACK (owner_activated_cb), self);
      return ADW_NAVIGATION_PAGE (page);
    }
  if (g_str_equal (name, "changes"))
    {
      g_autoptr (GListModel) talks = changed_talks (self->plan);
      g_autofree char *since = describe_changes_since (self);
      HallwayTalkListPage *page = new_list_page (self, talks, _("Changes"), since, FALSE);

      hallway_talk_list_page_group_by_change (page);
      return ADW_NAVIGATION_PAGE (page);
    }
  return ADW_NAVIGATION_PAGE (new_list_page (self, G_LIST_MODEL (conference), _("Schedule"),
                                             conference_title, TRUE));
}

static void
show_section (HallwayWindow *self, const char *name)
{
  AdwNavigationPage *page;

  if (self->plan == NULL)
    return;
  page = section_page (self, name);
  adw_navigation_page_set_tag (page, name);
  adw_navigation_view_replace (self->content_view, &page, 1);
}

static void
sidebar_row_activated_cb (HallwayWindow *self, GtkListBoxRow *row)
{
  show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* ---- actions ------------------------------------------------------------------------- */

/* The search of the list shown, else the schedule's; with text (from the desktop's search),
 * the schedule's with that typed in. */
static void
start_search (HallwayWindow *self, const char *text)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_view);

  /* From a talk page, search goes back to the list it came from. */
  if (HALLWAY_IS_TALK_PAGE (page))
    {
      adw_navigation_view_pop (self->content_view);
      page = adw_navigation_view_get_visible_page (self->content_view);
    }
  if (text != NULL || (!HALLWAY_IS_TALK_LIST_PAGE (page) && !HALLWAY_IS_INDEX_PAGE (page)))
    {
      gtk_list_box_select_row (self->sidebar_list, self->schedule_row);
      show_section (self, "schedule");
      page = adw_navigation_view_get_visible_page (self->content_view);
    }
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  if (HALLWAY_IS_TALK_LIST_PAGE (page))
    hallway_talk_list_page_start_search (HALLWAY_TALK_LIST_PAGE (page), text);
  else if (HALLWAY_IS_INDEX_PAGE (page))
    hallway_index_page_start_search (HALLWAY_INDEX_PAGE (page));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  start_search (HALLWAY_WINDOW (widget), NULL);
}

/* win.show-tracks → "tracks": one action per section, so each has a shortcut (Alt+1…). */
static void
show_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);
  const char *name = action_name + strlen ("win.show-");
  GtkListBoxRow *row = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), name) && gtk_widget_get_visible (child))
      row = GTK_LIST_BOX_ROW (child);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->sidebar_list, row);
  sidebar_row_activated_cb (self, row);
}

/* Changes seen: they go, and stay gone after a restart; the schedule takes their place. */
static void
dismiss_changes_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);

  if (self->entry == NULL)
    return;
  hallway_library_entry_dismiss_changes (self->entry);
  if (gtk_list_box_get_selected_row (self->sidebar_list) == self->changes_row)
    {
      gtk_list_box_select_row (self->sidebar_list, self->schedule_row);
      show_section (self, "schedule");
    }
}

static void
bookmark_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);

  if (self->talk_page != NULL && adw_navigation_view_get_visible_page (self->content_view) ==
                                    ADW_NAVIGATION_PAGE (self->talk_page))
    hallway_talk_page_toggle_bookmark (self->talk_page);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);

  if (self->exporter != NULL)
    hallway_agenda_exporter_export_agenda (self->exporter);
}

static void
export_talk_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);
  HallwayTalk *talk = self->talk_page ? hallway_talk_page_get_talk (self->talk_page) : NULL;
  const char *keys[] = { NULL, NULL };
  g_autofree char *name = NULL;

  if (talk == NULL || self->exporter == NULL)
    return;
  keys[0] = hallway_talk_get_key (talk);
  name = g_strdup_printf ("%s.ics", hallway_talk_get_title (talk));
  hallway_agenda_exporter_export_keys (self->exporter, keys, name);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);

  if (self->exporter != NULL)
    hallway_agenda_exporter_import (self->exporter);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);

  if (self->exporter != NULL)
    hallway_agenda_exporter_print (self->exporter);
}

static void
copy_agenda_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);

  if (self->exporter != NULL)
    hallway_agenda_exporter_copy_text (self->exporter);
}

static void
add_conference_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayWindow *self = HALLWAY_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && self->library != NULL)
    adw_dialog_present (ADW_DIALOG (hallway_add_conference_dialog_new (self->library)), widget);
}

static void
open_file_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayWindow) self = user_data;
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (file != NULL && app != NULL)
    g_application_open (app, &file, 1, "");
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Schedule File"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (widget), NULL, open_file_cb, g_object_ref (widget));
}

/* ---- window state -------------------------------------------------------------------- */

static void
restore_window_state (HallwayWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, HALLWAY_SETTINGS_WINDOW_WIDTH),
                               g_settings_get_int (self->settings, HALLWAY_SETTINGS_WINDOW_HEIGHT));
  if (g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
hallway_window_close_request (GtkWindow *window)
{
  HallwayWindow *self = HALLWAY_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, HALLWAY_SETTINGS_WINDOW_WIDTH, width);
  g_settings_set_int (self->settings, HALLWAY_SETTINGS_WINDOW_HEIGHT, height);
  g_settings_set_boolean (self->settings, HALLWAY_SETTINGS_WINDOW_MAXIMIZED,
                          gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hallway_window_parent_class)->close_request (window);
}

static void
show_local_time_changed_cb (HallwayWindow *self)
{
  if (self->plan != NULL)
    hallway_plan_set_show_local_time (self->plan,
                                      g_settings_get_boolean (self->settings,
                                                              HALLWAY_SETTINGS_SHOW_LOCAL_TIME));
}

/* ---- the venue ----------------------------------------------------------------------- */

/* The sidebar's foot says where the conference is, when its schedule says so, and opens
 * a map of it: a geo: URI in the desktop's map (GNOME Maps), else OpenStreetMap. */
static void
show_venue (HallwayWindow *self, HallwayConference *conference)
{
  g_autofree char *text = conference != NULL ? hallway_conference_dup_venue_text (conference)
                                             : NULL;
  g_autofree char *name = NULL;

  g_free (self->venue_map_uri);
  self->venue_map_uri = text != NULL ? hallway_conference_dup_venue_map_uri (conference) : NULL;
  g_free (self->venue_web_map_uri);
  self->venue_web_map_uri =
    text != NULL ? hallway_conference_dup_venue_web_map_uri (conference) : NULL;
  gtk_label_set_text (self->venue_label, text != NULL ? text : "");
  /* Without a map the place is still said, and the button does nothing. */
  gtk_widget_set_sensitive (self->venue_button, self->venue_map_uri != NULL);
  gtk_widget_set_visible (self->venue_button, text != NULL);
  if (text == NULL)
    return;
  /* Translators: the accessible name of the button with the conference's venue in the
   * sidebar, which opens a map; %s is the venue, "ULB (Université Libre de Bruxelles),
   * Brussels" */
  name = g_strdup_printf (_("Venue: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->venue_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->venue_map_uri != NULL ? self->venue_map_uri : "", -1);
}

static void
venue_web_map_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkUriLauncher) launcher = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      self->venue_web_map_uri == NULL)
    return;
  /* Nothing opens geo: URIs here: the same place on the web. */
  g_debug ("the map could not be opened (%s); OpenStreetMap instead", error->message);
  launcher = gtk_uri_launcher_new (self->venue_web_map_uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
}

static void
venue_clicked_cb (HallwayWindow *self)
{
  g_autoptr (GtkUriLauncher) launcher = NULL;

  if (self->venue_map_uri == NULL)
    return;
  launcher = gtk_uri_launcher_new (self->venue_map_uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, venue_web_map_cb,
                           g_object_ref (self));
}

static void
hallway_window_dispose (GObject *object)
{
  HallwayWindow *self = HALLWAY_WINDOW (object);

  g_clear_handle_id (&self->now_timeout_id, g_source_remove);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->now_and_next_page);
  if (self->subscription != NULL)
    g_signal_handlers_disconnect_by_data (self->subscription, self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_WINDOW);
  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
  g_clear_object (&self->entry);
  g_clear_object (&self->subscription);
  g_clear_object (&self->library);
  g_clear_pointer (&self->last_error_shown, g_free);
  g_clear_pointer (&self->venue_map_uri, g_free);
  g_clear_pointer (&self->venue_web_map_uri, g_free);
  g_clear_object (&self->talk_page);
  g_clear_object (&self->exporter);
  g_clear_object (&self->now_and_next);
  g_clear_object (&self->conference_action);
  /* The entry's plan outlives the window (reminders with the window closed). */
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  /* The application's settings outlive the window. */
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hallway_window_parent_class)->dispose (object);
}

/* A message from a dialog over the window, such as Add Conference's "added". */
static void
toast_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  hallway_window_show_message (HALLWAY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
hallway_window_class_init (HallwayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hallway_window_dispose;
  window_class->close_request = hallway_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.bookmark", NULL, bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-changes", NULL,
                                   dismiss_changes_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.add-conference", NULL, add_conference_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-talk", NULL, export_talk_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-agenda", NULL, copy_agenda_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-agenda", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      g_autofree char *action = g_strconcat ("win.show-", section_names[i], NULL);

      gtk_widget_class_install_action (widget_class, action, NULL, show_section_action);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, action, NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.bookmark",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/hallway-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, banner_box);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, conference_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, status_box);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, venue_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, venue_label);
  gtk_widget_class_bind_template_callback (widget_class, venue_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, changes_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, content_view);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
}

/* A schedule file dropped on the window is followed like one opened from the menu. */
static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, HallwayWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr (GPtrArray) array = g_ptr_array_new ();

  if (app == NULL || files == NULL)
    return FALSE;
  for (GSList *file = files; file != NULL; file = file->next)
    g_ptr_array_add (array, file->data);
  g_application_open (app, (GFile **) array->pdata, (int) array->len, "");
  return TRUE;
}

static void
accept_dropped_files (HallwayWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* GTK builds the app's gtk/help-overlay.ui into every new window, before its first frame
 * (about 30 million instructions, 2% of a start with FOSDEM 2026): the shortcuts window is
 * built the first time it is asked for instead (issue 13). Ctrl+? is set with the app's
 * accelerators. */
static void
show_help_overlay_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  overlay = gtk_application_window_get_help_overlay (window);
  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/ui/hallway-shortcuts-dialog.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
add_help_overlay_action (HallwayWindow *self)
{
  g_autoptr (GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
hallway_window_init (HallwayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_main_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->conference_button, create_conference_menu_cb, self,
                                         NULL);
  hallway_menu_button_name_items (self->main_menu_button);
  hallway_menu_button_name_items (self->conference_button);
  hallway_first_frame_report_if_asked (GTK_WIDGET (self));
  hallway_transition_report_if_asked ();

  self->now_and_next = g_list_store_new (HALLWAY_TYPE_TALK);
  self->conference_action = g_simple_action_new_stateful ("conference", G_VARIANT_TYPE_STRING,
                                                          g_variant_new_string (""));
  g_signal_connect_object (self->conference_action, "change-state",
                           G_CALLBACK (conference_action_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->conference_action));
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  accept_dropped_files (self);
  add_help_overlay_action (self);
  gtk_list_box_select_row (self->sidebar_list, self->schedule_row);
  self->now_timeout_id = g_timeout_add_seconds (60, minute_tick_cb, self);
}

HallwayWindow *
hallway_window_new (GtkApplication *application, GSettings *settings)
{
  HallwayWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HALLWAY_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (self->settings, "changed::" HALLWAY_SETTINGS_SHOW_LOCAL_TIME,
                           G_CALLBACK (show_local_time_changed_cb), self, G_CONNECT_SWAPPED);
  restore_window_state (self);
  return self;
}

HallwayLibraryEntry *
hallway_window_get_entry (HallwayWindow *self)
{
  g_return_val_if_fail (HALLWAY_IS_WINDOW (self), NULL);
  return self->entry;
}

/* A new version of the schedule: rebuild the section shown and keep the talk open, found
 * again by its key (it may have moved, or be gone). */
static void
show_new_version (HallwayWindow *self)
{
  HallwayConference *conference = hallway_plan_get_conference (self->plan);
  HallwayTalk *open_talk = NULL;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar_list);
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_view);

  /* Before the first page (a talk opened from outside the window), neither exists. */
  if (self->talk_page != NULL && visible == ADW_NAVIGATION_PAGE (self->talk_page) &&
      hallway_talk_page_get_talk (self->talk_page) != NULL)
    open_talk =
      hallway_conference_lookup_talk (conference, hallway_talk_get_key (
                                                    hallway_talk_page_get_talk (self->talk_page)));
  self->shown_conference = conference;
  adw_window_title_set_subtitle (self->sidebar_title, hallway_conference_get_title (conference));
  show_venue (self, conference);
  show_section (self, selected != NULL ? gtk_widget_get_name (GTK_WIDGET (selected)) : "schedule");
  if (open_talk != NULL)
    show_talk (self, open_talk);
  hallway_warm_up_after_next_frame (GTK_WIDGET (self), conference);
}

static void
plan_changed_cb (HallwayWindow *self)
{
  GListModel *changes = hallway_plan_get_changes (self->plan);
  gboolean any_changes = changes != NULL && g_list_model_get_n_items (changes) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->changes_row), any_changes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.dismiss-changes", any_changes);
  if (hallway_plan_get_conference (self->plan) != self->shown_conference)
    show_new_version (self);
}

static void
show_plan (HallwayWindow *self, HallwayPlan *plan)
{
  HallwayConference *conference;
  GtkListBoxRow *selected;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  show_local_time_changed_cb (self);
  conference = hallway_plan_get_conference (plan);
  adw_window_title_set_subtitle (self->sidebar_title, hallway_conference_get_title (conference));
  show_venue (self, conference);
  g_clear_object (&self->exporter);
  self->exporter = hallway_agenda_exporter_new (GTK_WINDOW (self), self->entry, self->settings);
  g_signal_connect_object (self->exporter, "message", G_CALLBACK (hallway_window_show_message),
                           self, G_CONNECT_SWAPPED);
  drop_talk_page (self);  /* ensure_talk_page () makes the new plan's */
  self->shown_conference = conference;
  plan_changed_cb (self);
  selected = gtk_list_box_get_selected_row (self->sidebar_list);
  show_section (self, selected != NULL ? gtk_widget_get_name (GTK_WIDGET (selected)) : "schedule");
  hallway_first_frame_content_shown (GTK_WIDGET (self));
  hallway_warm_up_after_next_frame (GTK_WIDGET (self), conference);
}

void
hallway_window_show_talk (HallwayWindow *self, const char *key)
{
  HallwayTalk *talk;

  g_return_if_fail (HALLWAY_IS_WINDOW (self));

  if (self->plan == NULL)
    return;
  talk = hallway_conference_lookup_talk (hallway_plan_get_conference (self->plan), key);
  if (talk != NULL)
    show_talk (self, talk);
}

void
hallway_window_start_search (HallwayWindow *self, const char *text)
{
  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  g_return_if_fail (text != NULL);
  start_search (self, text);
}

void
hallway_window_show_message (HallwayWindow *self, const char *message)
{
  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
lasting_banner_closed_cb (AdwBanner *banner)
{
  adw_banner_set_revealed (banner, FALSE);
  adw_banner_set_title (banner, "");
}

/* Banners go above everything else in the window, each made on first use. The box is in
 * the template: putting the window's content into a new one when the first banner came
 * (the demo's, before the first frame) cost start-up about 2 million instructions. */
static void
add_banner (HallwayWindow *self, AdwBanner *banner)
{
  gtk_box_prepend (self->banner_box, GTK_WIDGET (banner));
}

static AdwBanner *
ensure_lasting_banner (HallwayWindow *self)
{
  if (self->lasting_banner != NULL)
    return self->lasting_banner;
  self->lasting_banner = ADW_BANNER (adw_banner_new (""));
  /* File names are not markup. */
  adw_banner_set_use_markup (self->lasting_banner, FALSE);
  adw_banner_set_button_label (self->lasting_banner, _("_Close"));
  g_signal_connect (self->lasting_banner, "button-clicked",
                    G_CALLBACK (lasting_banner_closed_cb), NULL);
  add_banner (self, self->lasting_banner);
  return self->lasting_banner;
}

static void
demo_banner_clicked_cb (HallwayWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-conference", NULL);
}

/* The bundled conference is there to try Hallway: say so, and how to add a real one. */
static void
update_demo_banner (HallwayWindow *self)
{
  gboolean demo = self->entry != NULL && hallway_library_entry_is_builtin (self->entry);

  if (self->demo_banner == NULL)
    {
      if (!demo)
        return;
      self->demo_banner =
        ADW_BANNER (adw_banner_new (_("This is a demo conference for trying out Hallway")));
      adw_banner_set_button_label (self->demo_banner, _("_Add Conference…"));
      g_signal_connect_swapped (self->demo_banner, "button-clicked",
                                G_CALLBACK (demo_banner_clicked_cb), self);
      add_banner (self, self->demo_banner);
    }
  adw_banner_set_revealed (self->demo_banner, demo);
}

/* For what a person must not miss, such as a damaged file set aside at start-up: a toast
 * goes away after a few seconds, the banner stays until closed. Several messages are
 * shown together, one a line. */
void
hallway_window_show_lasting_message (HallwayWindow *self, const char *message)
{
  AdwBanner *banner;
  const char *shown;
  g_autofree char *title = NULL;

  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  banner = ensure_lasting_banner (self);
  shown = adw_banner_get_title (banner);
  if (strstr (shown, message) != NULL)
    return;
  title = *shown != '\0' ? g_strconcat (shown, "\n", message, NULL) : g_strdup (message);
  adw_banner_set_title (banner, title);
  adw_banner_set_revealed (banner, TRUE);
}

/* ---- conferences and their freshness ------------------------------------------------- */

/* A radio item of the switcher chosen: the application shows that conference. */
static void
conference_action_change_state_cb (GSimpleAction *action, GVariant *id, HallwayWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.show-conference", "s",
                              g_variant_get_string (id, NULL));
}

/* "Switch Conference": the followed conferences, each with where it comes from ("FOSDEM 2026
 * · fosdem.org", "… · File: fosdem-2026.xml": the same conference can be followed twice) and
 * the one shown checked; then adding and removing. */
static void
build_conference_menu (HallwayWindow *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) conferences = g_menu_new ();
  g_autoptr (GMenu) manage = g_menu_new ();
  GListModel *entries = G_LIST_MODEL (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *source =
        hallway_location_dup_source_label (hallway_library_entry_get_location (entry));
      /* Translators: a conference in the switcher and where it comes from: "FOSDEM 2026 ·
       * fosdem.org" or "FOSDEM 2026 · File: fosdem-2026.xml" */
      g_autofree char *label = g_strdup_printf (C_("conference and its source", "%s · %s"),
                                                hallway_library_entry_get_title (entry), source);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.conference", "s",
                                         hallway_library_entry_get_id (entry));
      g_menu_append_item (conferences, item);
    }
  g_menu_append (manage, _("_Add Conference…"), "win.add-conference");
  if (self->subscription != NULL)
    g_menu_append (manage, _("Re_move This Conference…"), "app.remove-conference");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (conferences));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (manage));
  gtk_menu_button_set_menu_model (self->conference_button, G_MENU_MODEL (menu));
}

/* A menu button's popover makes a widget for every item at once: the menus are given to
 * their buttons when first opened, not before the first frame (issue 13). Once made, the
 * switcher follows the library and the conference shown. */
static void
rebuild_conference_menu (HallwayWindow *self)
{
  if (gtk_menu_button_get_menu_model (self->conference_button) != NULL)
    build_conference_menu (self);
}

static void
create_conference_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  HallwayWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL && self->library != NULL)
    build_conference_menu (self);
}

static void
create_main_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  HallwayWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

void
hallway_window_set_library (HallwayWindow *self, HallwayLibrary *library)
{
  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  g_return_if_fail (HALLWAY_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  g_signal_connect_object (library, "items-changed", G_CALLBACK (rebuild_conference_menu), self,
                           G_CONNECT_SWAPPED);
  rebuild_conference_menu (self);
}

static char *
describe_last_check (GDateTime *checked)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  int minutes = (int) (g_date_time_difference (now, checked) / G_TIME_SPAN_MINUTE);

  if (minutes < 1)
    return g_strdup (_("Updated just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d minute ago",
                                         "Updated %d minutes ago", minutes), minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d hour ago",
                                         "Updated %d hours ago", minutes / 60), minutes / 60);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d day ago", "Updated %d days ago",
                                       minutes / (24 * 60)),
                          minutes / (24 * 60));
}

/* The page show_waiting () put on the content side, while it is there. */
static HallwayWaitingPage *
shown_waiting_page (HallwayWindow *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_view);

  return HALLWAY_IS_WAITING_PAGE (page) ? HALLWAY_WAITING_PAGE (page) : NULL;
}

/* The sidebar's foot says how fresh the schedule is, and why it is not fresher; a failed
 * refresh also gets a toast once, and never blocks anything. */
static void
update_status (HallwayWindow *self)
{
  const char *error =
    self->subscription ? hallway_subscription_get_last_error (self->subscription) : NULL;
  GDateTime *checked =
    self->subscription ? hallway_subscription_get_last_checked (self->subscription) : NULL;
  g_autofree char *text = NULL;
  HallwayWaitingPage *waiting = shown_waiting_page (self);
  gboolean refreshing;
  const char *failure;  /* the error, unless a new try is under way */

  gtk_widget_set_visible (self->status_box, self->subscription != NULL);
  if (self->subscription == NULL)
    return;
  refreshing = hallway_subscription_get_refreshing (self->subscription);
  failure = refreshing ? NULL : error;
  if (waiting != NULL)
    hallway_waiting_page_show (waiting, hallway_library_entry_get_title (self->entry), failure);
  if (refreshing)
    text = g_strdup (_("Updating…"));
  else if (failure != NULL)
    text = g_strdup_printf (_("Could not update: %s"), failure);
  else if (checked != NULL)
    text = describe_last_check (checked);
  else
    text = g_strdup (_("Not updated yet"));
  gtk_label_set_text (self->status_label, text);
  /* Red only while it says what went wrong, not while it tries again. */
  if (failure != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  if (failure != NULL && g_strcmp0 (failure, self->last_error_shown) != 0)
    {
      g_free (self->last_error_shown);
      self->last_error_shown = g_strdup (failure);
      hallway_window_show_message (self, text);
    }
}

static gboolean
status_tick_cb (gpointer user_data)
{
  update_status (user_data);
  return G_SOURCE_CONTINUE;
}

/* The subscription shown, or NULL for the bundled demo. */
static void
show_subscription (HallwayWindow *self, HallwaySubscription *subscription)
{
  if (self->subscription != NULL)
    g_signal_handlers_disconnect_by_data (self->subscription, self);
  g_set_object (&self->subscription, subscription);
  g_clear_pointer (&self->last_error_shown, g_free);
  if (subscription != NULL)
    {
      g_signal_connect_object (subscription, "notify::last-error", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (subscription, "notify::last-checked", G_CALLBACK (update_status),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (subscription, "notify::refreshing", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->status_timeout_id == 0)
    self->status_timeout_id = g_timeout_add_seconds (30, status_tick_cb, self);
  update_status (self);
  if (self->library != NULL)
    rebuild_conference_menu (self);
}

/* A followed conference with no schedule yet (just added, or its cache was cleared): the
 * content side says so, and why, instead of staying blank or showing the last one. */
static void
show_waiting (HallwayWindow *self)
{
  HallwayWaitingPage *waiting = hallway_waiting_page_new ();
  AdwNavigationPage *page = ADW_NAVIGATION_PAGE (waiting);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->exporter);
  self->shown_conference = NULL;
  adw_window_title_set_subtitle (self->sidebar_title,
                                 hallway_library_entry_get_title (self->entry));
  adw_navigation_view_replace (self->content_view, &page, 1);
  hallway_waiting_page_show (waiting, hallway_library_entry_get_title (self->entry), NULL);
  update_status (self);
}

static void
plan_arrived_cb (HallwayWindow *self)
{
  HallwayPlan *plan = hallway_library_entry_get_plan (self->entry);

  if (plan == NULL && shown_waiting_page (self) == NULL)
    show_waiting (self);
  else if (plan != NULL && plan != self->plan)
    show_plan (self, plan);
}

/* The conference shown. Its plan may come later (the first download of a new conference is
 * still running): the window shows it when it comes. */
void
hallway_window_set_entry (HallwayWindow *self, HallwayLibraryEntry *entry)
{
  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  g_return_if_fail (HALLWAY_IS_LIBRARY_ENTRY (entry));

  if (self->entry == entry)
    return;
  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
  g_set_object (&self->entry, entry);
  show_venue (self, NULL);
  g_simple_action_set_state (self->conference_action,
                             g_variant_new_string (hallway_library_entry_get_id (entry)));
  update_demo_banner (self);
  show_subscription (self, hallway_library_entry_get_subscription (entry));
  g_signal_connect_object (entry, "notify::plan", G_CALLBACK (plan_arrived_cb), self,
                           G_CONNECT_SWAPPED);
  plan_arrived_cb (self);
}
