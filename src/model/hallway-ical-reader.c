/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-html-sanitizer.h"
#include "hallway-ical-private.h"
#include "hallway-schedule-reader-private.h"

/* iCalendar exports of conference schedules, through libical. Real exports are sloppy: TZIDs
 * without their VTIMEZONE, repeated UIDs, unfolded lines, HTML in DESCRIPTION, speakers in
 * CN parameters or in a "Speaker: …" line. Times keep the zone the file gives them, except
 * UTC and floating times, which are shown in the conference zone. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* A TZID, resolved once: a zone GLib knows by that name, else the calendar's VTIMEZONE of
 * that name; with neither, the conference zone stands in. */
typedef struct
{
  GTimeZone *zone;
  icaltimezone *vtimezone;    /* borrowed from the calendar */
} ResolvedZone;

typedef struct
{
  HallwayConference *conference;
  icalcomponent *calendar;
  GTimeZone *zone;            /* the conference's; borrowed */
  GHashTable *zones;          /* TZID → ResolvedZone */
  guint n_positions;          /* events with a GEO */
  gboolean positions_differ;
  struct icalgeotype position;  /* the first event's GEO */
} IcalReader;

static void
resolved_zone_free (gpointer data)
{
  ResolvedZone *resolved = data;

  g_clear_pointer (&resolved->zone, g_time_zone_unref);
  g_free (resolved);
}

static void
ical_reader_clear (IcalReader *self)
{
  g_clear_pointer (&self->zones, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcalReader, ical_reader_clear)

void
hallway_ical_make_errors_recoverable (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&initialized, 1);
    }
}

/* ---- text ----------------------------------------------------------------------------- */

/* Valid UTF-8 (libical passes bytes through), stripped; NULL when empty. */
static char *
dup_text (const char *text)
{
  char *valid;

  if (text == NULL)
    return NULL;
  valid = g_strstrip (g_utf8_make_valid (text, -1));
  if (*valid == '\0')
    g_clear_pointer (&valid, g_free);
  return valid;
}

/* The value of a property as text, whatever value type the file declared.
 *
 * icalvalue_kind is libical's: its list of kinds differs between libical 3 and 4 and grows
 * with new RFCs, so listing every kind would break the build on another libical. The
 * `default` is right here, and only here -Wswitch-enum is off. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wswitch-enum"
static const char *
value_text (icalproperty *property)
{
  icalvalue *value = property != NULL ? icalproperty_get_value (property) : NULL;

  if (value == NULL)
    return NULL;
  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE: return icalvalue_get_text (value);
    case ICAL_URI_VALUE: return icalvalue_get_uri (value);
    case ICAL_CALADDRESS_VALUE: return icalvalue_get_caladdress (value);
    case ICAL_X_VALUE: return icalvalue_get_x (value);
    default: return NULL;
    }
}
#pragma GCC diagnostic pop

static char *
property_text (icalcomponent *component, icalproperty_kind kind)
{
  return dup_text (value_text (icalcomponent_get_first_property (component, kind)));
}

/* X- properties keep their iCalendar escapes in libical. */
static char *
x_property_text (icalcomponent *component, const char *name)
{
  icalproperty *property;

  for (property = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    {
      g_autoptr (GString) text = NULL;
      const char *raw;

      if (g_ascii_strcasecmp (icalproperty_get_x_name (property), name) != 0)
        continue;
      raw = value_text (property);
      if (raw == NULL)
        continue;
      text = g_string_new (raw);
      g_string_replace (text, "\\n", " ", 0);
      g_string_replace (text, "\\N", " ", 0);
      g_string_replace (text, "\\,", ",", 0);
      g_string_replace (text, "\\;", ";", 0);
      g_string_replace (text, "\\\\", "\\", 0);
      return dup_text (text->str);
    }
  return NULL;
}

/* An absolute http(s) URL, or NULL: a calendar cannot hand the browser a javascript: link. */
static char *
web_url (char *url)
{
  const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

  if (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0)
    return url;
  g_free (url);
  return NULL;
}

/* ---- DESCRIPTION to HTML -------------------------------------------------------------- */

static const char * const block_tags[] = {
  "p", "br", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
  "blockquote", "table", "hr", NULL
};
static const char * const inline_tags[] = {
  "a", "b", "i", "u", "s", "em", "strong", "code", "span", "sub", "sup", "small", NULL
};

/* Whether text holds one of these tags: "<name>", "<name …>", "</name>" or "<name/>". */
static gboolean
has_tag (const char *text, const char * const *names)
{
  for (const char *open = strchr (text, '<'); open != NULL; open = strchr (open + 1, '<'))
    {
      const char *name = open[1] == '/' ? open + 2 : open + 1;

      for (guint i = 0; names[i] != NULL; i++)
        {
          gsize length = strlen (names[i]);

          /* name[length] only once the name matched: "<" may end the text. */
          if (g_ascii_strncasecmp (name, names[i], length) == 0 && name[length] != '\0' &&
              strchr (" \t\n/>", name[length]) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_url_tail_punctuation (char c)
{
  return c != '\0' && strchr (".,;:!?'\")", c) != NULL;
}

/* Escaped text, with its http(s) URLs made links. */
static void
append_linked_text (GString *html, const char *text, gsize length)
{
  const char *cursor = text;
  const char *text_end = text + length;

  while (cursor < text_end)
    {
      const char *start = g_strstr_len (cursor, text_end - cursor, "http");
      const char *end;
      g_autofree char *escaped = NULL;

      while (start != NULL && !g_str_has_prefix (start, "http://") &&
             !g_str_has_prefix (start, "https://"))
        start = g_strstr_len (start + 4, text_end - start - 4, "http");
      if (start == NULL)
        start = text_end;
      escaped = g_markup_escape_text (cursor, start - cursor);
      g_string_append (html, escaped);
      if (start == text_end)
        break;

      for (end = start; end < text_end && !g_ascii_isspace (*end) && !strchr ("<>\"", *end); end++)
        ;
      while (end > start && is_url_tail_punctuation (end[-1]))
        end--;
      g_clear_pointer (&escaped, g_free);
      escaped = g_markup_escape_text (start, end - start);
      g_string_append_printf (html, "<a href=\"%s\">%s</a>", escaped, escaped);
      cursor = end;
    }
}

/* Blank lines separate paragraphs; other line breaks stay. Plain text is escaped and its
 * URLs linked; text with inline tags keeps them, for the sanitizer to judge. */
static char *
text_to_paragraphs (const char *text, gboolean escape)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *html = g_string_new (NULL);
  gboolean in_paragraph = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);

      if (*line == '\0')
        {
          if (in_paragraph)
            g_string_append (html, "</p>\n");
          in_paragraph = FALSE;
          continue;
        }
      g_string_append (html, in_paragraph ? "<br>\n" : "<p>");
      in_paragraph = TRUE;
      if (escape)
        append_linked_text (html, line, strlen (line));
      else
        g_string_append (html, line);
    }
  if (in_paragraph)
    g_string_append (html, "</p>");
  return g_string_free (html, FALSE);
}

/* DESCRIPTION is plain text by the standard, but exports put HTML in it (lca2020 whole
 * paragraphs, kielux2020 a stray <i>). */
static char *
description_to_html (const char *text)
{
  g_autoptr (GString) clean = NULL;
  g_autofree char *paragraphs = NULL;

  if (text == NULL)
    return NULL;
  clean = g_string_new (text);
  g_string_replace (clean, "\r\n", "\n", 0);
  g_string_replace (clean, "\r", "\n", 0);
  /* Python's str(None), as some generators write for "no description". */
  if (clean->len == 0 || strcmp (clean->str, "None") == 0)
    return NULL;

  /* The sanitizer sees it all when the abstract is first read. */
  if (has_tag (clean->str, block_tags))
    return g_strdup (clean->str);
  if (!has_tag (clean->str, inline_tags))
    return text_to_paragraphs (clean->str, TRUE);
  paragraphs = text_to_paragraphs (clean->str, FALSE);
  return g_steal_pointer (&paragraphs);
}

/* ---- speakers ------------------------------------------------------------------------- */

static void
add_person (IcalReader *self, HallwayTalk *event, const char *name)
{
  g_autofree char *clean = dup_text (name);
  HallwayPerson *person = hallway_conference_ensure_person (self->conference, NULL, clean);

  if (person != NULL && !g_ptr_array_find (event->persons, person, NULL))
    g_ptr_array_add (event->persons, g_object_ref (person));
}

/* ATTENDEE;CN=… and ORGANIZER;CN=…; an ORGANIZER may also be a bare name, not an address. */
static void
read_attendees (IcalReader *self, icalcomponent *component, icalproperty_kind kind,
                HallwayTalk *event)
{
  icalproperty *property;

  for (property = icalcomponent_get_first_property (component, kind);
       property != NULL;
       property = icalcomponent_get_next_property (component, kind))
    {
      icalparameter *cn = icalproperty_get_first_parameter (property, ICAL_CN_PARAMETER);
      const char *address = value_text (property);

      if (cn != NULL && icalparameter_get_cn (cn) != NULL)
        add_person (self, event, icalparameter_get_cn (cn));
      else if (kind == ICAL_ORGANIZER_PROPERTY && address != NULL &&
               strchr (address, ':') == NULL && strchr (address, '@') == NULL)
        add_person (self, event, address);
    }
}

/* "Speaker: Ada Lovelace" (linux.conf.au) or "von: Jürgen Groß" (Kieler Linux-Tage) on the
 * first line of the description: adds the speakers and returns where the rest begins. */
static const char *
read_speaker_line (IcalReader *self, HallwayTalk *event, const char *description)
{
  static const char * const labels[] = {
    "speaker:", "speakers:", "presenter:", "presenters:", "by:", "von:", NULL
  };
  const char *newline = strchr (description, '\n');
  gsize line_length = newline != NULL ? (gsize) (newline - description) : strlen (description);

  if (line_length > 200)
    return description;
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize label_length = strlen (labels[i]);
      g_autofree char *names = NULL;
      g_auto (GStrv) split = NULL;

      if (g_ascii_strncasecmp (description, labels[i], label_length) != 0)
        continue;
      names = g_strndup (description + label_length, line_length - label_length);
      split = g_regex_split_simple ("\\s*(?:,|&|\\band\\b|\\bund\\b)\\s*", names,
                                    G_REGEX_CASELESS, 0);
      for (guint n = 0; split[n] != NULL; n++)
        add_person (self, event, split[n]);
      return newline != NULL ? newline + 1 : description + line_length;
    }
  return description;
}

/* ---- time zones and times ------------------------------------------------------------- */

/* "UTC+01:00", "GMT-5", "+0100": east of Greenwich is positive. GLib would take
 * "UTC+01:00" for a POSIX TZ string, where the sign means the opposite. */
static GTimeZone *
zone_from_offset (const char *text)
{
  const char *cursor = text;
  int sign, hours, minutes = 0;

  if (g_ascii_strncasecmp (cursor, "UTC", 3) == 0 || g_ascii_strncasecmp (cursor, "GMT", 3) == 0)
    cursor += 3;
  if (*cursor == '\0')
    return cursor != text ? g_time_zone_new_utc () : NULL;
  if (*cursor != '+' && *cursor != '-')
    return NULL;
  sign = *cursor++ == '-' ? -1 : 1;
  if (!g_ascii_isdigit (*cursor))
    return NULL;
  hours = *cursor++ - '0';
  if (g_ascii_isdigit (*cursor))
    hours = hours * 10 + (*cursor++ - '0');
  if (*cursor == ':')
    cursor++;
  if (g_ascii_isdigit (cursor[0]) && g_ascii_isdigit (cursor[1]))
    {
      minutes = (cursor[0] - '0') * 10 + (cursor[1] - '0');
      cursor += 2;
    }
  if (*cursor != '\0' || hours > 14 || minutes > 59)
    return NULL;
  return g_time_zone_new_offset (sign * (hours * 3600 + minutes * 60));
}

/* IANA names, also behind the prefixes some producers add
 * ("/freeassociation.sourceforge.net/Europe/Berlin"), and UTC offsets. */
static GTimeZone *
zone_from_identifier (const char *tzid)
{
  g_autofree char *name = tzid != NULL ? g_strstrip (g_strdup (tzid)) : NULL;
  GTimeZone *zone;

  /* GLib reads "/…", ":…" and "../…" as paths to zone files. */
  if (name == NULL || *name == '\0' || name[0] == ':' || strstr (name, "..") != NULL)
    return NULL;
  if ((zone = zone_from_offset (name)) != NULL)
    return zone;
  if (name[0] != '/')
    return g_time_zone_new_identifier (name);
  for (const char *slash = strchr (name, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    if (slash[1] != '\0' && (zone = g_time_zone_new_identifier (slash + 1)) != NULL)
      return zone;
  return NULL;
}

static ResolvedZone *
resolve_tzid (IcalReader *self, const char *tzid)
{
  ResolvedZone *resolved = g_hash_table_lookup (self->zones, tzid);

  if (resolved == NULL)
    {
      resolved = g_new0 (ResolvedZone, 1);
      resolved->zone = zone_from_identifier (tzid);
      if (resolved->zone == NULL)
        resolved->vtimezone = icalcomponent_get_timezone (self->calendar, tzid);
      if (resolved->zone == NULL && resolved->vtimezone == NULL)
        g_debug ("TZID \"%s\" is undefined: its times are read in the conference zone", tzid);
      g_hash_table_insert (self->zones, g_strdup (tzid), resolved);
    }
  return resolved;
}

static const char *
property_tzid (icalproperty *property)
{
  icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  return parameter != NULL ? icalparameter_get_tzid (parameter) : NULL;
}

/* DTSTART, DTEND: date-time or date values; a null time for anything else. */
static struct icaltimetype
property_time (icalproperty *property)
{
  icalvalue *value = property != NULL ? icalproperty_get_value (property) : NULL;

  if (value != NULL && icalvalue_isa (value) == ICAL_DATETIME_VALUE)
    return icalvalue_get_datetime (value);
  if (value != NULL && icalvalue_isa (value) == ICAL_DATE_VALUE)
    return icalvalue_get_date (value);
  return icaltime_null_time ();
}

static GDateTime *
wall_clock_in (GTimeZone *zone, struct icaltimetype time)
{
  if (time.is_date)
    return g_date_time_new (zone, time.year, time.month, time.day, 0, 0, 0);
  return g_date_time_new (zone, time.year, time.month, time.day, time.hour, time.minute,
                          time.second);
}

/* A time in a VTIMEZONE GLib has no name for: the instant through libical, shown at the
 * offset that zone has then. */
static GDateTime *
vtimezone_time (icaltimezone *vtimezone, struct icaltimetype time)
{
  int is_daylight = 0;
  int offset = icaltimezone_get_utc_offset (vtimezone, &time, &is_daylight);
  g_autoptr (GDateTime) utc =
    g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (time, vtimezone));
  g_autoptr (GTimeZone) fixed = g_time_zone_new_offset (offset);

  return utc != NULL ? g_date_time_to_timezone (utc, fixed) : NULL;
}

/* Dates (all day) and floating times are in the conference zone, UTC times are shown in it;
 * a TZID nothing defines also falls back to it: never silently to UTC. */
static GDateTime *
property_date_time (IcalReader *self, icalproperty *property)
{
  struct icaltimetype time = property_time (property);
  g_autoptr (GDateTime) utc = NULL;
  const char *tzid;
  ResolvedZone *resolved;

  if (icaltime_is_null_time (time))
    return NULL;
  if (time.is_date)
    return wall_clock_in (self->zone, time);
  if (icaltime_is_utc (time))
    {
      utc =
        g_date_time_new_utc (time.year, time.month, time.day, time.hour, time.minute, time.second);
      return utc != NULL ? g_date_time_to_timezone (utc, self->zone) : NULL;
    }
  tzid = property_tzid (property);
  if (tzid == NULL)
    return wall_clock_in (self->zone, time);
  resolved = resolve_tzid (self, tzid);
  if (resolved->zone != NULL)
    return wall_clock_in (resolved->zone, time);
  if (resolved->vtimezone != NULL)
    return vtimezone_time (resolved->vtimezone, time);
  return wall_clock_in (self->zone, time);
}

/* DTEND, else DTSTART plus DURATION, else a day for an all-day event and no time for the
 * rest. An end before the start is taken as no duration. */
static GDateTime *
event_end (IcalReader *self, icalcomponent *component, GDateTime *start)
{
  icalproperty *dtend = icalcomponent_get_first_property (component, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (component, ICAL_DURATION_PROPERTY);
  icalproperty *dtstart = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  icalvalue *duration_value = duration != NULL ? icalproperty_get_value (duration) : NULL;
  g_autoptr (GDateTime) end = NULL;

  if (dtend != NULL)
    end = property_date_time (self, dtend);
  else if (duration_value != NULL && icalvalue_isa (duration_value) == ICAL_DURATION_VALUE)
    end =
      g_date_time_add_seconds (start,
                               icaldurationtype_as_int (icalvalue_get_duration (duration_value)));
  else if (property_time (dtstart).is_date)
    end = g_date_time_add_days (start, 1);

  if (end == NULL || g_date_time_compare (end, start) < 0)
    return g_date_time_ref (start);
  return g_steal_pointer (&end);
}

/* ---- the conference ------------------------------------------------------------------- */

/* "-//linux.conf.au/schedule//EN" → "linux.conf.au": who made the calendar. */
static char *
name_from_prodid (const char *prodid)
{
  g_auto (GStrv) fields = prodid != NULL ? g_strsplit (prodid, "//", 3) : NULL;

  char *slash;

  if (fields == NULL || fields[0] == NULL || fields[1] == NULL)
    return NULL;
  slash = strchr (fields[1], '/');
  if (slash != NULL)
    *slash = '\0';
  return dup_text (fields[1]);
}

static char *
calendar_title (icalcomponent *calendar)
{
  g_autofree char *prodid = property_text (calendar, ICAL_PRODID_PROPERTY);
  char *title = x_property_text (calendar, "X-WR-CALNAME");

  if (title == NULL)
    {
      /* A short description is a name (linux.conf.au: "linux.conf.au 2020"). */
      title = x_property_text (calendar, "X-WR-CALDESC");
      if (title != NULL && g_utf8_strlen (title, -1) > 80)
        g_clear_pointer (&title, g_free);
    }
  if (title == NULL)
    title = name_from_prodid (prodid);
  return title != NULL ? title : g_strdup (_("Calendar"));
}

/* IANA zones by name; fixed offsets as "+01:00", which GLib reads back. */
static gboolean
set_conference_zone (IcalReader *self, GTimeZone *zone)
{
  const char *identifier = g_time_zone_get_identifier (zone);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *offset = NULL;
  gint64 minutes;

  if (identifier[0] != '+' && identifier[0] != '-')
    return hallway_conference_set_time_zone_name (self->conference, identifier);
  now = g_date_time_new_now (zone);
  minutes = g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE;
  offset = g_strdup_printf ("%c%02d:%02d", minutes < 0 ? '-' : '+',
                            (int) (ABS (minutes) / 60), (int) (ABS (minutes) % 60));
  return hallway_conference_set_time_zone_name (self->conference, offset);
}

/* The TZID most events start in; NULL when none has one. */
static char *
most_used_tzid (icalcomponent *calendar)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;
  icalcomponent *event;

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      const char *tzid = dtstart != NULL ? property_tzid (dtstart) : NULL;
      guint count;

      if (tzid == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tzid)) + 1;
      g_hash_table_insert (counts, (char *) tzid, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = tzid;
          best_count = count;
        }
    }
  return g_strdup (best);
}

/* "VTIMEZONE: Europe/Rome" written as a property line (moca2024): libical drops it, but it
 * is the only place that file names its zone. */
static char *
stray_vtimezone_line (const char *data, gsize length)
{
  const char *line = g_strstr_len (data, length, "\nVTIMEZONE:");
  const char *end;

  if (line == NULL)
    return NULL;
  line += strlen ("\nVTIMEZONE:");
  for (end = line; end < data + length && *end != '\r' && *end != '\n'; end++)
    ;
  return g_strstrip (g_strndup (line, end - line));
}

/* The zone a TZID names; for a VTIMEZONE GLib has no name for, its offset at the first
 * event's start. */
static GTimeZone *
candidate_zone (IcalReader *self, const char *tzid)
{
  ResolvedZone *resolved = resolve_tzid (self, tzid);
  icalcomponent *first = icalcomponent_get_first_component (self->calendar, ICAL_VEVENT_COMPONENT);
  struct icaltimetype start;
  int is_daylight = 0;

  if (resolved->zone != NULL)
    return g_time_zone_ref (resolved->zone);
  if (resolved->vtimezone == NULL)
    return NULL;
  start = property_time (icalcomponent_get_first_property (first, ICAL_DTSTART_PROPERTY));
  return g_time_zone_new_offset (
    icaltimezone_get_utc_offset (resolved->vtimezone, &start, &is_daylight));
}

/* X-WR-TIMEZONE, else the calendar's VTIMEZONE, else the zone most events use: in that
 * order, the first one that names a zone. */
static void
choose_time_zone (IcalReader *self, const char *data, gsize length)
{
  icalcomponent *vtimezone = icalcomponent_get_first_component (self->calendar,
                                                                ICAL_VTIMEZONE_COMPONENT);
  icalproperty *tzid = NULL;
  char *candidates[4];

  if (vtimezone != NULL)
    tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

  candidates[0] = x_property_text (self->calendar, "X-WR-TIMEZONE");
  candidates[1] = tzid != NULL ? g_strdup (icalproperty_get_tzid (tzid)) : NULL;
  candidates[2] = most_used_tzid (self->calendar);
  candidates[3] = vtimezone == NULL ? stray_vtimezone_line (data, length) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr (GTimeZone) zone =
        candidates[i] != NULL ? candidate_zone (self, candidates[i]) : NULL;

      if (zone != NULL && set_conference_zone (self, zone))
        break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    g_free (candidates[i]);
  self->zone = hallway_conference_get_time_zone (self->conference);
}

static char *
event_label (HallwayTalk *event, guint position)
{
  if (event->guid != NULL)
    return g_strdup_printf (_("event %s"), event->guid);
  if (event->title != NULL)
    return g_strdup_printf (_("event \"%s\""), event->title);
  return g_strdup_printf (_("event number %u"), position + 1);
}

static void
read_description (IcalReader *self, icalcomponent *component, HallwayTalk *event)
{
  g_autofree char *description = property_text (component, ICAL_DESCRIPTION_PROPERTY);

  if (description != NULL)
    {
      g_autofree char *html = description_to_html (read_speaker_line (self, event, description));

      hallway_rich_text_set (&event->abstract, html, HALLWAY_TEXT_HTML);
    }
}

static void
read_place_and_track (IcalReader *self, icalcomponent *component, HallwayTalk *event)
{
  g_autofree char *location = property_text (component, ICAL_LOCATION_PROPERTY);
  g_autofree char *categories = property_text (component, ICAL_CATEGORIES_PROPERTY);
  char *comma = categories != NULL ? strchr (categories, ',') : NULL;
  HallwayRoom *room = hallway_conference_ensure_room (self->conference, location);
  HallwayTrack *track;

  /* CATEGORIES is a list; the first category is the track. */
  if (comma != NULL)
    {
      *comma = '\0';
      g_strchomp (categories);
    }
  track = hallway_conference_ensure_track (self->conference, categories);
  if (room != NULL)
    event->room = g_object_ref (room);
  if (track != NULL)
    event->track = g_object_ref (track);
}

/* Events that all sit at one GEO (MOCA 2024 gives every event the camp's) place the venue;
 * events at several places place nothing. */
static void
read_position (IcalReader *self, icalcomponent *component)
{
  icalproperty *property = icalcomponent_get_first_property (component, ICAL_GEO_PROPERTY);
  struct icalgeotype geo;

  if (property == NULL)
    return;
  geo = icalproperty_get_geo (property);
  if (self->n_positions++ == 0)
    self->position = geo;
  else if (geo.lat != self->position.lat || geo.lon != self->position.lon)
    self->positions_differ = TRUE;
}

static gboolean
read_event (IcalReader *self, icalcomponent *component, guint position, GError **error)
{
  g_autoptr (HallwayTalk) event = hallway_talk_new ();
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;

  event->guid = property_text (component, ICAL_UID_PROPERTY);
  event->title = property_text (component, ICAL_SUMMARY_PROPERTY);
  event->url = web_url (property_text (component, ICAL_URL_PROPERTY));
  /* An event inside an event is usually a lost END:VEVENT: refuse rather than drop it. */
  if (icalcomponent_count_components (component, ICAL_VEVENT_COMPONENT) > 0)
    {
      g_autofree char *label = event_label (event, position);

      g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                   _("iCalendar: %s contains another event (is an END:VEVENT line missing?)"),
                     label);
      return FALSE;
    }
  start =
    property_date_time (self, icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY));
  if (start == NULL)
    {
      g_autofree char *label = event_label (event, position);

      g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                   _("iCalendar: %s has no valid start time (DTSTART)"), label);
      return FALSE;
    }
  end = event_end (self, component, start);
  hallway_talk_set_times (event, start, end);
  if (event->title == NULL)
    event->title = g_strdup (_("Untitled event"));

  read_place_and_track (self, component, event);
  read_attendees (self, component, ICAL_ATTENDEE_PROPERTY, event);
  read_attendees (self, component, ICAL_ORGANIZER_PROPERTY, event);
  read_description (self, component, event);
  hallway_conference_add_talk (self->conference, g_steal_pointer (&event));
  return TRUE;
}

/* libical reads what it can of a truncated file; a schedule cut short must not pass. */
static gboolean
ends_with_end_vcalendar (const char *data, gsize length)
{
  static const char end_line[] = "END:VCALENDAR";

  while (length > 0 && g_ascii_isspace (data[length - 1]))
    length--;
  return length >= strlen (end_line) &&
         g_ascii_strncasecmp (data + length - strlen (end_line), end_line, strlen (end_line)) == 0;
}

static icalcomponent *
find_calendar (icalcomponent *root)
{
  if (root == NULL || icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    return root;
  return icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
}

static gboolean
read_events (IcalReader *self, GError **error)
{
  icalcomponent *component;
  guint position = 0;

  for (component = icalcomponent_get_first_component (self->calendar, ICAL_VEVENT_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (self->calendar, ICAL_VEVENT_COMPONENT))
    {
      if (!read_event (self, component, position++, error))
        return FALSE;
      read_position (self, component);
    }
  if (self->n_positions > 0 && !self->positions_differ)
    hallway_conference_set_position (self->conference, self->position.lat, self->position.lon);
  return TRUE;
}

/* libical grows its line buffer by appending to it and re-reading what it holds: one 4 MiB
 * line, whether written out or folded into many, costs it seconds, 30 MiB minutes. No real
 * property comes near this limit, so a longer line (continuations included) is refused
 * before libical sees it. */
#define MAX_LOGICAL_LINE (256 * 1024)

static gboolean
check_line_lengths (const char *data, gsize length, GError **error)
{
  const char *end = data + length;
  const char *p = data;
  gsize logical = 0;
  long line = 1;
  long logical_start = 1;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;
      gboolean continuation = line_end > p && (*p == ' ' || *p == '\t');

      if (!continuation)
        {
          logical = 0;
          logical_start = line;
        }
      logical += line_end - p;
      if (logical > MAX_LOGICAL_LINE)
        {
          g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                       _("iCalendar, line %ld: the line is longer than %d KiB"), logical_start,
                       MAX_LOGICAL_LINE / 1024);
          return FALSE;
        }
      line++;
      p = line_end + 1;
    }
  return TRUE;
}

HallwayConference *
hallway_read_icalendar (const char *data, gsize length, GError **error)
{
  g_autoptr (HallwayConference) conference = NULL;
  g_autoptr (icalcomponent) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_auto (IcalReader) reader = { NULL };

  hallway_ical_make_errors_recoverable ();
  if (!ends_with_end_vcalendar (data, length))
    {
      g_set_error_literal (
        error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
        _("iCalendar: the file is cut short (it does not end with END:VCALENDAR)"));
      return NULL;
    }
  if (!check_line_lengths (data, length, error))
    return NULL;

  /* libical reads NUL-terminated text. */
  text = g_strndup (data, length);
  icalerror_clear_errno ();
  root = icalparser_parse_string (text);
  reader.calendar = find_calendar (root);
  if (reader.calendar == NULL && icalerrno != ICAL_NO_ERROR)
    {
      g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                   _("iCalendar: the calendar could not be read (%s)"),
                     icalerror_strerror (icalerrno));
      return NULL;
    }
  if (reader.calendar == NULL)
    {
      g_set_error_literal (
        error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
        _("iCalendar: the calendar could not be read (a BEGIN or END line is missing)"));
      return NULL;
    }
  if (icalcomponent_count_components (reader.calendar, ICAL_VEVENT_COMPONENT) == 0)
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
                           _("iCalendar, but not a schedule: the calendar has no events"));
      return NULL;
    }

  conference = hallway_conference_new ();
  reader.conference = conference;
  reader.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, resolved_zone_free);
  title = calendar_title (reader.calendar);
  hallway_conference_set_title (conference, title);
  choose_time_zone (&reader, data, length);
  if (!read_events (&reader, error))
    return NULL;
  hallway_conference_set_format (conference, "icalendar");
  hallway_conference_finish (conference);
  return g_steal_pointer (&conference);
}
