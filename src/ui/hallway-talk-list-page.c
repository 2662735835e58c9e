/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-talk-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-choice-dialog.h"
#include "hallway-conference.h"
#include "hallway-day.h"
#include "hallway-language.h"
#include "hallway-talk.h"
#include "hallway-talk-list-page.h"
#include "hallway-menu-names.h"
#include "hallway-room-badge.h"
#include "hallway-talk-query.h"
#include "hallway-talk-row.h"
#include "hallway-search.h"
#include "hallway-section-list.h"

struct _HallwayTalkListPage
{
  AdwNavigationPage parent_instance;

  HallwayPlan *plan;
  GListModel *talks;
  HallwayTalkQuery *query;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sections;
  gboolean show_days;
  gboolean by_room;
  gboolean by_change;
  gboolean hide_past;
  gboolean showing_local_time; /* what the headers were bound with */
  HallwayRoomStatus *room_status; /* Now & Next: which rooms are full */
  char *navigation_url;           /* a room's page: its way on the campus */
  char *room_page_url;            /* and its page on the conference's website */

  AdwWindowTitle *window_title;
  GtkMenuButton *filter_button;
  AdwWrapBox *filter_chips;
  GtkButton *dismiss_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *description_label;
  GtkWidget *room_links;
  GtkButton *navigation_button;
  GtkButton *room_page_button;
  AdwToggleGroup *day_group;
  GtkStack *stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page; /* the stack's "empty" page, made when first shown */
  char *quiet_title;        /* what the empty list says when nothing narrows it */
  char *quiet_description;
};

G_DEFINE_FINAL_TYPE (HallwayTalkListPage, hallway_talk_list_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_BOOKMARKED_ONLY,
  PROP_HIDE_PAST,
  PROP_TRACK,
  PROP_ROOM,
  PROP_TALK_TYPE,
  PROP_LANGUAGE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { TALK_ACTIVATED, EXPORT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- filtering -------------------------------------------------------------------- */

static gboolean
filter_talk (gpointer item, gpointer user_data)
{
  HallwayTalkListPage *self = user_data;

  return hallway_talk_query_matches (self->query, self->plan, item);
}

static gboolean
is_searching (HallwayTalkListPage *self)
{
  return self->query->words != NULL && self->query->words[0] != NULL;
}

/* A search, a filter or "hide past talks": an empty list is then the person's doing. */
static gboolean
is_narrowed (HallwayTalkListPage *self)
{
  HallwayTalkQuery *query = self->query;

  return is_searching (self) || query->track != NULL || query->room != NULL ||
         query->talk_type != NULL || query->language != NULL || self->hide_past;
}

static void
show_list_or_empty_page (HallwayTalkListPage *self)
{
  gboolean quiet = self->quiet_title != NULL && !is_narrowed (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  /* A status page is a dozen widgets, styled even while its stack page is hidden: it is
   * made when a list is first empty, not for every list's first frame (issue 13). */
  if (self->empty_page == NULL)
    {
      self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
    }
  adw_status_page_set_title (self->empty_page, quiet ? self->quiet_title : _("No Talks Found"));
  adw_status_page_set_description (self->empty_page,
                                   quiet ? self->quiet_description
                                         : _("Try another search or fewer filters"));
  adw_status_page_set_icon_name (self->empty_page,
                                 quiet ? "x-office-calendar-symbolic" : "edit-find-symbolic");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The talks that belong, after a bookmark changed: where the person looks stays put. */
static void
update_filter (HallwayTalkListPage *self)
{
  g_clear_pointer (&self->query->hide_ended_before, g_date_time_unref);
  if (self->hide_past)
    self->query->hide_ended_before = g_date_time_new_now_utc ();
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_list_or_empty_page (self);
}

/* After the person changed the search, the day or a filter: the matches from the top. */
static void
refilter (HallwayTalkListPage *self)
{
  update_filter (self);
  hallway_section_list_scroll_to_top (self->list_view);
}

/* A search looks through every day: nobody remembers which day a talk was on. */
static void
day_changed_cb (HallwayTalkListPage *self)
{
  const char *name = adw_toggle_group_get_active_name (self->day_group);
  GListModel *days = hallway_conference_get_days (hallway_plan_get_conference (self->plan));
  guint index = name != NULL ? (guint) g_ascii_strtoull (name, NULL, 10) : 0;

  g_clear_object (&self->query->day);
  if (self->show_days && !is_searching (self) && index > 0 &&
      index <= g_list_model_get_n_items (days))
    self->query->day = g_list_model_get_item (days, index - 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->day_group), !is_searching (self));
  refilter (self);
}

static void
search_changed_cb (HallwayTalkListPage *self)
{
  g_strfreev (self->query->words);
  self->query->words =
    hallway_search_parse_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  day_changed_cb (self);
}

static void
plan_changed_cb (HallwayTalkListPage *self)
{
  /* Rows follow the zone themselves; headers only when told. */
  if (self->showing_local_time != hallway_plan_get_show_local_time (self->plan))
    {
      self->showing_local_time = hallway_plan_get_show_local_time (self->plan);
      hallway_section_list_rebind_headers (self->list_view);
    }
  /* Bookmarks and hidden tracks change who belongs in these two views. */
  if (self->query->bookmarked_only || self->query->hide_hidden_tracks)
    update_filter (self);
  /* A talk bookmarked or not any more changes its group in Changes. */
  if (self->by_change)
    {
      gtk_sorter_changed (gtk_sort_list_model_get_section_sorter (self->sections),
                          GTK_SORTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sections),
                          GTK_SORTER_CHANGE_DIFFERENT);
    }
}

/* ---- rows and time-slot headers ---------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, HallwayTalkListPage *self)
{
  HallwayTalkRow *row = hallway_talk_row_new (self->plan);

  hallway_talk_row_set_show_change (row, self->by_change);
  /* Under a header of times or days the header names the zone; under a room's or a change
   * group's, each row does. */
  hallway_talk_row_set_show_zone (row, self->by_change || self->by_room);
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, HallwayTalkListPage *self)
{
  HallwayTalk *talk = gtk_list_item_get_item (item);

  hallway_talk_row_bind (HALLWAY_TALK_ROW (gtk_list_item_get_child (item)), talk, item);
  gtk_list_item_set_accessible_label (item, hallway_talk_get_title (talk));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, HallwayTalkListPage *self)
{
  hallway_talk_row_unbind (HALLWAY_TALK_ROW (gtk_list_item_get_child (item)));
}

static HallwayChangeGroup
change_group (HallwayPlan *plan, HallwayTalk *talk)
{
  HallwayChangeGroup group = HALLWAY_CHANGE_GROUP_DETAILS_UPDATED;

  hallway_plan_get_change_group (plan, talk, &group);
  return group;
}

/* Now & Next: the room's state beside its name, made with the first header that needs it. */
static void
bind_room_badge (HallwayTalkListPage *self, GtkListHeader *header, HallwayRoom *room)
{
  GtkWidget *box = gtk_list_header_get_child (header);
  GtkWidget *badge = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

  if (badge == NULL && (room == NULL || self->room_status == NULL))
    return;
  if (badge == NULL)
    {
      badge = hallway_room_badge_new ();
      gtk_widget_set_margin_top (badge, 6);
      gtk_box_append (GTK_BOX (box), badge);
    }
  hallway_room_badge_set_room (HALLWAY_ROOM_BADGE (badge), self->room_status, room);
}

/* One day at a time: a header per time slot. All days (a track, a room): one per day. */
static void
bind_header_cb (GtkSignalListItemFactory *factory, GtkListHeader *header, HallwayTalkListPage *self)
{
  HallwayTalk *first = gtk_list_header_get_item (header);
  g_autoptr (GDateTime) start =
    hallway_plan_to_display_time (self->plan, hallway_talk_get_start (first));
  g_autofree char *zone = hallway_plan_dup_zone_label (self->plan, hallway_talk_get_start (first));
  const char *room = hallway_talk_get_room_name (first);
  GtkLabel *label = hallway_section_list_get_header_label (header);

  bind_room_badge (self, header, self->by_room ? hallway_talk_get_room (first) : NULL);
  if (self->by_change)
    gtk_label_set_text (label, hallway_change_group_get_title (change_group (self->plan, first)));
  else if (self->by_room)
    gtk_label_set_text (label, room ? room : _("No Room"));
  else if (!self->show_days)
    {
      g_autofree char *day =
        hallway_plan_dup_day_header (self->plan, hallway_talk_get_start (first));

      gtk_label_set_text (label, day);
    }
  else
    {
      /* Translators: strftime format of a time-slot header in talk lists: "Sat 31 Jan, 13:30" */
      g_autofree char *text = g_date_time_format (start, _("%a %-d %b, %H:%M"));
      /* Translators: a time-slot header in another zone than the conference's: "Sun 1 Feb,
       * 01:30 JST" */
      g_autofree char *with_zone =
        zone != NULL ? g_strdup_printf (C_("header", "%s %s"), text, zone) : NULL;

      gtk_label_set_text (label, with_zone != NULL ? with_zone : text);
    }
}

static int
compare_start (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_date_time_compare (hallway_talk_get_start ((HallwayTalk *) a),
                              hallway_talk_get_start ((HallwayTalk *) b));
}

static int
compare_room (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_strcmp0 (hallway_talk_get_room_name ((HallwayTalk *) a),
                    hallway_talk_get_room_name ((HallwayTalk *) b));
}

static int
compare_room_then_start (gconstpointer a, gconstpointer b, gpointer user_data)
{
  int order = compare_room (a, b, user_data);

  return order != 0 ? order : compare_start (a, b, user_data);
}

static int
compare_change_group (gconstpointer a, gconstpointer b, gpointer plan)
{
  HallwayChangeGroup x = change_group (plan, (HallwayTalk *) a);
  HallwayChangeGroup y = change_group (plan, (HallwayTalk *) b);

  return (int) x - (int) y;
}

static int
compare_change_group_then_start (gconstpointer a, gconstpointer b, gpointer plan)
{
  int order = compare_change_group (a, b, plan);

  return order != 0 ? order : hallway_talk_compare ((HallwayTalk *) a, (HallwayTalk *) b);
}

static int
compare_day (gconstpointer a, gconstpointer b, gpointer user_data)
{
  HallwayDay *x = hallway_talk_get_day ((HallwayTalk *) a);
  HallwayDay *y = hallway_talk_get_day ((HallwayTalk *) b);

  return (int) hallway_day_get_index (x) - (int) hallway_day_get_index (y);
}

/* Enter in the search entry opens the first match, so a search is all keyboard. The match
 * of what is typed: Enter within the entry's search delay applies the text first, or the
 * first row of the previous query would open. */
static void
search_activate_cb (HallwayTalkListPage *self)
{
  g_autoptr (HallwayTalk) first = NULL;

  search_changed_cb (self);
  first = g_list_model_get_item (G_LIST_MODEL (self->sections), 0);

  if (first != NULL)
    g_signal_emit (self, signals[TALK_ACTIVATED], 0, first);
}

static void
list_activate_cb (HallwayTalkListPage *self, guint position)
{
  /* Positions are in the shown order, which Now & Next sorts by room. */
  g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (self->sections), position);

  if (talk != NULL)
    g_signal_emit (self, signals[TALK_ACTIVATED], 0, talk);
}

static void
setup_list (HallwayTalkListPage *self)
{
  static const HallwaySectionListFuncs funcs = {
    .setup_row = G_CALLBACK (setup_row_cb),
    .bind_row = G_CALLBACK (bind_row_cb),
    .unbind_row = G_CALLBACK (unbind_row_cb),
    .bind_header = G_CALLBACK (bind_header_cb),
    .numeric_headers = TRUE,
  };
  GtkSortListModel *sections;
  GtkSorter *section_sorter;

  self->filter = gtk_custom_filter_new (filter_talk, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->talks),
                                              GTK_FILTER (g_object_ref (self->filter)));
  /* The talks come sorted; the section sorter only groups talks starting together. */
  sections = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), NULL);
  self->sections = g_object_ref (sections);
  section_sorter = GTK_SORTER (gtk_custom_sorter_new (self->show_days ? compare_start : compare_day,
                                                      NULL, NULL));
  gtk_sort_list_model_set_section_sorter (sections, section_sorter);
  g_object_unref (section_sorter);
  hallway_section_list_setup (self->list_view, G_LIST_MODEL (sections), &funcs, self);
}

/* ---- the day switcher and the filter menu ------------------------------------------ */

/* During the conference the list opens on today; otherwise on the first day. */
static guint
initial_day_index (GListModel *days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (HallwayDay) day = g_list_model_get_item (days, i);
      g_autoptr (GDateTime) next = g_date_time_add_days (hallway_day_get_date (day), 1);

      if (g_date_time_compare (hallway_day_get_date (day), now) <= 0 &&
          g_date_time_compare (now, next) < 0)
        return i + 1;
    }
  return 1;
}

/* During the conference the Schedule opens at what runs now: the row before the first talk
 * not yet over goes to the top, so that talk's time-slot header shows below it. Before the
 * shown day's first talk and after its last, the list stays at its top. */
static void
scroll_to_now (HallwayTalkListPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (HallwayTalk) first = NULL;
  GListModel *shown = G_LIST_MODEL (self->sections);

  first = g_list_model_get_item (shown, 0);
  if (first == NULL || g_date_time_compare (now, hallway_talk_get_start (first)) < 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (shown, i);

      if (g_date_time_compare (now, hallway_talk_get_end (talk)) < 0)
        {
          hallway_section_list_scroll_to_row (self->list_view, i > 0 ? i - 1 : 0);
          return;
        }
    }
}

static void
setup_day_switcher (HallwayTalkListPage *self)
{
  GListModel *days = hallway_conference_get_days (hallway_plan_get_conference (self->plan));
  guint n_days = g_list_model_get_n_items (days);
  g_autofree char *initial = NULL;

  if (!self->show_days || n_days < 2)
    return;
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr (HallwayDay) day = g_list_model_get_item (days, i);
      g_autofree char *name = g_strdup_printf ("%u", i + 1);
      /* Translators: a day in the day switcher, strftime format: "Sat 31" */
      g_autofree char *label = g_date_time_format (hallway_day_get_date (day), _("%a %-d"));
      AdwToggle *toggle = adw_toggle_new ();

      adw_toggle_set_name (toggle, name);
      adw_toggle_set_label (toggle, g_strstrip (label));
      adw_toggle_group_add (self->day_group, toggle);
    }
  initial = g_strdup_printf ("%u", initial_day_index (days));
  adw_toggle_group_set_active_name (self->day_group, initial);
  gtk_widget_set_visible (GTK_WIDGET (self->day_group), TRUE);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
track_chosen_cb (HallwayTalkListPage *self, const char *track)
{
  g_object_set (self, "track", track, NULL);
}

/* Each track's name to its number of talks on this page (the talks own the names). */
static GHashTable *
count_talks_by_track (GListModel *talks)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);
      const char *track = hallway_talk_get_track_name (talk);
      guint count;

      if (track == NULL || *track == '\0')
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, track));
      g_hash_table_insert (counts, (char *) track, GUINT_TO_POINTER (count + 1));
    }
  return counts;
}

/* The Track filter: a searchable list, as FOSDEM has about 70 tracks (a radio submenu of
 * them was a long scroll). */
static void
choose_track_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (widget);
  g_autoptr (GHashTable) counts = count_talks_by_track (self->talks);
  g_autofree const char **tracks = NULL;
  guint n_tracks;
  HallwayChoiceDialog *dialog =
    hallway_choice_dialog_new (_("Track"), _("Search Tracks"), _("All Tracks"));

  tracks = (const char **) g_hash_table_get_keys_as_array (counts, &n_tracks);
  qsort (tracks, n_tracks, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_tracks; i++)
    hallway_choice_dialog_add (dialog, tracks[i],
                               GPOINTER_TO_UINT (g_hash_table_lookup (counts, tracks[i])),
                               g_strcmp0 (tracks[i], self->query->track) == 0);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (track_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

/* A submenu "Language ▸ All / English / …" bound to the page's string property action;
 * readable (NULL: none) turns a raw value into its label ("en" → "English"). */
static GMenu *
choice_submenu (GListModel *talks,
                const char *(*field) (HallwayTalk *),
                char *(*readable) (const char *),
                const char *action)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenuItem) all = g_menu_item_new (_("All"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);
      const char *value = field (talk);

      if (value != NULL && *value != '\0' && g_hash_table_add (seen, (char *) value))
        g_ptr_array_add (values, (char *) value);
    }
  g_ptr_array_sort (values, compare_strings);
  g_menu_item_set_action_and_target (all, action, "s", "");
  g_menu_append_item (menu, all);
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *label = readable != NULL ? readable (value) : g_strdup (value);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, action, "s", value);
      g_menu_append_item (menu, item);
    }
  if (values->len < 2)
    g_clear_object (&menu);
  return menu;
}

static void
append_choice (GMenu *menu, const char *label, GMenu *choices)
{
  if (choices != NULL)
    {
      g_menu_append_submenu (menu, label, G_MENU_MODEL (choices));
      g_object_unref (choices);
    }
}

static void setup_filter_menu (HallwayTalkListPage *self);

/* Built when first opened: a FOSDEM menu has a hundred tracks and rooms, and a popover
 * makes a widget for each at once. */
static void
create_filter_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  HallwayTalkListPage *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    setup_filter_menu (self);
}

static void
setup_filter_menu (HallwayTalkListPage *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) toggles = g_menu_new ();
  g_autoptr (GMenu) choices = g_menu_new ();
  g_autoptr (GMenu) export = g_menu_new ();
  g_autoptr (GHashTable) counts = count_talks_by_track (self->talks);

  g_menu_append (toggles, _("_Bookmarked Only"), "list.bookmarked-only");
  g_menu_append (toggles, _("_Hide Past Talks"), "list.hide-past");
  g_menu_append (toggles, _("_Clear Filters"), "list.clear-filters");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (toggles));
  if (g_hash_table_size (counts) > 1)
    g_menu_append (choices, _("_Track…"), "list.choose-track");
  append_choice (choices, _("_Room"),
                 choice_submenu (self->talks, hallway_talk_get_room_name, NULL, "list.room"));
  append_choice (choices, _("T_ype"), choice_submenu (self->talks, hallway_talk_get_talk_type,
                                                      hallway_language_dup_type_word,
                                                      "list.talk-type"));
  append_choice (choices, _("_Language"), choice_submenu (self->talks, hallway_talk_get_language,
                                                          hallway_language_dup_names,
                                                          "list.language"));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (choices));
  g_menu_append (export, _("_Export These Talks to Calendar…"), "list.export");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  gtk_menu_button_set_menu_model (self->filter_button, G_MENU_MODEL (menu));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (widget);

  g_signal_emit (self, signals[EXPORT_REQUESTED], 0, G_LIST_MODEL (self->filtered));
}

/* ---- properties -------------------------------------------------------------------- */

static char **
choice_field (HallwayTalkListPage *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_TRACK: return &self->query->track;
    case PROP_ROOM: return &self->query->room;
    case PROP_TALK_TYPE: return &self->query->talk_type;
    case PROP_LANGUAGE: return &self->query->language;
    default: return NULL;
    }
}

static void
hallway_talk_list_page_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (object);
  char **field = choice_field (self, prop_id);

  switch (prop_id)
    {
    case PROP_BOOKMARKED_ONLY: g_value_set_boolean (value, self->query->bookmarked_only); break;
    case PROP_HIDE_PAST: g_value_set_boolean (value, self->hide_past); break;
    case PROP_TRACK:
    case PROP_ROOM:
    case PROP_TALK_TYPE:
    case PROP_LANGUAGE: g_value_set_string (value, *field ? *field : ""); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_talk_list_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (object);
  char **field = choice_field (self, prop_id);

  switch (prop_id)
    {
    case PROP_BOOKMARKED_ONLY:
      hallway_talk_list_page_set_bookmarked_only (self, g_value_get_boolean (value));
      return;
    case PROP_HIDE_PAST:
      self->hide_past = g_value_get_boolean (value);
      break;
    case PROP_TRACK:
    case PROP_ROOM:
    case PROP_TALK_TYPE:
    case PROP_LANGUAGE:
      {
        const char *text = g_value_get_string (value);

        /* "" is "All" in the menu. */
        g_free (*field);
        *field = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
        break;
      }
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  refilter (self);
  g_object_notify_by_pspec (object, pspec);
}

/* ---- active filters, shown ------------------------------------------------------- */

/* Every filter a chip can show, in the chips' order, with what its chip says ("Track: Rust";
 * %s is the chosen value, as readable makes it when not NULL: "Language: English"). The menu
 * alone left no trace once closed (issue 14). */
static const struct
{
  guint prop_id;
  const char *chip_text;
  char *(*readable) (const char *value);
} filter_table[] = {
  { PROP_BOOKMARKED_ONLY, N_ ("Bookmarked only"), NULL },
  { PROP_HIDE_PAST, N_ ("Past talks hidden"), NULL },
  /* Translators: an active filter's chip */
  { PROP_TRACK, N_ ("Track: %s"), NULL },
  { PROP_ROOM, N_ ("Room: %s"), NULL },
  { PROP_TALK_TYPE, N_ ("Type: %s"), hallway_language_dup_type_word },
  { PROP_LANGUAGE, N_ ("Language: %s"), hallway_language_dup_names },
};

/* The chip's text while the filter is on, else NULL. */
static char *
dup_filter_chip_text (HallwayTalkListPage *self, guint index)
{
  guint prop_id = filter_table[index].prop_id;
  char **field = choice_field (self, prop_id);

  if (field != NULL && *field == NULL)
    return NULL;
  if (field != NULL)
    {
      g_autofree char *value = filter_table[index].readable != NULL
                               ? filter_table[index].readable (*field)
                               : g_strdup (*field);

      /* The table's formats are literals, each with one %s (xgettext checks them). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return g_strdup_printf (_(filter_table[index].chip_text), value);
#pragma GCC diagnostic pop
    }
  if ((prop_id == PROP_BOOKMARKED_ONLY && self->query->bookmarked_only) ||
      (prop_id == PROP_HIDE_PAST && self->hide_past))
    return g_strdup (_(filter_table[index].chip_text));
  return NULL;
}

static void
clear_filter (HallwayTalkListPage *self, GParamSpec *pspec)
{
  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_object_set (self, pspec->name, FALSE, NULL);
  else
    g_object_set (self, pspec->name, "", NULL);
}

static void
chip_clicked_cb (GtkButton *chip, HallwayTalkListPage *self)
{
  clear_filter (self, g_object_get_data (G_OBJECT (chip), "filter"));
}

static GtkWidget *
new_chip (HallwayTalkListPage *self, const char *text, GParamSpec *pspec)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chip = gtk_button_new ();
  /* Translators: the accessible name of an active filter's chip: "Remove Filter “Track: Rust”" */
  g_autofree char *name = g_strdup_printf (_("Remove Filter “%s”"), text);

  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "small");
  gtk_widget_set_tooltip_text (chip, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (chip), "filter", pspec);
  g_signal_connect (chip, "clicked", G_CALLBACK (chip_clicked_cb), self);
  return chip;
}

/* Chips for the active filters and a Clear Filters button; the filter button in the accent
 * colour, its name counting them. */
static void
show_active_filters (HallwayTalkListPage *self)
{
  guint n_active = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    adw_wrap_box_remove (self->filter_chips, child);
  for (guint i = 0; i < G_N_ELEMENTS (filter_table); i++)
    {
      g_autofree char *text = dup_filter_chip_text (self, i);

      if (text == NULL)
        continue;
      adw_wrap_box_append (self->filter_chips,
                           new_chip (self, text, properties[filter_table[i].prop_id]));
      n_active++;
    }
  if (n_active > 0)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));

      gtk_widget_add_css_class (clear, "flat");
      gtk_widget_add_css_class (clear, "small");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "list.clear-filters");
      adw_wrap_box_append (self->filter_chips, clear);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_chips), n_active > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.clear-filters", n_active > 0);
  if (n_active > 0)
    {
      g_autofree char *name =
        /* Translators: the filter button's name and tooltip while filters are active */
        g_strdup_printf (ngettext ("Filter, %u active", "Filter, %u active", n_active),
                         n_active);

      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter"), -1);
    }
}

static void
clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (widget);

  for (guint i = 0; i < G_N_ELEMENTS (filter_table); i++)
    {
      g_autofree char *text = dup_filter_chip_text (self, i);

      if (text != NULL)
        clear_filter (self, properties[filter_table[i].prop_id]);
    }
}

static void
open_in_browser (HallwayTalkListPage *self, const char *url)
{
  g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (url);

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                           NULL, NULL);
}

/* A room's page: its way on the campus, in the browser. */
static void
navigation_clicked_cb (HallwayTalkListPage *self)
{
  open_in_browser (self, self->navigation_url);
}

/* A room's page: the room on the conference's website. */
static void
room_page_clicked_cb (HallwayTalkListPage *self)
{
  open_in_browser (self, self->room_page_url);
}

/* ---- life cycle -------------------------------------------------------------------- */

static void
hallway_talk_list_page_dispose (GObject *object)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_TALK_LIST_PAGE);
  g_clear_object (&self->sections);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->talks);
  g_clear_object (&self->plan);
  g_clear_object (&self->room_status);
  G_OBJECT_CLASS (hallway_talk_list_page_parent_class)->dispose (object);
}

static void
hallway_talk_list_page_finalize (GObject *object)
{
  HallwayTalkListPage *self = HALLWAY_TALK_LIST_PAGE (object);

  hallway_talk_query_free (self->query);
  g_free (self->quiet_title);
  g_free (self->quiet_description);
  g_free (self->navigation_url);
  g_free (self->room_page_url);
  G_OBJECT_CLASS (hallway_talk_list_page_parent_class)->finalize (object);
}

static GParamSpec *
choice_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
hallway_talk_list_page_class_init (HallwayTalkListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hallway_talk_list_page_dispose;
  object_class->finalize = hallway_talk_list_page_finalize;
  object_class->get_property = hallway_talk_list_page_get_property;
  object_class->set_property = hallway_talk_list_page_set_property;

  properties[PROP_BOOKMARKED_ONLY] =
    g_param_spec_boolean ("bookmarked-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_PAST] =
    g_param_spec_boolean ("hide-past", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK] = choice_property ("track");
  properties[PROP_ROOM] = choice_property ("room");
  properties[PROP_TALK_TYPE] = choice_property ("talk-type");
  properties[PROP_LANGUAGE] = choice_property ("language");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TALK_ACTIVATED] = g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /* "Export These Talks": the talks shown, as filtered (a GListModel of HallwayTalk). */
  signals[EXPORT_REQUESTED] = g_signal_new ("export-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
  gtk_widget_class_install_action (widget_class, "list.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "list.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "list.choose-track", NULL, choose_track_action);

  gtk_widget_class_install_property_action (widget_class, "list.bookmarked-only",
                                            "bookmarked-only");
  gtk_widget_class_install_property_action (widget_class, "list.hide-past", "hide-past");
  gtk_widget_class_install_property_action (widget_class, "list.track", "track");
  gtk_widget_class_install_property_action (widget_class, "list.room", "room");
  gtk_widget_class_install_property_action (widget_class, "list.talk-type", "talk-type");
  gtk_widget_class_install_property_action (widget_class, "list.language", "language");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-talk-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, room_links);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, navigation_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, room_page_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, day_group);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallwayTalkListPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, navigation_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, room_page_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
hallway_talk_list_page_init (HallwayTalkListPage *self)
{
  self->query = hallway_talk_query_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing anywhere on the page starts a search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (filter_table); i++)
    {
      g_autofree char *signal =
        g_strconcat ("notify::", properties[filter_table[i].prop_id]->name, NULL);

      g_signal_connect (self, signal, G_CALLBACK (show_active_filters), NULL);
    }
  show_active_filters (self);
}

HallwayTalkListPage *
hallway_talk_list_page_new (HallwayPlan *plan, GListModel *talks, const char *title,
                             const char *subtitle, gboolean show_days)
{
  HallwayTalkListPage *self;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (talks), NULL);

  self = g_object_new (HALLWAY_TYPE_TALK_LIST_PAGE, "title", title, NULL);
  self->plan = g_object_ref (plan);
  self->talks = g_object_ref (talks);
  self->show_days = show_days;
  self->showing_local_time = hallway_plan_get_show_local_time (plan);
  /* The whole schedule leaves out hidden tracks; a track's or room's page shows all. */
  self->query->hide_hidden_tracks = show_days;
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  setup_list (self);
  setup_day_switcher (self);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_menu_cb, self, NULL);
  hallway_menu_button_name_items (self->filter_button);
  refilter (self);
  scroll_to_now (self);
  return self;
}

/* button shows url, its description says it (so a screen reader tells where it goes). */
static void
set_link (HallwayTalkListPage *self, GtkButton *button, char **field, const char *url)
{
  g_set_str (field, url);
  gtk_widget_set_visible (GTK_WIDGET (button), url != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  url != NULL ? url : "", -1);
  gtk_widget_set_visible (self->room_links,
                          self->navigation_url != NULL || self->room_page_url != NULL);
}

/* A room's page: Find the Room opens the venue's navigation to it (FOSDEM's
 * nav.fosdem.org); NULL: no button. */
void
hallway_talk_list_page_set_navigation_url (HallwayTalkListPage *self, const char *url)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  set_link (self, self->navigation_button, &self->navigation_url, url);
}

/* A room's page: Room Page opens the room on the conference's website; NULL: no button. */
void
hallway_talk_list_page_set_room_page_url (HallwayTalkListPage *self, const char *url)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  set_link (self, self->room_page_button, &self->room_page_url, url);
}

/* A speaker's biography or a track's description, above the list. */
void
hallway_talk_list_page_set_description (HallwayTalkListPage *self, const char *text)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  gtk_label_set_text (self->description_label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL && *text != '\0');
}

/* Now & Next: what each room has, now and next, under the room's name. */
void
hallway_talk_list_page_group_by_room (HallwayTalkListPage *self)
{
  g_autoptr (GtkSorter) sorter =
    GTK_SORTER (gtk_custom_sorter_new (compare_room_then_start, NULL, NULL));
  g_autoptr (GtkSorter) section_sorter =
    GTK_SORTER (gtk_custom_sorter_new (compare_room, NULL, NULL));

  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  self->by_room = TRUE;
  gtk_sort_list_model_set_sorter (self->sections, sorter);
  gtk_sort_list_model_set_section_sorter (self->sections, section_sorter);
}

/* Which rooms are full, beside each room's name when the page groups by room. */
void
hallway_talk_list_page_set_room_status (HallwayTalkListPage *self, HallwayRoomStatus *status)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  if (g_set_object (&self->room_status, status))
    hallway_section_list_rebind_headers (self->list_view);
}

/* Changes: the talks under their group (In My Agenda first, then Cancelled, Moved…), each
 * row saying what changed. Bookmarking a talk moves it to In My Agenda. A button dismisses
 * them (win.dismiss-changes). */
void
hallway_talk_list_page_group_by_change (HallwayTalkListPage *self)
{
  g_autoptr (GtkSorter) sorter =
    GTK_SORTER (gtk_custom_sorter_new (compare_change_group_then_start, self->plan, NULL));
  g_autoptr (GtkSorter) section_sorter =
    GTK_SORTER (gtk_custom_sorter_new (compare_change_group, self->plan, NULL));

  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  self->by_change = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->dismiss_button), TRUE);
  gtk_sort_list_model_set_sorter (self->sections, sorter);
  gtk_sort_list_model_set_section_sorter (self->sections, section_sorter);
  /* The list keeps its first row on top through a new order: the first group's header
   * would be scrolled away. */
  hallway_section_list_scroll_to_top (self->list_view);
}

void
hallway_talk_list_page_start_search (HallwayTalkListPage *self, const char *text)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (text != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
hallway_talk_list_page_set_bookmarked_only (HallwayTalkListPage *self, gboolean bookmarked_only)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  if (self->query->bookmarked_only == !!bookmarked_only)
    return;
  self->query->bookmarked_only = !!bookmarked_only;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED_ONLY]);
}

/* What the page says when no talk belongs and no search or filter is the reason, such as
 * Now & Next before the conference; NULL title: "No Talks Found" as for a search. */
void
hallway_talk_list_page_set_quiet_text (HallwayTalkListPage *self, const char *title,
                                       const char *description)
{
  g_return_if_fail (HALLWAY_IS_TALK_LIST_PAGE (self));

  g_set_str (&self->quiet_title, title);
  g_set_str (&self->quiet_description, description);
  show_list_or_empty_page (self);
}
