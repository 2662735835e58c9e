/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-conference.h"
#include "hallway-event.h"
#include "hallway-first-frame.h"
#include "hallway-window.h"

#define SETTINGS_WINDOW_WIDTH "window-width"
#define SETTINGS_WINDOW_HEIGHT "window-height"
#define SETTINGS_WINDOW_MAXIMIZED "window-maximized"
#define SETTINGS_SHOW_LOCAL_TIME "show-local-time"

struct _HallwayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  HallwayConference *conference;

  AdwToastOverlay *toast_overlay;
  AdwNavigationSplitView *split_view;
  GtkListBox *sidebar_list;
  GtkListBoxRow *schedule_row;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkListView *event_list;
};

G_DEFINE_FINAL_TYPE (HallwayWindow, hallway_window, ADW_TYPE_APPLICATION_WINDOW)

static void
sidebar_row_activated_cb (HallwayWindow *self, GtkListBoxRow *row)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* ---- talk rows -------------------------------------------------------------------- */

static void
setup_event_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

/* Conference time by default: the time printed on the venue's signs. */
static GDateTime *
displayed_time (HallwayWindow *self, GDateTime *time)
{
  if (g_settings_get_boolean (self->settings, SETTINGS_SHOW_LOCAL_TIME))
    return g_date_time_to_local (time);
  return g_date_time_to_timezone (time, hallway_conference_get_time_zone (self->conference));
}

static void
bind_event_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  HallwayWindow *self = user_data;
  HallwayEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autoptr (GDateTime) start_time = displayed_time (self, hallway_event_get_start (event));
  g_autoptr (GDateTime) end_time = displayed_time (self, hallway_event_get_end (event));
  g_autofree char *start = g_date_time_format (start_time, "%a %H:%M");
  g_autofree char *end = g_date_time_format (end_time, "%H:%M");
  g_autofree char *speakers = hallway_event_dup_speakers (event);
  const char *room = hallway_event_get_room_name (event);
  g_autofree char *line = NULL;

  /* Translators: a talk row: "Sat 13:30–13:55 · AW1.120 · Ada Lovelace" */
  line = g_strdup_printf (_("%s–%s · %s · %s"), start, end, room ? room : "", speakers);
  gtk_label_set_text (GTK_LABEL (title), hallway_event_get_title (event));
  gtk_label_set_text (GTK_LABEL (details), line);
  gtk_list_item_set_accessible_label (item, hallway_event_get_title (event));
}

static void
show_local_time_changed_cb (HallwayWindow *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->event_list);

  if (model != NULL)
    {
      g_object_ref (model);
      gtk_list_view_set_model (self->event_list, NULL);
      gtk_list_view_set_model (self->event_list, model);
      g_object_unref (model);
    }
}

static void
setup_event_list (HallwayWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_row), self);
  gtk_list_view_set_factory (self->event_list, factory);
  g_object_unref (factory);
}

/* ---- window state ----------------------------------------------------------------- */

static void
restore_window_state (HallwayWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, SETTINGS_WINDOW_WIDTH),
                               g_settings_get_int (self->settings, SETTINGS_WINDOW_HEIGHT));
  if (g_settings_get_boolean (self->settings, SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
hallway_window_close_request (GtkWindow *window)
{
  HallwayWindow *self = HALLWAY_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, SETTINGS_WINDOW_WIDTH, width);
  g_settings_set_int (self->settings, SETTINGS_WINDOW_HEIGHT, height);
  g_settings_set_boolean (self->settings, SETTINGS_WINDOW_MAXIMIZED, gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hallway_window_parent_class)->close_request (window);
}

static void
hallway_window_dispose (GObject *object)
{
  HallwayWindow *self = HALLWAY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_WINDOW);
  g_clear_object (&self->conference);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hallway_window_parent_class)->dispose (object);
}

static void
hallway_window_class_init (HallwayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hallway_window_dispose;
  window_class->close_request = hallway_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/hallway-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HallwayWindow, event_list);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
}

static void
hallway_window_init (HallwayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hallway_first_frame_report_if_asked (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  g_signal_connect_object (self->settings, "changed::" SETTINGS_SHOW_LOCAL_TIME,
                           G_CALLBACK (show_local_time_changed_cb), self, G_CONNECT_SWAPPED);
  restore_window_state (self);
  setup_event_list (self);
  gtk_list_box_select_row (self->sidebar_list, self->schedule_row);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

HallwayWindow *
hallway_window_new (HallwayApplication *application)
{
  return g_object_new (HALLWAY_TYPE_WINDOW, "application", application, NULL);
}

HallwayConference *
hallway_window_get_conference (HallwayWindow *self)
{
  g_return_val_if_fail (HALLWAY_IS_WINDOW (self), NULL);
  return self->conference;
}

void
hallway_window_set_conference (HallwayWindow *self, HallwayConference *conference)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  g_return_if_fail (conference == NULL || HALLWAY_IS_CONFERENCE (conference));

  if (!g_set_object (&self->conference, conference))
    return;

  if (conference != NULL)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (conference)));
      adw_window_title_set_subtitle (self->content_title, hallway_conference_get_title (conference));
    }
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->content_stack, conference != NULL ? "events" : "empty");
}

void
hallway_window_show_error (HallwayWindow *self, const char *message)
{
  g_return_if_fail (HALLWAY_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
