/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-snapshot"

#include "config.h"

#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-day.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-schedule-snapshot.h"
#include "hallway-talk-private.h"
#include "hallway-track.h"
#include "hallway-version.h"

/* A conference as a reader made it, in a compact binary form: a start reads it back instead
 * of parsing the schedule again (FOSDEM 2026 grown to 17,000 talks took most of a second to
 * parse, issue 13). It holds what the readers set, not what finish () derives (keys, day
 * indexes, the indexes by owner): reading it back ends with finish () like a reader.
 * GVariant was tried first: reading it back cost more than parsing the XML.
 *
 * A snapshot is only good for the payload it was taken of (its SHA-256) and for the build
 * that took it: a newer build may read schedules differently, so its version and git
 * revision are part of the header. Anything else (another format, damage, an index out of
 * range, text that is not UTF-8) makes hallway_schedule_snapshot_read () return NULL, and
 * the caller parses.
 *
 * The layout, in the machine's byte order (the magic number tells another one): numbers
 * are u32, i32, i64 or f64; a string is its u32 length (NO_STRING for none), its bytes and a
 * NUL; a time is its i64 microseconds since 1970 and the string of its zone; a text its
 * source and u32 format. Lists are a u32 count and the items:
 *
 *   magic, format, build, payload SHA-256
 *   conference: title, acronym, venue, city, u32 has position, f64 latitude, longitude,
 *               time zone, base URL, format
 *   tracks: name, slug, color        rooms: name        persons: id, name, biography
 *   days: date
 *   talks: id, guid, code, slug, title, subtitle, type, language, abstract, description,
 *          URL, feedback URL, start, end, i32 day, room, track (-1: none),
 *          persons (u32 indexes), links (label, URL, u32 kind), u32 do-not-record */

#define MAGIC 0x48574c59u /* "HWLY" */
#define SNAPSHOT_FORMAT 2
#define BUILD_KEY PACKAGE_VERSION " " HALLWAY_VCS_REVISION
#define NO_STRING G_MAXUINT32

/* ---- taking one ------------------------------------------------------------------------ */

typedef struct
{
  GByteArray *out;
  GHashTable *indexes; /* HallwayDay/Room/Track/Person → its index + 1 in its list */
} Writer;

static void
put_u32 (Writer *writer, guint32 value)
{
  g_byte_array_append (writer->out, (const guint8 *) &value, sizeof value);
}

static void
put_i64 (Writer *writer, gint64 value)
{
  g_byte_array_append (writer->out, (const guint8 *) &value, sizeof value);
}

static void
put_f64 (Writer *writer, double value)
{
  g_byte_array_append (writer->out, (const guint8 *) &value, sizeof value);
}

static void
put_string (Writer *writer, const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  put_u32 (writer, text != NULL ? (guint32) length : NO_STRING);
  if (text != NULL)
    g_byte_array_append (writer->out, (const guint8 *) text, length + 1);
}

static void
put_time (Writer *writer, GDateTime *time)
{
  put_i64 (writer, g_date_time_to_unix_usec (time));
  put_string (writer, g_time_zone_get_identifier (g_date_time_get_timezone (time)));
}

static void
put_text (Writer *writer, const HallwayRichText *text)
{
  put_string (writer, hallway_rich_text_get_source (text));
  put_u32 (writer, text->format);
}

/* The index of a day, room, track or person in its list; -1 for none. */
static gint32
index_of (Writer *writer, gpointer item)
{
  return item != NULL ? (gint32) GPOINTER_TO_UINT (g_hash_table_lookup (writer->indexes, item)) - 1
                      : -1;
}

/* Puts each item of the list with put_item, and remembers its index. */
static void
put_list (Writer *writer, GListModel *list, void (*put_item) (Writer *writer, gpointer item))
{
  guint n_items = g_list_model_get_n_items (list);

  put_u32 (writer, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);

      g_hash_table_insert (writer->indexes, item, GUINT_TO_POINTER (i + 1));
      put_item (writer, item);
    }
}

static void
put_track (Writer *writer, gpointer item)
{
  put_string (writer, hallway_track_get_name (item));
  put_string (writer, hallway_track_get_slug (item));
  put_string (writer, hallway_track_get_color (item));
}

static void
put_room (Writer *writer, gpointer item)
{
  put_string (writer, hallway_room_get_name (item));
}

static void
put_person (Writer *writer, gpointer item)
{
  put_string (writer, hallway_person_get_id (item));
  put_string (writer, hallway_person_get_name (item));
  put_text (writer, hallway_person_peek_biography (item));
}

static void
put_day (Writer *writer, gpointer item)
{
  put_time (writer, hallway_day_get_date (item));
}

static void
put_talk (Writer *writer, HallwayTalk *talk)
{
  const char *strings[] = { talk->id,       talk->guid,      talk->code,      talk->slug,
                            talk->title,    talk->subtitle,  talk->talk_type, talk->language };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    put_string (writer, strings[i]);
  put_text (writer, &talk->abstract);
  put_text (writer, &talk->description);
  put_string (writer, talk->url);
  put_string (writer, talk->feedback_url);
  put_time (writer, talk->start);
  put_time (writer, talk->end);
  put_u32 (writer, (guint32) index_of (writer, talk->day));
  put_u32 (writer, (guint32) index_of (writer, talk->room));
  put_u32 (writer, (guint32) index_of (writer, talk->track));
  put_u32 (writer, talk->persons->len);
  for (guint i = 0; i < talk->persons->len; i++)
    put_u32 (writer, (guint32) index_of (writer, g_ptr_array_index (talk->persons, i)));
  put_u32 (writer, talk->links->len);
  for (guint i = 0; i < talk->links->len; i++)
    {
      HallwayLink *link = g_ptr_array_index (talk->links, i);

      put_string (writer, hallway_link_get_label (link));
      put_string (writer, hallway_link_get_url (link));
      put_u32 (writer, hallway_link_get_kind (link));
    }
  put_u32 (writer, talk->do_not_record);
}

static void
put_conference (Writer *writer, HallwayConference *conference)
{
  double latitude = 0, longitude = 0;
  gboolean has_position = hallway_conference_get_position (conference, &latitude, &longitude);

  put_string (writer, hallway_conference_get_title (conference));
  put_string (writer, hallway_conference_get_acronym (conference));
  put_string (writer, hallway_conference_get_venue (conference));
  put_string (writer, hallway_conference_get_city (conference));
  put_u32 (writer, has_position);
  put_f64 (writer, latitude);
  put_f64 (writer, longitude);
  put_string (writer, hallway_conference_get_time_zone_name (conference));
  put_string (writer, hallway_conference_get_base_url (conference));
  put_string (writer, hallway_conference_get_format (conference));
}

/* The snapshot of a finished conference read from the payload whose SHA-256 is given. */
GBytes *
hallway_schedule_snapshot_new (HallwayConference *conference, const char *payload_sha256)
{
  Writer writer = { g_byte_array_sized_new (1024 * 1024),
                    g_hash_table_new (g_direct_hash, g_direct_equal) };
  guint n_talks;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (payload_sha256 != NULL, NULL);

  put_u32 (&writer, MAGIC);
  put_u32 (&writer, SNAPSHOT_FORMAT);
  put_string (&writer, BUILD_KEY);
  put_string (&writer, payload_sha256);
  put_conference (&writer, conference);
  put_list (&writer, hallway_conference_get_tracks (conference), put_track);
  put_list (&writer, hallway_conference_get_rooms (conference), put_room);
  put_list (&writer, hallway_conference_get_persons (conference), put_person);
  put_list (&writer, hallway_conference_get_days (conference), put_day);
  n_talks = g_list_model_get_n_items (G_LIST_MODEL (conference));
  put_u32 (&writer, n_talks);
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      put_talk (&writer, talk);
    }
  g_hash_table_unref (writer.indexes);
  return g_byte_array_free_to_bytes (writer.out);
}

/* ---- reading one back ---------------------------------------------------------------- */

typedef struct
{
  const guint8 *at;
  const guint8 *end;
  gboolean failed;    /* read past the end, or found what a writer never writes */
  HallwayConference *conference;
  GHashTable *zones;  /* identifier → GTimeZone */
  GPtrArray *days;    /* HallwayDay, borrowed from the conference, by index */
  GPtrArray *rooms;
  GPtrArray *tracks;
  GPtrArray *persons;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_object (&reader->conference);
  g_clear_pointer (&reader->zones, g_hash_table_unref);
  g_clear_pointer (&reader->days, g_ptr_array_unref);
  g_clear_pointer (&reader->rooms, g_ptr_array_unref);
  g_clear_pointer (&reader->tracks, g_ptr_array_unref);
  g_clear_pointer (&reader->persons, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* Copies the next size bytes to value; zeros and fails when there are fewer. */
static void
take (Reader *reader, void *value, gsize size)
{
  if (reader->failed || (gsize) (reader->end - reader->at) < size)
    {
      reader->failed = TRUE;
      memset (value, 0, size);
      return;
    }
  memcpy (value, reader->at, size);
  reader->at += size;
}

static guint32
take_u32 (Reader *reader)
{
  guint32 value;

  take (reader, &value, sizeof value);
  return value;
}

static gint64
take_i64 (Reader *reader)
{
  gint64 value;

  take (reader, &value, sizeof value);
  return value;
}

static double
take_f64 (Reader *reader)
{
  double value;

  take (reader, &value, sizeof value);
  return value;
}

/* The next string, borrowed from the snapshot; NULL for none or on failure. */
static const char *
take_string (Reader *reader)
{
  guint32 length = take_u32 (reader);
  const char *text = (const char *) reader->at;

  if (reader->failed || length == NO_STRING)
    return NULL;
  if ((gsize) (reader->end - reader->at) <= length || text[length] != '\0' ||
      memchr (text, '\0', length) != NULL || !g_utf8_validate_len (text, length, NULL))
    {
      reader->failed = TRUE;
      return NULL;
    }
  reader->at += length + 1;
  return text;
}

static char *
take_owned_string (Reader *reader)
{
  return g_strdup (take_string (reader));
}

static GDateTime *
take_time (Reader *reader)
{
  gint64 unix_usec = take_i64 (reader);
  const char *identifier = take_string (reader);
  GTimeZone *zone;
  g_autoptr (GDateTime) utc = NULL;

  if (identifier == NULL)
    return NULL;
  zone = g_hash_table_lookup (reader->zones, identifier);
  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (identifier);
      if (zone == NULL)
        return NULL;
      g_hash_table_insert (reader->zones, g_strdup (identifier), zone);
    }
  utc = g_date_time_new_from_unix_utc_usec (unix_usec);
  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

static void
take_text (Reader *reader, HallwayRichText *text)
{
  const char *source = take_string (reader);
  guint32 format = take_u32 (reader);

  if (format > HALLWAY_TEXT_MARKDOWN)
    reader->failed = TRUE;
  else
    hallway_rich_text_set (text, source, format);
}

/* The item at a stored index, referenced, or none for -1; fails for one out of range. */
static gpointer
take_item (Reader *reader, GPtrArray *items)
{
  gint32 index = (gint32) take_u32 (reader);

  if (index == -1 || reader->failed)
    return NULL;
  if (index < 0 || (guint) index >= items->len)
    {
      reader->failed = TRUE;
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, index));
}

static void
take_conference (Reader *reader)
{
  HallwayConference *conference = reader->conference;
  const char *zone;
  gboolean has_position;
  double latitude, longitude;

  hallway_conference_set_title (conference, take_string (reader));
  hallway_conference_set_acronym (conference, take_string (reader));
  hallway_conference_set_venue (conference, take_string (reader));
  hallway_conference_set_city (conference, take_string (reader));
  has_position = take_u32 (reader);
  latitude = take_f64 (reader);
  longitude = take_f64 (reader);
  if (has_position)
    hallway_conference_set_position (conference, latitude, longitude);
  zone = take_string (reader);
  if (zone != NULL && !hallway_conference_set_time_zone_name (conference, zone))
    reader->failed = TRUE;
  hallway_conference_set_base_url (conference, take_string (reader));
  hallway_conference_set_format (conference, take_string (reader));
}

/* Each list item is made by ensure (), which refuses what a reader never made (a track or
 * room without a name, a person without one): that is damage. */
static void
take_tracks (Reader *reader)
{
  for (guint32 n = take_u32 (reader); n > 0 && !reader->failed; n--)
    {
      HallwayTrack *track = hallway_conference_ensure_track (reader->conference,
                                                             take_string (reader));
      const char *slug = take_string (reader);
      const char *color = take_string (reader);

      if (track == NULL)
        {
          reader->failed = TRUE;
          return;
        }
      hallway_track_set_slug (track, slug);
      hallway_track_set_color (track, color);
      g_ptr_array_add (reader->tracks, track);
    }
}

static void
take_rooms (Reader *reader)
{
  for (guint32 n = take_u32 (reader); n > 0 && !reader->failed; n--)
    {
      HallwayRoom *room = hallway_conference_ensure_room (reader->conference,
                                                          take_string (reader));

      if (room == NULL)
        reader->failed = TRUE;
      else
        g_ptr_array_add (reader->rooms, room);
    }
}

static void
take_persons (Reader *reader)
{
  for (guint32 n = take_u32 (reader); n > 0 && !reader->failed; n--)
    {
      const char *id = take_string (reader);
      HallwayPerson *person = hallway_conference_ensure_person (reader->conference, id,
                                                                take_string (reader));
      HallwayRichText biography = { NULL, };

      take_text (reader, &biography);
      if (person == NULL)
        reader->failed = TRUE;
      else
        {
          hallway_person_set_biography (person, hallway_rich_text_get_source (&biography),
                                        biography.format);
          g_ptr_array_add (reader->persons, person);
        }
      hallway_rich_text_clear (&biography);
    }
}

static void
take_days (Reader *reader)
{
  for (guint32 n = take_u32 (reader); n > 0 && !reader->failed; n--)
    {
      g_autoptr (GDateTime) date = take_time (reader);

      if (date == NULL)
        reader->failed = TRUE;
      else
        g_ptr_array_add (reader->days, hallway_conference_ensure_day (reader->conference, date));
    }
}

static void
take_talk_persons_and_links (Reader *reader, HallwayTalk *talk)
{
  for (guint32 n = take_u32 (reader); n > 0 && !reader->failed; n--)
    {
      HallwayPerson *person = take_item (reader, reader->persons);

      if (person == NULL)
        reader->failed = TRUE;
      else
        g_ptr_array_add (talk->persons, person);
    }
  for (guint32 n = take_u32 (reader); n > 0 && !reader->failed; n--)
    {
      const char *label = take_string (reader);
      const char *url = take_string (reader);
      guint32 kind = take_u32 (reader);

      if (url == NULL || kind > HALLWAY_LINK_FEEDBACK)
        reader->failed = TRUE;
      else
        g_ptr_array_add (talk->links, hallway_link_new (label, url, kind));
    }
}

static void
take_talk (Reader *reader)
{
  g_autoptr (HallwayTalk) talk = hallway_talk_new ();
  char **strings[] = { &talk->id,    &talk->guid,     &talk->code,      &talk->slug,
                       &talk->title, &talk->subtitle, &talk->talk_type, &talk->language };
  g_autoptr (GDateTime) start = NULL, end = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    *strings[i] = take_owned_string (reader);
  take_text (reader, &talk->abstract);
  take_text (reader, &talk->description);
  talk->url = take_owned_string (reader);
  talk->feedback_url = take_owned_string (reader);
  start = take_time (reader);
  end = take_time (reader);
  talk->day = take_item (reader, reader->days);
  talk->room = take_item (reader, reader->rooms);
  talk->track = take_item (reader, reader->tracks);
  take_talk_persons_and_links (reader, talk);
  talk->do_not_record = take_u32 (reader) != 0;
  if (start == NULL || end == NULL)
    reader->failed = TRUE;
  if (reader->failed)
    return;
  hallway_talk_set_times (talk, start, end);
  hallway_conference_add_talk (reader->conference, g_steal_pointer (&talk));
}

/* Whether the header says this snapshot was taken of that payload by this build. */
static gboolean
take_header (Reader *reader, const char *payload_sha256)
{
  return take_u32 (reader) == MAGIC && take_u32 (reader) == SNAPSHOT_FORMAT &&
         g_strcmp0 (take_string (reader), BUILD_KEY) == 0 &&
         g_strcmp0 (take_string (reader), payload_sha256) == 0;
}

/* The finished conference the snapshot holds, or NULL when it is not one of the payload
 * whose SHA-256 is given, by this build, or is damaged. */
HallwayConference *
hallway_schedule_snapshot_read (GBytes *bytes, const char *payload_sha256)
{
  g_auto (Reader) reader = { NULL, };
  gsize size = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (payload_sha256 != NULL, NULL);

  reader.at = g_bytes_get_data (bytes, &size);
  /* An empty GBytes may hold NULL, to which nothing may be added. */
  if (reader.at == NULL)
    return NULL;
  reader.end = reader.at + size;
  if (!take_header (&reader, payload_sha256))
    return NULL;
  reader.conference = hallway_conference_new ();
  reader.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_time_zone_unref);
  reader.days = g_ptr_array_new ();
  reader.rooms = g_ptr_array_new ();
  reader.tracks = g_ptr_array_new ();
  reader.persons = g_ptr_array_new ();
  take_conference (&reader);
  take_tracks (&reader);
  take_rooms (&reader);
  take_persons (&reader);
  take_days (&reader);
  for (guint32 n = take_u32 (&reader); n > 0 && !reader.failed; n--)
    take_talk (&reader);
  if (reader.failed || reader.at != reader.end)
    return NULL;
  hallway_conference_finish (reader.conference);
  return g_steal_pointer (&reader.conference);
}
