/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-index-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-conference.h"
#include "hallway-index-page.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-room-badge.h"
#include "hallway-search.h"
#include "hallway-track.h"

struct _HallwayIndexPage
{
  AdwNavigationPage parent_instance;

  HallwayPlan *plan;
  HallwayIndexKind kind;
  HallwayRoomStatus *room_status; /* Rooms: which are full */
  GStrv words;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;

  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (HallwayIndexPage, hallway_index_page, ADW_TYPE_NAVIGATION_PAGE)

enum { ITEM_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
item_name (gpointer item)
{
  if (HALLWAY_IS_TRACK (item))
    return hallway_track_get_name (item);
  if (HALLWAY_IS_ROOM (item))
    return hallway_room_get_name (item);
  return hallway_person_get_name (item);
}

static GListModel *
item_talks (HallwayIndexPage *self, gpointer item)
{
  HallwayConference *conference = hallway_plan_get_conference (self->plan);

  if (HALLWAY_IS_TRACK (item))
    return hallway_conference_get_talks_for_track (conference, item);
  if (HALLWAY_IS_ROOM (item))
    return hallway_conference_get_talks_for_room (conference, item);
  return hallway_conference_get_talks_for_person (conference, item);
}

static gboolean
filter_item (gpointer item, gpointer user_data)
{
  HallwayIndexPage *self = user_data;
  g_autofree char *folded = NULL;

  if (self->words == NULL || self->words[0] == NULL)
    return TRUE;
  folded = hallway_search_fold (item_name (item));
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (folded, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
search_changed_cb (HallwayIndexPage *self)
{
  g_strfreev (self->words);
  self->words =
    hallway_search_parse_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search entry opens the first match. */
static void
search_activate_cb (HallwayIndexPage *self)
{
  g_autoptr (GObject) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, first);
}

static void
list_activate_cb (HallwayIndexPage *self, guint position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* Tracks only: "Show in Schedule". A hidden track leaves the Schedule's lists. */
static void
shown_switched_cb (GtkSwitch *toggle, GParamSpec *pspec, HallwayIndexPage *self)
{
  const char *track = g_object_get_data (G_OBJECT (toggle), "track");

  if (track != NULL)
    hallway_bookmarks_set_track_hidden (hallway_plan_get_bookmarks (self->plan), track,
                                        !gtk_switch_get_active (toggle));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, HallwayIndexPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *shown = gtk_switch_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), hallway_room_badge_new ());
  gtk_box_append (GTK_BOX (box), count);
  gtk_widget_set_valign (shown, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (shown, self->kind == HALLWAY_INDEX_TRACKS);
  gtk_widget_set_tooltip_text (shown, _("Show in the Schedule"));
  g_signal_connect (shown, "notify::active", G_CALLBACK (shown_switched_cb), self);
  gtk_box_append (GTK_BOX (box), shown);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, HallwayIndexPage *self)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *badge = gtk_widget_get_next_sibling (name);
  GtkWidget *count = gtk_widget_get_next_sibling (badge);
  guint n_talks = g_list_model_get_n_items (item_talks (self, item));
  g_autofree char *count_text = g_strdup_printf ("%u", n_talks);
  /* Translators: accessible name of a track, room or speaker and its number of talks */
  g_autofree char *accessible =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u talk", "%s, %u talks", n_talks),
                     item_name (item), n_talks);

  gtk_label_set_text (GTK_LABEL (name), item_name (item));
  gtk_label_set_text (GTK_LABEL (count), count_text);
  hallway_room_badge_set_room (HALLWAY_ROOM_BADGE (badge), self->room_status,
                               HALLWAY_IS_ROOM (item) ? item : NULL);
  if (HALLWAY_IS_TRACK (item))
    {
      GtkWidget *shown = gtk_widget_get_next_sibling (count);
      g_autofree char *label = g_strdup_printf (_("Show “%s” in the Schedule"), item_name (item));

      /* Recycled rows: detach before setting, so binding is not taken for a click. */
      g_object_set_data (G_OBJECT (shown), "track", NULL);
      gtk_switch_set_active (GTK_SWITCH (shown),
                             !hallway_bookmarks_is_track_hidden (hallway_plan_get_bookmarks (
                                                                   self->plan),
                                                                 item_name (item)));
      g_object_set_data_full (G_OBJECT (shown), "track", g_strdup (item_name (item)), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  gtk_list_item_set_accessible_label (list_item, item_name (item));
  gtk_list_item_set_accessible_description (list_item, accessible);
}

static GListModel *
items_of_kind (HallwayIndexPage *self)
{
  HallwayConference *conference = hallway_plan_get_conference (self->plan);

  switch (self->kind)
    {
    case HALLWAY_INDEX_TRACKS: return hallway_conference_get_tracks (conference);
    case HALLWAY_INDEX_ROOMS: return hallway_conference_get_rooms (conference);
    case HALLWAY_INDEX_SPEAKERS:
    default: return hallway_conference_get_persons (conference);
    }
}

static int
compare_names (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_utf8_collate (item_name ((gpointer) a), item_name ((gpointer) b));
}

static void
setup_list (HallwayIndexPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;
  GtkSortListModel *sorted;
  static const char *titles[] = { N_("Tracks"), N_("Rooms"), N_("Speakers") };

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), _(titles[self->kind]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(titles[self->kind]), -1);
  sorted = gtk_sort_list_model_new (g_object_ref (items_of_kind (self)),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_names, NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered =
    gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  /* The list view takes a reference of its own to the selection, not ours. */
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
hallway_index_page_dispose (GObject *object)
{
  HallwayIndexPage *self = HALLWAY_INDEX_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_INDEX_PAGE);
  g_clear_object (&self->room_status);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (hallway_index_page_parent_class)->dispose (object);
}

static void
hallway_index_page_class_init (HallwayIndexPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hallway_index_page_dispose;
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-index-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayIndexPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HallwayIndexPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HallwayIndexPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
hallway_index_page_init (HallwayIndexPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
}

HallwayIndexPage *
hallway_index_page_new (HallwayPlan *plan, HallwayIndexKind kind)
{
  HallwayIndexPage *self;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  self = g_object_new (HALLWAY_TYPE_INDEX_PAGE, NULL);
  self->plan = g_object_ref (plan);
  self->kind = kind;
  setup_list (self);
  return self;
}

void
hallway_index_page_start_search (HallwayIndexPage *self)
{
  g_return_if_fail (HALLWAY_IS_INDEX_PAGE (self));
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Rooms: "Full" or "Available" beside each room the status knows. Set before the page is
 * shown; the badges follow the status from then on. */
void
hallway_index_page_set_room_status (HallwayIndexPage *self, HallwayRoomStatus *status)
{
  g_return_if_fail (HALLWAY_IS_INDEX_PAGE (self));

  g_set_object (&self->room_status, status);
}
