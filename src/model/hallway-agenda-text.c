/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hallway-agenda-item.h"
#include "hallway-agenda-text.h"
#include "hallway-conference.h"
#include "hallway-talk.h"

/* My Agenda as text to paste into an e-mail or a chat, and the formatting the printed day
 * plan shares with it. */

/* Characters that change the meaning of Markdown inside a line (CommonMark lets any ASCII
 * punctuation be escaped with a backslash). */
#define MARKDOWN_SPECIALS "\\`*_[]<>~|#"

static GDateTime *
item_start (HallwayAgendaItem *item)
{
  return hallway_agenda_item_get_start (item);
}

static gboolean
same_date (GDateTime *a, GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

GPtrArray *
hallway_agenda_split_days (HallwayPlan *plan, GListModel *agenda)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) day_start = NULL;
  GListStore *day = NULL;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), days);
  g_return_val_if_fail (G_IS_LIST_MODEL (agenda), days);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr (HallwayAgendaItem) item = g_list_model_get_item (agenda, i);
      g_autoptr (GDateTime) start = hallway_plan_to_display_time (plan, item_start (item));

      if (day == NULL || !same_date (day_start, start))
        {
          /* Free time before the first pick of a day says nothing. */
          if (hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_GAP)
            continue;
          day = g_list_store_new (HALLWAY_TYPE_AGENDA_ITEM);
          g_ptr_array_add (days, day);
          g_clear_pointer (&day_start, g_date_time_unref);
          day_start = g_date_time_ref (start);
        }
      g_list_store_append (day, item);
    }
  return days;
}

char *
hallway_agenda_format_day (HallwayPlan *plan, GDateTime *time)
{
  g_autoptr (GDateTime) shown = hallway_plan_to_display_time (plan, time);
  /* Translators: a day header in My Agenda, strftime format: "Saturday 31 January" */
  char *text = g_date_time_format (shown, _("%A %-d %B"));

  return g_strstrip (text);
}

static char *
format_time (HallwayPlan *plan, GDateTime *time)
{
  g_autoptr (GDateTime) shown = hallway_plan_to_display_time (plan, time);

  return g_date_time_format (shown, "%H:%M");
}

char *
hallway_agenda_format_range (HallwayPlan *plan, GDateTime *start, GDateTime *end)
{
  g_autofree char *from = format_time (plan, start);
  g_autofree char *to = format_time (plan, end);

  return g_strdup_printf (_("%s–%s"), from, to);
}

char *
hallway_agenda_format_duration (GTimeSpan span)
{
  int minutes = (int) (span / G_TIME_SPAN_MINUTE);

  if (minutes < 60)
    /* Translators: a short duration: "45 min" */
    return g_strdup_printf (_("%d min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration of whole hours: "2 h" */
    return g_strdup_printf (_("%d h"), minutes / 60);
  /* Translators: a duration of hours and minutes: "1 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
}

/* A zone read from /etc/localtime may be named by a path, which tells a reader nothing. */
static gboolean
is_readable_zone_name (const char *name, const char *abbreviation)
{
  return name != NULL && name[0] != '\0' && name[0] != '/' && name[0] != ':' &&
         g_strcmp0 (name, abbreviation) != 0;
}

char *
hallway_agenda_format_time_zone (HallwayPlan *plan, GDateTime *time)
{
  g_autoptr (GDateTime) shown = hallway_plan_to_display_time (plan, time);
  const char *abbreviation = g_date_time_get_timezone_abbreviation (shown);
  const char *name = g_time_zone_get_identifier (g_date_time_get_timezone (shown));

  if (!is_readable_zone_name (name, abbreviation))
    return g_strdup (abbreviation);
  /* Translators: a time zone: its abbreviation, then its name: "CET (Europe/Brussels)" */
  return g_strdup_printf (_("%s (%s)"), abbreviation, name);
}

char *
hallway_agenda_format_heading (HallwayPlan *plan)
{
  HallwayConference *conference = hallway_plan_get_conference (plan);
  const char *name = hallway_conference_get_title (conference);

  if (name == NULL || name[0] == '\0')
    name = hallway_conference_get_acronym (conference);
  if (name == NULL || name[0] == '\0')
    return g_strdup (_("My Agenda"));
  /* Translators: the heading of an exported or printed agenda; %s is the conference */
  return g_strdup_printf (_("%s — My Agenda"), name);
}

/* Schedules put line breaks in titles; a pasted agenda keeps one line per talk. */
static char *
flatten (const char *text)
{
  char *flat = g_strdelimit (g_strdup (text != NULL ? text : ""), "\r\n\t", ' ');

  return g_strstrip (flat);
}

static void
append_text (GString *text, const char *plain, gboolean markdown)
{
  g_autofree char *flat = flatten (plain);

  for (const char *p = flat; markdown && *p != '\0'; p++)
    {
      if (strchr (MARKDOWN_SPECIALS, *p) != NULL)
        g_string_append_c (text, '\\');
      g_string_append_c (text, *p);
    }
  if (!markdown)
    g_string_append (text, flat);
}

static char *
dup_speakers (HallwayAgendaItem *item)
{
  HallwayTalk *talk = hallway_agenda_item_get_talk (item);

  return talk != NULL ? hallway_talk_dup_speakers (talk) : NULL;
}

static const char *
pick_marker (HallwayAgendaItem *item)
{
  if (hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_CANCELLED)
    /* Translators: after a talk in a pasted agenda: "(cancelled)" */
    return _("cancelled");
  if (hallway_agenda_item_get_backup (item))
    /* Translators: after a talk in a pasted agenda: "(backup pick)" */
    return _("backup pick");
  if (hallway_agenda_item_get_conflicting (item))
    /* Translators: after a talk in a pasted agenda: "(overlaps another pick)" */
    return _("overlaps another pick");
  return NULL;
}

static const char *
title_or_untitled (HallwayAgendaItem *item)
{
  const char *title = hallway_agenda_item_get_title (item);

  return title != NULL && title[0] != '\0' ? title : _("Untitled talk");
}

/* "13:30–13:55  Title — Room (Speakers) (marker)"; in Markdown the time is bold and a
 * cancelled title struck through. */
static void
append_pick (GString *text, HallwayPlan *plan, HallwayAgendaItem *item, gboolean markdown)
{
  g_autofree char *range = hallway_agenda_format_range (plan, item_start (item),
                                                        hallway_agenda_item_get_end (item));
  gboolean cancelled = hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_CANCELLED;
  const char *strike = markdown && cancelled ? "~~" : "";
  const char *room = hallway_agenda_item_get_room (item);
  g_autofree char *speakers = dup_speakers (item);
  const char *marker = pick_marker (item);

  g_string_append_printf (text, markdown ? "- **%s** %s" : "%s  %s", range, strike);
  append_text (text, title_or_untitled (item), markdown);
  g_string_append (text, strike);
  if (room != NULL && room[0] != '\0')
    {
      g_string_append (text, " — ");
      append_text (text, room, markdown);
    }
  if (speakers != NULL && speakers[0] != '\0')
    {
      g_string_append (text, " (");
      append_text (text, speakers, markdown);
      g_string_append (text, ")");
    }
  if (marker != NULL)
    g_string_append_printf (text, markdown ? " *(%s)*" : " (%s)", marker);
  g_string_append_c (text, '\n');
}

static void
append_gap (GString *text, HallwayAgendaItem *item, gboolean markdown)
{
  g_autofree char *duration = hallway_agenda_format_duration (
    g_date_time_difference (hallway_agenda_item_get_end (item), item_start (item)));
  /* Translators: free time between two talks in My Agenda; %s is a duration: "free 1 h 30 min" */
  g_autofree char *free_time = g_strdup_printf (_("free %s"), duration);

  g_string_append (text, markdown ? "- *… " : "  … ");
  append_text (text, free_time, markdown);
  g_string_append (text, markdown ? " …*\n" : " …\n");
}

static void
append_day (GString *text, HallwayPlan *plan, GListModel *day, gboolean markdown)
{
  g_autoptr (HallwayAgendaItem) first = g_list_model_get_item (day, 0);
  g_autofree char *heading = hallway_agenda_format_day (plan, item_start (first));

  g_string_append (text, markdown ? "\n## " : "\n");
  append_text (text, heading, markdown);
  g_string_append (text, markdown ? "\n\n" : "\n");
  for (guint i = 0; i < g_list_model_get_n_items (day); i++)
    {
      g_autoptr (HallwayAgendaItem) item = g_list_model_get_item (day, i);

      if (hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_GAP)
        append_gap (text, item, markdown);
      else
        append_pick (text, plan, item, markdown);
    }
}

/* The zone is named once, from the first pick: a conference rarely spans a DST change. */
static void
append_time_zone (GString *text, HallwayPlan *plan, GListModel *first_day, gboolean markdown)
{
  g_autoptr (HallwayAgendaItem) first = g_list_model_get_item (first_day, 0);
  g_autofree char *zone = hallway_agenda_format_time_zone (plan, item_start (first));
  /* Translators: under the heading of an exported agenda: "Times in CET (Europe/Brussels)" */
  g_autofree char *line = g_strdup_printf (_("Times in %s"), zone);

  if (markdown)
    g_string_append_c (text, '\n');
  append_text (text, line, markdown);
  g_string_append_c (text, '\n');
}

char *
hallway_agenda_text_format (HallwayPlan *plan, gboolean markdown)
{
  g_autoptr (GListModel) agenda = NULL;
  g_autoptr (GPtrArray) days = NULL;
  g_autofree char *heading = NULL;
  GString *text;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  agenda = hallway_agenda_build (plan, HALLWAY_AGENDA_MIN_GAP);
  days = hallway_agenda_split_days (plan, agenda);
  heading = hallway_agenda_format_heading (plan);
  text = g_string_new (markdown ? "# " : "");
  append_text (text, heading, markdown);
  g_string_append_c (text, '\n');
  if (days->len == 0)
    {
      g_string_append_c (text, '\n');
      append_text (text, _("No talks bookmarked yet."), markdown);
      g_string_append_c (text, '\n');
      return g_string_free (text, FALSE);
    }
  append_time_zone (text, plan, g_ptr_array_index (days, 0), markdown);
  for (guint i = 0; i < days->len; i++)
    append_day (text, plan, g_ptr_array_index (days, i), markdown);
  return g_string_free (text, FALSE);
}
