/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-dump"

#include "hallway-conference.h"
#include "hallway-dump.h"
#include "hallway-talk.h"
#include "hallway-person.h"

/* The JSON of `hallway --dump`: what scripts and the tests compare against the files.
 *
 * Written straight into one string, the way json-glib's pretty generator lays it out (two
 * spaces a level, `"name" : value`), byte for byte: building a JsonNode tree for a big
 * conference and printing it afterwards cost more than reading the schedule (issue 13).
 * test-dump checks the bytes against json-glib's. */

static void
append_indent (GString *out, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* As json-glib escapes: the two-letter escapes it knows, \u00xx for the other controls
 * and DEL, everything else (UTF-8 included) as it is. */
static void
append_escaped (GString *out, const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *named = NULL;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': named = "\\\""; break;
        case '\\': named = "\\\\"; break;
        case '\b': named = "\\b"; break;
        case '\f': named = "\\f"; break;
        case '\n': named = "\\n"; break;
        case '\r': named = "\\r"; break;
        case '\t': named = "\\t"; break;
        default: break;
        }
      if (named != NULL)
        g_string_append (out, named);
      else
        {
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* One `"name" : value` line; `last` leaves out the comma. */
static void
append_member (GString *out, guint level, const char *name, const char *value, gboolean last)
{
  append_indent (out, level);
  append_escaped (out, name);
  g_string_append (out, " : ");
  if (value != NULL)
    append_escaped (out, value);
  else
    g_string_append (out, "null");
  g_string_append (out, last ? "\n" : ",\n");
}

/* ISO 8601 with the offset, as g_date_time_format ("%Y-%m-%dT%H:%M:%S%:z") writes it,
 * without parsing a format for each of thousands of times. */
static void
append_time (GString *out, guint level, const char *name, GDateTime *time)
{
  g_autofree char *iso = NULL;
  GTimeSpan offset_us = g_date_time_get_utc_offset (time);
  gint64 offset = offset_us / G_TIME_SPAN_MINUTE;
  int year = g_date_time_get_year (time);

  if (year < 1000 || offset_us % G_TIME_SPAN_MINUTE != 0)
    iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
  else
    iso = g_strdup_printf ("%d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year,
                           g_date_time_get_month (time), g_date_time_get_day_of_month (time),
                           g_date_time_get_hour (time), g_date_time_get_minute (time),
                           g_date_time_get_second (time), offset < 0 ? '-' : '+',
                           (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
  append_member (out, level, name, iso, FALSE);
}

static void
append_persons (GString *out, guint level, GPtrArray *persons)
{
  append_indent (out, level);
  g_string_append (out, "\"persons\" : [");
  if (persons->len == 0)
    {
      g_string_append (out, "]\n");
      return;
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < persons->len; i++)
    {
      append_indent (out, level + 1);
      append_escaped (out, hallway_person_get_name (g_ptr_array_index (persons, i)));
      g_string_append (out, i + 1 < persons->len ? ",\n" : "\n");
    }
  append_indent (out, level);
  g_string_append (out, "]\n");
}

static void
append_talk (GString *out, HallwayTalk *talk, gboolean last)
{
  append_indent (out, 2);
  g_string_append (out, "{\n");
  append_member (out, 3, "key", hallway_talk_get_key (talk), FALSE);
  append_member (out, 3, "id", hallway_talk_get_id (talk), FALSE);
  append_member (out, 3, "guid", hallway_talk_get_guid (talk), FALSE);
  append_member (out, 3, "title", hallway_talk_get_title (talk), FALSE);
  append_time (out, 3, "start", hallway_talk_get_start (talk));
  append_time (out, 3, "end", hallway_talk_get_end (talk));
  append_member (out, 3, "room", hallway_talk_get_room_name (talk), FALSE);
  append_member (out, 3, "track", hallway_talk_get_track_name (talk), FALSE);
  append_member (out, 3, "type", hallway_talk_get_talk_type (talk), FALSE);
  append_member (out, 3, "language", hallway_talk_get_language (talk), FALSE);
  append_persons (out, 3, hallway_talk_get_persons (talk));
  append_indent (out, 2);
  g_string_append (out, last ? "}\n" : "},\n");
}

char *
hallway_dump_conference (HallwayConference *conference)
{
  GListModel *talks = G_LIST_MODEL (conference);
  guint n_talks = g_list_model_get_n_items (talks);
  GString *out = g_string_sized_new (1024 + n_talks * 640);

  g_string_append (out, "{\n  \"conference\" : {\n");
  append_member (out, 2, "title", hallway_conference_get_title (conference), FALSE);
  append_member (out, 2, "acronym", hallway_conference_get_acronym (conference), FALSE);
  append_member (out, 2, "time_zone", hallway_conference_get_time_zone_name (conference), FALSE);
  append_member (out, 2, "format", hallway_conference_get_format (conference), TRUE);
  g_string_append (out, "  },\n  \"events\" : [");
  if (n_talks > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      append_talk (out, talk, i + 1 == n_talks);
    }
  g_string_append (out, n_talks > 0 ? "  ]\n}" : "]\n}");
  return g_string_free (out, FALSE);
}
