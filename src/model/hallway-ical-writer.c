/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-html-sanitizer.h"
#include "hallway-ical-export.h"
#include "hallway-ical-private.h"
#include "hallway-link.h"

/* Calendar files of talks, through libical: it folds lines at 75 octets without cutting a
 * UTF-8 sequence, ends them with CRLF and escapes TEXT values; the tests check all three.
 * Times are in the conference zone with a VTIMEZONE made from the system tzdata, or in UTC
 * when libical does not know the zone. The SEQUENCE store and the UIDs are
 * hallway-ical-export.c's. In the app this file is part of the iCalendar module
 * (hallway-ical-loader.c). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define PRODID "-//Hallway//Hallway " PACKAGE_VERSION "//EN"

/* One VEVENT to write: a talk of the schedule, or a cancelled bookmark's snapshot. The
 * fields are borrowed from the event or the bookmarks. */
typedef struct
{
  const char *key;
  HallwayTalk *event;   /* NULL when cancelled */
  const char *title;
  GDateTime *start;
  GDateTime *end;
  const char *room;
} ExportTalk;

static gboolean
export_talk_init (ExportTalk *talk, HallwayConference *conference, HallwayBookmarks *bookmarks,
                  const char *key)
{
  talk->key = key;
  talk->event = hallway_conference_lookup_talk (conference, key);
  if (talk->event != NULL)
    {
      talk->title = hallway_talk_get_title (talk->event);
      talk->start = hallway_talk_get_start (talk->event);
      talk->end = hallway_talk_get_end (talk->event);
      talk->room = hallway_talk_get_room_name (talk->event);
      return TRUE;
    }
  return bookmarks != NULL &&
         hallway_bookmarks_get_snapshot (bookmarks, key, &talk->title, &talk->start, &talk->end,
                                         &talk->room);
}

static int
compare_export_talks (gconstpointer a, gconstpointer b)
{
  const ExportTalk *first = a;
  const ExportTalk *second = b;
  int order = g_date_time_compare (first->start, second->start);

  return order != 0 ? order : strcmp (first->key, second->key);
}

/* In schedule order, each key once. */
static GArray *
collect_talks (HallwayConference *conference, const char * const *keys, HallwayBookmarks *bookmarks)
{
  GArray *talks = g_array_new (FALSE, TRUE, sizeof (ExportTalk));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      ExportTalk talk = { NULL, };

      if (!g_hash_table_add (seen, (gpointer) keys[i]))
        continue;
      if (export_talk_init (&talk, conference, bookmarks, keys[i]))
        g_array_append_val (talks, talk);
      else
        g_debug ("no talk and no bookmark for key %s: not exported", keys[i]);
    }
  g_array_sort (talks, compare_export_talks);
  return talks;
}

/* ---- time zone and times --------------------------------------------------------------- */

/* The conference zone as libical builds it from the system tzdata, its TZID reduced to the
 * IANA name (libical prefixes its own) so any calendar app recognises it; no VTIMEZONE
 * means times in UTC. */
typedef struct
{
  GTimeZone *zone;           /* the conference's; borrowed */
  const char *tzid;          /* NULL: UTC */
  icalcomponent *vtimezone;  /* owned */
} ExportZone;

static void
export_zone_clear (ExportZone *self)
{
  g_clear_pointer (&self->vtimezone, icalcomponent_free);
}

/* An IANA name, nothing libical could take for a path outside the zoneinfo folder. */
static gboolean
is_zone_name (const char *name)
{
  if (name == NULL || !g_ascii_isalpha (name[0]) || strstr (name, "..") != NULL)
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("/_+-", *c) == NULL)
      return FALSE;
  return TRUE;
}

static icalcomponent *
dup_vtimezone (const char *name)
{
  icaltimezone *builtin = icaltimezone_get_builtin_timezone (name);
  icalcomponent *component;
  icalcomponent *clone;
  icalproperty *tzid;

  if (builtin == NULL || builtin == icaltimezone_get_utc_timezone ())
    return NULL;
  component = icaltimezone_get_component (builtin);
  if (component == NULL)
    return NULL;
  clone = icalcomponent_new_clone (component);
  tzid = icalcomponent_get_first_property (clone, ICAL_TZID_PROPERTY);
  if (tzid == NULL)
    {
      icalcomponent_free (clone);
      return NULL;
    }
  icalproperty_set_tzid (tzid, name);
  return clone;
}

static void
export_zone_init (ExportZone *self, HallwayConference *conference)
{
  const char *name = hallway_conference_get_time_zone_name (conference);

  self->zone = hallway_conference_get_time_zone (conference);
  self->vtimezone = is_zone_name (name) ? dup_vtimezone (name) : NULL;
  self->tzid = self->vtimezone != NULL ? name : NULL;
  if (self->vtimezone == NULL)
    g_debug ("zone \"%s\" unknown to libical: times are exported in UTC", name ? name : "");
}

static struct icaltimetype
wall_clock (GDateTime *time)
{
  struct icaltimetype value = icaltime_null_time ();

  value.year = g_date_time_get_year (time);
  value.month = g_date_time_get_month (time);
  value.day = g_date_time_get_day_of_month (time);
  value.hour = g_date_time_get_hour (time);
  value.minute = g_date_time_get_minute (time);
  value.second = g_date_time_get_second (time);
  value.is_date = 0;
  return value;
}

static struct icaltimetype
utc_icaltime (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  struct icaltimetype value = wall_clock (utc);

  value.zone = icaltimezone_get_utc_timezone ();
  return value;
}

/* The zone's rules from the one in force at the first talk to the last talk's end, not its
 * whole history: tzdata's Europe/Brussels goes back to 1880 in 30 components. */
static void
truncate_to_talks (icalcomponent *vtimezone, GArray *talks)
{
  GDateTime *last_end = g_array_index (talks, ExportTalk, 0).end;

  for (guint i = 1; i < talks->len; i++)
    if (g_date_time_compare (g_array_index (talks, ExportTalk, i).end, last_end) > 0)
      last_end = g_array_index (talks, ExportTalk, i).end;
  icaltimezone_truncate_vtimezone (vtimezone,
                                   utc_icaltime (g_array_index (talks, ExportTalk, 0).start),
                                   utc_icaltime (last_end), FALSE);
}

static icalproperty *
utc_time_property (icalproperty_kind kind, GDateTime *time)
{
  icalproperty *property = icalproperty_new (kind);

  icalproperty_set_value (property, icalvalue_new_datetime (utc_icaltime (time)));
  return property;
}

/* DTSTART or DTEND: the wall-clock time in the conference zone with its TZID, or UTC. */
static icalproperty *
time_property (ExportZone *zone, icalproperty_kind kind, GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;
  icalproperty *property;

  if (zone->tzid == NULL)
    return utc_time_property (kind, time);
  local = g_date_time_to_timezone (time, zone->zone);
  property = icalproperty_new (kind);
  icalproperty_set_value (property, icalvalue_new_datetime (wall_clock (local)));
  icalproperty_add_parameter (property, icalparameter_new_tzid (zone->tzid));
  return property;
}

/* A TEXT property written under any name. libical leaves commas and semicolons unescaped in
 * CATEGORIES (it takes them for list separators: "Audio, Video & Graphics Creation" would
 * become two categories) and in X- values; as a TEXT value of an X- property they are
 * escaped, at the cost of an explicit VALUE=TEXT, which RFC 5545 allows on any property. */
static icalproperty *
new_text_property (const char *name, const char *text)
{
  icalproperty *property = icalproperty_new (ICAL_X_PROPERTY);

  icalproperty_set_x_name (property, name);
  icalproperty_set_value (property, icalvalue_new_text (text));
  return property;
}

/* ---- one VEVENT ------------------------------------------------------------------------ */

typedef struct
{
  HallwayConference *conference;
  HallwayExportSequences *sequences;
  ExportZone zone;
  int alarm_minutes;
  GDateTime *now;
} Exporter;

static void
exporter_clear (Exporter *self)
{
  export_zone_clear (&self->zone);
  g_clear_pointer (&self->now, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exporter, exporter_clear)

static void
append_block (GString *text, const char *block)
{
  if (block == NULL || *block == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, block);
}

static char *
links_block (HallwayTalk *event)
{
  GPtrArray *links = hallway_talk_get_links (event);
  const char *url = hallway_talk_get_url (event);
  g_autoptr (GString) text = g_string_new (NULL);

  if (url != NULL)
    g_string_append_printf (text, _("Talk page: %s"), url);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      HallwayLink *link = g_ptr_array_index (links, i);
      const char *label = hallway_link_get_label (link);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (label != NULL && *label != '\0')
        g_string_append_printf (text, "%s: %s", label, hallway_link_get_url (link));
      else
        g_string_append (text, hallway_link_get_url (link));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Plain text: the subtitle, the abstract (else the description) without markup, the
 * speakers and the links, in blocks separated by a blank line. */
static char *
event_description (HallwayTalk *event)
{
  const char *abstract = hallway_talk_get_abstract (event);
  g_autofree char *plain = NULL;
  g_autofree char *speakers = hallway_talk_dup_speakers (event);
  g_autofree char *speakers_line = NULL;
  g_autofree char *links = links_block (event);
  GString *text = g_string_new (NULL);

  if (abstract == NULL || *abstract == '\0')
    abstract = hallway_talk_get_description (event);
  plain = abstract != NULL ? hallway_html_to_plain_text (abstract) : NULL;
  if (speakers != NULL && *speakers != '\0')
    speakers_line = g_strdup_printf (_("Speakers: %s"), speakers);

  append_block (text, hallway_talk_get_subtitle (event));
  append_block (text, plain);
  append_block (text, speakers_line);
  append_block (text, links);
  return g_string_free (text, FALSE);
}

/* A value of only spaces and control characters reads back as no value at all, which
 * libical (and so GNOME Calendar and Evolution) reports as an error: such text is missing. */
static gboolean
has_text (const char *text)
{
  for (const char *c = text; c != NULL && *c != '\0'; c++)
    if ((guchar) *c > ' ' && *c != 0x7F)
      return TRUE;
  return FALSE;
}

/* "Room, Venue", either may be missing. */
static char *
location_text (HallwayConference *conference, const char *room)
{
  const char *venue = hallway_conference_get_venue (conference);
  gboolean has_room = has_text (room);
  gboolean has_venue = has_text (venue);

  if (has_room && has_venue)
    return g_strconcat (room, ", ", venue, NULL);
  return g_strdup (has_room ? room : has_venue ? venue : NULL);
}

static icalcomponent *
new_alarm (const char *title, int minutes)
{
  icalcomponent *alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  struct icaltriggertype trigger = { 0, };

  /* Minutes as they are (-PT90M, not -PT1H30M): what the user chose, readable. */
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = minutes > 0;
  trigger.duration.minutes = (unsigned int) minutes;
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (title));
  return alarm;
}

static void
add_text_property (icalcomponent *vevent, icalproperty *(*constructor) (const char *),
                   const char *text)
{
  if (has_text (text))
    icalcomponent_add_property (vevent, constructor (text));
}

/* A URI value is written as it is, not escaped like TEXT: a newline in a schedule's URL
 * would end the property and start whatever follows ("…\nEND:VEVENT\nBEGIN:VEVENT…").
 * Spaces, control characters and non-ASCII bytes are percent-encoded; a URL with nothing
 * else is left out. */
static void
add_url_property (icalcomponent *vevent, const char *url)
{
  g_autofree char *escaped = NULL;

  if (!has_text (url))
    return;
  escaped = g_uri_escape_string (url, "!#$%&'()*+,/:;=?@[]~", FALSE);
  icalcomponent_add_property (vevent, icalproperty_new_url (escaped));
}

/* What only a talk still in the schedule has: description, URL, track and the alarm. */
static void
add_talk_details (Exporter *self, icalcomponent *vevent, ExportTalk *talk, const char *title)
{
  g_autofree char *description = event_description (talk->event);
  const char *track = hallway_talk_get_track_name (talk->event);

  add_text_property (vevent, icalproperty_new_description, description);
  add_url_property (vevent, hallway_talk_get_url (talk->event));
  if (has_text (track))
    icalcomponent_add_property (vevent, new_text_property ("CATEGORIES", track));
  icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  if (self->alarm_minutes >= 0)
    icalcomponent_add_component (vevent, new_alarm (title, self->alarm_minutes));
}

static void
add_cancellation (icalcomponent *vevent)
{
  icalcomponent_add_property (vevent, icalproperty_new_description (
                                _("This talk was removed from the schedule.")));
  icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CANCELLED));
}

static guint
talk_sequence (Exporter *self, const char *uid, ExportTalk *talk)
{
  if (self->sequences == NULL)
    return 0;
  return hallway_export_sequences_take (self->sequences, uid, talk->start, talk->end, talk->room,
                                        talk->event == NULL);
}

static icalcomponent *
new_vevent (Exporter *self, ExportTalk *talk)
{
  icalcomponent *vevent = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = hallway_ical_export_dup_uid (self->conference, talk->key);
  g_autofree char *location = location_text (self->conference, talk->room);
  const char *title = has_text (talk->title) ? talk->title : _("Untitled talk");

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, utc_time_property (ICAL_DTSTAMP_PROPERTY, self->now));
  icalcomponent_add_property (vevent,
                              time_property (&self->zone, ICAL_DTSTART_PROPERTY, talk->start));
  icalcomponent_add_property (vevent,
                              time_property (&self->zone, ICAL_DTEND_PROPERTY, talk->end));
  icalcomponent_add_property (vevent, icalproperty_new_summary (title));
  add_text_property (vevent, icalproperty_new_location, location);
  icalcomponent_add_property (vevent, icalproperty_new_sequence (talk_sequence (self, uid, talk)));
  if (talk->event != NULL)
    add_talk_details (self, vevent, talk, title);
  else
    add_cancellation (vevent);
  return vevent;
}

/* ---- the calendar ---------------------------------------------------------------------- */

static icalcomponent *
new_calendar (HallwayConference *conference, const char *calendar_name)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  const char *name = calendar_name != NULL ? calendar_name
                                           : hallway_conference_get_title (conference);

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (has_text (name))
    icalcomponent_add_property (calendar, new_text_property ("X-WR-CALNAME", name));
  return calendar;
}

static char *
calendar_text (icalcomponent *calendar)
{
  char *text = icalcomponent_as_ical_string_r (calendar);
  char *copy = g_strdup (text);

  icalmemory_free_buffer (text);
  return copy;
}

char *
hallway_ical_export (HallwayConference      *conference,
                     const char * const     *keys,
                     HallwayBookmarks       *bookmarks,
                     HallwayExportSequences *sequences,
                     const char             *calendar_name,
                     int                     alarm_minutes,
                     GError                **error)
{
  g_auto (Exporter) exporter = { NULL, };
  g_autoptr (GArray) talks = NULL;
  g_autoptr (icalcomponent) calendar = NULL;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (bookmarks == NULL || HALLWAY_IS_BOOKMARKS (bookmarks), NULL);
  g_return_val_if_fail (sequences == NULL || HALLWAY_IS_EXPORT_SEQUENCES (sequences), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hallway_ical_make_errors_recoverable ();
  talks = collect_talks (conference, keys, bookmarks);
  if (talks->len == 0)
    {
      /* RFC 5545: a calendar holds at least one component. */
      g_set_error_literal (error, HALLWAY_ICAL_EXPORT_ERROR,
                           HALLWAY_ICAL_EXPORT_ERROR_NOTHING_TO_EXPORT,
                           _("There are no talks to export."));
      return NULL;
    }

  exporter.conference = conference;
  exporter.sequences = sequences;
  exporter.alarm_minutes = alarm_minutes;
  exporter.now = g_date_time_new_now_utc ();
  export_zone_init (&exporter.zone, conference);

  calendar = new_calendar (conference, calendar_name);
  if (exporter.zone.vtimezone != NULL)
    {
      truncate_to_talks (exporter.zone.vtimezone, talks);
      icalcomponent_add_component (calendar, g_steal_pointer (&exporter.zone.vtimezone));
    }
  for (guint i = 0; i < talks->len; i++)
    icalcomponent_add_component (calendar,
                                 new_vevent (&exporter, &g_array_index (talks, ExportTalk, i)));
  return calendar_text (calendar);
}
