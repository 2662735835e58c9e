/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-library-entry.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_AGENDA_EXPORTER (hallway_agenda_exporter_get_type ())
G_DECLARE_FINAL_TYPE (HallwayAgendaExporter, hallway_agenda_exporter, HALLWAY, AGENDA_EXPORTER,
                      GObject)

/* What leaves the app or comes into it for one conference whose plan is known: calendar
 * files (export with stable UIDs and the entry's SEQUENCE store, import of picks), the
 * printed day plan and the agenda as text. The settings (the application's) give the
 * calendar alarms. Results and errors are told through "message" (a sentence for a
 * toast). */
HallwayAgendaExporter *hallway_agenda_exporter_new           (GtkWindow             *window,
                                                              HallwayLibraryEntry   *entry,
                                                              GSettings             *settings);
void                   hallway_agenda_exporter_export_keys   (HallwayAgendaExporter *self,
                                                              const char * const    *keys,
                                                              const char            *file_name);
void                   hallway_agenda_exporter_export_agenda (HallwayAgendaExporter *self);
void                   hallway_agenda_exporter_import        (HallwayAgendaExporter *self);
void                   hallway_agenda_exporter_print         (HallwayAgendaExporter *self);
void                   hallway_agenda_exporter_copy_text     (HallwayAgendaExporter *self);

G_END_DECLS
