/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-section-list"

#include "config.h"

#include "hallway-section-list.h"

/* The talk list's time slots and My Agenda's days: the same heading, so both read alike. */
static void
setup_header_cb (GtkSignalListItemFactory *factory, GtkListHeader *header, gpointer numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "heading");
  if (GPOINTER_TO_INT (numeric))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_header_set_child (header, label);
}

/* Shows sections (taken) in list_view, without selection, through factories that call
 * funcs with user_data. */
void
hallway_section_list_setup (GtkListView                   *list_view,
                            GListModel                    *sections,
                            const HallwaySectionListFuncs *funcs,
                            gpointer                       user_data)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) header_factory = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));
  g_return_if_fail (G_IS_LIST_MODEL (sections));
  g_return_if_fail (funcs != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", funcs->setup_row, user_data);
  g_signal_connect (factory, "bind", funcs->bind_row, user_data);
  if (funcs->unbind_row != NULL)
    g_signal_connect (factory, "unbind", funcs->unbind_row, user_data);
  header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb),
                    GINT_TO_POINTER (funcs->numeric_headers));
  g_signal_connect (header_factory, "bind", funcs->bind_header, user_data);
  gtk_list_view_set_factory (list_view, factory);
  gtk_list_view_set_header_factory (list_view, header_factory);
  /* The selection takes the reference to sections; the list view takes one of its own. */
  selection = gtk_no_selection_new (sections);
  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (selection));
}

static void
scroll_to_top_once_laid_out_cb (GtkAdjustment *adjustment, gpointer user_data)
{
  if (gtk_adjustment_get_upper (adjustment) <= 0)
    return;
  g_signal_handlers_disconnect_by_func (adjustment, scroll_to_top_once_laid_out_cb, user_data);
  gtk_adjustment_set_value (adjustment, 0);
}

/* To the very top, the first section's header included. GtkListView anchors a new or
 * changed model at its first item's top, so the header above it starts out of view (by
 * about 58 px); and a list that is not laid out yet places itself at its first layout,
 * which is when to go to the top then. */
void
hallway_section_list_scroll_to_top (GtkListView *list_view)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  g_signal_handlers_disconnect_by_func (adjustment, scroll_to_top_once_laid_out_cb, NULL);
  if (gtk_adjustment_get_upper (adjustment) <= 0)
    g_signal_connect (adjustment, "changed", G_CALLBACK (scroll_to_top_once_laid_out_cb), NULL);
  else
    gtk_adjustment_set_value (adjustment, 0);
}
