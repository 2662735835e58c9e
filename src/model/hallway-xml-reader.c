/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-xml-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-html-sanitizer.h"
#include "hallway-link.h"
#include "hallway-location.h"
#include "hallway-person.h"
#include "hallway-schedule-reader-private.h"
#include "hallway-schedule-time.h"
#include "hallway-track.h"

/* Reads the Pentabarf XML schedule and its frab descendant:
 *
 *   <schedule><conference>…</conference> [<tracks>] [<persons>]
 *     <day date index [start end]> [<room name>] <event id [guid] [code]>…
 *
 * in one streaming pass of libxml2's SAX2 parser: no tree is built, and each text field is
 * copied once, when its element ends. Two dialects share the layout and are told apart by
 * <day_change>, which only Pentabarf and its FOSDEM successors write:
 *
 *   "pentabarf-xml"  FOSDEM 2007–2026: HTML abstracts, times in the conference zone
 *   "frab-xml"       frab (CCC), wafer (DebConf), c3voc merges: Markdown text, <date> per event
 */

#define FORMAT_PENTABARF "pentabarf-xml"
#define FORMAT_FRAB      "frab-xml"

/* libxml2 2.12 made the error argument of structured handlers const. */
#if LIBXML_VERSION >= 21200
#define XML_ERROR_CONST const
#else
#define XML_ERROR_CONST
#endif

/* Where the parser stands: what the open element is, as far as schedules go. */
typedef enum
{
  CONTEXT_DOCUMENT,
  CONTEXT_SCHEDULE,
  CONTEXT_CONFERENCE,
  CONTEXT_TRACKS,
  CONTEXT_BIOGRAPHIES,   /* FOSDEM 2026's top-level <persons> */
  CONTEXT_BIOGRAPHY,
  CONTEXT_DAY,
  CONTEXT_ROOM,
  CONTEXT_EVENT,
  CONTEXT_EVENT_PERSONS,
  CONTEXT_LINKS,
  CONTEXT_ATTACHMENTS,
  CONTEXT_RECORDING,
  CONTEXT_TEXT,          /* a field whose text is collected */
  CONTEXT_IGNORED,       /* anything else, and all it contains */
} Context;

/* The text fields, named after their element. */
typedef enum
{
  FIELD_CONFERENCE_TITLE,
  FIELD_CONFERENCE_ACRONYM,
  FIELD_CONFERENCE_VENUE,
  FIELD_CONFERENCE_CITY,
  FIELD_CONFERENCE_BASE_URL,
  FIELD_CONFERENCE_URL,
  FIELD_CONFERENCE_TIME_ZONE,
  FIELD_CONFERENCE_DAY_CHANGE,
  FIELD_TRACK,
  FIELD_BIOGRAPHY_NAME,
  FIELD_BIOGRAPHY,
  FIELD_EXTENDED_BIOGRAPHY,
  FIELD_TITLE,
  FIELD_SUBTITLE,
  FIELD_DATE,
  FIELD_START,
  FIELD_DURATION,
  FIELD_ROOM,
  FIELD_EVENT_TRACK,
  FIELD_TYPE,
  FIELD_LANGUAGE,
  FIELD_SLUG,
  FIELD_TAG,
  FIELD_ABSTRACT,
  FIELD_DESCRIPTION,
  FIELD_URL,
  FIELD_FEEDBACK_URL,
  FIELD_ORIGIN_URL,
  FIELD_VIDEO,
  FIELD_PERSON,
  FIELD_LINK,
  FIELD_ATTACHMENT,
  FIELD_OPTOUT,
} Field;

typedef struct
{
  const char *name;
  Field field;
} FieldName;

static const FieldName conference_fields[] = {
  { "title", FIELD_CONFERENCE_TITLE },
  { "acronym", FIELD_CONFERENCE_ACRONYM },
  { "venue", FIELD_CONFERENCE_VENUE },
  { "city", FIELD_CONFERENCE_CITY },
  { "base_url", FIELD_CONFERENCE_BASE_URL },
  { "url", FIELD_CONFERENCE_URL },
  { "time_zone_name", FIELD_CONFERENCE_TIME_ZONE },
  { "day_change", FIELD_CONFERENCE_DAY_CHANGE },
};

static const FieldName biography_fields[] = {
  { "name", FIELD_BIOGRAPHY_NAME },
  { "biography", FIELD_BIOGRAPHY },
  { "extended_biography", FIELD_EXTENDED_BIOGRAPHY },
};

/* In the order events usually list them. */
static const FieldName event_fields[] = {
  { "date", FIELD_DATE },
  { "start", FIELD_START },
  { "duration", FIELD_DURATION },
  { "room", FIELD_ROOM },
  { "slug", FIELD_SLUG },
  { "url", FIELD_URL },
  { "title", FIELD_TITLE },
  { "subtitle", FIELD_SUBTITLE },
  { "track", FIELD_EVENT_TRACK },
  { "type", FIELD_TYPE },
  { "language", FIELD_LANGUAGE },
  { "abstract", FIELD_ABSTRACT },
  { "description", FIELD_DESCRIPTION },
  { "feedback_url", FIELD_FEEDBACK_URL },
  { "origin_url", FIELD_ORIGIN_URL },
  { "tag", FIELD_TAG },         /* FOSDEM 2010's <slug> */
  { "video", FIELD_VIDEO },     /* FOSDEM 2007, always empty there */
};

/* An attachment waits for the end of its event: a relative href resolves against the
 * event's <origin_url>, which may come after it. */
typedef struct
{
  char *label;
  char *href;
  char *type;
} PendingAttachment;

static void
pending_attachment_free (gpointer data)
{
  PendingAttachment *attachment = data;

  g_free (attachment->label);
  g_free (attachment->href);
  g_free (attachment->type);
  g_free (attachment);
}

/* The event being read, and what it needs once all its children have been seen. */
typedef struct
{
  HallwayTalk *event;
  long line;
  char *date;          /* <date>: ISO 8601, with an offset in every file that has it */
  char *start;         /* <start>: HH:MM on the day's date, in the conference zone */
  char *duration;
  char *room;
  char *origin_url;    /* c3voc: the pretalx page */
  GPtrArray *attachments;
} EventBuilder;

typedef struct
{
  xmlParserCtxtPtr ctxt;
  HallwayConference *conference;
  GError *error;                /* ours, which wins over the parser's */
  char *parse_error;            /* the parser's first error, and its line */
  long parse_error_line;

  GArray *contexts;             /* Context, one per open element */
  GString *text;                /* the text of the open field */
  Field field;
  char *attribute[2];           /* the open field's attributes that matter */

  gboolean zone_known;          /* from <time_zone_name>, or an offset in the file */
  gboolean has_day_change;      /* only Pentabarf writes it */
  GTimeSpan day_change;         /* events starting earlier belong to the next date */
  char *base_url;
  char *conference_url;
  GHashTable *person_names;     /* person id → the name first seen with it */

  HallwayDay *day;              /* the open <day>, borrowed from the conference */
  char *day_date;
  char *room_name;              /* the open <room name> wrapper */
  char *biography_id;
  char *biography_name;
  char *biography;
  EventBuilder current;
} XmlReader;

/* ---- text -------------------------------------------------------------------------- */

/* Runs of white space become one space and the ends are trimmed: IDE re-indentation wraps
 * names over lines, and 2010 exports carry CRs. NULL when nothing is left. */
static char *
collapse_whitespace (const char *text)
{
  static const char spaces[] = " \t\n\r\f\v";
  const char *in = text;
  char *collapsed;
  char *out;

  if (text == NULL)
    return NULL;
  in += strspn (in, spaces);
  if (*in == '\0')
    return NULL;
  /* Words are copied whole; most fields are a handful of them. */
  collapsed = out = g_malloc (strlen (in) + 1);
  for (;;)
    {
      gsize word = strcspn (in, spaces);

      memcpy (out, in, word);
      out += word;
      in += word;
      in += strspn (in, spaces);
      if (*in == '\0')
        break;
      *out++ = ' ';
    }
  *out = '\0';
  return collapsed;
}

static void
replace_owned (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* The value trimmed of white space; NULL when empty. Takes the string. */
static char *
stripped (char *owned)
{
  if (owned != NULL && *g_strstrip (owned) == '\0')
    g_clear_pointer (&owned, g_free);
  return owned;
}

/* Links lead out of the app: only absolute web addresses are kept. Relative ones (frab's
 * attachments) resolve against the page the event came from, else the schedule's base.
 * Takes href. */
static char *
web_url (char *href, const char *base)
{
  char *url = href;

  if (href == NULL)
    return NULL;
  if (base != NULL && !hallway_location_is_web (href) && g_uri_peek_scheme (href) == NULL)
    {
      url = g_uri_resolve_relative (base, href, G_URI_FLAGS_NONE, NULL);
      g_free (href);
      if (url == NULL)
        return NULL;
    }
  if (hallway_location_is_web (url))
    return url;
  g_free (url);
  return NULL;
}

/* ---- errors ------------------------------------------------------------------------ */

static long
current_line (XmlReader *reader)
{
  return reader->ctxt->input != NULL ? reader->ctxt->input->line : 0;
}

/* Our own errors stop the parser; the first one is kept. */
static void
fail (XmlReader *reader, int code, char *message)
{
  if (reader->error == NULL)
    reader->error = g_error_new_literal (HALLWAY_SCHEDULE_ERROR, code, message);
  g_free (message);
  xmlStopParser (reader->ctxt);
}

static void
fail_malformed (XmlReader *reader, long line, const char *detail)
{
  fail (reader, HALLWAY_SCHEDULE_ERROR_MALFORMED,
        g_strdup_printf (_("Pentabarf XML, line %ld: %s"), line, detail));
}

/* Keeps the parser's first error, the one that explains the others. */
static void
on_parse_error (void *data, XML_ERROR_CONST xmlError *error)
{
  xmlParserCtxtPtr ctxt = data;
  XmlReader *reader = ctxt->_private;

  if (reader == NULL || reader->parse_error != NULL || error->level < XML_ERR_ERROR)
    return;
  reader->parse_error = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
  reader->parse_error_line = error->line;
}

/* A schedule never declares entities. Refusing the declaration itself stops "billion
 * laughs" before any expansion and external entities before any loading, whatever the
 * libxml2 version's own limits. */
static void
on_entity_declaration (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                       const xmlChar *system_id, xmlChar *content)
{
  XmlReader *reader = ((xmlParserCtxtPtr) data)->_private;
  g_autofree char *detail = NULL;

  detail = g_strdup_printf (_("the document declares the entity “%s”, which no schedule needs"),
                            (const char *) name);
  fail_malformed (reader, current_line (reader), detail);
}

/* ---- the conference ---------------------------------------------------------------- */

/* frab without <time_zone_name> (33C3, 36C3) still writes offsets: a fixed zone at that
 * offset shows the times as the schedule meant them, where UTC would shift them all. */
static void
infer_zone_from_offset (XmlReader *reader, const char *iso_date_time)
{
  g_autoptr (GDateTime) parsed = NULL;
  g_autofree char *identifier = NULL;
  GTimeSpan offset;

  if (reader->zone_known || iso_date_time == NULL)
    return;
  parsed = g_date_time_new_from_iso8601 (iso_date_time, NULL);
  if (parsed == NULL)
    return;
  offset = g_date_time_get_utc_offset (parsed) / G_TIME_SPAN_MINUTE;
  identifier = g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+',
                                (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
  reader->zone_known = hallway_conference_set_time_zone_name (reader->conference, identifier);
}

static void
end_conference_field (XmlReader *reader, Field field, const char *text)
{
  g_autofree char *value = collapse_whitespace (text);

  switch (field)
    {
    case FIELD_CONFERENCE_TITLE:
      hallway_conference_set_title (reader->conference, value);
      break;
    case FIELD_CONFERENCE_ACRONYM:
      hallway_conference_set_acronym (reader->conference, value);
      break;
    case FIELD_CONFERENCE_VENUE:
      hallway_conference_set_venue (reader->conference, value);
      break;
    case FIELD_CONFERENCE_CITY:
      hallway_conference_set_city (reader->conference, value);
      break;
    case FIELD_CONFERENCE_BASE_URL:
      replace_owned (&reader->base_url, g_steal_pointer (&value));
      break;
    case FIELD_CONFERENCE_URL:
      replace_owned (&reader->conference_url, g_steal_pointer (&value));
      break;
    case FIELD_CONFERENCE_TIME_ZONE:
      reader->zone_known = hallway_conference_set_time_zone_name (reader->conference, value);
      break;
    case FIELD_CONFERENCE_DAY_CHANGE:
      reader->has_day_change = TRUE;
      if (value == NULL || !hallway_parse_duration (value, &reader->day_change))
        reader->day_change = 0;
      break;
    case FIELD_TRACK:
    case FIELD_BIOGRAPHY_NAME:
    case FIELD_BIOGRAPHY:
    case FIELD_EXTENDED_BIOGRAPHY:
    case FIELD_TITLE:
    case FIELD_SUBTITLE:
    case FIELD_DATE:
    case FIELD_START:
    case FIELD_DURATION:
    case FIELD_ROOM:
    case FIELD_EVENT_TRACK:
    case FIELD_TYPE:
    case FIELD_LANGUAGE:
    case FIELD_SLUG:
    case FIELD_TAG:
    case FIELD_ABSTRACT:
    case FIELD_DESCRIPTION:
    case FIELD_URL:
    case FIELD_FEEDBACK_URL:
    case FIELD_ORIGIN_URL:
    case FIELD_VIDEO:
    case FIELD_PERSON:
    case FIELD_LINK:
    case FIELD_ATTACHMENT:
    case FIELD_OPTOUT:
    default:
      g_assert_not_reached ();  /* enter_conference () begins only the fields above */
    }
}

static void
end_conference (XmlReader *reader)
{
  if (reader->base_url == NULL)
    reader->base_url = g_steal_pointer (&reader->conference_url);
  hallway_conference_set_base_url (reader->conference, reader->base_url);
}

/* 39C3 lists its tracks with colours inside <conference>: <track name color slug/>. */
static void
add_conference_track (XmlReader *reader, const char *name, const char *slug, const char *color)
{
  g_autofree char *collapsed = collapse_whitespace (name);
  HallwayTrack *track = hallway_conference_ensure_track (reader->conference, collapsed);

  if (track != NULL && slug != NULL && *slug != '\0')
    hallway_track_set_slug (track, slug);
  if (track != NULL && color != NULL && *color != '\0')
    hallway_track_set_color (track, color);
}

/* ---- persons ----------------------------------------------------------------------- */

/* Merged schedules (36C3 "everything") join sub-schedules that number their speakers
 * independently: id 0 is "TW" in one and "Mel" in another. An id names one person only
 * while it comes with one name; a clash falls back to matching by name. */
static HallwayPerson *
ensure_person (XmlReader *reader, const char *id, const char *name)
{
  const char *known_name;

  if (id != NULL && name != NULL)
    {
      known_name = g_hash_table_lookup (reader->person_names, id);
      if (known_name == NULL)
        g_hash_table_insert (reader->person_names, g_strdup (id), g_strdup (name));
      else if (!g_str_equal (known_name, name))
        id = NULL;
    }
  return hallway_conference_ensure_person (reader->conference, id, name);
}

/* FOSDEM 2026: <persons><person id><name/><biography/><extended_biography/></person>, with
 * the same ids as the events' persons. */
static void
end_biography (XmlReader *reader)
{
  g_autofree char *id = g_steal_pointer (&reader->biography_id);
  g_autofree char *name = g_steal_pointer (&reader->biography_name);
  g_autofree char *biography = g_steal_pointer (&reader->biography);
  HallwayPerson *person = ensure_person (reader, id, name);

  if (person != NULL && biography != NULL)
    hallway_person_set_biography (person, biography, hallway_rich_text_guess_format (biography));
}

/* ---- events ------------------------------------------------------------------------ */

static void
event_builder_clear (EventBuilder *builder)
{
  g_clear_object (&builder->event);
  g_clear_pointer (&builder->date, g_free);
  g_clear_pointer (&builder->start, g_free);
  g_clear_pointer (&builder->duration, g_free);
  g_clear_pointer (&builder->room, g_free);
  g_clear_pointer (&builder->origin_url, g_free);
  g_clear_pointer (&builder->attachments, g_ptr_array_unref);
}

static void
begin_event (XmlReader *reader, char *id, char *guid, char *code)
{
  HallwayTalk *event;

  event_builder_clear (&reader->current);
  event = reader->current.event = hallway_talk_new ();
  event->id = id;
  event->guid = guid;
  event->code = code;
  reader->current.line = current_line (reader);
}

/* <link href>label</link>, and 36C3's bare <link>https://…</link>. Takes label and href. */
static void
add_link (HallwayTalk *event, char *label, char *href, const char *base, HallwayLinkKind fallback)
{
  g_autofree char *owned_label = label;
  g_autofree char *url = NULL;
  HallwayLinkKind kind;

  if (href == NULL)
    href = g_steal_pointer (&owned_label);
  url = web_url (href, base);
  if (url == NULL)
    return;
  kind = hallway_link_guess_kind (owned_label, url);
  if (kind == HALLWAY_LINK_OTHER)
    kind = fallback;
  g_ptr_array_add (event->links, hallway_link_new (owned_label, url, kind));
}

/* An attachment is slides unless its label or its type says otherwise. */
static void
add_attachments (XmlReader *reader)
{
  EventBuilder *builder = &reader->current;
  const char *base = builder->origin_url != NULL ? builder->origin_url : reader->base_url;

  if (builder->attachments == NULL)
    return;
  for (guint i = 0; i < builder->attachments->len; i++)
    {
      PendingAttachment *attachment = g_ptr_array_index (builder->attachments, i);
      gboolean slides = attachment->type == NULL || g_str_equal (attachment->type, "slides");

      add_link (builder->event, g_steal_pointer (&attachment->label),
                g_steal_pointer (&attachment->href), base,
                slides ? HALLWAY_LINK_SLIDES : HALLWAY_LINK_OTHER);
    }
}

static void
end_event_field (XmlReader *reader, Field field, const char *text)
{
  EventBuilder *builder = &reader->current;
  HallwayTalk *event = builder->event;

  switch (field)
    {
    case FIELD_TITLE: replace_owned (&event->title, collapse_whitespace (text)); break;
    case FIELD_SUBTITLE: replace_owned (&event->subtitle, collapse_whitespace (text)); break;
    case FIELD_TYPE: replace_owned (&event->talk_type, collapse_whitespace (text)); break;
    case FIELD_LANGUAGE: replace_owned (&event->language, collapse_whitespace (text)); break;
    case FIELD_SLUG: replace_owned (&event->slug, collapse_whitespace (text)); break;
    case FIELD_TAG:
      if (event->slug == NULL)
        event->slug = collapse_whitespace (text);
      break;
    /* Pentabarf holds HTML (entity-escaped, so it arrives as markup); frab and wafer hold
     * Markdown, FOSDEM 2010 plain text. Neither says which. */
    case FIELD_ABSTRACT:
      hallway_rich_text_set (&event->abstract, text, hallway_rich_text_guess_format (text));
      break;
    case FIELD_DESCRIPTION:
      hallway_rich_text_set (&event->description, text, hallway_rich_text_guess_format (text));
      break;
    case FIELD_URL: replace_owned (&event->url, web_url (stripped (g_strdup (text)), NULL)); break;
    case FIELD_FEEDBACK_URL:
      replace_owned (&event->feedback_url, web_url (stripped (g_strdup (text)), NULL));
      break;
    case FIELD_ORIGIN_URL:
      replace_owned (&builder->origin_url, web_url (stripped (g_strdup (text)), NULL));
      break;
    case FIELD_DATE: replace_owned (&builder->date, stripped (g_strdup (text))); break;
    case FIELD_START: replace_owned (&builder->start, stripped (g_strdup (text))); break;
    case FIELD_DURATION: replace_owned (&builder->duration, stripped (g_strdup (text))); break;
    case FIELD_ROOM: replace_owned (&builder->room, collapse_whitespace (text)); break;
    case FIELD_EVENT_TRACK:
      {
        g_autofree char *name = collapse_whitespace (text);

        g_set_object (&event->track, hallway_conference_ensure_track (reader->conference, name));
        break;
      }
    case FIELD_VIDEO:
      add_link (event, NULL, stripped (g_strdup (text)), NULL, HALLWAY_LINK_VIDEO);
      break;
    case FIELD_CONFERENCE_TITLE:
    case FIELD_CONFERENCE_ACRONYM:
    case FIELD_CONFERENCE_VENUE:
    case FIELD_CONFERENCE_CITY:
    case FIELD_CONFERENCE_BASE_URL:
    case FIELD_CONFERENCE_URL:
    case FIELD_CONFERENCE_TIME_ZONE:
    case FIELD_CONFERENCE_DAY_CHANGE:
    case FIELD_TRACK:
    case FIELD_BIOGRAPHY_NAME:
    case FIELD_BIOGRAPHY:
    case FIELD_EXTENDED_BIOGRAPHY:
    case FIELD_PERSON:
    case FIELD_LINK:
    case FIELD_ATTACHMENT:
    case FIELD_OPTOUT:
    default:
      g_assert_not_reached ();  /* enter_event () begins only the fields above */
    }
}

/* The event's own <date> wins: wafer writes <start> in local time but the day's date in
 * UTC, so only <date> gives the right instant there. It is shown in the conference zone. */
static GDateTime *
start_from_date (const char *date, GTimeZone *zone)
{
  g_autoptr (GDateTime) parsed = NULL;

  if (date == NULL)
    return NULL;
  parsed = hallway_parse_start (date, NULL, NULL, zone);
  return parsed != NULL ? g_date_time_to_timezone (parsed, zone) : NULL;
}

/* Without <date>, <start> is a time on the day's date in the conference zone. Pentabarf
 * days run from <day_change> to the next morning, so earlier times are on the next date. */
static GDateTime *
start_from_day (XmlReader *reader, const char *start, GTimeZone *zone)
{
  g_autoptr (GDateTime) parsed = hallway_parse_start (NULL, reader->day_date, start, zone);
  GTimeSpan time_of_day;

  if (parsed == NULL || reader->day_change <= 0)
    return g_steal_pointer (&parsed);
  time_of_day = g_date_time_get_hour (parsed) * G_TIME_SPAN_HOUR +
                g_date_time_get_minute (parsed) * G_TIME_SPAN_MINUTE;
  if (time_of_day < reader->day_change)
    return g_date_time_add_days (parsed, 1);
  return g_steal_pointer (&parsed);
}

static gboolean
set_event_times (XmlReader *reader)
{
  EventBuilder *builder = &reader->current;
  GTimeZone *zone = hallway_conference_get_time_zone (reader->conference);
  const char *id = builder->event->id != NULL ? builder->event->id : "";
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autofree char *detail = NULL;
  GTimeSpan duration = 0;

  start = start_from_date (builder->date, zone);
  if (start == NULL)
    start = start_from_day (reader, builder->start, zone);
  if (start == NULL)
    {
      detail = g_strdup_printf (_("the event “%s” has no valid start time"), id);
      fail_malformed (reader, builder->line, detail);
      return FALSE;
    }
  /* A missing duration is a zero-length slot (36C3 has one); a garbled one is an error. */
  if (builder->duration != NULL && !hallway_parse_duration (builder->duration, &duration))
    {
      detail = g_strdup_printf (_("the event “%s” has an invalid duration “%s”"), id,
                                builder->duration);
      fail_malformed (reader, builder->line, detail);
      return FALSE;
    }
  end = g_date_time_add (start, duration);
  hallway_talk_set_times (builder->event, start, end);
  return TRUE;
}

/* FOSDEM 2026 slugs start with the pretalx code ("FQWYHW-scaling_…"). It is taken only
 * when the feedback URL, which pretalx builds from the code, confirms it. */
static char *
pretalx_code_from_slug (HallwayTalk *event)
{
  const char *dash;
  g_autofree char *code = NULL;
  g_autofree char *needle = NULL;

  if (event->slug == NULL || event->feedback_url == NULL ||
      (dash = strchr (event->slug, '-')) == NULL || dash == event->slug)
    return NULL;
  code = g_strndup (event->slug, dash - event->slug);
  needle = g_strconcat ("/talk/", code, "/", NULL);
  return strstr (event->feedback_url, needle) != NULL ? g_steal_pointer (&code) : NULL;
}

static void
end_event (XmlReader *reader)
{
  EventBuilder *builder = &reader->current;
  HallwayTalk *event = builder->event;
  HallwayRoom *room;

  if (!set_event_times (reader))
    return;
  if (event->code == NULL)
    event->code = pretalx_code_from_slug (event);
  /* FOSDEM 2007 has no <room name> wrapper, only the event's own <room>. */
  room = hallway_conference_ensure_room (reader->conference,
                                         builder->room != NULL ? builder->room : reader->room_name);
  event->room = room != NULL ? g_object_ref (room) : NULL;
  event->day = reader->day != NULL ? g_object_ref (reader->day) : NULL;
  add_attachments (reader);

  hallway_conference_add_talk (reader->conference, g_steal_pointer (&builder->event));
  event_builder_clear (builder);
}

/* ---- days -------------------------------------------------------------------------- */

/* The day's date as the conference lives it. The start attribute is an instant and wins:
 * wafer dates days in UTC, so DebConf's day 1 "2023-09-09" starts at 03:00 on the 10th in
 * Kochi. Otherwise the date attribute, read at noon so no DST gap can move it. */
static void
begin_day (XmlReader *reader, const char *date, const char *start)
{
  GTimeZone *zone;
  g_autoptr (GDateTime) instant = NULL;
  g_autoptr (GDateTime) day_date = NULL;

  infer_zone_from_offset (reader, start);
  zone = hallway_conference_get_time_zone (reader->conference);
  if (start != NULL && (instant = g_date_time_new_from_iso8601 (start, NULL)) != NULL)
    day_date = g_date_time_to_timezone (instant, zone);
  else
    day_date = hallway_parse_start (NULL, date, "12:00", zone);
  reader->day = NULL;
  if (day_date != NULL)
    reader->day = hallway_conference_ensure_day (reader->conference, day_date);
  replace_owned (&reader->day_date, g_strdup (date));
}

static void
end_day (XmlReader *reader)
{
  reader->day = NULL;
  g_clear_pointer (&reader->day_date, g_free);
}

/* ---- SAX callbacks ----------------------------------------------------------------- */

/* An element as SAX2 opens it. Attributes come as (name, prefix, URI, value, end)
 * quintuples; the DTD's defaults are left out on purpose. */
typedef struct
{
  const char *name;
  const xmlChar **attributes;
  int n_attributes;
} StartTag;

static gboolean
tag_is (const StartTag *tag, const char *name)
{
  return strcmp (tag->name, name) == 0;
}

static char *
tag_attribute (const StartTag *tag, const char *name)
{
  const xmlChar **attribute = tag->attributes;

  for (int i = 0; i < tag->n_attributes; i++, attribute += 5)
    if (strcmp ((const char *) attribute[0], name) == 0)
      return g_strndup ((const char *) attribute[3], attribute[4] - attribute[3]);
  return NULL;
}

static Context
begin_text (XmlReader *reader, Field field)
{
  reader->field = field;
  g_string_truncate (reader->text, 0);
  return CONTEXT_TEXT;
}

/* Keeps up to two attributes of a field element for its end. */
static Context
begin_text_with (XmlReader *reader, Field field, char *first, char *second)
{
  replace_owned (&reader->attribute[0], first);
  replace_owned (&reader->attribute[1], second);
  return begin_text (reader, field);
}

static Context
begin_named_field (XmlReader *reader, const StartTag *tag, const FieldName *fields,
                   gsize n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (tag_is (tag, fields[i].name))
      return begin_text (reader, fields[i].field);
  return CONTEXT_IGNORED;
}

static Context
enter_document (XmlReader *reader, const StartTag *tag)
{
  if (tag_is (tag, "schedule"))
    return CONTEXT_SCHEDULE;
  fail (reader, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
        g_strdup_printf (_("not a Pentabarf/frab schedule: the root element is <%s>"), tag->name));
  return CONTEXT_IGNORED;
}

static Context
enter_schedule (XmlReader *reader, const StartTag *tag)
{
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;

  if (tag_is (tag, "conference"))
    return CONTEXT_CONFERENCE;
  if (tag_is (tag, "tracks"))
    return CONTEXT_TRACKS;
  if (tag_is (tag, "persons"))
    return CONTEXT_BIOGRAPHIES;
  if (!tag_is (tag, "day"))
    return CONTEXT_IGNORED;
  date = tag_attribute (tag, "date");
  start = tag_attribute (tag, "start");
  begin_day (reader, date, start);
  return CONTEXT_DAY;
}

static Context
enter_conference (XmlReader *reader, const StartTag *tag)
{
  g_autofree char *name = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *color = NULL;

  if (!tag_is (tag, "track"))
    return begin_named_field (reader, tag, conference_fields, G_N_ELEMENTS (conference_fields));
  name = tag_attribute (tag, "name");
  slug = tag_attribute (tag, "slug");
  color = tag_attribute (tag, "color");
  add_conference_track (reader, name, slug, color);
  return CONTEXT_IGNORED;
}

/* <room name> wraps events, except in FOSDEM 2007 where they sit straight under <day>. */
static Context
enter_day_or_room (XmlReader *reader, Context parent, const StartTag *tag)
{
  if (parent == CONTEXT_DAY && tag_is (tag, "room"))
    {
      g_autofree char *name = tag_attribute (tag, "name");

      replace_owned (&reader->room_name, collapse_whitespace (name));
      return CONTEXT_ROOM;
    }
  if (!tag_is (tag, "event"))
    return CONTEXT_IGNORED;
  begin_event (reader, stripped (tag_attribute (tag, "id")), stripped (tag_attribute (tag, "guid")),
               stripped (tag_attribute (tag, "code")));
  return CONTEXT_EVENT;
}

static Context
enter_event (XmlReader *reader, const StartTag *tag)
{
  if (tag_is (tag, "persons"))
    return CONTEXT_EVENT_PERSONS;
  if (tag_is (tag, "links"))
    return CONTEXT_LINKS;
  if (tag_is (tag, "attachments"))
    return CONTEXT_ATTACHMENTS;
  if (tag_is (tag, "recording"))
    return CONTEXT_RECORDING;
  return begin_named_field (reader, tag, event_fields, G_N_ELEMENTS (event_fields));
}

/* The field elements of lists: the attributes that matter are kept for their end. */
static Context
enter_list_item (XmlReader *reader, Context parent, const StartTag *tag)
{
  switch (parent)
    {
    case CONTEXT_TRACKS:
      if (tag_is (tag, "track"))
        return begin_text_with (reader, FIELD_TRACK, tag_attribute (tag, "slug"), NULL);
      break;
    case CONTEXT_EVENT_PERSONS:
      /* c3voc merges give persons a guid instead of an id */
      if (tag_is (tag, "person"))
        return begin_text_with (reader, FIELD_PERSON, tag_attribute (tag, "id"),
                                tag_attribute (tag, "guid"));
      break;
    case CONTEXT_LINKS:
      if (tag_is (tag, "link"))
        return begin_text_with (reader, FIELD_LINK, tag_attribute (tag, "href"), NULL);
      break;
    case CONTEXT_ATTACHMENTS:
      if (tag_is (tag, "attachment"))
        return begin_text_with (reader, FIELD_ATTACHMENT, tag_attribute (tag, "href"),
                                tag_attribute (tag, "type"));
      break;
    case CONTEXT_RECORDING:
      if (tag_is (tag, "optout"))
        return begin_text (reader, FIELD_OPTOUT);
      break;
    case CONTEXT_DOCUMENT:
    case CONTEXT_SCHEDULE:
    case CONTEXT_CONFERENCE:
    case CONTEXT_BIOGRAPHIES:
    case CONTEXT_BIOGRAPHY:
    case CONTEXT_DAY:
    case CONTEXT_ROOM:
    case CONTEXT_EVENT:
    case CONTEXT_TEXT:
    case CONTEXT_IGNORED:
    default:
      g_assert_not_reached ();  /* enter () sends only the lists here */
    }
  return CONTEXT_IGNORED;
}

/* What the element that opens inside `parent` is. */
static Context
enter (XmlReader *reader, Context parent, const StartTag *tag)
{
  switch (parent)
    {
    case CONTEXT_DOCUMENT:
      return enter_document (reader, tag);
    case CONTEXT_SCHEDULE:
      return enter_schedule (reader, tag);
    case CONTEXT_CONFERENCE:
      return enter_conference (reader, tag);
    case CONTEXT_BIOGRAPHIES:
      if (!tag_is (tag, "person"))
        return CONTEXT_IGNORED;
      replace_owned (&reader->biography_id, stripped (tag_attribute (tag, "id")));
      return CONTEXT_BIOGRAPHY;
    case CONTEXT_BIOGRAPHY:
      return begin_named_field (reader, tag, biography_fields, G_N_ELEMENTS (biography_fields));
    case CONTEXT_DAY:
    case CONTEXT_ROOM:
      return enter_day_or_room (reader, parent, tag);
    case CONTEXT_EVENT:
      return enter_event (reader, tag);
    case CONTEXT_TRACKS:
    case CONTEXT_EVENT_PERSONS:
    case CONTEXT_LINKS:
    case CONTEXT_ATTACHMENTS:
    case CONTEXT_RECORDING:
      return enter_list_item (reader, parent, tag);
    case CONTEXT_TEXT:
      return CONTEXT_TEXT;  /* markup inside a field: its text still counts */
    case CONTEXT_IGNORED:
    default:
      return CONTEXT_IGNORED;
    }
}

static void
on_start_element (void *data, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri, int n_namespaces, const xmlChar **namespaces,
                  int n_attributes, int n_defaulted, const xmlChar **attributes)
{
  XmlReader *reader = ((xmlParserCtxtPtr) data)->_private;
  Context parent = g_array_index (reader->contexts, Context, reader->contexts->len - 1);
  StartTag tag = { (const char *) localname, attributes, n_attributes - n_defaulted };
  Context context = enter (reader, parent, &tag);

  g_array_append_val (reader->contexts, context);
}

/* The end of a field element: its text goes where it belongs. */
static void
end_text (XmlReader *reader, Context parent)
{
  const char *text = reader->text->str;
  g_autofree char *first = g_steal_pointer (&reader->attribute[0]);
  g_autofree char *second = g_steal_pointer (&reader->attribute[1]);

  switch (parent)
    {
    case CONTEXT_CONFERENCE:
      end_conference_field (reader, reader->field, text);
      break;
    case CONTEXT_TRACKS:
      add_conference_track (reader, text, first, NULL);
      break;
    case CONTEXT_BIOGRAPHY:
      if (reader->field == FIELD_BIOGRAPHY_NAME)
        replace_owned (&reader->biography_name, collapse_whitespace (text));
      else if (reader->field == FIELD_BIOGRAPHY || reader->biography == NULL)
        replace_owned (&reader->biography, stripped (g_strdup (text)));
      break;
    case CONTEXT_EVENT:
      end_event_field (reader, reader->field, text);
      break;
    case CONTEXT_EVENT_PERSONS:
      {
        g_autofree char *name = collapse_whitespace (text);
        char *id_or_guid = first != NULL ? g_steal_pointer (&first) : g_steal_pointer (&second);
        g_autofree char *id = stripped (id_or_guid);
        HallwayPerson *person = ensure_person (reader, id, name);

        if (person != NULL)
          g_ptr_array_add (reader->current.event->persons, g_object_ref (person));
        break;
      }
    case CONTEXT_LINKS:
      add_link (reader->current.event, collapse_whitespace (text),
                stripped (g_steal_pointer (&first)), NULL, HALLWAY_LINK_OTHER);
      break;
    case CONTEXT_ATTACHMENTS:
      {
        PendingAttachment *attachment = g_new (PendingAttachment, 1);

        attachment->label = collapse_whitespace (text);
        attachment->href = stripped (g_steal_pointer (&first));
        attachment->type = g_steal_pointer (&second);
        if (reader->current.attachments == NULL)
          reader->current.attachments = g_ptr_array_new_with_free_func (pending_attachment_free);
        g_ptr_array_add (reader->current.attachments, attachment);
        break;
      }
    case CONTEXT_RECORDING:
      {
        g_autofree char *value = collapse_whitespace (text);

        reader->current.event->do_not_record = value != NULL &&
                                               (g_ascii_strcasecmp (value, "true") == 0 ||
                                                g_str_equal (value, "1"));
        break;
      }
    case CONTEXT_DOCUMENT:
    case CONTEXT_SCHEDULE:
    case CONTEXT_BIOGRAPHIES:
    case CONTEXT_DAY:
    case CONTEXT_ROOM:
    case CONTEXT_TEXT:
    case CONTEXT_IGNORED:
    default:
      g_assert_not_reached ();  /* no field opens there */
    }
}

static void
on_end_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  XmlReader *reader = ((xmlParserCtxtPtr) data)->_private;
  guint depth = reader->contexts->len - 1;
  Context context = g_array_index (reader->contexts, Context, depth);
  Context parent = g_array_index (reader->contexts, Context, depth - 1);

  g_array_set_size (reader->contexts, depth);
  switch (context)
    {
    case CONTEXT_TEXT:
      if (parent != CONTEXT_TEXT)
        end_text (reader, parent);
      break;
    case CONTEXT_CONFERENCE:
      end_conference (reader);
      break;
    case CONTEXT_BIOGRAPHY:
      end_biography (reader);
      break;
    case CONTEXT_DAY:
      end_day (reader);
      break;
    case CONTEXT_ROOM:
      g_clear_pointer (&reader->room_name, g_free);
      break;
    case CONTEXT_EVENT:
      end_event (reader);
      break;
    case CONTEXT_SCHEDULE:
      hallway_conference_set_format (reader->conference,
                                     reader->has_day_change ? FORMAT_PENTABARF : FORMAT_FRAB);
      break;
    case CONTEXT_DOCUMENT:
    case CONTEXT_TRACKS:
    case CONTEXT_BIOGRAPHIES:
    case CONTEXT_EVENT_PERSONS:
    case CONTEXT_LINKS:
    case CONTEXT_ATTACHMENTS:
    case CONTEXT_RECORDING:
    case CONTEXT_IGNORED:
    default:
      break;
    }
}

static void
on_characters (void *data, const xmlChar *characters, int length)
{
  XmlReader *reader = ((xmlParserCtxtPtr) data)->_private;

  if (g_array_index (reader->contexts, Context, reader->contexts->len - 1) == CONTEXT_TEXT)
    g_string_append_len (reader->text, (const char *) characters, length);
}

/* ---- reading ----------------------------------------------------------------------- */

static void
ensure_libxml_initialized (void)
{
  static gsize initialized = 0;

  /* Readers run in worker threads; libxml2 < 2.12 does not guard its own initialization. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Only the callbacks a schedule needs. Without internalSubset, externalSubset and
 * resolveEntity handlers nothing outside the document is ever loaded, and no DTD is kept. */
static void
init_sax_handler (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->cdataBlock = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->entityDecl = on_entity_declaration;
  sax->serror = on_parse_error;
}

/* Safe options only: no network, no entity substitution, no DTD loading or attribute
 * defaults, and no XML_PARSE_HUGE, which would lift libxml2's limits. Not
 * XML_PARSE_NOERROR: since libxml2 2.14 it also silences the handler that keeps the first
 * error (on_parse_error), and that handler already keeps libxml2 off standard error. */
static int
safe_parse_options (void)
{
  int options = XML_PARSE_NONET;

  /* An enum value, not a macro, so only the version tells whether it exists. */
#if LIBXML_VERSION >= 21300
  options |= XML_PARSE_NO_XXE;
#endif
  return options;
}

static void
xml_reader_clear (XmlReader *reader)
{
  event_builder_clear (&reader->current);
  g_clear_object (&reader->conference);
  g_clear_error (&reader->error);
  g_clear_pointer (&reader->parse_error, g_free);
  g_clear_pointer (&reader->contexts, g_array_unref);
  if (reader->text != NULL)
    g_string_free (g_steal_pointer (&reader->text), TRUE);
  g_clear_pointer (&reader->attribute[0], g_free);
  g_clear_pointer (&reader->attribute[1], g_free);
  g_clear_pointer (&reader->base_url, g_free);
  g_clear_pointer (&reader->conference_url, g_free);
  g_clear_pointer (&reader->person_names, g_hash_table_unref);
  g_clear_pointer (&reader->day_date, g_free);
  g_clear_pointer (&reader->room_name, g_free);
  g_clear_pointer (&reader->biography_id, g_free);
  g_clear_pointer (&reader->biography_name, g_free);
  g_clear_pointer (&reader->biography, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XmlReader, xml_reader_clear)

static void
xml_reader_init (XmlReader *reader)
{
  Context document = CONTEXT_DOCUMENT;

  memset (reader, 0, sizeof *reader);
  reader->conference = hallway_conference_new ();
  reader->contexts = g_array_sized_new (FALSE, FALSE, sizeof (Context), 16);
  g_array_append_val (reader->contexts, document);
  reader->text = g_string_sized_new (4096);
  reader->person_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ---- before libxml2: what it would take quadratic time over ----------------------------- */

/* libxml2 before 2.14 compares each attribute of a start tag with all the earlier ones: one
 * tag with 100,000 attributes costs it seconds, 200,000 half a minute. No schedule element
 * has more than a handful, so a linear scan refuses such a tag before libxml2 sees it. */
#define MAX_ATTRIBUTES_PER_TAG 256

static long
line_at (const char *data, const char *position)
{
  long line = 1;

  for (const char *p = data; p < position; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Past the end of the construct that starts at p with opener and ends with closer; NULL
 * when it never ends (libxml2 then says what is wrong). */
static const char *
skip_past (const char *p, const char *end, const char *opener, const char *closer)
{
  gsize opener_length = strlen (opener);
  const char *found;

  if ((gsize) (end - p) < opener_length || memcmp (p, opener, opener_length) != 0)
    return p;
  found = g_strstr_len (p + opener_length, end - p - opener_length, closer);
  return found != NULL ? found + strlen (closer) : NULL;
}

/* The end of the tag that starts at p (after its '>'), counting the '=' outside quoted
 * values: one per attribute. */
static const char *
scan_tag (const char *p, const char *end, guint *n_attributes)
{
  *n_attributes = 0;
  for (; p < end; p++)
    {
      if (*p == '"' || *p == '\'')
        {
          /* A quoted value ends at the next such quote: one memchr (), not a test a byte. */
          p = memchr (p + 1, *p, end - (p + 1));
          if (p == NULL)
            return NULL;
        }
      else if (*p == '=')
        (*n_attributes)++;
      else if (*p == '>')
        return p + 1;
    }
  return NULL;
}

static gboolean
check_attribute_counts (const char *data, gsize length, GError **error)
{
  const char *end = data + length;
  const char *p = data;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *tag = p;
      const char *after;
      guint n_attributes;

      /* Most tags are elements: the second byte says which of the others to try. */
      after = tag;
      if (tag + 1 < end && tag[1] == '!')
        {
          after = skip_past (tag, end, "<!--", "-->");
          if (after == tag)
            after = skip_past (tag, end, "<![CDATA[", "]]>");
        }
      else if (tag + 1 < end && tag[1] == '?')
        after = skip_past (tag, end, "<?", "?>");
      if (after == tag)
        {
          after = scan_tag (tag, end, &n_attributes);
          if (n_attributes > MAX_ATTRIBUTES_PER_TAG)
            {
              g_autofree char *detail =
                g_strdup_printf (_("an element has more than %d attributes"),
                                 MAX_ATTRIBUTES_PER_TAG);

              g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                           _("Pentabarf XML, line %ld: %s"), line_at (data, tag), detail);
              return FALSE;
            }
        }
      if (after == NULL)
        return TRUE;
      p = after;
    }
  return TRUE;
}

/* Runs the parser over the data; FALSE with an error set when it or we stopped. */
static gboolean
parse (XmlReader *reader, const char *data, gsize length, GError **error)
{
  xmlSAXHandler sax;
  gboolean well_formed;

  ensure_libxml_initialized ();
  reader->ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (reader->ctxt == NULL)
    {
      g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                   _("Pentabarf XML, line %ld: %s"), 1L, _("the document is empty"));
      return FALSE;
    }
  init_sax_handler (&sax);
  memcpy (reader->ctxt->sax, &sax, sizeof sax);
  reader->ctxt->_private = reader;
  xmlCtxtUseOptions (reader->ctxt, safe_parse_options ());

  xmlParseDocument (reader->ctxt);
  /* For expat compatibility libxml2 keeps entity declarations in a document of its own,
   * even in SAX mode; nobody else frees it. */
  g_clear_pointer (&reader->ctxt->myDoc, xmlFreeDoc);
  well_formed = reader->ctxt->wellFormed;
  if (!well_formed && reader->parse_error == NULL)
    reader->parse_error_line = current_line (reader);
  xmlFreeParserCtxt (g_steal_pointer (&reader->ctxt));

  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return FALSE;
    }
  if (!well_formed)
    {
      g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                   _("Pentabarf XML, line %ld: %s"), reader->parse_error_line,
                   reader->parse_error != NULL ? reader->parse_error
                                               : _("the document could not be read"));
      return FALSE;
    }
  return TRUE;
}

HallwayConference *
hallway_read_pentabarf_xml (const char *data, gsize length, GError **error)
{
  g_auto (XmlReader) reader = { NULL, };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_TOO_LARGE,
                           _("Pentabarf XML: the file is too large"));
      return NULL;
    }
  if (!check_attribute_counts (data, length, error))
    return NULL;
  xml_reader_init (&reader);
  if (!parse (&reader, data, length, error))
    return NULL;
  hallway_conference_finish (reader.conference);
  return g_steal_pointer (&reader.conference);
}
