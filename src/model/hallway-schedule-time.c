/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-time"

#include <stdlib.h>

#include "hallway-schedule-time.h"

static gboolean
parse_number (const char **cursor, guint max_digits, guint *value)
{
  guint digits = 0;

  *value = 0;
  while (g_ascii_isdigit (**cursor) && digits < max_digits)
    {
      *value = *value * 10 + (guint) (**cursor - '0');
      (*cursor)++;
      digits++;
    }
  return digits > 0;
}

/* Schedules write durations as "HH:MM", "H:MM", "HH:MM:SS", and some as "D:HH:MM". */
gboolean
hallway_parse_duration (const char *text, GTimeSpan *duration)
{
  guint parts[4];
  guint n_parts = 0;
  const char *cursor = text;
  GTimeSpan seconds;

  g_return_val_if_fail (duration != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*cursor))
    cursor++;
  do
    {
      if (n_parts == G_N_ELEMENTS (parts) || !parse_number (&cursor, 4, &parts[n_parts++]))
        return FALSE;
    }
  while (*cursor == ':' && *++cursor != '\0');
  while (g_ascii_isspace (*cursor))
    cursor++;
  if (*cursor != '\0' || n_parts < 2)
    return FALSE;

  switch (n_parts)
    {
    case 2: seconds = parts[0] * 3600 + parts[1] * 60; break;
    case 3: seconds = parts[0] * 3600 + parts[1] * 60 + parts[2]; break;
    default: seconds = parts[0] * 86400 + parts[1] * 3600 + parts[2] * 60 + parts[3]; break;
    }
  *duration = seconds * G_TIME_SPAN_SECOND;
  return TRUE;
}

/* The talk's own ISO 8601 date with its offset wins ("2026-01-31T13:30:00+01:00").
 * Otherwise the day's date plus "HH:MM" in the conference zone, which honours DST.
 * A bare ISO date-time without offset is also read in the conference zone. */
GDateTime *
hallway_parse_start (const char *iso_date_time, const char *day_date,
                     const char *start_time, GTimeZone *zone)
{
  const char *cursor;
  guint year, month, day, hour, minute;

  if (iso_date_time != NULL && *iso_date_time != '\0')
    {
      GDateTime *parsed = g_date_time_new_from_iso8601 (iso_date_time, zone);

      if (parsed != NULL)
        return parsed;
    }

  if (day_date == NULL || start_time == NULL)
    return NULL;

  cursor = day_date;
  if (!parse_number (&cursor, 4, &year) || *cursor++ != '-' ||
      !parse_number (&cursor, 2, &month) || *cursor++ != '-' ||
      !parse_number (&cursor, 2, &day))
    return NULL;

  cursor = start_time;
  while (g_ascii_isspace (*cursor))
    cursor++;
  if (!parse_number (&cursor, 2, &hour) || *cursor++ != ':' || !parse_number (&cursor, 2, &minute))
    return NULL;
  if (hour > 23 || minute > 59)
    return NULL;

  return g_date_time_new (zone, (int) year, (int) month, (int) day, (int) hour, (int) minute, 0);
}
