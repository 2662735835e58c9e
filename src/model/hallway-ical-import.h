/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-types.h"

G_BEGIN_DECLS

/* How a VEVENT of the imported calendar was matched to a talk, most certain first. */
typedef enum
{
  HALLWAY_IMPORT_MATCH_UID,            /* ours, FOSDEM Companion, fosdem.org, pretalx, a guid */
  HALLWAY_IMPORT_MATCH_URL,            /* the talk's page */
  HALLWAY_IMPORT_MATCH_TIME_AND_TITLE, /* same start, same title (maybe "Title - Speakers") */
  HALLWAY_IMPORT_N_MATCHES,
} HallwayImportMatch;

#define HALLWAY_TYPE_IMPORT_REPORT (hallway_import_report_get_type ())
G_DECLARE_FINAL_TYPE (HallwayImportReport, hallway_import_report, HALLWAY, IMPORT_REPORT, GObject)

/* VEVENTs in the file */
guint        hallway_import_report_get_n_talks        (HallwayImportReport *self);
/* VEVENTs that matched a talk */
guint        hallway_import_report_get_n_matched       (HallwayImportReport *self);
guint        hallway_import_report_get_n_matched_by    (HallwayImportReport *self,
                                                        HallwayImportMatch   match);
/* talks that were not bookmarked before */
guint        hallway_import_report_get_n_added         (HallwayImportReport *self);
/* VEVENTs that matched no talk, in the calendar's time order */
guint        hallway_import_report_get_n_unmatched     (HallwayImportReport *self);
const char  *hallway_import_report_get_unmatched_title (HallwayImportReport *self,
                                                        guint                position);
GDateTime   *hallway_import_report_get_unmatched_start (HallwayImportReport *self,
                                                        guint                position);
/* A few sentences for the user: how many matched, how many were new, which did not
 * match (title and start in the conference zone). */
char        *hallway_import_report_dup_summary         (HallwayImportReport *self);

/* Reads an iCalendar file and bookmarks the talks of the conference it lists: our own
 * exports, FOSDEM Companion's (UID "<event id>@<year>@be.digitalia.fosdem"), fosdem.org's
 * ("<event id>@FOSDEM26@fosdem.org"), pretalx's ("pretalx-<event>-<code>@<host>"), frab's
 * ("<guid>@<host>"), and any calendar whose events have the talks' URLs or their start
 * and title. Fails only when the data is not a readable calendar; report may be NULL.
 * Does not save the bookmarks. */
gboolean     hallway_ical_import_picks                 (const char           *ics_data,
                                                        gsize                 length,
                                                        HallwayConference    *conference,
                                                        HallwayBookmarks     *bookmarks,
                                                        HallwayImportReport **report,
                                                        GError              **error);

G_END_DECLS
