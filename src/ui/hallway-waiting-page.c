/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-waiting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-waiting-page.h"

struct _HallwayWaitingPage
{
  AdwNavigationPage parent_instance;

  AdwStatusPage *status_page;
  GtkWidget *try_again_button;
};

G_DEFINE_FINAL_TYPE (HallwayWaitingPage, hallway_waiting_page, ADW_TYPE_NAVIGATION_PAGE)

static void
hallway_waiting_page_class_init (HallwayWaitingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-waiting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayWaitingPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, HallwayWaitingPage, try_again_button);
}

static void
hallway_waiting_page_init (HallwayWaitingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HallwayWaitingPage *
hallway_waiting_page_new (void)
{
  return g_object_new (HALLWAY_TYPE_WAITING_PAGE, NULL);
}

void
hallway_waiting_page_show (HallwayWaitingPage *self, const char *conference_title,
                           const char *error)
{
  g_return_if_fail (HALLWAY_IS_WAITING_PAGE (self));

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), conference_title);
  gtk_widget_set_visible (self->try_again_button, error != NULL);
  if (error == NULL)
    {
      g_autoptr (AdwSpinnerPaintable) spinner = adw_spinner_paintable_new (GTK_WIDGET (self));

      adw_status_page_set_paintable (self->status_page, GDK_PAINTABLE (spinner));
      adw_status_page_set_title (self->status_page, _("Downloading the Schedule"));
      adw_status_page_set_description (self->status_page, conference_title);
      return;
    }
  adw_status_page_set_icon_name (self->status_page, "network-error-symbolic");
  adw_status_page_set_title (self->status_page, _("Schedule Not Available"));
  adw_status_page_set_description (self->status_page, error);
}
