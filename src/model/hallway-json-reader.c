/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
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

/* Three JSON layouts carry conference schedules:
 *  - frab, pretalx and C3VOC: schedule.conference.days[].rooms{"Room": [events]};
 *  - C3VOC schedule v2: schedule.events[] with room, track and participant objects;
 *  - the pretalx schedule widget (v2): talks[] naming rooms, speakers and tracks by id.
 * These files come from anywhere, so every node's type is checked before it is used, and
 * any error drops the whole conference: a broken file never shows as a schedule with holes. */

typedef struct
{
  HallwayConference *conference;
  GTimeZone *zone;          /* the conference's; borrowed */
  const char *format;       /* names the layout in messages */
  char *base_url;           /* resolves relative links */
  gboolean speakers_by_code; /* the widget names speakers by their code */
  GHashTable *tracks;       /* v2: slug → track object; widget: id → track object */
  GHashTable *rooms;        /* v2: guid → room object; widget: id → room object */
  GHashTable *persons;      /* v2: guid → person object; widget: code → speaker object */
  GArray *days;             /* v2: DayRange */
} Reader;

/* A day of schedule v2: the events starting in [start, end) belong to it. */
typedef struct
{
  GDateTime *start;
  GDateTime *end;
  const char *date;
  HallwayDay *day;          /* borrowed from the conference once an event needs it */
} DayRange;

/* A day of the frab layout while its events are read. */
typedef struct
{
  const char *date;         /* "2016-12-27" */
  GDateTime *day_start;     /* events before it are after midnight, on the next date */
  HallwayDay *day;          /* borrowed from the conference once an event needs it */
  const char *where;        /* "day 2", for messages */
} FrabDay;

static void
reader_clear (Reader *self)
{
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->tracks, g_hash_table_unref);
  g_clear_pointer (&self->rooms, g_hash_table_unref);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_clear_pointer (&self->days, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static void
day_range_clear (gpointer data)
{
  DayRange *range = data;

  g_clear_pointer (&range->start, g_date_time_unref);
  g_clear_pointer (&range->end, g_date_time_unref);
}

/* ---- nodes and their types ------------------------------------------------------------ */

static const char *
describe_node (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _("text");
  if (type == G_TYPE_BOOLEAN)
    return _("true or false");
  return _("a number");
}

/* "frab JSON: event 1234: "title" should be text, not a number". */
static gboolean
fail_type (Reader *self, const char *where, const char *member_name, JsonNode *node,
           const char *expected, GError **error)
{
  if (member_name != NULL)
    g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                 /* Translators: "frab JSON: event 1234: "title" should be text, not a number" */
                 _("%s: %s: \"%s\" should be %s, not %s"),
                 self->format, where, member_name, expected, describe_node (node));
  else
    g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                 /* Translators: "frab JSON: day 2 should be an object, not text" */
                 _("%s: %s should be %s, not %s"),
                 self->format, where, expected, describe_node (node));
  return FALSE;
}

static gboolean
fail_missing (Reader *self, const char *where, const char *what, GError **error)
{
  g_set_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
               /* Translators: "frab JSON: event 1234 has no start time" */
               _("%s: %s has no %s"), self->format, where, what);
  return FALSE;
}

/* The member's node, or NULL when it is absent or null: schedules write both for "none". */
static JsonNode *
member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static const char *
node_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* Text, or from a {"en": …, "de": …} map as pretalx writes it, the English text or else
 * the first one. */
static const char *
node_text (JsonNode *node)
{
  JsonObjectIter iter;
  const char *language;
  JsonNode *translation;
  JsonObject *map;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return node_string (node);

  map = json_node_get_object (node);
  translation = json_object_get_member (map, "en");
  if (translation != NULL && node_string (translation) != NULL)
    return node_string (translation);
  json_object_iter_init_ordered (&iter, map);
  while (json_object_iter_next_ordered (&iter, &language, &translation))
    if (node_string (translation) != NULL)
      return node_string (translation);
  return NULL;
}

/* Ids are numbers in some schedules and text in others, sometimes in one file. Numbers are
 * written into buffer. */
static const char *
node_identifier (JsonNode *node, char buffer[32])
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return json_node_get_string (node);
  if (type == G_TYPE_INT64)
    {
      g_snprintf (buffer, 32, "%" G_GINT64_FORMAT, json_node_get_int (node));
      return buffer;
    }
  return NULL;
}

static gboolean
get_text (Reader *self, JsonObject *object, const char *name, const char *where,
          const char **text, GError **error)
{
  JsonNode *node = member (object, name);

  *text = NULL;
  if (node == NULL)
    return TRUE;
  *text = node_text (node);
  if (*text == NULL)
    return fail_type (self, where, name, node, _("text"), error);
  return TRUE;
}

static gboolean
get_identifier (Reader *self, JsonObject *object, const char *name, const char *where,
                char **identifier, GError **error)
{
  JsonNode *node = member (object, name);
  char buffer[32];
  const char *text;

  *identifier = NULL;
  if (node == NULL)
    return TRUE;
  text = node_identifier (node, buffer);
  if (text == NULL)
    return fail_type (self, where, name, node, _("text or a whole number"), error);
  if (*text != '\0')
    *identifier = g_strdup (text);
  return TRUE;
}

static gboolean
get_boolean (Reader *self, JsonObject *object, const char *name, const char *where,
             gboolean *value, GError **error)
{
  JsonNode *node = member (object, name);

  *value = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_type (self, where, name, node, _("true or false"), error);
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* An object or a list member: looked up, checked and named in errors the same way. */
static gboolean
get_container (Reader *self, JsonObject *object, const char *name, const char *where,
               gboolean required, JsonNodeType type, JsonNode **value, GError **error)
{
  JsonNode *node = member (object, name);
  gboolean is_object = type == JSON_NODE_OBJECT;
  g_autofree char *what = NULL;

  *value = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      what = g_strdup_printf (is_object ? _("\"%s\" object") : _("\"%s\" list"), name);
      return fail_missing (self, where, what, error);
    }
  if (JSON_NODE_TYPE (node) != type)
    return fail_type (self, where, name, node, is_object ? _("an object") : _("a list"), error);
  *value = node;
  return TRUE;
}

static gboolean
get_object (Reader *self, JsonObject *object, const char *name, const char *where,
            gboolean required, JsonObject **value, GError **error)
{
  JsonNode *node;
  gboolean ok = get_container (self, object, name, where, required, JSON_NODE_OBJECT, &node, error);

  *value = node != NULL ? json_node_get_object (node) : NULL;
  return ok;
}

static gboolean
get_array (Reader *self, JsonObject *object, const char *name, const char *where,
           gboolean required, JsonArray **value, GError **error)
{
  JsonNode *node;
  gboolean ok = get_container (self, object, name, where, required, JSON_NODE_ARRAY, &node, error);

  *value = node != NULL ? json_node_get_array (node) : NULL;
  return ok;
}

/* Objects of an auxiliary list by one of their members, for events that refer to them. */
static GHashTable *
index_objects (JsonArray *array, const char *key_member)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *key_node;
      char buffer[32];
      const char *key;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      key_node = member (json_node_get_object (node), key_member);
      key = key_node != NULL ? node_identifier (key_node, buffer) : NULL;
      if (key != NULL && !g_hash_table_contains (index, key))
        g_hash_table_insert (index, g_strdup (key), json_node_get_object (node));
    }
  return index;
}

static JsonObject *
lookup_node (GHashTable *index, JsonNode *node)
{
  char buffer[32];
  const char *key;

  if (index == NULL || node == NULL)
    return NULL;
  key = node_identifier (node, buffer);
  return key != NULL ? g_hash_table_lookup (index, key) : NULL;
}

static const char *
object_text (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? member (object, name) : NULL;

  return node != NULL ? node_text (node) : NULL;
}

/* ---- values --------------------------------------------------------------------------- */

static char *
dup_stripped (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* An absolute http(s) URL, resolving a relative one against base; NULL for anything else,
 * so a schedule cannot hand the browser a javascript: or file: link. */
static char *
web_url (const char *url, const char *base)
{
  g_autofree char *stripped = dup_stripped (url);
  g_autofree char *absolute = NULL;

  if (stripped == NULL)
    return NULL;
  if (base != NULL && !hallway_location_is_web (stripped) && g_uri_peek_scheme (stripped) == NULL)
    absolute = g_uri_resolve_relative (base, stripped, G_URI_FLAGS_NONE, NULL);
  else
    absolute = g_steal_pointer (&stripped);
  if (absolute == NULL || !hallway_location_is_web (absolute))
    return NULL;
  return g_steal_pointer (&absolute);
}

/* Track colours end up in CSS: only "#rgb", "#rgba", "#rrggbb" and "#rrggbbaa" pass. */
static gboolean
is_hex_color (const char *color)
{
  gsize length;

  if (color == NULL || color[0] != '#')
    return FALSE;
  length = strlen (color + 1);
  if (length != 3 && length != 4 && length != 6 && length != 8)
    return FALSE;
  for (gsize i = 1; i <= length; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/* "PT1H30M", "P1DT2H": the durations of schedule v2. No years or months in a talk. */
static gboolean
parse_iso_duration (const char *text, GTimeSpan *duration)
{
  gboolean in_time = FALSE;
  gint64 seconds = 0;
  const char *cursor = text;

  if (cursor == NULL || *cursor++ != 'P' || *cursor == '\0')
    return FALSE;
  while (*cursor != '\0')
    {
      char *end;
      guint64 number;
      gint64 unit;

      if (*cursor == 'T' && !in_time)
        {
          in_time = TRUE;
          cursor++;
          continue;
        }
      number = g_ascii_strtoull (cursor, &end, 10);
      if (end == cursor || number > 100000)
        return FALSE;
      switch (*end)
        {
        case 'W': unit = in_time ? 0 : 7 * 86400; break;
        case 'D': unit = in_time ? 0 : 86400; break;
        case 'H': unit = in_time ? 3600 : 0; break;
        case 'M': unit = in_time ? 60 : 0; break;
        case 'S': unit = in_time ? 1 : 0; break;
        default: unit = 0; break;
        }
      if (unit == 0)
        return FALSE;
      seconds += (gint64) number * unit;
      cursor = end + 1;
    }
  *duration = seconds * G_TIME_SPAN_SECOND;
  return TRUE;
}

/* "+01:00": names a fixed offset the way g_time_zone_new_identifier() reads it. */
static char *
offset_zone_name (GDateTime *time)
{
  gint64 minutes = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  char sign = minutes < 0 ? '-' : '+';

  minutes = ABS (minutes);
  return g_strdup_printf ("%c%02d:%02d", sign, (int) (minutes / 60), (int) (minutes % 60));
}

/* The named zone; when the schedule names none (or one this system lacks), the fixed offset
 * of a time it writes, which beats UTC for a schedule that says "+01:00" everywhere. */
static void
set_time_zone (Reader *self, const char *name, const char *sample_time)
{
  /* GLib reads "/…", ":…" and "../…" as paths to zone files: not from a schedule. */
  if (name != NULL && (name[0] == '/' || name[0] == ':' || strstr (name, "..") != NULL))
    name = NULL;
  if (!hallway_conference_set_time_zone_name (self->conference, name) && sample_time != NULL)
    {
      g_autoptr (GDateTime) sample = g_date_time_new_from_iso8601 (sample_time, NULL);
      g_autofree char *offset = sample != NULL ? offset_zone_name (sample) : NULL;

      if (name != NULL)
        g_debug ("Unknown time zone \"%s\", using the offset of %s", name, sample_time);
      hallway_conference_set_time_zone_name (self->conference, offset);
    }
  self->zone = hallway_conference_get_time_zone (self->conference);
}

static GDateTime *
parse_time (Reader *self, const char *text)
{
  return text != NULL ? g_date_time_new_from_iso8601 (text, self->zone) : NULL;
}

/* Midnight of a "YYYY-MM-DD" date in the conference zone. */
static GDateTime *
parse_date (Reader *self, const char *date)
{
  return hallway_parse_start (NULL, date, "00:00", self->zone);
}

/* ---- shared by the layouts ------------------------------------------------------------ */

typedef enum
{
  FIELD_TEXT,
  FIELD_IDENTIFIER,
  FIELD_MARKDOWN,
  FIELD_URL,
} FieldKind;

typedef struct
{
  const char *name;
  gsize offset;
  FieldKind kind;
} EventField;

/* The members every layout spells the same way. */
static const EventField event_fields[] = {
  { "id", G_STRUCT_OFFSET (HallwayTalk, id), FIELD_IDENTIFIER },
  { "guid", G_STRUCT_OFFSET (HallwayTalk, guid), FIELD_TEXT },
  { "code", G_STRUCT_OFFSET (HallwayTalk, code), FIELD_TEXT },
  { "slug", G_STRUCT_OFFSET (HallwayTalk, slug), FIELD_TEXT },
  { "title", G_STRUCT_OFFSET (HallwayTalk, title), FIELD_TEXT },
  { "subtitle", G_STRUCT_OFFSET (HallwayTalk, subtitle), FIELD_TEXT },
  { "type", G_STRUCT_OFFSET (HallwayTalk, talk_type), FIELD_TEXT },
  { "language", G_STRUCT_OFFSET (HallwayTalk, language), FIELD_TEXT },
  { "abstract", G_STRUCT_OFFSET (HallwayTalk, abstract), FIELD_MARKDOWN },
  { "description", G_STRUCT_OFFSET (HallwayTalk, description), FIELD_MARKDOWN },
  { "url", G_STRUCT_OFFSET (HallwayTalk, url), FIELD_URL },
  { "feedback_url", G_STRUCT_OFFSET (HallwayTalk, feedback_url), FIELD_URL },
};

/* "event 1234" for messages, from whatever identifies it best. */
static char *
event_where (JsonObject *object, guint position)
{
  static const char * const identifiers[] = { "id", "guid", "code" };
  const char *title = object_text (object, "title");

  for (guint i = 0; i < G_N_ELEMENTS (identifiers); i++)
    {
      JsonNode *node = member (object, identifiers[i]);
      char buffer[32];
      const char *identifier = node != NULL ? node_identifier (node, buffer) : NULL;

      if (identifier != NULL && *identifier != '\0')
        return g_strdup_printf (_("event %s"), identifier);
    }
  if (title != NULL)
    return g_strdup_printf (_("event \"%s\""), title);
  return g_strdup_printf (_("event number %u"), position + 1);
}

static gboolean
read_event_fields (Reader *self, JsonObject *object, HallwayTalk *event, const char *where,
                   GError **error)
{
  gboolean do_not_record;

  for (gsize i = 0; i < G_N_ELEMENTS (event_fields); i++)
    {
      const EventField *field = &event_fields[i];
      char **slot = G_STRUCT_MEMBER_P (event, field->offset);
      const char *text = NULL;

      if (field->kind == FIELD_IDENTIFIER)
        {
          if (!get_identifier (self, object, field->name, where, slot, error))
            return FALSE;
          continue;
        }
      if (!get_text (self, object, field->name, where, &text, error))
        return FALSE;
      switch (field->kind)
        {
        case FIELD_MARKDOWN:
          hallway_rich_text_set ((HallwayRichText *) slot, text, HALLWAY_TEXT_MARKDOWN);
          break;
        case FIELD_URL: *slot = web_url (text, self->base_url); break;
        case FIELD_TEXT:
        case FIELD_IDENTIFIER:
        default: *slot = dup_stripped (text); break;
        }
    }
  if (event->title == NULL)
    return fail_missing (self, where, _("title"), error);
  if (!get_boolean (self, object, "do_not_record", where, &do_not_record, error))
    return FALSE;
  event->do_not_record = do_not_record;
  return TRUE;
}

static void
set_room (Reader *self, HallwayTalk *event, const char *name)
{
  g_autofree char *stripped = dup_stripped (name);
  HallwayRoom *room = hallway_conference_ensure_room (self->conference, stripped);

  if (room != NULL)
    event->room = g_object_ref (room);
}

static void
set_track (Reader *self, HallwayTalk *event, const char *name)
{
  g_autofree char *stripped = dup_stripped (name);
  HallwayTrack *track = hallway_conference_ensure_track (self->conference, stripped);

  if (track != NULL)
    event->track = g_object_ref (track);
}

static void
add_named_person (Reader *self, HallwayTalk *event, const char *id, const char *name,
                  const char *biography)
{
  g_autofree char *stripped = dup_stripped (name);
  HallwayPerson *person = hallway_conference_ensure_person (self->conference, id, stripped);

  if (person == NULL)
    return;
  /* A speaker of many talks carries the same biography in each: keep the first. */
  if (!hallway_person_has_biography (person) && !is_blank (biography))
    hallway_person_set_biography (person, biography, HALLWAY_TEXT_MARKDOWN);
  if (!g_ptr_array_find (event->persons, person, NULL))
    g_ptr_array_add (event->persons, g_object_ref (person));
}

static gboolean
get_person_identifier (Reader *self, JsonObject *entry, const char *where, char **id,
                       GError **error)
{
  static const char * const id_members[] = { "guid", "id", "code" };

  for (guint i = 0; i < G_N_ELEMENTS (id_members) && *id == NULL; i++)
    if (!get_identifier (self, entry, id_members[i], where, id, error))
      return FALSE;
  return TRUE;
}

/* A person as an event lists them: {"guid"|"id"|"code", "public_name"|"name", "biography"};
 * schedule v2 and the widget keep the rest in their own list of persons. */
static gboolean
add_person_object (Reader *self, HallwayTalk *event, JsonObject *entry, const char *where,
                   GError **error)
{
  g_autofree char *id = NULL;
  const char *name, *biography;
  JsonObject *record;

  if (!get_person_identifier (self, entry, where, &id, error) ||
      !get_text (self, entry, "public_name", where, &name, error) ||
      (name == NULL && !get_text (self, entry, "name", where, &name, error)) ||
      !get_text (self, entry, "biography", where, &biography, error))
    return FALSE;
  record = id != NULL && self->persons != NULL ? g_hash_table_lookup (self->persons, id) : NULL;
  if (name == NULL)
    name = object_text (record, "public_name") ? object_text (record, "public_name")
                                               : object_text (record, "name");
  if (biography == NULL)
    biography = object_text (record, "biography");
  add_named_person (self, event, id, name, biography);
  return TRUE;
}

/* Persons are objects or plain names; the widget lists its speakers' codes. */
static gboolean
read_persons (Reader *self, JsonObject *object, const char *member_name, HallwayTalk *event,
              const char *where, GError **error)
{
  JsonArray *persons;

  if (!get_array (self, object, member_name, where, FALSE, &persons, error))
    return FALSE;
  for (guint i = 0; persons != NULL && i < json_array_get_length (persons); i++)
    {
      JsonNode *node = json_array_get_element (persons, i);
      JsonObject *entry;
      char buffer[32];

      if (JSON_NODE_HOLDS_OBJECT (node))
        entry = json_node_get_object (node);
      else if (self->speakers_by_code && node_identifier (node, buffer) != NULL)
        entry = lookup_node (self->persons, node);
      else if (node_string (node) != NULL)
        {
          add_named_person (self, event, NULL, node_string (node), NULL);
          continue;
        }
      else
        return fail_type (self, where, member_name, node, _("a list of persons"), error);

      /* A code the widget does not list names nobody: leave it out. */
      if (entry != NULL && !add_person_object (self, event, entry, where, error))
        return FALSE;
    }
  return TRUE;
}

static HallwayLinkKind
link_kind (const char *type, const char *label, const char *url)
{
  if (g_ascii_strcasecmp (type ? type : "", "slides") == 0)
    return HALLWAY_LINK_SLIDES;
  if (g_ascii_strcasecmp (type ? type : "", "feedback") == 0)
    return HALLWAY_LINK_FEEDBACK;
  return hallway_link_guess_kind (label, url);
}

static void
add_link (HallwayTalk *event, const char *label, const char *url, const char *type,
          const char *base)
{
  g_autofree char *absolute = web_url (url, base);
  HallwayLinkKind kind;

  if (absolute == NULL)
    return;
  kind = link_kind (type, label, absolute);
  if (kind == HALLWAY_LINK_FEEDBACK && event->feedback_url == NULL)
    {
      event->feedback_url = g_steal_pointer (&absolute);
      return;
    }
  g_ptr_array_add (event->links, hallway_link_new (label, absolute, kind));
}

/* Links and attachments: [{"url", "title", "type"}] or plain URLs. pretalx writes attachment
 * paths relative to the talk's origin page. */
static gboolean
read_links (Reader *self, JsonObject *object, const char *member_name, HallwayTalk *event,
            const char *where, GError **error)
{
  const char *origin = object_text (object, "origin_url");
  const char *base = origin != NULL ? origin : event->url != NULL ? event->url : self->base_url;
  JsonArray *links;

  if (!get_array (self, object, member_name, where, FALSE, &links, error))
    return FALSE;
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonNode *node = json_array_get_element (links, i);
      JsonObject *link;
      const char *url, *label, *type;

      if (node_string (node) != NULL)
        {
          add_link (event, NULL, node_string (node), NULL, base);
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail_type (self, where, member_name, node, _("a list of links"), error);
      link = json_node_get_object (node);
      if (!get_text (self, link, "url", where, &url, error) ||
          !get_text (self, link, "title", where, &label, error) ||
          !get_text (self, link, "type", where, &type, error))
        return FALSE;
      add_link (event, label, url, type, base);
    }
  return TRUE;
}

static gboolean
read_persons_and_links (Reader *self, JsonObject *object, const char *persons_member,
                        HallwayTalk *event, const char *where, GError **error)
{
  return read_persons (self, object, persons_member, event, where, error) &&
         read_links (self, object, "links", event, where, error) &&
         read_links (self, object, "attachments", event, where, error);
}

/* Colour and slug of the tracks events use, from the schedule's list of tracks. */
static void
apply_track_details (Reader *self, JsonArray *tracks)
{
  GListModel *model = hallway_conference_get_tracks (self->conference);

  for (guint i = 0; tracks != NULL && i < json_array_get_length (tracks); i++)
    {
      JsonNode *node = json_array_get_element (tracks, i);
      JsonObject *details = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = object_text (details, "name");
      const char *color = object_text (details, "color");
      JsonNode *colors = details != NULL ? member (details, "colors") : NULL;

      if (name == NULL)
        continue;
      if (color == NULL && colors != NULL && JSON_NODE_HOLDS_OBJECT (colors))
        color = object_text (json_node_get_object (colors), "light");
      for (guint t = 0; t < g_list_model_get_n_items (model); t++)
        {
          g_autoptr (HallwayTrack) track = g_list_model_get_item (model, t);

          if (strcmp (hallway_track_get_name (track), name) != 0)
            continue;
          if (is_hex_color (color))
            hallway_track_set_color (track, color);
          if (object_text (details, "slug") != NULL)
            hallway_track_set_slug (track, object_text (details, "slug"));
        }
    }
}

static gboolean
read_metadata (Reader *self, JsonObject *schedule, JsonObject *info, GError **error)
{
  const char *where = _("the conference");
  const char *title, *acronym, *venue, *city, *base_url;

  if (!get_text (self, info, "title", where, &title, error) ||
      !get_text (self, info, "acronym", where, &acronym, error) ||
      !get_text (self, info, "venue", where, &venue, error) ||
      !get_text (self, info, "city", where, &city, error) ||
      !get_text (self, schedule, "base_url", _("the schedule"), &base_url, error))
    return FALSE;
  hallway_conference_set_title (self->conference, title);
  hallway_conference_set_acronym (self->conference, acronym);
  hallway_conference_set_venue (self->conference, venue);
  hallway_conference_set_city (self->conference, city);
  self->base_url = web_url (base_url, NULL);
  hallway_conference_set_base_url (self->conference, self->base_url);
  return TRUE;
}

static HallwayConference *
finish (HallwayConference *conference, const char *format)
{
  hallway_conference_set_format (conference, format);
  hallway_conference_finish (conference);
  return g_object_ref (conference);
}

/* ---- frab, pretalx and C3VOC ---------------------------------------------------------- */

static HallwayDay *
frab_day (Reader *self, FrabDay *day)
{
  if (day->day == NULL && day->date != NULL)
    {
      g_autoptr (GDateTime) midnight = parse_date (self, day->date);

      if (midnight != NULL)
        day->day = hallway_conference_ensure_day (self->conference, midnight);
    }
  return day->day;
}

/* The event's own ISO date wins. Without it, the day's date and "HH:MM"; a time before
 * the day's start is after midnight (a 01:00 party on the 27th is on the 28th). */
static GDateTime *
frab_start (Reader *self, FrabDay *day, const char *date, const char *start_time)
{
  g_autoptr (GDateTime) start = NULL;

  if (date != NULL && (start = parse_time (self, date)) != NULL)
    return g_steal_pointer (&start);
  start = hallway_parse_start (NULL, day->date, start_time, self->zone);
  if (start != NULL && day->day_start != NULL && g_date_time_compare (start, day->day_start) < 0)
    return g_date_time_add_days (start, 1);
  return g_steal_pointer (&start);
}

/* The object of an event of a list (schedule v2, pretalx widget), its common fields read
 * into event and *where naming it; NULL on error. */
static JsonObject *
read_event_object (Reader *self, JsonNode *node, guint position, HallwayTalk *event,
                   char **where, GError **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *where = g_strdup_printf (_("event number %u"), position + 1);
      fail_type (self, *where, NULL, node, _("an object"), error);
      return NULL;
    }
  object = json_node_get_object (node);
  *where = event_where (object, position);
  return read_event_fields (self, object, event, *where, error) ? object : NULL;
}

/* Formats that give an end time may give one before the start: the talk then ends as it
 * starts. */
static gboolean
set_event_times (Reader *self, HallwayTalk *event, const char *where, GDateTime *start,
                 GDateTime *end, GError **error)
{
  if (start == NULL)
    return fail_missing (self, where, _("start time"), error);
  if (end == NULL)
    return fail_missing (self, where, _("end time"), error);
  hallway_talk_set_times (event, start, g_date_time_compare (end, start) < 0 ? start : end);
  return TRUE;
}

static gboolean
read_frab_event (Reader *self, FrabDay *day, const char *room_name, JsonObject *object,
                 guint position, GError **error)
{
  g_autoptr (HallwayTalk) event = hallway_talk_new ();
  g_autofree char *where = event_where (object, position);
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  const char *date, *start_time, *duration_text, *room, *track;
  GTimeSpan duration;

  if (!read_event_fields (self, object, event, where, error) ||
      !get_text (self, object, "date", where, &date, error) ||
      !get_text (self, object, "start", where, &start_time, error) ||
      !get_text (self, object, "duration", where, &duration_text, error) ||
      !get_text (self, object, "room", where, &room, error) ||
      !get_text (self, object, "track", where, &track, error) ||
      !read_persons_and_links (self, object, "persons", event, where, error))
    return FALSE;

  start = frab_start (self, day, date, start_time);
  if (start == NULL)
    return fail_missing (self, where, _("start time"), error);
  if (!hallway_parse_duration (duration_text, &duration))
    return fail_missing (self, where, _("valid duration"), error);
  end = g_date_time_add (start, duration);
  hallway_talk_set_times (event, start, end);
  set_room (self, event, room != NULL ? room : room_name);
  set_track (self, event, track);
  if (frab_day (self, day) != NULL)
    event->day = g_object_ref (day->day);
  hallway_conference_add_talk (self->conference, g_steal_pointer (&event));
  return TRUE;
}

static gboolean
read_frab_room (Reader *self, FrabDay *day, const char *room_name, JsonNode *node,
                GError **error)
{
  JsonArray *events;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, day->where, room_name, node, _("a list of events"), error);
  events = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *event = json_array_get_element (events, i);

      if (!JSON_NODE_HOLDS_OBJECT (event))
        return fail_type (self, day->where, room_name, event, _("a list of events"), error);
      if (!read_frab_event (self, day, room_name, json_node_get_object (event), i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_frab_day (Reader *self, JsonNode *node, guint position, GError **error)
{
  g_autofree char *where = g_strdup_printf (_("day %u"), position + 1);
  g_autoptr (GDateTime) day_start = NULL;
  FrabDay day = { NULL, NULL, NULL, where };
  JsonObject *object, *rooms;
  JsonObjectIter iter;
  const char *room_name, *day_start_text;
  JsonNode *events;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, where, NULL, node, _("an object"), error);
  object = json_node_get_object (node);
  if (!get_text (self, object, "date", where, &day.date, error) ||
      !get_text (self, object, "day_start", where, &day_start_text, error) ||
      !get_object (self, object, "rooms", where, FALSE, &rooms, error))
    return FALSE;
  day_start = parse_time (self, day_start_text);
  day.day_start = day_start;
  if (rooms == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, rooms);
  while (json_object_iter_next_ordered (&iter, &room_name, &events))
    if (!read_frab_room (self, &day, room_name, events, error))
      return FALSE;
  return TRUE;
}

/* A member of the list's first object: a sample time for set_time_zone(). */
static const char *
first_member_text (JsonArray *array, const char *name)
{
  JsonNode *first = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;

  if (first == NULL || !JSON_NODE_HOLDS_OBJECT (first))
    return NULL;
  return object_text (json_node_get_object (first), name);
}

static HallwayConference *
read_frab (JsonObject *schedule, GError **error)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_auto (Reader) reader = { conference, NULL, "frab JSON" };
  JsonObject *info;
  JsonArray *days, *tracks;
  const char *zone_name;

  if (!get_object (&reader, schedule, "conference", _("the schedule"), TRUE, &info, error) ||
      !read_metadata (&reader, schedule, info, error) ||
      !get_array (&reader, info, "days", _("the conference"), TRUE, &days, error) ||
      !get_array (&reader, info, "tracks", _("the conference"), FALSE, &tracks, error) ||
      !get_text (&reader, info, "time_zone_name", _("the conference"), &zone_name, error))
    return NULL;
  set_time_zone (&reader, zone_name, first_member_text (days, "day_start"));

  for (guint i = 0; i < json_array_get_length (days); i++)
    if (!read_frab_day (&reader, json_array_get_element (days, i), i, error))
      return NULL;
  apply_track_details (&reader, tracks);
  return finish (conference, "frab-json");
}

/* ---- C3VOC schedule v2 ---------------------------------------------------------------- */

static void
read_v2_days (Reader *self, JsonArray *days)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (DayRange));
  g_array_set_clear_func (self->days, day_range_clear);
  for (guint i = 0; days != NULL && i < json_array_get_length (days); i++)
    {
      JsonNode *node = json_array_get_element (days, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      DayRange range = { 0 };

      range.start = parse_time (self, object_text (object, "start"));
      range.end = parse_time (self, object_text (object, "end"));
      range.date = object_text (object, "date");
      if (range.start != NULL && range.end != NULL && range.date != NULL)
        g_array_append_val (self->days, range);
      else
        day_range_clear (&range);
    }
}

/* The day whose range holds the start; none when the schedule lists no such day, and the
 * conference then takes the start's date. */
static HallwayDay *
v2_day (Reader *self, GDateTime *start)
{
  for (guint i = 0; i < self->days->len; i++)
    {
      DayRange *range = &g_array_index (self->days, DayRange, i);

      if (g_date_time_compare (range->start, start) > 0 ||
          g_date_time_compare (start, range->end) >= 0)
        continue;
      if (range->day == NULL)
        {
          g_autoptr (GDateTime) midnight = parse_date (self, range->date);

          if (midnight != NULL)
            range->day = hallway_conference_ensure_day (self->conference, midnight);
        }
      return range->day;
    }
  return NULL;
}

/* A room is {"name", "guid", "slug"}, its name possibly only in the conference's list. */
static const char *
v2_room_name (Reader *self, JsonNode *node)
{
  JsonObject *reference;
  const char *name;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return node != NULL ? node_string (node) : NULL;
  reference = json_node_get_object (node);
  name = object_text (reference, "name");
  if (name == NULL)
    name = object_text (lookup_node (self->rooms, member (reference, "guid")), "name");
  return name;
}

/* A track is {"slug"}, its name in the conference's list. */
static const char *
v2_track_name (Reader *self, JsonNode *node)
{
  JsonObject *reference;
  const char *name;
  JsonNode *slug;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return node != NULL ? node_string (node) : NULL;
  reference = json_node_get_object (node);
  name = object_text (reference, "name");
  slug = member (reference, "slug");
  if (name == NULL)
    name = object_text (lookup_node (self->tracks, slug), "name");
  return name != NULL ? name : object_text (reference, "slug");
}

/* The end, else the start plus the (deprecated) duration. */
static GDateTime *
v2_end (Reader *self, GDateTime *start, const char *end_text, const char *duration_text)
{
  GTimeSpan duration;

  if (end_text != NULL)
    return parse_time (self, end_text);
  if (parse_iso_duration (duration_text, &duration) ||
      hallway_parse_duration (duration_text, &duration))
    return g_date_time_add (start, duration);
  return NULL;
}

static gboolean
read_v2_event (Reader *self, JsonNode *node, guint position, GError **error)
{
  g_autoptr (HallwayTalk) event = hallway_talk_new ();
  g_autofree char *where = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  const char *start_text, *end_text, *duration_text;
  HallwayDay *day;
  JsonObject *object;

  object = read_event_object (self, node, position, event, &where, error);
  if (object == NULL ||
      !get_text (self, object, "start", where, &start_text, error) ||
      !get_text (self, object, "end", where, &end_text, error) ||
      !get_text (self, object, "duration", where, &duration_text, error) ||
      !read_persons_and_links (self, object, "participants", event, where, error) ||
      !read_persons (self, object, "persons", event, where, error))
    return FALSE;

  start = parse_time (self, start_text);
  end = start != NULL ? v2_end (self, start, end_text, duration_text) : NULL;
  if (!set_event_times (self, event, where, start, end, error))
    return FALSE;
  set_room (self, event, v2_room_name (self, member (object, "room")));
  set_track (self, event, v2_track_name (self, member (object, "track")));
  day = v2_day (self, start);
  if (day != NULL)
    event->day = g_object_ref (day);
  hallway_conference_add_talk (self->conference, g_steal_pointer (&event));
  return TRUE;
}

static HallwayConference *
read_schedule_v2 (JsonObject *schedule, GError **error)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_auto (Reader) reader = { conference, NULL, "schedule JSON v2" };
  JsonObject *info;
  JsonArray *events, *tracks, *rooms, *persons, *days;
  const char *zone_name;

  if (!get_object (&reader, schedule, "conference", _("the schedule"), TRUE, &info, error) ||
      !read_metadata (&reader, schedule, info, error) ||
      !get_array (&reader, schedule, "events", _("the schedule"), TRUE, &events, error) ||
      !get_array (&reader, schedule, "persons", _("the schedule"), FALSE, &persons, error) ||
      !get_array (&reader, info, "tracks", _("the conference"), FALSE, &tracks, error) ||
      !get_array (&reader, info, "rooms", _("the conference"), FALSE, &rooms, error) ||
      !get_array (&reader, info, "days", _("the conference"), FALSE, &days, error) ||
      !get_text (&reader, info, "time_zone_name", _("the conference"), &zone_name, error))
    return NULL;
  set_time_zone (&reader, zone_name, first_member_text (events, "start"));
  reader.tracks = index_objects (tracks, "slug");
  reader.rooms = index_objects (rooms, "guid");
  reader.persons = index_objects (persons, "guid");
  read_v2_days (&reader, days);

  for (guint i = 0; i < json_array_get_length (events); i++)
    if (!read_v2_event (&reader, json_array_get_element (events, i), i, error))
      return NULL;
  apply_track_details (&reader, tracks);
  return finish (conference, "schedule-json-v2");
}

/* ---- the pretalx schedule widget ------------------------------------------------------ */

/* Widget times mix offsets (breaks start in UTC and end in +01:00): show them all in the
 * conference zone. */
static GDateTime *
parse_local_time (Reader *self, const char *text)
{
  g_autoptr (GDateTime) time = parse_time (self, text);

  return time != NULL ? g_date_time_to_timezone (time, self->zone) : NULL;
}

static gboolean
read_widget_talk (Reader *self, JsonNode *node, guint position, GError **error)
{
  g_autoptr (HallwayTalk) event = hallway_talk_new ();
  g_autofree char *where = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  const char *start_text, *end_text;
  JsonObject *object, *room, *track;

  object = read_event_object (self, node, position, event, &where, error);
  if (object == NULL ||
      !get_text (self, object, "start", where, &start_text, error) ||
      !get_text (self, object, "end", where, &end_text, error) ||
      !read_persons_and_links (self, object, "speakers", event, where, error))
    return FALSE;

  start = parse_local_time (self, start_text);
  end = parse_local_time (self, end_text);
  if (!set_event_times (self, event, where, start, end, error))
    return FALSE;
  /* The code is the talk's identity in pretalx (and its URL); the key is built from the slug. */
  if (event->slug == NULL)
    event->slug = g_strdup (event->code);
  room = lookup_node (self->rooms, member (object, "room"));
  set_room (self, event, room != NULL ? object_text (room, "name") : object_text (object, "room"));
  track = lookup_node (self->tracks, member (object, "track"));
  set_track (self, event, object_text (track, "name"));
  hallway_conference_add_talk (self->conference, g_steal_pointer (&event));
  return TRUE;
}

static HallwayConference *
read_pretalx_widget (JsonObject *top, GError **error)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_auto (Reader) reader = { conference, NULL, "pretalx widget JSON" };
  const char *where = _("the schedule");
  JsonArray *talks, *rooms, *speakers, *tracks;
  const char *zone_name;

  if (!get_array (&reader, top, "talks", where, TRUE, &talks, error) ||
      !get_array (&reader, top, "rooms", where, FALSE, &rooms, error) ||
      !get_array (&reader, top, "speakers", where, FALSE, &speakers, error) ||
      !get_array (&reader, top, "tracks", where, FALSE, &tracks, error) ||
      !get_text (&reader, top, "timezone", where, &zone_name, error))
    return NULL;
  set_time_zone (&reader, zone_name, first_member_text (talks, "start"));
  reader.speakers_by_code = TRUE;
  reader.rooms = index_objects (rooms, "id");
  reader.tracks = index_objects (tracks, "id");
  reader.persons = index_objects (speakers, "code");

  for (guint i = 0; i < json_array_get_length (talks); i++)
    if (!read_widget_talk (&reader, json_array_get_element (talks, i), i, error))
      return NULL;
  apply_track_details (&reader, tracks);
  return finish (conference, "pretalx-widget-json");
}

/* ---- entry point ---------------------------------------------------------------------- */

HallwayConference *
hallway_read_schedule_json (JsonNode *root, GError **error)
{
  JsonObject *top =
    root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *schedule = top != NULL ? member (top, "schedule") : NULL;

  if (schedule == NULL && top != NULL && member (top, "talks") != NULL)
    return read_pretalx_widget (top, error);
  if (schedule == NULL || !JSON_NODE_HOLDS_OBJECT (schedule))
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
                           _("JSON, but not a schedule: no \"schedule\" object"));
      return NULL;
    }
  if (member (json_node_get_object (schedule), "events") != NULL)
    return read_schedule_v2 (json_node_get_object (schedule), error);
  return read_frab (json_node_get_object (schedule), error);
}
