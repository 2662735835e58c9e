/* SPDX-License-Identifier: EUPL-1.2 */
/* Scaling benchmark: generated inputs at 1×, 2× and 4× a size, hostile (what made a library
 * quadratic) and plain (many talks), each read through hallway_schedule_read_bytes().
 * Prints the median times and their ratios to the 1× run: about 2 and 4 is linear, 4 and
 * 16 quadratic. Asserts nothing; the hostile-input tests check the outcomes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-schedule-reader.h"

#define RUNS 5

typedef GBytes *(*MakeInput) (guint scale);

static GBytes *
xml_attribute_flood (guint scale)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><schedule");

  for (guint i = 0; i < scale * 100000; i++)
    g_string_append_printf (xml, " a%u=\"\"", i);
  g_string_append (xml, "><conference><title>Flood</title></conference></schedule>");
  return g_string_free_to_bytes (xml);
}

static GBytes *
ical_long_line (guint scale, gboolean folded)
{
  GString *ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@b\r\n"
                               "DTSTART:20270206T100000Z\r\nSUMMARY:Long\r\nDESCRIPTION:");

  for (gsize i = 0; i < scale * 1024 * 1024; i++)
    {
      if (folded && i > 0 && i % 74 == 0)
        g_string_append (ics, "\r\n ");
      g_string_append_c (ics, 'x');
    }
  g_string_append (ics, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  return g_string_free_to_bytes (ics);
}

static GBytes *
ical_unfolded_line (guint scale)
{
  return ical_long_line (scale, FALSE);
}

static GBytes *
ical_folded_line (guint scale)
{
  return ical_long_line (scale, TRUE);
}

static GBytes *
json_deep_nesting (guint scale)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < scale * 1000000; i++)
    g_string_append_c (json, '[');
  return g_string_free_to_bytes (json);
}

static GBytes *
xml_many_talks (guint scale)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><schedule><conference><title>Big"
                               "</title><time_zone_name>Europe/Brussels</time_zone_name>"
                               "</conference><day index=\"1\" date=\"2027-02-06\">"
                               "<room name=\"K.1.105\">");

  for (guint i = 0; i < scale * 2000; i++)
    g_string_append_printf (xml, "<event id=\"%u\" guid=\"guid-%u\"><start>%02u:%02u</start>"
                            "<duration>00:05</duration><room>K.1.105</room>"
                            "<title>Talk %u</title><track>Track %u</track><abstract>"
                            "&lt;p&gt;An abstract of talk %u.&lt;/p&gt;</abstract>"
                            "<persons><person id=\"%u\">Speaker %u</person></persons></event>",
                            i, i, (i / 12) % 24, (i % 12) * 5, i, i % 20, i, i, i);
  g_string_append (xml, "</room></day></schedule>");
  return g_string_free_to_bytes (xml);
}

static GBytes *
ical_many_talks (guint scale)
{
  GString *ics =
    g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hallway//Bench//EN\r\n");

  for (guint i = 0; i < scale * 2000; i++)
    g_string_append_printf (ics, "BEGIN:VEVENT\r\nUID:%u@bench\r\nDTSTART:20270206T%02u%02u00Z\r\n"
                            "DURATION:PT5M\r\nSUMMARY:Talk %u\r\nLOCATION:K.1.105\r\n"
                            "DESCRIPTION:An abstract of talk %u.\r\nEND:VEVENT\r\n",
                            i, (i / 12) % 24, (i % 12) * 5, i, i);
  g_string_append (ics, "END:VCALENDAR\r\n");
  return g_string_free_to_bytes (ics);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Milliseconds, the median of RUNS reads. */
static double
median_read_ms (GBytes *bytes)
{
  double times[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HallwayConference) conference = NULL;
      gint64 start = g_get_monotonic_time ();

      conference = hallway_schedule_read_bytes (bytes, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  return times[RUNS / 2];
}

static void
bench (const char *name, MakeInput make)
{
  double at_1x = 0;

  printf ("%-22s", name);
  for (guint scale = 1; scale <= 4; scale *= 2)
    {
      g_autoptr (GBytes) input = make (scale);
      double ms = median_read_ms (input);

      if (scale == 1)
        at_1x = ms;
      printf ("  %u×: %8.2f ms (%5.1f MiB)", scale, ms,
              g_bytes_get_size (input) / (1024.0 * 1024.0));
      if (scale > 1)
        printf (" ratio %.1f", at_1x > 0 ? ms / at_1x : 0.0);
    }
  printf ("\n");
}

int
main (int argc, char *argv[])
{
  printf ("Reading generated inputs at 1×, 2×, 4× (median of %d runs); linear ≈ ratios 2 and 4\n",
          RUNS);
  bench ("xml-attribute-flood", xml_attribute_flood);
  bench ("ical-unfolded-line", ical_unfolded_line);
  bench ("ical-folded-line", ical_folded_line);
  bench ("json-deep-nesting", json_deep_nesting);
  bench ("xml-many-events", xml_many_talks);
  bench ("ical-many-events", ical_many_talks);
  return 0;
}
