/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-snapshot"

#include "config.h"

#include "hallway-conference-private.h"
#include "hallway-day.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-schedule-snapshot.h"
#include "hallway-talk-private.h"
#include "hallway-track.h"
#include "hallway-version.h"

/* A conference as a reader made it, as one GVariant: a start reads it back instead of
 * parsing the schedule again (FOSDEM 2026 grown to 17,000 talks took most of a second to
 * parse, issue 13). It holds what the readers set, not what finish () derives (keys, day
 * indexes, the indexes by owner): reading it back ends with finish () like a reader.
 *
 * A snapshot is only good for the payload it was taken of (its SHA-256) and for the build
 * that took it: a newer build may read schedules differently, so its version and git
 * revision are part of the header. Anything else (another format, damage, an index out of
 * range) makes hallway_schedule_snapshot_read () return NULL, and the caller parses. */

#define SNAPSHOT_FORMAT 1
#define BUILD_KEY PACKAGE_VERSION " " HALLWAY_VCS_REVISION

#define TIME "(xs)"
#define TEXT "(msu)"
#define CONFERENCE "(msmsmsmsbddmsmsms)"
#define TRACK "(smsms)"
#define PERSON "(msms" TEXT ")"
#define LINK "(ssu)"
#define TALK "(msmsmsmsmsmsmsms" TEXT TEXT "msms" TIME TIME "iiiaua" LINK "b)"
#define SNAPSHOT "(uss" CONFERENCE "a" TRACK "as" "a" PERSON "a" TIME "a" TALK ")"

/* ---- taking one ------------------------------------------------------------------------ */

typedef struct
{
  GHashTable *indexes; /* HallwayDay/Room/Track/Person → its index + 1 in its list */
} Writer;

static GVariant *
time_value (GDateTime *time)
{
  return g_variant_new (TIME, g_date_time_to_unix_usec (time),
                        g_time_zone_get_identifier (g_date_time_get_timezone (time)));
}

static GVariant *
text_value (const HallwayRichText *text)
{
  return g_variant_new (TEXT, hallway_rich_text_get_source (text), (guint32) text->format);
}

/* Adds each item of the list to the builder with add, and remembers its index. */
static void
add_list (Writer *writer, GVariantBuilder *builder, GListModel *list,
          GVariant *(*value) (gpointer item))
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);

      g_hash_table_insert (writer->indexes, item, GUINT_TO_POINTER (i + 1));
      g_variant_builder_add_value (builder, value (item));
    }
}

static GVariant *
track_value (gpointer item)
{
  HallwayTrack *track = item;

  return g_variant_new (TRACK, hallway_track_get_name (track), hallway_track_get_slug (track),
                        hallway_track_get_color (track));
}

static GVariant *
room_value (gpointer item)
{
  return g_variant_new_string (hallway_room_get_name (item));
}

static GVariant *
person_value (gpointer item)
{
  HallwayPerson *person = item;

  return g_variant_new ("(msms@" TEXT ")", hallway_person_get_id (person),
                        hallway_person_get_name (person),
                        text_value (hallway_person_peek_biography (person)));
}

static GVariant *
day_value (gpointer item)
{
  return time_value (hallway_day_get_date (item));
}

/* The index of a day, room, track or person in its list; -1 for none. */
static gint32
index_of (Writer *writer, gpointer item)
{
  return item != NULL ? (gint32) GPOINTER_TO_UINT (g_hash_table_lookup (writer->indexes, item)) - 1
                      : -1;
}

static GVariant *
talk_value (Writer *writer, HallwayTalk *talk)
{
  GVariantBuilder persons, links;

  g_variant_builder_init (&persons, G_VARIANT_TYPE ("au"));
  for (guint i = 0; i < talk->persons->len; i++)
    g_variant_builder_add (&persons, "u",
                           (guint32) index_of (writer, g_ptr_array_index (talk->persons, i)));
  g_variant_builder_init (&links, G_VARIANT_TYPE ("a" LINK));
  for (guint i = 0; i < talk->links->len; i++)
    {
      HallwayLink *link = g_ptr_array_index (talk->links, i);

      g_variant_builder_add (&links, LINK, hallway_link_get_label (link),
                             hallway_link_get_url (link), (guint32) hallway_link_get_kind (link));
    }
  return g_variant_new ("(msmsmsmsmsmsmsms@" TEXT "@" TEXT "msms@" TIME "@" TIME "iiiaua" LINK "b)",
                        talk->id, talk->guid, talk->code, talk->slug, talk->title,
                        talk->subtitle, talk->talk_type, talk->language,
                        text_value (&talk->abstract), text_value (&talk->description),
                        talk->url, talk->feedback_url, time_value (talk->start),
                        time_value (talk->end), index_of (writer, talk->day),
                        index_of (writer, talk->room), index_of (writer, talk->track), &persons,
                        &links, (gboolean) talk->do_not_record);
}

static GVariant *
conference_value (HallwayConference *conference)
{
  double latitude = 0, longitude = 0;
  gboolean has_position = hallway_conference_get_position (conference, &latitude, &longitude);

  return g_variant_new (CONFERENCE, hallway_conference_get_title (conference),
                        hallway_conference_get_acronym (conference),
                        hallway_conference_get_venue (conference),
                        hallway_conference_get_city (conference), has_position, latitude,
                        longitude, hallway_conference_get_time_zone_name (conference),
                        hallway_conference_get_base_url (conference),
                        hallway_conference_get_format (conference));
}

/* The snapshot of a finished conference read from the payload whose SHA-256 is given. */
GBytes *
hallway_schedule_snapshot_new (HallwayConference *conference, const char *payload_sha256)
{
  Writer writer = { g_hash_table_new (g_direct_hash, g_direct_equal) };
  GVariantBuilder tracks, rooms, persons, days, talks;
  g_autoptr (GVariant) snapshot = NULL;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (payload_sha256 != NULL, NULL);

  g_variant_builder_init (&tracks, G_VARIANT_TYPE ("a" TRACK));
  add_list (&writer, &tracks, hallway_conference_get_tracks (conference), track_value);
  g_variant_builder_init (&rooms, G_VARIANT_TYPE ("as"));
  add_list (&writer, &rooms, hallway_conference_get_rooms (conference), room_value);
  g_variant_builder_init (&persons, G_VARIANT_TYPE ("a" PERSON));
  add_list (&writer, &persons, hallway_conference_get_persons (conference), person_value);
  g_variant_builder_init (&days, G_VARIANT_TYPE ("a" TIME));
  add_list (&writer, &days, hallway_conference_get_days (conference), day_value);
  g_variant_builder_init (&talks, G_VARIANT_TYPE ("a" TALK));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (conference)); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      g_variant_builder_add_value (&talks, talk_value (&writer, talk));
    }
  g_hash_table_unref (writer.indexes);
  snapshot = g_variant_ref_sink (g_variant_new ("(uss@" CONFERENCE "a" TRACK "asa" PERSON
                                                "a" TIME "a" TALK ")",
                                                (guint32) SNAPSHOT_FORMAT, BUILD_KEY,
                                                payload_sha256, conference_value (conference),
                                                &tracks, &rooms, &persons, &days, &talks));
  return g_variant_get_data_as_bytes (snapshot);
}

/* ---- reading one back ---------------------------------------------------------------- */

typedef struct
{
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

static GDateTime *
read_time (Reader *reader, GVariant *value)
{
  gint64 unix_usec;
  const char *identifier;
  GTimeZone *zone;
  g_autoptr (GDateTime) utc = NULL;

  g_variant_get (value, "(x&s)", &unix_usec, &identifier);
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

/* A text's source and format; FALSE for a format there is none of. */
static gboolean
read_text (GVariant *value, const char **source, HallwayTextFormat *format)
{
  guint32 stored;

  g_variant_get (value, "(m&su)", source, &stored);
  *format = stored;
  return stored <= HALLWAY_TEXT_MARKDOWN;
}

static gboolean
read_rich_text (GVariant *value, HallwayRichText *text)
{
  const char *source;
  HallwayTextFormat format;

  if (!read_text (value, &source, &format))
    return FALSE;
  hallway_rich_text_set (text, source, format);
  return TRUE;
}

static gboolean
read_conference (Reader *reader, GVariant *value)
{
  const char *title, *acronym, *venue, *city, *zone, *base_url, *format;
  gboolean has_position;
  double latitude, longitude;

  g_variant_get (value, "(m&sm&sm&sm&sbddm&sm&sm&s)", &title, &acronym, &venue, &city,
                 &has_position, &latitude, &longitude, &zone, &base_url, &format);
  hallway_conference_set_title (reader->conference, title);
  hallway_conference_set_acronym (reader->conference, acronym);
  hallway_conference_set_venue (reader->conference, venue);
  hallway_conference_set_city (reader->conference, city);
  if (has_position)
    hallway_conference_set_position (reader->conference, latitude, longitude);
  hallway_conference_set_base_url (reader->conference, base_url);
  hallway_conference_set_format (reader->conference, format);
  return zone == NULL || hallway_conference_set_time_zone_name (reader->conference, zone);
}

static void
read_tracks (Reader *reader, GVariant *list)
{
  GVariantIter iter;
  const char *name, *slug, *color;

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&sm&sm&s)", &name, &slug, &color))
    {
      HallwayTrack *track = hallway_conference_ensure_track (reader->conference, name);

      /* A reader never makes one without a name; a damaged snapshot's index checks fail. */
      if (track == NULL)
        continue;
      hallway_track_set_slug (track, slug);
      hallway_track_set_color (track, color);
      g_ptr_array_add (reader->tracks, track);
    }
}

static void
read_rooms (Reader *reader, GVariant *list)
{
  GVariantIter iter;
  const char *name;

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "&s", &name))
    {
      HallwayRoom *room = hallway_conference_ensure_room (reader->conference, name);

      if (room != NULL)
        g_ptr_array_add (reader->rooms, room);
    }
}

static gboolean
read_persons (Reader *reader, GVariant *list)
{
  GVariantIter iter;
  const char *id, *name;
  GVariant *biography;

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(m&sm&s@" TEXT ")", &id, &name, &biography))
    {
      g_autoptr (GVariant) owned_biography = biography;
      HallwayPerson *person = hallway_conference_ensure_person (reader->conference, id, name);
      const char *source;
      HallwayTextFormat format;

      if (person == NULL || !read_text (biography, &source, &format))
        return FALSE;
      hallway_person_set_biography (person, source, format);
      g_ptr_array_add (reader->persons, person);
    }
  return TRUE;
}

static gboolean
read_days (Reader *reader, GVariant *list)
{
  GVariantIter iter;
  GVariant *value;

  g_variant_iter_init (&iter, list);
  while ((value = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (GVariant) owned = value;
      g_autoptr (GDateTime) date = read_time (reader, value);

      if (date == NULL)
        return FALSE;
      g_ptr_array_add (reader->days, hallway_conference_ensure_day (reader->conference, date));
    }
  return TRUE;
}

/* The item at a stored index, or none for -1; FALSE for an index out of range. */
static gboolean
item_at (GPtrArray *items, gint32 index, gpointer *item)
{
  *item = NULL;
  if (index == -1)
    return TRUE;
  if (index < 0 || (guint) index >= items->len)
    return FALSE;
  *item = g_object_ref (g_ptr_array_index (items, index));
  return TRUE;
}

static gboolean
read_talk_links (HallwayTalk *talk, GVariant *links)
{
  GVariantIter iter;
  const char *label, *url;
  guint32 kind;

  g_variant_iter_init (&iter, links);
  while (g_variant_iter_next (&iter, "(&s&su)", &label, &url, &kind))
    {
      if (kind > HALLWAY_LINK_FEEDBACK)
        return FALSE;
      g_ptr_array_add (talk->links, hallway_link_new (label, url, kind));
    }
  return TRUE;
}

static gboolean
read_talk_persons (Reader *reader, HallwayTalk *talk, GVariant *persons)
{
  GVariantIter iter;
  guint32 index;

  g_variant_iter_init (&iter, persons);
  while (g_variant_iter_next (&iter, "u", &index))
    {
      if (index >= reader->persons->len)
        return FALSE;
      g_ptr_array_add (talk->persons, g_object_ref (g_ptr_array_index (reader->persons, index)));
    }
  return TRUE;
}

static gboolean
read_talk (Reader *reader, GVariant *value)
{
  g_autoptr (HallwayTalk) talk = hallway_talk_new ();
  g_autoptr (GVariant) abstract = NULL, description = NULL, start = NULL, end = NULL;
  g_autoptr (GVariant) persons = NULL, links = NULL;
  g_autoptr (GDateTime) start_time = NULL, end_time = NULL;
  gint32 day, room, track;
  gboolean do_not_record;

  g_variant_get (value, "(msmsmsmsmsmsmsms@" TEXT "@" TEXT "msms@" TIME "@" TIME "iii@au@a" LINK
                        "b)",
                 &talk->id, &talk->guid, &talk->code, &talk->slug, &talk->title, &talk->subtitle,
                 &talk->talk_type, &talk->language, &abstract, &description, &talk->url,
                 &talk->feedback_url, &start, &end, &day, &room, &track, &persons, &links,
                 &do_not_record);
  talk->do_not_record = do_not_record;
  start_time = read_time (reader, start);
  end_time = read_time (reader, end);
  if (start_time == NULL || end_time == NULL || !read_rich_text (abstract, &talk->abstract) ||
      !read_rich_text (description, &talk->description) ||
      !item_at (reader->days, day, (gpointer *) &talk->day) ||
      !item_at (reader->rooms, room, (gpointer *) &talk->room) ||
      !item_at (reader->tracks, track, (gpointer *) &talk->track) ||
      !read_talk_persons (reader, talk, persons) || !read_talk_links (talk, links))
    return FALSE;
  hallway_talk_set_times (talk, start_time, end_time);
  hallway_conference_add_talk (reader->conference, g_steal_pointer (&talk));
  return TRUE;
}

static gboolean
read_talks (Reader *reader, GVariant *list)
{
  GVariantIter iter;
  GVariant *value;

  g_variant_iter_init (&iter, list);
  while ((value = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (GVariant) owned = value;

      if (!read_talk (reader, value))
        return FALSE;
    }
  return TRUE;
}

/* Whether the header says this snapshot was taken of that payload by this build. */
static gboolean
is_for (GVariant *snapshot, const char *payload_sha256)
{
  g_autoptr (GVariant) format = g_variant_get_child_value (snapshot, 0);
  g_autoptr (GVariant) build = g_variant_get_child_value (snapshot, 1);
  g_autoptr (GVariant) sha256 = g_variant_get_child_value (snapshot, 2);

  return g_variant_get_uint32 (format) == SNAPSHOT_FORMAT &&
         g_str_equal (g_variant_get_string (build, NULL), BUILD_KEY) &&
         g_str_equal (g_variant_get_string (sha256, NULL), payload_sha256);
}

/* The finished conference the snapshot holds, or NULL when it is not one of the payload
 * whose SHA-256 is given, by this build, or is damaged. */
HallwayConference *
hallway_schedule_snapshot_read (GBytes *bytes, const char *payload_sha256)
{
  g_autoptr (GVariant) snapshot = NULL;
  g_autoptr (GVariant) conference = NULL, tracks = NULL, rooms = NULL, persons = NULL;
  g_autoptr (GVariant) days = NULL, talks = NULL;
  g_auto (Reader) reader = { NULL, };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (payload_sha256 != NULL, NULL);

  /* Untrusted: GVariant checks the framing as it reads and gives defaults where it is
   * wrong, never reading outside the bytes. */
  snapshot = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SNAPSHOT), bytes,
                                                           FALSE));
  if (!is_for (snapshot, payload_sha256))
    return NULL;
  g_variant_get (snapshot, "(uss@" CONFERENCE "@a" TRACK "@as@a" PERSON "@a" TIME "@a" TALK ")",
                 NULL, NULL, NULL, &conference, &tracks, &rooms, &persons, &days, &talks);
  reader.conference = hallway_conference_new ();
  reader.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_time_zone_unref);
  reader.days = g_ptr_array_new ();
  reader.rooms = g_ptr_array_new ();
  reader.tracks = g_ptr_array_new ();
  reader.persons = g_ptr_array_new ();
  if (!read_conference (&reader, conference))
    return NULL;
  read_tracks (&reader, tracks);
  read_rooms (&reader, rooms);
  if (!read_persons (&reader, persons) || !read_days (&reader, days) ||
      !read_talks (&reader, talks))
    return NULL;
  hallway_conference_finish (reader.conference);
  return g_steal_pointer (&reader.conference);
}
