/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_ICAL_EXPORT_ERROR (hallway_ical_export_error_quark ())

typedef enum
{
  HALLWAY_ICAL_EXPORT_ERROR_NOTHING_TO_EXPORT, /* no key names a talk or a bookmark */
  HALLWAY_ICAL_EXPORT_ERROR_NEWER_VERSION,     /* sequences file of a newer Hallway: kept as is */
  HALLWAY_ICAL_EXPORT_ERROR_CORRUPT,           /* sequences file unreadable: starts over */
} HallwayIcalExportError;

/* For alarm_minutes: no VALARM. */
#define HALLWAY_ICAL_EXPORT_NO_ALARM (-1)

GQuark hallway_ical_export_error_quark (void);

/* What was last exported under each UID (SEQUENCE, start, end, room, cancelled), so that a
 * later export raises SEQUENCE exactly for the talks that moved or were cancelled since,
 * and calendar apps update their copy instead of adding a second one. One versioned JSON
 * file per conference, written atomically. */
#define HALLWAY_TYPE_EXPORT_SEQUENCES (hallway_export_sequences_get_type ())
G_DECLARE_FINAL_TYPE (HallwayExportSequences, hallway_export_sequences, HALLWAY, EXPORT_SEQUENCES,
                      GObject)

HallwayExportSequences *hallway_export_sequences_new          (GFile                  *file);
/* A missing file is an empty store. On error the store is empty, except when only some
 * entries were damaged (the others are kept, the file as it was copied aside); a newer
 * file is never overwritten, a damaged one is moved aside first. */
gboolean                hallway_export_sequences_load         (HallwayExportSequences *self,
                                                               GError                **error);
gboolean                hallway_export_sequences_save         (HallwayExportSequences *self,
                                                               GCancellable           *cancellable,
                                                               GError                **error);
void                    hallway_export_sequences_save_async   (HallwayExportSequences *self,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean                hallway_export_sequences_save_finish  (HallwayExportSequences *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);
/* The SEQUENCE last exported under uid; -1 when it never was. */
int                     hallway_export_sequences_get_sequence (HallwayExportSequences *self,
                                                               const char             *uid);

/* "<key>@<acronym>.hallway"; a key or acronym that is not printable ASCII without spaces,
 * commas, semicolons or backslashes is written as "hex.<hex of its UTF-8>". */
char  *hallway_ical_export_dup_uid         (HallwayConference      *conference,
                                            const char             *key);
/* The identity key inside one of our UIDs (of any conference); NULL for other UIDs. */
char  *hallway_ical_export_dup_key_for_uid (const char             *uid);

/* My Agenda: the bookmarked keys in schedule order, cancelled talks included; only those
 * of one day when day is not NULL. */
GStrv  hallway_ical_export_dup_agenda_keys (HallwayConference      *conference,
                                            HallwayBookmarks       *bookmarks,
                                            HallwayDay             *day);
/* The keys of a GListModel of HallwayTalk: a track, a room, a search. */
GStrv  hallway_ical_export_dup_talk_keys  (GListModel             *events);

/* An iCalendar (RFC 5545) text of the talks with these keys, one VEVENT each: a single
 * talk is a one-key array. A key the conference no longer has is exported from the
 * bookmarks' snapshot with STATUS:CANCELLED; keys neither knows are skipped.
 * bookmarks, sequences and calendar_name (X-WR-CALNAME, else the conference title) may
 * be NULL; without sequences every SEQUENCE is 0. alarm_minutes >= 0 adds a VALARM that
 * long before each talk that is not cancelled. The sequences store is updated in memory:
 * save it after the file is written. */
char  *hallway_ical_export                 (HallwayConference      *conference,
                                            const char * const     *keys,
                                            HallwayBookmarks       *bookmarks,
                                            HallwayExportSequences *sequences,
                                            const char             *calendar_name,
                                            int                     alarm_minutes,
                                            GError                **error);

G_END_DECLS
