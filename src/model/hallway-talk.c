/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-talk"

#include "hallway-talk-private.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-track.h"

/* One talk, workshop or session: one slot in one room. The identity key is assigned by the
 * conference when it is finished (see hallway_conference_finish()). */

G_DEFINE_FINAL_TYPE (HallwayTalk, hallway_talk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ROOM_NAME,
  PROP_TRACK_NAME,
  PROP_START,
  PROP_END,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
hallway_talk_finalize (GObject *object)
{
  HallwayTalk *self = HALLWAY_TALK (object);

  g_free (self->key);
  g_free (self->id);
  g_free (self->guid);
  g_free (self->code);
  g_free (self->slug);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->talk_type);
  g_free (self->language);
  hallway_rich_text_clear (&self->abstract);
  hallway_rich_text_clear (&self->description);
  g_free (self->url);
  g_free (self->feedback_url);
  g_free (self->search_text);
  g_free (self->names_text);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_object (&self->day);
  g_clear_object (&self->room);
  g_clear_object (&self->track);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  G_OBJECT_CLASS (hallway_talk_parent_class)->finalize (object);
}

static void
hallway_talk_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HallwayTalk *self = HALLWAY_TALK (object);

  switch (prop_id)
    {
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_ROOM_NAME: g_value_set_string (value, hallway_talk_get_room_name (self)); break;
    case PROP_TRACK_NAME: g_value_set_string (value, hallway_talk_get_track_name (self)); break;
    case PROP_START: g_value_set_boxed (value, self->start); break;
    case PROP_END: g_value_set_boxed (value, self->end); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
hallway_talk_class_init (HallwayTalkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hallway_talk_finalize;
  object_class->get_property = hallway_talk_get_property;

  properties[PROP_KEY] = readable_string ("key");
  properties[PROP_TITLE] = readable_string ("title");
  properties[PROP_SUBTITLE] = readable_string ("subtitle");
  properties[PROP_ROOM_NAME] = readable_string ("room-name");
  properties[PROP_TRACK_NAME] = readable_string ("track-name");
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] = g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_talk_init (HallwayTalk *self)
{
  self->persons = g_ptr_array_new_with_free_func (g_object_unref);
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
}

HallwayTalk *
hallway_talk_new (void)
{
  return g_object_new (HALLWAY_TYPE_TALK, NULL);
}

void
hallway_talk_set_key (HallwayTalk *self, const char *key)
{
  g_return_if_fail (HALLWAY_IS_TALK (self));
  g_free (self->key);
  self->key = g_strdup (key);
}

void
hallway_talk_set_times (HallwayTalk *self, GDateTime *start, GDateTime *end)
{
  g_return_if_fail (HALLWAY_IS_TALK (self));
  g_return_if_fail (start != NULL && end != NULL);

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  self->start = g_date_time_ref (start);
  self->end = g_date_time_ref (end);
}

#define STRING_GETTER(field) \
  const char *hallway_talk_get_##field (HallwayTalk *self) \
  { \
    g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL); \
    return self->field; \
  }

STRING_GETTER (key)
STRING_GETTER (id)
STRING_GETTER (guid)
STRING_GETTER (code)
STRING_GETTER (slug)
STRING_GETTER (title)
STRING_GETTER (subtitle)
STRING_GETTER (talk_type)
STRING_GETTER (language)
STRING_GETTER (url)
STRING_GETTER (feedback_url)

/* Sanitized HTML, rendered on first use: call from the thread that owns the conference. */
const char *
hallway_talk_get_abstract (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return hallway_rich_text_get_html (&self->abstract);
}

const char *
hallway_talk_get_description (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return hallway_rich_text_get_html (&self->description);
}

GDateTime *
hallway_talk_get_start (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->start;
}

GDateTime *
hallway_talk_get_end (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->end;
}

GTimeSpan
hallway_talk_get_duration (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), 0);
  return g_date_time_difference (self->end, self->start);
}

HallwayDay *
hallway_talk_get_day (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->day;
}

HallwayRoom *
hallway_talk_get_room (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->room;
}

HallwayTrack *
hallway_talk_get_track (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->track;
}

const char *
hallway_talk_get_room_name (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->room != NULL ? hallway_room_get_name (self->room) : NULL;
}

const char *
hallway_talk_get_track_name (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->track != NULL ? hallway_track_get_name (self->track) : NULL;
}

GPtrArray *
hallway_talk_get_persons (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->persons;
}

GPtrArray *
hallway_talk_get_links (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);
  return self->links;
}

gboolean
hallway_talk_get_do_not_record (HallwayTalk *self)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self), FALSE);
  return self->do_not_record;
}

/* "Ada Lovelace, Grace Hopper": for rows and search. */
char *
hallway_talk_dup_speakers (HallwayTalk *self)
{
  GString *names;

  g_return_val_if_fail (HALLWAY_IS_TALK (self), NULL);

  names = g_string_new (NULL);
  for (guint i = 0; i < self->persons->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, hallway_person_get_name (g_ptr_array_index (self->persons, i)));
    }
  return g_string_free (names, FALSE);
}

gboolean
hallway_talk_overlaps (HallwayTalk *self, HallwayTalk *other)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (self) && HALLWAY_IS_TALK (other), FALSE);
  return g_date_time_compare (self->start, other->end) < 0 &&
         g_date_time_compare (other->start, self->end) < 0;
}

/* The schedule order: by start, then room, then title, so sorting is deterministic. */
int
hallway_talk_compare (gconstpointer a, gconstpointer b)
{
  HallwayTalk *ea = (HallwayTalk *) a;
  HallwayTalk *eb = (HallwayTalk *) b;
  int order = g_date_time_compare (ea->start, eb->start);

  if (order == 0)
    order = g_strcmp0 (hallway_talk_get_room_name (ea), hallway_talk_get_room_name (eb));
  if (order == 0)
    order = g_strcmp0 (ea->title, eb->title);
  return order;
}
