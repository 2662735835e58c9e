/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-track"

#include "hallway-track.h"

/* A track (FOSDEM devroom, CCC track): a name, a slug for URLs, a colour when given. */
struct _HallwayTrack
{
  GObject parent_instance;
  char *name;
  char *slug;
  char *color;
};

G_DEFINE_FINAL_TYPE (HallwayTrack, hallway_track, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_COLOR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
hallway_track_finalize (GObject *object)
{
  HallwayTrack *self = HALLWAY_TRACK (object);

  g_free (self->name);
  g_free (self->slug);
  g_free (self->color);
  G_OBJECT_CLASS (hallway_track_parent_class)->finalize (object);
}

static void
hallway_track_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HallwayTrack *self = HALLWAY_TRACK (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_COLOR: g_value_set_string (value, self->color); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_track_class_init (HallwayTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hallway_track_finalize;
  object_class->get_property = hallway_track_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_track_init (HallwayTrack *self)
{
}

HallwayTrack *
hallway_track_new (const char *name)
{
  HallwayTrack *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_TRACK, NULL);
  self->name = g_strdup (name);
  return self;
}

const char *
hallway_track_get_name (HallwayTrack *self)
{
  g_return_val_if_fail (HALLWAY_IS_TRACK (self), NULL);
  return self->name;
}

const char *
hallway_track_get_slug (HallwayTrack *self)
{
  g_return_val_if_fail (HALLWAY_IS_TRACK (self), NULL);
  return self->slug;
}

const char *
hallway_track_get_color (HallwayTrack *self)
{
  g_return_val_if_fail (HALLWAY_IS_TRACK (self), NULL);
  return self->color;
}

void
hallway_track_set_slug (HallwayTrack *self, const char *slug)
{
  g_return_if_fail (HALLWAY_IS_TRACK (self));
  g_free (self->slug);
  self->slug = g_strdup (slug);
}

void
hallway_track_set_color (HallwayTrack *self, const char *color)
{
  g_return_if_fail (HALLWAY_IS_TRACK (self));
  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
