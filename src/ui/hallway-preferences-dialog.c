/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-preferences-dialog"

#include "config.h"

#include "hallway-preferences-dialog.h"

#define SETTINGS_SHOW_LOCAL_TIME "show-local-time"

struct _HallwayPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  GSettings *settings;
  AdwSwitchRow *local_time_row;
};

G_DEFINE_FINAL_TYPE (HallwayPreferencesDialog, hallway_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static void
hallway_preferences_dialog_dispose (GObject *object)
{
  HallwayPreferencesDialog *self = HALLWAY_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hallway_preferences_dialog_parent_class)->dispose (object);
}

static void
hallway_preferences_dialog_class_init (HallwayPreferencesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hallway_preferences_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayPreferencesDialog, local_time_row);
}

static void
hallway_preferences_dialog_init (HallwayPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, SETTINGS_SHOW_LOCAL_TIME, self->local_time_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

HallwayPreferencesDialog *
hallway_preferences_dialog_new (void)
{
  return g_object_new (HALLWAY_TYPE_PREFERENCES_DIALOG, NULL);
}
