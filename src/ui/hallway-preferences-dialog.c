/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-preferences-dialog.h"
#include "hallway-settings.h"

/* The subtitle a row has in its template, shown again when its key is unlocked. */
#define UNLOCKED_SUBTITLE "hallway-unlocked-subtitle"

/* The choices of "Remind Me", in the order of the combo row. */
static const int lead_choices[] = { -1, 0, 5, 10, 15, 30 };

struct _HallwayPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  GSettings *settings;
  AdwSwitchRow *local_time_row;
  AdwComboRow *lead_row;
  AdwSwitchRow *changes_row;
  AdwSwitchRow *background_row;
  AdwSwitchRow *login_row;
};

G_DEFINE_FINAL_TYPE (HallwayPreferencesDialog, hallway_preferences_dialog,
                     ADW_TYPE_PREFERENCES_DIALOG)

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
  gtk_widget_class_bind_template_child (widget_class, HallwayPreferencesDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayPreferencesDialog, changes_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayPreferencesDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayPreferencesDialog, login_row);
}

static gboolean
lead_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  int minutes = g_variant_get_int32 (variant);
  guint position = 3;

  for (guint i = 0; i < G_N_ELEMENTS (lead_choices); i++)
    if (lead_choices[i] == minutes)
      position = i;
  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
position_to_lead (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_int32 (lead_choices[MIN (position, G_N_ELEMENTS (lead_choices) - 1)]);
}

static AdwActionRow *
row_for_key (HallwayPreferencesDialog *self, const char *key)
{
  if (g_str_equal (key, HALLWAY_SETTINGS_SHOW_LOCAL_TIME))
    return ADW_ACTION_ROW (self->local_time_row);
  if (g_str_equal (key, HALLWAY_SETTINGS_REMINDER_LEAD))
    return ADW_ACTION_ROW (self->lead_row);
  if (g_str_equal (key, HALLWAY_SETTINGS_NOTIFY_CHANGES))
    return ADW_ACTION_ROW (self->changes_row);
  if (g_str_equal (key, HALLWAY_SETTINGS_RUN_IN_BACKGROUND))
    return ADW_ACTION_ROW (self->background_row);
  if (g_str_equal (key, HALLWAY_SETTINGS_START_AT_LOGIN))
    return ADW_ACTION_ROW (self->login_row);
  return NULL;
}

/* A key an administrator locked (dconf locks; in the Flatpak, the locks file Flatpak
 * writes into the sandbox for GLib's keyfile backend) is not writable: g_settings_bind
 * greys its row out, and the subtitle says why, on screen and to screen readers. */
static void
writable_changed_cb (GSettings *settings, const char *key, HallwayPreferencesDialog *self)
{
  AdwActionRow *row = row_for_key (self, key);
  const char *unlocked;

  if (row == NULL)
    return;
  unlocked = g_object_get_data (G_OBJECT (row), UNLOCKED_SUBTITLE);
  adw_action_row_set_subtitle (row, g_settings_is_writable (settings, key)
                                    ? (unlocked != NULL ? unlocked : "")
                                    : _("Set by your administrator"));
}

static void
show_locks (HallwayPreferencesDialog *self)
{
  static const char *keys[] = { HALLWAY_SETTINGS_SHOW_LOCAL_TIME, HALLWAY_SETTINGS_REMINDER_LEAD,
                                HALLWAY_SETTINGS_NOTIFY_CHANGES, HALLWAY_SETTINGS_RUN_IN_BACKGROUND,
                                HALLWAY_SETTINGS_START_AT_LOGIN };

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      AdwActionRow *row = row_for_key (self, keys[i]);

      g_object_set_data_full (G_OBJECT (row), UNLOCKED_SUBTITLE,
                              g_strdup (adw_action_row_get_subtitle (row)), g_free);
      writable_changed_cb (self->settings, keys[i], self);
    }
  g_signal_connect_object (self->settings, "writable-changed",
                           G_CALLBACK (writable_changed_cb), self, G_CONNECT_DEFAULT);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_list_item_set_accessible_label (item, text);
}

/* AdwComboRow shows its choice in a list item without a name over AT-SPI (libadwaita 1.7):
 * the row shows it through a factory that names the item; the popup keeps the default one,
 * with its check marks. */
static void
name_the_choice (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  adw_combo_row_set_list_factory (row, adw_combo_row_get_factory (row));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  adw_combo_row_set_factory (row, factory);
}

static void
hallway_preferences_dialog_init (HallwayPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_the_choice (self->lead_row);
}

/* Every row is bound: a locked key's row is insensitive (G_SETTINGS_BIND_DEFAULT binds
 * "sensitive" to the key's writability). */
static void
bind_rows (HallwayPreferencesDialog *self)
{
  g_settings_bind (self->settings, HALLWAY_SETTINGS_SHOW_LOCAL_TIME, self->local_time_row,
                   "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, HALLWAY_SETTINGS_REMINDER_LEAD, self->lead_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, lead_to_position,
                                position_to_lead, NULL, NULL);
  g_settings_bind (self->settings, HALLWAY_SETTINGS_NOTIFY_CHANGES, self->changes_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, HALLWAY_SETTINGS_RUN_IN_BACKGROUND, self->background_row,
                   "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, HALLWAY_SETTINGS_START_AT_LOGIN, self->login_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  show_locks (self);
}

HallwayPreferencesDialog *
hallway_preferences_dialog_new (GSettings *settings)
{
  HallwayPreferencesDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HALLWAY_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);
  bind_rows (self);
  return self;
}
