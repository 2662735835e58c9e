/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hallway-agenda-export.h"
#include "hallway-agenda-exporter.h"
#include "hallway-agenda-printer.h"
#include "hallway-agenda-text.h"
#include "hallway-conference.h"
#include "hallway-ical-export.h"
#include "hallway-ical-import.h"
#include "hallway-settings.h"

struct _HallwayAgendaExporter
{
  GObject parent_instance;

  GtkWindow *window;   /* weak */
  HallwayLibraryEntry *entry;
  HallwayPlan *plan;   /* the entry's */
  GSettings *settings; /* the application's */
  char *pending_ics;   /* written once the person picked a file */
  HallwayExportSequences *pending_sequences;
};

G_DEFINE_FINAL_TYPE (HallwayAgendaExporter, hallway_agenda_exporter, G_TYPE_OBJECT)

enum { MESSAGE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
tell (HallwayAgendaExporter *self, const char *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

/* ---- calendar export ----------------------------------------------------------------- */

static void
sequences_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayAgendaExporter) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hallway_export_sequences_save_finish (HALLWAY_EXPORT_SEQUENCES (source), result, &error))
    tell (self, error->message);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayAgendaExporter) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayExportSequences) sequences = g_steal_pointer (&self->pending_sequences);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save %s: %s"), name, error->message);

      tell (self, message);
      return;
    }
  /* Only now do calendar apps have this SEQUENCE: remember it for the next export. */
  hallway_export_sequences_save_async (sequences, NULL, sequences_saved_cb, g_object_ref (self));
  {
    g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

    tell (self, message);
  }
}

static void
save_dialog_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayAgendaExporter) self = user_data;
  g_autoptr (GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *ics = g_steal_pointer (&self->pending_ics);
  gsize length;

  if (file == NULL || ics == NULL)
    {
      g_clear_object (&self->pending_sequences);
      return;
    }
  length = strlen (ics);
  g_file_replace_contents_bytes_async (file, g_bytes_new_take (g_steal_pointer (&ics), length),
                                       NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       written_cb, g_object_ref (self));
}

void
hallway_agenda_exporter_export_keys (HallwayAgendaExporter *self, const char * const *keys,
                                     const char *file_name)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GError) error = NULL;

  g_return_if_fail (HALLWAY_IS_AGENDA_EXPORTER (self));

  g_clear_object (&self->pending_sequences);
  self->pending_sequences = hallway_library_entry_load_export_sequences (self->entry);
  g_free (self->pending_ics);
  self->pending_ics =
    hallway_agenda_export_dup_talks_ics (self->plan, keys, self->pending_sequences,
                                         hallway_settings_get_alarm_minutes (self->settings),
                                         &error);
  if (self->pending_ics == NULL)
    {
      tell (self, error->message);
      return;
    }
  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export to Calendar"));
  gtk_file_dialog_set_initial_name (dialog, file_name);
  gtk_file_dialog_save (dialog, self->window, NULL, save_dialog_cb, g_object_ref (self));
}

void
hallway_agenda_exporter_export_agenda (HallwayAgendaExporter *self)
{
  g_auto (GStrv) keys = NULL;
  g_autofree char *name = NULL;
  HallwayConference *conference;

  g_return_if_fail (HALLWAY_IS_AGENDA_EXPORTER (self));

  conference = hallway_plan_get_conference (self->plan);
  keys =
    hallway_ical_export_dup_agenda_keys (conference, hallway_plan_get_bookmarks (self->plan), NULL);
  /* Translators: the suggested file name of an exported agenda: "FOSDEM 2026 agenda.ics" */
  name = g_strdup_printf (_("%s agenda.ics"), hallway_conference_get_title (conference));
  hallway_agenda_exporter_export_keys (self, (const char * const *) keys, name);
}

/* ---- calendar import ----------------------------------------------------------------- */

/* The summary lists the events not found itself (the first ten, then "… and N more"). */
static void
show_import_report (HallwayAgendaExporter *self, HallwayImportReport *report)
{
  g_autofree char *summary = hallway_import_report_dup_summary (report);
  AdwDialog *dialog = adw_alert_dialog_new (_("Bookmarks Imported"), summary);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self->window));
}

static void
import_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayAgendaExporter) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayImportReport) report = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) ||
      !hallway_ical_import_picks (contents, length, hallway_plan_get_conference (self->plan),
                                  hallway_plan_get_bookmarks (self->plan), &report, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not import %s: %s"), name, error->message);

      tell (self, message);
      return;
    }
  show_import_report (self, report);
}

static void
open_dialog_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayAgendaExporter) self = user_data;
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    g_file_load_contents_async (file, NULL, import_loaded_cb, g_object_ref (self));
}

/* Picks made elsewhere (the conference's website, another app, our own export) become
 * bookmarks; the report says which talks were not found. */
void
hallway_agenda_exporter_import (HallwayAgendaExporter *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();

  g_return_if_fail (HALLWAY_IS_AGENDA_EXPORTER (self));

  gtk_file_dialog_set_title (dialog, _("Import Bookmarks From a Calendar"));
  gtk_file_dialog_open (dialog, self->window, NULL, open_dialog_cb, g_object_ref (self));
}

/* ---- print and text ------------------------------------------------------------------ */

void
hallway_agenda_exporter_print (HallwayAgendaExporter *self)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (HALLWAY_IS_AGENDA_EXPORTER (self));

  operation = hallway_agenda_printer_new_operation (self->plan);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, self->window,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tell (self, error->message);
}

void
hallway_agenda_exporter_copy_text (HallwayAgendaExporter *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HALLWAY_IS_AGENDA_EXPORTER (self));

  /* Markdown reads as plain text too, and chat apps render it. */
  text = hallway_agenda_text_format (self->plan, TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self->window)), text);
  tell (self, _("Agenda copied"));
}

/* ---- life cycle ---------------------------------------------------------------------- */

static void
hallway_agenda_exporter_finalize (GObject *object)
{
  HallwayAgendaExporter *self = HALLWAY_AGENDA_EXPORTER (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->plan);
  g_clear_object (&self->entry);
  g_clear_object (&self->settings);
  g_clear_object (&self->pending_sequences);
  g_free (self->pending_ics);
  G_OBJECT_CLASS (hallway_agenda_exporter_parent_class)->finalize (object);
}

static void
hallway_agenda_exporter_class_init (HallwayAgendaExporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_agenda_exporter_finalize;
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hallway_agenda_exporter_init (HallwayAgendaExporter *self)
{
}

HallwayAgendaExporter *
hallway_agenda_exporter_new (GtkWindow           *window,
                             HallwayLibraryEntry *entry,
                             GSettings           *settings)
{
  HallwayAgendaExporter *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (HALLWAY_IS_LIBRARY_ENTRY (entry), NULL);
  g_return_val_if_fail (HALLWAY_IS_PLAN (hallway_library_entry_get_plan (entry)), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HALLWAY_TYPE_AGENDA_EXPORTER, NULL);
  g_set_weak_pointer (&self->window, window);
  self->entry = g_object_ref (entry);
  self->plan = g_object_ref (hallway_library_entry_get_plan (entry));
  self->settings = g_object_ref (settings);
  return self;
}
