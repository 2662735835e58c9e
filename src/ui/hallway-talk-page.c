/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-talk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-html-sanitizer.h"
#include "hallway-language.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-player-window.h"
#include "hallway-talk-page.h"
#include "hallway-room.h"
#include "hallway-room-badge.h"
#include "hallway-track.h"
#include "hallway-web-loader.h"

#define MORE_IN_TRACK_LIMIT 20

typedef struct
{
  GPtrArray *rows; /* AdwActionRow, in the order shown */
  guint used;      /* by the current talk; the rest are hidden */
} RowPool;

struct _HallwayTalkPage
{
  AdwNavigationPage parent_instance;

  HallwayPlan *plan;
  HallwayTalk *talk;
  HallwayRoomStatus *room_status;       /* which rooms are full, when the conference says */
  HallwayLibraryEntry *entry;           /* the conference's rooms' streams */
  GtkWidget *abstract_view; /* made on first use: it loads WebKit, starts a web process */
  GtkLabel *abstract_fallback;          /* plain text, when the web module cannot be loaded */
  /* Rows made once and reused: each talk updates their text and hides the ones it does not
   * need, instead of building some 35 rows from templates again. */
  RowPool details;
  RowPool links;
  RowPool more;
  gint64 opened_at;                     /* for HALLWAY_REPORT_TALK_TIMING */
  gboolean updating;

  GtkToggleButton *bookmark_button;
  GtkScrolledWindow *scrolled_window;
  GtkLabel *status_label;
  GtkLabel *change_label;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkListBox *details_list;
  GtkWidget *plan_list;
  AdwSwitchRow *backup_row;
  GtkWidget *abstract_heading;
  AdwBin *abstract_bin;
  AdwPreferencesGroup *links_group;
  AdwPreferencesGroup *more_group;
};

G_DEFINE_FINAL_TYPE (HallwayTalkPage, hallway_talk_page, ADW_TYPE_NAVIGATION_PAGE)

enum { TRACK_ACTIVATED, ROOM_ACTIVATED, PERSON_ACTIVATED, TALK_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- times ------------------------------------------------------------------------- */

static char *
format_range (GDateTime *start, GDateTime *end, const char *start_format)
{
  g_autofree char *start_text = g_date_time_format (start, start_format);
  g_autofree char *end_text = g_date_time_format (end, "%H:%M");
  g_autofree char *zone = g_date_time_format (start, "%Z");

  /* Translators: "Saturday 31 January 2026, 13:30–13:55 CET" */
  return g_strdup_printf (_("%s–%s %s"), g_strstrip (start_text), end_text, zone);
}

static gboolean
same_day (GDateTime *a, GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* In the zone the person chose, and beside it the computer's local time when that differs
 * (with its week day when that differs too), so nobody misses a talk by an hour, or a day,
 * when travelling. */
static char *
format_when (HallwayTalkPage *self)
{
  g_autoptr (GDateTime) start =
    hallway_plan_to_display_time (self->plan, hallway_talk_get_start (self->talk));
  g_autoptr (GDateTime) end =
    hallway_plan_to_display_time (self->plan, hallway_talk_get_end (self->talk));
  g_autoptr (GDateTime) local_start = g_date_time_to_local (start);
  g_autoptr (GDateTime) local_end = g_date_time_to_local (end);
  /* Translators: strftime format of a talk's start with its date */
  g_autofree char *shown = format_range (start, end, _("%A %-d %B %Y, %H:%M"));
  g_autofree char *local = NULL;

  if (g_date_time_get_utc_offset (start) == g_date_time_get_utc_offset (local_start))
    return g_steal_pointer (&shown);
  /* Translators: strftime format of the local start when it falls on another day than the
   * talk's own date: "Sunday 01:30" */
  local = format_range (local_start, local_end,
                        same_day (start, local_start) ? "%H:%M" : C_("local time", "%A %H:%M"));
  /* Translators: the talk's time, then the same time in the computer's zone */
  return g_strdup_printf (_("%s (%s here)"), shown, local);
}

/* ---- rows -------------------------------------------------------------------------- */

#define POOL_ICON "hallway-pool-icon"
#define POOL_SUFFIX "hallway-pool-suffix"

static void
pool_init (RowPool *pool)
{
  pool->rows = g_ptr_array_new ();
}

/* The next row of the pool for this talk, made (with @prefix_icon and @suffix_icon images,
 * and in @group or else the details list) only when the pool has too few. Titles and
 * subtitles have bounded lines, so a long one costs no unbounded layout. */
static AdwActionRow *
pool_take (HallwayTalkPage *self, RowPool *pool, AdwPreferencesGroup *group, gboolean prefix_icon,
           const char *suffix_icon, GCallback activated)
{
  AdwActionRow *row;

  if (pool->used < pool->rows->len)
    {
      row = g_ptr_array_index (pool->rows, pool->used++);
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      return row;
    }
  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (row, 3);
  adw_action_row_set_subtitle_lines (row, 3);
  if (prefix_icon)
    {
      GtkWidget *icon = gtk_image_new ();

      adw_action_row_add_prefix (row, icon);
      g_object_set_data (G_OBJECT (row), POOL_ICON, icon);
    }
  if (suffix_icon != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (suffix_icon);

      adw_action_row_add_suffix (row, icon);
      g_object_set_data (G_OBJECT (row), POOL_SUFFIX, icon);
    }
  if (activated != NULL)
    g_signal_connect (row, "activated", activated, self);
  if (group != NULL)
    adw_preferences_group_add (group, GTK_WIDGET (row));
  else
    gtk_list_box_append (self->details_list, GTK_WIDGET (row));
  g_ptr_array_add (pool->rows, row);
  pool->used++;
  return row;
}

/* Hides what the talk left unused; returns how many rows it shows. */
static guint
pool_finish (RowPool *pool)
{
  for (guint i = pool->used; i < pool->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (pool->rows, i);

      gtk_widget_set_visible (row, FALSE);
      g_object_set_data (G_OBJECT (row), "target", NULL);
      g_object_set_data (G_OBJECT (row), "talk", NULL);
    }
  return pool->used;
}

static void
set_row_text (AdwActionRow *row, const char *title, const char *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
}

/* The Room row says whether the room is full; the badge is made when a room row first
 * needs one, and pooled rows of other details keep theirs hidden. */
static void
bind_room_badge (HallwayTalkPage *self, AdwActionRow *row, HallwayRoom *room)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "room-badge");

  if (badge == NULL && (room == NULL || self->room_status == NULL))
    return;
  if (badge == NULL)
    {
      GtkWidget *arrow = g_object_get_data (G_OBJECT (row), POOL_SUFFIX);
      GtkWidget *suffixes = gtk_widget_get_parent (arrow);

      badge = hallway_room_badge_new ();
      /* Before the arrow: "Full ›", as the row reads. */
      if (GTK_IS_BOX (suffixes))
        gtk_box_insert_child_after (GTK_BOX (suffixes), badge, NULL);
      else
        adw_action_row_add_suffix (row, badge);
      g_object_set_data (G_OBJECT (row), "room-badge", badge);
    }
  hallway_room_badge_set_room (HALLWAY_ROOM_BADGE (badge), self->room_status, room);
}

static void
add_detail (HallwayTalkPage *self, const char *label, const char *value, gpointer target)
{
  AdwActionRow *row;

  if (value == NULL || *value == '\0')
    return;
  row = pool_take (self, &self->details, NULL, FALSE, "go-next-symbolic", NULL);
  /* Not selectable: that made the value a second Tab stop in each row (issue 14). The row,
   * one stop, is described by its value. */
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  set_row_text (row, label, value);
  /* The arrow and activation of a row that leads to a track or a person. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), POOL_SUFFIX), target != NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), target != NULL);
  g_object_set_data_full (G_OBJECT (row), "target", target != NULL ? g_object_ref (target) : NULL,
                          g_object_unref);
  bind_room_badge (self, row, HALLWAY_IS_ROOM (target) ? target : NULL);
}

static void
detail_row_activated_cb (HallwayTalkPage *self, GtkListBoxRow *row)
{
  GObject *target = g_object_get_data (G_OBJECT (row), "target");

  if (HALLWAY_IS_TRACK (target))
    g_signal_emit (self, signals[TRACK_ACTIVATED], 0, target);
  else if (HALLWAY_IS_ROOM (target))
    g_signal_emit (self, signals[ROOM_ACTIVATED], 0, target);
  else if (HALLWAY_IS_PERSON (target))
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, target);
}

static void
fill_details (HallwayTalkPage *self)
{
  HallwayTalk *talk = self->talk;
  GPtrArray *persons = hallway_talk_get_persons (talk);
  g_autofree char *when = format_when (self);
  g_autofree char *duration =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                  hallway_talk_get_duration (talk) / G_TIME_SPAN_MINUTE),
                     (int)(hallway_talk_get_duration (talk) / G_TIME_SPAN_MINUTE));
  g_autofree char *type = hallway_language_dup_type_word (hallway_talk_get_talk_type (talk));
  g_autofree char *languages = hallway_language_dup_names (hallway_talk_get_language (talk));

  self->details.used = 0;
  add_detail (self, _("When"), when, NULL);
  add_detail (self, _("Duration"), duration, NULL);
  add_detail (self, _("Room"), hallway_talk_get_room_name (talk), hallway_talk_get_room (talk));
  add_detail (self, _("Track"), hallway_talk_get_track_name (talk), hallway_talk_get_track (talk));
  add_detail (self, _("Type"), type, NULL);
  add_detail (self, _("Language"), languages, NULL);
  for (guint i = 0; i < persons->len; i++)
    {
      HallwayPerson *person = g_ptr_array_index (persons, i);

      add_detail (self, _("Speaker"), hallway_person_get_name (person), person);
    }
  pool_finish (&self->details);
}

/* A link row opens its URL in the browser, or plays it in Hallway's player. */
static void
open_uri_cb (AdwActionRow *row, HallwayTalkPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  const char *player_uri = g_object_get_data (G_OBJECT (row), "player-uri");
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr (GtkUriLauncher) launcher = NULL;

  if (player_uri != NULL && gtk_window_get_application (window) != NULL)
    {
      HallwayRoom *room = hallway_talk_get_room (self->talk);

      hallway_player_window_present (gtk_window_get_application (window), player_uri, uri,
                                     hallway_talk_get_title (self->talk),
                                     room != NULL ? hallway_room_get_name (room) : NULL);
      return;
    }
  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, window, NULL, NULL, NULL);
}

/* player_uri: played in Hallway's player, uri being the browser's fallback; NULL: uri opens
 * in the browser. */
static void
add_link_full (HallwayTalkPage *self, const char *label, const char *uri, const char *icon,
               const char *player_uri)
{
  AdwActionRow *row = pool_take (self, &self->links, self->links_group, TRUE,
                                 "adw-external-link-symbolic", G_CALLBACK (open_uri_cb));

  set_row_text (row, label, player_uri != NULL ? player_uri : uri);
  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (row), POOL_ICON), icon);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), POOL_SUFFIX), player_uri == NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  g_object_set_data_full (G_OBJECT (row), "player-uri", g_strdup (player_uri), g_free);
}

static void
add_link (HallwayTalkPage *self, const char *label, const char *uri, const char *icon)
{
  add_link_full (self, label, uri, icon, NULL);
}

static gboolean
is_running_or_soon (HallwayTalk *talk)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) soon = g_date_time_add_minutes (now, 15);

  return g_date_time_compare (hallway_talk_get_start (talk), soon) <= 0 &&
         g_date_time_compare (now, hallway_talk_get_end (talk)) < 0;
}

static const char *
link_icon (HallwayLinkKind kind)
{
  switch (kind)
    {
    case HALLWAY_LINK_VIDEO: return "camera-video-symbolic";
    case HALLWAY_LINK_STREAM: return "media-playback-start-symbolic";
    case HALLWAY_LINK_CHAT: return "chat-message-new-symbolic";
    case HALLWAY_LINK_SLIDES: return "x-office-presentation-symbolic";
    case HALLWAY_LINK_FEEDBACK: return "mail-send-symbolic";
    case HALLWAY_LINK_OTHER:
    default: return "web-browser-symbolic";
    }
}

static gboolean
has_link_to (GPtrArray *links, const char *url)
{
  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (hallway_link_get_url (g_ptr_array_index (links, i)), url) == 0)
      return TRUE;
  return FALSE;
}

/* Watch live first, then the schedule's links grouped by kind, then the talk's page. The
 * live stream plays in Hallway when the conference's catalogue gives its rooms' streams (the
 * web page stays the browser's fallback); recordings that are video files play in Hallway
 * too, each followed by its link for the browser. */
static void
fill_links (HallwayTalkPage *self)
{
  HallwayConference *conference = hallway_plan_get_conference (self->plan);
  HallwayRoom *room = hallway_talk_get_room (self->talk);
  g_autofree char *live = hallway_conference_dup_live_stream_url (conference, self->talk);
  g_autofree char *stream = self->entry != NULL && room != NULL
                              ? hallway_library_entry_dup_room_stream_url (self->entry, room)
                              : NULL;
  GPtrArray *links = hallway_talk_get_links (self->talk);
  static const HallwayLinkKind order[] = {
    HALLWAY_LINK_STREAM, HALLWAY_LINK_VIDEO, HALLWAY_LINK_SLIDES, HALLWAY_LINK_CHAT,
    HALLWAY_LINK_OTHER, HALLWAY_LINK_FEEDBACK,
  };

  self->links.used = 0;
  if ((live != NULL || stream != NULL) && is_running_or_soon (self->talk))
    add_link_full (self, _("Watch Live"), live != NULL ? live : stream,
                   "media-playback-start-symbolic", stream);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < links->len; i++)
      {
        HallwayLink *link = g_ptr_array_index (links, i);

        if (hallway_link_get_kind (link) != order[k])
          continue;
        if (order[k] == HALLWAY_LINK_VIDEO && hallway_link_is_playable (link))
          add_link_full (self, _("Play Recording"), hallway_link_get_url (link),
                         "media-playback-start-symbolic", hallway_link_get_url (link));
        add_link (self, hallway_link_get_label (link), hallway_link_get_url (link),
                  link_icon (order[k]));
      }
  if (hallway_talk_get_feedback_url (self->talk) != NULL &&
      !has_link_to (links, hallway_talk_get_feedback_url (self->talk)))
    add_link (self, _("Give Feedback"), hallway_talk_get_feedback_url (self->talk),
              link_icon (HALLWAY_LINK_FEEDBACK));
  if (hallway_talk_get_url (self->talk) != NULL)
    add_link (self, _("Talk Web Page"), hallway_talk_get_url (self->talk),
              link_icon (HALLWAY_LINK_OTHER));
  gtk_widget_set_visible (GTK_WIDGET (self->links_group), pool_finish (&self->links) > 0);
}

static void
more_row_activated_cb (AdwActionRow *row, HallwayTalkPage *self)
{
  g_signal_emit (self, signals[TALK_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "talk"));
}

static void
fill_more_in_track (HallwayTalkPage *self)
{
  HallwayTrack *track = hallway_talk_get_track (self->talk);
  GListModel *talks = NULL;

  self->more.used = 0;
  if (track != NULL)
    talks = hallway_conference_get_talks_for_track (hallway_plan_get_conference (self->plan),
                                                    track);
  for (guint i = 0; talks != NULL && i < g_list_model_get_n_items (talks) &&
                    self->more.used < MORE_IN_TRACK_LIMIT; i++)
    {
      g_autoptr (HallwayTalk) other = g_list_model_get_item (talks, i);
      g_autoptr (GDateTime) start = NULL;
      g_autofree char *time = NULL;
      AdwActionRow *row;

      if (other == self->talk)
        continue;
      start = hallway_plan_to_display_time (self->plan, hallway_talk_get_start (other));
      time = g_date_time_format (start, "%a %H:%M");
      row = pool_take (self, &self->more, self->more_group, FALSE, NULL,
                       G_CALLBACK (more_row_activated_cb));
      set_row_text (row, hallway_talk_get_title (other), time);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "talk", g_object_ref (other), g_object_unref);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_group), pool_finish (&self->more) > 0);
}

/* ---- abstract ---------------------------------------------------------------------- */

/* For the benchmark (tests/bench-talk.py): from choosing a talk to its abstract laid out. */
static void
abstract_rendered_cb (HallwayTalkPage *self)
{
  if (self->opened_at == 0)
    return;
  g_print ("abstract-rendered-ms: %.1f\n", (g_get_monotonic_time () - self->opened_at) / 1000.0);
  self->opened_at = 0;
}

/* The abstract in the web view, or as plain text if the web module is missing. */
static gboolean
ensure_abstract_view (HallwayTalkPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->abstract_view != NULL || self->abstract_fallback != NULL)
    return self->abstract_view != NULL;
  self->abstract_view = hallway_web_loader_new_abstract_view (&error);
  if (self->abstract_view == NULL)
    {
      g_warning ("%s", error->message);
      self->abstract_fallback = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->abstract_fallback, TRUE);
      gtk_label_set_xalign (self->abstract_fallback, 0);
      gtk_label_set_selectable (self->abstract_fallback, TRUE);
      adw_bin_set_child (self->abstract_bin, GTK_WIDGET (self->abstract_fallback));
      return FALSE;
    }
  adw_bin_set_child (self->abstract_bin, self->abstract_view);
  if (g_getenv ("HALLWAY_REPORT_TALK_TIMING") != NULL)
    g_signal_connect_swapped (self->abstract_view, "rendered", G_CALLBACK (abstract_rendered_cb),
                              self);
  return TRUE;
}

static void
fill_abstract (HallwayTalkPage *self)
{
  /* Shortened when very long, with a note and a link to the talk's web page. */
  g_autofree char *html = hallway_abstract_html (hallway_talk_get_abstract (self->talk),
                                                 hallway_talk_get_description (self->talk),
                                                 hallway_talk_get_url (self->talk));
  gboolean has_text = *html != '\0';

  gtk_widget_set_visible (self->abstract_heading, has_text);
  gtk_widget_set_visible (GTK_WIDGET (self->abstract_bin), has_text);
  if (!has_text)
    return;
  if (ensure_abstract_view (self))
    {
      g_object_set (self->abstract_view, "html", html, NULL);
    }
  else
    {
      g_autofree char *text = hallway_html_to_plain_text (html);

      gtk_label_set_text (self->abstract_fallback, text);
    }
}

/* ---- state ------------------------------------------------------------------------- */

static void
update_bookmark (HallwayTalkPage *self)
{
  gboolean bookmarked = self->talk != NULL && hallway_plan_is_bookmarked (self->plan, self->talk);

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  adw_switch_row_set_active (self->backup_row,
                             bookmarked && hallway_plan_is_backup (self->plan, self->talk));
  self->updating = FALSE;
  gtk_widget_set_visible (self->plan_list, bookmarked);
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
}

static gboolean
kind_says_all (HallwayTalkPage *self)
{
  HallwayChangeKind kind;

  return hallway_plan_get_change (self->plan, self->talk, &kind) &&
         (kind == HALLWAY_CHANGE_ADDED || kind == HALLWAY_CHANGE_REMOVED);
}

static void
update_status (HallwayTalkPage *self)
{
  static const char * const classes[] = { "cancelled", "changed", "moved", "new", "conflict" };
  HallwayChangeKind kind;
  const char *status = NULL;
  const char *css_class = NULL;
  g_autofree char *description = hallway_plan_dup_change_description (self->plan, self->talk);

  /* The badge says what kind of change; the lines under it what changed, old → new. An
   * edited abstract or links needs no badge: "Details updated" says it. */
  if (hallway_plan_get_change (self->plan, self->talk, &kind) &&
      !hallway_plan_is_details_change (self->plan, self->talk))
    {
      status = kind == HALLWAY_CHANGE_REMOVED ? _("Cancelled")
               : kind == HALLWAY_CHANGE_ADDED ? _("New")
               : kind == HALLWAY_CHANGE_MOVED ? C_("change", "Moved") : _("Changed");
      css_class = kind == HALLWAY_CHANGE_REMOVED ? "cancelled"
                  : kind == HALLWAY_CHANGE_ADDED ? "new"
                  : kind == HALLWAY_CHANGE_MOVED ? "moved" : "changed";
    }
  else if (hallway_plan_is_conflicting (self->plan, self->talk))
    {
      status = _("Overlaps another bookmarked talk");
      css_class = "conflict";
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  /* A new or cancelled talk's badge says it all. */
  if (kind_says_all (self))
    g_clear_pointer (&description, g_free);
  gtk_label_set_text (self->change_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), description != NULL);
}

static void
bookmark_toggled_cb (HallwayTalkPage *self)
{
  if (self->updating || self->talk == NULL)
    return;
  hallway_plan_set_bookmarked (self->plan, self->talk,
                               gtk_toggle_button_get_active (self->bookmark_button));
}

static void
backup_toggled_cb (HallwayTalkPage *self)
{
  if (self->updating || self->talk == NULL)
    return;
  hallway_plan_set_backup (self->plan, self->talk, adw_switch_row_get_active (self->backup_row));
}

static void
plan_changed_cb (HallwayTalkPage *self)
{
  if (self->talk == NULL)
    return;
  update_bookmark (self);
  update_status (self);
}

void
hallway_talk_page_set_talk (HallwayTalkPage *self, HallwayTalk *talk)
{
  const char *subtitle;

  g_return_if_fail (HALLWAY_IS_TALK_PAGE (self));
  g_return_if_fail (HALLWAY_IS_TALK (talk));

  g_set_object (&self->talk, talk);
  self->opened_at = g_get_monotonic_time ();
  subtitle = hallway_talk_get_subtitle (talk);
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), hallway_talk_get_title (talk));
  gtk_label_set_text (self->title_label, hallway_talk_get_title (talk));
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  fill_details (self);
  fill_links (self);
  fill_more_in_track (self);
  fill_abstract (self);
  update_bookmark (self);
  update_status (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

HallwayTalk *
hallway_talk_page_get_talk (HallwayTalkPage *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK_PAGE (self), NULL);
  return self->talk;
}

void
hallway_talk_page_toggle_bookmark (HallwayTalkPage *self)
{
  g_return_if_fail (HALLWAY_IS_TALK_PAGE (self));
  if (self->talk != NULL)
    hallway_plan_set_bookmarked (self->plan, self->talk,
                                 !hallway_plan_is_bookmarked (self->plan, self->talk));
}

static void
hallway_talk_page_dispose (GObject *object)
{
  HallwayTalkPage *self = HALLWAY_TALK_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_TALK_PAGE);
  g_clear_pointer (&self->details.rows, g_ptr_array_unref);
  g_clear_pointer (&self->links.rows, g_ptr_array_unref);
  g_clear_pointer (&self->more.rows, g_ptr_array_unref);
  g_clear_object (&self->talk);
  g_clear_object (&self->plan);
  g_clear_object (&self->room_status);
  g_clear_object (&self->entry);
  G_OBJECT_CLASS (hallway_talk_page_parent_class)->dispose (object);
}

static void
hallway_talk_page_class_init (HallwayTalkPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hallway_talk_page_dispose;

  signals[TRACK_ACTIVATED] = g_signal_new ("track-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[ROOM_ACTIVATED] = g_signal_new ("room-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[TALK_ACTIVATED] = g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-talk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, change_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, backup_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, abstract_heading);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, abstract_bin);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, links_group);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkPage, more_group);
  gtk_widget_class_bind_template_callback (widget_class, bookmark_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_row_activated_cb);
}

static void
hallway_talk_page_init (HallwayTalkPage *self)
{
  pool_init (&self->details);
  pool_init (&self->links);
  pool_init (&self->more);
  gtk_widget_init_template (GTK_WIDGET (self));
}

HallwayTalkPage *
hallway_talk_page_new (HallwayPlan *plan)
{
  HallwayTalkPage *self;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  self = g_object_new (HALLWAY_TYPE_TALK_PAGE, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  return self;
}

void
hallway_talk_page_set_entry (HallwayTalkPage *self, HallwayLibraryEntry *entry)
{
  g_return_if_fail (HALLWAY_IS_TALK_PAGE (self));

  if (g_set_object (&self->entry, entry) && self->talk != NULL)
    fill_links (self);
}

/* Which rooms are full: the Room row says so. */
void
hallway_talk_page_set_room_status (HallwayTalkPage *self, HallwayRoomStatus *status)
{
  g_return_if_fail (HALLWAY_IS_TALK_PAGE (self));

  if (g_set_object (&self->room_status, status) && self->talk != NULL)
    fill_details (self);
}
