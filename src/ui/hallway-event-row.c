/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-event-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-event-row.h"
#include "hallway-event.h"
#include "hallway-track.h"

/* One talk in a list: time, title, speakers and room, track colour, markers (live now,
 * changed, cancelled, overlapping a bookmark) and the bookmark toggle. Rows are recycled
 * by GtkListView: bind() and unbind() attach them to one talk at a time. */
struct _HallwayEventRow
{
  GtkWidget parent_instance;

  HallwayPlan *plan;
  HallwayEvent *event;
  gboolean updating;

  GtkWidget *box;
  GtkWidget *track_colour;
  GtkLabel *time_label;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkWidget *live_marker;
  GtkWidget *changed_marker;
  GtkWidget *cancelled_marker;
  GtkWidget *conflict_marker;
  GtkToggleButton *bookmark_button;
};

G_DEFINE_FINAL_TYPE (HallwayEventRow, hallway_event_row, GTK_TYPE_WIDGET)

static char *
format_time_range (HallwayPlan *plan, HallwayEvent *event)
{
  g_autoptr (GDateTime) start = hallway_plan_to_display_time (plan, hallway_event_get_start (event));
  g_autoptr (GDateTime) end = hallway_plan_to_display_time (plan, hallway_event_get_end (event));
  g_autofree char *start_text = g_date_time_format (start, "%H:%M");
  g_autofree char *end_text = g_date_time_format (end, "%H:%M");

  /* Translators: a talk's time: "Sat 13:30–13:55" */
  return g_strdup_printf (_("%s–%s"), start_text, end_text);
}

static char *
format_details (HallwayEvent *event)
{
  g_autofree char *speakers = hallway_event_dup_speakers (event);
  const char *room = hallway_event_get_room_name (event);

  if (*speakers != '\0' && room != NULL)
    /* Translators: speakers and room of a talk: "Ada Lovelace · AW1.120" */
    return g_strdup_printf (_("%s · %s"), speakers, room);
  return g_strdup (*speakers != '\0' ? speakers : room ? room : "");
}

static void
draw_track_colour (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  gdk_cairo_set_source_rgba (cr, data);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* A colour bar only when the schedule gives the track a colour. */
static void
update_track_colour (HallwayEventRow *self)
{
  HallwayTrack *track = hallway_event_get_track (self->event);
  const char *colour = track != NULL ? hallway_track_get_color (track) : NULL;
  GdkRGBA rgba;
  gboolean visible = colour != NULL && gdk_rgba_parse (&rgba, colour);

  gtk_widget_set_visible (self->track_colour, visible);
  if (visible)
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->track_colour), draw_track_colour,
                                    gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
}

static void
update_state (HallwayEventRow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean bookmarked = hallway_plan_is_bookmarked (self->plan, self->event);
  HallwayChangeKind kind;
  gboolean changed = hallway_plan_get_change (self->plan, self->event, &kind);
  gboolean live = g_date_time_compare (hallway_event_get_start (self->event), now) <= 0 &&
                  g_date_time_compare (now, hallway_event_get_end (self->event)) < 0;

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  self->updating = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_visible (self->live_marker, live);
  gtk_widget_set_visible (self->changed_marker, changed && kind != HALLWAY_CHANGE_REMOVED);
  gtk_widget_set_visible (self->cancelled_marker, changed && kind == HALLWAY_CHANGE_REMOVED);
  gtk_widget_set_visible (self->conflict_marker, hallway_plan_is_conflicting (self->plan, self->event));
}

static void
bookmark_toggled_cb (HallwayEventRow *self)
{
  if (self->updating || self->event == NULL)
    return;
  hallway_plan_set_bookmarked (self->plan, self->event,
                               gtk_toggle_button_get_active (self->bookmark_button));
}

static void
plan_changed_cb (HallwayEventRow *self)
{
  if (self->event != NULL)
    {
      g_autofree char *time = format_time_range (self->plan, self->event);

      gtk_label_set_text (self->time_label, time);
      update_state (self);
    }
}

void
hallway_event_row_bind (HallwayEventRow *self, HallwayEvent *event)
{
  g_autofree char *time = NULL;
  g_autofree char *details = NULL;
  g_autofree char *bookmark_label = NULL;

  g_return_if_fail (HALLWAY_IS_EVENT_ROW (self));
  g_return_if_fail (HALLWAY_IS_EVENT (event));

  g_set_object (&self->event, event);
  time = format_time_range (self->plan, event);
  details = format_details (event);
  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->title_label, hallway_event_get_title (event));
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  /* Translators: accessible name of a talk's bookmark toggle */
  bookmark_label = g_strdup_printf (_("Bookmark “%s”"), hallway_event_get_title (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bookmark_label, -1);
  update_track_colour (self);
  update_state (self);
}

void
hallway_event_row_unbind (HallwayEventRow *self)
{
  g_return_if_fail (HALLWAY_IS_EVENT_ROW (self));
  g_clear_object (&self->event);
}

static void
hallway_event_row_dispose (GObject *object)
{
  HallwayEventRow *self = HALLWAY_EVENT_ROW (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_EVENT_ROW);
  g_clear_object (&self->event);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (hallway_event_row_parent_class)->dispose (object);
}

static void
hallway_event_row_class_init (HallwayEventRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hallway_event_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/hallway-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, box);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, track_colour);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, live_marker);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, changed_marker);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, cancelled_marker);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, conflict_marker);
  gtk_widget_class_bind_template_child (widget_class, HallwayEventRow, bookmark_button);
  gtk_widget_class_bind_template_callback (widget_class, bookmark_toggled_cb);
}

static void
hallway_event_row_init (HallwayEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HallwayEventRow *
hallway_event_row_new (HallwayPlan *plan)
{
  HallwayEventRow *self;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  self = g_object_new (HALLWAY_TYPE_EVENT_ROW, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  return self;
}
