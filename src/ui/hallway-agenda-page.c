/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-agenda-item.h"
#include "hallway-agenda-page.h"
#include "hallway-conference.h"
#include "hallway-section-list.h"

/* Gaps shorter than this are hallway time, not free time. */
#define MIN_GAP (10 * G_TIME_SPAN_MINUTE)

struct _HallwayAgendaPage
{
  AdwNavigationPage parent_instance;

  HallwayPlan *plan;
  GListStore *items;

  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (HallwayAgendaPage, hallway_agenda_page, ADW_TYPE_NAVIGATION_PAGE)

enum { TALK_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
format_duration (GTimeSpan span)
{
  int minutes = (int) (span / G_TIME_SPAN_MINUTE);

  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                            minutes);
  /* Translators: a duration of hours and minutes: "1 h 30 min" */
  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

static char *
format_time (HallwayAgendaPage *self, GDateTime *time)
{
  g_autoptr (GDateTime) shown = hallway_plan_to_display_time (self->plan, time);

  return g_date_time_format (shown, "%H:%M");
}

static GtkWidget *
append_label (GtkWidget *box, const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* A row: time range, title, then room and status (or the length of a gap). */
static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (append_label (box, "caption"), "numeric");
  append_label (box, "heading");
  append_label (box, "dim-label");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, HallwayAgendaPage *self)
{
  HallwayAgendaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *time = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (time);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autofree char *start = format_time (self, hallway_agenda_item_get_start (item));
  g_autofree char *end = format_time (self, hallway_agenda_item_get_end (item));
  g_autofree char *range = g_strdup_printf (_("%s–%s"), start, end);
  g_autofree char *gap = NULL;
  const char *status = NULL;

  gtk_widget_remove_css_class (box, "agenda-gap");
  gtk_widget_remove_css_class (box, "agenda-conflict");
  gtk_widget_remove_css_class (box, "agenda-cancelled");
  switch (hallway_agenda_item_get_kind (item))
    {
    case HALLWAY_AGENDA_GAP:
      gap = format_duration (g_date_time_difference (hallway_agenda_item_get_end (item),
                                                     hallway_agenda_item_get_start (item)));
      gtk_label_set_text (GTK_LABEL (title), _("Free Time"));
      gtk_label_set_text (GTK_LABEL (details), gap);
      gtk_widget_add_css_class (box, "agenda-gap");
      break;
    case HALLWAY_AGENDA_CANCELLED:
      status = _("Cancelled");
      gtk_widget_add_css_class (box, "agenda-cancelled");
      break;
    case HALLWAY_AGENDA_TALK:
    default:
      if (hallway_agenda_item_get_backup (item))
        status = _("Backup pick");
      else if (hallway_agenda_item_get_conflicting (item))
        {
          status = _("Overlaps another bookmarked talk");
          gtk_widget_add_css_class (box, "agenda-conflict");
        }
      break;
    }
  gtk_label_set_text (GTK_LABEL (time), range);
  if (hallway_agenda_item_get_kind (item) != HALLWAY_AGENDA_GAP)
    {
      const char *room = hallway_agenda_item_get_room (item);
      g_autofree char *line = status != NULL && room != NULL
                              ? g_strdup_printf (_("%s · %s"), room, status)
                              : g_strdup (status != NULL ? status : room != NULL ? room : "");

      gtk_label_set_text (GTK_LABEL (title), hallway_agenda_item_get_title (item));
      gtk_label_set_text (GTK_LABEL (details), line);
    }
  gtk_list_item_set_activatable (list_item, hallway_agenda_item_get_talk (item) != NULL);
  gtk_list_item_set_accessible_label (list_item, gtk_label_get_text (GTK_LABEL (title)));
  gtk_list_item_set_accessible_description (list_item, gtk_label_get_text (GTK_LABEL (details)));
}

static void
bind_header_cb (GtkSignalListItemFactory *factory, GtkListHeader *header, HallwayAgendaPage *self)
{
  HallwayAgendaItem *first = gtk_list_header_get_item (header);
  g_autofree char *text =
    hallway_plan_dup_day_header (self->plan, hallway_agenda_item_get_start (first));

  gtk_label_set_text (hallway_section_list_get_header_label (header), g_strstrip (text));
}

static int
compare_day (gconstpointer a, gconstpointer b, gpointer user_data)
{
  HallwayAgendaPage *self = user_data;
  g_autoptr (GDateTime) x =
    hallway_plan_to_display_time (self->plan, hallway_agenda_item_get_start ((gpointer)a));
  g_autoptr (GDateTime) y =
    hallway_plan_to_display_time (self->plan, hallway_agenda_item_get_start ((gpointer)b));
  int order = g_date_time_get_year (x) - g_date_time_get_year (y);

  return order != 0 ? order : g_date_time_get_day_of_year (x) - g_date_time_get_day_of_year (y);
}

static void
rebuild (HallwayAgendaPage *self)
{
  g_autoptr (GListModel) agenda = hallway_agenda_build (self->plan, MIN_GAP);
  guint n = g_list_model_get_n_items (agenda);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (agenda, i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
list_activate_cb (HallwayAgendaPage *self, guint position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->list_view);
  g_autoptr (HallwayAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (item != NULL && hallway_agenda_item_get_talk (item) != NULL)
    g_signal_emit (self, signals[TALK_ACTIVATED], 0, hallway_agenda_item_get_talk (item));
}

static void
setup_list (HallwayAgendaPage *self)
{
  static const HallwaySectionListFuncs funcs = {
    .setup_row = G_CALLBACK (setup_row_cb),
    .bind_row = G_CALLBACK (bind_row_cb),
    .bind_header = G_CALLBACK (bind_header_cb),
  };
  g_autoptr (GtkSorter) day_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_day, self, NULL));
  GtkSortListModel *sections;

  self->items = g_list_store_new (HALLWAY_TYPE_AGENDA_ITEM);
  sections = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), NULL);
  /* Takes a reference of its own, unlike gtk_sort_list_model_new (). */
  gtk_sort_list_model_set_section_sorter (sections, day_sorter);
  hallway_section_list_setup (self->list_view, G_LIST_MODEL (sections), &funcs, self);
}

static void
hallway_agenda_page_dispose (GObject *object)
{
  HallwayAgendaPage *self = HALLWAY_AGENDA_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_AGENDA_PAGE);
  g_clear_object (&self->items);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (hallway_agenda_page_parent_class)->dispose (object);
}

static void
hallway_agenda_page_class_init (HallwayAgendaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hallway_agenda_page_dispose;
  signals[TALK_ACTIVATED] = g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayAgendaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallwayAgendaPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
hallway_agenda_page_init (HallwayAgendaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HallwayAgendaPage *
hallway_agenda_page_new (HallwayPlan *plan)
{
  HallwayAgendaPage *self;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  self = g_object_new (HALLWAY_TYPE_AGENDA_PAGE, NULL);
  self->plan = g_object_ref (plan);
  setup_list (self);
  rebuild (self);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (rebuild), self);
  return self;
}
