/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-ical-export.h"
#include "hallway-ical-import.h"
#include "hallway-schedule-reader-private.h"

/* Picks from a calendar file: each VEVENT is matched to a talk of the conference by its
 * UID when the UID says which talk it is, else by the talk's URL, else by start time and
 * title. The file is read by the schedule reader for iCalendar, which copes with the
 * sloppy TZIDs and folding of real exports. */

/* Unmatched events listed by name in the summary; the rest are counted. */
#define SUMMARY_MAX_LISTED 10

/* ---- the report ------------------------------------------------------------------------ */

typedef struct
{
  char *title;
  GDateTime *start;
} Miss;

struct _HallwayImportReport
{
  GObject parent_instance;

  char *conference_title;
  GTimeZone *zone;            /* the conference's, for the summary */
  guint n_events;
  guint n_matched_by[HALLWAY_IMPORT_N_MATCHES];
  guint n_added;
  GPtrArray *unmatched;       /* Miss */
};

G_DEFINE_FINAL_TYPE (HallwayImportReport, hallway_import_report, G_TYPE_OBJECT)

static void
miss_free (gpointer data)
{
  Miss *miss = data;

  g_free (miss->title);
  g_clear_pointer (&miss->start, g_date_time_unref);
  g_free (miss);
}

static void
hallway_import_report_finalize (GObject *object)
{
  HallwayImportReport *self = HALLWAY_IMPORT_REPORT (object);

  g_free (self->conference_title);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->unmatched, g_ptr_array_unref);
  G_OBJECT_CLASS (hallway_import_report_parent_class)->finalize (object);
}

static void
hallway_import_report_class_init (HallwayImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_import_report_finalize;
}

static void
hallway_import_report_init (HallwayImportReport *self)
{
  self->unmatched = g_ptr_array_new_with_free_func (miss_free);
}

static HallwayImportReport *
import_report_new (HallwayConference *conference)
{
  HallwayImportReport *self = g_object_new (HALLWAY_TYPE_IMPORT_REPORT, NULL);

  self->conference_title = g_strdup (hallway_conference_get_title (conference));
  self->zone = g_time_zone_ref (hallway_conference_get_time_zone (conference));
  return self;
}

static void
import_report_add_miss (HallwayImportReport *self, HallwayTalk *event)
{
  Miss *miss = g_new0 (Miss, 1);

  miss->title = g_strdup (hallway_talk_get_title (event));
  miss->start = g_date_time_ref (hallway_talk_get_start (event));
  g_ptr_array_add (self->unmatched, miss);
}

guint
hallway_import_report_get_n_talks (HallwayImportReport *self)
{
  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), 0);
  return self->n_events;
}

guint
hallway_import_report_get_n_matched (HallwayImportReport *self)
{
  guint total = 0;

  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), 0);

  for (guint i = 0; i < HALLWAY_IMPORT_N_MATCHES; i++)
    total += self->n_matched_by[i];
  return total;
}

guint
hallway_import_report_get_n_matched_by (HallwayImportReport *self, HallwayImportMatch match)
{
  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), 0);
  g_return_val_if_fail (match < HALLWAY_IMPORT_N_MATCHES, 0);
  return self->n_matched_by[match];
}

guint
hallway_import_report_get_n_added (HallwayImportReport *self)
{
  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), 0);
  return self->n_added;
}

guint
hallway_import_report_get_n_unmatched (HallwayImportReport *self)
{
  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), 0);
  return self->unmatched->len;
}

const char *
hallway_import_report_get_unmatched_title (HallwayImportReport *self, guint position)
{
  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (position < self->unmatched->len, NULL);
  return ((Miss *) g_ptr_array_index (self->unmatched, position))->title;
}

GDateTime *
hallway_import_report_get_unmatched_start (HallwayImportReport *self, guint position)
{
  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (position < self->unmatched->len, NULL);
  return ((Miss *) g_ptr_array_index (self->unmatched, position))->start;
}

static void
append_miss (HallwayImportReport *self, GString *text, Miss *miss)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (miss->start, self->zone);
  /* Translators: the start of a talk in a list of talks that were not found;
   * see g_date_time_format() */
  g_autofree char *when = g_date_time_format (local, _("%a %-d %b, %H:%M"));

  g_string_append_c (text, '\n');
  /* Translators: one talk in a list: its title, then its start */
  g_string_append_printf (text, _("• “%s” (%s)"), miss->title, when);
}

static void
append_misses (HallwayImportReport *self, GString *text)
{
  guint listed = MIN (self->unmatched->len, SUMMARY_MAX_LISTED);
  guint rest = self->unmatched->len - listed;

  if (self->unmatched->len == 0)
    return;
  g_string_append_c (text, '\n');
  g_string_append (text, g_dngettext (GETTEXT_PACKAGE,
                                      "This event was not found in the schedule:",
                                      "These events were not found in the schedule:",
                                      self->unmatched->len));
  for (guint i = 0; i < listed; i++)
    append_miss (self, text, g_ptr_array_index (self->unmatched, i));
  if (rest > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more.",
                                                 "… and %u more.", rest), rest);
    }
}

char *
hallway_import_report_dup_summary (HallwayImportReport *self)
{
  GString *text = g_string_new (NULL);
  guint matched;

  g_return_val_if_fail (HALLWAY_IS_IMPORT_REPORT (self), NULL);

  matched = hallway_import_report_get_n_matched (self);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u of %u event matched a talk of %s.",
                                             "%u of %u events matched talks of %s.",
                                             self->n_events),
                          matched, self->n_events, self->conference_title);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u talk was newly bookmarked.",
                                             "%u talks were newly bookmarked.", self->n_added),
                          self->n_added);
  append_misses (self, text);
  return g_string_free (text, FALSE);
}

/* ---- the talks, indexed ---------------------------------------------------------------- */

typedef struct
{
  HallwayConference *conference;
  GHashTable *by_guid;    /* lower-case guid → HallwayTalk, borrowed */
  GHashTable *by_id;      /* event id → HallwayTalk */
  GHashTable *by_code;    /* upper-case pretalx code → HallwayTalk */
  GHashTable *by_url;     /* url_identity () → HallwayTalk */
  GHashTable *by_start;   /* Unix time as text → GPtrArray of HallwayTalk */
  char *year;             /* "2026", from the acronym or the first day; may be NULL */
} TalkIndex;

static void
talk_index_clear (TalkIndex *self)
{
  g_clear_pointer (&self->by_guid, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->by_url, g_hash_table_unref);
  g_clear_pointer (&self->by_start, g_hash_table_unref);
  g_clear_pointer (&self->year, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TalkIndex, talk_index_clear)

/* "https://www.Example.org/talk/1/" and "http://example.org/talk/1" are the same page. */
static char *
url_identity (const char *url)
{
  g_autofree char *lower = g_ascii_strdown (url, -1);
  char *rest = lower;
  gsize length;

  if (g_str_has_prefix (rest, "https://"))
    rest += strlen ("https://");
  else if (g_str_has_prefix (rest, "http://"))
    rest += strlen ("http://");
  if (g_str_has_prefix (rest, "www."))
    rest += strlen ("www.");
  length = strlen (rest);
  while (length > 0 && rest[length - 1] == '/')
    rest[--length] = '\0';
  return length > 0 ? g_strdup (rest) : NULL;
}

static char *
start_identity (GDateTime *start)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (start));
}

/* The first talk keeps a value that repeats (a talk given twice has one id). */
static void
index_value (GHashTable *table, char *value, HallwayTalk *event)
{
  if (value == NULL || *value == '\0' || g_hash_table_contains (table, value))
    g_free (value);
  else
    g_hash_table_insert (table, value, event);
}

static void
index_start (TalkIndex *self, HallwayTalk *event)
{
  char *start = start_identity (hallway_talk_get_start (event));
  GPtrArray *events = g_hash_table_lookup (self->by_start, start);

  if (events == NULL)
    {
      events = g_ptr_array_new ();
      g_hash_table_insert (self->by_start, start, events);
    }
  else
    g_free (start);
  g_ptr_array_add (events, event);
}

static void
index_event (TalkIndex *self, HallwayTalk *event)
{
  const char *guid = hallway_talk_get_guid (event);
  const char *code = hallway_talk_get_code (event);
  const char *url = hallway_talk_get_url (event);

  index_value (self->by_guid, guid != NULL ? g_ascii_strdown (guid, -1) : NULL, event);
  index_value (self->by_id, g_strdup (hallway_talk_get_id (event)), event);
  index_value (self->by_code, code != NULL ? g_ascii_strup (code, -1) : NULL, event);
  index_value (self->by_url, url != NULL ? url_identity (url) : NULL, event);
  index_start (self, event);
}

/* The first run of four digits in the acronym ("fosdem-2026"), else the first day's year. */
static char *
conference_year (HallwayConference *conference)
{
  const char *acronym = hallway_conference_get_acronym (conference);
  GListModel *days = hallway_conference_get_days (conference);
  g_autoptr (HallwayDay) first_day = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GRegex) four_digits = g_regex_new ("(?<![0-9])[12][0-9]{3}(?![0-9])", 0, 0, NULL);

  if (acronym != NULL && g_regex_match (four_digits, acronym, 0, &match))
    return g_match_info_fetch (match, 0);
  if (g_list_model_get_n_items (days) == 0)
    return NULL;
  first_day = g_list_model_get_item (days, 0);
  return g_date_time_format (hallway_day_get_date (first_day), "%Y");
}

static void
talk_index_init (TalkIndex *self, HallwayConference *conference)
{
  GListModel *events = G_LIST_MODEL (conference);

  self->conference = conference;
  self->by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_start = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->year = conference_year (conference);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (events, i);

      index_event (self, event);
    }
}

/* ---- matching by UID ------------------------------------------------------------------- */

/* Whether "FOSDEM26", "2026" or "fosdem" can name this conference: its digits, if any,
 * are the conference's year in four or two digits. */
static gboolean
tag_fits_conference (TalkIndex *self, const char *tag)
{
  g_autoptr (GString) digits = g_string_new (NULL);

  for (const char *c = tag; *c != '\0'; c++)
    if (g_ascii_isdigit (*c))
      g_string_append_c (digits, *c);
  if (digits->len == 0 || self->year == NULL)
    return TRUE;
  return strcmp (digits->str, self->year) == 0 ||
         (strlen (self->year) == 4 && strcmp (digits->str, self->year + 2) == 0);
}

/* "pretalx-<event slug>-<CODE>[-<n>]@<host>": the slug may hold dashes, the code does not. */
static HallwayTalk *
match_pretalx_uid (TalkIndex *self, const char *uid)
{
  const char *at = strrchr (uid, '@');
  g_autofree char *local = g_strndup (uid, at != NULL ? (gsize) (at - uid) : strlen (uid));
  g_auto (GStrv) parts = g_strsplit (local + strlen ("pretalx-"), "-", -1);
  guint n_parts = g_strv_length (parts);
  HallwayTalk *event = NULL;

  for (guint i = n_parts; i > 0 && i + 2 > n_parts && event == NULL; i--)
    {
      g_autofree char *code = g_ascii_strup (parts[i - 1], -1);

      event = g_hash_table_lookup (self->by_code, code);
    }
  return event;
}

/* "<event id>@<conference tag>@<host>": FOSDEM Companion ("9371@2026@be.digitalia.fosdem")
 * and fosdem.org ("9371@FOSDEM26@fosdem.org"). Ids repeat across years: the tag decides. */
static HallwayTalk *
match_id_tag_host_uid (TalkIndex *self, const char *uid)
{
  g_auto (GStrv) parts = g_strsplit (uid, "@", -1);

  if (g_strv_length (parts) != 3 || *parts[0] == '\0' || !tag_fits_conference (self, parts[1]))
    return NULL;
  return g_hash_table_lookup (self->by_id, parts[0]);
}

/* frab's "<guid>@frab.cccv.de", or a bare guid. */
static HallwayTalk *
match_guid_uid (TalkIndex *self, const char *uid)
{
  g_autofree char *lower = g_ascii_strdown (uid, -1);
  char *at = strrchr (lower, '@');
  HallwayTalk *event = g_hash_table_lookup (self->by_guid, lower);

  if (event == NULL && at != NULL)
    {
      *at = '\0';
      event = g_hash_table_lookup (self->by_guid, lower);
    }
  return event;
}

static HallwayTalk *
match_uid (TalkIndex *self, const char *uid)
{
  g_autofree char *key = NULL;
  HallwayTalk *event;

  if (uid == NULL)
    return NULL;
  key = hallway_ical_export_dup_key_for_uid (uid);
  if (key != NULL)
    return hallway_conference_lookup_talk (self->conference, key);
  if (g_str_has_prefix (uid, "pretalx-") && (event = match_pretalx_uid (self, uid)) != NULL)
    return event;
  if ((event = match_id_tag_host_uid (self, uid)) != NULL)
    return event;
  return match_guid_uid (self, uid);
}

/* ---- matching by URL, by start and title ----------------------------------------------- */

static HallwayTalk *
match_url (TalkIndex *self, const char *url)
{
  g_autofree char *identity = url != NULL ? url_identity (url) : NULL;

  return identity != NULL ? g_hash_table_lookup (self->by_url, identity) : NULL;
}

/* Letters and digits, case-folded and without accents: quotes, dashes and spaces differ
 * between exports of one schedule ("Europe’s" and "Europe's"). */
static char *
title_identity (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  GString *identity = g_string_new (NULL);

  for (const char *c = decomposed; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar character = g_utf8_get_char (c);

      if (g_unichar_isalnum (character))
        g_string_append_unichar (identity, character);
    }
  if (identity->len == 0)
    g_string_append (identity, folded);
  return g_string_free (identity, FALSE);
}

static HallwayTalk *
find_title (GPtrArray *candidates, const char *title)
{
  g_autofree char *wanted = title_identity (title);

  for (guint i = 0; i < candidates->len; i++)
    {
      HallwayTalk *event = g_ptr_array_index (candidates, i);
      g_autofree char *identity = title_identity (hallway_talk_get_title (event));

      if (strcmp (identity, wanted) == 0)
        return event;
    }
  return NULL;
}

/* The summary as it is, then without what follows each " - " from the end: frab and
 * pretalx write "Title - Speaker, Speaker". */
static HallwayTalk *
match_time_and_title (TalkIndex *self, HallwayTalk *picked)
{
  g_autofree char *start = start_identity (hallway_talk_get_start (picked));
  GPtrArray *candidates = g_hash_table_lookup (self->by_start, start);
  g_autofree char *summary = g_strdup (hallway_talk_get_title (picked));
  HallwayTalk *event;
  char *dash;

  if (candidates == NULL || summary == NULL)
    return NULL;
  while ((event = find_title (candidates, summary)) == NULL &&
         (dash = g_strrstr (summary, " - ")) != NULL)
    *dash = '\0';
  return event;
}

static HallwayTalk *
match_event (TalkIndex *self, HallwayTalk *picked, HallwayImportMatch *how)
{
  HallwayTalk *event;

  *how = HALLWAY_IMPORT_MATCH_UID;
  if ((event = match_uid (self, hallway_talk_get_guid (picked))) != NULL)
    return event;
  *how = HALLWAY_IMPORT_MATCH_URL;
  if ((event = match_url (self, hallway_talk_get_url (picked))) != NULL)
    return event;
  *how = HALLWAY_IMPORT_MATCH_TIME_AND_TITLE;
  return match_time_and_title (self, picked);
}

/* ---- reading --------------------------------------------------------------------------- */

static gboolean
looks_like_icalendar (const char *data, gsize length)
{
  static const char begin[] = "BEGIN:VCALENDAR";
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return length - i >= strlen (begin) && g_ascii_strncasecmp (data + i, begin, strlen (begin)) == 0;
}

static HallwayConference *
read_calendar (const char *data, gsize length, GError **error)
{
  if (length == 0)
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_EMPTY,
                           _("The calendar file is empty."));
      return NULL;
    }
  if (length > HALLWAY_SCHEDULE_MAX_SIZE)
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_TOO_LARGE,
                           _("The calendar file is too large to be a list of talks."));
      return NULL;
    }
  if (!looks_like_icalendar (data, length))
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
                           _("This is not an iCalendar file (.ics): it does not start with "
                             "BEGIN:VCALENDAR."));
      return NULL;
    }
  return hallway_read_icalendar (data, length, error);
}

static void
pick (HallwayImportReport *report, TalkIndex *index, HallwayBookmarks *bookmarks,
      HallwayTalk *picked)
{
  HallwayImportMatch how;
  HallwayTalk *event = match_event (index, picked, &how);

  report->n_events++;
  if (event == NULL)
    {
      import_report_add_miss (report, picked);
      return;
    }
  report->n_matched_by[how]++;
  if (!hallway_bookmarks_contains (bookmarks, hallway_talk_get_key (event)))
    report->n_added++;
  hallway_bookmarks_add (bookmarks, event);
}

gboolean
hallway_ical_import_picks (const char           *ics_data,
                           gsize                 length,
                           HallwayConference    *conference,
                           HallwayBookmarks     *bookmarks,
                           HallwayImportReport **report,
                           GError              **error)
{
  g_autoptr (HallwayConference) calendar = NULL;
  g_autoptr (HallwayImportReport) result = NULL;
  g_auto (TalkIndex) index = { NULL, };
  GListModel *picks;

  g_return_val_if_fail (ics_data != NULL || length == 0, FALSE);
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), FALSE);
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (bookmarks), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  calendar = read_calendar (ics_data, length, error);
  if (calendar == NULL)
    return FALSE;

  result = import_report_new (conference);
  talk_index_init (&index, conference);
  picks = G_LIST_MODEL (calendar);
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr (HallwayTalk) picked = g_list_model_get_item (picks, i);

      pick (result, &index, bookmarks, picked);
    }
  if (report != NULL)
    *report = g_steal_pointer (&result);
  return TRUE;
}
