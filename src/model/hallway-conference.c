/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-conference"

#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-day.h"
#include "hallway-talk-private.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-track.h"

/* A conference is the GListModel of its talks, sorted by start then room, plus the
 * days, tracks, rooms and persons they refer to, and indexes to look talks up by each. */
struct _HallwayConference
{
  GObject parent_instance;

  char *title;
  char *acronym;
  char *venue;
  char *city;
  gboolean has_position;      /* the venue's, when the schedule gives one (iCal GEO) */
  double latitude;
  double longitude;
  char *time_zone_name;
  GTimeZone *time_zone;
  char *base_url;
  char *format;

  GPtrArray *talks;          /* HallwayTalk, sorted once finished */
  GHashTable *events_by_key;  /* key → HallwayTalk (borrowed) */

  GListStore *days;
  GListStore *tracks;
  GListStore *rooms;
  GListStore *persons;
  GHashTable *days_by_date;     /* "YYYY-MM-DD" → HallwayDay (borrowed) */
  GHashTable *tracks_by_name;   /* name → HallwayTrack (borrowed) */
  GHashTable *rooms_by_name;
  GHashTable *persons_by_id;    /* schedule id, else name → HallwayPerson (borrowed) */

  /* HallwayDay/Track/Room/Person → GListStore of its talks */
  GHashTable *events_by_owner;

  gboolean finished;
};

static void hallway_conference_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HallwayConference, hallway_conference, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hallway_conference_list_model_init))

static GType
hallway_conference_get_item_type (GListModel *model)
{
  return HALLWAY_TYPE_TALK;
}

static guint
hallway_conference_get_n_items (GListModel *model)
{
  HallwayConference *self = HALLWAY_CONFERENCE (model);

  return self->finished ? self->talks->len : 0;
}

static gpointer
hallway_conference_get_item (GListModel *model, guint position)
{
  HallwayConference *self = HALLWAY_CONFERENCE (model);

  if (!self->finished || position >= self->talks->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->talks, position));
}

static void
hallway_conference_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hallway_conference_get_item_type;
  iface->get_n_items = hallway_conference_get_n_items;
  iface->get_item = hallway_conference_get_item;
}

static void
hallway_conference_finalize (GObject *object)
{
  HallwayConference *self = HALLWAY_CONFERENCE (object);

  g_free (self->title);
  g_free (self->acronym);
  g_free (self->venue);
  g_free (self->city);
  g_free (self->time_zone_name);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->base_url);
  g_free (self->format);
  g_clear_pointer (&self->events_by_key, g_hash_table_unref);
  g_clear_pointer (&self->events_by_owner, g_hash_table_unref);
  g_clear_pointer (&self->talks, g_ptr_array_unref);
  g_clear_pointer (&self->days_by_date, g_hash_table_unref);
  g_clear_pointer (&self->tracks_by_name, g_hash_table_unref);
  g_clear_pointer (&self->rooms_by_name, g_hash_table_unref);
  g_clear_pointer (&self->persons_by_id, g_hash_table_unref);
  g_clear_object (&self->days);
  g_clear_object (&self->tracks);
  g_clear_object (&self->rooms);
  g_clear_object (&self->persons);
  G_OBJECT_CLASS (hallway_conference_parent_class)->finalize (object);
}

static void
hallway_conference_class_init (HallwayConferenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_conference_finalize;
}

static void
hallway_conference_init (HallwayConference *self)
{
  self->talks = g_ptr_array_new_with_free_func (g_object_unref);
  self->events_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->events_by_owner =
    g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->days = g_list_store_new (HALLWAY_TYPE_DAY);
  self->tracks = g_list_store_new (HALLWAY_TYPE_TRACK);
  self->rooms = g_list_store_new (HALLWAY_TYPE_ROOM);
  self->persons = g_list_store_new (HALLWAY_TYPE_PERSON);
  self->days_by_date = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tracks_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->rooms_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->persons_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->time_zone = g_time_zone_new_utc ();
}

HallwayConference *
hallway_conference_new (void)
{
  return g_object_new (HALLWAY_TYPE_CONFERENCE, NULL);
}

/* ---- metadata --------------------------------------------------------------------- */

static void
replace_string (char **field, const char *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

void
hallway_conference_set_title (HallwayConference *self, const char *title)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  replace_string (&self->title, title);
}

void
hallway_conference_set_acronym (HallwayConference *self, const char *acronym)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  replace_string (&self->acronym, acronym);
}

void
hallway_conference_set_venue (HallwayConference *self, const char *venue)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  replace_string (&self->venue, venue);
}

void
hallway_conference_set_city (HallwayConference *self, const char *city)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  replace_string (&self->city, city);
}

void
hallway_conference_set_base_url (HallwayConference *self, const char *base_url)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  replace_string (&self->base_url, base_url);
}

void
hallway_conference_set_format (HallwayConference *self, const char *format)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  replace_string (&self->format, format);
}

/* Returns FALSE, keeping the previous zone, when tz_name is not a zone this system knows. */
gboolean
hallway_conference_set_time_zone_name (HallwayConference *self, const char *tz_name)
{
  GTimeZone *zone;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), FALSE);

  if (tz_name == NULL || *tz_name == '\0')
    return FALSE;
  zone = g_time_zone_new_identifier (tz_name);
  if (zone == NULL)
    return FALSE;
  g_time_zone_unref (self->time_zone);
  self->time_zone = zone;
  replace_string (&self->time_zone_name, tz_name);
  return TRUE;
}

#define STRING_GETTER(field) \
  const char *hallway_conference_get_##field (HallwayConference *self) \
  { \
    g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL); \
    return self->field; \
  }

/* Degrees, WGS 84; out of range values are not a place. */
void
hallway_conference_set_position (HallwayConference *self, double latitude, double longitude)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));

  self->has_position = latitude >= -90 && latitude <= 90 && longitude >= -180 &&
                       longitude <= 180;
  self->latitude = latitude;
  self->longitude = longitude;
}

gboolean
hallway_conference_get_position (HallwayConference *self, double *latitude, double *longitude)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), FALSE);

  if (!self->has_position)
    return FALSE;
  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Where the conference is, as the schedule says it: "ULB (Université Libre de Bruxelles),
 * Brussels", the venue or the city alone; NULL when it says nothing. */
char *
hallway_conference_dup_venue_text (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (has_text (self->venue) && has_text (self->city))
    return g_strconcat (self->venue, ", ", self->city, NULL);
  if (has_text (self->venue))
    return g_strdup (self->venue);
  return has_text (self->city) ? g_strdup (self->city) : NULL;
}

/* The position's latitude and longitude as URIs write them: a dot, 7 decimals (1 cm). */
static void
format_position (HallwayConference *self, char latitude[G_ASCII_DTOSTR_BUF_SIZE],
                 char longitude[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_ascii_formatd (latitude, G_ASCII_DTOSTR_BUF_SIZE, "%.7f", self->latitude);
  g_ascii_formatd (longitude, G_ASCII_DTOSTR_BUF_SIZE, "%.7f", self->longitude);
}

/* A map of the venue: a geo: URI (RFC 5870, which GNOME Maps opens) at the schedule's
 * position, else OpenStreetMap's search for the venue and its city in the browser; NULL
 * without a position or a city (a venue name alone, such as "Online", is no place). */
char *
hallway_conference_dup_venue_map_uri (HallwayConference *self)
{
  g_autofree char *text = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (self->has_position)
    {
      char latitude[G_ASCII_DTOSTR_BUF_SIZE];
      char longitude[G_ASCII_DTOSTR_BUF_SIZE];

      format_position (self, latitude, longitude);
      return g_strdup_printf ("geo:%s,%s", latitude, longitude);
    }
  if (!has_text (self->city))
    return NULL;
  text = hallway_conference_dup_venue_text (self);
  query = g_uri_escape_string (text, NULL, FALSE);
  return g_strconcat ("https://www.openstreetmap.org/search?query=", query, NULL);
}

/* The same place on OpenStreetMap's web map, for a desktop where nothing opens geo: URIs;
 * NULL without a position. */
char *
hallway_conference_dup_venue_web_map_uri (HallwayConference *self)
{
  char latitude[G_ASCII_DTOSTR_BUF_SIZE];
  char longitude[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (!self->has_position)
    return NULL;
  format_position (self, latitude, longitude);
  return g_strdup_printf ("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=17/%s/%s",
                          latitude, longitude, latitude, longitude);
}

STRING_GETTER (title)
STRING_GETTER (acronym)
STRING_GETTER (venue)
STRING_GETTER (city)
STRING_GETTER (time_zone_name)
STRING_GETTER (base_url)
STRING_GETTER (format)

GTimeZone *
hallway_conference_get_time_zone (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  return self->time_zone;
}

GListModel *
hallway_conference_get_days (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  return G_LIST_MODEL (self->days);
}

static GDateTime *
first_day (HallwayConference *self)
{
  g_autoptr (HallwayDay) day = g_list_model_get_item (G_LIST_MODEL (self->days), 0);

  return day != NULL ? hallway_day_get_date (day) : NULL;
}

static gboolean
same_date (GDateTime *a, GDateTime *b)
{
  return a != NULL && b != NULL && g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *folded_a = a != NULL ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *folded_b = b != NULL ? g_utf8_casefold (b, -1) : NULL;

  return folded_a != NULL && *folded_a != '\0' && g_strcmp0 (folded_a, folded_b) == 0;
}

gboolean
hallway_conference_is_same_as (HallwayConference *self, HallwayConference *other)
{
  const char *acronym, *other_acronym;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), FALSE);
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (other), FALSE);

  if (!same_date (first_day (self), first_day (other)))
    return FALSE;
  acronym = hallway_conference_get_acronym (self);
  other_acronym = hallway_conference_get_acronym (other);
  if (acronym != NULL && *acronym != '\0' && other_acronym != NULL && *other_acronym != '\0')
    return same_text (acronym, other_acronym);
  return same_text (hallway_conference_get_title (self), hallway_conference_get_title (other));
}

GListModel *
hallway_conference_get_tracks (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  return G_LIST_MODEL (self->tracks);
}

GListModel *
hallway_conference_get_rooms (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  return G_LIST_MODEL (self->rooms);
}

GListModel *
hallway_conference_get_persons (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  return G_LIST_MODEL (self->persons);
}

/* ---- building --------------------------------------------------------------------- */

HallwayTrack *
hallway_conference_ensure_track (HallwayConference *self, const char *name)
{
  HallwayTrack *track;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  track = g_hash_table_lookup (self->tracks_by_name, name);
  if (track == NULL)
    {
      g_autoptr (HallwayTrack) created = hallway_track_new (name);

      track = created;
      g_list_store_append (self->tracks, created);
      g_hash_table_insert (self->tracks_by_name, (char *) hallway_track_get_name (track), track);
    }
  return track;
}

HallwayRoom *
hallway_conference_ensure_room (HallwayConference *self, const char *name)
{
  HallwayRoom *room;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  room = g_hash_table_lookup (self->rooms_by_name, name);
  if (room == NULL)
    {
      g_autoptr (HallwayRoom) created = hallway_room_new (name);

      room = created;
      g_list_store_append (self->rooms, created);
      g_hash_table_insert (self->rooms_by_name, (char *) hallway_room_get_name (room), room);
    }
  return room;
}

/* Persons are the same person when the schedule gives them the same id; without ids,
 * when they have the same name. */
HallwayPerson *
hallway_conference_ensure_person (HallwayConference *self, const char *id, const char *name)
{
  g_autofree char *lookup_key = NULL;
  HallwayPerson *person;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  lookup_key = (id != NULL && *id != '\0') ? g_strconcat ("id:", id, NULL)
                                           : g_strconcat ("name:", name, NULL);
  person = g_hash_table_lookup (self->persons_by_id, lookup_key);
  if (person == NULL)
    {
      g_autoptr (HallwayPerson) created = hallway_person_new (id, name);

      person = created;
      g_list_store_append (self->persons, created);
      g_hash_table_insert (self->persons_by_id, g_steal_pointer (&lookup_key), person);
    }
  return person;
}

HallwayDay *
hallway_conference_ensure_day (HallwayConference *self, GDateTime *date)
{
  g_autoptr (GDateTime) in_zone = NULL;
  g_autofree char *iso = NULL;
  HallwayDay *day;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  iso = g_date_time_format (date, "%Y-%m-%d");
  day = g_hash_table_lookup (self->days_by_date, iso);
  if (day == NULL)
    {
      g_autoptr (HallwayDay) created = NULL;

      in_zone = g_date_time_new (self->time_zone, g_date_time_get_year (date),
                                 g_date_time_get_month (date),
                                 g_date_time_get_day_of_month (date), 0, 0, 0);
      created = hallway_day_new (0, in_zone);
      day = created;
      g_list_store_append (self->days, created);
      g_hash_table_insert (self->days_by_date, g_steal_pointer (&iso), day);
    }
  return day;
}

void
hallway_conference_add_talk (HallwayConference *self, HallwayTalk *talk)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  g_return_if_fail (HALLWAY_IS_TALK (talk));
  g_return_if_fail (!self->finished);
  g_return_if_fail (talk->start != NULL && talk->end != NULL);

  g_ptr_array_add (self->talks, talk);
}

guint
hallway_conference_get_n_pending_talks (HallwayConference *self)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), 0);
  return self->talks->len;
}

/* guid, else acronym/id, else slug, else title@start: stable across schedule updates. */
static char *
base_key (HallwayConference *self, HallwayTalk *talk)
{
  g_autofree char *start = NULL;

  if (talk->guid != NULL)
    return g_strdup (talk->guid);
  if (talk->id != NULL)
    return g_strdup_printf ("%s/%s", self->acronym ? self->acronym : "", talk->id);
  if (talk->slug != NULL)
    return g_strdup (talk->slug);
  start = g_date_time_format_iso8601 (talk->start);
  return g_strdup_printf ("%s@%s", talk->title ? talk->title : "", start);
}

/* A repeated slot (the same guid or id at two times) stays a separate talk: the first in
 * schedule order keeps the plain key, the next ones get "#2", "#3"… */
static void
assign_keys (HallwayConference *self)
{
  for (guint i = 0; i < self->talks->len; i++)
    {
      HallwayTalk *talk = g_ptr_array_index (self->talks, i);
      g_autofree char *key = base_key (self, talk);
      g_autofree char *unique = g_strdup (key);

      for (guint n = 2; g_hash_table_contains (self->events_by_key, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s#%u", key, n);
        }
      hallway_talk_set_key (talk, unique);
      g_hash_table_insert (self->events_by_key, talk->key, talk);
    }
}

/* Collected in arrays first: one items-changed per store, not one per talk. */
static void
index_talk (GHashTable *collected, gpointer owner, HallwayTalk *talk)
{
  GPtrArray *talks;

  if (owner == NULL)
    return;
  talks = g_hash_table_lookup (collected, owner);
  if (talks == NULL)
    {
      talks = g_ptr_array_new ();
      g_hash_table_insert (collected, owner, talks);
    }
  g_ptr_array_add (talks, talk);
}

static void
build_indexes (HallwayConference *self)
{
  g_autoptr (GHashTable) collected = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer owner, talks;

  for (guint i = 0; i < self->talks->len; i++)
    {
      HallwayTalk *talk = g_ptr_array_index (self->talks, i);

      index_talk (collected, talk->day, talk);
      index_talk (collected, talk->track, talk);
      index_talk (collected, talk->room, talk);
      for (guint p = 0; p < talk->persons->len; p++)
        index_talk (collected, g_ptr_array_index (talk->persons, p), talk);
    }
  g_hash_table_iter_init (&iter, collected);
  while (g_hash_table_iter_next (&iter, &owner, &talks))
    {
      GListStore *store = g_list_store_new (HALLWAY_TYPE_TALK);
      GPtrArray *array = talks;

      g_list_store_splice (store, 0, 0, array->pdata, array->len);
      g_hash_table_insert (self->events_by_owner, owner, store);
    }
}

static int
compare_days (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_date_time_compare (hallway_day_get_date ((HallwayDay *) a),
                              hallway_day_get_date ((HallwayDay *) b));
}

static void
assign_days (HallwayConference *self)
{
  for (guint i = 0; i < self->talks->len; i++)
    {
      HallwayTalk *talk = g_ptr_array_index (self->talks, i);

      if (talk->day == NULL)
        {
          g_autoptr (GDateTime) local = g_date_time_to_timezone (talk->start, self->time_zone);

          talk->day = g_object_ref (hallway_conference_ensure_day (self, local));
        }
    }
  g_list_store_sort (self->days, compare_days, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->days)); i++)
    {
      g_autoptr (HallwayDay) day = g_list_model_get_item (G_LIST_MODEL (self->days), i);

      hallway_day_set_index (day, i + 1);
    }
}

static int
compare_talk_pointers (gconstpointer a, gconstpointer b)
{
  return hallway_talk_compare (*(HallwayTalk **) a, *(HallwayTalk **) b);
}

/* Sorts, derives the missing days, assigns identity keys and builds the indexes; the
 * conference is then a complete, read-only list of talks. */
void
hallway_conference_finish (HallwayConference *self)
{
  g_return_if_fail (HALLWAY_IS_CONFERENCE (self));
  g_return_if_fail (!self->finished);

  g_ptr_array_sort (self->talks, compare_talk_pointers);
  assign_days (self);
  assign_keys (self);
  build_indexes (self);
  self->finished = TRUE;
  if (self->talks->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->talks->len);
}

/* ---- lookups ---------------------------------------------------------------------- */

HallwayTalk *
hallway_conference_lookup_talk (HallwayConference *self, const char *key)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->events_by_key, key);
}

static GListModel *
events_of (HallwayConference *self, gpointer owner)
{
  GListStore *store = g_hash_table_lookup (self->events_by_owner, owner);

  if (store == NULL)
    {
      /* Kept so the caller gets a model it can hold on to, like every other answer. */
      store = g_list_store_new (HALLWAY_TYPE_TALK);
      g_hash_table_insert (self->events_by_owner, owner, store);
    }
  return G_LIST_MODEL (store);
}

GListModel *
hallway_conference_get_talks_for_day (HallwayConference *self, HallwayDay *day)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_DAY (day), NULL);
  return events_of (self, day);
}

GListModel *
hallway_conference_get_talks_for_track (HallwayConference *self, HallwayTrack *track)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_TRACK (track), NULL);
  return events_of (self, track);
}

GListModel *
hallway_conference_get_talks_for_room (HallwayConference *self, HallwayRoom *room)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_ROOM (room), NULL);
  return events_of (self, room);
}

GListModel *
hallway_conference_get_talks_for_person (HallwayConference *self, HallwayPerson *person)
{
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_PERSON (person), NULL);
  return events_of (self, person);
}

/* FOSDEM streams every room at live.fosdem.org/watch/<room slug> ("H.1301 (Cornil)" →
 * "h1301"). Other conferences give stream links in the schedule itself, so they get none
 * here. */
char *
hallway_conference_dup_live_stream_url (HallwayConference *self, HallwayTalk *talk)
{
  HallwayRoom *room = hallway_talk_get_room (talk);

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);

  if (room == NULL || self->acronym == NULL ||
      g_ascii_strncasecmp (self->acronym, "fosdem", strlen ("fosdem")) != 0)
    return NULL;
  return g_strconcat ("https://live.fosdem.org/watch/", hallway_room_get_slug (room), NULL);
}

/* What runs at `now` and what starts within `horizon` of it, in schedule order. */
GListModel *
hallway_conference_dup_now_and_next (HallwayConference *self, GDateTime *now, GTimeSpan horizon)
{
  g_autoptr (GDateTime) until = NULL;
  GListStore *store;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  until = g_date_time_add (now, horizon);
  store = g_list_store_new (HALLWAY_TYPE_TALK);
  for (guint i = 0; i < self->talks->len; i++)
    {
      HallwayTalk *talk = g_ptr_array_index (self->talks, i);

      if (g_date_time_compare (talk->start, until) >= 0)
        break;
      if (g_date_time_compare (now, talk->end) < 0)
        g_list_store_append (store, talk);
    }
  return G_LIST_MODEL (store);
}
