/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-room"

#include "hallway-room.h"

/* A room of the venue, as the schedule names it ("AW1.120", "Saal 1"), and its slug for
 * URLs (FOSDEM's streams, campus navigation and room status). */
struct _HallwayRoom
{
  GObject parent_instance;
  char *name;
  char *slug;
};

G_DEFINE_FINAL_TYPE (HallwayRoom, hallway_room, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
hallway_room_finalize (GObject *object)
{
  g_free (HALLWAY_ROOM (object)->name);
  g_free (HALLWAY_ROOM (object)->slug);
  G_OBJECT_CLASS (hallway_room_parent_class)->finalize (object);
}

static void
hallway_room_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, HALLWAY_ROOM (object)->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_room_class_init (HallwayRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hallway_room_finalize;
  object_class->get_property = hallway_room_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_room_init (HallwayRoom *self)
{
}

HallwayRoom *
hallway_room_new (const char *name)
{
  HallwayRoom *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_ROOM, NULL);
  self->name = g_strdup (name);
  self->slug = hallway_room_slug_for_name (name);
  return self;
}

const char *
hallway_room_get_name (HallwayRoom *self)
{
  g_return_val_if_fail (HALLWAY_IS_ROOM (self), NULL);
  return self->name;
}

const char *
hallway_room_get_slug (HallwayRoom *self)
{
  g_return_val_if_fail (HALLWAY_IS_ROOM (self), NULL);
  return self->slug;
}

/* FOSDEM's room slug, as its schedule's <room slug> gives it and its stream, room status
 * and room pages use it: the name in lower case without the part in parentheses (the
 * room's honorary name) and without anything but ASCII letters and digits.
 * "H.1301 (Cornil)" → "h1301", "UB2.252A (Lameere)" → "ub2252a", "Janson" → "janson". */
char *
hallway_room_slug_for_name (const char *name)
{
  GString *slug;
  guint depth = 0;

  g_return_val_if_fail (name != NULL, NULL);

  slug = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
    }
  return g_string_free (slug, FALSE);
}

/* The room's location on a c3nav campus map (https://nav.fosdem.org/d/<slug>/), which keeps
 * the honorary name: FOSDEM Companion's rule (toRoomSlug), dots dropped, letters without
 * their accents, every run of other characters one "_", lower case.
 * "H.1301 (Cornil)" → "h1301_cornil", "AW1.120" → "aw1120", "Janson" → "janson". */
char *
hallway_room_location_slug_for_name (const char *name)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean gap = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  ascii = g_str_to_ascii (name, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '.' || *p == '\'')
        continue;
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        {
          gap = TRUE;
          continue;
        }
      if (gap && slug->len > 0)
        g_string_append_c (slug, '_');
      gap = FALSE;
      g_string_append_c (slug, g_ascii_tolower (*p));
    }
  return g_string_free (slug, FALSE);
}
