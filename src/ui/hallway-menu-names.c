/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-menu-names"

#include "config.h"

#include "hallway-menu-names.h"

/* In GTK 4.18 the items of a popover built from a menu model (its private GtkModelButton)
 * have no accessible name: each is labelled by its label, whose own name is empty, so a
 * screen reader says "menu item" and nothing more (issue 14). Each item is named after its
 * label's text instead whenever the menu opens, which covers items added to the model since
 * and submenus, which are pages of the same popover. */

static gboolean
is_menu_item (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX
         || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO;
}

/* The item's first label with text: its title (the accelerator's label comes after it). */
static const char *
find_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child))
                                              : find_label_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

static void
name_items (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (!is_menu_item (child))
        {
          name_items (child);
          continue;
        }
      text = find_label_text (child);
      if (text == NULL)
        continue;
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }
}

static void
active_changed_cb (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (gtk_menu_button_get_active (button) && popover != NULL)
    name_items (GTK_WIDGET (popover));
}

/**
 * hallway_menu_button_name_items:
 * @button: a menu button with a menu model, or a function that makes one
 *
 * Names the items of @button's menu for screen readers each time it opens.
 */
void
hallway_menu_button_name_items (GtkMenuButton *button)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  g_signal_connect (button, "notify::active", G_CALLBACK (active_changed_cb), NULL);
}
