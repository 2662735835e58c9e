/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-talk-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-talk-row.h"
#include "hallway-talk.h"
#include "hallway-track.h"

/* One talk in a list: title, then time, room and speakers, a status marker (cancelled,
 * changed, overlapping a bookmark, live now), the track colour and the bookmark toggle.
 * GtkListView keeps up to 200 rows alive and measures them all, so a row is built in code
 * with as few widgets as it needs (no template to parse per row). Rows are recycled:
 * bind() and unbind() attach them to one talk at a time. */
struct _HallwayTalkRow
{
  GtkWidget parent_instance;

  HallwayPlan *plan;
  HallwayTalk *talk;
  gboolean updating;

  GtkWidget *track_colour;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkLabel *change_label;  /* what changed, old → new: in Changes only */
  GtkLabel *marker;
  gboolean show_change;
  gboolean show_zone;     /* the zone after the time, when no header says it */
  GtkToggleButton *bookmark_button;
  GtkListItem *list_item; /* not owned: the item the row is bound to */
};

/* The narrowest a row's labels get before they wrap no further. */
#define ROW_LABEL_WIDTH_CHARS 20

G_DEFINE_FINAL_TYPE (HallwayTalkRow, hallway_talk_row, GTK_TYPE_WIDGET)

static const char * const marker_classes[] = { "live", "changed", "moved", "new",
                                                "cancelled", "conflict" };

static char *
format_details (HallwayTalkRow *self)
{
  HallwayPlan *plan = self->plan;
  HallwayTalk *talk = self->talk;
  g_autoptr (GDateTime) start = hallway_plan_to_display_time (plan, hallway_talk_get_start (talk));
  g_autoptr (GDateTime) end = hallway_plan_to_display_time (plan, hallway_talk_get_end (talk));
  g_autofree char *start_text = g_date_time_format (start, "%H:%M");
  g_autofree char *end_text = g_date_time_format (end, "%H:%M");
  g_autofree char *zone =
    self->show_zone ? hallway_plan_dup_zone_label (plan, hallway_talk_get_start (talk)) : NULL;
  g_autofree char *speakers = hallway_talk_dup_speakers (talk);
  const char *room = hallway_talk_get_room_name (talk);
  GString *details = g_string_new (NULL);

  if (zone != NULL)
    /* Translators: a talk's time in another zone than the conference's: "01:30–01:55 JST" */
    g_string_printf (details, _("%s–%s %s"), start_text, end_text, zone);
  else
    /* Translators: a talk's time: "13:30–13:55" */
    g_string_printf (details, _("%s–%s"), start_text, end_text);
  /* The room before the speakers: when the line is cut (a phone, large text, many
   * speakers), what is lost is a name the talk's page lists, not where to go. */
  if (room != NULL)
    g_string_append_printf (details, " · %s", room);
  if (*speakers != '\0')
    g_string_append_printf (details, " · %s", speakers);
  return g_string_free (details, FALSE);
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
update_track_colour (HallwayTalkRow *self)
{
  HallwayTrack *track = hallway_talk_get_track (self->talk);
  const char *colour = track != NULL ? hallway_track_get_color (track) : NULL;
  GdkRGBA rgba;
  gboolean visible = colour != NULL && gdk_rgba_parse (&rgba, colour);

  gtk_widget_set_visible (self->track_colour, visible);
  if (visible)
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->track_colour), draw_track_colour,
                                    gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
}

/* The one status that matters most: cancelled, moved, changed, new, overlapping, live now.
 * Each says itself in words; the colour only repeats it. */
static const char *
marker_class (HallwayTalkRow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  HallwayChangeKind kind;

  /* An edited abstract or new links: said in Changes, not worth a badge. */
  if (hallway_plan_get_change (self->plan, self->talk, &kind) &&
      !hallway_plan_is_details_change (self->plan, self->talk))
    return kind == HALLWAY_CHANGE_REMOVED ? "cancelled"
           : kind == HALLWAY_CHANGE_ADDED ? "new"
           : kind == HALLWAY_CHANGE_MOVED ? "moved" : "changed";
  if (hallway_plan_is_conflicting (self->plan, self->talk))
    return "conflict";
  if (g_date_time_compare (hallway_talk_get_start (self->talk), now) <= 0 &&
      g_date_time_compare (now, hallway_talk_get_end (self->talk)) < 0)
    return "live";
  return NULL;
}

static const char *
marker_text (const char *css_class)
{
  if (g_strcmp0 (css_class, "cancelled") == 0)
    return _("Cancelled");
  if (g_strcmp0 (css_class, "changed") == 0)
    return _("Changed");
  if (g_strcmp0 (css_class, "moved") == 0)
    /* Translators: the badge of a talk whose time or room changed */
    return C_("change", "Moved");
  if (g_strcmp0 (css_class, "new") == 0)
    return C_("change", "New");
  if (g_strcmp0 (css_class, "conflict") == 0)
    return _("Overlaps a bookmark");
  return _("Live now");
}

static void
update_marker (HallwayTalkRow *self)
{
  const char *css_class = marker_class (self);

  for (guint i = 0; i < G_N_ELEMENTS (marker_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->marker), marker_classes[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->marker), css_class != NULL);
  if (css_class == NULL)
    return;
  gtk_label_set_text (self->marker, marker_text (css_class));
  gtk_widget_add_css_class (GTK_WIDGET (self->marker), css_class);
}

/* What the row shows by colour or by a badge that may hide another, in words: the list
 * item's accessible label is the title alone, so a screen reader reads this as its
 * description ("Cancelled · 13:30–13:55 · Hall A · Ana Lima · Track: Desktop"). */
static char *
dup_accessible_description (HallwayTalkRow *self)
{
  g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *details = format_details (self);
  g_autofree char *track_text = NULL;
  g_auto (GStrv) strv = NULL;
  HallwayTrack *track = hallway_talk_get_track (self->talk);
  HallwayChangeKind kind;

  if (hallway_plan_get_change (self->plan, self->talk, &kind) &&
      !hallway_plan_is_details_change (self->plan, self->talk))
    g_strv_builder_add (parts, kind == HALLWAY_CHANGE_REMOVED ? _("Cancelled")
                               : kind == HALLWAY_CHANGE_ADDED ? C_("change", "New")
                               : kind == HALLWAY_CHANGE_MOVED ? C_("change", "Moved")
                                                              : _("Changed"));
  if (hallway_plan_is_conflicting (self->plan, self->talk))
    g_strv_builder_add (parts, _("Overlaps a bookmark"));
  if (g_date_time_compare (hallway_talk_get_start (self->talk), now) <= 0 &&
      g_date_time_compare (now, hallway_talk_get_end (self->talk)) < 0)
    g_strv_builder_add (parts, _("Live now"));
  g_strv_builder_add (parts, details);
  if (track != NULL)
    {
      track_text = g_strdup_printf (_("Track: %s"), hallway_track_get_name (track));
      g_strv_builder_add (parts, track_text);
    }
  strv = g_strv_builder_end (parts);
  return g_strjoinv (" · ", strv);
}

static void
update_accessible_description (HallwayTalkRow *self)
{
  g_autofree char *description = NULL;

  if (self->list_item == NULL)
    return;
  description = dup_accessible_description (self);
  gtk_list_item_set_accessible_description (self->list_item, description);
}

static void
update_change (HallwayTalkRow *self)
{
  g_autofree char *description = NULL;
  HallwayChangeKind kind;

  /* A new or cancelled talk's badge says it all. */
  if (self->show_change && hallway_plan_get_change (self->plan, self->talk, &kind) &&
      kind != HALLWAY_CHANGE_ADDED && kind != HALLWAY_CHANGE_REMOVED)
    description = hallway_plan_dup_change_description (self->plan, self->talk);
  gtk_label_set_text (self->change_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), description != NULL);
}

static void
update_state (HallwayTalkRow *self)
{
  gboolean bookmarked = hallway_plan_is_bookmarked (self->plan, self->talk);

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  self->updating = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  update_marker (self);
  update_change (self);
  update_accessible_description (self);
}

static void
bookmark_toggled_cb (HallwayTalkRow *self)
{
  if (self->updating || self->talk == NULL)
    return;
  hallway_plan_set_bookmarked (self->plan, self->talk,
                               gtk_toggle_button_get_active (self->bookmark_button));
}

static void
plan_changed_cb (HallwayTalkRow *self)
{
  if (self->talk != NULL)
    {
      g_autofree char *details = format_details (self);

      gtk_label_set_text (self->details_label, details);
      update_state (self);
    }
}

/* The row shows talk in list_item (NULL: a row alone), and keeps the item's accessible
 * description. */
void
hallway_talk_row_bind (HallwayTalkRow *self, HallwayTalk *talk, GtkListItem *list_item)
{
  g_autofree char *details = NULL;
  g_autofree char *bookmark_label = NULL;

  g_return_if_fail (HALLWAY_IS_TALK_ROW (self));
  g_return_if_fail (HALLWAY_IS_TALK (talk));

  g_set_object (&self->talk, talk);
  self->list_item = list_item;
  details = format_details (self);
  gtk_label_set_text (self->title_label, hallway_talk_get_title (talk));
  gtk_label_set_text (self->details_label, details);
  /* Translators: accessible name of a talk's bookmark toggle */
  bookmark_label = g_strdup_printf (_("Bookmark “%s”"), hallway_talk_get_title (talk));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bookmark_label, -1);
  update_track_colour (self);
  update_state (self);
}

/* In Changes, a row says under its title what the last update changed, old → new. */
void
hallway_talk_row_set_show_change (HallwayTalkRow *self, gboolean show_change)
{
  g_return_if_fail (HALLWAY_IS_TALK_ROW (self));

  self->show_change = !!show_change;
  if (self->talk != NULL)
    update_change (self);
}

void
hallway_talk_row_set_show_zone (HallwayTalkRow *self, gboolean show_zone)
{
  g_return_if_fail (HALLWAY_IS_TALK_ROW (self));

  self->show_zone = !!show_zone;
  if (self->talk != NULL)
    plan_changed_cb (self);
}

void
hallway_talk_row_unbind (HallwayTalkRow *self)
{
  g_return_if_fail (HALLWAY_IS_TALK_ROW (self));
  g_clear_object (&self->talk);
  self->list_item = NULL;
}

/* ---- construction -------------------------------------------------------------------- */

static GtkLabel *
append_label (GtkWidget *box, const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
build (HallwayTalkRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->track_colour = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->track_colour), 4);
  gtk_box_append (GTK_BOX (box), self->track_colour);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  /* Wrapping labels without width-chars measure their minimum width by laying the text out
   * a character a line: with every row of the list measured, that was most of start-up
   * (issue 13). 20 characters fit a phone's width; the full title is on the talk's page. */
  self->title_label = append_label (text, "heading");
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (self->title_label, ROW_LABEL_WIDTH_CHARS);
  gtk_label_set_lines (self->title_label, 3);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  self->details_label = append_label (text, "dim-label");
  /* Three lines before it is cut: on a phone with large text (scaling 1.5), two lines ended
   * inside the second speaker's name. */
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_label_set_wrap_mode (self->details_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (self->details_label, ROW_LABEL_WIDTH_CHARS);
  gtk_label_set_lines (self->details_label, 3);
  gtk_label_set_ellipsize (self->details_label, PANGO_ELLIPSIZE_END);
  self->change_label = append_label (text, "change-description");
  gtk_label_set_wrap (self->change_label, TRUE);
  gtk_label_set_wrap_mode (self->change_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), FALSE);
  self->marker = append_label (text, "marker");
  gtk_widget_set_halign (GTK_WIDGET (self->marker), GTK_ALIGN_START);

  gtk_button_set_icon_name (GTK_BUTTON (button), "non-starred-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Bookmark"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (bookmark_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  self->bookmark_button = GTK_TOGGLE_BUTTON (button);
}

static void
hallway_talk_row_dispose (GObject *object)
{
  HallwayTalkRow *self = HALLWAY_TALK_ROW (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->talk);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (hallway_talk_row_parent_class)->dispose (object);
}

static void
hallway_talk_row_class_init (HallwayTalkRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hallway_talk_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
hallway_talk_row_init (HallwayTalkRow *self)
{
  build (self);
}

HallwayTalkRow *
hallway_talk_row_new (HallwayPlan *plan)
{
  HallwayTalkRow *self;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  self = g_object_new (HALLWAY_TYPE_TALK_ROW, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  return self;
}
