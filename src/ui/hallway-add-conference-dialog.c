/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-add-conference-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hallway-add-conference-dialog.h"
#include "hallway-location.h"

struct _HallwayAddConferenceDialog
{
  AdwDialog parent_instance;

  HallwayLibrary *library;
  GCancellable *cancellable;
  gboolean busy;

  AdwSpinner *spinner;
  AdwBanner *error_banner;
  AdwEntryRow *url_row;
  GtkWidget *add_button;
  GtkWidget *open_file_button;
  AdwPreferencesGroup *catalogue_group;
};

G_DEFINE_FINAL_TYPE (HallwayAddConferenceDialog, hallway_add_conference_dialog, ADW_TYPE_DIALOG)

/* The text inside the entry row: what has the focus and what a screen reader reads. */
static GtkAccessible *
address_text (HallwayAddConferenceDialog *self)
{
  return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->url_row)));
}

/* While busy the address entry keeps the focus, read-only, and the other controls go
 * insensitive. Made insensitive under the focus, the entry (or an Add button) dropped the
 * focus out of the dialog: Escape then closed nothing and F10 opened the window's menu over
 * the dialog (issue 14). */
static void
set_busy (HallwayAddConferenceDialog *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      adw_banner_set_revealed (self->error_banner, FALSE);
      gtk_accessible_reset_property (address_text (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_file_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->catalogue_group), !busy);
}

/* The error under the focus, in the entry's description too: a screen reader says it again
 * when it reads the entry, not only in the announcement. */
static void
show_error (HallwayAddConferenceDialog *self, const char *message)
{
  adw_banner_set_title (self->error_banner, message);
  adw_banner_set_revealed (self->error_banner, TRUE);
  gtk_accessible_update_property (address_text (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
  gtk_accessible_announce (address_text (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}

/* ---- the same conference followed from a file and by URL ----------------------------- */

typedef struct
{
  HallwayLibrary *library;
  char *file_id;   /* followed from a file */
  char *web_id;    /* just added by URL */
  GtkWidget *window;
} Replacement;

static void
replacement_free (Replacement *replacement)
{
  g_object_unref (replacement->library);
  g_free (replacement->file_id);
  g_free (replacement->web_id);
  g_object_unref (replacement->window);
  g_free (replacement);
}

static void
replace_response_cb (AdwAlertDialog *alert, const char *response, Replacement *replacement)
{
  g_autoptr (GError) error = NULL;
  HallwayLibraryEntry *entry;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "replace"))
    return;
  entry = hallway_library_lookup (replacement->library, replacement->web_id);
  if (!hallway_library_replace (replacement->library, replacement->file_id, replacement->web_id,
                                &error))
    message = g_strdup (error->message);
  else if (entry != NULL)
    /* Translators: a toast after the copy of a conference followed from a file was replaced
     * by the same conference followed by URL */
    message = g_strdup_printf (_("“%s” now follows its address; bookmarks moved"),
                               hallway_library_entry_get_title (entry));
  if (message != NULL)
    gtk_widget_activate_action (replacement->window, "win.toast", "s", message);
}

/* The conference added by URL is one already followed from a file (FOSDEM 2026 downloaded,
 * then followed at fosdem.org): offer to keep only the one that updates. */
static void
offer_replacement (HallwayAddConferenceDialog *self, HallwayLibraryEntry *added,
                   HallwayLibraryEntry *file_twin, GtkWidget *window)
{
  AdwDialog *alert;
  Replacement *replacement;
  g_autoptr (GFile) file = g_file_new_for_uri (hallway_library_entry_get_location (file_twin));
  g_autofree char *file_name = g_file_get_basename (file);
  g_autofree char *shown_name = g_filename_display_name (file_name != NULL ? file_name : "");
  g_autofree char *host = hallway_location_dup_source_label (
    hallway_library_entry_get_location (added));

  alert = adw_alert_dialog_new (_("Replace the Conference From a File?"), NULL);
  /* Translators: the title, the schedule file's name, the web site ("fosdem.org") */
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                _("“%s” is also followed from the file “%s”. Follow it only "
                                  "from %s, where it stays up to date? Its bookmarks move "
                                  "along."),
                                hallway_library_entry_get_title (added), shown_name, host);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert), "keep", _("_Keep Both"), "replace",
                                  _("_Replace"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "replace",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "replace");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "keep");
  replacement = g_new0 (Replacement, 1);
  replacement->library = g_object_ref (self->library);
  replacement->file_id = g_strdup (hallway_library_entry_get_id (file_twin));
  replacement->web_id = g_strdup (hallway_library_entry_get_id (added));
  replacement->window = g_object_ref (window);
  g_signal_connect_data (alert, "response", G_CALLBACK (replace_response_cb), replacement,
                         (GClosureNotify) (void (*) (void)) replacement_free, 0);
  adw_dialog_present (alert, window);
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayAddConferenceDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  HallwaySubscription *subscription =
    hallway_library_add_finish (HALLWAY_LIBRARY (source), result, &error);
  HallwayLibraryEntry *entry;
  GtkWidget *window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (subscription == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* The application shows it: the dialog knows only the library. */
  entry = hallway_library_lookup_subscription (self->library, subscription);
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  if (entry != NULL)
    {
      HallwayLibraryEntry *file_twin = hallway_library_find_file_twin (self->library, entry);
      /* Translators: a toast after Add Conference, with the conference's title */
      g_autofree char *added = g_strdup_printf (_("“%s” added"),
                                                hallway_library_entry_get_title (entry));

      if (!gtk_widget_activate_action (GTK_WIDGET (self), "app.show-conference", "s",
                                       hallway_library_entry_get_id (entry)))
        g_warning ("No app.show-conference action to show %s",
                   hallway_library_entry_get_id (entry));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", added);
      if (file_twin != NULL && window != NULL)
        {
          adw_dialog_close (ADW_DIALOG (self));
          offer_replacement (self, entry, file_twin, window);
          return;
        }
    }
  adw_dialog_close (ADW_DIALOG (self));
}

static void
add_location (HallwayAddConferenceDialog *self, const char *location)
{
  g_autofree char *stripped = g_strstrip (g_strdup (location));

  if (*stripped == '\0' || self->busy)
    return;
  set_busy (self, TRUE);
  hallway_library_add_async (self->library, stripped, self->cancellable, added_cb,
                             g_object_ref (self));
}

static void
url_apply_cb (HallwayAddConferenceDialog *self)
{
  add_location (self, gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
}

static void
open_file_cb (HallwayAddConferenceDialog *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);

  adw_dialog_close (ADW_DIALOG (self));
  if (window != NULL)
    gtk_widget_activate_action (window, "win.open", NULL);
}

static void
catalogue_add_cb (GtkButton *button, HallwayAddConferenceDialog *self)
{
  add_location (self, g_object_get_data (G_OBJECT (button), "location"));
}

/* Each known conference with an "Add" button, or "Following" when already in the library. */
static void
fill_catalogue (HallwayAddConferenceDialog *self)
{
  GListModel *catalogue = hallway_library_get_catalogue (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (catalogue, i);
      const char *location = hallway_library_entry_get_location (entry);
      gboolean following = hallway_library_lookup_location (self->library, location) != NULL;
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *button = gtk_button_new_with_label (following ? _("Following") : _("Add"));
      g_autofree char *label =
        g_strdup_printf (_("Add %s"), hallway_library_entry_get_title (entry));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hallway_library_entry_get_title (entry));
      adw_action_row_set_subtitle (row, hallway_library_entry_get_subtitle (entry));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !following);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      if (!following)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data_full (G_OBJECT (button), "location", g_strdup (location), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (catalogue_add_cb), self);
      adw_action_row_add_suffix (row, button);
      adw_action_row_set_activatable_widget (row, button);
      adw_preferences_group_add (self->catalogue_group, GTK_WIDGET (row));
    }
}

static void
hallway_add_conference_dialog_dispose (GObject *object)
{
  HallwayAddConferenceDialog *self = HALLWAY_ADD_CONFERENCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_ADD_CONFERENCE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (hallway_add_conference_dialog_parent_class)->dispose (object);
}

static void
hallway_add_conference_dialog_class_init (HallwayAddConferenceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hallway_add_conference_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/hallway-add-conference-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayAddConferenceDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HallwayAddConferenceDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, HallwayAddConferenceDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, HallwayAddConferenceDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayAddConferenceDialog, open_file_button);
  gtk_widget_class_bind_template_child (widget_class, HallwayAddConferenceDialog, catalogue_group);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_file_cb);
}

static void
hallway_add_conference_dialog_init (HallwayAddConferenceDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

HallwayAddConferenceDialog *
hallway_add_conference_dialog_new (HallwayLibrary *library)
{
  HallwayAddConferenceDialog *self;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (library), NULL);

  self = g_object_new (HALLWAY_TYPE_ADD_CONFERENCE_DIALOG, NULL);
  self->library = g_object_ref (library);
  fill_catalogue (self);
  return self;
}
