/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-room-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-room.h"
#include "hallway-room-badge.h"

/* "Full" or "Available" beside a room, an icon and a word (never colour alone), following
 * the room status as it changes; nothing while the state is unknown. */
struct _HallwayRoomBadge
{
  GtkWidget parent_instance;

  GtkWidget *icon;
  GtkWidget *label;
  HallwayRoomStatus *status;
  HallwayRoom *room;
};

G_DEFINE_FINAL_TYPE (HallwayRoomBadge, hallway_room_badge, GTK_TYPE_WIDGET)

static void
update (HallwayRoomBadge *self)
{
  HallwayRoomState state = HALLWAY_ROOM_STATE_UNKNOWN;
  const char *icon = NULL;
  const char *text = NULL;
  gboolean bad = FALSE;

  if (self->status != NULL && self->room != NULL)
    state = hallway_room_status_lookup (self->status, self->room);
  switch (state)
    {
    case HALLWAY_ROOM_STATE_AVAILABLE:
      icon = "object-select-symbolic";
      text = C_("room state", "Available");
      break;
    case HALLWAY_ROOM_STATE_FULL:
      icon = "dialog-warning-symbolic";
      text = C_("room state", "Full");
      bad = TRUE;
      break;
    case HALLWAY_ROOM_STATE_EVACUATED:
      icon = "dialog-warning-symbolic";
      text = C_("room state", "Evacuated");
      bad = TRUE;
      break;
    case HALLWAY_ROOM_STATE_UNKNOWN:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  if (text == NULL)
    return;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  if (bad)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "success");
    }
}

static void
hallway_room_badge_dispose (GObject *object)
{
  HallwayRoomBadge *self = HALLWAY_ROOM_BADGE (object);

  hallway_room_badge_set_room (self, NULL, NULL);
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (hallway_room_badge_parent_class)->dispose (object);
}

static void
hallway_room_badge_class_init (HallwayRoomBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hallway_room_badge_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "room-badge");
}

static void
hallway_room_badge_init (HallwayRoomBadge *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              6);
  self->icon = gtk_image_new ();
  /* The word says it; the icon is decoration for a screen reader. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "caption-heading");
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
hallway_room_badge_new (void)
{
  return g_object_new (HALLWAY_TYPE_ROOM_BADGE, NULL);
}

void
hallway_room_badge_set_room (HallwayRoomBadge *self, HallwayRoomStatus *status,
                             HallwayRoom *room)
{
  g_return_if_fail (HALLWAY_IS_ROOM_BADGE (self));

  if (self->status != status)
    {
      if (self->status != NULL)
        g_signal_handlers_disconnect_by_data (self->status, self);
      g_set_object (&self->status, status);
      if (status != NULL)
        g_signal_connect_swapped (status, "changed", G_CALLBACK (update), self);
    }
  g_set_object (&self->room, room);
  update (self);
}

const char *
hallway_room_badge_get_text (HallwayRoomBadge *self)
{
  g_return_val_if_fail (HALLWAY_IS_ROOM_BADGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->label));
}
